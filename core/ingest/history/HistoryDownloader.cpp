#include "ingest/history/HistoryDownloader.h"

#include "common/RowValidation.h"
#include "common/Timeframe.h"
#include "common/UrlRedaction.h"
#include "ingest/download/HttpFetcher.h"
#include "ingest/download/VisionLayout.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <algorithm>

namespace lhm {

const char *historyStatusName(HistorySeriesResult::Status s) {
    switch (s) {
    case HistorySeriesResult::Status::Imported: return "imported";
    case HistorySeriesResult::Status::AlreadyComplete: return "already-complete";
    case HistorySeriesResult::Status::Failed: return "failed";
    case HistorySeriesResult::Status::Cancelled: return "cancelled";
    }
    return "?";
}

bool HistorySummary::ok() const {
    if (fatal || cancelled) return false;
    for (const HistorySeriesResult &r : series)
        if (r.status == HistorySeriesResult::Status::Failed || r.status == HistorySeriesResult::Status::Cancelled) return false;
    return true;
}

HistoryDownloader::HistoryDownloader(Store &store, const ExchangeDescriptor &exchange, const HistorySource &source,
                                     HistoryOptions options, QObject *parent)
    : QObject(parent), store_(store), exchange_(exchange), source_(source), options_(options) {
    qRegisterMetaType<lhm::HistorySeriesResult>();
}

namespace {

Error argError(const QString &message, const char *field) { return Error(message, {}, 0, QString::fromLatin1(field)); }

SeriesKey keyOf(const QString &exchange, const HistorySeries &s) {
    SeriesKey k;
    k.exchange = exchange;
    k.symbol = s.symbol;
    if (s.type == HistoryType::Klines) k.interval = s.interval;
    return k;
}

}  // namespace

Result<std::vector<HistorySeries>> HistoryDownloader::plan(const ExchangeDescriptor &ex, const HistorySource &source,
                                                          const HistoryPlanRequest &r, qint64 nowMs) {
    static const QRegularExpression symbolRe(QStringLiteral("^[A-Z0-9]{2,30}$"));
    if (r.symbols.isEmpty()) return argError(QStringLiteral("no symbol given (e.g. --symbol BTCUSDT)"), "symbol");
    for (const QString &s : r.symbols) {
        if (!symbolRe.match(s).hasMatch()) return argError(QStringLiteral("'%1' is not a symbol like BTCUSDT").arg(s), "symbol");
        if (ex.contractValue(s) <= 0)
            return argError(QStringLiteral("%1 sizes are contracts and config/exchanges.yaml has no contract value for %2").arg(ex.name, s),
                            "symbol");
    }
    if (!r.from.isValid() || !r.to.isValid()) return argError(QStringLiteral("dates must be YYYY-MM-DD"), "from");
    if (r.from > r.to) return argError(QStringLiteral("--from %1 is after --to %2").arg(r.from.toString(Qt::ISODate), r.to.toString(Qt::ISODate)), "from");
    if (r.from < VisionLayout::kEarliestDay)
        return argError(QStringLiteral("%1 is before %2").arg(r.from.toString(Qt::ISODate), VisionLayout::kEarliestDay.toString(Qt::ISODate)), "from");
    const QDate latest = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC).date().addDays(1);
    if (r.to > latest) return argError(QStringLiteral("%1 is in the future").arg(r.to.toString(Qt::ISODate)), "to");
    if (r.from.daysTo(r.to) + 1 > VisionLayout::kMaxDays)
        return argError(QStringLiteral("%1 days: at most %2 days per download (split the range)").arg(r.from.daysTo(r.to) + 1).arg(VisionLayout::kMaxDays),
                        "to");
    if (r.types.empty()) return argError(QStringLiteral("no type given"), "types");
    const qint64 from = QDateTime(r.from, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const qint64 to = QDateTime(r.to.addDays(1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    std::vector<HistorySeries> out;
    for (const QString &symbol : r.symbols) {
        for (HistoryType t : r.types) {
            if (!source.supports(t)) {
                if (t == HistoryType::OpenInterest && ex.recordsOpenInterestLive)
                    return argError(QStringLiteral("%1 publishes no open-interest history; it is recorded from the asset contexts while the "
                                                   "app, `lhm live` or `lhm alerts watch` runs")
                                        .arg(ex.displayName),
                                    "types");
                return argError(QStringLiteral("%1 has no %2 history").arg(ex.displayName, QLatin1String(historyTypeName(t))), "types");
            }
            HistorySeries s;
            s.symbol = symbol;
            s.native = ex.nativeSymbol(symbol);
            s.type = t;
            s.contractValue = ex.contractValue(symbol);
            s.fundingIntervalHours = ex.fundingIntervalHours;
            switch (t) {
            case HistoryType::Klines: {
                const auto ms = intervalMs(r.interval);
                if (!ms || source.klineInterval(r.interval).isEmpty())
                    return argError(QStringLiteral("%1 has no '%2' candles (e.g. 1m, 5m, 1h)").arg(ex.displayName, r.interval), "interval");
                s.interval = r.interval;
                s.stepMs = *ms;
                break;
            }
            case HistoryType::OpenInterest:
                s.interval = ex.history.openInterestInterval;
                s.stepMs = intervalMs(s.interval).value_or(300000);
                break;
            case HistoryType::Funding: s.stepMs = qint64(ex.fundingIntervalHours) * 3600000; break;
            }
            // Only closed periods: the row of the period still open would change after we store it.
            s.from = from;
            s.to = std::min(to, nowMs - nowMs % s.stepMs);
            if (s.to > s.from) out.push_back(s);
        }
    }
    return out;
}

std::vector<TimeRange> HistoryDownloader::missingRanges(Store &store, const QString &exchange, const HistorySeries &s) {
    std::vector<TimeRange> out;
    if (s.to <= s.from || s.stepMs <= 0) return out;
    const qint64 first = (s.from + s.stepMs - 1) / s.stepMs, last = (s.to - 1) / s.stepMs;  // slots k·step in [from, to)
    if (last < first) return out;
    std::vector<bool> present(size_t(last - first + 1), false);
    const auto mark = [&](qint64 t) {
        const qint64 k = t / s.stepMs;
        if (k >= first && k <= last) present[size_t(k - first)] = true;
    };
    const SeriesKey key = keyOf(exchange, s);
    const TimeRange r{first * s.stepMs, s.to};
    switch (s.type) {
    case HistoryType::Klines:
        for (const Candle &c : store.candles(key, r)) mark(c.openTime);
        break;
    case HistoryType::OpenInterest:
        for (const OpenInterestPoint &p : store.openInterest(key, r)) mark(p.time);
        break;
    case HistoryType::Funding:
        for (const FundingPoint &f : store.funding(key, r)) mark(f.time);
        break;
    }
    // Holes closer than one page's worth of rows are fetched as one range: fewer requests, and an
    // exchange's own scattered gaps do not turn a re-run into thousands of tiny requests.
    constexpr qint64 kMergeSlots = 200;
    qint64 k = first;
    while (k <= last) {
        if (present[size_t(k - first)]) {
            ++k;
            continue;
        }
        qint64 end = k;
        while (end + 1 <= last && !present[size_t(end + 1 - first)]) ++end;
        const TimeRange hole{std::max(s.from, k * s.stepMs), std::min(s.to, (end + 1) * s.stepMs)};
        if (!out.empty() && hole.from - out.back().to < kMergeSlots * s.stepMs) out.back().to = hole.to;
        else out.push_back(hole);
        k = end + 1;
    }
    return out;
}

HistorySummary HistoryDownloader::run(const std::vector<HistorySeries> &series) {
    HistorySummary summary;
    QNetworkAccessManager nam;
    HttpLimits limits;
    limits.transferTimeoutMs = options_.transferTimeoutMs;
    HttpFetcher http(nam, cancel_, limits);
    emit started(int(series.size()));
    for (int i = 0; i < int(series.size()); ++i) {
        std::optional<Error> fatal;
        emit seriesStarted(i, series[size_t(i)].name());
        HistorySeriesResult r = fetchSeries(i, series[size_t(i)], http, fatal);
        summary.series.push_back(r);
        emit seriesFinished(i, r);
        if (fatal) {
            summary.fatal = fatal;
            summary.offline = true;
            break;
        }
        if (r.status == HistorySeriesResult::Status::Cancelled) {
            summary.cancelled = true;
            break;
        }
    }
    // Bybit reports open interest in base units only: its USD value comes from the close of the
    // candle opening at the same time (1m candles first, then the interval just downloaded).
    QStringList filled;
    for (const HistorySeries &s : series) {
        if (s.type != HistoryType::OpenInterest || filled.contains(s.symbol)) continue;
        filled << s.symbol;
        QStringList intervals{QStringLiteral("1m")};
        for (const HistorySeries &k : series)
            if (k.type == HistoryType::Klines && k.symbol == s.symbol && !intervals.contains(k.interval)) intervals << k.interval;
        for (const QString &iv : intervals) (void)store_.fillOpenInterestValue(keyOf(exchange_.name, s), iv);
    }
    return summary;
}

HistorySeriesResult HistoryDownloader::fetchSeries(int index, const HistorySeries &s, HttpFetcher &http, std::optional<Error> &fatal) {
    HistorySeriesResult result;
    result.series = s;
    const std::vector<TimeRange> holes = missingRanges(store_, exchange_.name, s);
    if (holes.empty()) {
        result.status = HistorySeriesResult::Status::AlreadyComplete;
        return result;
    }
    const SeriesKey key = keyOf(exchange_.name, s);
    const QString source = QStringLiteral("%1 %2").arg(exchange_.name, source_.endpoint(s.type));
    qint64 span = 0, covered = 0;
    for (const TimeRange &h : holes) span += h.length();
    const auto failWith = [&](const QString &message) {
        result.status = HistorySeriesResult::Status::Failed;
        result.message = message;
        return result;
    };
    for (const TimeRange &hole : holes) {
        HistorySeries part = s;
        part.from = hole.from;
        part.to = hole.to;
        std::optional<HistoryRequest> req = source_.first(part);
        QByteArray previous;
        while (req) {
            const QString where = QStringLiteral("%1 page %2").arg(source, QString::number(req->page));
            const QByteArray identity = req->url.toEncoded() + '\n' + req->postBody;
            if (identity == previous) return failWith(QStringLiteral("%1: the next page repeats the previous request").arg(where));
            previous = identity;
            if (req->page > options_.maxPagesPerSeries)
                return failWith(QStringLiteral("%1: more than %2 pages").arg(where).arg(options_.maxPagesPerSeries));
            HttpReply reply;
            for (int attempt = 1;; ++attempt) {
                const qint64 wait = lastRequestMs_ + options_.minRequestIntervalMs - QDateTime::currentMSecsSinceEpoch();
                if (wait > 0 && !http.sleep(int(wait))) break;
                lastRequestMs_ = QDateTime::currentMSecsSinceEpoch();
                reply = req->postBody.isEmpty() ? http.get(req->url, options_.maxBodyBytes)
                                                : http.post(req->url, req->postBody, options_.maxBodyBytes);
                if (reply.ok() || reply.cancelled) break;
                const QString why = reply.status > 0 ? QStringLiteral("HTTP %1").arg(reply.status) : reply.errorString;
                if (reply.hostUnreachable()) {
                    fatal = Error(QStringLiteral("cannot reach %1: %2").arg(redactUrl(req->url), reply.errorString));
                    return failWith(fatal->message);
                }
                if (!reply.retriable() || attempt >= options_.maxAttempts)
                    return failWith(QStringLiteral("%1: %2 from %3 (after %4 attempts)").arg(where, why, redactUrl(req->url)).arg(attempt));
                int delay = reply.retryAfterMs >= 0
                                ? reply.retryAfterMs
                                : std::min(options_.maxRetryDelayMs, options_.retryBaseDelayMs << std::min(attempt - 1, 10));
                if (reply.retryAfterMs < 0 && delay > 0) delay += int(QRandomGenerator::global()->bounded(delay / 2 + 1));
                emit retrying(index, attempt, delay, why);
                if (!http.sleep(delay)) break;
            }
            if (cancel_.load() || reply.cancelled) {
                result.status = HistorySeriesResult::Status::Cancelled;
                return result;
            }
            auto page = source_.parse(part, reply.body);
            if (!page) {
                const Error &e = page.error();
                return failWith(QStringLiteral("%1: %2%3").arg(where, e.message, e.field.isEmpty() ? QString() : QStringLiteral(" (field %1)").arg(e.field)));
            }
            ++result.pages;
            // Rows outside the asked range (exchanges round bounds) are left for another run.
            const auto inRange = [&](qint64 t) { return t >= part.from && t < part.to; };
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            qint64 inserted = 0;
            Status stored;
            const auto put = [&](auto rows, auto timeOf, auto insert) -> std::optional<QString> {
                rows.erase(std::remove_if(rows.begin(), rows.end(), [&](const auto &row) { return !inRange(timeOf(row)); }), rows.end());
                using Row = typename decltype(rows)::value_type;
                if (auto bad = firstInvalid<Row>(rows, now))
                    return rowError(bad->second, where + QStringLiteral(" row"), bad->first + 1).toString();
                result.rows += qint64(rows.size());
                stored = insert(rows);
                return std::nullopt;
            };
            std::optional<QString> bad;
            if (!page->candles.empty())
                bad = put(page->candles, [](const Candle &c) { return c.openTime; },
                          [&](const std::vector<Candle> &r) { return store_.insertCandles(key, r, &inserted); });
            else if (!page->openInterest.empty())
                bad = put(page->openInterest, [](const OpenInterestPoint &p) { return p.time; },
                          [&](const std::vector<OpenInterestPoint> &r) { return store_.insertOpenInterest(key, r, &inserted); });
            else if (!page->funding.empty())
                bad = put(page->funding, [](const FundingPoint &f) { return f.time; },
                          [&](const std::vector<FundingPoint> &r) { return store_.insertFunding(key, r, &inserted); });
            if (bad) return failWith(*bad);
            if (!stored) return failWith(QStringLiteral("%1: store: %2").arg(where, stored.error().toString()));
            result.inserted += inserted;
            if (page->size() > 0) {
                const qint64 done = std::clamp<qint64>(std::max(part.to - page->oldest(), page->newest() - part.from), 0, hole.length());
                emit seriesProgress(index, req->page, span > 0 ? double(covered + done) / double(span) : 1.0);
            }
            req = source_.next(part, *req, *page);
        }
        covered += hole.length();
        emit seriesProgress(index, result.pages, span > 0 ? double(covered) / double(span) : 1.0);
    }
    return result;
}

}  // namespace lhm
