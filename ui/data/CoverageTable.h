#pragma once
// What the store holds (Store::seriesInfo, the same as `lhm info`): one row per exchange, symbol,
// type and interval with row count, first/last time (UTC) and the number of gaps.
#include "store/Store.h"

#include <QTableWidget>
#include <vector>

namespace lhm::ui {

class CoverageTable : public QTableWidget {
    Q_OBJECT
public:
    enum Column { Exchange, Symbol, Type, Interval, Rows, From, To, Gaps, ColumnCount };
    explicit CoverageTable(QWidget *parent = nullptr);
    void setSeries(const std::vector<SeriesInfo> &series);

protected:
    void paintEvent(QPaintEvent *event) override;  // says what to do when the store is empty
};

}  // namespace lhm::ui
