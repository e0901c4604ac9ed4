#include "analysis/Validator.h"

#include "analysis/AnalysisInputs.h"
#include "analysis/EventValidation.h"
#include "analysis/HourlyValidation.h"
#include "analysis/VenueSum.h"
#include "common/Timeframe.h"
#include "heatmap/InputLoader.h"
#include "models/GridSum.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace lhm {

namespace {

constexpr qint64 kHourMs = 3'600'000;

struct RealisedHour {
    double longUsd = 0, shortUsd = 0;
};

// Realised notional per hour of one venue: the hourly totals table (base units x the hour's mean
// price), else the events aggregated per hour over the span they cover (hours in it without events
// count 0).
struct RealisedVenue {
    bool fromTotals = false;
    std::map<qint64, HourlyLiquidation> totals;
    std::map<qint64, RealisedHour> events;
    qint64 firstEventHour = 0, lastEventHour = -1;

    bool empty() const { return totals.empty() && events.empty(); }
    std::optional<RealisedHour> at(qint64 hour, const Candle &c) const {
        if (fromTotals) {
            auto it = totals.find(hour);
            if (it == totals.end()) return std::nullopt;
            const double price = (c.open + c.high + c.low + c.close) / 4.0;
            return RealisedHour{it->second.longQty * price, it->second.shortQty * price};
        }
        if (hour < firstEventHour || hour > lastEventHour) return std::nullopt;
        auto it = events.find(hour);
        return it == events.end() ? RealisedHour{} : it->second;
    }
};

// Every venue's realised notional added per hour (venues with nothing for the hour add nothing;
// the hour is unknown only when none has it). The candle prices the totals (the reference venue's).
struct Realised {
    std::vector<RealisedVenue> venues;  // those with realised data

    bool fromTotals() const {
        return std::all_of(venues.begin(), venues.end(), [](const RealisedVenue &v) { return v.fromTotals; });
    }
    std::optional<RealisedHour> at(qint64 hour, const Candle &c) const {
        std::optional<RealisedHour> sum;
        for (const RealisedVenue &v : venues)
            if (auto h = v.at(hour, c)) {
                if (!sum) sum = RealisedHour{};
                sum->longUsd += h->longUsd;
                sum->shortUsd += h->shortUsd;
            }
        return sum;
    }
};

struct Runner {
    Store &store;
    const ValidationRequest &req;
    std::vector<AnalysisSeries> venues;  // one per exchange; the first is the reference (its prices)
    const RunControl &control;
    mutable std::vector<ExchangeShare> shares;  // per venue: loaded at least once (Ok), last total

    // In a selection, a venue whose first model fails is left out (named with the error) and the
    // others carry on; a single venue's failure is the model's note, as before.
    bool leaveOut(size_t v, int m, const Error &e) const {
        if (venues.size() < 2 || m != 0) return false;
        shares[v].status = ExchangeStatus::Error;
        shares[v].detail = e.message;
        return true;
    }

    // Each venue's inputs for a window ending at `end`; venues without data then are skipped. An
    // error (the first venue's) only when none has any.
    Result<std::vector<std::pair<size_t, ModelInputs>>> load(qint64 end) const {
        std::vector<std::pair<size_t, ModelInputs>> out;
        std::optional<Error> first;
        for (size_t v = 0; v < venues.size(); ++v) {
            if (shares[v].status == ExchangeStatus::Error) continue;  // its model failed: left out
            auto in = loadAnalysisInputs(store, venues[v], end);
            if (in && venues.size() > 1 &&
                std::none_of(in->openInterestValue.begin(), in->openInterestValue.end(), [](double x) { return std::isfinite(x); }))
                in = Error(QStringLiteral("no %1 open interest for %2 before then").arg(venues[v].exchange, venues[v].symbol));
            if (!in) {
                if (!first) first = in.error();
                if (shares[v].status != ExchangeStatus::Ok) shares[v].detail = in.error().message;
                continue;
            }
            shares[v].status = ExchangeStatus::Ok;
            shares[v].detail.clear();
            out.emplace_back(v, std::move(*in));
        }
        if (out.empty()) return *first;
        return out;
    }

