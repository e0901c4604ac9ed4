#include "alerts/AlertDialog.h"

#include "alerts/AlertText.h"
#include "exchanges/ExchangeText.h"
#include "models/LiquidationModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace lhm::ui {

using namespace lhm::alerts;

QDoubleSpinBox *AlertDialog::money(double max) {
    auto *b = new QDoubleSpinBox(this);
    b->setRange(0, max);
    b->setDecimals(2);
    b->setGroupSeparatorShown(true);
    b->setSpecialValueText(tr("not set"));
    connect(b, &QDoubleSpinBox::valueChanged, this, &AlertDialog::validate);
    return b;
}

AlertDialog::AlertDialog(const AlertRule &rule, const QStringList &symbols, QWidget *parent) : QDialog(parent), base_(rule) {
    setWindowTitle(rule.id ? tr("Edit alert") : tr("New alert"));
    setObjectName(QStringLiteral("alertDialog"));
    auto *v = new QVBoxLayout(this);
    form_ = new QFormLayout;
    v->addLayout(form_);
    name_ = new QLineEdit(rule.name, this);
    symbol_ = new QComboBox(this);
    symbol_->setEditable(true);
    symbol_->addItems(symbols);
    symbol_->setCurrentText(rule.symbol);
    exchange_ = new QComboBox(this);
    exchange_->addItem(tr("All exchanges"), QString());
    for (const QString &e : knownExchanges()) exchange_->addItem(ExchangeText::displayName(e), e);
    exchange_->setCurrentIndex(std::max(0, exchange_->findData(rule.exchanges.value(0))));
    type_ = new QComboBox(this);
    for (int t = 0; t < kRuleTypeCount; ++t) type_->addItem(AlertText::type(RuleType(t)), t);
    type_->setCurrentIndex(int(rule.type));
    direction_ = new QComboBox(this);
    direction_->addItem(tr("Crosses above"), int(Direction::Above));
    direction_->addItem(tr("Crosses below"), int(Direction::Below));
    direction_->setCurrentIndex(rule.params.direction == Direction::Above ? 0 : 1);
    side_ = new QComboBox(this);
    side_->addItem(tr("Any side"), int(SideFilter::Any));
    side_->addItem(tr("Longs"), int(SideFilter::Long));
    side_->addItem(tr("Shorts"), int(SideFilter::Short));
    side_->setCurrentIndex(int(rule.params.side));
    model_ = new QComboBox(this);
    model_->addItems(liquidationModelNames());  // the model registry (core/models/ModelRegistry.cpp)
    model_->setCurrentText(rule.params.model);
    level_ = money();
    level_->setValue(rule.params.level);
    distance_ = money(100);
    distance_->setValue(rule.params.distancePct > 0 ? rule.params.distancePct : 0.5);
    minCluster_ = money();
    minCluster_->setValue(rule.params.minClusterUsd > 0 ? rule.params.minClusterUsd : 1e6);
    minNotional_ = money();
    minNotional_->setValue(rule.params.minNotional > 0 ? rule.params.minNotional : 100000);
    priceFrom_ = money();
    priceFrom_->setValue(rule.params.priceFrom.value_or(0));
    priceTo_ = money();
    priceTo_->setValue(rule.params.priceTo.value_or(0));
    count_ = new QSpinBox(this);
    count_->setRange(0, 1000000);
    count_->setSpecialValueText(tr("not set"));
    count_->setValue(int(rule.params.count));
    notional_ = money();
    notional_->setValue(rule.params.notional);
    window_ = new QSpinBox(this);
    window_->setRange(1, 86400);
    window_->setValue(int(rule.params.windowS));
    cooldown_ = new QDoubleSpinBox(this);
    cooldown_->setRange(0, 7 * 86400);
    cooldown_->setValue(double(rule.cooldownMs) / 1000.0);
    once_ = new QCheckBox(tr("Fire once, then stop"), this);
    once_->setChecked(rule.once);
    enabled_ = new QCheckBox(tr("Enabled"), this);
    enabled_->setChecked(rule.enabled);
    webhook_ = new QLineEdit(rule.webhookUrl, this);
    webhook_->setPlaceholderText(tr("default from the channel settings"));
    auto *chanRow = new QWidget(this);
    auto *h = new QHBoxLayout(chanRow);
    h->setContentsMargins(0, 0, 0, 0);
    for (Channel c : {Desktop, Popup, Webhook, Telegram, Email}) {
        auto *b = new QCheckBox(AlertText::channel(c), chanRow);
        b->setChecked(rule.channels & c);
        connect(b, &QCheckBox::toggled, this, &AlertDialog::validate);
        channels_.insert(c, b);
        h->addWidget(b);
    }

    form_->addRow(AlertText::field(QStringLiteral("name")), name_);
    form_->addRow(AlertText::field(QStringLiteral("symbol")), symbol_);
    form_->addRow(AlertText::field(QStringLiteral("exchange")), exchange_);
    form_->addRow(tr("Rule"), type_);
    form_->addRow(tr("Direction"), direction_);
    form_->addRow(AlertText::field(QStringLiteral("level")), level_);
    form_->addRow(AlertText::field(QStringLiteral("distance_pct")), distance_);
    form_->addRow(AlertText::field(QStringLiteral("min_cluster_usd")), minCluster_);
    form_->addRow(tr("Model"), model_);
    form_->addRow(AlertText::field(QStringLiteral("min_notional")), minNotional_);
    form_->addRow(AlertText::field(QStringLiteral("price_from")), priceFrom_);
    form_->addRow(AlertText::field(QStringLiteral("price_to")), priceTo_);
    form_->addRow(AlertText::field(QStringLiteral("count")), count_);
    form_->addRow(AlertText::field(QStringLiteral("notional")), notional_);
    form_->addRow(AlertText::field(QStringLiteral("window_s")), window_);
    form_->addRow(tr("Side"), side_);
    form_->addRow(AlertText::field(QStringLiteral("cooldown_s")), cooldown_);
    form_->addRow(QString(), once_);
    form_->addRow(QString(), enabled_);
    form_->addRow(AlertText::field(QStringLiteral("channels")), chanRow);
    form_->addRow(AlertText::field(QStringLiteral("webhook_url")), webhook_);
    error_ = new QLabel(this);
    error_->setObjectName(QStringLiteral("alertDialogError"));
    error_->setStyleSheet(QStringLiteral("color: #f85149;"));
    error_->setWordWrap(true);
    v->addWidget(error_);
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    v->addWidget(buttons_);
    connect(buttons_, &QDialogButtonBox::accepted, this, &AlertDialog::submit);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(type_, &QComboBox::currentIndexChanged, this, [this] {
        updateFields();
        validate();
    });
    for (QLineEdit *e : {name_, webhook_}) connect(e, &QLineEdit::textChanged, this, &AlertDialog::validate);
    connect(symbol_, &QComboBox::currentTextChanged, this, &AlertDialog::validate);
    for (QSpinBox *s : {count_, window_}) connect(s, &QSpinBox::valueChanged, this, &AlertDialog::validate);
    updateFields();
    validate();
}

