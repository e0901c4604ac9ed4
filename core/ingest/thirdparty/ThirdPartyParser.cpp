#include "ingest/thirdparty/ThirdPartyParser.h"

#include "ingest/thirdparty/TimeText.h"
#include "common/RowValidation.h"
#include "ingest/CsvParser.h"

#include <QDateTime>
#include <QFileInfo>
#include <algorithm>
#include <cmath>
#include <limits>

namespace lhm {

namespace {

constexpr qint64 kHourMs = 3'600'000;
// The bound every CSV of the importer has (the archive parser's), not one of this reader's own.
constexpr qsizetype kMaxLine = qsizetype(kMaxCsvLineBytes);

struct Row {
    QList<QByteArray> f;
    qint64 line = 0;
};

class Reader {
public:
    Reader(const QString &path, const QByteArray &content, qint64 nowMs)
        : path_(path), content_(content), nowMs_(nowMs) {}

    Error fail(qint64 line, const QString &field, const QString &msg) const { return Error(msg, path_, line, field); }

    double number(const Row &r, size_t i, const char *field, Error *err, bool positive = false) const {
        bool ok = false;
        const double v = r.f[qsizetype(i)].toDouble(&ok);
        if (!ok || !std::isfinite(v))
            *err = fail(r.line, QString::fromLatin1(field), QStringLiteral("'%1' is not a number").arg(QString::fromUtf8(r.f[qsizetype(i)])));
        else if (positive ? !(v > 0) : v < 0)
            *err = fail(r.line, QString::fromLatin1(field),
                        QStringLiteral("%1 must be %2").arg(v).arg(positive ? QStringLiteral("positive") : QStringLiteral(">= 0")));
        return v;
    }
    qint64 time(const Row &r, size_t i, const char *field, qint64 zone, Error *err) const {
        const auto t = parseTimeText(std::string_view(r.f[qsizetype(i)].constData(), size_t(r.f[qsizetype(i)].size())), zone);
        if (!t)
            *err = fail(r.line, QString::fromLatin1(field),
                        QStringLiteral("'%1' is not a time (ISO 8601 or epoch ms)").arg(QString::fromUtf8(r.f[qsizetype(i)])));
        // The bounds every stored row has, whatever brought it in (2009-01-01 .. now + 1 day).
        else if (RowCheck issue = checkTime(*t, nowMs_, QString::fromLatin1(field)))
            *err = fail(r.line, issue->field, issue->message);
        return t.value_or(0);
    }

