#include "ingest/thirdparty/ThirdPartyImporter.h"

#include "common/Log.h"
#include "config/ExchangesConfig.h"
#include "ingest/Sha256.h"
#include "ingest/VisionFile.h"
#include "ingest/thirdparty/ThirdPartyParser.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>

namespace lhm {

namespace {
constexpr qint64 kMaxFileBytes = 512LL << 20;  // these exports are a few MB; anything huge is a mistake
}

bool isImportableFile(const QString &path, const ImportOptions &options) {
    if (!options.format.isEmpty()) return true;
    if (auto vision = parseVisionFileName(path); vision && vision->type != DataType::Unknown) return true;
    if (path.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive)) return true;
    QFile peek(path);
    if (!peek.open(QIODevice::ReadOnly)) return true;  // the import reports why it cannot be read
    return detectThirdPartyFormat(path, peek.readLine(4096)).has_value();
}

std::optional<FileImportResult> importThirdPartyFile(Store &store, const QString &path, const ImportOptions &options,
                                                     const std::function<void(qint64, qint64)> &progress,
                                                     const std::atomic_bool *cancel) {
    FileImportResult r;
    r.path = path;
    auto refuse = [&](Error e) {
        if (e.file.isEmpty()) e.file = path;
        r.error = std::move(e);
        r.rows = r.skipped = 0;
        return r;
    };
    std::optional<ThirdPartyFormat> format;
    if (!options.format.isEmpty()) {
        format = thirdPartyFormatByName(options.format);
        if (!format)
            return refuse(Error(QStringLiteral("unknown format '%1' (one of %2)")
                                    .arg(options.format, thirdPartyFormatNames().join(QStringLiteral(", "))),
                                {}, 0, QStringLiteral("format")));
    } else {
        if (auto vision = parseVisionFileName(path); vision && vision->type != DataType::Unknown) return std::nullopt;
        if (path.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive)) return std::nullopt;
        QFile peek(path);
        if (!peek.open(QIODevice::ReadOnly)) return std::nullopt;  // the regular path reports it
        format = detectThirdPartyFormat(path, peek.readLine(kMaxFileBytes > 4096 ? 4096 : kMaxFileBytes));
        if (!format) return std::nullopt;
    }
    r.type = thirdPartyFormatName(*format);

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return refuse(Error(QStringLiteral("cannot open: %1").arg(file.errorString())));
    if (file.size() > kMaxFileBytes)
        return refuse(Error(QStringLiteral("file is %1 MB, more than the %2 MB these layouts are read whole up to")
                                .arg(file.size() >> 20).arg(kMaxFileBytes >> 20)));
    const QByteArray content = file.readAll();
    if (content.isEmpty()) return refuse(Error(QStringLiteral("empty file")));
    Sha256 hash;
    hash.add(content.constData(), content.size());
    const QByteArray sha = hash.hexResult();
    if (store.findImport(sha)) {
        r.alreadyImported = true;
        return r;
    }
    if (cancel && cancel->load()) return refuse(Error(QStringLiteral("import cancelled")));

    auto exchanges = ExchangesConfig::load();
    ThirdPartyOptions po;
    po.exchange = options.seriesExchange;
    po.symbol = options.seriesSymbol;
    po.zoneOffsetMs = options.zoneOffsetMs;
    po.exchanges = exchanges ? &*exchanges : nullptr;
    auto parsed = parseThirdParty(content, path, *format, po);
    if (!parsed) return refuse(parsed.error());
    ThirdPartyData &d = *parsed;
    if (progress) progress(content.size() / 2, content.size());

    Transaction tx = store.transaction();
    if (!tx.ok()) return refuse(Error(QStringLiteral("cannot start a transaction"), store.path()));
    qint64 inserted = 0, stored = 0;
    QStringList symbols;
    auto note = [&](const SeriesId &id) {
        if (!symbols.contains(id.second)) symbols << id.second;
    };
    // Each insert reports its new rows through `inserted`; count them after the call returns.
    auto add = [&](const Status &s) {
        stored += inserted;
        inserted = 0;
        return s;
    };
    for (auto &[id, rows] : d.candles) {
        note(id);
        if (Status s = add(store.insertCandles({id.first, id.second, QStringLiteral("1h")}, rows, &inserted)); !s)
            return refuse(s.error());
    }
    for (auto &[id, rows] : d.openInterest) {
        note(id);
        if (Status s = add(store.insertOpenInterest({id.first, id.second, {}}, rows, &inserted)); !s)
            return refuse(s.error());
    }
    for (auto &[id, rows] : d.funding) {
        note(id);
        if (Status s = add(store.insertFunding({id.first, id.second, {}}, rows, &inserted)); !s)
            return refuse(s.error());
    }
    for (auto &[id, rows] : d.hourly) {
        note(id);
        if (Status s = add(store.insertHourlyLiquidations({id.first, id.second, {}}, r.type, rows, &inserted)); !s)
            return refuse(s.error());
    }
    if (!d.events.empty()) {
        for (const LiquidationEvent &e : d.events) note({e.exchange, e.symbol});
        if (Status s = add(store.insertLiquidations(d.events, &inserted)); !s) return refuse(s.error());
    }
    // Open interest in base units becomes USD once the same hour's candle is there, whichever of
    // the two files came first.
    for (const auto &[id, rows] : d.candles)
        if (auto n = store.fillOpenInterestValue({id.first, id.second, {}}, QStringLiteral("1h")); !n) return refuse(n.error());
    for (const auto &[id, rows] : d.openInterest)
        if (auto n = store.fillOpenInterestValue({id.first, id.second, {}}, QStringLiteral("1h")); !n) return refuse(n.error());

    symbols.sort();
    r.symbol = d.symbol.isEmpty() ? symbols.join(QLatin1Char(',')) : d.symbol;
    if (symbols.size() > 20) r.symbol = QStringLiteral("%1 symbols").arg(symbols.size());
    r.interval = d.candles.empty() ? QString() : QStringLiteral("1h");
    r.rows = stored;
    r.skipped = d.rows - d.filtered - stored;
    ImportRecord rec{QFileInfo(path).fileName(), content.size(), sha, r.type, r.symbol.left(200), r.interval, r.rows,
                     r.skipped, QDateTime::currentMSecsSinceEpoch()};
    if (Status s = store.logImport(rec); !s) return refuse(s.error());
    if (Status s = tx.commit(); !s) return refuse(s.error());
    if (progress) progress(content.size(), content.size());
    qCDebug(lcIngest) << path << r.type << r.symbol << "rows" << r.rows << "skipped" << r.skipped;
    return r;
}

}  // namespace lhm
