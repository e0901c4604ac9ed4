#include "analysis/Backtester.h"

#include <cmath>

namespace lhm {

namespace {

constexpr double kNoCluster = 1000.0;  // distance (%) when a side has no cluster ahead of price

void setVars(RuleExpression &e, const BarFeature &b, const Signal &s, bool inPosition) {
    auto &v = e.vars();
    auto set = [&](RuleVar k, double x) { v[size_t(k)] = x; };
    set(RuleVar::Open, b.candle.open);
    set(RuleVar::High, b.candle.high);
    set(RuleVar::Low, b.candle.low);
    set(RuleVar::Close, b.candle.close);
    set(RuleVar::DistLongClusterPct, b.longCluster.valid ? b.longCluster.distancePct : kNoCluster);
    set(RuleVar::DistShortClusterPct, b.shortCluster.valid ? b.shortCluster.distancePct : kNoCluster);
    set(RuleVar::LongClusterUsd, b.longCluster.valid ? b.longCluster.notional : 0.0);
    set(RuleVar::ShortClusterUsd, b.shortCluster.valid ? b.shortCluster.notional : 0.0);
    set(RuleVar::RealisedLongUsd, b.realisedLongUsd);
    set(RuleVar::RealisedShortUsd, b.realisedShortUsd);
    set(RuleVar::Confidence, b.confidence);
    set(RuleVar::Signal, double(int(s.kind)));
    set(RuleVar::OiChangePct, b.oiChangePct);
    set(RuleVar::Funding, b.funding);
    set(RuleVar::InPosition, inPosition ? 1.0 : 0.0);
}

struct Position {
    Side side = Side::Long;
    double qty = 0, entryFill = 0, entryFee = 0;
    qint64 entryTime = 0;
};

double fill(double price, Side side, bool opening, double slippageBps) {
    // Buying (long open, short close) pays up; selling receives less.
    const bool buying = (side == Side::Long) == opening;
    return price * (1.0 + (buying ? 1 : -1) * slippageBps / 1e4);
}

double markToMarket(const Position &p, double price) {
    return sideSign(p.side) * p.qty * (price - p.entryFill);
}

}  // namespace

BacktestRun runBacktest(const std::vector<BarFeature> &bars, RuleExpression &entry, RuleExpression &exit,
                        const BacktestParams &prm) {
    BacktestRun run;
    const std::vector<Signal> sigs = evaluateSignals(bars, prm.barMs, prm.signal);
    double cash = prm.sizeUsd;  // realised equity
    std::optional<Position> pos;
    int pending = 0;  // +1 open long, -1 open short, 2 close: decided at a close, filled at the next open
    int held = 0;
    auto close = [&](double price, qint64 time, const QString &why, bool slip) {
        const double px = slip ? fill(price, pos->side, false, prm.slippageBps) : price;
        const double fee = pos->qty * px * prm.feeBps / 1e4;
        const double pnl = markToMarket(*pos, px) - pos->entryFee - fee;
        cash += markToMarket(*pos, px) - fee;
        run.trades.push_back({pos->side, pos->entryTime, time, pos->entryFill, px, pos->qty, pnl, pos->entryFee + fee, why});
        pos.reset();
    };
    for (size_t i = 0; i < bars.size(); ++i) {
        const Candle &c = bars[i].candle;
        // 1. Fills decided at the previous close, at this bar's open.
        if (pending == 2 && pos) close(c.open, c.openTime, QStringLiteral("exit"), true);
        if ((pending == 1 || pending == -1) && !pos) {
            Position p;
            p.side = pending == 1 ? Side::Long : Side::Short;
            p.entryFill = fill(c.open, p.side, true, prm.slippageBps);
            p.qty = prm.sizeUsd / p.entryFill;
            p.entryFee = prm.sizeUsd * prm.feeBps / 1e4;
            p.entryTime = c.openTime;
            cash -= p.entryFee;
            pos = p;
        }
        pending = 0;
        // 2. Stops and take-profits inside this bar (stop first when both are touched).
        if (pos && (prm.stopPct > 0 || prm.takeProfitPct > 0)) {
            const int sgn = sideSign(pos->side);
            const double stop = pos->entryFill * (1.0 - sgn * prm.stopPct / 100.0);
            const double take = pos->entryFill * (1.0 + sgn * prm.takeProfitPct / 100.0);
            const bool stopHit = prm.stopPct > 0 && (sgn > 0 ? c.low <= stop : c.high >= stop);
            const bool takeHit = prm.takeProfitPct > 0 && (sgn > 0 ? c.high >= take : c.low <= take);
            if (stopHit) {
                // A gap through the stop fills at the open, not at the stop.
                const double px = sgn > 0 ? std::min(stop, c.open) : std::max(stop, c.open);
                close(fill(px, pos->side, false, prm.slippageBps), c.openTime, QStringLiteral("stop"), false);
            } else if (takeHit) {
                close(take, c.openTime, QStringLiteral("take_profit"), false);
            }
        }
        if (pos) ++held;
        // 3. Decisions at this bar's close.
        const qint64 closeTime = c.openTime + prm.barMs;
        if (i + 1 < bars.size()) {
            RuleExpression &e = pos ? exit : entry;
            setVars(e, bars[i], sigs[i], pos.has_value());
            const double v = e.evaluate();
            if (std::isfinite(v) && v != 0) {
                if (pos) pending = 2;
                else if (prm.side == TradeSide::Long) pending = 1;
                else if (prm.side == TradeSide::Short) pending = -1;
                else pending = v > 0 ? 1 : -1;
            }
        } else if (pos) {
            close(c.close, closeTime, QStringLiteral("end"), true);
        }
        run.equity.emplace_back(closeTime, cash + (pos ? markToMarket(*pos, c.close) : 0.0));
    }
    std::vector<double> eq;
    for (const auto &[t, v] : run.equity) eq.push_back(v);
    run.stats = computeStats(eq, prm.sizeUsd, run.trades, held, 365.0 * 86'400'000.0 / double(prm.barMs));
    return run;
}

BacktestRun buyAndHold(const std::vector<BarFeature> &bars, const BacktestParams &prm) {
    BacktestRun run;
    if (bars.empty()) return run;
    const double entry = fill(bars.front().candle.open, Side::Long, true, prm.slippageBps);
    const double qty = prm.sizeUsd / entry;
    const double entryFee = prm.sizeUsd * prm.feeBps / 1e4;
    for (size_t i = 0; i < bars.size(); ++i) {
        const Candle &c = bars[i].candle;
        double value = prm.sizeUsd - entryFee + qty * (c.close - entry);
        if (i + 1 == bars.size()) {
            const double px = fill(c.close, Side::Long, false, prm.slippageBps);
            const double fee = qty * px * prm.feeBps / 1e4;
            value = prm.sizeUsd - entryFee - fee + qty * (px - entry);
            run.trades.push_back({Side::Long, bars.front().candle.openTime, c.openTime + prm.barMs, entry, px, qty,
                                  qty * (px - entry) - entryFee - fee, entryFee + fee, QStringLiteral("end")});
        }
        run.equity.emplace_back(c.openTime + prm.barMs, value);
    }
    std::vector<double> eq;
    for (const auto &[t, v] : run.equity) eq.push_back(v);
    run.stats = computeStats(eq, prm.sizeUsd, run.trades, int(bars.size()), 365.0 * 86'400'000.0 / double(prm.barMs));
    return run;
}

}  // namespace lhm
