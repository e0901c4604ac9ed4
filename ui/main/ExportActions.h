#pragma once
// File → Export: asks for a file name, writes a view as PNG or the shown grid / map as CSV (the
// CSV and Pine Script on a worker thread: a year of cells takes a moment) and reports the outcome as a message.
#include "engine/CoreEngine.h"

#include <QObject>

class QWidget;

namespace lhm::ui {

class ExportActions : public QObject {
    Q_OBJECT
public:
    explicit ExportActions(QWidget *dialogParent);

    void png(QWidget *view, const QString &suggestedName);
    void gridCsv(const GridPtr &grid);
    void mapCsv(const MapPtr &map);
    // TradingView Pine Script v5 of the map's top `top` estimated levels (analysis/PineScript.h).
    void pine(const MapPtr &map, int top = 20);

signals:
    void message(const QString &text);

private:
    QWidget *parent_;
};

}  // namespace lhm::ui
