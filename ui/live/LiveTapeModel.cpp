#include "live/LiveTapeModel.h"

#include "common/Format.h"
#include "exchanges/ExchangeText.h"
#include "common/Theme.h"

#include <QDateTime>
#include <QTimer>

namespace lhm::ui {

LiveTapeModel::LiveTapeModel(QObject *parent) : QAbstractTableModel(parent) {
    timer_ = new QTimer(this);
    timer_->setSingleShot(true);
    timer_->setInterval(40);
    connect(timer_, &QTimer::timeout, this, &LiveTapeModel::flush);
}

void LiveTapeModel::setMaxRows(int rows) {
    maxRows_ = std::max(1, rows);
    rebuild();
}

void LiveTapeModel::setMinNotional(double usd) {
    if (usd == minNotional_) return;
    minNotional_ = std::max(0.0, usd);
    rebuild();
}

void LiveTapeModel::setRefreshIntervalMs(int ms) { timer_->setInterval(std::max(0, ms)); }

void LiveTapeModel::append(const QList<LiquidationEvent> &events) {
    if (events.isEmpty()) return;
    received_ += events.size();
    pending_.append(events);
    if (!timer_->isActive()) timer_->start();
}

void LiveTapeModel::flush() {
    timer_->stop();
    if (pending_.isEmpty()) return;
    ++refreshes_;
    const size_t keepAll = size_t(maxRows_) * 4;
    // Only the newest events can still be on screen after this refresh.
    const qsizetype first = std::max<qsizetype>(0, pending_.size() - qsizetype(keepAll));
    std::vector<LiquidationEvent> shown;
    for (qsizetype i = first; i < pending_.size(); ++i) {
        const LiquidationEvent &e = pending_.at(i);
        all_.push_front(e);
        if (e.notional >= minNotional_) shown.push_back(e);
    }
    pending_.clear();
    while (all_.size() > keepAll) all_.pop_back();
    if (shown.size() > size_t(maxRows_)) shown.erase(shown.begin(), shown.end() - maxRows_);
    if (!shown.empty()) {
        beginInsertRows({}, 0, int(shown.size()) - 1);
        for (const LiquidationEvent &e : shown) rows_.push_front(e);
        endInsertRows();
    }
    if (rows_.size() > size_t(maxRows_)) {
        beginRemoveRows({}, maxRows_, int(rows_.size()) - 1);
        rows_.resize(size_t(maxRows_));
        endRemoveRows();
    }
}

void LiveTapeModel::rebuild() {
    beginResetModel();
    rows_.clear();
    for (const LiquidationEvent &e : all_) {
        if (rows_.size() >= size_t(maxRows_)) break;
        if (e.notional >= minNotional_) rows_.push_back(e);
    }
    endResetModel();
}

int LiveTapeModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(rows_.size()); }

int LiveTapeModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant LiveTapeModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= int(rows_.size())) return {};
    const LiquidationEvent &e = rows_.at(size_t(index.row()));
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Time: return QDateTime::fromMSecsSinceEpoch(e.time, Qt::UTC).toString(QStringLiteral("HH:mm:ss.zzz"));
        case Exchange: return ExchangeText::displayName(e.exchange);
        case Symbol: return e.symbol;
        case SideCol: return e.side == Side::Long ? tr("Long") : tr("Short");
        case Price: return QString::number(e.price, 'g', 10);  // as the exchange printed it: 3829.41, 0.02456
        case Notional: return Format::usd(e.notional);
        }
    } else if (role == Qt::ForegroundRole && (index.column() == SideCol || index.column() == Notional)) {
        return e.side == Side::Long ? Theme::palette().longSide : Theme::palette().shortSide;
    } else if (role == Qt::TextAlignmentRole && index.column() >= Price) {
        return int(Qt::AlignRight | Qt::AlignVCenter);
    } else if (role == Qt::ToolTipRole) {
        return tr("%1 %2: %3 liquidated, %4 at %5 (%6), %7 UTC")
            .arg(ExchangeText::displayName(e.exchange), e.symbol, e.side == Side::Long ? tr("long") : tr("short"),
                 QString::number(e.qty, 'g', 10), QString::number(e.price, 'g', 10), Format::usd(e.notional),
                 QDateTime::fromMSecsSinceEpoch(e.time, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")));
    }
    return {};
}

QVariant LiveTapeModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Time: return tr("Time (UTC)");
    case Exchange: return tr("Exchange");
    case Symbol: return tr("Symbol");
    case SideCol: return tr("Side");
    case Price: return tr("Price");
    case Notional: return tr("Notional");
    }
    return {};
}

}  // namespace lhm::ui
