// lhm info: what the store holds per exchange, symbol, type and interval, with gaps.
#include "Cli.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

using namespace lhm;
using namespace lhm::cli;

static QString iso(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

static int runInfo(Context &ctx) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Show what the local store holds."));
    if (!ctx.parse(p)) return ctx.exitCode;
    auto store = ctx.openStore();
    if (!store) return kBadInput;
    const auto series = store->seriesInfo();
    if (ctx.json) {
        QJsonArray arr;
        for (const SeriesInfo &s : series) {
            QJsonArray gaps;
            for (const auto &[a, b] : s.gaps) gaps.append(QJsonArray{double(a), double(b)});
            QJsonObject o{{"exchange", s.exchange}, {"symbol", s.symbol}, {"type", s.type},
                          {"rows", double(s.rows)}, {"from", double(s.from)}, {"to", double(s.to)}, {"gaps", gaps}};
            if (!s.interval.isEmpty()) o.insert(QStringLiteral("interval"), s.interval);
            if (s.trades >= 0) o.insert(QStringLiteral("trades"), double(s.trades));
            arr.append(o);
        }
        ctx.printJson(QJsonDocument(QJsonObject{{"series", arr}}));
        return kOk;
    }
    if (series.empty()) {
        ctx.print(QStringLiteral("%1: empty store (use 'lhm download' or 'lhm import')").arg(store->path()));
        return kOk;
    }
    ctx.print(QStringLiteral("%1").arg(store->path()));
    ctx.print(QStringLiteral("%1 %2 %3 %4 %5  %6  %7")
                  .arg(QStringLiteral("exchange"), -9).arg(QStringLiteral("symbol"), -10).arg(QStringLiteral("type"), -13)
                  .arg(QStringLiteral("interval"), -8).arg(QStringLiteral("rows"), 10)
                  .arg(QStringLiteral("from (UTC)"), -16).arg(QStringLiteral("to (UTC)"), -16) + QStringLiteral("  gaps"));
    for (const SeriesInfo &s : series)
        ctx.print(QStringLiteral("%1 %2 %3 %4 %5  %6  %7  %8")
                      .arg(s.exchange, -9).arg(s.symbol, -10).arg(s.type, -13).arg(s.interval, -8)
                      .arg(s.rows, 10).arg(iso(s.from), -16).arg(iso(s.to), -16).arg(s.gaps.size()) +
                  (s.trades >= 0 ? QStringLiteral("  (%1 trades in minute x price cells)").arg(s.trades) : QString()));
    return kOk;
}

LHM_COMMAND("info", "show what the store holds: rows, first/last time, gaps", runInfo);
