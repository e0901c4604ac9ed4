#pragma once
// Everything one feed worker needs, resolved from config/exchanges.yaml plus overrides. Timings are
// plain fields so tests can shrink them (a 300 ms watchdog instead of 30 s) without faking sockets.
#include "common/Clock.h"
#include "feeds/FeedTypes.h"
#include "feeds/SymbolTable.h"

#include <QStringList>
#include <QUrl>

namespace lhm {
struct ExchangeDescriptor;
using ExchangeConfig = ExchangeDescriptor;
}

namespace lhm::feeds {

struct FeedOptions {
    Exchange exchange = Exchange::Binance;
    QUrl url;
    QString restUrl;            // REST base for gap backfill (Binance, Bybit, OKX); empty: no backfill
    QStringList symbols;        // unified
    SymbolTable table;
    int pingIntervalMs = 20000;
    int watchdogMs = 30000;     // no message for this long: the connection is dead, reconnect
    int connectTimeoutMs = 10000;
    int backoffFirstMs = 1000;  // first retry after 0.5-1 s
    int backoffCapMs = 30000;
    // While waiting out a long backoff after "connection refused", a plain TCP connect probes the
    // server this often, so a server that comes back is used within this interval, not 30 s later.
    int probeIntervalMs = 2000;
    int healthIntervalMs = 500;
    int batchMaxEvents = 500;   // hand over early when this many items are pending
    qint64 backfillMinGapMs = 60000;
    // Largest WebSocket message (all fragments) and frame accepted; a bigger one closes the
    // connection (code 1009) before it is buffered. Exchange frames are a few KB.
    qint64 maxMessageBytes = 1 << 20;
    qint64 maxFrameBytes = 1 << 20;
    quint32 jitterSeed = 0;     // 0: random
    const Clock *clock = &SystemClock::instance();

    // Options from the config entry for these symbols (listed symbols map through the config,
    // others through the exchange's naming rule). `urlOverride` replaces ws_url when not empty.
    static FeedOptions fromConfig(Exchange e, const ExchangeConfig &cfg, const QStringList &symbols,
                                  const QString &urlOverride = {});
    // Symbols that cannot be followed on this exchange because the config lacks their contract value.
    static QStringList missingContractValues(Exchange e, const ExchangeConfig &cfg, const QStringList &symbols);
};

}  // namespace lhm::feeds
