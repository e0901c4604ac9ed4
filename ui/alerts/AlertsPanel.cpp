#include "alerts/AlertsPanel.h"

#include "alerts/AlertText.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace lhm::ui {

using namespace lhm::alerts;

namespace {

QTableWidget *makeTable(QWidget *parent, const QStringList &headers) {
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    t->setAlternatingRowColors(true);
    return t;
}

QString when(qint64 ms) {
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("MM-dd HH:mm:ss")) : QStringLiteral("—");
}

}  // namespace

AlertsPanel::AlertsPanel(QWidget *parent) : QWidget(parent) {
    setObjectName(QStringLiteral("alertsPanel"));
    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(4, 4, 4, 4);
    tabs_ = new QTabWidget(this);
    v->addWidget(tabs_);

    auto *rulesPage = new QWidget(tabs_);
    auto *rv = new QVBoxLayout(rulesPage);
    rv->setContentsMargins(0, 0, 0, 0);
    table_ = makeTable(rulesPage, {tr("Name"), tr("Symbol"), tr("Rule"), tr("Status"), tr("Last fired"), tr("Channels")});
    rv->addWidget(table_);
    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("New…"), rulesPage);
    edit_ = new QPushButton(tr("Edit…"), rulesPage);
    remove_ = new QPushButton(tr("Delete"), rulesPage);
    auto *channels = new QPushButton(tr("Channels…"), rulesPage);
    for (QPushButton *b : {add, edit_, remove_}) buttons->addWidget(b);
    buttons->addStretch(1);
    buttons->addWidget(channels);
    rv->addLayout(buttons);
    tabs_->addTab(rulesPage, tr("Rules"));

    history_ = makeTable(tabs_, {tr("Time (UTC)"), tr("Alert"), tr("Symbol"), tr("Value"), tr("Price"), tr("Deliveries")});
    tabs_->addTab(history_, tr("History"));

    connect(add, &QPushButton::clicked, this, &AlertsPanel::newRequested);
    connect(channels, &QPushButton::clicked, this, &AlertsPanel::channelsRequested);
    connect(edit_, &QPushButton::clicked, this, [this] {
        if (const AlertRule *r = selected()) emit editRequested(*r);
    });
    connect(table_, &QTableWidget::cellDoubleClicked, this, [this] {
        if (const AlertRule *r = selected()) emit editRequested(*r);
    });
    connect(remove_, &QPushButton::clicked, this, [this] {
        const AlertRule *r = selected();
        if (!r) return;
        if (QMessageBox::question(this, tr("Delete alert"), tr("Delete the alert \"%1\"? Its history stays.").arg(r->name)) ==
            QMessageBox::Yes)
            emit removeRequested(r->id);
    });
    auto updateButtons = [this] {
        edit_->setEnabled(selected());
        remove_->setEnabled(selected());
    };
    connect(table_, &QTableWidget::itemSelectionChanged, this, updateButtons);
    updateButtons();
}

const AlertRule *AlertsPanel::selected() const {
    const int row = table_->currentRow();
    return row >= 0 && row < rules_.size() && !table_->selectedItems().isEmpty() ? &rules_[row] : nullptr;
}

void AlertsPanel::setRules(const QList<AlertRule> &rules, qint64 nowMs) {
    const qint64 keep = selected() ? selected()->id : 0;
    rules_ = rules;
    table_->setRowCount(int(rules.size()));
    for (int i = 0; i < rules.size(); ++i) {
        const AlertRule &r = rules[i];
        const RuleStatus st = r.effectiveStatus(nowMs);
        const QStringList cells = {r.name, r.symbol, QStringLiteral("%1: %2").arg(AlertText::type(r.type), AlertText::condition(r)),
                                   r.enabled ? AlertText::status(st) : tr("Disabled"), when(r.lastFiredAt),
                                   AlertText::channels(r.channels)};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            if (c == 3 && st == RuleStatus::Triggered) item->setForeground(QColor(0xf0, 0xb4, 0x29));
            table_->setItem(i, c, item);
        }
        if (r.id == keep) table_->selectRow(i);
    }
    table_->resizeColumnsToContents();
}

void AlertsPanel::setHistory(const QList<AlertFiringRow> &rows) {
    history_->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        const AlertFiringRow &r = rows[i];
        QStringList deliveries;
        const QJsonObject d = QJsonDocument::fromJson(r.deliveries.toUtf8()).object();
        for (auto it = d.begin(); it != d.end(); ++it) {
            Channel c;
            const QString name = channelFromName(it.key(), &c) ? AlertText::channel(c) : it.key();
            const QString result = it.value().toString();
            deliveries << QStringLiteral("%1: %2").arg(name, result.startsWith(QLatin1String("ok")) ? tr("ok")
                                                              : result.startsWith(QLatin1String("skipped")) ? tr("skipped")
                                                                                                            : tr("failed"));
        }
        const QStringList cells = {when(r.time), r.ruleId ? r.ruleName : tr("Flood summary"), r.symbol,
                                   QLocale().toString(r.value, 'f', r.value >= 100 ? 0 : 2),
                                   QLocale().toString(r.price, 'f', r.price >= 100 ? 0 : 2),
                                   deliveries.isEmpty() ? tr("pending") : deliveries.join(QStringLiteral(", "))};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            if (c == 5) item->setToolTip(r.message + u'\n' + r.deliveries);  // full reasons for failures
            history_->setItem(i, c, item);
        }
    }
    history_->resizeColumnsToContents();
}

}  // namespace lhm::ui
