<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>Exporter</name>
    <message>
        <source>cannot write the image</source>
        <translation>cannot write the image</translation>
    </message>
    <message>
        <source>cannot open for writing</source>
        <translation>cannot open for writing</translation>
    </message>
    <message>
        <source>cannot write the file</source>
        <translation>cannot write the file</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
</context>
<context>
    <name>ScreenshotRenderer</name>
    <message>
        <source>--screenshot needs a file name</source>
        <translation>--screenshot needs a file name</translation>
    </message>
    <message>
        <source>unknown window '%1' (use one of %2)</source>
        <translation>unknown window '%1' (use one of %2)</translation>
    </message>
    <message>
        <source>--size must be at least 200x150</source>
        <translation>--size must be at least 200x150</translation>
    </message>
    <message>
        <source>no data: database %1 does not exist</source>
        <translation>no data: database %1 does not exist</translation>
    </message>
    <message>
        <source>no data for %1: %2</source>
        <translation>no data for %1: %2</translation>
    </message>
    <message>
        <source>no data for %1</source>
        <translation>no data for %1</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>cannot write %1</translation>
    </message>
    <message>
        <source>no data for %1 %2 %3</source>
        <translation>no data for %1 %2 %3</translation>
    </message>
    <message>
        <source>unknown view '%1' (use %2)</source>
        <translation>unknown view '%1' (use %2)</translation>
    </message>
    <message>
        <source>--live takes on or off, not '%1'</source>
        <translation>--live takes on or off, not '%1'</translation>
    </message>
    <message>
        <source>--live needs --view window</source>
        <translation>--live needs --view window</translation>
    </message>
    <message>
        <source>live mode did not start: %1</source>
        <translation>live mode did not start: %1</translation>
    </message>
    <message>
        <source>live: no price of %1 arrived within 60 s</source>
        <translation>live: no price of %1 arrived within 60 s</translation>
    </message>
</context>
<context>
    <name>Translator</name>
    <message>
        <source>System language</source>
        <translation>System language</translation>
    </message>
</context>
<context>
    <name>lhm::ui::ComparisonPanel</name>
    <message>
        <source>Measured</source>
        <translation>Measured</translation>
    </message>
    <message>
        <source>Total longs</source>
        <translation>Total longs</translation>
    </message>
    <message>
        <source>Total shorts</source>
        <translation>Total shorts</translation>
    </message>
    <message>
        <source>Main clusters</source>
        <translation>Main clusters</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <source>Hit rate</source>
        <translation>Hit rate</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message>
        <source>L</source>
        <translation>L</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
</context>
<context>
    <name>lhm::ui::ConnectionLights</name>
    <message>
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>connecting</translation>
    </message>
    <message>
        <source>quiet (no message lately)</source>
        <translation>quiet (no message lately)</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>reconnecting</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>stopped</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>%1 s ago</translation>
    </message>
    <message>
        <source>%1
State: %2
Last message: %3
Messages/s: %4
Reconnects: %5
Parse errors: %6</source>
        <translation>%1
State: %2
Last message: %3
Messages/s: %4
Reconnects: %5
Parse errors: %6</translation>
    </message>
    <message>
        <source>No public liquidation stream: trades (price) only</source>
        <translation>No public liquidation stream: trades (price) only</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Last error: %1</translation>
    </message>
</context>
<context>
    <name>lhm::ui::ControlBar</name>
    <message>
        <source>View</source>
        <translation>View</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Contract to show (what the store holds)</source>
        <translation>Contract to show (what the store holds)</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <source>Exchange whose history the estimate uses</source>
        <translation>Exchange whose history the estimate uses</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Window</translation>
    </message>
    <message>
        <source>Time span of the heatmap; the candle size follows it</source>
        <translation>Time span of the heatmap; the candle size follows it</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Liquidation model</source>
        <translation>Liquidation model</translation>
    </message>
    <message>
        <source>Bucket</source>
        <translation>Bucket</translation>
    </message>
    <message>
        <source>Price bucket size in USD</source>
        <translation>Price bucket size in USD</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Auto</translation>
    </message>
    <message>
        <source>All exchanges</source>
        <translation>All exchanges</translation>
    </message>
</context>
<context>
    <name>lhm::ui::CoverageTable</name>
    <message>
        <source>Exchange</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>Interval</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>From (UTC)</source>
        <translation>From (UTC)</translation>
    </message>
    <message>
        <source>To (UTC)</source>
        <translation>To (UTC)</translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation>Gaps</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>The local store is empty. Download above, or import files you already have.</source>
        <translation>The local store is empty. Download above, or import files you already have.</translation>
    </message>
