// How the mirror is made from the recorded data, and where it differs from the real archive:
//
// metrics  <- imsatoshi-binance-btcusdt-oi-5m/derived_BTCUSDT_5m_dedup.csv (Binance REST polls, 5 min)
//   create_time = time_utc as "YYYY-MM-DD HH:MM:SS"; sum_open_interest = sumOpenInterest;
//   sum_open_interest_value = sumOpenInterestValue; count_toptrader_long_short_ratio = topacclongShortRatio;
//   sum_toptrader_long_short_ratio = topposlongShortRatio; count_long_short_ratio = globallongShortRatio;
//   sum_taker_long_short_vol_ratio = buySellRatio, left EMPTY where the source has no taker data (before
//   2024-05-10 20:30). Files are split by UTC day, so the first and last day are partial.
// klines 5m <- the same file's rows that have OHLC (from 2024-05-10 20:30). APPROXIMATION: the source
//   candles are MARK-PRICE klines (8-decimal prices off the tick grid) standing in for trade klines, and
//   there is no trade volume, so volume = buyVol + sellVol (taker volume both ways, which is every trade),
//   taker_buy_volume = buyVol, quote_volume ~ volume x close, taker_buy_quote_volume ~ buyVol x close,
//   count = 0. close_time = open_time + interval - 1 as Binance writes it.
// klines 15m/30m/1h <- resampled from those 5m rows; only complete groups are written.
// fundingRate (monthly) <- gocryptotrader-binance-futures-rest/binance_fapi_v1_fundingRate__3.json, a
//   recorded /fapi/v1/fundingRate response (BTCUSDT, 100 rows, 2020-09-15 .. 2020-10-18):
//   calc_time = fundingTime (with Binance's real ms jitter), funding_interval_hours = 8 (the interval
//   then), last_funding_rate = fundingRate. Split by UTC month, both months partial.
// aggTrades <- hftbacktest-binance-usdm-ws/*.gz `@trade` messages (raw trades, not aggregated ones):
//   agg_trade_id = t, price = p, quantity = q, first_trade_id = last_trade_id = t, transact_time = T,
//   is_buyer_maker = m. Split by UTC day of T (ETHUSDT's last trades fall just after midnight).
#include "VisionMirror.h"

#include "TestSupport.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <zip.h>

#include <algorithm>
#include <map>
#include <vector>

