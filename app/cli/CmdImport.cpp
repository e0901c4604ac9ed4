// lhm import PATH...: data.binance.vision CSVs, zips or folders of them into the store.
#include "Cli.h"

#include "ingest/Importer.h"
#include "ingest/thirdparty/ThirdPartyFormat.h"
#include "ingest/thirdparty/TimeText.h"

#include <QJsonObject>

using namespace lhm;
using namespace lhm::cli;

static QJsonObject toJson(const FileImportResult &r) {
    QJsonObject o{{"file", r.path}, {"type", r.type}, {"symbol", r.symbol}, {"rows", double(r.rows)},
                  {"skipped", double(r.skipped)}, {"alreadyImported", r.alreadyImported}, {"ok", !r.error.has_value()}};
    if (r.unknownLayout) o.insert(QStringLiteral("skippedFile"), QStringLiteral("unknown layout"));
    if (!r.interval.isEmpty()) o.insert(QStringLiteral("interval"), r.interval);
    if (r.error) {
        o.insert(QStringLiteral("error"), r.error->toString());
        if (r.error->line > 0) o.insert(QStringLiteral("line"), double(r.error->line));
        if (!r.error->field.isEmpty()) o.insert(QStringLiteral("field"), r.error->field);
    }
    return o;
}

static int runImport(Context &ctx) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Import data.binance.vision USD-M files (metrics, klines, fundingRate, aggTrades; .csv or .zip, or folders "
        "searched recursively). A sibling .CHECKSUM is verified. Each file is imported whole or not at all; "
        "re-importing the same content changes nothing. Also reads the third-party layouts of --format (realised "
        "liquidations, hourly liquidation totals, open interest, candles, funding). With --json, one JSON object per "
        "file and line."));
    p.addPositionalArgument(QStringLiteral("paths"), QStringLiteral("Files, zips or folders."), QStringLiteral("PATH..."));
    p.addOption({QStringLiteral("keep-trades"), QStringLiteral("Also store raw aggTrades rows (besides the per-minute profile).")});
    p.addOption({QStringLiteral("format"),
                 QStringLiteral("Third-party layout, when its header or file name does not say it: %1 "
                                "(docs/validation.md).").arg(thirdPartyFormatNames().join(QStringLiteral(", "))),
                 QStringLiteral("F")});
    p.addOption({QStringLiteral("exchange"),
                 QStringLiteral("Exchange of the series when a file does not name it (binance); keeps only that venue's "
                                "rows of a multi-venue file."), QStringLiteral("E")});
    p.addOption({QStringLiteral("symbol"),
                 QStringLiteral("Unified symbol (BTCUSDT) when a file does not name it; keeps only that symbol's rows."),
                 QStringLiteral("S")});
    p.addOption({QStringLiteral("tz-offset"),
                 QStringLiteral("UTC offset of times written without a zone, e.g. +06:00 (Coinalyze exports need it)."),
                 QStringLiteral("+HH:MM")});
    if (!ctx.parse(p)) return ctx.exitCode;
    if (p.positionalArguments().isEmpty()) return ctx.fail(QStringLiteral("no PATH given (see --help)"));
    auto store = ctx.openStore();
    if (!store) return kBadInput;
    ImportOptions opt;
    opt.keepTrades = p.isSet(QStringLiteral("keep-trades"));
    opt.format = p.value(QStringLiteral("format"));
    if (!opt.format.isEmpty() && !thirdPartyFormatByName(opt.format))
        return ctx.fail(Error(QStringLiteral("unknown format '%1' (one of %2)")
                                  .arg(opt.format, thirdPartyFormatNames().join(QStringLiteral(", "))),
                              {}, 0, QStringLiteral("format")));
    if (p.isSet(QStringLiteral("exchange"))) {
        opt.seriesExchange = p.value(QStringLiteral("exchange")).trimmed().toLower();
        if (opt.seriesExchange.isEmpty() || opt.seriesExchange.size() > 32)
            return ctx.fail(Error(QStringLiteral("give an exchange name"), {}, 0, QStringLiteral("exchange")));
        opt.exchange = opt.seriesExchange;
    }
    if (p.isSet(QStringLiteral("symbol"))) {
        opt.seriesSymbol = p.value(QStringLiteral("symbol")).trimmed().toUpper();
        if (opt.seriesSymbol.isEmpty() || opt.seriesSymbol.size() > 40)
            return ctx.fail(Error(QStringLiteral("give a symbol such as BTCUSDT"), {}, 0, QStringLiteral("symbol")));
    }
    if (p.isSet(QStringLiteral("tz-offset"))) {
        opt.zoneOffsetMs = parseZoneOffset(p.value(QStringLiteral("tz-offset")));
        if (!opt.zoneOffsetMs)
            return ctx.fail(Error(QStringLiteral("'%1' is not a UTC offset (e.g. +06:00)").arg(p.value(QStringLiteral("tz-offset"))),
                                  {}, 0, QStringLiteral("tz-offset")));
    }
    Importer importer(*store, opt);
    int refused = 0, read = 0;
    const std::vector<FileImportResult> results = importer.importPaths(p.positionalArguments(), [&](const FileImportResult &r) {
        if (r.error) {
            ++refused;
            ctx.fail(QStringLiteral("refused %1").arg(r.error->toString()));
        }
        if (!r.error && !r.unknownLayout) ++read;
        if (ctx.json) {
            ctx.printJson(QJsonDocument(toJson(r)));
        } else if (r.unknownLayout) {
            ctx.progress(QStringLiteral("skipped: unknown layout %1").arg(r.path));
        } else if (!r.error) {
            QString what = r.type;
            if (!r.interval.isEmpty()) what += QLatin1Char(' ') + r.interval;
            ctx.print(r.alreadyImported
                          ? QStringLiteral("%1: %2 %3 already imported").arg(r.path, what, r.symbol)
                          : QStringLiteral("%1: %2 %3 rows %4 skipped %5").arg(r.path, what, r.symbol).arg(r.rows).arg(r.skipped));
        }
    });
    // Silence with exit 0 would read as success: a folder of .CHECKSUM files only, say.
    if (results.empty() || (read == 0 && refused == 0))
        return ctx.fail(QStringLiteral("nothing to import in %1 (no data.binance.vision .csv or .zip files, and no "
                                       "third-party layout lhm reads)")
                            .arg(p.positionalArguments().join(QStringLiteral(", "))));
    return refused ? kBadInput : kOk;
}

LHM_COMMAND("import", "import data.binance.vision CSVs/zips/folders into the store", runImport);
