#include "feeds/LiveController.h"

#include "common/UrlRedaction.h"
#include "config/ExchangesConfig.h"
#include "feeds/FeedWorker.h"
#include "feeds/LiveStoreWriter.h"

#include <QCoreApplication>
#include <QThread>
#include <QTimer>

namespace lhm::feeds {

LiveController::LiveController(QObject *parent) : QObject(parent) {
    qRegisterMetaType<FeedBatch>();
    qRegisterMetaType<FeedHealth>();
    qRegisterMetaType<QList<Candle>>();
    qRegisterMetaType<QList<OpenInterestPoint>>();
    uiTimer_ = new QTimer(this);
    uiTimer_->setSingleShot(true);
    connect(uiTimer_, &QTimer::timeout, this, &LiveController::emitCoalesced);
    connect(&supervisor_, &FeedSupervisor::changed, this, [this] {
        healthDirty_ = true;
        if (!uiTimer_->isActive()) uiTimer_->start(uiIntervalMs);
    });
}

LiveController::~LiveController() { stop(); }

Result<std::vector<FeedOptions>> LiveController::resolve(const ExchangesConfig &config, const LiveRequest &request) {
    std::vector<FeedOptions> out;
    if (request.exchanges.isEmpty()) return Error(QStringLiteral("no exchange given"));
    if (request.symbols.isEmpty()) return Error(QStringLiteral("no symbol given"));
    for (auto it = request.urlOverrides.begin(); it != request.urlOverrides.end(); ++it) {
        if (!request.exchanges.contains(it.key()))
            return Error(QStringLiteral("--url names '%1', which is not in --exchange").arg(it.key()));
        const QUrl url(it.value());
        if (!url.isValid() || (url.scheme() != QLatin1String("ws") && url.scheme() != QLatin1String("wss")) || url.host().isEmpty())
            return Error(QStringLiteral("--url %1=%2: expected ws://host:port/...").arg(it.key(), redactUrl(it.value())));
    }
    for (const QString &name : request.exchanges) {
        Exchange e;
        if (!exchangeFromName(name, &e))
            return Error(QStringLiteral("unknown exchange '%1' (%2)").arg(name, ExchangeRegistry::knownNames().join(QStringLiteral(", "))));
        const ExchangeConfig *cfg = config.find(QString::fromLatin1(exchangeName(e)));
        if (!cfg) return Error(QStringLiteral("exchange '%1' is not in exchanges.yaml").arg(name));
        const QStringList missing = FeedOptions::missingContractValues(e, *cfg, request.symbols);
        if (!missing.isEmpty())
            return Error(QStringLiteral("%1: no contract value for %2 in exchanges.yaml").arg(name, missing.join(u',')));
        out.push_back(FeedOptions::fromConfig(e, *cfg, request.symbols, request.urlOverrides.value(name)));
    }
    return out;
}

Status LiveController::start(std::vector<FeedOptions> feeds, const QString &dbPath) {
    if (isRunning()) return Error(QStringLiteral("live feeds already running"));
    supervisor_.clear();
    stored_ = 0;
    latencies_.clear();
    if (!dbPath.isEmpty()) {
        writerThread_ = new QThread(this);
        writerThread_->setObjectName(QStringLiteral("lhm-live-store"));
        writer_ = new LiveStoreWriter(dbPath);
        writer_->moveToThread(writerThread_);
        connect(writerThread_, &QThread::finished, writer_, &QObject::deleteLater);
        connect(writer_, &LiveStoreWriter::failed, this, &LiveController::storeFailed);
        writerThread_->start();
        QMetaObject::invokeMethod(writer_, &LiveStoreWriter::open, Qt::BlockingQueuedConnection);
        if (!writer_->lastError().isEmpty()) {
            const QString err = writer_->lastError();
            writerThread_->quit();
            writerThread_->wait();
            writerThread_ = nullptr;
            writer_ = nullptr;
            return Error(err);
        }
    }
    for (FeedOptions &o : feeds) {
        auto *thread = new QThread(this);
        thread->setObjectName(QStringLiteral("lhm-feed-%1").arg(QLatin1String(exchangeName(o.exchange))));
        auto *w = new FeedWorker(std::move(o));
        w->moveToThread(thread);
        connect(thread, &QThread::finished, w, &QObject::deleteLater);
        connect(w, &FeedWorker::batchReady, this, &LiveController::onBatch);
        connect(w, &FeedWorker::healthChanged, &supervisor_, &FeedSupervisor::update);
        if (writer_) {
            connect(w, &FeedWorker::batchReady, writer_, &LiveStoreWriter::add);
            connect(w, &FeedWorker::backfilled, writer_, &LiveStoreWriter::addBackfill);
        }
        thread->start();
        QMetaObject::invokeMethod(w, &FeedWorker::start, Qt::QueuedConnection);
        workers_.push_back(w);
        threads_.push_back(thread);
    }
    return Status::success();
}

void LiveController::stop() {
    if (workers_.empty() && !writer_) return;
    for (FeedWorker *w : workers_) QMetaObject::invokeMethod(w, &FeedWorker::stop, Qt::BlockingQueuedConnection);
    // The workers' last batches are queued to the writer ahead of this call, so they get stored.
    if (writer_) {
        QMetaObject::invokeMethod(writer_, &LiveStoreWriter::close, Qt::BlockingQueuedConnection);
        stored_ = writer_->inserted();
        latencies_ = writer_->latenciesMs();
    }
    for (QThread *t : threads_) {
        t->quit();
        t->wait();
    }
    // Deliver the batches and health queued to this thread before the threads stopped.
    QCoreApplication::sendPostedEvents(this);
    QCoreApplication::sendPostedEvents(&supervisor_);
    emitCoalesced();
    workers_.clear();
    qDeleteAll(threads_);
    threads_.clear();
    if (writerThread_) {
        writerThread_->quit();
        writerThread_->wait();
        delete writerThread_;
        writerThread_ = nullptr;
        writer_ = nullptr;  // deleted by the thread's finished()
    }
}

qint64 LiveController::storedEvents() const { return writer_ ? writer_->inserted() : stored_; }

void LiveController::onBatch(const FeedBatch &batch) {
    pending_.liquidations.append(batch.liquidations);
    pending_.ticks.append(batch.ticks);
    if (!uiTimer_->isActive()) uiTimer_->start(uiIntervalMs);
}

void LiveController::emitCoalesced() {
    uiTimer_->stop();
    if (!pending_.isEmpty()) {
        FeedBatch out;
        std::swap(out, pending_);
        emit updated(out.liquidations, out.ticks);
    }
    if (healthDirty_) {
        healthDirty_ = false;
        emit healthUpdated(supervisor_.snapshot());
    }
}

}  // namespace lhm::feeds
