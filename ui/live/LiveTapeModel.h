#pragma once
// The liquidation tape's table model. Events are queued by append() and applied at most every
// `refreshIntervalMs` (40 ms = 25 refreshes/s) in one insert, however fast they arrive, so a flood
// of 10,000 events/s costs the view ~25 repaints a second. Newest first, capped row count, and a
// minimum-notional filter that re-applies to the events already held.
#include "common/Types.h"

#include <QAbstractTableModel>
#include <QList>
#include <deque>

class QTimer;

namespace lhm::ui {

class LiveTapeModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Time, Exchange, Symbol, SideCol, Price, Notional, ColumnCount };

    explicit LiveTapeModel(QObject *parent = nullptr);

    void setMaxRows(int rows);
    int maxRows() const { return maxRows_; }
    void setMinNotional(double usd);
    double minNotional() const { return minNotional_; }
    void setRefreshIntervalMs(int ms);

    // Queues events (oldest first, as the feeds deliver them); shown on the next refresh.
    void append(const QList<LiquidationEvent> &events);
    // Applies what is queued now (tests, and before a screenshot).
    void flush();
    const LiquidationEvent &eventAt(int row) const { return rows_.at(size_t(row)); }
    qint64 refreshes() const { return refreshes_; }
    qint64 received() const { return received_; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

private:
    void rebuild();

    std::deque<LiquidationEvent> all_;   // newest first, every size, capped at a few times maxRows_
    std::deque<LiquidationEvent> rows_;  // newest first, filtered, capped at maxRows_
    QList<LiquidationEvent> pending_;
    QTimer *timer_ = nullptr;
    int maxRows_ = 500;
    double minNotional_ = 0;
    qint64 refreshes_ = 0, received_ = 0;
};

}  // namespace lhm::ui
