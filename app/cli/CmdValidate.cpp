// lhm validate: the models against realised liquidations, every figure beside its naive baseline
// (method and caveats: docs/validation.md).
#include "Cli.h"
#include "heatmap/RequestProfile.h"
#include "ModelArgs.h"

#include "analysis/ValidationRecord.h"
#include "analysis/Validator.h"
#include "api/ModelArgs.h"
#include "common/Timeframe.h"
#include "engine/ExchangeAggregate.h"
#include "models/LiquidationModel.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <cmath>

using namespace lhm;
using namespace lhm::cli;

static QJsonValue num(const std::optional<double> &v) {
    if (!v || !std::isfinite(*v)) return QJsonValue::Null;
    return std::round(*v * 1e4) / 1e4;
}

static QJsonValue pairJson(const std::optional<std::pair<double, double>> &v) {
    if (!v) return QJsonValue::Null;
    return QJsonArray{num(v->first), num(v->second)};
}

static QJsonValue sideJson(const std::optional<SideFigures> &s) {
    if (!s) return QJsonValue::Null;
    return QJsonObject{{"n", double(s->n)}, {"spearman", num(s->spearman)}, {"baseline_spearman", num(s->baselineSpearman)},
                       {"diff_ci95", pairJson(s->diffCi95)}};
}

static QJsonObject toJson(const ValidationResult &r, const ValidationRequest &req) {
    QJsonValue baseline = QJsonValue::Null;
    if (r.baseline)
        baseline = QJsonObject{{"mean", num(r.baseline->mean)}, {"p2_5", num(r.baseline->p2_5)},
                               {"p97_5", num(r.baseline->p97_5)}, {"beaten_share", num(r.baseline->beatenShare)}};
    QJsonValue sides = QJsonValue::Null;
    if (r.longSide || r.shortSide) sides = QJsonObject{{"long", sideJson(r.longSide)}, {"short", sideJson(r.shortSide)}};
    return QJsonObject{
        {"symbol", r.symbol}, {"exchange", r.exchange}, {"model", r.model}, {"from", isoTime(r.from)}, {"to", isoTime(r.to)},
        {"method", r.method}, {"n", double(r.n)}, {"hit_rate", num(r.hitRate)}, {"baseline", baseline},
        {"spearman", num(r.spearman)}, {"baseline_spearman", num(r.baselineSpearman)}, {"diff_ci95", pairJson(r.diffCi95)},
        // Beyond the contract: what a reader needs to judge the figures above.
        {"hit_rate_events", num(r.hitRateEvents)}, {"mirrored_hit_rate", num(r.mirroredHitRate)},
        {"top_decile_capture", num(r.topDecileCapture)}, {"baseline_top_decile_capture", num(r.baselineTopDecileCapture)},
        {"zero_share", num(r.zeroShare)}, {"sides", sides},
        {"realised_source", r.realisedSource.isEmpty() ? QJsonValue::Null : QJsonValue(r.realisedSource)},
        {"window", req.window}, {"interval", req.params.interval},
        {"candles_from", req.candlesFrom.isEmpty() ? QJsonValue::Null : QJsonValue(req.candlesFrom)},
        {"note", r.note.isEmpty() ? QJsonValue::Null : QJsonValue(r.note)},
        {"exchanges", r.exchanges.empty() ? api::singleExchangeJson(r.exchange) : api::exchangesJson(r.exchanges)},
        {"realised_from", QJsonArray::fromStringList(r.exchanges.empty() ? QStringList{r.exchange} : r.realisedFrom)},
        {"realised_missing", QJsonArray::fromStringList(r.realisedMissing)}};
}

