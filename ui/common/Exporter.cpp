#include "common/Exporter.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>
#include <QTextStream>
#include <QWidget>

namespace lhm::ui::Exporter {

namespace {
QString num(double v) { return QString::number(v, 'f', 2); }
QString price(double v) { return QString::number(v, 'g', 12); }
}  // namespace

Status savePng(QWidget *widget, const QString &path) {
    if (!widget->grab().save(path, "PNG"))
        return Error(QCoreApplication::translate("Exporter", "cannot write the image"), path);
    return {};
}

Status writeGridCsv(const HeatmapGrid &g, const QString &path) {
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Text))
        return Error(QCoreApplication::translate("Exporter", "cannot open for writing"), path);
    QTextStream out(&f);
    out << "time,price_low,price_high,long_usd,short_usd\n";
    for (int c = 0; c < g.cols(); ++c)
        for (int r = 0; r < g.rows; ++r) {
            const float l = g.longAt(c, r), s = g.shortAt(c, r);
            if (l == 0 && s == 0) continue;
            out << g.times[size_t(c)] << ',' << price(g.rowPrice(r)) << ',' << price(g.rowPrice(r + 1)) << ','
                << num(l) << ',' << num(s) << '\n';
        }
    out.flush();
    if (!f.commit()) return Error(QCoreApplication::translate("Exporter", "cannot write the file"), path);
    return {};
}

Status writeMapCsv(const LiquidationMap &m, const QString &path) {
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Text))
        return Error(QCoreApplication::translate("Exporter", "cannot open for writing"), path);
    QTextStream out(&f);
    out << "price_low,price_high,side,leverage,notional_usd,cumulative_usd\n";
    const size_t L = m.leverages.size();
    for (int r = 0; r < m.rows; ++r) {
        const double lo = m.priceMin + r * m.bucketSize, hi = lo + m.bucketSize;
        for (size_t l = 0; l < L; ++l) {
            const double vl = m.longNotional[size_t(r) * L + l], vs = m.shortNotional[size_t(r) * L + l];
            if (vl > 0)
                out << price(lo) << ',' << price(hi) << ",long," << m.leverages[l] << ',' << num(vl) << ','
                    << num(size_t(r) < m.cumulativeLong.size() ? m.cumulativeLong[size_t(r)] : 0) << '\n';
            if (vs > 0)
                out << price(lo) << ',' << price(hi) << ",short," << m.leverages[l] << ',' << num(vs) << ','
                    << num(size_t(r) < m.cumulativeShort.size() ? m.cumulativeShort[size_t(r)] : 0) << '\n';
        }
    }
    out.flush();
    if (!f.commit()) return Error(QCoreApplication::translate("Exporter", "cannot write the file"), path);
    return {};
}

}  // namespace lhm::ui::Exporter
