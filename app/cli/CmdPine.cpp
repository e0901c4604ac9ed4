// lhm pine: a TradingView Pine v5 indicator drawing the current top-N estimated liquidation levels.
#include "Cli.h"
#include "ModelArgs.h"

#include "analysis/PineScript.h"
#include "heatmap/HeatmapService.h"

#include <QDateTime>
#include <QSaveFile>
#include <cmath>

using namespace lhm;
using namespace lhm::cli;

static int runPine(Context &ctx) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Write a TradingView Pine Script v5 indicator that draws the current top-N estimated liquidation levels "
        "(price, side, notional) as labelled lines. The levels are ESTIMATES of modelled positions at the newest "
        "candle in the store, fixed when written: regenerate to update. Paste the output into TradingView's Pine "
        "editor."));
    addModelOptions(p);
    p.addOption({QStringLiteral("top"), QStringLiteral("Levels to draw, both sides together (20, at most 200)."),
                 QStringLiteral("n"), QStringLiteral("20")});
    p.addOption({QStringLiteral("output"), QStringLiteral("Write the script to FILE instead of stdout."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("generated-at"),
                 QStringLiteral("Time written in the header (default: now; for reproducible files)."), QStringLiteral("time")});
    if (!ctx.parse(p)) return ctx.exitCode;
    auto req = requestFromArgs(p);
    if (!req) return ctx.fail(req.error());
    auto top = numberFlag(p, QStringLiteral("top"), 20, 1, 200);
    if (!top) return ctx.fail(top.error());
    if (*top != std::floor(*top))
        return ctx.fail(Error(QStringLiteral("--top must be a whole number"), {}, 0, QStringLiteral("top")));
    qint64 generatedAt = QDateTime::currentMSecsSinceEpoch();
    if (p.isSet(QStringLiteral("generated-at"))) {
        auto t = parseTime(p.value(QStringLiteral("generated-at")), QStringLiteral("generated-at"));
        if (!t) return ctx.fail(t.error());
        generatedAt = *t;
    }
    auto store = ctx.openStore();
    if (!store) return kBadInput;
    auto map = computeLiquidationMap(*store, *req);
    if (!map) return ctx.fail(map.error());
    const QString script = pineScript(pineHeaderOf(**map, generatedAt, int(*top)), topPineLevels(**map, int(*top)));
    if (!p.isSet(QStringLiteral("output"))) {
        ctx.print(script.chopped(1));  // print() adds the final newline
        return kOk;
    }
    const QString path = p.value(QStringLiteral("output"));
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Text) || f.write(script.toUtf8()) < 0 || !f.commit())
        return ctx.fail(Error(QStringLiteral("cannot write: %1").arg(f.errorString()), path, 0, QStringLiteral("output")));
    ctx.progress(QStringLiteral("wrote %1 (estimated levels, %2)").arg(path, (*map)->symbol));
    return kOk;
}

LHM_COMMAND("pine", "TradingView Pine Script v5 indicator of the top estimated liquidation levels", runPine);