</context>
<context>
    <name>lhm::ui::DataManagerDialog</name>
    <message>
        <source>Manage data</source>
        <translation>Manage data</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>%p% overall</source>
        <translation>%p% overall</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>Ready.</translation>
    </message>
    <message>
        <source>In the local store</source>
        <translation>In the local store</translation>
    </message>
    <message>
        <source>downloading</source>
        <translation>downloading</translation>
    </message>
    <message>
        <source>verifying checksum</source>
        <translation>verifying checksum</translation>
    </message>
    <message>
        <source>importing</source>
        <translation>importing</translation>
    </message>
    <message>
        <source>%1 of %2: %3 %4</source>
        <translation>%1 of %2: %3 %4</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>Import files…</translation>
    </message>
    <message>
        <source>Cannot download: %1</source>
        <translation>Cannot download: %1</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connecting to %1…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Import Binance files</source>
        <translation>Import Binance files</translation>
    </message>
    <message>
        <source>Binance history (*.zip *.csv);;All files (*)</source>
        <translation>Binance history (*.zip *.csv);;All files (*)</translation>
    </message>
    <message>
        <source>Import a folder of Binance files</source>
        <translation>Import a folder of Binance files</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cannot reach %1.&lt;/b&gt; You seem to be offline (or the host is blocked). Import files you already have instead, or try again later.&lt;br&gt;&lt;small&gt;%2&lt;/small&gt;</source>
        <translation>&lt;b&gt;Cannot reach %1.&lt;/b&gt; You seem to be offline (or the host is blocked). Import files you already have instead, or try again later.&lt;br&gt;&lt;small&gt;%2&lt;/small&gt;</translation>
    </message>
    <message>
        <source>Offline: nothing was downloaded.</source>
        <translation>Offline: nothing was downloaded.</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Done: %1</translation>
    </message>
    <message>
        <source>Finished with problems: %1</source>
        <translation>Finished with problems: %1</translation>
    </message>
</context>
<context>
    <name>lhm::ui::DataWorker</name>
    <message>
        <source>skipped: unknown layout</source>
        <translation>skipped: unknown layout</translation>
    </message>
    <message>
        <source>attempt %1 failed (%2), retrying in %3 s</source>
        <translation>attempt %1 failed (%2), retrying in %3 s</translation>
    </message>
    <message>
        <source>imported, %L1 rows</source>
        <translation>imported, %L1 rows</translation>
    </message>
    <message>
        <source>downloaded</source>
        <translation>downloaded</translation>
    </message>
    <message>
        <source>already in the store</source>
        <translation>already in the store</translation>
    </message>
    <message>
        <source>not published (404)</source>
        <translation>not published (404)</translation>
    </message>
    <message>
        <source>checksum mismatch, not imported</source>
        <translation>checksum mismatch, not imported</translation>
    </message>
    <message>
        <source>host unreachable</source>
        <translation>host unreachable</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>failed: %1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>Cancelled. Partial files are kept and resume next time.</source>
        <translation>Cancelled. Partial files are kept and resume next time.</translation>
    </message>
    <message>
        <source>%1 imported, %2 already in the store, %3 not published, %4 failed</source>
        <translation>%1 imported, %2 already in the store, %3 not published, %4 failed</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>refused: %1</translation>
    </message>
    <message>
        <source>Import cancelled.</source>
        <translation>Import cancelled.</translation>
    </message>
    <message>
        <source>%1 imported, %2 already in the store, %3 refused</source>
        <translation>%1 imported, %2 already in the store, %3 refused</translation>
    </message>
</context>
<context>
    <name>lhm::ui::DownloadForm</name>
    <message>
        <source>Download from %1</source>
        <translation>Download from %1</translation>
    </message>
    <message>
        <source>more, e.g. ADAUSDT,LINKUSDT</source>
        <translation>more, e.g. ADAUSDT,LINKUSDT</translation>
    </message>
    <message>
        <source>Symbols</source>
        <translation>Symbols</translation>
    </message>
    <message>
        <source>Open interest (metrics, 5 min)</source>
        <translation>Open interest (metrics, 5 min)</translation>
    </message>
    <message>
        <source>Candles (klines)</source>
        <translation>Candles (klines)</translation>
    </message>
    <message>
        <source>Funding rate (monthly files)</source>
        <translation>Funding rate (monthly files)</translation>
    </message>
    <message>
        <source>Trades (aggTrades, large)</source>
        <translation>Trades (aggTrades, large)</translation>
    </message>
    <message>
        <source>Hundreds of MB per day for BTCUSDT; needed by the large-trades model.</source>
        <translation>Hundreds of MB per day for BTCUSDT; needed by the large-trades model.</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Download</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Candle interval</source>
        <translation>Candle interval</translation>
    </message>
    <message>
        <source>Days (UTC)</source>
        <translation>Days (UTC)</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>Import files…</translation>
    </message>
    <message>
        <source>Import folder…</source>
        <translation>Import folder…</translation>
    </message>
    <message>
        <source>Already have data.binance.vision zips or CSVs?</source>
        <translation>Already have data.binance.vision zips or CSVs?</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
</context>
<context>
    <name>lhm::ui::ExportActions</name>
    <message>
        <source>Pine Script (*.pine);;Text files (*.txt)</source>
        <translation>Pine Script (*.pine);;Text files (*.txt)</translation>
    </message>
    <message>
        <source>Export TradingView Pine Script</source>
        <translation>Export TradingView Pine Script</translation>
    </message>
    <message>
        <source>Export view as PNG</source>
        <translation>Export view as PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>Nothing to export yet</source>
        <translation>Nothing to export yet</translation>
    </message>
    <message>
        <source>Export heatmap grid</source>
        <translation>Export heatmap grid</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Export liquidation map</source>
        <translation>Export liquidation map</translation>
    </message>
