#include "store/Schema.h"

namespace lhm {

const QStringList &schemaMigrations() {
    static const QStringList m = {
        // 1: initial schema
        QStringLiteral(R"SQL(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta(key, value) VALUES ('application', 'liquidationheatmap');
CREATE TABLE candles(
  exchange TEXT NOT NULL, symbol TEXT NOT NULL, interval TEXT NOT NULL, open_time INTEGER NOT NULL,
  open REAL NOT NULL, high REAL NOT NULL, low REAL NOT NULL, close REAL NOT NULL, volume REAL NOT NULL,
  close_time INTEGER NOT NULL, quote_volume REAL NOT NULL, trades INTEGER NOT NULL,
  taker_buy_volume REAL NOT NULL, taker_buy_quote_volume REAL NOT NULL,
  PRIMARY KEY(exchange, symbol, interval, open_time)) WITHOUT ROWID;
CREATE TABLE open_interest(
  exchange TEXT NOT NULL, symbol TEXT NOT NULL, time INTEGER NOT NULL,
  open_interest REAL NOT NULL, open_interest_value REAL NOT NULL,
  toptrader_count_ratio REAL, toptrader_sum_ratio REAL, long_short_ratio REAL, taker_vol_ratio REAL,
  PRIMARY KEY(exchange, symbol, time)) WITHOUT ROWID;
CREATE TABLE funding(
  exchange TEXT NOT NULL, symbol TEXT NOT NULL, time INTEGER NOT NULL, interval_hours INTEGER NOT NULL,
  rate REAL NOT NULL, PRIMARY KEY(exchange, symbol, time)) WITHOUT ROWID;
CREATE TABLE trade_profile(
  exchange TEXT NOT NULL, symbol TEXT NOT NULL, minute INTEGER NOT NULL, bucket REAL NOT NULL,
  buy_qty REAL NOT NULL, sell_qty REAL NOT NULL, buy_notional REAL NOT NULL, sell_notional REAL NOT NULL,
  trade_count INTEGER NOT NULL, max_trade_notional REAL NOT NULL,
  large_buy_notional REAL NOT NULL, large_sell_notional REAL NOT NULL,
  PRIMARY KEY(exchange, symbol, minute, bucket)) WITHOUT ROWID;
CREATE TABLE agg_trades(
  exchange TEXT NOT NULL, symbol TEXT NOT NULL, id INTEGER NOT NULL, price REAL NOT NULL, qty REAL NOT NULL,
  first_trade_id INTEGER NOT NULL, last_trade_id INTEGER NOT NULL, time INTEGER NOT NULL, buyer_maker INTEGER NOT NULL,
  PRIMARY KEY(exchange, symbol, id)) WITHOUT ROWID;
CREATE INDEX agg_trades_time ON agg_trades(exchange, symbol, time);
CREATE TABLE liquidations(
  exchange TEXT NOT NULL, symbol TEXT NOT NULL, time INTEGER NOT NULL, side TEXT NOT NULL CHECK(side IN ('long','short')),
  price REAL NOT NULL, qty REAL NOT NULL, notional REAL NOT NULL, receive_time INTEGER NOT NULL,
  PRIMARY KEY(exchange, symbol, time, side, price, qty)) WITHOUT ROWID;
CREATE TABLE import_log(
  id INTEGER PRIMARY KEY, file_name TEXT NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL, symbol TEXT NOT NULL, interval TEXT NOT NULL DEFAULT '', rows INTEGER NOT NULL,
  skipped INTEGER NOT NULL, imported_at INTEGER NOT NULL);
CREATE TABLE heatmap_cache(
  key TEXT PRIMARY KEY, exchange TEXT NOT NULL, symbol TEXT NOT NULL, window TEXT NOT NULL, model TEXT NOT NULL,
  data_to INTEGER NOT NULL, created_at INTEGER NOT NULL, payload BLOB NOT NULL);
CREATE INDEX heatmap_cache_view ON heatmap_cache(exchange, symbol, window, model, created_at);
)SQL"),
        // alerts: rules, every firing with its delivery results (kept after a rule is deleted, so
        // no foreign key), and the channels' settings without secrets
        QStringLiteral(R"SQL(
CREATE TABLE alert_rules(
  id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, enabled INTEGER NOT NULL, symbol TEXT NOT NULL,
  exchanges TEXT NOT NULL, type TEXT NOT NULL, params TEXT NOT NULL, channels TEXT NOT NULL,
  cooldown_ms INTEGER NOT NULL, once INTEGER NOT NULL, expires_at INTEGER NOT NULL, snoozed_until INTEGER NOT NULL,
  status TEXT NOT NULL, webhook_url TEXT NOT NULL, webhook_secret_ref TEXT NOT NULL,
  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, last_fired_at INTEGER NOT NULL, fire_count INTEGER NOT NULL);
CREATE TABLE alert_firings(
  id INTEGER PRIMARY KEY, rule_id INTEGER NOT NULL, rule_name TEXT NOT NULL, symbol TEXT NOT NULL, exchange TEXT NOT NULL,
  type TEXT NOT NULL, time INTEGER NOT NULL, fired_at INTEGER NOT NULL, value REAL NOT NULL, price REAL NOT NULL,
  message TEXT NOT NULL, event TEXT NOT NULL, deliveries TEXT NOT NULL);
CREATE INDEX alert_firings_rule ON alert_firings(rule_id, fired_at);
CREATE TABLE alert_channels(name TEXT PRIMARY KEY, config TEXT NOT NULL, updated_at INTEGER NOT NULL);
)SQL"),
        // realised liquidations say where they came from (live feed or an imported file), and
        // third-party hourly liquidation totals (no price per event: Coinalyze-style exports).
        QStringLiteral(R"SQL(
ALTER TABLE liquidations ADD COLUMN source TEXT NOT NULL DEFAULT 'live';
CREATE TABLE liquidation_hourly(
  exchange TEXT NOT NULL, symbol TEXT NOT NULL, time INTEGER NOT NULL, source TEXT NOT NULL,
  long_qty REAL NOT NULL, short_qty REAL NOT NULL,
  PRIMARY KEY(exchange, symbol, source, time)) WITHOUT ROWID;
)SQL"),
        // model profiles: parameters fitted by `lhm calibrate`, one row per exchange and symbol
        QStringLiteral(R"SQL(
CREATE TABLE model_profiles(
  exchange TEXT NOT NULL, symbol TEXT NOT NULL, model TEXT NOT NULL, fitted_from INTEGER NOT NULL,
  fitted_to INTEGER NOT NULL, fitted_at INTEGER NOT NULL, params TEXT NOT NULL, score TEXT NOT NULL,
  PRIMARY KEY(exchange, symbol)) WITHOUT ROWID;
)SQL"),
        // series metadata kept by every insert, so coverage reads O(series) rows instead of every
        // row (Store::rebuildSeriesMeta fills it for data stored before it existed); and the cells
        // holding large trades, the only ones py_liquidation_map reads, in an index of their own
        QStringLiteral(R"SQL(
CREATE TABLE series_meta(
  exchange TEXT NOT NULL, symbol TEXT NOT NULL, type TEXT NOT NULL, interval TEXT NOT NULL,
  rows INTEGER NOT NULL, first INTEGER NOT NULL, last INTEGER NOT NULL, trades INTEGER NOT NULL,
  PRIMARY KEY(exchange, symbol, type, interval)) WITHOUT ROWID;
CREATE TABLE series_gaps(
  exchange TEXT NOT NULL, symbol TEXT NOT NULL, type TEXT NOT NULL, interval TEXT NOT NULL,
  gap_from INTEGER NOT NULL, gap_to INTEGER NOT NULL,
  PRIMARY KEY(exchange, symbol, type, interval, gap_from)) WITHOUT ROWID;
CREATE INDEX trade_profile_large ON trade_profile(exchange, symbol, minute, bucket, max_trade_notional,
  large_buy_notional, large_sell_notional) WHERE large_buy_notional > 0 OR large_sell_notional > 0;
DELETE FROM meta WHERE key='series_meta';
)SQL"),
        // the latest `lhm validate` figures per model and method, each with its baseline, for the
        // comparison view (store/ValidationRepository.h)
        QStringLiteral(R"SQL(
CREATE TABLE validation_results(
  exchange TEXT NOT NULL, symbol TEXT NOT NULL, model TEXT NOT NULL, method TEXT NOT NULL,
  period_from INTEGER NOT NULL, period_to INTEGER NOT NULL, measured_at INTEGER NOT NULL, n INTEGER NOT NULL,
  window TEXT NOT NULL, hit_rate REAL, baseline_mean REAL, baseline_low REAL, baseline_high REAL, beaten_share REAL,
  mirrored_hit_rate REAL, spearman REAL, baseline_spearman REAL, diff_low REAL, diff_high REAL, note TEXT NOT NULL,
  PRIMARY KEY(exchange, symbol, model, method)) WITHOUT ROWID;
)SQL"),
        // a zip is logged by the SHA-256 of its own bytes (what .CHECKSUM covers) and, so that its
        // extracted CSV still counts as the same import, by its entry's size and CRC-32
        QStringLiteral(R"SQL(
ALTER TABLE import_log ADD COLUMN content_size INTEGER;
ALTER TABLE import_log ADD COLUMN content_crc32 INTEGER;
CREATE INDEX import_log_content ON import_log(content_size, content_crc32) WHERE content_crc32 IS NOT NULL;
)SQL"),
    };
    return m;
}

}  // namespace lhm