    // Model `m` of the run at step k of `steps`: its progress fills that step's share of 0..1,
    // so a single long run still shows a fraction, not just a busy bar.
    Result<ModelOutput> run(int m, const ModelInputs &in, size_t k, size_t steps) const {
        auto model = makeModel(req.models[m]);
        RunControl inner;
        inner.cancel = control.cancel;
        if (control.progress) {
            const double models = double(req.models.size());
            const double lo = (double(k) + m / models) / double(steps), width = 1.0 / (models * double(steps));
            inner.progress = [this, lo, width](double f) { control.progress(lo + f * width); };
        }
        return model->run(in, req.params, inner);
    }
};

// Per model: hour-side records over [segFrom, segTo) from one run whose inputs are `in`.
void hourlyRecords(const ModelInputs &in, const ModelOutput &out, qint64 segFrom, qint64 segTo, const Realised &realised,
                   std::vector<HourSide> &records) {
    std::map<qint64, RealisedHour> predicted;
    for (const PredictedLiquidation &p : out.grid.predicted) {
        RealisedHour &h = predicted[p.time];
        (p.side == Side::Long ? h.longUsd : h.shortUsd) += p.notional;
    }
    double oiBefore = std::numeric_limits<double>::quiet_NaN();
    for (size_t i = 0; i < in.candles.size(); ++i) {
        const Candle &c = in.candles[i];
        const double oiPrev = oiBefore;
        if (std::isfinite(in.openInterestValue[i])) oiBefore = in.openInterestValue[i];
        // Hour 0 of a run has no previous column to be judged on.
        if (i == 0 || c.openTime < segFrom || c.openTime >= segTo || !std::isfinite(oiPrev)) continue;
        const auto r = realised.at(c.openTime, c);
        if (!r) continue;
        auto it = predicted.find(c.openTime);
        const RealisedHour p = it == predicted.end() ? RealisedHour{} : it->second;
        records.push_back({c.openTime, Side::Long, p.longUsd, (c.open - c.low) / c.open * oiPrev, r->longUsd});
        records.push_back({c.openTime, Side::Short, p.shortUsd, (c.high - c.open) / c.open * oiPrev, r->shortUsd});
    }
}

ValidationResult blank(const ValidationRequest &req, const QString &model, const QString &method) {
    ValidationResult r;
    r.symbol = req.symbol;
    r.exchange = req.exchange;
    r.model = model;
    r.method = method;
    r.from = req.from;
    r.to = req.to;
    return r;
}

Result<std::vector<ValidationResult>> hourly(const Runner &rn, const Realised &realised) {
    const ValidationRequest &req = rn.req;
    const qint64 windowMs = windowByName(req.window)->lengthMs;
    std::vector<std::vector<HourSide>> records(size_t(req.models.size()));
    std::vector<QString> notes(size_t(req.models.size()));
    auto whole = rn.load(req.to);
    if (!whole) return whole.error();
    // While the data begins after the window's start, every recompute would see the same first
    // candle, so one run equals recomputing at every hour (the column before an hour depends only
    // on earlier candles). Otherwise recompute every recomputeMs with a fresh window.
    std::vector<std::pair<qint64, qint64>> segments;
    if (whole->front().second.candles.front().openTime >= req.to - windowMs) {
        segments.push_back({req.from, req.to});
    } else {
        for (qint64 s = req.from; s < req.to; s += req.recomputeMs) segments.push_back({s, std::min(req.to, s + req.recomputeMs)});
    }
    for (size_t k = 0; k < segments.size(); ++k) {
        if (rn.control.cancelled()) return Error(QStringLiteral("cancelled"));
        const auto [segFrom, segTo] = segments[k];
        std::vector<std::pair<size_t, ModelInputs>> loaded;
        if (segments.size() == 1) {
            loaded = std::move(*whole);
        } else {
            auto in = rn.load(segTo);
            if (!in) continue;  // no candles before this segment yet
            loaded = std::move(*in);
        }
        for (int m = 0; m < req.models.size(); ++m) {
            std::vector<std::vector<HourSide>> perVenue;
            for (const auto &[v, in] : loaded) {
                auto out = rn.run(m, in, k, segments.size());
                if (!out) {
                    if (out.error().message == QLatin1String("cancelled")) return out.error();
                    if (rn.leaveOut(v, m, out.error())) continue;
                    notes[size_t(m)] = out.error().message;
                    perVenue.clear();
                    break;
                }
                if (m == 0) rn.shares[v].total = lastColumnTotal(out->grid);
                perVenue.emplace_back();
                hourlyRecords(in, *out, segFrom, segTo, realised, perVenue.back());
            }
            const std::vector<HourSide> merged = mergeHourSides(perVenue);
            records[size_t(m)].insert(records[size_t(m)].end(), merged.begin(), merged.end());
        }
        if (rn.control.progress) rn.control.progress(double(k + 1) / double(segments.size()));
    }
    std::vector<ValidationResult> results;
    for (int m = 0; m < req.models.size(); ++m) {
        ValidationResult r = blank(req, req.models[m], QStringLiteral("hourly"));
        r.realisedSource = realised.fromTotals() ? QStringLiteral("hourly_totals") : QStringLiteral("events_per_hour");
        if (records[size_t(m)].empty()) {
            r.note = notes[size_t(m)].isEmpty() ? QStringLiteral("no hour had both a prediction and a realised total")
                                                : notes[size_t(m)];
        } else {
            evaluateHourly(records[size_t(m)], req.bootstrap, req.seed, r);
        }
        results.push_back(std::move(r));
    }
    return results;
}

Result<std::vector<ValidationResult>> events(const Runner &rn, const std::vector<LiquidationEvent> &evs) {
    const ValidationRequest &req = rn.req;
    const qint64 step = intervalMs(req.params.interval).value_or(kHourMs);
    std::map<qint64, std::vector<LiquidationEvent>> byRecompute;  // the candle grid point before each event
    for (const LiquidationEvent &e : evs) byRecompute[floorTo(e.time, step)].push_back(e);
    std::vector<std::vector<ZoneColumn>> columns(size_t(req.models.size()));
    std::vector<QString> notes(size_t(req.models.size()));
    qint64 unjudged = 0, k = 0;
    QString lastLoadError;
    for (const auto &[at, group] : byRecompute) {
        if (rn.control.cancelled()) return Error(QStringLiteral("cancelled"));
        ++k;
        auto in = rn.load(at);  // candles strictly before the event's candle
        if (!in) {
            unjudged += qint64(group.size());
            lastLoadError = in.error().message;
            continue;
        }
        for (int m = 0; m < req.models.size(); ++m) {
            std::vector<ModelOutput> outs;
            for (const auto &[v, inputs] : *in) {
                auto out = rn.run(m, inputs, size_t(k - 1), byRecompute.size());
                if (!out) {
                    if (out.error().message == QLatin1String("cancelled")) return out.error();
                    if (rn.leaveOut(v, m, out.error())) continue;
                    notes[size_t(m)] = out.error().message;
                    outs.clear();
                    break;
                }
                if (m == 0) rn.shares[v].total = lastColumnTotal(out->grid);
                outs.push_back(std::move(*out));
            }
            if (outs.empty()) continue;
            std::vector<const HeatmapGrid *> grids;
            for (const ModelOutput &o : outs) grids.push_back(&o.grid);
            ZoneColumn c = summedLastColumn(grids);
            c.events = group;
            columns[size_t(m)].push_back(std::move(c));
        }
        if (rn.control.progress) rn.control.progress(double(k) / double(byRecompute.size()));
    }
    std::vector<ValidationResult> results;
    for (int m = 0; m < req.models.size(); ++m) {
        ValidationResult r = blank(req, req.models[m], QStringLiteral("events"));
        if (columns[size_t(m)].empty()) {
            r.note = !notes[size_t(m)].isEmpty() ? notes[size_t(m)]
                     : QStringLiteral("no model data before any event: %1").arg(lastLoadError);
        } else {
            evaluateEvents(columns[size_t(m)], req.zoneShare, req.band, req.draws, req.seed, r);
            if (unjudged) r.note = QStringLiteral("%1 events had no model data before them and were left out").arg(unjudged);
        }
        results.push_back(std::move(r));
    }
    return results;
}

}  // namespace