</context>
<context>
    <name>lhm::ui::FileProgressTable</name>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>%p% of %1</source>
        <translation>%p% of %1</translation>
    </message>
    <message>
        <source>importing %p%</source>
        <translation>importing %p%</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>not started</translation>
    </message>
</context>
<context>
    <name>lhm::ui::HeatmapControls</name>
    <message>
        <source>Longs</source>
        <translation>Longs</translation>
    </message>
    <message>
        <source>Only liquidation levels of long positions</source>
        <translation>Only liquidation levels of long positions</translation>
    </message>
    <message>
        <source>Shorts</source>
        <translation>Shorts</translation>
    </message>
    <message>
        <source>Only liquidation levels of short positions</source>
        <translation>Only liquidation levels of short positions</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Both</translation>
    </message>
    <message>
        <source>Longs and shorts together</source>
        <translation>Longs and shorts together</translation>
    </message>
    <message>
        <source>Colour cut-off</source>
        <translation>Colour cut-off</translation>
    </message>
    <message>
        <source>Densities below this percentile are drawn darkest</source>
        <translation>Densities below this percentile are drawn darkest</translation>
    </message>
    <message>
        <source>Densities above this percentile are drawn brightest</source>
        <translation>Densities above this percentile are drawn brightest</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <source>Show the whole window</source>
        <translation>Show the whole window</translation>
    </message>
</context>
<context>
    <name>lhm::ui::HeatmapView</name>
    <message>
        <source>Price (USD)</source>
        <translation>Price (USD)</translation>
    </message>
    <message>
        <source>Estimated liquidations per bucket (USD)</source>
        <translation>Estimated liquidations per bucket (USD)</translation>
    </message>
    <message>
        <source>ESTIMATE — modelled liquidation levels, not exchange data</source>
        <translation>ESTIMATE — modelled liquidation levels, not exchange data</translation>
    </message>
    <message>
        <source>Hover the heatmap to read a cell.</source>
        <translation>Hover the heatmap to read a cell.</translation>
    </message>
    <message>
        <source>No heatmap yet</source>
        <translation>No heatmap yet</translation>
    </message>
    <message>
        <source>Pick a symbol and window, or import data from the Data menu.</source>
        <translation>Pick a symbol and window, or import data from the Data menu.</translation>
    </message>
    <message>
        <source>Predicted long liquidations</source>
        <translation>Predicted long liquidations</translation>
    </message>
    <message>
        <source>Predicted short liquidations</source>
        <translation>Predicted short liquidations</translation>
    </message>
    <message>
        <source>Live trades (price)</source>
        <translation>Live trades (price)</translation>
    </message>
    <message>
        <source>No data for this view</source>
        <translation>No data for this view</translation>
    </message>
    <message>
        <source>Import or download history from the Data menu.</source>
        <translation>Import or download history from the Data menu.</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · %4%5</source>
        <translation>%1 · %2 · %3 · %4%5</translation>
    </message>
    <message>
        <source> · cached</source>
        <translation> · cached</translation>
    </message>
    <message>
        <source>%1  ·  %2 – %3  ·  Longs %4  ·  Shorts %5  ·  model confidence %6</source>
        <translation>%1  ·  %2 – %3  ·  Longs %4  ·  Shorts %5  ·  model confidence %6</translation>
    </message>
</context>
<context>
    <name>lhm::ui::LiquidationMapView</name>
    <message>
        <source>No liquidation map for the live market</source>
        <translation>No liquidation map for the live market</translation>
    </message>
    <message>
        <source>The history ends %1, more than a day before the live stream, and could not be backfilled.</source>
        <translation>The history ends %1, more than a day before the live stream, and could not be backfilled.</translation>
    </message>
    <message>
        <source>The history ends more than a day before the live stream and could not be backfilled.</source>
        <translation>The history ends more than a day before the live stream and could not be backfilled.</translation>
    </message>
    <message>
        <source>A map computed from it would show the positions of then as today&apos;s. Live liquidations are shown on the heatmap and in the tape.</source>
        <translation>A map computed from it would show the positions of then as today&apos;s. Live liquidations are shown on the heatmap and in the tape.</translation>
    </message>
    <message>
        <source>Liquidation price (USD)</source>
        <translation>Liquidation price (USD)</translation>
    </message>
    <message>
        <source>Estimated notional per bucket</source>
        <translation>Estimated notional per bucket</translation>
    </message>
    <message>
        <source>Cumulative from price</source>
        <translation>Cumulative from price</translation>
    </message>
    <message>
        <source>Cumulative longs</source>
        <translation>Cumulative longs</translation>
    </message>
    <message>
        <source>Cumulative shorts</source>
        <translation>Cumulative shorts</translation>
    </message>
    <message>
        <source>No liquidation map yet</source>
        <translation>No liquidation map yet</translation>
    </message>
    <message>
        <source>No data for this view</source>
        <translation>No data for this view</translation>
    </message>
    <message>
        <source>Import or download history from the Data menu.</source>
        <translation>Import or download history from the Data menu.</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · %4 · at %5</source>
        <translation>%1 · %2 · %3 · %4 · at %5</translation>
    </message>
    <message>
        <source>Long %1x</source>
        <translation>Long %1x</translation>
    </message>
    <message>
        <source>Short %1x</source>
        <translation>Short %1x</translation>
    </message>
    <message>
        <source>Price %1</source>
        <translation>Price %1</translation>
    </message>
    <message>
        <source>%1 – %2  ·  Longs %3  ·  Shorts %4  ·  cumulative longs %5, shorts %6</source>
        <translation>%1 – %2  ·  Longs %3  ·  Shorts %4  ·  cumulative longs %5, shorts %6</translation>
    </message>
    <message>
        <source>ESTIMATE — modelled</source>
        <translation>ESTIMATE — modelled</translation>
    </message>
    <message>
        <source>%1 %2 %</source>
        <translation>%1 %2 %</translation>
    </message>
