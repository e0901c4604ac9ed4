// lhm calibrate: fits a symbol's model parameters on a training period with the hourly yardstick of
// lhm validate and stores them as the symbol's profile, which heatmap, levels, compare (and validate,
// out of sample) use from then on.
#include "Cli.h"
#include "ModelArgs.h"

#include "analysis/calibration/Calibrator.h"
#include "models/ModelProfile.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <cmath>

using namespace lhm;
using namespace lhm::cli;

namespace {

QJsonValue num(const std::optional<double> &v) {
    return v && std::isfinite(*v) ? QJsonValue(std::round(*v * 10000.0) / 10000.0) : QJsonValue(QJsonValue::Null);
}

int run(Context &ctx) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Fit the model parameters of one symbol on a training period (hourly validation yardstick) and store them as "
        "its profile. Evaluate only on later periods: lhm validate then reports figures after the profile's end."));
    p.addOption({QStringLiteral("symbol"), QStringLiteral("Symbol, e.g. BTCUSDT."), QStringLiteral("S")});
    p.addOption({QStringLiteral("exchange"), QStringLiteral("Exchange."), QStringLiteral("name"), QStringLiteral("binance")});
    p.addOption({QStringLiteral("from"), QStringLiteral("Training start, ISO 8601 UTC."), QStringLiteral("time")});
    p.addOption({QStringLiteral("to"), QStringLiteral("Training end (exclusive), ISO 8601 UTC."), QStringLiteral("time")});
    p.addOption({QStringLiteral("model"), QStringLiteral("binance_standard | funding_adjusted."), QStringLiteral("M"),
                 QStringLiteral("binance_standard")});
    p.addOption({QStringLiteral("candles-from"), QStringLiteral("Use this venue's candles (as lhm validate)."),
                 QStringLiteral("exchange")});
    p.addOption({QStringLiteral("window"), QStringLiteral("Model window (90d)."), QStringLiteral("W"), QStringLiteral("90d")});
    p.addOption({QStringLiteral("dry-run"), QStringLiteral("Fit and report, but do not store the profile.")});
    if (!ctx.parse(p)) return ctx.exitCode;
    CalibrationRequest req;
    req.symbol = p.value(QStringLiteral("symbol")).trimmed().toUpper();
    if (req.symbol.isEmpty()) return ctx.fail(Error(QStringLiteral("--symbol is required"), {}, 0, QStringLiteral("symbol")));
    req.exchange = p.value(QStringLiteral("exchange")).trimmed().toLower();
    req.model = p.value(QStringLiteral("model")).trimmed();
    req.candlesFrom = p.value(QStringLiteral("candles-from")).trimmed().toLower();
    req.window = p.value(QStringLiteral("window")).trimmed();
    auto period = requiredPeriod(p);
    if (!period) return ctx.fail(period.error());
    std::tie(req.from, req.to) = *period;
    auto store = ctx.openStore();
    if (!store) return kBadInput;
    ctx.progress(QStringLiteral("fitting %1 %2 on %3 .. %4 (%5 candidates)")
                     .arg(req.exchange, req.symbol, isoTime(req.from), isoTime(req.to))
                     .arg(calibrationGrid(req.base).size()));
    auto fit = calibrate(*store, req);
    if (!fit) return ctx.fail(fit.error());
    ModelProfile profile = ModelProfile::fromParams(fit->params);
    profile.exchange = req.exchange;
    profile.symbol = req.symbol;
    profile.model = req.model;
    profile.fittedFrom = req.from;
    profile.fittedTo = req.to;
    profile.fittedAt = QDateTime::currentMSecsSinceEpoch();
    const ValidationResult &t = fit->train;
    profile.n = int(t.n);
    profile.spearman = t.spearman.value_or(0);
    profile.baselineSpearman = t.baselineSpearman.value_or(0);
    if (t.diffCi95) std::tie(profile.diffLo, profile.diffHi) = *t.diffCi95;
    const bool store_ = !p.isSet(QStringLiteral("dry-run"));
    if (store_)
        if (Status s = store->profileRepository().save(profile.toRow()); !s) return ctx.fail(s.error(), kFailure);
    if (ctx.json) {
        QJsonArray tried;
        for (const CalibrationCandidate &c : fit->tried)
            tried.append(QJsonObject{{QStringLiteral("label"), c.label}, {QStringLiteral("n"), double(c.n)},
                                     {QStringLiteral("spearman"), num(c.spearman)},
                                     {QStringLiteral("baseline_spearman"), num(c.baselineSpearman)}});
        QJsonObject o = profile.toJson();
        o[QStringLiteral("label")] = fit->label;
        o[QStringLiteral("stored")] = store_;
        o[QStringLiteral("candidates")] = tried;
        ctx.printJson(QJsonDocument(o));
        return kOk;
    }
    ctx.print(QStringLiteral("%1 %2: fitted %3 on %4 .. %5 (%6 hour-sides)")
                  .arg(req.exchange, req.symbol, fit->label, isoTime(req.from), isoTime(req.to)).arg(t.n));
    ctx.print(QStringLiteral("  training Spearman %1, baseline %2, difference 95% [%3, %4] (in sample: judge it with lhm "
                             "validate on a later period)")
                  .arg(profile.spearman, 0, 'f', 3).arg(profile.baselineSpearman, 0, 'f', 3)
                  .arg(profile.diffLo, 0, 'f', 3).arg(profile.diffHi, 0, 'f', 3));
    ctx.print(store_ ? QStringLiteral("  stored as the profile of %1 %2").arg(req.exchange, req.symbol)
                     : QStringLiteral("  not stored (--dry-run)"));
    return kOk;
}

}  // namespace

LHM_COMMAND("calibrate", "Fit a symbol's model parameters on a training period and store them as its profile.", run);
