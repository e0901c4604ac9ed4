#pragma once
// One exchange's public-stream protocol: the pure frame parser (bytes in, normalised events out,
// no I/O) plus the few protocol rules the worker needs (what to send to subscribe, how to ping).
// Parsers never throw: problems come back as ParseError values in the FrameResult.
#include "feeds/FeedTypes.h"
#include "feeds/SymbolTable.h"

#include <QByteArray>
#include <QStringList>
#include <memory>
#include <string_view>

namespace lhm::feeds {

class ExchangeProtocol {
public:
    explicit ExchangeProtocol(SymbolTable symbols) : symbols_(std::move(symbols)) {}
    virtual ~ExchangeProtocol() = default;

    virtual Exchange exchange() const = 0;
    // Appends what `frame` holds to `out` (call out.clear() between frames).
    virtual void parse(const QByteArray &frame, qint64 receiveMs, FrameResult &out) const = 0;
    // Text frames to send after the socket opens, for these unified symbols.
    virtual QStringList subscribeMessages(const QStringList &unifiedSymbols) const = 0;
    // Application-level ping text; empty means "send a WebSocket ping control frame" (Binance,
    // whose server pings us and expects pongs, which QWebSocket answers by itself).
    virtual QString pingMessage() const = 0;

    const SymbolTable &symbols() const { return symbols_; }
    // Native name to subscribe with: the table's entry, else the exchange's naming rule.
    QString nativeSymbol(const QString &unified) const;

    static std::unique_ptr<ExchangeProtocol> create(Exchange e, SymbolTable symbols);

protected:
    virtual QString defaultNative(const QString &unified) const { return unified; }
    // Looks a native instrument up; records UnknownSymbol when the table rejects it.
    // Returns false for both "unknown" and "skip" (the caller just drops the record).
    bool lookup(std::string_view native, SymbolSpec *spec, FrameResult &out) const;
    // Exchange names as shared QStrings: events copy them without allocating.
    static const QString &name(Exchange e);

    SymbolTable symbols_;
};

}  // namespace lhm::feeds
