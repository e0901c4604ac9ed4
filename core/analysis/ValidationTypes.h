#pragma once
// What `lhm validate` asks for and what it reports (docs/validation.md). Every figure comes with
// its naive baseline from the same run; a figure that does not apply to the method stays empty.
#include "models/ExchangeShare.h"
#include "models/ModelParams.h"

#include <QString>
#include <QStringList>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

namespace lhm {

enum class ValidationMethod { Auto, Events, Hourly };

struct ValidationRequest {
    QString exchange = QStringLiteral("binance");  // the name results carry ("all", "binance+bybit" for a selection)
    // Several venues ("all" / a comma list): each one's model runs on its own data, the grids are
    // summed in USD on one price axis and judged on the realised liquidations of every venue that
    // has them. Empty: `exchange` alone.
    QStringList exchanges;
    QString symbol;
    qint64 from = 0, to = 0;  // [from, to), UTC ms
    QStringList models{QStringLiteral("binance_standard")};
    ValidationMethod method = ValidationMethod::Auto;
    QString candlesFrom;  // another venue's candles (Hyperliquid has none for most periods); empty = exchange
    QString window = QStringLiteral("90d");
    ModelParams params;   // interval defaults to 1h (set by the caller)
    // events method
    double zoneShare = 0.02;  // total zone width as a share of price
    double band = 0.15;       // zones and random draws lie within price x (1 +- band)
    int draws = 1000;         // random-zone baseline draws
    // hourly method
    int bootstrap = 1000;            // day-block resamples for the interval of the difference
    qint64 recomputeMs = 86'400'000; // a fresh window at least this often when the data outgrows it
    quint64 seed = 20240620;
};

struct BaselineInterval {
    double mean = 0, p2_5 = 0, p97_5 = 0;
    double beatenShare = 0;  // share of random draws whose hit rate the model's exceeds
};

struct SideFigures {
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    qint64 n = 0;
    double spearman = kNaN, baselineSpearman = kNaN;  // NaN when undefined (a constant side)
    std::pair<double, double> diffCi95{kNaN, kNaN};
};

struct ValidationResult {
    QString symbol, exchange, model, method;  // method: "events" | "hourly"
    qint64 from = 0, to = 0;
    qint64 n = 0;  // events, or hour-sides (pooled)
    // events method
    std::optional<double> hitRate;        // share of realised notional inside the zones
    std::optional<double> hitRateEvents;  // share of events inside the zones
    std::optional<double> mirroredHitRate;
    std::optional<BaselineInterval> baseline;
    // hourly method
    std::optional<double> spearman, baselineSpearman;
    std::optional<std::pair<double, double>> diffCi95;  // model rho - baseline rho, day-block bootstrap
    std::optional<SideFigures> longSide, shortSide;
    std::optional<double> topDecileCapture, baselineTopDecileCapture;
    std::optional<double> zeroShare;  // hour-sides where the model predicted exactly nothing
    QString realisedSource;           // hourly totals table, or events aggregated per hour
    // A selection only: every venue asked for (share of the summed model at the last recompute),
    // and which had realised liquidations in the period (the others are left out of the realised side).
    std::vector<ExchangeShare> exchanges;
    QStringList realisedFrom, realisedMissing;
    QString note;                     // why figures are missing (e.g. the model had no input)
};

}  // namespace lhm
