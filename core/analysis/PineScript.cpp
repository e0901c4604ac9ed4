#include "analysis/PineScript.h"

#include <QDateTime>
#include <QTimeZone>
#include <algorithm>
#include <cmath>

namespace lhm {

namespace {

QString iso(qint64 ms) {
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"))
                  : QStringLiteral("unknown");
}

// Enough decimals to show a bucket centre (half a bucket from its edges), at least 2 below $100.
int priceDecimals(double bucket, double price) {
    int d = 0;
    for (double half = bucket / 2; half > 0 && d < 8; half *= 10, ++d)
        if (std::fabs(half - std::round(half)) < 1e-6 * std::max(1.0, half)) break;
    if (price < 100) d = std::max(d, 2);
    return d;
}

// $950, $12.3K, $1.25M, $3.10B: short enough for a chart label.
QString usd(double v) {
    const double a = std::fabs(v);
    if (a >= 1e9) return QStringLiteral("$%1B").arg(v / 1e9, 0, 'f', 2);
    if (a >= 1e6) return QStringLiteral("$%1M").arg(v / 1e6, 0, 'f', 2);
    if (a >= 1e3) return QStringLiteral("$%1K").arg(v / 1e3, 0, 'f', 1);
    return QStringLiteral("$%1").arg(v, 0, 'f', 0);
}

// A Pine string literal: the header fields come from the store and the user, so quote them.
QString pineString(const QString &s) {
    QString out = s;
    out.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
    out.remove(QLatin1Char('\n')).remove(QLatin1Char('\r'));
    return QLatin1Char('"') + out + QLatin1Char('"');
}

// Comment text must not end the comment line.
QString commentSafe(const QString &s) {
    QString out = s;
    return out.replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QLatin1Char('\r'), QLatin1Char(' '));
}

}  // namespace

std::vector<PineLevel> topPineLevels(const LiquidationMap &m, int top) {
    const size_t L = m.leverages.size();
    std::vector<PineLevel> all;
    for (int r = 0; r < m.rows; ++r)
        for (Side side : {Side::Long, Side::Short}) {
            const std::vector<double> &v = side == Side::Long ? m.longNotional : m.shortNotional;
            double sum = 0;
            for (size_t k = 0; k < L; ++k) sum += v[size_t(r) * L + k];
            if (sum > 0) all.push_back({m.rowCenter(r), side, sum});
        }
    std::stable_sort(all.begin(), all.end(), [](const PineLevel &a, const PineLevel &b) { return a.notional > b.notional; });
    if (int(all.size()) > std::max(0, top)) all.resize(size_t(std::max(0, top)));
    std::stable_sort(all.begin(), all.end(), [](const PineLevel &a, const PineLevel &b) { return a.price > b.price; });
    return all;
}

PineHeader pineHeaderOf(const LiquidationMap &m, qint64 generatedAt, int top) {
    PineHeader h;
    h.symbol = m.symbol;
    h.exchange = m.exchange;
    h.model = m.model;
    h.window = m.window;
    h.generatedAt = generatedAt;
    h.mapAt = m.at;
    h.currentPrice = m.currentPrice;
    h.bucketSize = m.bucketSize;
    h.coverageFrom = m.coverageFrom;
    h.coverageTo = m.coverageTo;
    h.top = top;
    return h;
}

QString pineScript(const PineHeader &h, const std::vector<PineLevel> &levels) {
    const int decimals = priceDecimals(h.bucketSize, h.currentPrice);
    QStringList o;
    o << QStringLiteral("//@version=5");
    o << QStringLiteral("// LiquidationHeatmap: ESTIMATED liquidation levels (modelled positions, not observed orders).");
    o << QStringLiteral("// Symbol: %1  Exchange: %2  Model: %3  Window: %4")
             .arg(commentSafe(h.symbol), commentSafe(h.exchange), commentSafe(h.model), commentSafe(h.window));
    o << QStringLiteral("// Levels at: %1  Price then: %2  Generated: %3")
             .arg(iso(h.mapAt), QString::number(h.currentPrice, 'f', decimals), iso(h.generatedAt));
    o << QStringLiteral("// Data coverage (open interest the model saw): %1 .. %2").arg(iso(h.coverageFrom), iso(h.coverageTo));
    o << QStringLiteral("// Top %1 price buckets of %2 by estimated notional (USD, all leverages); %3 drawn.")
             .arg(h.top).arg(QString::number(h.bucketSize, 'f', decimals)).arg(levels.size());
    o << QStringLiteral("// Estimates only, fixed at the time above: regenerate to update. Not financial advice.");
    o << QStringLiteral("indicator(%1, shorttitle = \"LHM est. levels\", overlay = true, max_lines_count = 500, "
                        "max_labels_count = 500)")
             .arg(pineString(QStringLiteral("LHM estimated liquidation levels %1 %2 (%3)").arg(h.symbol, h.exchange, h.model)));
    o << QStringLiteral("showLabels = input.bool(true, \"Show labels\")");
    o << QStringLiteral("longColor = input.color(color.new(color.red, 20), \"Long liquidations (estimated)\")");
    o << QStringLiteral("shortColor = input.color(color.new(color.green, 20), \"Short liquidations (estimated)\")");
    o << QString();
    o << QStringLiteral("drawLevel(float price, bool isLong, string txt) =>");
    o << QStringLiteral("    c = isLong ? longColor : shortColor");
    o << QStringLiteral("    line.new(bar_index - 1, price, bar_index, price, extend = extend.both, color = c, "
                        "style = line.style_dashed, width = 1)");
    o << QStringLiteral("    if showLabels");
    o << QStringLiteral("        label.new(bar_index, price, txt, style = label.style_label_left, color = color.new(c, 85), "
                        "textcolor = c, size = size.small)");
    o << QString();
    o << QStringLiteral("if barstate.islastconfirmedhistory");
    if (levels.empty()) o << QStringLiteral("    label.new(bar_index, close, \"LHM: no estimated levels\", size = size.small)");
    for (const PineLevel &l : levels) {
        const QString price = QString::number(l.price, 'f', decimals);
        const QString side = l.side == Side::Long ? QStringLiteral("long") : QStringLiteral("short");
        o << QStringLiteral("    drawLevel(%1, %2, \"est. %3 liq %4: %5\")")
                 .arg(price, l.side == Side::Long ? QStringLiteral("true") : QStringLiteral("false"), side, price, usd(l.notional));
    }
    return o.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

}  // namespace lhm
