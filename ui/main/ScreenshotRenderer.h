#pragma once
// `liquidationheatmap --screenshot`: computes one view through CoreEngine, renders it off-screen
// at a given size and writes a PNG. Used for the README pictures and by the tests.
#include "engine/CoreEngine.h"

#include <QSize>
#include <QString>

namespace lhm::ui {

struct ScreenshotOptions {
    QString dbPath;
    QString exchange = QStringLiteral("binance");
    QString symbol = QStringLiteral("BTCUSDT");
    QString window = QStringLiteral("7d");
    QString model = QStringLiteral("binance_standard");
    double bucket = 0;
    QString view = QStringLiteral("heatmap");  // a registered view id (ui/main/ViewRegistry.cpp) or window (the whole main window)
    QSize size{1600, 900};
    QString output;
    // Window view only. "on": Live turned on with the toolbar's toggle and shown once a price tick
    // of the symbol arrived plus liveMs of stream; "off": the same, then Live turned off again.
    // Feeds come from exchanges.yaml (LHM_CONFIG_DIR points it at a replay server).
    QString live;
    int liveMs = 4000;
};

class ScreenshotRenderer {
public:
    // Returns the process exit code: 0 written, 2 bad arguments or no data (`error` says why in
    // one line). `backend` lets tests render hand-made grids.
    static int run(const ScreenshotOptions &o, QString *error, EngineBackend backend = EngineBackend::standard());

private:
    static int renderWindow(const ScreenshotOptions &o, QString *error, EngineBackend backend);
    static bool runLive(class MainWindow &w, const ScreenshotOptions &o, QString *error);
};

}  // namespace lhm::ui
