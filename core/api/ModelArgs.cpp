#include "api/ModelArgs.h"

#include "common/RowValidation.h"
#include "common/Timeframe.h"
#include "config/ExchangeRegistry.h"
#include "feeds/FeedTypes.h"
#include "heatmap/RequestProfile.h"
#include "models/BookRule.h"
#include "models/CloseRule.h"
#include "models/LeverageLadder.h"

#include <QDateTime>
#include <QJsonObject>
#include <QTimeZone>
#include <algorithm>
#include <cmath>

namespace lhm::api {

QJsonArray exchangesJson(const std::vector<ExchangeShare> &shares) {
    QJsonArray out;
    for (const ExchangeShare &s : shares) {
        QJsonObject o{{QStringLiteral("exchange"), s.exchange},
                      {QStringLiteral("share"), std::round(s.share * 1e6) / 1e6},
                      {QStringLiteral("status"), QString::fromLatin1(exchangeStatusName(s.status))}};
        if (!s.detail.isEmpty()) o[QStringLiteral("reason")] = s.detail;
        out.append(o);
    }
    return out;
}

QJsonArray singleExchangeJson(const QString &exchange) {
    return exchangesJson({ExchangeShare{exchange, ExchangeStatus::Ok, 1.0, 0, 0, 0, {}}});
}

void addModelOptions(QCommandLineParser &p, bool withModel) {
    p.addOption({QStringLiteral("symbol"), QStringLiteral("Symbol, e.g. BTCUSDT."), QStringLiteral("S")});
    p.addOption({QStringLiteral("exchange"),
                 QStringLiteral("Exchange (binance), 'all', or a comma list (binance,bybit): grids summed in USD."),
                 QStringLiteral("name"), QStringLiteral("binance")});
    p.addOption({QStringLiteral("window"), QStringLiteral("Window: 12h 24h 48h 3d 7d 14d 30d 60d 90d 180d 1y."),
                 QStringLiteral("W"), QStringLiteral("7d")});
    if (withModel)
        p.addOption({QStringLiteral("model"),
                     QStringLiteral("binance_standard | funding_adjusted | py_liquidation_map | ensemble."),
                     QStringLiteral("M"), QStringLiteral("binance_standard")});
    p.addOption({QStringLiteral("leverage-weights"), QStringLiteral("leverage:weight list, normalised."),
                 QStringLiteral("list"), QStringLiteral("3:1,5:1,10:1,15:1,20:1,25:1,35:1,50:1,75:1,100:1,125:1")});
    p.addOption({QStringLiteral("bucket"), QStringLiteral("Price bucket in USD, or auto (ATR/4, rounded)."),
                 QStringLiteral("usd|auto"), QStringLiteral("auto")});
    p.addOption({QStringLiteral("side-rule"), QStringLiteral("body | taker | funding."), QStringLiteral("rule"),
                 QStringLiteral("taker")});
    p.addOption({QStringLiteral("close-rule"),
                 QStringLiteral("relative (a fall in open interest shrinks every tracked position by |dOI|/OI) | "
                                "absolute (removes |dOI| USD from the tracked positions)."),
                 QStringLiteral("rule"), QStringLiteral("relative")});
    p.addOption({QStringLiteral("book"),
                 QStringLiteral("market (the book starts from the open interest at the window start, every unit one "
                                "long and one short) | window (positions opened inside the window only)."),
                 QStringLiteral("book"), QStringLiteral("market")});
    p.addOption({QStringLiteral("entry-spread"),
                 QStringLiteral("Entries at N points across each candle's low..high; 0 = at the close."),
                 QStringLiteral("N"), QStringLiteral("15")});
    p.addOption({QStringLiteral("turnover"),
                 QStringLiteral("Per candle, min(1, x * volume / open interest) of the book closes and reopens at "
                                "the candle's prices; 0 = none."),
                 QStringLiteral("x"), QStringLiteral("2")});
    p.addOption({QStringLiteral("no-profile"),
                 QStringLiteral("Ignore the symbol's fitted profile (lhm calibrate); it is also ignored when any of "
                                "--leverage-weights --book --entry-spread --turnover --side-rule is given.")});
    p.addOption({QStringLiteral("interval"), QStringLiteral("Candle size override, e.g. 1h."), QStringLiteral("I")});
    p.addOption({QStringLiteral("position-notional"),
                 QStringLiteral("Representative position notional (USD) that picks the tier."), QStringLiteral("usd"),
                 QStringLiteral("10000")});
    p.addOption({QStringLiteral("funding-scale"), QStringLiteral("funding_adjusted: tanh scale (50)."), QStringLiteral("x")});
    p.addOption({QStringLiteral("funding-amplitude"), QStringLiteral("funding_adjusted: amplitude (0.20)."),
                 QStringLiteral("x")});
    p.addOption({QStringLiteral("large-trade-notional"),
                 QStringLiteral("py_liquidation_map: large-trade threshold in USD (100000)."), QStringLiteral("usd")});
    p.addOption({QStringLiteral("ensemble-weights"),
                 QStringLiteral("model:weight list (binance_standard:0.5,funding_adjusted:0.3,py_liquidation_map:0.2)."),
                 QStringLiteral("list")});
}

QJsonValue profileJson(Store &store, const HeatmapRequest &req) {
    std::optional<ModelProfile> used;
    resolveProfile(store, req, &used);
    return used ? QJsonValue(used->toJson()) : QJsonValue(QJsonValue::Null);
}

QString profileLine(Store &store, const HeatmapRequest &req) {
    std::optional<ModelProfile> used;
    resolveProfile(store, req, &used);
    if (!used)
        return req.useProfile ? QStringLiteral("parameters: defaults (no fitted profile for this symbol; see lhm calibrate)")
                              : QStringLiteral("parameters: as given (fitted profile not used)");
    const QJsonObject j = used->toJson();
    return QStringLiteral("parameters: profile fitted on %1 .. %2 with %3 (train rho %4 vs baseline %5)")
        .arg(j[QStringLiteral("fitted_from")].toString(), j[QStringLiteral("fitted_to")].toString(), used->model)
        .arg(used->spearman, 0, 'f', 3)
        .arg(used->baselineSpearman, 0, 'f', 3);
}

double cents(double v) { return std::round(v * 100.0) / 100.0; }

QString isoTime(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(Qt::ISODate);
}

Result<qint64> parseTime(const QString &text, const QString &flag) {
    bool isNumber = false;
    const qint64 ms = text.toLongLong(&isNumber);
    if (isNumber && ms > 0) return ms;
    QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid()) dt = QDateTime(QDate::fromString(text, Qt::ISODate), QTime(0, 0), QTimeZone::utc());
    if (!dt.isValid())
        return Error(QStringLiteral("'%1' is not an ISO 8601 time (e.g. 2024-05-12T06:00:00Z)").arg(text), {}, 0, flag);
    if (dt.timeSpec() == Qt::LocalTime) dt.setTimeZone(QTimeZone::utc());  // no zone given: UTC
    return dt.toMSecsSinceEpoch();
}