// A selection: each venue's share of the summed model (or why it was left out), and whose
// realised liquidations the figures are judged on.
static void printExchanges(Context &ctx, const ValidationResult &r) {
    if (r.exchanges.empty()) return;
    QStringList parts;
    for (const ExchangeShare &s : r.exchanges)
        parts << (s.status == ExchangeStatus::Ok
                      ? QStringLiteral("%1 %2%").arg(s.exchange).arg(s.share * 100, 0, 'f', 1)
                      : QStringLiteral("%1 left out (%2%3)").arg(s.exchange, QString::fromLatin1(exchangeStatusName(s.status)),
                                                                  s.detail.isEmpty() ? QString() : QStringLiteral(": ") + s.detail));
    ctx.print(QStringLiteral("exchanges: %1").arg(parts.join(QStringLiteral(", "))));
    ctx.print(QStringLiteral("realised liquidations from: %1%2")
                  .arg(r.realisedFrom.join(QStringLiteral(", ")),
                       r.realisedMissing.isEmpty() ? QString()
                                                   : QStringLiteral("; left out (none stored in the period): %1")
                                                         .arg(r.realisedMissing.join(QStringLiteral(", ")))));
}

static QString fmt(const std::optional<double> &v, int decimals = 3) {
    return v && std::isfinite(*v) ? QString::number(*v, 'f', decimals) : QStringLiteral("—");
}

static void printText(Context &ctx, const ValidationResult &r) {
    if (!r.note.isEmpty() && r.n == 0) {
        ctx.print(QStringLiteral("%1: no figures (%2)").arg(r.model, r.note));
        return;
    }
    if (r.method == QLatin1String("events")) {
        ctx.print(QStringLiteral("%1  events %2  hit rate %3 (events %4)  random zones mean %5 [%6, %7], beaten %8  "
                                 "mirrored %9")
                      .arg(r.model, -20).arg(r.n).arg(fmt(r.hitRate)).arg(fmt(r.hitRateEvents))
                      .arg(fmt(r.baseline ? std::optional<double>(r.baseline->mean) : std::nullopt))
                      .arg(fmt(r.baseline ? std::optional<double>(r.baseline->p2_5) : std::nullopt))
                      .arg(fmt(r.baseline ? std::optional<double>(r.baseline->p97_5) : std::nullopt))
                      .arg(fmt(r.baseline ? std::optional<double>(r.baseline->beatenShare) : std::nullopt))
                      .arg(fmt(r.mirroredHitRate)));
    } else {
        ctx.print(QStringLiteral("%1  hour-sides %2  Spearman %3  baseline %4  difference 95% [%5, %6]  "
                                 "top decile %7 vs %8  zero %9")
                      .arg(r.model, -20).arg(r.n).arg(fmt(r.spearman)).arg(fmt(r.baselineSpearman))
                      .arg(fmt(r.diffCi95 ? std::optional<double>(r.diffCi95->first) : std::nullopt))
                      .arg(fmt(r.diffCi95 ? std::optional<double>(r.diffCi95->second) : std::nullopt))
                      .arg(fmt(r.topDecileCapture)).arg(fmt(r.baselineTopDecileCapture)).arg(fmt(r.zeroShare)));
        for (const auto &[name, s] : {std::pair{"long", r.longSide}, std::pair{"short", r.shortSide}})
            if (s)
                ctx.print(QStringLiteral("  %1  n %2  Spearman %3  baseline %4  difference 95% [%5, %6]")
                              .arg(QLatin1String(name), -5).arg(s->n).arg(fmt(s->spearman)).arg(fmt(s->baselineSpearman))
                              .arg(fmt(s->diffCi95.first)).arg(fmt(s->diffCi95.second)));
    }
    if (!r.note.isEmpty()) ctx.print(QStringLiteral("  note: %1").arg(r.note));
}