void AlertDialog::updateFields() {
    const RuleType t = RuleType(type_->currentData().toInt());
    auto show = [&](QWidget *w, bool on) { form_->setRowVisible(w, on); };
    const bool cluster = t == RuleType::ClusterNear || t == RuleType::ClusterConsumed;
    show(direction_, t == RuleType::PriceCross);
    show(level_, t == RuleType::PriceCross);
    show(distance_, t == RuleType::ClusterNear);
    show(minCluster_, cluster);
    show(model_, cluster);
    show(minNotional_, t == RuleType::Liquidation);
    show(priceFrom_, t == RuleType::Liquidation);
    show(priceTo_, t == RuleType::Liquidation);
    show(count_, t == RuleType::Cascade);
    show(notional_, t == RuleType::Cascade);
    show(window_, t == RuleType::Cascade);
    show(side_, t != RuleType::PriceCross);
    adjustSize();
}

AlertRule AlertDialog::rule() const {
    AlertRule r = base_;
    r.name = name_->text().trimmed();
    r.symbol = symbol_->currentText().trimmed().toUpper();
    r.exchanges.clear();
    if (!exchange_->currentData().toString().isEmpty()) r.exchanges << exchange_->currentData().toString();
    r.type = RuleType(type_->currentData().toInt());
    RuleParams &p = r.params;
    p.direction = Direction(direction_->currentData().toInt());
    p.side = SideFilter(side_->currentData().toInt());
    p.model = model_->currentText();
    p.level = level_->value();
    p.distancePct = distance_->value();
    p.minClusterUsd = minCluster_->value();
    p.minNotional = minNotional_->value();
    p.priceFrom = priceFrom_->value() > 0 ? std::optional<double>(priceFrom_->value()) : std::nullopt;
    p.priceTo = priceTo_->value() > 0 ? std::optional<double>(priceTo_->value()) : std::nullopt;
    p.count = count_->value();
    p.notional = notional_->value();
    p.windowS = window_->value();
    r.cooldownMs = qint64(cooldown_->value() * 1000);
    r.once = once_->isChecked();
    r.enabled = enabled_->isChecked();
    r.channels = 0;
    for (auto it = channels_.cbegin(); it != channels_.cend(); ++it)
        if (it.value()->isChecked()) r.channels |= it.key();
    r.webhookUrl = webhook_->text().trimmed();
    return r;
}

QString AlertDialog::problem() const {
    const Status s = rule().validate();
    return s ? QString() : AlertText::invalid(s.error().field, s.error().message);
}

void AlertDialog::validate() {
    if (!buttons_) return;  // still building the form
    const QString p = problem();
    error_->setText(p);
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(p.isEmpty());
}

void AlertDialog::submit() {
    validate();
    if (problem().isEmpty()) emit submitted(rule());
}

void AlertDialog::showError(const QString &text) { error_->setText(text); }

}  // namespace lhm::ui