    // Calls onRow for each data line; stops at the first error onRow returns.
    template <class Fn>
    Status rows(bool header, size_t minFields, size_t maxFields, Fn onRow) const {
        qint64 line = 0;
        qsizetype pos = 0;
        const qsizetype n = content_.size();
        while (pos < n) {
            qsizetype end = content_.indexOf('\n', pos);
            if (end < 0) end = n;
            ++line;
            QByteArray text = content_.mid(pos, end - pos);
            pos = end + 1;
            if (text.endsWith('\r')) text.chop(1);
            if (text.size() > kMaxLine)
                return fail(line, {}, QStringLiteral("line is longer than %1 bytes").arg(kMaxLine));
            if (line == 1 && header) continue;
            if (text.trimmed().isEmpty()) continue;
            Row r{text.split(','), line};
            if (size_t(r.f.size()) < minFields || size_t(r.f.size()) > maxFields)
                return fail(line, {}, QStringLiteral("%1 fields, expected %2").arg(r.f.size())
                                          .arg(minFields == maxFields ? QString::number(minFields)
                                                                      : QStringLiteral("%1 or %2").arg(minFields).arg(maxFields)));
            for (QByteArray &f : r.f) f = f.trimmed();
            if (Status s = onRow(r); !s) return s;
        }
        if (line <= (header ? 1 : 0)) return fail(0, {}, QStringLiteral("no data rows"));
        return {};
    }

private:
    QString path_;
    const QByteArray &content_;
    qint64 nowMs_;
};

// Unified symbol for a venue's native name ("BTC" on Hyperliquid, "BTC-USDT-SWAP" on OKX) from
// exchanges.yaml; a coin the config does not list becomes COIN + "USDT".
const ExchangeSymbolConfig *symbolConfig(const ThirdPartyOptions &o, const QString &venue, const QString &native) {
    if (!o.exchanges) return nullptr;
    const ExchangeConfig *ex = o.exchanges->find(venue);
    if (!ex) return nullptr;
    for (const ExchangeSymbolConfig &s : ex->symbols)
        if (s.native == native || s.unified == native || s.native.startsWith(native + QLatin1String("-USDT-SWAP")))
            return &s;
    return nullptr;
}

QString unifiedSymbol(const ThirdPartyOptions &o, const QString &venue, const QString &native) {
    if (const ExchangeSymbolConfig *s = symbolConfig(o, venue, native)) return s->unified;
    return native.endsWith(QLatin1String("USDT")) ? native : native + QLatin1String("USDT");
}

// Liquidation sides as the layouts write them. Order sides (a sell order closes a long) and the
// position letters; "S" is the only code in SOURCES.md section 14's Hyperliquid rows, and its
// events sit at the highs of rising hours, i.e. shorts being squeezed (docs/validation.md).
std::optional<Side> liquidatedSide(const QByteArray &code) {
    const QByteArray c = code.toLower();
    if (c == "long" || c == "sell" || c == "l") return Side::Long;
    if (c == "short" || c == "buy" || c == "s") return Side::Short;
    return std::nullopt;
}

// BTCUSDT_PERP.A_liquidation-history.csv -> (binance, BTCUSDT). Coinalyze's suffix letter names
// the exchange; only Binance (A) is mapped, others need --exchange.
SeriesId coinalyzeSeries(const QString &path, const ThirdPartyOptions &o) {
    const QString base = QFileInfo(path).fileName();
    const QString code = base.section(QLatin1Char('_'), 0, 1);  // BTCUSDT_PERP.A
    QString symbol = code.section(QLatin1Char('_'), 0, 0);
    QString exchange = code.endsWith(QLatin1String(".A")) ? QStringLiteral("binance") : QString();
    if (!o.symbol.isEmpty()) symbol = o.symbol;
    if (!o.exchange.isEmpty()) exchange = o.exchange;
    return {exchange, symbol};
}

}  // namespace

Result<ThirdPartyData> parseThirdParty(const QByteArray &content, const QString &path, ThirdPartyFormat format,
                                       const ThirdPartyOptions &o) {
    Reader rd(path, content, o.nowMs > 0 ? o.nowMs : QDateTime::currentMSecsSinceEpoch());
    ThirdPartyData d;
    Error err;
    const qint64 zone = o.zoneOffsetMs.value_or(0);
    auto bad = [&] { return !err.message.isEmpty(); };
    const bool header = thirdPartyHasHeader(format);
    // Multi-venue layouts: keep the rows of --exchange/--symbol when given.
    auto wanted = [&](const QString &venue, const QString &symbol) {
        const bool keep = (o.exchange.isEmpty() || venue == o.exchange) && (o.symbol.isEmpty() || symbol == o.symbol);
        if (!keep) ++d.filtered;
        return keep;
    };
    Status s;
    switch (format) {
    case ThirdPartyFormat::BinanceForceOrder:
    case ThirdPartyFormat::GenericLiquidations:
    case ThirdPartyFormat::VenueLiquidations: {
        const bool generic = format == ThirdPartyFormat::GenericLiquidations;
        const bool venue = format == ThirdPartyFormat::VenueLiquidations;
        const size_t minF = generic ? 6 : 6, maxF = generic ? 7 : 6;
        s = rd.rows(header, minF, maxF, [&](const Row &r) -> Status {
            ++d.rows;
            LiquidationEvent e;
            e.source = thirdPartyFormatName(format);
            e.time = rd.time(r, 0, generic ? "time" : "timestamp", zone, &err);
            if (bad()) return err;
            QByteArray sideCode;
            if (generic) {
                e.exchange = QString::fromUtf8(r.f[1]);
                e.symbol = QString::fromUtf8(r.f[2]);
                sideCode = r.f[3];
                e.price = rd.number(r, 4, "price", &err, true);
                if (!bad()) e.qty = rd.number(r, 5, "qty", &err);
                e.notional = r.f.size() > 6 && !bad() ? rd.number(r, 6, "notional", &err) : e.price * e.qty;
            } else if (venue) {
                e.exchange = QString::fromUtf8(r.f[1]);
                const ExchangeSymbolConfig *sc = symbolConfig(o, e.exchange, QString::fromUtf8(r.f[2]));
                e.symbol = sc ? sc->unified : unifiedSymbol(o, e.exchange, QString::fromUtf8(r.f[2]));
                sideCode = r.f[3];
                // size_usd is size x price as the venue reports size: contracts on OKX, so x contract value.
                const double sizeUsd = rd.number(r, 4, "size_usd", &err);
                if (!bad()) e.price = rd.number(r, 5, "price", &err, true);
                e.notional = sizeUsd * (sc ? sc->contractValue : 1.0);
                e.qty = e.price > 0 ? e.notional / e.price : 0;
            } else {
                e.exchange = o.exchange.isEmpty() ? QStringLiteral("binance") : o.exchange;
                e.symbol = QString::fromUtf8(r.f[1]);
                sideCode = r.f[2];
                e.price = rd.number(r, 3, "avg_price", &err, true);
                if (!bad()) e.qty = rd.number(r, 4, "filled_qty", &err);
                if (!bad()) e.notional = rd.number(r, 5, "usd_value", &err);
            }
            if (bad()) return err;
            if (e.exchange.isEmpty() || e.symbol.isEmpty())
                return rd.fail(r.line, e.exchange.isEmpty() ? QStringLiteral("exchange") : QStringLiteral("symbol"),
                               QStringLiteral("empty"));
            const auto side = liquidatedSide(sideCode);
            if (!side)
                return rd.fail(r.line, QStringLiteral("side"),
                               QStringLiteral("'%1' is not a side (long/short, buy/sell, L/S)").arg(QString::fromUtf8(sideCode)));
            e.side = *side;
            e.receiveTime = e.time;
            if (wanted(e.exchange, e.symbol)) d.events.push_back(std::move(e));
            return {};
        });
        break;
    }
    case ThirdPartyFormat::VenueOpenInterest:
    case ThirdPartyFormat::VenueCandles:
    case ThirdPartyFormat::VenueFunding: {
        const size_t fields = format == ThirdPartyFormat::VenueCandles ? 8 : 4;
        s = rd.rows(true, fields, fields, [&](const Row &r) -> Status {
            ++d.rows;
            const qint64 t = rd.time(r, 0, "timestamp", zone, &err);
            if (bad()) return err;
            const QString venue = QString::fromUtf8(r.f[1]);
            if (venue.isEmpty()) return rd.fail(r.line, QStringLiteral("venue"), QStringLiteral("empty"));
            const SeriesId id{venue, unifiedSymbol(o, venue, QString::fromUtf8(r.f[2]))};
            if (format == ThirdPartyFormat::VenueOpenInterest) {
                OpenInterestPoint p;
                p.time = t;
                p.openInterestValue = rd.number(r, 3, "oi_usd", &err, true);
                if (bad()) return err;
                if (wanted(id.first, id.second)) d.openInterest[id].push_back(p);
            } else if (format == ThirdPartyFormat::VenueFunding) {
                FundingPoint p;
                p.time = t;
                const ExchangeDescriptor *ex = ExchangeRegistry::builtin(venue);
                p.intervalHours = ex ? ex->fundingIntervalHours : 8;
                bool ok = false;
                p.rate = r.f[3].toDouble(&ok);
                if (!ok || !std::isfinite(p.rate) || std::fabs(p.rate) > 1)
                    return rd.fail(r.line, QStringLiteral("funding_rate"),
                                   QStringLiteral("'%1' is not a funding rate (a fraction)").arg(QString::fromUtf8(r.f[3])));
                if (wanted(id.first, id.second)) d.funding[id].push_back(p);
            } else {
                Candle c;
                c.openTime = t;
                c.closeTime = t + kHourMs - 1;
                const char *names[] = {"o", "h", "l", "c"};
                double *vals[] = {&c.open, &c.high, &c.low, &c.close};
                for (int k = 0; k < 4 && !bad(); ++k) *vals[k] = rd.number(r, size_t(3 + k), names[k], &err, true);
                if (!bad()) c.volume = rd.number(r, 7, "v", &err);
                if (bad()) return err;
                if (c.high < std::max({c.open, c.close, c.low}) || c.low > std::min(c.open, c.close))
                    return rd.fail(r.line, QStringLiteral("h"), QStringLiteral("high/low do not bracket open and close"));
                c.takerBuyVolume = -1;  // unknown: the taker side rule falls back (models/SideRule.cpp)
                c.takerBuyQuoteVolume = -1;
                if (wanted(id.first, id.second)) d.candles[id].push_back(c);
            }
            return {};
        });
        break;
    }
    case ThirdPartyFormat::CoinalyzeLiquidations:
    case ThirdPartyFormat::CoinalyzeOpenInterest:
    case ThirdPartyFormat::CoinalyzeOhlcv: {
        if (!o.zoneOffsetMs)
            return Error(QStringLiteral("Coinalyze exports write local times without a zone: state their UTC offset with "
                                        "--tz-offset (+06:00 for SOURCES.md section 13)"),
                         path, 0, QStringLiteral("tz-offset"));
        const SeriesId id = coinalyzeSeries(path, o);
        if (id.first.isEmpty() || id.second.isEmpty())
            return Error(QStringLiteral("cannot tell the series from the file name: give --exchange and --symbol"), path);
        d.exchange = id.first;
        d.symbol = id.second;
        const size_t fields = format == ThirdPartyFormat::CoinalyzeLiquidations ? 3
                              : format == ThirdPartyFormat::CoinalyzeOpenInterest ? 5 : 9;
        qint64 last = std::numeric_limits<qint64>::min();
        QList<QByteArray> lastFields;
        s = rd.rows(false, fields, fields, [&](const Row &r) -> Status {
            ++d.rows;
            const qint64 t = rd.time(r, 0, "time", zone, &err);
            if (bad()) return err;
            if (t % kHourMs != 0) return rd.fail(r.line, QStringLiteral("time"), QStringLiteral("not on the hour"));
            // The exports repeat a row for hours they have no data for (SOURCES.md section 13):
            // an exact repeat is skipped, a repeated hour with other values is refused.
            if (t == last) {
                if (r.f != lastFields)
                    return rd.fail(r.line, QStringLiteral("time"), QStringLiteral("hour repeated with different values"));
                ++d.duplicates;
                return {};
            }
            if (t < last) return rd.fail(r.line, QStringLiteral("time"), QStringLiteral("hours must ascend"));
            last = t;
            lastFields = r.f;
            if (format == ThirdPartyFormat::CoinalyzeLiquidations) {
                HourlyLiquidation h;
                h.time = t;
                h.longQty = rd.number(r, 1, "long", &err);
                if (!bad()) h.shortQty = rd.number(r, 2, "short", &err);
                if (bad()) return err;
                d.hourly[id].push_back(h);
            } else if (format == ThirdPartyFormat::CoinalyzeOpenInterest) {
                OpenInterestPoint p;
                p.time = t;
                for (size_t k = 1; k <= 4 && !bad(); ++k) p.openInterest = rd.number(r, k, "open_interest", &err, true);
                if (bad()) return err;
                d.openInterest[id].push_back(p);  // the close of the hour; USD value from the candle later
            } else {
                Candle c;
                c.openTime = t;
                c.closeTime = t + kHourMs - 1;
                const char *names[] = {"open", "high", "low", "close"};
                double *vals[] = {&c.open, &c.high, &c.low, &c.close};
                for (int k = 0; k < 4 && !bad(); ++k) *vals[k] = rd.number(r, size_t(1 + k), names[k], &err, true);
                if (!bad()) c.volume = rd.number(r, 5, "volume", &err);
                if (!bad()) c.takerBuyVolume = rd.number(r, 6, "buy_volume", &err);
                double trades = 0;
                if (!bad()) trades = rd.number(r, 7, "trades", &err);
                if (bad()) return err;
                // A plain cast of an out-of-range double is undefined behaviour (found by fuzz_thirdparty).
                const std::optional<qint64> count = toInt64Checked(trades);
                if (!count || *count < 0)
                    return rd.fail(r.line, QStringLiteral("trades"), QStringLiteral("trade count %1 is out of range").arg(trades));
                c.trades = *count;
                if (c.high < std::max({c.open, c.close, c.low}) || c.low > std::min(c.open, c.close))
                    return rd.fail(r.line, QStringLiteral("high"), QStringLiteral("high/low do not bracket open and close"));
                if (c.takerBuyVolume > c.volume * (1 + 1e-9))
                    return rd.fail(r.line, QStringLiteral("buy_volume"), QStringLiteral("larger than volume"));
                c.quoteVolume = c.volume * c.close;  // not in the export; an estimate for display only
                d.candles[id].push_back(c);
            }
            return {};
        });
        d.openInterestInBase = format == ThirdPartyFormat::CoinalyzeOpenInterest;
        break;
    }
    }
    if (!s) return s.error();
    return d;
}

}  // namespace lhm