Result<std::vector<ValidationResult>> runValidation(Store &store, const ValidationRequest &req, const RunControl &control) {
    if (req.symbol.isEmpty()) return Error(QStringLiteral("no symbol given"), {}, 0, QStringLiteral("symbol"));
    if (!(req.from < req.to)) return Error(QStringLiteral("--from must be before --to"), {}, 0, QStringLiteral("from"));
    if (req.models.isEmpty()) return Error(QStringLiteral("no model given"), {}, 0, QStringLiteral("model"));
    for (const QString &m : req.models)
        if (!makeModel(m))
            return Error(QStringLiteral("unknown model '%1' (one of %2, or all)")
                             .arg(m, liquidationModelNames().join(QStringLiteral(", "))),
                         {}, 0, QStringLiteral("model"));
    HeatmapRequest probe;
    probe.symbol = req.symbol;
    probe.window = req.window;
    probe.params = req.params;
    if (Status s = validateRequest(probe); !s) return s.error();
    if (!(req.zoneShare > 0 && req.zoneShare < req.band * 2))
        return Error(QStringLiteral("zone share must be above 0 and below the band's width"), {}, 0, QStringLiteral("zone-share"));
    if (req.draws < 0 || req.draws > 100000 || req.bootstrap < 0 || req.bootstrap > 100000)
        return Error(QStringLiteral("draws and bootstrap resamples must be 0..100000"), {}, 0, QStringLiteral("draws"));
    if (req.recomputeMs < kHourMs) return Error(QStringLiteral("recompute at most hourly"), {}, 0, QStringLiteral("recompute"));

    Runner rn{store, req, {}, control, {}};
    const QStringList exchanges = req.exchanges.isEmpty() ? QStringList{req.exchange} : req.exchanges;
    const bool selection = !req.exchanges.isEmpty();
    Realised realised;
    std::vector<LiquidationEvent> evs;
    QStringList realisedFrom, realisedMissing;
    for (const QString &ex : exchanges) {
        AnalysisSeries s;
        s.exchange = ex;
        s.symbol = req.symbol;
        s.window = req.window;
        // In a selection a venue whose own candles reach the period uses them; --candles-from serves
        // the others (Hyperliquid's candle history is short).
        bool ownCandles = false;
        for (const QString &iv : store.candleIntervals({ex, req.symbol, {}}))
            ownCandles = ownCandles || store.newestCandle({ex, req.symbol, iv}, req.to) >= req.from;
        s.candlesFrom = selection && ownCandles ? QString() : req.candlesFrom;
        s.params = req.params;
        rn.venues.push_back(s);
        ExchangeShare share;
        share.exchange = ex;
        rn.shares.push_back(share);

        std::vector<LiquidationEvent> own = store.liquidations(ex, req.symbol, {req.from, req.to});
        own.erase(std::remove_if(own.begin(), own.end(), [](const LiquidationEvent &e) { return !(e.price > 0) || !(e.notional > 0); }),
                  own.end());
        RealisedVenue rv;
        for (const HourlyLiquidation &h : store.hourlyLiquidations({ex, req.symbol, {}}, {req.from, req.to})) rv.totals[h.time] = h;
        rv.fromTotals = !rv.totals.empty();
        for (const LiquidationEvent &e : own) {
            const qint64 hour = floorTo(e.time, kHourMs);
            RealisedHour &h = rv.events[hour];
            (e.side == Side::Long ? h.longUsd : h.shortUsd) += e.notional;
            if (rv.lastEventHour < rv.firstEventHour) rv.firstEventHour = hour;
            rv.firstEventHour = std::min(rv.firstEventHour, hour);
            rv.lastEventHour = std::max(rv.lastEventHour, hour);
        }
        (rv.empty() ? realisedMissing : realisedFrom) << ex;
        if (!rv.empty()) realised.venues.push_back(std::move(rv));
        evs.insert(evs.end(), own.begin(), own.end());
    }
    std::stable_sort(evs.begin(), evs.end(), [](const LiquidationEvent &a, const LiquidationEvent &b) { return a.time < b.time; });
    ValidationMethod method = req.method;
    if (method == ValidationMethod::Auto) method = evs.empty() ? ValidationMethod::Hourly : ValidationMethod::Events;
    const QString what = QStringLiteral("%1 %2 between the given times").arg(req.exchange, req.symbol);
    Result<std::vector<ValidationResult>> results = std::vector<ValidationResult>{};
    if (method == ValidationMethod::Events) {
        if (evs.empty())
            return Error(QStringLiteral("no realised liquidation events with a price for %1: import them (lhm import) or "
                                        "use --method hourly").arg(what), {}, 0, QStringLiteral("method"));
        // The events method judges events only: a venue with hourly totals alone adds nothing to it.
        realisedFrom.clear();
        realisedMissing.clear();
        for (const QString &ex : exchanges)
            (std::any_of(evs.begin(), evs.end(), [&](const LiquidationEvent &e) { return e.exchange == ex; }) ? realisedFrom
                                                                                                             : realisedMissing) << ex;
        results = events(rn, evs);
    } else {
        if (realised.venues.empty())
            return Error(QStringLiteral("no realised liquidations (events or hourly totals) for %1: import them with lhm import")
                             .arg(what), {}, 0, QStringLiteral("symbol"));
        results = hourly(rn, realised);
    }
    if (!results || !selection) return results;
    for (ExchangeShare &s : rn.shares)
        if (s.status != ExchangeStatus::Ok && s.detail.isEmpty()) s.detail = QStringLiteral("no %1 data before the period's events").arg(s.exchange);
    assignShares(rn.shares);
    for (ValidationResult &r : *results) {
        r.exchanges = rn.shares;
        r.realisedFrom = realisedFrom;
        r.realisedMissing = realisedMissing;
    }
    return results;
}

}  // namespace lhm