Result<std::pair<qint64, qint64>> requiredPeriod(const QCommandLineParser &p) {
    for (const char *flag : {"from", "to"})
        if (!p.isSet(QLatin1String(flag)))
            return Error(QStringLiteral("--%1 is required").arg(QLatin1String(flag)), {}, 0, QLatin1String(flag));
    auto from = parseTime(p.value(QStringLiteral("from")), QStringLiteral("from"));
    if (!from) return from.error();
    auto to = parseTime(p.value(QStringLiteral("to")), QStringLiteral("to"));
    if (!to) return to.error();
    return std::pair{*from, *to};
}

static Result<double> positive(const QCommandLineParser &p, const QString &flag, double fallback, double max) {
    if (!p.isSet(flag)) return fallback;
    bool ok = false;
    const double v = p.value(flag).toDouble(&ok);
    if (!ok || !(v > 0) || !std::isfinite(v))
        return Error(QStringLiteral("'%1' is not a positive number").arg(p.value(flag)), {}, 0, flag);
    if (v > max) return Error(QStringLiteral("%1 is above the maximum %2").arg(p.value(flag)).arg(max), {}, 0, flag);
    return v;
}

// Argument ranges (README "Limits"): leverage 1..kMaxLeverage (the exchanges' highest is 125x;
// 0.0001x put levels at $614 M), a bucket up to kMaxBucketUsd, weights whose sum stays finite.
constexpr double kMaxLeverage = 200;
constexpr double kMaxBucketUsd = 100000;
constexpr double kMaxUsd = 1e12;

