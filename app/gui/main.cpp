// liquidationheatmap: the desktop app. Parses arguments and wires the main window, nothing else.
#include "GuiBench.h"

#include "common/HugePageHeap.h"
#include "common/Paths.h"
#include "common/Theme.h"
#include "common/Translator.h"
#include "config/ExchangesConfig.h"
#include "main/MainWindow.h"
#include "main/WindowHost.h"
#include "main/ScreenshotRenderer.h"
#include "main/ViewRegistry.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <cstdio>

namespace {
QString opt(const QCommandLineParser &p, const char *name, const QString &fallback = {}) {
    const QString n = QString::fromLatin1(name);
    return p.isSet(n) ? p.value(n) : fallback;
}
}  // namespace

int main(int argc, char **argv) {
    // Before any thread: the workers' window loads and the first frames land on huge pages
    // instead of one page fault per 4 KB (issue 10: 24,000 faults to the first 1y heatmap).
    lhm::shareMainHeapAcrossThreads();
    lhm::heapOnHugePages(30 << 20);
    // Screenshots and the benchmark need no display: default to the off-screen platform for them
    // when none is chosen and none is available.
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if ((a.startsWith("--screenshot") || a.startsWith("--bench")) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") &&
            qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication::setHighDpiScaleFactorRoundingPolicy(Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("LiquidationHeatmap"));
    QApplication::setApplicationName(QStringLiteral("liquidationheatmap"));
    QApplication::setApplicationVersion(QStringLiteral(LHM_VERSION));

    QSettings settings;
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Estimated crypto-futures liquidation heatmaps."));
    p.addHelpOption();
    p.addVersionOption();
    const auto add = [&p](const char *name, const char *help, const char *value = nullptr) {
        p.addOption(value ? QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(help), QString::fromLatin1(value))
                          : QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(help)));
    };
    add("db", "Database file.", "path");
    add("symbol", "Symbol for --screenshot (default BTCUSDT).", "symbol");
    add("exchange", "Exchange for --screenshot (default binance).", "exchange");
    add("window", "Window for --screenshot: 12h 24h 48h 3d 7d 14d 30d 60d 90d 180d 1y.", "window");
    add("model", "Model for --screenshot (default binance_standard).", "model");
    add("bucket", "Price bucket in USD for --screenshot (default automatic).", "usd");
    p.addOption(QCommandLineOption(QStringLiteral("view"),
                                   QStringLiteral("View for --screenshot: %1 or window.").arg(lhm::ui::viewIds().join(QStringLiteral(", "))),
                                   QStringLiteral("view")));
    add("screenshot", "Render the view off-screen into this PNG file and exit.", "file");
    add("live", "With --screenshot --view window: turn Live on (on), or on and off again (off), first.", "on|off");
    add("live-ms", "With --live: milliseconds of stream after the first price tick (default 4000).", "ms");
    add("size", "Screenshot size, WIDTHxHEIGHT (default 1600x900).", "size");
    add("theme", "dark or light.", "theme");
    add("lang", "Language: system, en or zh_CN.", "code");
    add("bench", "Measure heatmap replot and switch times, print them and exit.");
    add("bench-start", "Open the main window on --db, --symbol, --window; print the time to the first heatmap and exit.");
    add("bench-then-symbol", "With --bench-start: then switch to this symbol, wait for all its views, print the peak memory.", "symbol");
    p.process(app);

    lhm::ui::Translator::install(opt(p, "lang", settings.value(QStringLiteral("ui/language"), QStringLiteral("system")).toString()));
    lhm::ui::Theme::apply(lhm::ui::Theme::fromName(opt(p, "theme", settings.value(QStringLiteral("ui/theme")).toString())));
    const QString db = opt(p, "db", lhm::defaultDatabasePath());

    if (p.isSet(QStringLiteral("bench"))) return lhm::ui::GuiBench::run(opt(p, "db"));
    if (p.isSet(QStringLiteral("bench-start")))
        return lhm::ui::GuiBench::runStart(db, opt(p, "symbol", QStringLiteral("BTCUSDT")), opt(p, "window", QStringLiteral("7d")),
                                             opt(p, "bench-then-symbol"));

    if (p.isSet(QStringLiteral("screenshot"))) {
        lhm::ui::ScreenshotOptions o;
        o.dbPath = db;
        o.output = p.value(QStringLiteral("screenshot"));
        o.symbol = opt(p, "symbol", o.symbol);
        o.exchange = opt(p, "exchange", o.exchange);
        o.window = opt(p, "window", o.window);
        o.model = opt(p, "model", o.model);
        o.view = opt(p, "view", o.view);
        o.bucket = opt(p, "bucket", QStringLiteral("0")).toDouble();
        o.live = opt(p, "live");
        o.liveMs = opt(p, "live-ms", QString::number(o.liveMs)).toInt();
        const QStringList wh = opt(p, "size", QStringLiteral("1600x900")).split(QLatin1Char('x'));
        o.size = wh.size() == 2 ? QSize(wh[0].toInt(), wh[1].toInt()) : QSize();
        QString error;
        const int rc = lhm::ui::ScreenshotRenderer::run(o, &error);
        if (rc != 0) std::fprintf(stderr, "liquidationheatmap: %s\n", qPrintable(error));
        return rc;
    }

    lhm::ui::MainWindowOptions options;
    options.dbPath = db;
    // The exchanges the app knows come from config/exchanges.yaml; history exists for Binance.
    if (auto cfg = lhm::ExchangesConfig::load(); cfg.ok() && !cfg->names().isEmpty()) options.exchanges = cfg->names();
    lhm::ui::WindowHost host(options);
    host.show();
    return app.exec();
}
