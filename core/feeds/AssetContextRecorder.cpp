#include "feeds/AssetContextRecorder.h"

#include "common/RowValidation.h"
#include "common/UrlRedaction.h"
#include "ingest/history/HistorySource.h"
#include "store/Store.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace lhm::feeds {

AssetContextRecorder::AssetContextRecorder(QString exchange, QString restBase, QString dbPath, QMap<QString, QString> nativeToUnified,
                                           int intervalMs, const Clock *clock)
    : exchange_(std::move(exchange)), base_(std::move(restBase)), dbPath_(std::move(dbPath)), coins_(std::move(nativeToUnified)),
      intervalMs_(intervalMs), clock_(clock) {}

AssetContextRecorder::~AssetContextRecorder() = default;

std::unique_ptr<HistorySource> AssetContextRecorder::source() const { return createHistorySource(exchange_, base_); }

void AssetContextRecorder::start() {
    // Created here, in the thread the recorder runs on.
    if (!nam_) nam_ = new QNetworkAccessManager(this);
    if (!timer_) {
        timer_ = new QTimer(this);
        connect(timer_, &QTimer::timeout, this, &AssetContextRecorder::pollNow);
    }
    timer_->start(intervalMs_);
    pollNow();
}

void AssetContextRecorder::stop() {
    if (timer_) timer_->stop();
    store_.reset();
}

void AssetContextRecorder::pollNow() {
    if (busy_ || !nam_) return;
    const QString what = QStringLiteral("%1 asset contexts").arg(exchange_);
    std::shared_ptr<const HistorySource> src = source();
    const std::optional<HistoryRequest> ask = src ? src->openInterestSnapshot() : std::nullopt;
    if (!ask) {
        emit failed(QStringLiteral("%1: the exchange has no open-interest snapshot").arg(what));
        return;
    }
    busy_ = true;
    QNetworkRequest req(ask->url);
    req.setTransferTimeout(timeoutMs);
    QNetworkReply *r;
    if (ask->postBody.isEmpty()) {
        r = nam_->get(req);
    } else {
        req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        r = nam_->post(req, ask->postBody);
    }
    connect(r, &QNetworkReply::downloadProgress, r, [r, max = maxBodyBytes](qint64 got, qint64 total) {
        if (got > max || total > max) r->abort();
    });
    connect(r, &QNetworkReply::finished, this, [this, r, src, what] {
        r->deleteLater();
        busy_ = false;
        if (r->error() != QNetworkReply::NoError) {
            emit failed(QStringLiteral("%1: %2").arg(what, redactUrlsIn(r->errorString())));
            return;
        }
        auto ctxs = src->parseOpenInterestSnapshot(r->readAll());
        if (!ctxs) {
            emit failed(QStringLiteral("%1: %2").arg(what, ctxs.error().message));
            return;
        }
        // The answer carries no time: the point belongs to the minute it was asked in.
        const qint64 now = clock_->nowMs();
        const qint64 minute = now - now % 60000;
        if (!store_) {
            auto opened = Store::open(dbPath_);
            if (!opened) {
                emit failed(QStringLiteral("%1: %2").arg(what, opened.error().toString()));
                return;
            }
            store_ = std::move(*opened);
        }
        int points = 0;
        for (const AssetOpenInterest &c : *ctxs) {
            const auto it = coins_.constFind(c.native);
            if (it == coins_.constEnd()) continue;
            OpenInterestPoint p;
            p.time = minute;
            p.openInterest = c.openInterest;
            p.openInterestValue = c.openInterest * c.markPrice;
            if (auto bad = validateRow(p, now)) {
                emit failed(QStringLiteral("%1: %2 %3").arg(what, bad->field, bad->message));
                continue;
            }
            if (Status s = store_->insertOpenInterest(SeriesKey{exchange_, *it, QString()}, {p}); !s) {
                emit failed(QStringLiteral("%1: %2").arg(what, s.error().toString()));
                return;
            }
            ++points;
        }
        emit recorded(points, minute);
    });
}

}  // namespace lhm::feeds