void addEndOption(QCommandLineParser &p) {
    p.addOption({QStringLiteral("end"), QStringLiteral("Window end, ISO 8601 UTC (default: newest candle)."),
                 QStringLiteral("time")});
}

Result<HeatmapRequest> requestFromArgs(const QCommandLineParser &p, bool withModel) {
    HeatmapRequest r;
    // optionNames() lists only options found on the command line, so commands without --end skip this.
    if (p.optionNames().contains(QStringLiteral("end"))) {
        auto end = parseTime(p.value(QStringLiteral("end")), QStringLiteral("end"));
        if (!end) return end.error();
        if (RowCheck bad = checkTime(*end, QDateTime::currentMSecsSinceEpoch(), QStringLiteral("end")))
            return Error(bad->message, {}, 0, QStringLiteral("end"));
        r.end = *end;
    }
    r.symbol = p.value(QStringLiteral("symbol")).trimmed().toUpper();
    if (r.symbol.isEmpty()) return Error(QStringLiteral("--symbol is required"), {}, 0, QStringLiteral("symbol"));
    // [A-Z0-9]{2,30} by hand: compiling a QRegularExpression costs more than a 12h model run.
    const bool symbolOk = r.symbol.size() >= 2 && r.symbol.size() <= 30 &&
                          std::all_of(r.symbol.begin(), r.symbol.end(), [](QChar c) {
                              return (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
                          });
    if (!symbolOk)
        return Error(QStringLiteral("'%1' is not a symbol like BTCUSDT").arg(r.symbol), {}, 0, QStringLiteral("symbol"));
    r.exchange = p.value(QStringLiteral("exchange")).trimmed().toLower();
    if (isExchangeSelection(r.exchange)) {
        auto list = parseExchangeSelection(r.exchange);
        if (!list) return list.error();
        // Kept as text; the command runs the aggregate (engine/ExchangeAggregate.h).
        r.exchange = r.exchange == QLatin1String("all") ? r.exchange : list->join(QLatin1Char(','));
    } else if (!ExchangeRegistry::builtin(r.exchange))
        return Error(QStringLiteral("unknown exchange '%1' (%2)").arg(r.exchange, ExchangeRegistry::knownNames().join(QStringLiteral(", "))), {}, 0,
                     QStringLiteral("exchange"));
    r.window = p.value(QStringLiteral("window")).trimmed();
    const std::optional<Window> window = windowByName(r.window);
    if (!window)
        return Error(QStringLiteral("unknown window '%1' (one of %2)").arg(r.window, windowNames().join(QStringLiteral(", "))),
                     {}, 0, QStringLiteral("window"));
    if (withModel) r.model = p.value(QStringLiteral("model")).trimmed();
    ModelParams &m = r.params;
    auto weights = parseLeverageWeights(p.value(QStringLiteral("leverage-weights")));
    if (!weights) return weights.error();
    m.leverageWeights = *weights;
    double weightSum = 0;
    for (const auto &[lev, w] : m.leverageWeights) {
        if (lev < 1 || lev > kMaxLeverage)
            return Error(QStringLiteral("leverage %1 is outside 1..%2").arg(lev).arg(kMaxLeverage), {}, 0,
                         QStringLiteral("leverage-weights"));
        weightSum += w;
    }
    if (!std::isfinite(weightSum))
        return Error(QStringLiteral("weights too large: their sum is not a finite number"), {}, 0,
                     QStringLiteral("leverage-weights"));
    const QString bucket = p.value(QStringLiteral("bucket")).trimmed();
    if (bucket != QLatin1String("auto")) {
        bool ok = false;
        m.bucket = bucket.toDouble(&ok);
        if (!ok || !(m.bucket > 0) || !std::isfinite(m.bucket))
            return Error(QStringLiteral("'%1' is neither a positive USD amount nor auto").arg(bucket), {}, 0,
                         QStringLiteral("bucket"));
        if (m.bucket > kMaxBucketUsd || m.bucket < 1e-8)
            return Error(QStringLiteral("%1 USD is outside 0.00000001..%2").arg(bucket).arg(kMaxBucketUsd), {}, 0,
                         QStringLiteral("bucket"));
    }
    m.sideRule = p.value(QStringLiteral("side-rule")).trimmed();
    m.closeRule = p.value(QStringLiteral("close-rule")).trimmed();
    if (!parseCloseRule(m.closeRule))
        return Error(QStringLiteral("unknown close rule '%1' (relative or absolute)").arg(m.closeRule), {}, 0,
                     QStringLiteral("close-rule"));
    m.book = p.value(QStringLiteral("book")).trimmed();
    if (!parseBookRule(m.book))
        return Error(QStringLiteral("unknown book '%1' (market or window)").arg(m.book), {}, 0, QStringLiteral("book"));
    {
        bool ok = false;
        m.entrySpread = p.value(QStringLiteral("entry-spread")).trimmed().toInt(&ok);
        if (!ok || m.entrySpread < 0 || m.entrySpread > 100)
            return Error(QStringLiteral("'%1' is not a whole number 0..100").arg(p.value(QStringLiteral("entry-spread"))),
                         {}, 0, QStringLiteral("entry-spread"));
        m.turnover = p.value(QStringLiteral("turnover")).trimmed().toDouble(&ok);
        if (!ok || !(m.turnover >= 0) || !std::isfinite(m.turnover))
            return Error(QStringLiteral("'%1' is not a number >= 0").arg(p.value(QStringLiteral("turnover"))), {}, 0,
                         QStringLiteral("turnover"));
    }
    m.interval = p.value(QStringLiteral("interval")).trimmed();
    r.useProfile = !p.isSet(QStringLiteral("no-profile"));
    for (const char *fitted : {"leverage-weights", "book", "entry-spread", "turnover", "side-rule"})
        if (p.isSet(QLatin1String(fitted))) r.useProfile = false;
    if (!m.interval.isEmpty()) {
        const std::optional<qint64> ms = intervalMs(m.interval);
        if (!ms)
            return Error(QStringLiteral("'%1' is not an interval (e.g. 5m, 15m, 1h, 4h, 1d)").arg(m.interval), {}, 0,
                         QStringLiteral("interval"));
        if (*ms > window->lengthMs)
            return Error(QStringLiteral("%1 is longer than the %2 window").arg(m.interval, window->name), {}, 0,
                         QStringLiteral("interval"));
    }
    struct Bounded {
        QString flag;
        double *field;
        double max;
    };
    for (const Bounded &b : {Bounded{QStringLiteral("position-notional"), &m.positionNotional, kMaxUsd},
                             Bounded{QStringLiteral("funding-scale"), &m.fundingScale, 1e6},
                             Bounded{QStringLiteral("funding-amplitude"), &m.fundingAmplitude, 1e6},
                             Bounded{QStringLiteral("large-trade-notional"), &m.largeTradeNotional, kMaxUsd}}) {
        const QString &flag = b.flag;
        double *field = b.field;
        auto v = positive(p, flag, *field, b.max);
        if (!v) return v.error();
        *field = *v;
    }
    if (p.isSet(QStringLiteral("ensemble-weights"))) {
        m.ensembleWeights.clear();
        for (const QString &item : p.value(QStringLiteral("ensemble-weights")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QStringList kv = item.trimmed().split(QLatin1Char(':'));
            bool ok = false;
            const double w = kv.size() == 2 ? kv[1].toDouble(&ok) : 0;
            if (!ok || !(w >= 0) || !std::isfinite(w) || w > 1e6)
                return Error(QStringLiteral("'%1' is not model:weight").arg(item), {}, 0, QStringLiteral("ensemble-weights"));
            m.ensembleWeights.emplace_back(kv[0].trimmed(), w);
        }
    }
    return r;
}

Result<double> numberFlag(const QCommandLineParser &p, const QString &flag, double fallback, double lo, double hi) {
    if (!p.isSet(flag)) return fallback;
    bool ok = false;
    const double v = p.value(flag).toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < lo || v > hi)
        return Error(QStringLiteral("'%1' is not a number in %2..%3").arg(p.value(flag)).arg(lo).arg(hi), {}, 0, flag);
    return v;
}

}  // namespace lhm::api
