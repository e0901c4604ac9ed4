#pragma once
// LiveSession: live mode without widgets. The GUI, `lhm live`, alerts and a local API all drive
// this one object; none of them filters symbols or rolls grids forward on its own.
//
// How to use it (on the thread that should receive the signals, usually the main thread):
//
//     LiveSession live;
//     LiveOptions o;
//     o.focusSymbol = "BTCUSDT";        // the symbol the focus signals and the roll-forward follow
//     o.exchanges = {};                 // empty: every exchange in exchanges.yaml that lists focusSymbol
//     o.symbols = {};                   // empty: every symbol those exchanges list (the tape shows them all)
//     o.dbPath = store;                 // empty: nothing is stored
//     connect(&live, &LiveSession::liquidations, ...);       // every symbol, coalesced to <= 25 batches/s
//     connect(&live, &LiveSession::focusLiquidations, ...);  // only focusSymbol
//     connect(&live, &LiveSession::focusPrice, ...);         // newest price of focusSymbol
//     connect(&live, &LiveSession::healthChanged, ...);      // one FeedHealth per exchange
//     connect(&live, &LiveSession::gridRolled, ...);         // the base grid rolled forward, <= 5/s
//     if (auto st = live.start(o); !st) show(st.error());    // a LiveError: code + argument, no prose
//     live.setBaseGrid(grid);                                // after every recompute of the focus symbol
//
// Roll-forward never projects stale history into today: when the newest tick is more than
// `maxRollGapMs` after the base grid's last column, the grid is not rolled (rollState() becomes
// HistoryTooOld and historyTooOld() fires once) and callers show the live events on their own.
#include "common/Error.h"
#include "config/ExchangesConfig.h"
#include "feeds/FeedTypes.h"
#include "heatmap/LiveHeatmap.h"

#include <QMap>
#include <QObject>
#include <QStringList>
#include <QThread>
#include <QTimer>
#include <optional>

namespace lhm {

namespace feeds {
class LiveController;
class AssetContextRecorder;
}

using GridPtr = std::shared_ptr<const HeatmapGrid>;

struct LiveOptions {
    QString focusSymbol;                  // unified; empty: no focus (all signals, no roll-forward)
    QStringList exchanges;                // empty: every configured exchange that lists focusSymbol
    QStringList symbols;                  // empty: every symbol those exchanges list
    QMap<QString, QString> urlOverrides;  // exchange -> ws:// URL (tests, replays)
    QString dbPath;                       // empty: do not store
    std::optional<ExchangesConfig> config;  // empty: ExchangesConfig::load()
    // Exchanges without open-interest history (Hyperliquid) get theirs recorded from the asset
    // contexts this often while live runs with a dbPath.
    int assetContextIntervalMs = 60000;
};

// Why live mode could not start. `detail` is the underlying error (file:line for the config).
struct LiveError {
    enum class Code { ConfigUnreadable, NoExchangeForSymbol, BadRequest, StoreUnavailable };
    Code code = Code::BadRequest;
    QString detail;
};

class LiveSession : public QObject {
    Q_OBJECT
public:
    enum class RollState { NoGrid, Rolling, HistoryTooOld };

    explicit LiveSession(QObject *parent = nullptr);
    ~LiveSession() override;

    qint64 maxRollGapMs = 24 * 3600'000LL;  // history older than this is not rolled into today

    // Resolves the options against exchanges.yaml and starts the feeds (restarts when running).
    std::optional<LiveError> start(const LiveOptions &options);
    void stop();
    bool isRunning() const;
    const LiveOptions &options() const { return opt_; }
    QStringList exchanges() const { return running_; }  // what the last start() follows

    // Restarts on the new focus symbol when running (with the same other options).
    std::optional<LiveError> setFocusSymbol(const QString &symbol);
    QString focusSymbol() const { return opt_.focusSymbol; }

    // A fresh grid of the focus symbol; ticks of its exchange roll it forward. Null clears.
    void setBaseGrid(GridPtr grid);
    GridPtr rolledGrid();  // the newest rolled state (the base grid until a tick moved it)
    RollState rollState() const { return rollState_; }
    double lastFocusPrice() const { return lastPrice_; }
    const LiveHeatmap &heatmap() const { return rolling_; }
    feeds::LiveController *controller() const { return controller_; }

signals:
    void started(const QStringList &exchanges);
    void stopped();
    void liquidations(const QList<lhm::LiquidationEvent> &events);       // all symbols
    void ticks(const QList<lhm::feeds::PriceTick> &ticks);               // all symbols
    void focusLiquidations(const QList<lhm::LiquidationEvent> &events);  // focus symbol only
    void focusPrice(double price, qint64 timeMs);
    void healthChanged(const QList<lhm::feeds::FeedHealth> &health);
    void gridRolled(lhm::GridPtr grid);
    void historyTooOld(qint64 gridEndMs, qint64 tickMs);
    void storeFailed(const QString &message);
    // Open interest recorded from an exchange's asset contexts (points stored for that minute).
    void openInterestRecorded(const QString &exchange, int points, qint64 minuteMs);
    void recordingFailed(const QString &message);

private:
    void onUpdated(const QList<LiquidationEvent> &events, const QList<feeds::PriceTick> &ticks);
    void startRecorder(const ExchangeDescriptor &exchange, const QStringList &symbols);
    void stopRecorders();

    feeds::LiveController *controller_ = nullptr;
    LiveOptions opt_;
    QStringList running_;
    LiveHeatmap rolling_;
    RollState rollState_ = RollState::NoGrid;
    double lastPrice_ = 0;
    QString baseExchange_;  // ticks of this exchange roll the grid
    qint64 rolledTo_ = 0;   // newest time the rolled grid reaches
    qint64 lastTickTime_ = 0;  // newest focus-symbol tick seen (exchange time)
    QTimer redraw_;  // coalesces rolled-forward grids to 5 per second
    std::vector<std::pair<QThread *, feeds::AssetContextRecorder *>> recorders_;
};

}  // namespace lhm