</context>
<context>
    <name>lhm::ui::LiveTapeModel</name>
    <message>
        <source>Long</source>
        <translation>Long</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>Short</translation>
    </message>
    <message>
        <source>%1 %2: %3 liquidated, %4 at %5 (%6), %7 UTC</source>
        <translation>%1 %2: %3 liquidated, %4 at %5 (%6), %7 UTC</translation>
    </message>
    <message>
        <source>long</source>
        <translation>long</translation>
    </message>
    <message>
        <source>short</source>
        <translation>short</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Time (UTC)</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Side</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Notional</source>
        <translation>Notional</translation>
    </message>
</context>
<context>
    <name>lhm::ui::LiveTapePanel</name>
    <message>
        <source>Liquidations</source>
        <translation>Liquidations</translation>
    </message>
    <message>
        <source>Hide liquidations smaller than this notional</source>
        <translation>Hide liquidations smaller than this notional</translation>
    </message>
    <message>
        <source>≥ %1</source>
        <translation>≥ %1</translation>
    </message>
    <message>
        <source>All sizes</source>
        <translation>All sizes</translation>
    </message>
    <message numerus="yes">
        <source>%n shown</source>
        <translation><numerusform>%n shown</numerusform><numerusform>%n shown</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n received</source>
        <translation><numerusform>%n received</numerusform><numerusform>%n received</numerusform></translation>
    </message>
</context>
<context>
    <name>lhm::ui::LocalApiWiring</name>
    <message>
        <source>Local &amp;API (127.0.0.1:8765)</source>
        <translation>Local &amp;API (127.0.0.1:8765)</translation>
    </message>
    <message>
        <source>Serve the heatmap, levels, signals and the live stream to scripts on this computer (docs/api.md)</source>
        <translation>Serve the heatmap, levels, signals and the live stream to scripts on this computer (docs/api.md)</translation>
    </message>
    <message>
        <source>Local API could not start: port %1 is in use</source>
        <translation>Local API could not start: port %1 is in use</translation>
    </message>
    <message>
        <source>API %1</source>
        <translation>API %1</translation>
    </message>
    <message>
        <source>Local API listening on %1 (this computer only)</source>
        <translation>Local API listening on %1 (this computer only)</translation>
    </message>
</context>
<context>
    <name>lhm::ui::LiveWiring</name>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Follow the exchanges' liquidation streams for the shown symbol</source>
        <translation>Follow the exchanges' liquidation streams for the shown symbol</translation>
    </message>
    <message>
        <source>Liquidation tape</source>
        <translation>Liquidation tape</translation>
    </message>
    <message>
        <source>Live mode needs config/exchanges.yaml: %1</source>
        <translation>Live mode needs config/exchanges.yaml: %1</translation>
    </message>
    <message>
        <source>Cannot go live: %1</source>
        <translation>Cannot go live: %1</translation>
    </message>
    <message>
        <source>Live: following %1 on %2</source>
        <translation>Live: following %1 on %2</translation>
    </message>
    <message>
        <source>Live mode off</source>
        <translation>Live mode off</translation>
    </message>
    <message>
        <source>Cannot go live: no exchange in exchanges.yaml lists %1</source>
        <translation>Cannot go live: no exchange in exchanges.yaml lists %1</translation>
    </message>
</context>
<context>
    <name>lhm::ui::MainWindow</name>
    <message>
        <source>Export TradingView Pine &amp;Script…</source>
        <translation>Export TradingView Pine &amp;Script…</translation>
    </message>
    <message>
        <source>LiquidationHeatmap</source>
        <translation>LiquidationHeatmap</translation>
    </message>
    <message>
        <source>Heatmap</source>
        <translation>Heatmap</translation>
    </message>
    <message>
        <source>Model comparison</source>
        <translation>Model comparison</translation>
    </message>
    <message>
        <source>Liquidation map</source>
        <translation>Liquidation map</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Export view as &amp;PNG…</source>
        <translation>Export view as &amp;PNG…</translation>
    </message>
    <message>
        <source>Export heatmap grid as &amp;CSV…</source>
        <translation>Export heatmap grid as &amp;CSV…</translation>
    </message>
    <message>
        <source>Export liquidation &amp;map as CSV…</source>
        <translation>Export liquidation &amp;map as CSV…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>&amp;Data</translation>
    </message>
    <message>
        <source>&amp;Manage data…</source>
        <translation>&amp;Manage data…</translation>
    </message>
    <message>
        <source>&amp;Recompute</source>
        <translation>&amp;Recompute</translation>
    </message>
    <message>
        <source>&amp;Live</source>
        <translation>&amp;Live</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Theme</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>The new language applies at the next start.</source>
        <translation>The new language applies at the next start.</translation>
    </message>
    <message>
        <source>&amp;Cancel computation</source>
        <translation>&amp;Cancel computation</translation>
    </message>
    <message>
        <source>Computation cancelled</source>
        <translation>Computation cancelled</translation>
    </message>
    <message>
        <source>Export liquidation map as P&amp;NG…</source>
        <translation>Export liquidation map as P&amp;NG…</translation>
    </message>
    <message>
        <source>Exchanges</source>
        <translation>Exchanges</translation>
    </message>