namespace lhm::test {

namespace {

const QString kUm = QStringLiteral("data/futures/um/daily");
const QString kUmMonthly = QStringLiteral("data/futures/um/monthly");

QString dayOf(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd")); }

struct SourceRow {
    qint64 time = 0;
    QStringList f;  // all fields, by source header name through `col`
};

struct Kline {
    qint64 openTime = 0;
    QString open, high, low, close;  // kept as text so 5m rows reproduce the source exactly
    double highV = 0, lowV = 0, closeV = 0;
    double buyVol = 0, sellVol = 0;
};

QString num(double v, int decimals) { return QString::number(v, 'f', decimals); }

QByteArray klineCsv(const std::vector<Kline> &rows, qint64 stepMs) {
    QByteArray out = "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,"
                     "taker_buy_quote_volume,ignore\n";
    for (const Kline &k : rows) {
        const double vol = k.buyVol + k.sellVol;
        out += QStringLiteral("%1,%2,%3,%4,%5,%6,%7,%8,0,%9,%10,0\n")
                   .arg(k.openTime)
                   .arg(k.open, k.high, k.low, k.close, num(vol, 3))
                   .arg(k.openTime + stepMs - 1)
                   .arg(num(vol * k.closeV, 8), num(k.buyVol, 3), num(k.buyVol * k.closeV, 8))
                   .toLatin1();
    }
    return out;
}

// Groups complete runs of 5m candles into `factor`-times longer candles aligned to the longer grid.
std::vector<Kline> resample(const std::vector<Kline> &five, int factor) {
    const qint64 step = qint64(factor) * 300'000;
    std::map<qint64, std::vector<const Kline *>> groups;
    for (const Kline &k : five) groups[k.openTime - k.openTime % step].push_back(&k);
    std::vector<Kline> out;
    for (const auto &[start, g] : groups) {
        if (int(g.size()) != factor) continue;
        Kline r;
        r.openTime = start;
        r.open = g.front()->open;
        r.close = g.back()->close;
        r.closeV = g.back()->closeV;
        r.high = g.front()->high, r.highV = g.front()->highV;
        r.low = g.front()->low, r.lowV = g.front()->lowV;
        for (const Kline *k : g) {
            if (k->highV > r.highV) r.high = k->high, r.highV = k->highV;
            if (k->lowV < r.lowV) r.low = k->low, r.lowV = k->lowV;
            r.buyVol += k->buyVol;
            r.sellVol += k->sellVol;
        }
        out.push_back(r);
    }
    return out;
}

Status writeDaily(const QString &root, const QString &type, const QString &symbol, const QString &sub,
                  const QMap<QString, QByteArray> &byDay, const QString &layout = kUm) {
    for (auto it = byDay.begin(); it != byDay.end(); ++it) {
        const QString base = QStringLiteral("%1-%2-%3").arg(symbol, sub.isEmpty() ? type : sub, it.key());
        QString dir = QStringLiteral("%1/%2/%3/%4").arg(root, layout, type, symbol);
        if (!sub.isEmpty()) dir += QLatin1Char('/') + sub;
        if (Status s = writeVisionZip(dir + QLatin1Char('/') + base + QStringLiteral(".zip"), base + QStringLiteral(".csv"),
                                      it.value());
            !s)
            return s;
    }
    return {};
}

Status buildFromOpenInterest(const QString &root) {
    const QString src = sharedData(QStringLiteral("imsatoshi-binance-btcusdt-oi-5m/derived_BTCUSDT_5m_dedup.csv"));
    const QByteArray text = readFile(src);
    if (text.isEmpty()) return Error(QStringLiteral("cannot read recorded data"), src);
    QList<QByteArray> lines = text.split('\n');
    const QStringList header = QString::fromLatin1(lines.takeFirst()).trimmed().split(QLatin1Char(','));
    auto col = [&](const char *name) { return int(header.indexOf(QLatin1String(name))); };
    const int cTime = col("timestamp"), cOi = col("sumOpenInterest"), cOiv = col("sumOpenInterestValue"),
              cTopAcc = col("topacclongShortRatio"), cTopPos = col("topposlongShortRatio"),
              cGlobal = col("globallongShortRatio"), cTaker = col("buySellRatio"), cSell = col("sellVol"),
              cBuy = col("buyVol"), cO = col("openPrice"), cH = col("highPrice"), cL = col("lowPrice"),
              cC = col("closePrice");
    if (std::min({cTime, cOi, cOiv, cTopAcc, cTopPos, cGlobal, cTaker, cSell, cBuy, cO, cH, cL, cC}) < 0)
        return Error(QStringLiteral("unexpected header"), src, 1);

    QMap<QString, QByteArray> metrics;
    std::vector<Kline> five;
    for (const QByteArray &raw : lines) {
        const QString line = QString::fromLatin1(raw).trimmed();
        if (line.isEmpty()) continue;
        const QStringList f = line.split(QLatin1Char(','));
        const qint64 t = f[cTime].toLongLong();
        QByteArray &day = metrics[dayOf(t)];
        if (day.isEmpty())
            day = "create_time,symbol,sum_open_interest,sum_open_interest_value,count_toptrader_long_short_ratio,"
                  "sum_toptrader_long_short_ratio,count_long_short_ratio,sum_taker_long_short_vol_ratio\n";
        day += QStringLiteral("%1,BTCUSDT,%2,%3,%4,%5,%6,%7\n")
                   .arg(QDateTime::fromMSecsSinceEpoch(t, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                        f[cOi], f[cOiv], f[cTopAcc], f[cTopPos], f[cGlobal], f[cTaker])
                   .toLatin1();
        if (f[cO].isEmpty()) continue;
        Kline k;
        k.openTime = t;
        k.open = f[cO], k.high = f[cH], k.low = f[cL], k.close = f[cC];
        k.highV = f[cH].toDouble(), k.lowV = f[cL].toDouble(), k.closeV = f[cC].toDouble();
        k.buyVol = f[cBuy].toDouble(), k.sellVol = f[cSell].toDouble();
        five.push_back(k);
    }
    if (Status s = writeDaily(root, QStringLiteral("metrics"), QStringLiteral("BTCUSDT"), {}, metrics); !s) return s;

    const struct { const char *name; int factor; } intervals[] = {{"5m", 1}, {"15m", 3}, {"30m", 6}, {"1h", 12}};
    for (const auto &iv : intervals) {
        const std::vector<Kline> rows = iv.factor == 1 ? five : resample(five, iv.factor);
        std::map<QString, std::vector<Kline>> perDay;
        for (const Kline &k : rows) perDay[dayOf(k.openTime)].push_back(k);
        QMap<QString, QByteArray> files;
        for (const auto &[day, dayRows] : perDay) files[day] = klineCsv(dayRows, qint64(iv.factor) * 300'000);
        if (Status s = writeDaily(root, QStringLiteral("klines"), QStringLiteral("BTCUSDT"), QLatin1String(iv.name), files);
            !s)
            return s;
    }
    return {};
}

Status buildAggTrades(const QString &root, const QString &symbol, const QString &gz) {
    const QString src = sharedData(QStringLiteral("hftbacktest-binance-usdm-ws/") + gz);
    const QByteArray text = gunzipFile(src);
    if (text.isEmpty()) return Error(QStringLiteral("cannot read recorded data"), src);
    struct T { qint64 id, time; QString p, q; bool m; };
    std::vector<T> trades;
    for (const QByteArray &line : text.split('\n')) {
        if (!line.contains("@trade\"")) continue;
        const int sp = line.indexOf(' ');
        const QJsonObject d = QJsonDocument::fromJson(line.mid(sp + 1)).object().value(QLatin1String("data")).toObject();
        if (d.value(QLatin1String("e")).toString() != QLatin1String("trade")) continue;
        trades.push_back({qint64(d.value(QLatin1String("t")).toDouble()), qint64(d.value(QLatin1String("T")).toDouble()),
                          d.value(QLatin1String("p")).toString(), d.value(QLatin1String("q")).toString(),
                          d.value(QLatin1String("m")).toBool()});
    }
    if (trades.empty()) return Error(QStringLiteral("no trade messages"), src);
    std::sort(trades.begin(), trades.end(), [](const T &a, const T &b) { return a.id < b.id; });
    QMap<QString, QByteArray> files;
    for (const T &t : trades) {
        QByteArray &day = files[dayOf(t.time)];
        if (day.isEmpty()) day = "agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker\n";
        day += QStringLiteral("%1,%2,%3,%1,%1,%4,%5\n")
                   .arg(t.id)
                   .arg(t.p, t.q)
                   .arg(t.time)
                   .arg(t.m ? QStringLiteral("true") : QStringLiteral("false"))
                   .toLatin1();
    }
    return writeDaily(root, QStringLiteral("aggTrades"), symbol, {}, files);
}

Status buildFunding(const QString &root) {
    const QString src = sharedData(QStringLiteral("gocryptotrader-binance-futures-rest/binance_fapi_v1_fundingRate__3.json"));
    const QJsonArray rows = QJsonDocument::fromJson(readFile(src)).array();
    if (rows.isEmpty()) return Error(QStringLiteral("cannot read recorded data"), src);
    QMap<QString, QByteArray> months;
    for (const QJsonValue &v : rows) {
        const QJsonObject o = v.toObject();
        const qint64 t = qint64(o.value(QLatin1String("fundingTime")).toDouble());
        QByteArray &m = months[dayOf(t).left(7)];
        if (m.isEmpty()) m = "calc_time,funding_interval_hours,last_funding_rate\n";
        m += QByteArray::number(t) + ",8," + o.value(QLatin1String("fundingRate")).toString().toLatin1() + '\n';
    }
    return writeDaily(root, QStringLiteral("fundingRate"), QStringLiteral("BTCUSDT"), {}, months, kUmMonthly);
}

}  // namespace

Status writeVisionZip(const QString &zipPath, const QString &entryName, const QByteArray &csv) {
    QDir().mkpath(QFileInfo(zipPath).absolutePath());
    QFile::remove(zipPath);
    int err = 0;
    zip_t *z = zip_open(QFile::encodeName(zipPath).constData(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    if (!z) return Error(QStringLiteral("cannot create zip (libzip error %1)").arg(err), zipPath);
    zip_source_t *s = zip_source_buffer(z, csv.constData(), zip_uint64_t(csv.size()), 0);
    if (!s || zip_file_add(z, entryName.toUtf8().constData(), s, ZIP_FL_OVERWRITE) < 0) {
        const QString msg = QString::fromUtf8(zip_strerror(z));
        if (s) zip_source_free(s);
        zip_discard(z);
        return Error(QStringLiteral("cannot add zip entry: %1").arg(msg), zipPath);
    }
    if (zip_close(z) != 0) {
        const QString msg = QString::fromUtf8(zip_strerror(z));
        zip_discard(z);
        return Error(QStringLiteral("cannot write zip: %1").arg(msg), zipPath);
    }
    const QByteArray sha = QCryptographicHash::hash(readFile(zipPath), QCryptographicHash::Sha256).toHex();
    if (!writeFile(zipPath + QStringLiteral(".CHECKSUM"), sha + "  " + QFileInfo(zipPath).fileName().toUtf8() + "\n"))
        return Error(QStringLiteral("cannot write checksum"), zipPath + QStringLiteral(".CHECKSUM"));
    return {};
}

Status buildVisionMirror(const QString &rootDir) {
    if (!QDir().mkpath(rootDir)) return Error(QStringLiteral("cannot create directory"), rootDir);
    if (Status s = buildFromOpenInterest(rootDir); !s) return s;
    if (Status s = buildFunding(rootDir); !s) return s;
    if (Status s = buildAggTrades(rootDir, QStringLiteral("BTCUSDT"), QStringLiteral("btcusdt_20240808.gz")); !s) return s;
    return buildAggTrades(rootDir, QStringLiteral("ETHUSDT"), QStringLiteral("ethusdt_20240808.gz"));
}

}  // namespace lhm::test
