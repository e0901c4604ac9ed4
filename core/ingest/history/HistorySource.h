#pragma once
// One exchange's history REST API as a sequence of pages: the first request of a series, the
// pure page parser and the request that follows a page (cursor, or a time bound moved past the
// rows already seen). The HTTP loop, retries, validation and storing live in HistoryDownloader,
// so an exchange is only this: its requests and its parsers.
#include "common/Error.h"
#include "common/Types.h"
#include "config/ExchangeDescriptor.h"

#include <QByteArray>
#include <QUrl>
#include <memory>
#include <optional>
#include <vector>

namespace lhm {

enum class HistoryType { OpenInterest, Klines, Funding };
const char *historyTypeName(HistoryType t);  // open_interest | klines | funding
bool historyTypeFromName(const QString &name, HistoryType *out);

struct HistorySeries {
    QString symbol;          // unified, BTCUSDT
    QString native;          // the exchange's instrument: BTCUSDT, BTC-USDT-SWAP, BTC
    HistoryType type = HistoryType::Klines;
    QString interval;        // klines: 1m, 5m, 1h, ...; open interest: the exchange's native step
    qint64 stepMs = 60000;   // one row every stepMs (funding: the funding interval)
    qint64 from = 0, to = 0; // [from, to), ms
    double contractValue = 1;
    int fundingIntervalHours = 8;
    QString name() const;    // "bybit BTCUSDT klines 1m" without the exchange: "BTCUSDT klines 1m"
};

struct HistoryRequest {
    QUrl url;
    QByteArray postBody;  // empty: GET; else a JSON POST
    int page = 1;         // 1-based, for progress and errors
    QString cursor;       // the exchange's cursor, when it paginates with one
};

// One asset's open interest now, from an exchange's snapshot of every asset (OpenInterestSnapshot).
struct AssetOpenInterest {
    QString native;           // the exchange's instrument: BTC
    double openInterest = 0;  // base units
    double markPrice = 0;     // USD per base unit: the point's value is openInterest × markPrice
};

struct HistoryPage {
    std::vector<Candle> candles;
    std::vector<OpenInterestPoint> openInterest;
    std::vector<FundingPoint> funding;
    QString nextCursor;
    qsizetype size() const { return qsizetype(candles.size() + openInterest.size() + funding.size()); }
    // Oldest and newest row time of the page (0 when empty).
    qint64 oldest() const;
    qint64 newest() const;
};

class HistorySource {
public:
    explicit HistorySource(QString restBase) : base_(std::move(restBase)) {}
    virtual ~HistorySource() = default;
    virtual bool supports(HistoryType t) const = 0;
    // The exchange's code for a kline interval ("1m" -> Bybit "1", OKX "1m", Hyperliquid "1m");
    // empty when the exchange has no such interval.
    virtual QString klineInterval(const QString &interval) const = 0;
    virtual HistoryRequest first(const HistorySeries &s) const = 0;
    virtual Result<HistoryPage> parse(const HistorySeries &s, const QByteArray &body) const = 0;
    // The page after `page`, or nothing when the series is complete.
    virtual std::optional<HistoryRequest> next(const HistorySeries &s, const HistoryRequest &prev, const HistoryPage &page) const = 0;
    // Rows of one open-interest page (the exchange's own name for the endpoint, for messages).
    virtual QString endpoint(HistoryType t) const = 0;

    // An exchange that publishes no open-interest history (its descriptor's recordsOpenInterestLive)
    // answers this request with every asset's open interest now; feeds/AssetContextRecorder asks it
    // once a minute while live and stores the points. Nothing: the exchange has no such snapshot.
    virtual std::optional<HistoryRequest> openInterestSnapshot() const { return std::nullopt; }
    virtual Result<std::vector<AssetOpenInterest>> parseOpenInterestSnapshot(const QByteArray &) const {
        return Error(QStringLiteral("no open-interest snapshot"));
    }

protected:
    QString base_;
};

// The registration table: the history source of an exchange by name, with the REST base URL to
// use; nullptr when the exchange has none (Binance history comes from data.binance.vision).
std::unique_ptr<HistorySource> createHistorySource(const QString &exchange, const QString &restBase);

// The history hooks of config/ExchangeList.h, one per exchange (core/exchanges/<id>/<Enum>History.cpp);
// null when the exchange's history comes another way (Binance: the data.binance.vision archive).
#define LHM_EXCHANGE_HISTORY(E, id) std::unique_ptr<HistorySource> make##E##History(const QString &restBase);
LHM_EXCHANGES(LHM_EXCHANGE_HISTORY)
#undef LHM_EXCHANGE_HISTORY

}  // namespace lhm
