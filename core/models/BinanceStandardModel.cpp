#include "models/BinanceStandardModel.h"

#include "models/CandleWalk.h"
#include "models/BookRule.h"
#include "models/CloseRule.h"

#include <algorithm>
#include <cmath>

namespace lhm {

Result<ModelOutput> BinanceStandardModel::run(const ModelInputs &in, const ModelParams &params,
                                              const RunControl &control) const {
    SideRule rule = SideRule::Taker;
    if (auto forced = forcedRule()) {
        rule = *forced;
    } else if (auto parsed = parseSideRule(params.sideRule)) {
        rule = *parsed;
    } else {
        return Error(QStringLiteral("unknown side rule '%1' (body, taker or funding)").arg(params.sideRule), {}, 0,
                     QStringLiteral("side-rule"));
    }
    if (!parseCloseRule(params.closeRule))
        return Error(QStringLiteral("unknown close rule '%1' (relative or absolute)").arg(params.closeRule), {}, 0,
                     QStringLiteral("close-rule"));
    if (!parseBookRule(params.book))
        return Error(QStringLiteral("unknown book '%1' (market or window)").arg(params.book), {}, 0, QStringLiteral("book"));
    if (params.entrySpread < 0 || params.entrySpread > 100)
        return Error(QStringLiteral("entry spread %1 is not 0..100").arg(params.entrySpread), {}, 0,
                     QStringLiteral("entry-spread"));
    if (!(params.turnover >= 0) || !std::isfinite(params.turnover))
        return Error(QStringLiteral("turnover must be >= 0"), {}, 0, QStringLiteral("turnover"));
    return runWith(name(), rule, in, params, control);
}

Result<ModelOutput> BinanceStandardModel::runWith(const QString &modelName, SideRule rule, const ModelInputs &in,
                                                  const ModelParams &params, const RunControl &control) const {
    auto ladder = LeverageLadder::make(params.leverageWeights, in.tiers, params.positionNotional,
                                       in.candles.empty() ? 0 : in.candles.back().close);
    if (!ladder) return ladder.error();
    if (in.openInterestValue.size() != in.candles.size())
        return Error(QStringLiteral("open interest is not aligned with the candles"));
    bool anyOi = false;
    for (double v : in.openInterestValue) anyOi = anyOi || std::isfinite(v);
    if (!anyOi)
        return Error(QStringLiteral("no open interest for %1 in this window (import the metrics files)").arg(in.symbol));

    // Without any rate the funding rule would silently become a 50/50 split: a different model.
    if (rule == SideRule::Funding && std::none_of(in.fundingRate.begin(), in.fundingRate.end(),
                                                  [](double r) { return std::isfinite(r); }))
        return Error(QStringLiteral("no funding rates for %1 in this window (import the fundingRate files)").arg(in.symbol));
    auto at = [](const std::vector<double> &v, int i) {
        return size_t(i) < v.size() ? v[size_t(i)] : std::numeric_limits<double>::quiet_NaN();
    };
    // A candle without metrics rows carries the previous value forward (ΔOI = 0 there); the first
    // candle with a value is the baseline, so the first ΔOI is 0 as the rules say.
    double previous = std::numeric_limits<double>::quiet_NaN();
    const LeverageLadder &lad = *ladder;
    const CloseRule closeRule = parseCloseRule(params.closeRule).value_or(CloseRule::Relative);
    const bool market = parseBookRule(params.book).value_or(BookRule::Market) == BookRule::Market;
    // Market: every unit of open interest is one long and one short position.
    const double perUnit = market ? 2.0 : 1.0;
    const int spread = params.entrySpread;
    CandleStep step = [&](int i, LevelBook &book, NotionalFlow &flow) {
        const double oi = in.openInterestValue[size_t(i)];
        if (!std::isfinite(oi)) return;
        const double before = previous;
        previous = oi;
        const Candle &c = in.candles[size_t(i)];
        if (!std::isfinite(before)) {
            // The starting book: the open interest already there when the window begins.
            if (market && oi > 0) {
                openOverCandle(book, lad, Side::Long, c, spread, oi, flow);
                openOverCandle(book, lad, Side::Short, c, spread, oi, flow);
            }
            return;
        }
        // Turnover: trading volume closes positions and opens new ones at this candle's prices even
        // when open interest stays flat, so the book follows where the market traded recently.
        const double traded = c.volume * c.close;
        const double f = oi > 0 && traded > 0 ? std::min(1.0, params.turnover * traded / oi) : 0.0;
        double openLong = 0, openShort = 0;
        if (f > 0) {
            const double longBefore = book.openNotional(Side::Long), shortBefore = book.openNotional(Side::Short);
            flow.closed += book.closeShare(f);
            openLong = market ? f * oi : f * longBefore;
            openShort = market ? f * oi : f * shortBefore;
            // Turnover shrinks old levels geometrically; below 1e-10 of the book they change no
            // figure but would grow memory and time with every candle.
            if (i % 64 == 0) flow.closed += book.prune(1e-10 * book.openNotional());
        }
        const double delta = oi - before;
        if (delta > 0) {
            SideShareInputs s;
            s.metricsTakerShare = at(in.metricsTakerShare, i);
            s.fundingRate = at(in.fundingRate, i);
            s.fundingScale = params.fundingScale;
            s.fundingAmplitude = params.fundingAmplitude;
            const double share = longShare(rule, c, s);
            openLong += perUnit * delta * share;
            openShort += perUnit * delta * (1.0 - share);
        }
        // Reopened turnover and a rise open together (nothing closes between them): one pass.
        openOverCandle(book, lad, Side::Long, c, spread, openLong, flow);
        openOverCandle(book, lad, Side::Short, c, spread, openShort, flow);
        if (delta < 0) {
            // Relative: the market lost |ΔOI| / OI_prev of its positions, so do the tracked ones
            // (a non-positive OI_prev is nonsense data: treat it as everything gone).
            if (closeRule == CloseRule::Absolute)
                flow.closed += book.close(-perUnit * delta);
            else
                flow.closed += book.closeShare(before > 0 ? -delta / before : 1.0);
        }
    };
    return walkCandles(in, lad, modelName, control, step);
}

}  // namespace lhm
