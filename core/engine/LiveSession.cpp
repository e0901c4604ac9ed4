#include "engine/LiveSession.h"

#include "feeds/AssetContextRecorder.h"
#include "feeds/LiveController.h"

#include <algorithm>

namespace lhm {

LiveSession::LiveSession(QObject *parent) : QObject(parent) {
    qRegisterMetaType<GridPtr>();
    controller_ = new feeds::LiveController(this);
    connect(controller_, &feeds::LiveController::updated, this, &LiveSession::onUpdated);
    connect(controller_, &feeds::LiveController::healthUpdated, this, &LiveSession::healthChanged);
    connect(controller_, &feeds::LiveController::storeFailed, this, &LiveSession::storeFailed);
    redraw_.setSingleShot(true);
    redraw_.setInterval(200);
    connect(&redraw_, &QTimer::timeout, this, [this] {
        if (rollState_ == RollState::Rolling && rolling_.hasGrid()) emit gridRolled(rolling_.snapshot());
    });
}

LiveSession::~LiveSession() {
    stopRecorders();
    if (controller_->isRunning()) controller_->stop();
}

void LiveSession::startRecorder(const ExchangeDescriptor &e, const QStringList &symbols) {
    QMap<QString, QString> coins;
    for (const QString &s : symbols) coins.insert(e.nativeSymbol(s), s);
    auto *thread = new QThread;
    thread->setObjectName(QStringLiteral("lhm-%1-contexts").arg(e.name));
    auto *rec = new feeds::AssetContextRecorder(e.name, e.restUrl, opt_.dbPath, coins, opt_.assetContextIntervalMs);
    rec->moveToThread(thread);
    connect(thread, &QThread::finished, rec, &QObject::deleteLater);
    connect(rec, &feeds::AssetContextRecorder::recorded, this,
            [this, name = e.name](int points, qint64 minute) { emit openInterestRecorded(name, points, minute); });
    connect(rec, &feeds::AssetContextRecorder::failed, this, &LiveSession::recordingFailed);
    thread->start();
    QMetaObject::invokeMethod(rec, &feeds::AssetContextRecorder::start);
    recorders_.emplace_back(thread, rec);
}

void LiveSession::stopRecorders() {
    for (auto &[thread, rec] : recorders_) {
        QMetaObject::invokeMethod(rec, &feeds::AssetContextRecorder::stop, Qt::BlockingQueuedConnection);
        thread->quit();
        thread->wait();
        delete thread;
    }
    recorders_.clear();
}

bool LiveSession::isRunning() const { return controller_->isRunning(); }

std::optional<LiveError> LiveSession::start(const LiveOptions &options) {
    if (isRunning()) stop();
    opt_ = options;
    ExchangesConfig cfg;
    if (opt_.config) {
        cfg = *opt_.config;
    } else {
        auto loaded = ExchangesConfig::load();
        if (!loaded.ok()) return LiveError{LiveError::Code::ConfigUnreadable, loaded.error().toString()};
        cfg = std::move(loaded.value());
    }
    // One request per exchange, each with every symbol it lists unless the caller named symbols:
    // the tape shows the whole market, the focus signals only the focus symbol.
    std::vector<feeds::FeedOptions> all;
    QStringList names;
    std::vector<std::pair<const ExchangeDescriptor *, QStringList>> recordFrom;
    const QStringList wanted = opt_.exchanges.isEmpty() ? cfg.names() : opt_.exchanges;
    for (const QString &name : wanted) {
        const ExchangeConfig *e = cfg.find(name);
        if (opt_.exchanges.isEmpty() && (!e || !e->symbol(opt_.focusSymbol))) continue;
        feeds::LiveRequest req;
        req.exchanges = {name};
        if (!opt_.symbols.isEmpty()) req.symbols = opt_.symbols;
        else if (e)
            for (const ExchangeSymbolConfig &s : e->symbols) req.symbols << s.unified;
        if (opt_.urlOverrides.contains(name)) req.urlOverrides.insert(name, opt_.urlOverrides.value(name));
        auto resolved = feeds::LiveController::resolve(cfg, req);
        if (!resolved.ok()) return LiveError{LiveError::Code::BadRequest, resolved.error().toString()};
        for (auto &f : resolved.value()) all.push_back(std::move(f));
        names << name;
        if (e && e->recordsOpenInterestLive && !opt_.dbPath.isEmpty()) recordFrom.push_back({e, req.symbols});
    }
    // --url for an exchange that is not followed is a mistake the caller should hear about.
    for (auto it = opt_.urlOverrides.begin(); it != opt_.urlOverrides.end(); ++it)
        if (!names.contains(it.key()))
            return LiveError{LiveError::Code::BadRequest,
                             QStringLiteral("--url names '%1', which is not in --exchange").arg(it.key())};
    if (all.empty()) return LiveError{LiveError::Code::NoExchangeForSymbol, opt_.focusSymbol};
    if (Status s = controller_->start(std::move(all), opt_.dbPath); !s.ok())
        return LiveError{LiveError::Code::StoreUnavailable, s.error().toString()};
    stopRecorders();
    for (const auto &[e, symbols] : recordFrom) startRecorder(*e, symbols);
    running_ = names;
    emit started(running_);
    return std::nullopt;
}

void LiveSession::stop() {
    stopRecorders();
    if (!controller_->isRunning()) return;
    controller_->stop();
    redraw_.stop();
    emit stopped();
}

std::optional<LiveError> LiveSession::setFocusSymbol(const QString &symbol) {
    if (symbol == opt_.focusSymbol) return std::nullopt;
    opt_.focusSymbol = symbol;
    lastTickTime_ = 0;
    setBaseGrid(nullptr);  // until the new symbol's grid arrives
    lastPrice_ = 0;
    if (!isRunning()) return std::nullopt;
    LiveOptions o = opt_;
    return start(o);
}

void LiveSession::setBaseGrid(GridPtr grid) {
    // Only grids of the focus symbol; a new computation replaces the rolled-forward state.
    if (grid && grid->symbol != opt_.focusSymbol) grid = nullptr;
    rolling_.setGrid(grid);
    rollState_ = rolling_.hasGrid() ? RollState::Rolling : RollState::NoGrid;
    baseExchange_ = rolling_.hasGrid() ? grid->exchange : QString();
    rolledTo_ = rolling_.hasGrid() ? grid->times.back() + grid->intervalMs : 0;
    // A recompute that still ends long before the stream does not make the history usable.
    if (rolling_.hasGrid() && lastTickTime_ - rolledTo_ > maxRollGapMs) {
        rolling_.setGrid(nullptr);
        rollState_ = RollState::HistoryTooOld;
    }
}

GridPtr LiveSession::rolledGrid() { return rolling_.hasGrid() ? rolling_.snapshot() : nullptr; }

void LiveSession::onUpdated(const QList<LiquidationEvent> &events, const QList<feeds::PriceTick> &ticks) {
    if (!events.isEmpty()) emit liquidations(events);
    if (!ticks.isEmpty()) emit this->ticks(ticks);
    QList<LiquidationEvent> mine;
    for (const LiquidationEvent &e : events)
        if (opt_.focusSymbol.isEmpty() || e.symbol == opt_.focusSymbol) mine.push_back(e);
    if (!mine.isEmpty()) emit focusLiquidations(mine);

    // Trades of the grid's exchange roll the grid forward (consuming the levels they cross); the
    // newest tick of the focus symbol is its current price.
    bool rolled = false;
    qint64 lastTime = 0;
    double last = 0;
    for (const feeds::PriceTick &t : ticks) {
        if (t.symbol != opt_.focusSymbol || t.price <= 0) continue;
        last = t.price;
        lastTime = t.time;
        lastTickTime_ = std::max(lastTickTime_, t.time);
        if (rollState_ != RollState::Rolling || t.kind != feeds::PriceTick::Kind::Trade || t.exchange != baseExchange_)
            continue;
        if (t.time - rolledTo_ > maxRollGapMs) {
            rollState_ = RollState::HistoryTooOld;
            rolling_.setGrid(nullptr);
            emit historyTooOld(rolledTo_, t.time);
            continue;
        }
        if (rolling_.addTick(t.time, t.price, t.qty)) {
            rolled = true;
            rolledTo_ = std::max(rolledTo_, t.time);
        }
    }
    if (last > 0) {
        lastPrice_ = last;
        emit focusPrice(last, lastTime);
    }
    if (rolled && !redraw_.isActive()) redraw_.start();
}

}  // namespace lhm