</context>
<context>
    <name>lhm::ui::ModelComparisonView</name>
    <message>
        <source>No model comparison yet</source>
        <translation>No model comparison yet</translation>
    </message>
    <message>
        <source>No data for this view</source>
        <translation>No data for this view</translation>
    </message>
    <message>
        <source>Import or download history from the Data menu.</source>
        <translation>Import or download history from the Data menu.</translation>
    </message>
    <message>
        <source>ESTIMATES · %1 · %2 · %3 — agreement %4, ensemble confidence %5 (%6)</source>
        <translation>ESTIMATES · %1 · %2 · %3 — agreement %4, ensemble confidence %5 (%6)</translation>
    </message>
    <message>
        <source>models agree</source>
        <translation>models agree</translation>
    </message>
    <message>
        <source>shaded: models disagree by more than 5%</source>
        <translation>shaded: models disagree by more than 5%</translation>
    </message>
    <message>
        <source>only one model had data: unverified</source>
        <translation>only one model had data: unverified</translation>
    </message>
    <message>
        <source>one side is covered by a single model</source>
        <translation>one side is covered by a single model</translation>
    </message>
    <message>
        <source>no estimated positions</source>
        <translation>no estimated positions</translation>
    </message>
    <message>
        <source> · no input in this window: %1</source>
        <translation> · no input in this window: %1</translation>
    </message>
</context>
<context>
    <name>lhm::ui::StatusPanel</name>
    <message>
        <source>Database unreadable</source>
        <translation>Database unreadable</translation>
    </message>
    <message>
        <source>candles %1</source>
        <translation>candles %1</translation>
    </message>
    <message>
        <source>open interest</source>
        <translation>open interest</translation>
    </message>
    <message>
        <source>%1 %2 → %3</source>
        <translation>%1 %2 → %3</translation>
    </message>
    <message>
        <source>No data for %1 on %2</source>
        <translation>No data for %1 on %2</translation>
    </message>
    <message>
        <source>Coverage: %1</source>
        <translation>Coverage: %1</translation>
    </message>
    <message>
        <source>Newest data %1 ago</source>
        <translation>Newest data %1 ago</translation>
    </message>
</context>
<context>
    <name>lhm::ui::ViewCoordinator</name>
    <message>
        <source>Computing %1 %2… %3%</source>
        <translation>Computing %1 %2… %3%</translation>
    </message>
    <message>
        <source>Computing %1 %2…</source>
        <translation>Computing %1 %2…</translation>
    </message>
    <message>
        <source>No estimate for %1 · %2 · %3</source>
        <translation>No estimate for %1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1
Open Data → Manage data… to download or import history.</source>
        <translation>%1
Open Data → Manage data… to download or import history.</translation>
    </message>
    <message>
        <source>The database cannot be read</source>
        <translation>The database cannot be read</translation>
    </message>
    <message>
        <source>%1
Choose another file with --db, or move this one away to start afresh.</source>
        <translation>%1
Choose another file with --db, or move this one away to start afresh.</translation>
    </message>
    <message>
        <source>Offline data: the newest candle shown ended %1 ago (%2). The estimate does not show what happened since.</source>
        <translation>Offline data: the newest candle shown ended %1 ago (%2). The estimate does not show what happened since.</translation>
    </message>
    <message>
        <source>Showing the cached estimate computed %1 ago; recomputing…</source>
        <translation>Showing the cached estimate computed %1 ago; recomputing…</translation>
    </message>
    <message>
        <source>Showing the cached estimate; recomputing…</source>
        <translation>Showing the cached estimate; recomputing…</translation>
    </message>
    <message>
        <source>Could not recompute: %1</source>
        <translation>Could not recompute: %1</translation>
    </message>
</context>
<context>
    <name>lhm::ui::AlertDialog</name>
    <message>
        <source>not set</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>Edit alert</source>
        <translation>Edit alert</translation>
    </message>
    <message>
        <source>New alert</source>
        <translation>New alert</translation>
    </message>
    <message>
        <source>All exchanges</source>
        <translation>All exchanges</translation>
    </message>
    <message>
        <source>Crosses above</source>
        <translation>Crosses above</translation>
    </message>
    <message>
        <source>Crosses below</source>
        <translation>Crosses below</translation>
    </message>
    <message>
        <source>Any side</source>
        <translation>Any side</translation>
    </message>
    <message>
        <source>Longs</source>
        <translation>Longs</translation>
    </message>
    <message>
        <source>Shorts</source>
        <translation>Shorts</translation>
    </message>
    <message>
        <source>Fire once, then stop</source>
        <translation>Fire once, then stop</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Enabled</translation>
    </message>
    <message>
        <source>default from the channel settings</source>
        <translation>default from the channel settings</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Side</translation>
    </message>
