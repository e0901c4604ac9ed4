#include "main/ControlBar.h"

#include "exchanges/ExchangeText.h"
#include "common/ModelNames.h"
#include "common/Timeframe.h"

#include <QCompleter>

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>

namespace lhm::ui {

ControlBar::ControlBar(QWidget *parent) : QToolBar(tr("View"), parent) {
    setObjectName(QStringLiteral("controlBar"));
    setMovable(false);
    symbol_ = addCombo(tr("Symbol"), tr("Contract to show (what the store holds)"));
    exchange_ = addCombo(tr("Exchange"), tr("Exchange whose history the estimate uses"));
    window_ = addCombo(tr("Window"), tr("Time span of the heatmap; the candle size follows it"));
    model_ = addCombo(tr("Model"), tr("Liquidation model"));
    bucket_ = addCombo(tr("Bucket"), tr("Price bucket size in USD"));
    window_->addItems(windowNames());
    // Any contract can be typed; the list completes from what the store holds.
    symbol_->setEditable(true);
    symbol_->setInsertPolicy(QComboBox::NoInsert);
    symbol_->completer()->setCompletionMode(QCompleter::PopupCompletion);
    symbol_->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    connect(symbol_->lineEdit(), &QLineEdit::editingFinished, this, [this] {
        const QString typed = symbol_->currentText().trimmed().toUpper();
        if (typed.isEmpty() || typed == symbol_->itemText(symbol_->currentIndex())) return;
        silent_ = true;
        if (symbol_->findText(typed) < 0) symbol_->addItem(typed);
        symbol_->setCurrentIndex(symbol_->findText(typed));
        silent_ = false;
        emit selectionChanged(selection());
    });
    bucket_->addItem(tr("Auto"), 0.0);
    for (double b : {0.5, 1.0, 2.0, 5.0, 10.0, 25.0, 50.0, 100.0, 250.0, 500.0})
        bucket_->addItem(QStringLiteral("$%1").arg(b), b);
    setSymbols({QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")});
    setExchanges({QStringLiteral("binance")});
    for (QComboBox *box : {symbol_, exchange_, window_, model_, bucket_})
        connect(box, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
            if (!silent_) emit selectionChanged(selection());
        });
}

QComboBox *ControlBar::addCombo(const QString &label, const QString &tip) {
    auto *l = new QLabel(label, this);
    addWidget(l);
    auto *box = new QComboBox(this);
    box->setToolTip(tip);
    box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    l->setBuddy(box);
    addWidget(box);
    addSeparator();
    return box;
}

void ControlBar::setItems(QComboBox *box, const QStringList &items, const QString &keep) {
    QStringList all = items;
    if (!keep.isEmpty() && !all.contains(keep)) all.prepend(keep);
    box->clear();
    box->addItems(all);
    box->setCurrentText(keep.isEmpty() && !all.isEmpty() ? all.front() : keep);
}

void ControlBar::setSymbols(const QStringList &symbols) {
    silent_ = true;
    setItems(symbol_, symbols, symbol_->currentText());
    silent_ = false;
}

void ControlBar::setExchanges(const QStringList &exchanges) {
    silent_ = true;
    // Items show the display name and carry the exchange's id as data; "All exchanges" (several
    // venues summed) carries "all".
    const QString keep = exchange_->currentData().toString();
    exchange_->clear();
    for (const QString &e : exchanges) exchange_->addItem(ExchangeText::displayName(e), e);
    if (exchanges.size() > 1) exchange_->addItem(tr("All exchanges"), QStringLiteral("all"));
    const int i = exchange_->findData(keep);
    exchange_->setCurrentIndex(i >= 0 ? i : 0);
    silent_ = false;
}

void ControlBar::setModels(const QStringList &models) {
    silent_ = true;
    const QString keep = model_->currentData().toString();
    model_->clear();
    for (const QString &m : models) model_->addItem(modelDisplayName(m), m);
    const int i = model_->findData(keep);
    model_->setCurrentIndex(i >= 0 ? i : 0);
    silent_ = false;
}

void ControlBar::setSelection(const ViewSelection &s) {
    silent_ = true;
    int m = model_->findData(s.model);
    if (m < 0) {
        model_->addItem(modelDisplayName(s.model), s.model);
        m = model_->count() - 1;
    }
    model_->setCurrentIndex(m);
    int e = exchange_->findData(s.exchange);
    if (e < 0) {
        exchange_->addItem(ExchangeText::name(s.exchange), s.exchange);
        e = exchange_->count() - 1;
    }
    exchange_->setCurrentIndex(e);
    for (auto [box, text] : {std::pair{symbol_, s.symbol}, std::pair{window_, s.window}}) {
        if (box->findText(text) < 0) box->addItem(text);
        box->setCurrentText(text);
    }
    int b = bucket_->findData(s.bucket);
    if (b < 0) {
        bucket_->addItem(QStringLiteral("$%1").arg(s.bucket), s.bucket);
        b = bucket_->count() - 1;
    }
    bucket_->setCurrentIndex(b);
    silent_ = false;
}

ViewSelection ControlBar::selection() const {
    ViewSelection s;
    s.symbol = symbol_->currentText().trimmed().toUpper();
    s.exchange = exchange_->currentData().toString();
    if (s.exchange.isEmpty()) s.exchange = exchange_->currentText();
    s.window = window_->currentText();
    s.model = model_->currentData().toString();
    s.bucket = bucket_->currentData().toDouble();
    return s;
}

}  // namespace lhm::ui