static int runValidate(Context &ctx) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Validate the liquidation models on realised liquidations in the store, walk-forward with no look-ahead. "
        "Method events (liquidations with a price): share of realised notional inside the model's densest zones against "
        "random and mirrored zones. Method hourly: Spearman of predicted vs realised notional per hour and side against "
        "the baseline |price move| x open interest, with a day-block bootstrap 95% interval of the difference. "
        "Figures are estimates of the model's skill on the given period only (docs/validation.md)."));
    addModelOptions(p, false);
    p.addOption({QStringLiteral("model"), QStringLiteral("A model, a comma list, or all (JSON array)."), QStringLiteral("M|all"),
                 QStringLiteral("binance_standard")});
    p.addOption({QStringLiteral("from"), QStringLiteral("Period start, ISO 8601 UTC."), QStringLiteral("time")});
    p.addOption({QStringLiteral("to"), QStringLiteral("Period end (exclusive), ISO 8601 UTC."), QStringLiteral("time")});
    p.addOption({QStringLiteral("method"), QStringLiteral("auto (events when the period has liquidations with a price, "
                                                          "else hourly) | events | hourly."),
                 QStringLiteral("m"), QStringLiteral("auto")});
    p.addOption({QStringLiteral("candles-from"), QStringLiteral("Use this venue's candles (e.g. binance for hyperliquid)."),
                 QStringLiteral("exchange")});
    p.addOption({QStringLiteral("zone-share"), QStringLiteral("events: total zone width as a share of price (0.02)."),
                 QStringLiteral("x")});
    p.addOption({QStringLiteral("band"), QStringLiteral("events: zones and random draws within price x (1 +- band) (0.15)."),
                 QStringLiteral("x")});
    p.addOption({QStringLiteral("draws"), QStringLiteral("events: random-zone baseline draws (1000)."), QStringLiteral("n")});
    p.addOption({QStringLiteral("bootstrap"), QStringLiteral("hourly: day-block bootstrap resamples (1000)."), QStringLiteral("n")});
    p.addOption({QStringLiteral("seed"), QStringLiteral("Random seed of draws and bootstrap (20240620)."), QStringLiteral("n")});
    p.addOption({QStringLiteral("in-sample"),
                 QStringLiteral("With a fitted profile (lhm calibrate), also score hours before its end (in sample).")});
    p.addOption({QStringLiteral("recompute"), QStringLiteral("hourly: fresh window at least this often when the data is "
                                                             "longer than the window (1d)."),
                 QStringLiteral("I")});
    if (!ctx.parse(p)) return ctx.exitCode;
    auto base = requestFromArgs(p, false);
    if (!base) return ctx.fail(base.error());
    ValidationRequest req;
    req.exchange = base->exchange;
    if (isExchangeSelection(base->exchange)) {
        auto list = parseExchangeSelection(base->exchange);
        if (!list) return ctx.fail(list.error());
        req.exchanges = *list;
        req.exchange = aggregateName(*list);
    }
    req.symbol = base->symbol;
    req.params = base->params;
    req.window = p.isSet(QStringLiteral("window")) ? base->window : QStringLiteral("90d");
    if (req.params.interval.isEmpty()) req.params.interval = QStringLiteral("1h");
    auto period = requiredPeriod(p);
    if (!period) return ctx.fail(period.error());
    std::tie(req.from, req.to) = *period;
    const QString model = p.value(QStringLiteral("model")).trimmed();
    const bool all = model == QLatin1String("all");
    req.models = all ? liquidationModelNames() : model.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString &m : req.models) m = m.trimmed();
    const QString method = p.value(QStringLiteral("method")).trimmed();
    if (method == QLatin1String("events")) req.method = ValidationMethod::Events;
    else if (method == QLatin1String("hourly")) req.method = ValidationMethod::Hourly;
    else if (method != QLatin1String("auto"))
        return ctx.fail(Error(QStringLiteral("unknown method '%1' (auto, events or hourly)").arg(method), {}, 0,
                              QStringLiteral("method")));
    req.candlesFrom = p.value(QStringLiteral("candles-from")).trimmed().toLower();
    auto zone = numberFlag(p, QStringLiteral("zone-share"), req.zoneShare, 1e-6, 1);
    auto band = numberFlag(p, QStringLiteral("band"), req.band, 1e-3, 1);
    auto draws = numberFlag(p, QStringLiteral("draws"), req.draws, 0, 100000);
    auto boot = numberFlag(p, QStringLiteral("bootstrap"), req.bootstrap, 0, 100000);
    auto seed = numberFlag(p, QStringLiteral("seed"), double(req.seed), 0, 9e15);
    for (const auto *r : {&zone, &band, &draws, &boot, &seed})
        if (!*r) return ctx.fail(r->error());
    req.zoneShare = *zone;
    req.band = *band;
    req.draws = int(*draws);
    req.bootstrap = int(*boot);
    req.seed = quint64(*seed);
    if (p.isSet(QStringLiteral("recompute"))) {
        auto ms = intervalMs(p.value(QStringLiteral("recompute")).trimmed());
        if (!ms) return ctx.fail(Error(QStringLiteral("'%1' is not an interval (e.g. 1d, 12h)").arg(p.value(QStringLiteral("recompute"))),
                                       {}, 0, QStringLiteral("recompute")));
        req.recomputeMs = *ms;
    }
    auto store = ctx.openStore();
    if (!store) return kBadInput;
    // The symbol's fitted profile is what the heatmap uses, so it is what is judged; its training
    // hours are left out (out of sample) unless --in-sample asks for them.
    std::optional<ModelProfile> profile;
    const QString interval = req.params.interval;
    // A selection is judged with the given parameters: the venues' fitted profiles differ, and one
    // summed grid has one set of parameters (docs/validation.md).
    if (req.exchanges.isEmpty()) req.params = resolveProfile(*store, *base, &profile).params;
    req.params.interval = interval;
    if (profile && !p.isSet(QStringLiteral("in-sample")) && req.from < profile->fittedTo) {
        if (req.to <= profile->fittedTo)
            return ctx.fail(Error(QStringLiteral("the whole period lies inside the profile's training period (up to %1): "
                                                 "validate a later period, or pass --in-sample or --no-profile")
                                      .arg(isoTime(profile->fittedTo)),
                                  {}, 0, QStringLiteral("to")));
        ctx.progress(QStringLiteral("scoring from %1 on: the profile was fitted up to there (--in-sample to include it)")
                         .arg(isoTime(profile->fittedTo)));
        req.from = profile->fittedTo;
    }
    auto results = runValidation(*store, req);
    if (!results) return ctx.fail(results.error());
    // Kept for the comparison view (each figure beside its baseline); the figures printed below
    // stand whether or not that worked.
    if (Status s = saveValidation(*store, *results, req.window, QDateTime::currentMSecsSinceEpoch()); !s)
        ctx.progress(QStringLiteral("warning: results not kept in the store: %1").arg(s.error().toString()));
    if (ctx.json) {
        if (!all && results->size() == 1) {
            QJsonObject o = toJson(results->front(), req);
            o[QStringLiteral("profile")] = profile ? QJsonValue(profile->toJson()) : QJsonValue(QJsonValue::Null);
            ctx.printJson(QJsonDocument(o));
        } else {
            QJsonArray arr;
            for (const ValidationResult &r : *results) {
                QJsonObject o = toJson(r, req);
                o[QStringLiteral("profile")] = profile ? QJsonValue(profile->toJson()) : QJsonValue(QJsonValue::Null);
                arr.append(o);
            }
            ctx.printJson(QJsonDocument(arr));
        }
        return kOk;
    }
    ctx.print(QStringLiteral("%1 %2  %3 .. %4  window %5 @ %6%7  (measured on this period only; each figure beside its "
                             "baseline)")
                  .arg(req.exchange, req.symbol, isoTime(req.from), isoTime(req.to), req.window, req.params.interval,
                       req.candlesFrom.isEmpty() ? QString() : QStringLiteral("  candles from %1").arg(req.candlesFrom)));
    if (!results->empty()) printExchanges(ctx, results->front());
    for (const ValidationResult &r : *results) printText(ctx, r);
    return kOk;
}

LHM_COMMAND("validate", "measure the models against realised liquidations, beside naive baselines", runValidate);