</context>
<context>
    <name>lhm::ui::AlertOverlay</name>
    <message>
        <source>Create alert at %1…</source>
        <translation>Create alert at %1…</translation>
    </message>
    <message>
        <source>%1%2 (triggered)</source>
        <translation>%1%2 (triggered)</translation>
    </message>
</context>
<context>
    <name>lhm::ui::AlertText</name>
    <message>
        <source>Price crosses a level</source>
        <translation>Price crosses a level</translation>
    </message>
    <message>
        <source>Price nears a predicted cluster</source>
        <translation>Price nears a predicted cluster</translation>
    </message>
    <message>
        <source>Realised liquidation</source>
        <translation>Realised liquidation</translation>
    </message>
    <message>
        <source>Liquidation cascade</source>
        <translation>Liquidation cascade</translation>
    </message>
    <message>
        <source>Predicted cluster crossed</source>
        <translation>Predicted cluster crossed</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Triggered</source>
        <translation>Triggered</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Snoozed</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation>Desktop</translation>
    </message>
    <message>
        <source>Popup</source>
        <translation>Popup</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <source>Price level</source>
        <translation>Price level</translation>
    </message>
    <message>
        <source>Distance (%)</source>
        <translation>Distance (%)</translation>
    </message>
    <message>
        <source>Minimum cluster (USD)</source>
        <translation>Minimum cluster (USD)</translation>
    </message>
    <message>
        <source>Minimum notional (USD)</source>
        <translation>Minimum notional (USD)</translation>
    </message>
    <message>
        <source>Price from</source>
        <translation>Price from</translation>
    </message>
    <message>
        <source>Price to</source>
        <translation>Price to</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Notional (USD)</source>
        <translation>Notional (USD)</translation>
    </message>
    <message>
        <source>Window (s)</source>
        <translation>Window (s)</translation>
    </message>
    <message>
        <source>Cooldown (s)</source>
        <translation>Cooldown (s)</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Channels</translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation>Webhook URL</translation>
    </message>
    <message>
        <source>Choose at least one channel.</source>
        <translation>Choose at least one channel.</translation>
    </message>
    <message>
        <source>%1 must not be empty.</source>
        <translation>%1 must not be empty.</translation>
    </message>
    <message>
        <source>The webhook URL must start with http:// or https://.</source>
        <translation>The webhook URL must start with http:// or https://.</translation>
    </message>
    <message>
        <source>The price band&apos;s lower edge must be positive and below its upper edge.</source>
        <translation>The price band&apos;s lower edge must be positive and below its upper edge.</translation>
    </message>
    <message>
        <source>Set a count or a notional (or both) for a cascade.</source>
        <translation>Set a count or a notional (or both) for a cascade.</translation>
    </message>
    <message>
        <source>%1 must be a positive number.</source>
        <translation>%1 must be a positive number.</translation>
    </message>
    <message>
        <source> (longs)</source>
        <translation> (longs)</translation>
    </message>
    <message>
        <source> (shorts)</source>
        <translation> (shorts)</translation>
    </message>
    <message>
        <source>above %1</source>
        <translation>above %1</translation>
    </message>
    <message>
        <source>below %1</source>
        <translation>below %1</translation>
    </message>
    <message>
        <source>within %1% of ≥ %2 USD%3</source>
        <translation>within %1% of ≥ %2 USD%3</translation>
    </message>
    <message>
        <source>≥ %1 USD%2</source>
        <translation>≥ %1 USD%2</translation>
    </message>
    <message>
        <source> in %1–%2</source>
        <translation> in %1–%2</translation>
    </message>
    <message>
        <source>%1 liquidations</source>
        <translation>%1 liquidations</translation>
    </message>
    <message>
        <source>%1 USD</source>
        <translation>%1 USD</translation>
    </message>
    <message>
        <source>%1 in %2 s%3</source>
        <translation>%1 in %2 s%3</translation>
    </message>
    <message>
        <source> or </source>
        <translation> or </translation>
    </message>
    <message>
        <source>cluster ≥ %1 USD crossed%2</source>
        <translation>cluster ≥ %1 USD crossed%2</translation>
    </message>
</context>
<context>
    <name>lhm::ui::AlertToast</name>
    <message>
        <source>Alerts held back</source>
        <translation>Alerts held back</translation>
    </message>
    <message numerus="yes">
        <source>%n more alert(s) arrived during a burst and were held back.</source>
        <translation><numerusform>%n more alert(s) arrived during a burst and were held back.</numerusform><numerusform>%n more alert(s) arrived during a burst and were held back.</numerusform></translation>
    </message>
    <message>
        <source>Alert: %1 — %2</source>
        <translation>Alert: %1 — %2</translation>
    </message>
    <message>
        <source>%1 · value %2 at %3 · %4 UTC · click to show</source>
        <translation>%1 · value %2 at %3 · %4 UTC · click to show</translation>
    </message>
</context>
<context>
    <name>lhm::ui::AlertsPanel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last fired</source>
        <translation>Last fired</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Channels</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>New…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Channels…</source>
        <translation>Channels…</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Rules</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Time (UTC)</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alert</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>Deliveries</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Delete alert</source>
        <translation>Delete alert</translation>
    </message>
    <message>
        <source>Delete the alert &quot;%1&quot;? Its history stays.</source>
        <translation>Delete the alert &quot;%1&quot;? Its history stays.</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>skipped</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>Flood summary</source>
        <translation>Flood summary</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pending</translation>
    </message>
