#include "main/ScreenshotRenderer.h"

#include "engine/ExchangeAggregate.h"
#include "exchanges/ExchangesView.h"

#include "common/Timeframe.h"
#include "compare/ComparisonPanel.h"
#include "compare/ModelComparisonView.h"
#include "heatmap/DensityLayer.h"
#include "heatmap/HeatmapView.h"
#include "main/MainWindow.h"
#include "main/SignalWiring.h"
#include "main/ViewSelection.h"
#include "map/LiquidationMapView.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>
#include <QFileInfo>
#include <qcustomplot.h>

namespace lhm::ui {

namespace {

// Shows the widget off-screen at its final size so layouts and plot axis rects are real.
void prepare(QWidget *w, QSize size) {
    w->setAttribute(Qt::WA_DontShowOnScreen);
    w->resize(size);
    w->show();
    QCoreApplication::processEvents();
}

void settle(const QList<QCustomPlot *> &plots) {
    for (QCustomPlot *p : plots) p->replot(QCustomPlot::rpImmediateRefresh);
    QCoreApplication::processEvents();
}

}  // namespace

// The whole main window as a trader sees it, with settings kept in a temporary file so the
// user's own are neither read nor changed.
int ScreenshotRenderer::renderWindow(const ScreenshotOptions &o, QString *error, EngineBackend backend) {
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("view/exchange"), o.exchange);
    settings.setValue(QStringLiteral("view/symbol"), o.symbol);
    settings.setValue(QStringLiteral("view/window"), o.window);
    settings.setValue(QStringLiteral("view/model"), o.model);
    settings.setValue(QStringLiteral("view/bucket"), o.bucket);
    settings.sync();
    MainWindowOptions mo;
    mo.dbPath = o.dbPath;
    mo.settingsPath = settings.fileName();
    mo.firstRunDialog = false;
    mo.exchanges = allExchanges();
    auto *engine = new CoreEngine(o.dbPath, std::move(backend));
    MainWindow w(mo, engine);
    engine->setParent(&w);
    w.setAttribute(Qt::WA_DontShowOnScreen);
    w.resize(o.size);
    w.show();
    // Until the session has every answer (or a typed failure), at most two minutes.
    if (!w.session()->isSettled()) {
        QEventLoop loop;
        QObject::connect(w.session(), &Session::settled, &loop, &QEventLoop::quit);
        QTimer::singleShot(120000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    engine->waitForIdle();
    // The signal badge and marks follow the grid on a pool thread of their own.
    if (w.signalWiring()->isComputing()) {
        QEventLoop loop;
        QObject::connect(w.signalWiring(), &SignalWiring::computed, &loop, &QEventLoop::quit);
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    QCoreApplication::processEvents();
    if (!w.session()->grid()) {
        *error = QCoreApplication::translate("ScreenshotRenderer", "no data for %1 %2 %3").arg(o.symbol, o.exchange, o.window);
        return 2;
    }
    w.heatmapView()->layer()->refreshNow();
    QCoreApplication::processEvents();
    if (!w.grab().save(o.output, "PNG")) {
        *error = QCoreApplication::translate("ScreenshotRenderer", "cannot write %1").arg(o.output);
        return 2;
    }
    return 0;
}

int ScreenshotRenderer::run(const ScreenshotOptions &o, QString *error, EngineBackend backend) {
    auto fail = [error](const QString &msg) {
        *error = msg;
        return 2;
    };
    if (o.output.isEmpty()) return fail(QCoreApplication::translate("ScreenshotRenderer", "--screenshot needs a file name"));
    if (!windowByName(o.window))
        return fail(QCoreApplication::translate("ScreenshotRenderer", "unknown window '%1' (use one of %2)")
                        .arg(o.window, windowNames().join(QLatin1Char(' '))));
    if (o.view != QLatin1String("heatmap") && o.view != QLatin1String("map") && o.view != QLatin1String("compare") &&
        o.view != QLatin1String("exchanges") && o.view != QLatin1String("window"))
        return fail(QCoreApplication::translate("ScreenshotRenderer", "unknown view '%1' (use heatmap, map, compare, exchanges or window)").arg(o.view));
    if (!o.size.isValid() || o.size.width() < 200 || o.size.height() < 150)
        return fail(QCoreApplication::translate("ScreenshotRenderer", "--size must be at least 200x150"));
    if (!QFileInfo::exists(o.dbPath))
        return fail(QCoreApplication::translate("ScreenshotRenderer", "no data: database %1 does not exist").arg(o.dbPath));

    if (o.view == QLatin1String("window")) return renderWindow(o, error, std::move(backend));

    ViewSelection sel;
    sel.exchange = o.exchange;
    sel.symbol = o.symbol;
    sel.window = o.window;
    sel.model = o.model;
    sel.bucket = o.bucket;
    const HeatmapRequest req = sel.request();

    CoreEngine engine(o.dbPath, std::move(backend));
    QEventLoop loop;
    QString failure;
    GridPtr grid;
    MapPtr map;
    ComparisonPtr cmp;
    QObject::connect(&engine, &CoreEngine::heatmapReady, &loop, [&](quint64, GridPtr g, bool fromCache) {
        grid = g;
        if (!fromCache) loop.quit();
    });
    QObject::connect(&engine, &CoreEngine::liquidationMapReady, &loop, [&](quint64, MapPtr m) {
        map = m;
        loop.quit();
    });
    QObject::connect(&engine, &CoreEngine::comparisonReady, &loop, [&](quint64, ComparisonPtr c) {
        cmp = c;
        loop.quit();
    });
    QObject::connect(&engine, &CoreEngine::requestFailed, &loop, [&](quint64, RequestKind, const QString &m) {
        failure = m;
        loop.quit();
    });
    if (o.view == QLatin1String("heatmap") || o.view == QLatin1String("exchanges")) engine.requestHeatmap(req);
    else if (o.view == QLatin1String("map")) engine.requestLiquidationMap(req);
    else engine.requestComparison(req);
    loop.exec();

    const QString what = QStringLiteral("%1 %2 %3").arg(o.symbol, o.exchange, o.window);
    if (!failure.isEmpty())
        return fail(QCoreApplication::translate("ScreenshotRenderer", "no data for %1: %2").arg(what, failure));

    std::unique_ptr<QWidget> widget;
    if (o.view == QLatin1String("heatmap")) {
        if (!grid || grid->cols() == 0) return fail(QCoreApplication::translate("ScreenshotRenderer", "no data for %1").arg(what));
        auto *v = new HeatmapView;
        widget.reset(v);
        prepare(v, o.size);
        v->setGrid(grid);
        settle({v->plot()});
        v->layer()->refreshNow();
        settle({v->plot()});
    } else if (o.view == QLatin1String("exchanges")) {
        if (!grid || grid->cols() == 0) return fail(QCoreApplication::translate("ScreenshotRenderer", "no data for %1").arg(what));
        auto *v = new ExchangesView;
        widget.reset(v);
        prepare(v, o.size);
        v->setGrid(grid);
        settle({v->plot()});
    } else if (o.view == QLatin1String("map")) {
        if (!map || map->rows == 0) return fail(QCoreApplication::translate("ScreenshotRenderer", "no data for %1").arg(what));
        auto *v = new LiquidationMapView;
        widget.reset(v);
        prepare(v, o.size);
        v->setMap(map);
        settle({v->plot()});
    } else {
        if (!cmp || cmp->grids.empty()) return fail(QCoreApplication::translate("ScreenshotRenderer", "no data for %1").arg(what));
        auto *v = new ModelComparisonView;
        widget.reset(v);
        prepare(v, o.size);
        v->setComparison(cmp);
        QList<QCustomPlot *> plots;
        for (int i = 0; i < v->panelCount(); ++i) plots << v->panel(i)->plot();
        settle(plots);
        for (int i = 0; i < v->panelCount(); ++i) v->panel(i)->layer()->refreshNow();
        settle(plots);
    }
    if (!widget->grab().save(o.output, "PNG"))
        return fail(QCoreApplication::translate("ScreenshotRenderer", "cannot write %1").arg(o.output));
    return 0;
}

}  // namespace lhm::ui
