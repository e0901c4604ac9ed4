#include "main/ScreenshotRenderer.h"

#include "engine/ExchangeAggregate.h"

#include "common/Timeframe.h"
#include "main/MainWindow.h"
#include "main/SignalWiring.h"
#include "main/ViewRegistry.h"
#include "main/ViewSelection.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>
#include <QFileInfo>
#include <QAction>
#include <QStatusBar>
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

// Whether the session holds a non-empty answer of the kind the view draws.
bool hasAnswer(const Session &s, RequestKind kind) {
    switch (kind) {
    case RequestKind::Heatmap: return s.grid() && s.grid()->cols() > 0;
    case RequestKind::LiquidationMap: return s.map() && s.map()->rows > 0;
    case RequestKind::Comparison: return s.comparison() && !s.comparison()->grids.empty();
    case RequestKind::StoreInfo: break;
    }
    return false;
}

void waitUntilSettled(Session &session) {
    if (session.isSettled()) return;
    QEventLoop loop;
    QObject::connect(&session, &Session::settled, &loop, &QEventLoop::quit);
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    loop.exec();
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
    waitUntilSettled(*w.session());
    engine->waitForIdle();
    if (!o.live.isEmpty() && !runLive(w, o, error)) return 2;
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
    for (PlotView *v : w.views()) v->renderNow();
    QCoreApplication::processEvents();
    if (!w.grab().save(o.output, "PNG")) {
        *error = QCoreApplication::translate("ScreenshotRenderer", "cannot write %1").arg(o.output);
        return 2;
    }
    return 0;
}

// Live as a trader turns it on: the toolbar's toggle. Waits on typed signals (the first price
// tick of the symbol, the session's recompute), then lets the stream run for liveMs.
bool ScreenshotRenderer::runLive(MainWindow &w, const ScreenshotOptions &o, QString *error) {
    auto *toggle = w.findChild<QAction *>(QStringLiteral("liveToggle"));
    if (!toggle) return false;
    QEventLoop loop;
    bool ticked = false;
    QTimer settleTimer;
    settleTimer.setSingleShot(true);
    QObject::connect(&settleTimer, &QTimer::timeout, &loop, &QEventLoop::quit);
    const auto c = QObject::connect(w.session()->live(), &LiveSession::focusPrice, &loop, [&] {
        if (ticked) return;
        ticked = true;
        settleTimer.start(o.liveMs);
    });
    toggle->trigger();
    if (!w.session()->isLive()) {
        *error = QCoreApplication::translate("ScreenshotRenderer", "live mode did not start: %1")
                     .arg(w.statusBar()->currentMessage());
        return false;
    }
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    loop.exec();
    QObject::disconnect(c);
    if (!ticked) {
        *error = QCoreApplication::translate("ScreenshotRenderer", "live: no price of %1 arrived within 60 s").arg(o.symbol);
        return false;
    }
    waitUntilSettled(*w.session());
    if (o.live == QLatin1String("off")) {
        toggle->trigger();
        waitUntilSettled(*w.session());
    }
    QCoreApplication::processEvents();
    return true;
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
    if (o.view != QLatin1String("window") && !viewIds().contains(o.view))
        return fail(QCoreApplication::translate("ScreenshotRenderer", "unknown view '%1' (use %2)")
                        .arg(o.view, (viewIds() << QStringLiteral("window")).join(QStringLiteral(", "))));
    if (!o.size.isValid() || o.size.width() < 200 || o.size.height() < 150)
        return fail(QCoreApplication::translate("ScreenshotRenderer", "--size must be at least 200x150"));
    if (!QFileInfo::exists(o.dbPath))
        return fail(QCoreApplication::translate("ScreenshotRenderer", "no data: database %1 does not exist").arg(o.dbPath));

    if (!o.live.isEmpty() && o.live != QLatin1String("on") && o.live != QLatin1String("off"))
        return fail(QCoreApplication::translate("ScreenshotRenderer", "--live takes on or off, not '%1'").arg(o.live));
    if (!o.live.isEmpty() && o.view != QLatin1String("window"))
        return fail(QCoreApplication::translate("ScreenshotRenderer", "--live needs --view window"));
    if (o.view == QLatin1String("window")) return renderWindow(o, error, std::move(backend));

    ViewSelection sel;
    sel.exchange = o.exchange;
    sel.symbol = o.symbol;
    sel.window = o.window;
    sel.model = o.model;
    sel.bucket = o.bucket;

    // The view alone, fed by a session as in the window.
    CoreEngine engine(o.dbPath, std::move(backend));
    Session session(&engine);
    std::unique_ptr<PlotView> view(createView(o.view));
    const RequestKind kind = view->input();
    // Sized now, shown only once there is something to show (an offscreen show prints notes of Qt's own).
    view->setAttribute(Qt::WA_DontShowOnScreen);
    view->resize(o.size);
    view->attach(&session);
    QString failure;
    QObject::connect(&session, &Session::viewFailed, [&failure, kind](RequestKind k, const QString &detail) {
        if (k == kind) failure = detail;
    });
    QObject::connect(&session, &Session::statusChanged, [&failure, kind](const SessionStatus &s) {
        if (kind == RequestKind::Heatmap &&
            (s.code == SessionStatus::Code::NoData || s.code == SessionStatus::Code::StoreUnreadable))
            failure = s.detail;
    });
    session.setComparisonWanted(kind == RequestKind::Comparison);
    session.setSelection(sel);
    waitUntilSettled(session);

    const QString what = QStringLiteral("%1 %2 %3").arg(o.symbol, o.exchange, o.window);
    if (!failure.isEmpty())
        return fail(QCoreApplication::translate("ScreenshotRenderer", "no data for %1: %2").arg(what, failure));
    if (!hasAnswer(session, kind)) return fail(QCoreApplication::translate("ScreenshotRenderer", "no data for %1").arg(what));
    prepare(view.get(), o.size);
    view->renderNow();
    QCoreApplication::processEvents();
    if (!view->grab().save(o.output, "PNG"))
        return fail(QCoreApplication::translate("ScreenshotRenderer", "cannot write %1").arg(o.output));
    return 0;
}

}  // namespace lhm::ui