</context>
<context>
    <name>lhm::ui::AlertsWiring</name>
    <message>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <source>LiquidationHeatmap</source>
        <translation>LiquidationHeatmap</translation>
    </message>
    <message>
        <source>&amp;Alerts</source>
        <translation>&amp;Alerts</translation>
    </message>
    <message>
        <source>&amp;New alert…</source>
        <translation>&amp;New alert…</translation>
    </message>
    <message>
        <source>Show &amp;alerts</source>
        <translation>Show &amp;alerts</translation>
    </message>
    <message>
        <source>&amp;Channels…</source>
        <translation>&amp;Channels…</translation>
    </message>
    <message numerus="yes">
        <source>LiquidationHeatmap — %n unread alert(s)</source>
        <translation><numerusform>LiquidationHeatmap — %n unread alert(s)</numerusform><numerusform>LiquidationHeatmap — %n unread alert(s)</numerusform></translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 at %2</translation>
    </message>
</context>
<context>
    <name>lhm::ui::ChannelSettingsDialog</name>
    <message>
        <source>Alert channels</source>
        <translation>Alert channels</translation>
    </message>
    <message>
        <source>Send test</source>
        <translation>Send test</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>Default URL</source>
        <translation>Default URL</translation>
    </message>
    <message>
        <source>HMAC secret</source>
        <translation>HMAC secret</translation>
    </message>
    <message>
        <source>Bot API URL</source>
        <translation>Bot API URL</translation>
    </message>
    <message>
        <source>Chat id</source>
        <translation>Chat id</translation>
    </message>
    <message>
        <source>Bot token</source>
        <translation>Bot token</translation>
    </message>
    <message>
        <source>Require STARTTLS</source>
        <translation>Require STARTTLS</translation>
    </message>
    <message>
        <source>one or more, comma separated</source>
        <translation>one or more, comma separated</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>SMTP server</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>saved — type to replace</source>
        <translation>saved — type to replace</translation>
    </message>
    <message>
        <source>Delivered.</source>
        <translation>Delivered.</translation>
    </message>
    <message>
        <source>Not delivered: %1</source>
        <translation>Not delivered: %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Saved, but: %1. Without a keychain, secrets cannot be kept; run the alerts with &apos;lhm alerts channel set … --token-env VAR&apos; instead.</source>
        <translation>Saved, but: %1. Without a keychain, secrets cannot be kept; run the alerts with &apos;lhm alerts channel set … --token-env VAR&apos; instead.</translation>
    </message>
</context>
<context>
    <name>lhm::ui::MeasuredFigure</name>
    <message>
        <source>Measured on this period only: an estimate of skill, not a promise.</source>
        <translation>Measured on this period only: an estimate of skill, not a promise.</translation>
    </message>
    <message>
        <source>Period %1 – %2, window %3, measured %4</source>
        <translation>Period %1 – %2, window %3, measured %4</translation>
    </message>
    <message numerus="yes">
        <source>%n hour-side(s)</source>
        <translation><numerusform>%n hour-side(s)</numerusform><numerusform>%n hour-side(s)</numerusform></translation>
    </message>
    <message>
        <source>Difference, 95 % day-block bootstrap interval: [%1, %2]</source>
        <translation>Difference, 95 % day-block bootstrap interval: [%1, %2]</translation>
    </message>
    <message>
        <source>Baseline |price move| × open interest: %1</source>
        <translation>Baseline |price move| × open interest: %1</translation>
    </message>
    <message>
        <source>Spearman of predicted against realised notional per hour and side: %1</source>
        <translation>Spearman of predicted against realised notional per hour and side: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n liquidation event(s)</source>
        <translation><numerusform>%n liquidation event(s)</numerusform><numerusform>%n liquidation event(s)</numerusform></translation>
    </message>
    <message>
        <source>Mirrored zones (same distances, other side): %1</source>
        <translation>Mirrored zones (same distances, other side): %1</translation>
    </message>
    <message>
        <source>Beats %1 % of random draws</source>
        <translation>Beats %1 % of random draws</translation>
    </message>
    <message>
        <source>Same total width placed at random: mean %1, 95 % interval [%2, %3]</source>
        <translation>Same total width placed at random: mean %1, 95 % interval [%2, %3]</translation>
    </message>
    <message>
        <source>Share of realised liquidation notional inside the model&apos;s densest zones: %1</source>
        <translation>Share of realised liquidation notional inside the model&apos;s densest zones: %1</translation>
    </message>
    <message>
        <source>no baseline</source>
        <translation>no baseline</translation>
    </message>
    <message>
        <source>Validation of %1 – %2 gave no figure: %3</source>
        <translation>Validation of %1 – %2 gave no figure: %3</translation>
    </message>
    <message>
        <source>Not measured yet for this symbol: run Validate in the Research tab or lhm validate. No figure is shown without its baseline.</source>
        <translation>Not measured yet for this symbol: run Validate in the Research tab or lhm validate. No figure is shown without its baseline.</translation>
    </message>
    <message>
        <source>ρ %1 · baseline %2</source>
        <translation>ρ %1 · baseline %2</translation>
    </message>
    <message>
        <source>hit %1 · random %2 [%3, %4]</source>
        <translation>hit %1 · random %2 [%3, %4]</translation>
    </message>
