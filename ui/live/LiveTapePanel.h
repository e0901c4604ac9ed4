#pragma once
// Scrolling tape of realised liquidations (time, exchange, symbol, side, price, notional), newest
// on top, with a minimum-size filter. Fed from LiveController::updated through LiveTapeModel,
// which coalesces refreshes to ~25 per second.
#include "common/Types.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;

namespace lhm::feeds {
class LiveController;
}

namespace lhm::ui {

class LiveTapeModel;

class LiveTapePanel : public QWidget {
    Q_OBJECT
public:
    explicit LiveTapePanel(QWidget *parent = nullptr);

    // Follows a controller's coalesced batches (the controller must outlive this panel or be
    // disconnected first).
    void connectTo(lhm::feeds::LiveController *controller);
    void addEvents(const QList<LiquidationEvent> &events);
    void setMinNotional(double usd);  // also moves the filter box to the nearest preset at or below
    void setMaxRows(int rows);

    LiveTapeModel *model() const { return model_; }
    QTableView *view() const { return view_; }

private:
    void updateCount();

    LiveTapeModel *model_ = nullptr;
    QTableView *view_ = nullptr;
    QComboBox *filter_ = nullptr;
    QLabel *count_ = nullptr;
};

}  // namespace lhm::ui
