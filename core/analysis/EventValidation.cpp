#include "analysis/EventValidation.h"

#include "analysis/RankStats.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <unordered_set>

namespace lhm {

namespace {

// Rows whose centre lies within price x (1 +- band).
std::pair<int, int> bandRows(const ZoneColumn &c, double band) {
    const int rows = int(c.density.size());
    const int lo = std::max(0, int(std::ceil((c.price * (1 - band) - c.priceMin) / c.bucket - 0.5)));
    const int hi = std::min(rows - 1, int(std::floor((c.price * (1 + band) - c.priceMin) / c.bucket - 0.5)));
    return {lo, hi};
}

int zoneRowBudget(const ZoneColumn &c, double zoneShare) {
    return std::max(1, int(std::ceil(zoneShare * c.price / c.bucket - 1e-9)));
}

int rowOf(const ZoneColumn &c, double price) { return int(std::floor((price - c.priceMin) / c.bucket)); }

struct Tally {
    double notional = 0, total = 0;
    qint64 hits = 0, count = 0;
    void add(const LiquidationEvent &e, bool hit) {
        total += e.notional;
        ++count;
        if (hit) {
            notional += e.notional;
            ++hits;
        }
    }
    double rate() const { return total > 0 ? notional / total : 0.0; }
};

}  // namespace

std::vector<int> densestZoneRows(const ZoneColumn &c, double zoneShare, double band) {
    const auto [lo, hi] = bandRows(c, band);
    std::vector<int> rows;
    for (int r = lo; r <= hi; ++r)
        if (c.density[size_t(r)] > 0) rows.push_back(r);
    // Densest first; on equal density the row nearer the price first, then the lower row.
    std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) {
        if (c.density[size_t(a)] != c.density[size_t(b)]) return c.density[size_t(a)] > c.density[size_t(b)];
        return std::fabs(c.priceMin + (a + 0.5) * c.bucket - c.price) < std::fabs(c.priceMin + (b + 0.5) * c.bucket - c.price);
    });
    rows.resize(std::min(rows.size(), size_t(zoneRowBudget(c, zoneShare))));
    return rows;
}

void evaluateEvents(const std::vector<ZoneColumn> &columns, double zoneShare, double band, int draws, quint64 seed,
                    ValidationResult &out) {
    out.method = QStringLiteral("events");
    Tally model, mirrored;
    std::vector<std::vector<int>> zones(columns.size());
    for (size_t k = 0; k < columns.size(); ++k) {
        const ZoneColumn &c = columns[k];
        zones[k] = densestZoneRows(c, zoneShare, band);
        const std::unordered_set<int> in(zones[k].begin(), zones[k].end());
        std::unordered_set<int> mirror;
        for (int r : zones[k]) mirror.insert(rowOf(c, 2 * c.price - (c.priceMin + (r + 0.5) * c.bucket)));
        for (const LiquidationEvent &e : c.events) {
            const int r = rowOf(c, e.price);
            model.add(e, in.count(r) > 0);
            mirrored.add(e, mirror.count(r) > 0);
        }
    }
    out.n = model.count;
    if (model.count == 0) return;
    out.hitRate = model.rate();
    out.hitRateEvents = double(model.hits) / double(model.count);
    out.mirroredHitRate = mirrored.rate();

    // Random zones: per column the same number of rows as the model used, drawn without
    // replacement among the band's rows.
    std::mt19937_64 rng(seed);
    std::vector<double> rates;
    rates.reserve(size_t(std::max(draws, 0)));
    std::vector<std::vector<int>> bandPool(columns.size());
    for (size_t k = 0; k < columns.size(); ++k) {
        const auto [lo, hi] = bandRows(columns[k], band);
        for (int r = lo; r <= hi; ++r) bandPool[k].push_back(r);
    }
    std::vector<char> chosen;
    for (int d = 0; d < draws; ++d) {
        Tally t;
        for (size_t k = 0; k < columns.size(); ++k) {
            std::vector<int> &pool = bandPool[k];
            const size_t want = std::min(zones[k].size(), pool.size());
            for (size_t i = 0; i < want; ++i) {  // partial Fisher-Yates
                std::uniform_int_distribution<size_t> u(i, pool.size() - 1);
                std::swap(pool[i], pool[u(rng)]);
            }
            chosen.assign(columns[k].density.size(), 0);
            for (size_t i = 0; i < want; ++i) chosen[size_t(pool[i])] = 1;
            for (const LiquidationEvent &e : columns[k].events) {
                const int r = rowOf(columns[k], e.price);
                t.add(e, r >= 0 && r < int(chosen.size()) && chosen[size_t(r)]);
            }
        }
        rates.push_back(t.rate());
    }
    if (rates.empty()) return;
    BaselineInterval b;
    b.mean = std::accumulate(rates.begin(), rates.end(), 0.0) / double(rates.size());
    b.beatenShare = double(std::count_if(rates.begin(), rates.end(), [&](double r) { return *out.hitRate > r; })) /
                    double(rates.size());
    std::sort(rates.begin(), rates.end());
    b.p2_5 = sortedPercentile(rates, 0.025);
    b.p97_5 = sortedPercentile(rates, 0.975);
    out.baseline = b;
}

}  // namespace lhm
