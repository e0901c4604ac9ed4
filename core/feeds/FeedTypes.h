#pragma once
// Value types of the live feeds: which exchange, what a frame turned into (liquidations, price
// ticks, control replies) and what went wrong, as values. Parse errors carry a kind so the worker
// can count them per kind and log each kind once instead of once per frame.
#include "common/Types.h"
#include "config/ExchangeList.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <array>

namespace lhm::feeds {

// The exchanges of config/ExchangeList.h (one line each there), as list indices.
using Exchange = lhm::ExchangeId;
constexpr int kExchangeCount = kExchangeIdCount;
const char *exchangeName(Exchange e);                  // "binance", "bybit", "okx", "hyperliquid"
bool exchangeFromName(const QString &name, Exchange *out);
// From the exchange's descriptor (Hyperliquid publishes none; the UI and the CLI say so).
bool hasLiquidationStream(Exchange e);

// A trade, mark or last price seen on a stream.
struct PriceTick {
    enum class Kind { Trade, Mark, Last };
    QString exchange;
    QString symbol;  // unified, e.g. BTCUSDT
    Kind kind = Kind::Trade;
    double price = 0;
    double qty = 0;            // trades only, base units
    bool takerBuy = false;     // trades only: the aggressor bought
    qint64 time = 0;           // exchange time, ms
    qint64 receiveTime = 0;    // local time, ms
};
const char *tickKindName(PriceTick::Kind k);

enum class ParseErrorKind {
    MalformedJson,   // not JSON at all
    NotAnObject,     // JSON, but the top level (or a record) is not an object
    MissingField,    // a required field is absent
    WrongType,       // a field has the wrong JSON type (object where a number was expected, ...)
    BadValue,        // right type, unusable value: non-numeric string, price <= 0, unknown side
    UnknownSymbol,   // an instrument the symbol table does not know
};
constexpr int kParseErrorKindCount = 6;
const char *parseErrorKindName(ParseErrorKind k);

struct ParseError {
    ParseErrorKind kind = ParseErrorKind::MalformedJson;
    QString detail;  // field or symbol involved, for the one log line per kind
};

// What one frame produced. Reused across frames by the caller (clear() keeps capacity).
struct FrameResult {
    std::vector<LiquidationEvent> liquidations;
    std::vector<PriceTick> ticks;
    std::vector<ParseError> errors;
    bool control = false;  // subscription ack, pong or other protocol reply (counts as liveness)
    bool ignored = false;  // a well-formed message of a kind we do not use (depth, bookTicker, ...)
    void clear() {
        liquidations.clear();
        ticks.clear();
        errors.clear();
        control = ignored = false;
    }
};

// Connection state of one feed, as the supervisor shows it.
enum class FeedState { Stopped, Connecting, Live, Stale, Backoff };
const char *feedStateName(FeedState s);

struct FeedHealth {
    QString exchange;
    FeedState state = FeedState::Stopped;
    qint64 lastMessageAgeMs = -1;  // -1: nothing received yet
    double messagesPerSec = 0;
    qint64 messages = 0;
    qint64 reconnects = 0;
    qint64 parseErrors = 0;
    std::array<qint64, kParseErrorKindCount> parseErrorsByKind{};
    qint64 liquidations = 0;   // events emitted (after de-duplication)
    qint64 duplicates = 0;     // events dropped as already seen (replays after a reconnect)
    qint64 backfills = 0;      // REST backfills completed after gaps
    bool liquidationStream = true;
    QString lastError;
};

// What a worker hands on: the events and ticks parsed since its last hand-over.
struct FeedBatch {
    QList<LiquidationEvent> liquidations;
    QList<PriceTick> ticks;
    bool isEmpty() const { return liquidations.isEmpty() && ticks.isEmpty(); }
};

}  // namespace lhm::feeds

Q_DECLARE_METATYPE(lhm::feeds::PriceTick)
Q_DECLARE_METATYPE(lhm::feeds::FeedHealth)
Q_DECLARE_METATYPE(lhm::feeds::FeedBatch)
