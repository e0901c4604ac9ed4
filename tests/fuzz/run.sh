#!/usr/bin/env bash
# Runs every libFuzzer target for a fixed time on a corpus seeded from ../shared/data (recorded
# real payloads) plus the kept regression inputs in tests/fuzz/regressions/<target>/ (inputs that
# once crashed; libFuzzer runs them first, so a regression fails at once).
#   usage: tests/fuzz/run.sh BUILD_DIR [SECONDS_PER_TARGET]
# Exit status is non-zero on any crash, sanitizer report, leak-free timeout or OOM; the crashing
# input is left in BUILD_DIR/fuzz-artifacts/ to be copied into regressions/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "$1" && pwd)
secs=${2:-30}
# A fixed seed makes a CI run repeatable (a finding reproduces on the same machine); vary
# LHM_FUZZ_SEED by hand to explore further.
fuzz_seed=${LHM_FUZZ_SEED:-1}
data=${LHM_SHARED_DATA_DIR:-$here/../../../shared/data}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
artifacts=$build/fuzz-artifacts
mkdir -p "$artifacts"

# seed TARGET PREFIX_HEX FILE...: the first 8 KB of each file, after the selector byte(s) the
# target reads first.
seed() {
  local target=$1 prefix=$2; shift 2
  mkdir -p "$work/$target"
  local f n=0
  for f in "$@"; do
    [ -f "$f" ] || continue
    n=$((n + 1))
    { printf "$prefix"; head -c 8192 "$f"; } > "$work/$target/seed-$prefix-$n" 2>/dev/null || true
  done
}
# seedlines TARGET PREFIX_HEX FILE: each of the first 20 lines of a JSON-lines file as one seed.
seedlines() {
  local target=$1 prefix=$2 file=$3 i=0 line
  [ -f "$file" ] || return 0
  mkdir -p "$work/$target"
  while IFS= read -r line && [ $i -lt 20 ]; do
    i=$((i + 1))
    { printf "$prefix"; printf '%s' "$line"; } > "$work/$target/line-$prefix-$(basename "$file")-$i"
  done < "$file"
}

# CSV parsers: byte 0 picks metrics/klines/funding/aggTrades, byte 1 the chunk size.
for sel in '\x00\x10' '\x01\x85' '\x02\x07' '\x03\x40'; do
  seed csv "$sel" "$data"/imsatoshi-binance-btcusdt-oi-5m/*.csv "$data"/coinalyze-binance-perp-hourly-2024/*ohlcv*.csv \
    "$data"/0xknxwledge-hyperliquid-okx-btc/funding_rates.csv
done
# Feed frames: byte 0 picks binance/bybit/okx/hyperliquid.
for f in "$data"/tardis-node-liquidation-frames/binance-futures.jsonl; do seedlines feedframes '\x00' "$f"; done
for f in "$data"/tardis-node-liquidation-frames/bybit*.jsonl; do seedlines feedframes '\x01' "$f"; done
for f in "$data"/tardis-node-liquidation-frames/okex*.jsonl "$data"/tardis-node-liquidation-frames/okx*.jsonl; do
  seedlines feedframes '\x02' "$f"
done
seed feedframes '\x03' "$data"/nautilus-hyperliquid-ws-samples/ws_*.json
# REST responses: byte 0 picks the parser.
seed rest '\x00' "$data"/gocryptotrader-binance-futures-rest/binance_fapi_v1_klines__0.json
seed rest '\x01' "$data"/gocryptotrader-binance-futures-rest/binance_futures_data_openInterestHist__0.json
seed rest '\x03' "$data"/ccxt-static-bybit-open-interest/*.json
# Config YAML: byte 0 picks tiers (odd) or exchanges.yaml (even).
seed yaml '\x01' "$here"/../../core/exchanges/*/tiers/*.yaml
seed yaml '\x00' "$here"/../../config/exchanges.yaml

# Third-party layouts: byte 0 picks the layout (see FuzzThirdParty.cpp), byte 1 the zone.
seed thirdparty '\x00\x00' "$data"/chiefJurist-binance-forceorder-csv/*.csv
seed thirdparty '\x02\x00' "$data"/0xknxwledge-hyperliquid-okx-btc/liquidations.csv
seed thirdparty '\x03\x00' "$data"/0xknxwledge-hyperliquid-okx-btc/open_interest_hourly.csv
seed thirdparty '\x04\x00' "$data"/0xknxwledge-hyperliquid-okx-btc/candles_hourly.csv
seed thirdparty '\x05\x00' "$data"/0xknxwledge-hyperliquid-okx-btc/funding_rates.csv
seed thirdparty '\x06\x80' "$data"/coinalyze-binance-perp-hourly-2024/*liquidation-history.csv
seed thirdparty '\x07\x80' "$data"/coinalyze-binance-perp-hourly-2024/*open-interest-history.csv
seed thirdparty '\x08\x80' "$data"/coinalyze-binance-perp-hourly-2024/*ohlcv-history.csv

status=0
for target in csv feedframes rest yaml thirdparty; do
  exe=$build/tests/fuzz/fuzz_$target
  [ -x "$exe" ] || { echo "missing $exe"; exit 1; }
  mkdir -p "$work/$target"
  regress=$here/regressions/$target
  dirs=("$work/$target")
  [ -d "$regress" ] && dirs+=("$regress")
  echo "-- fuzz_$target: $(ls "$work/$target" | wc -l) seeds, $(ls "$regress" 2>/dev/null | wc -l) regression inputs, ${secs} s"
  # -rss_limit_mb and -timeout make unbounded memory and hangs findings, not CI stalls.
  if ! ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
      "$exe" -seed="$fuzz_seed" -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=0 \
      -artifact_prefix="$artifacts/$target-" "${dirs[@]}" > "$work/$target.log" 2>&1; then
    tail -60 "$work/$target.log"
    echo "fuzz_$target FAILED (artifact in $artifacts)"
    status=1
  else
    grep -E "^#[0-9]+ *DONE|Done [0-9]+ runs" "$work/$target.log" | tail -1 || true
  fi
done
exit $status
