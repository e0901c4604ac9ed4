#pragma once
// The registered chart views (ui/main/ViewRegistry.cpp, one line per view). MainWindow places
// them (tabs, docks, View and File menu entries), the coordinator shows the session's failures in
// them and the screenshot mode renders any of them by id.
#include "common/PlotView.h"

#include <QList>

namespace lhm::ui {

// One of each registered view, in registration order (the tab order), parented to `parent`.
QList<PlotView *> createViews(QWidget *parent = nullptr);
// The registered view with this id; null when none has it.
PlotView *createView(const QString &id, QWidget *parent = nullptr);
QStringList viewIds();

}  // namespace lhm::ui