</context>
<context>
    <name>ExchangeText</name>
    <message>
        <source>All exchanges</source>
        <translation>All exchanges</translation>
    </message>
    <message>
        <source>included</source>
        <translation>included</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>no data</translation>
    </message>
    <message>
        <source>stale data</source>
        <translation>stale data</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>%1 %2 %</source>
        <translation>%1 %2 %</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (%2: %3)</source>
        <translation>%1 (%2: %3)</translation>
    </message>
    <message>
        <source>Exchanges summed: %1.</source>
        <translation>Exchanges summed: %1.</translation>
    </message>
    <message>
        <source>Left out: %1.</source>
        <translation>Left out: %1.</translation>
    </message>
    <message>
        <source>Δ vs %1 %2$%3 (%2%4 %)</source>
        <translation>Δ vs %1 %2$%3 (%2%4 %)</translation>
    </message>
</context>
<context>
    <name>lhm::ui::ExchangesView</name>
    <message>
        <source>No exchanges to compare yet</source>
        <translation>No exchanges to compare yet</translation>
    </message>
    <message>
        <source>Pick “All exchanges” in the toolbar to see every venue side by side.</source>
        <translation>Pick “All exchanges” in the toolbar to see every venue side by side.</translation>
    </message>
    <message>
        <source>No data for this view</source>
        <translation>No data for this view</translation>
    </message>
    <message>
        <source>Import or download history from the Data menu.</source>
        <translation>Import or download history from the Data menu.</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · estimated positions at the last candle, each venue at its own price</source>
        <translation>%1 · %2 · %3 · estimated positions at the last candle, each venue at its own price</translation>
    </message>
    <message>
        <source>Liquidation price (USD)</source>
        <translation>Liquidation price (USD)</translation>
    </message>
    <message>
        <source>Estimated notional</source>
        <translation>Estimated notional</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>reference</translation>
    </message>
    <message>
        <source>ESTIMATE — modelled</source>
        <translation>ESTIMATE — modelled</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (%2: %3)</source>
        <translation>%1 (%2: %3)</translation>
    </message>
    <message>
        <source>One exchange shown: pick “All exchanges” to compare venues.</source>
        <translation>One exchange shown: pick “All exchanges” to compare venues.</translation>
    </message>
    <message>
        <source>Left out: %1</source>
        <translation>Left out: %1</translation>
    </message>
</context>
<context>
    <name>lhm::ui::SignalOverlay</name>
    <message>
        <source>Signal (estimate) at %1: %2
%3</source>
        <translation>Signal (estimate) at %1: %2
%3</translation>
    </message>
    <message>
        <source>no bar closed</source>
        <translation>no bar closed</translation>
    </message>
    <message>
        <source>Signal: — (%1)</source>
        <translation>Signal: — (%1)</translation>
    </message>
    <message>
        <source>no cluster near, confidence %1</source>
        <translation>no cluster near, confidence %1</translation>
    </message>
    <message>
        <source>nearest cluster %1 % away, confidence %2</source>
        <translation>nearest cluster %1 % away, confidence %2</translation>
    </message>
    <message>
        <source>model confidence %1 is low</source>
        <translation>model confidence %1 is low</translation>
    </message>
    <message>
        <source>realised liquidations %1 beyond the %2 predicted</source>
        <translation>realised liquidations %1 beyond the %2 predicted</translation>
    </message>
    <message>
        <source>short</source>
        <translation>short</translation>
    </message>
    <message>
        <source>long</source>
        <translation>long</translation>
    </message>
    <message>
        <source>price within %1 % of a %2 cluster at %3 (%4)</source>
        <translation>price within %1 % of a %2 cluster at %3 (%4)</translation>
    </message>
    <message>
        <source>NONE</source>
        <translation>NONE</translation>
    </message>
    <message>
        <source>WAIT</source>
        <translation>WAIT</translation>
    </message>
    <message>
        <source>REVERSAL OPPORTUNITY</source>
        <translation>REVERSAL OPPORTUNITY</translation>
    </message>
    <message>
        <source>AVOID</source>
        <translation>AVOID</translation>
    </message>
</context>
<context>
    <name>lhm::ui::HeatmapView</name>
    <message>
        <source>Heatmap</source>
        <translation>Heatmap</translation>
    </message>
</context>
<context>
    <name>lhm::ui::ModelComparisonView</name>
    <message>
        <source>Model comparison</source>
        <translation>Model comparison</translation>
    </message>
</context>
<context>
    <name>lhm::ui::ExchangesView</name>
    <message>
        <source>Exchanges</source>
        <translation>Exchanges</translation>
    </message>
</context>
<context>
    <name>lhm::ui::LiquidationMapView</name>
    <message>
        <source>Liquidation map</source>
        <translation>Liquidation map</translation>
    </message>
</context>
<context>
    <name>lhm::ui::MainWindow</name>
    <message>
        <source>Export %1 as P&amp;NG…</source>
        <translation>Export %1 as P&amp;NG…</translation>
    </message>
</context>
</TS>