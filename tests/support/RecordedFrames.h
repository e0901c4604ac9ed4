#pragma once
// Recorded WebSocket frames from ../shared/data for WsReplayServer, and the config that points the
// app's feeds at such a server (tests, and the ws_replay tool for screenshots).
#include <QString>
#include <QStringList>
#include <QUrl>

namespace lhm::test {

// The first `count` BTCUSDT trade frames of the hftbacktest capture of 2024-08-08 (23:54:15 UTC
// on, 61,800.3 first), as Binance sent them; `count` < 0: all 21,313.
QStringList recordedBtcTrades(int count);
// Writes dir/exchanges.yaml pointing Binance at `ws` for BTCUSDT and ETHUSDT, REST at a closed
// port (so no backfill), and their tier files (dir/tiers/binance/): the config a test or ws_replay
// hands to LHM_CONFIG_DIR.
bool writeBinanceReplayConfig(const QString &dir, const QUrl &ws);

}  // namespace lhm::test
