#include "live/LiveTapePanel.h"

#include "common/Format.h"
#include "feeds/LiveController.h"
#include "live/LiveTapeModel.h"

#include <QComboBox>
#include <QFontMetrics>
#include <algorithm>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace lhm::ui {

static const double kFilterPresets[] = {0, 1e3, 1e4, 1e5, 1e6};

LiveTapePanel::LiveTapePanel(QWidget *parent) : QWidget(parent) {
    model_ = new LiveTapeModel(this);
    auto *title = new QLabel(tr("Liquidations"), this);
    QFont f = title->font();
    f.setBold(true);
    title->setFont(f);
    filter_ = new QComboBox(this);
    filter_->setToolTip(tr("Hide liquidations smaller than this notional"));
    for (double v : kFilterPresets) filter_->addItem(v > 0 ? tr("≥ %1").arg(Format::usd(v)) : tr("All sizes"), v);
    connect(filter_, &QComboBox::currentIndexChanged, this, [this](int i) {
        model_->setMinNotional(filter_->itemData(i).toDouble());
        updateCount();
    });
    count_ = new QLabel(this);
    auto *top = new QHBoxLayout;
    top->addWidget(title);
    top->addStretch(1);
    top->addWidget(count_);
    top->addWidget(filter_);

    view_ = new QTableView(this);
    view_->setModel(model_);
    view_->setSelectionMode(QAbstractItemView::NoSelection);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->setAlternatingRowColors(true);
    view_->setShowGrid(false);
    view_->verticalHeader()->hide();
    view_->verticalHeader()->setDefaultSectionSize(20);
    // Fixed widths from the widest value each column shows: ResizeToContents measured the first
    // (empty) rows and a stretched symbol column then squeezed side and price to "Sh…"/"60…" in a
    // narrow dock. Spare width goes to the notional, the last column, right-aligned.
    const QFontMetrics fm(view_->font());
    const auto fit = [&](int col, const QString &widest) {
        const QString header = model_->headerData(col, Qt::Horizontal, Qt::DisplayRole).toString();
        view_->setColumnWidth(col, std::max(fm.horizontalAdvance(widest), fm.horizontalAdvance(header)) + 18);
    };
    fit(LiveTapeModel::Time, QStringLiteral("00:00:00.000"));
    fit(LiveTapeModel::Exchange, QStringLiteral("hyperliquid"));
    fit(LiveTapeModel::Symbol, QStringLiteral("1000PEPEUSDT"));
    fit(LiveTapeModel::SideCol, tr("Short"));
    fit(LiveTapeModel::Price, QStringLiteral("107851.20"));
    view_->horizontalHeader()->setStretchLastSection(true);
    view_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(view_, 1);
    connect(model_, &QAbstractItemModel::rowsInserted, this, &LiveTapePanel::updateCount);
    connect(model_, &QAbstractItemModel::modelReset, this, &LiveTapePanel::updateCount);
    updateCount();
}

void LiveTapePanel::connectTo(feeds::LiveController *controller) {
    connect(controller, &feeds::LiveController::updated, this,
            [this](const QList<LiquidationEvent> &l, const QList<feeds::PriceTick> &) { addEvents(l); });
}

void LiveTapePanel::addEvents(const QList<LiquidationEvent> &events) { model_->append(events); }

void LiveTapePanel::setMinNotional(double usd) {
    int best = 0;
    for (int i = 0; i < filter_->count(); ++i)
        if (filter_->itemData(i).toDouble() <= usd) best = i;
    filter_->setCurrentIndex(best);
    model_->setMinNotional(usd);
    updateCount();
}

void LiveTapePanel::setMaxRows(int rows) { model_->setMaxRows(rows); }

void LiveTapePanel::updateCount() {
    count_->setText(tr("%n shown", nullptr, model_->rowCount()) + QStringLiteral(" · ") +
                    tr("%n received", nullptr, int(model_->received())));
}

}  // namespace lhm::ui
