#pragma once
// Session: the document of one trader's view, headless. It owns the selection, asks CoreEngine for
// the grid, map and comparison, keeps what came back (the current grid is the engine's or, while
// live, its roll-forward), its coverage and age, and a typed status. Views observe it and render;
// the GUI's coordinator, the screenshot mode, alerts and a local API are its clients.
//
// How to use it:
//
//     Session s(engine);                                  // engine: a CoreEngine on the same thread
//     connect(&s, &Session::gridChanged, view, ...);      // (grid, origin): Cached, Fresh or Live
//     connect(&s, &Session::statusChanged, ...);          // SessionStatus: a code, never prose
//     connect(&s, &Session::settled, ...);                // every requested answer (or failure) is in
//     s.setSelection(sel);                                // recomputes; the same selection is a no-op
//     s.grid(); s.coverage(); s.dataAgeMs(); s.isStale(); // read the document at any time
//     s.setLive(true);                                    // live roll-forward of the focus symbol
//
// Nothing here is translated: ui/ turns codes into text (ui/main/SessionText).
#include "common/Clock.h"
#include "engine/CoreEngine.h"
#include "engine/HeatmapLod.h"
#include "engine/LiveSession.h"

#include <QObject>

namespace lhm {

// What the trader picked; maps onto a HeatmapRequest. `side` only filters what views draw.
struct Selection {
    QString exchange = QStringLiteral("binance");
    QString symbol = QStringLiteral("BTCUSDT");
    QString window = QStringLiteral("7d");
    QString model = QStringLiteral("binance_standard");
    double bucket = 0;  // USD per price bucket; 0 = automatic
    DensitySide side = DensitySide::Both;

    HeatmapRequest request() const;
    bool sameRequest(const Selection &o) const;  // equal apart from the side filter
    bool operator==(const Selection &o) const { return sameRequest(o) && side == o.side; }
    bool operator!=(const Selection &o) const { return !(*this == o); }
};

// What the shown data covers of the window asked for (ms). `from > requestedFrom`: shorter.
struct Coverage {
    qint64 requestedFrom = 0, from = 0, to = 0;
    bool known() const { return to > 0; }
    bool partial() const { return known() && from > requestedFrom; }
    static Coverage of(const HeatmapGrid &g) { return {g.requestedFrom, g.coverageFrom, g.coverageTo}; }
};

enum class GridOrigin { Cached, Fresh, Live };

struct SessionStatus {
    enum class Code {
        Idle,             // nothing asked yet
        Computing,        // `percent` done
        ShowingCached,    // a cached grid is shown while the fresh one computes
        Ready,            // the fresh grid is shown
        RecomputeFailed,  // a grid is shown but recomputing it failed: `detail`
        NoData,           // no grid for the selection: `detail` says why
        StoreUnreadable,  // the store cannot be opened or read: `detail`
    };
    Code code = Code::Idle;
    int percent = -1;
    QString detail;  // the engine's reason (names a file, a symbol, a window)
    bool operator==(const SessionStatus &o) const { return code == o.code && percent == o.percent && detail == o.detail; }
};

// Live roll-forward as the document sees it.
enum class LiveState { Off, Rolling, WaitingForGrid, HistoryTooOld };

class Session : public QObject {
    Q_OBJECT
public:
    explicit Session(CoreEngine *engine, const Clock &clock = SystemClock::instance(), QObject *parent = nullptr);

    void setSelection(const Selection &s);
    const Selection &selection() const { return sel_; }
    void reload();                          // recompute everything for the current selection
    void setComparisonWanted(bool wanted);  // the comparison computes every model: only when shown
    void refreshStoreInfo();

    GridPtr grid() const { return grid_; }          // what views show (live: the rolled grid)
    GridPtr baseGrid() const { return baseGrid_; }  // the engine's answer
    GridOrigin gridOrigin() const { return origin_; }
    MapPtr map() const { return map_; }
    ComparisonPtr comparison() const { return comparison_; }
    Coverage coverage() const { return grid_ ? Coverage::of(*grid_) : Coverage{}; }
    // Age of what the grid shows: now minus the end of its newest candle (capped by dataTo).
    qint64 dataAgeMs() const;
    bool isStale() const;  // older than two candles and at least an hour
    static qint64 shownTo(const HeatmapGrid &g);
    static bool isStale(const HeatmapGrid &g, qint64 nowMs);
    const SessionStatus &status() const { return status_; }
    const StoreSnapshot &storeInfo() const { return info_; }
    // Every answer asked for (grid, map, comparison when wanted) arrived or failed.
    bool isSettled() const;

    LiveSession *live() const { return live_; }
    // Defaults for starting live (store path, URL overrides, config); the focus is the selection.
    void setLiveOptions(const LiveOptions &o) { liveOpt_ = o; }
    std::optional<LiveError> setLive(bool on);
    bool isLive() const { return live_->isRunning(); }
    LiveState liveState() const;
    const Clock &clock() const { return clock_; }

signals:
    void selectionChanged(const lhm::Selection &selection);
    void gridChanged(lhm::GridPtr grid, lhm::GridOrigin origin);
    void mapChanged(lhm::MapPtr map);
    void comparisonChanged(lhm::ComparisonPtr comparison);
    // A map or comparison request failed (the grid's failures are in the status).
    void viewFailed(lhm::RequestKind kind, const QString &detail);
    void statusChanged(const lhm::SessionStatus &status);
    void storeInfoChanged(const lhm::StoreSnapshot &info);
    void liveChanged(bool on);
    void liveStateChanged(lhm::LiveState state);
    void settled();

private:
    void requestMapIfPending();
    void onHeatmap(quint64 id, GridPtr grid, bool fromCache);
    void onFailed(quint64 id, RequestKind kind, const QString &message);
    void setStatus(SessionStatus s);
    void checkSettled();

    CoreEngine *engine_;
    const Clock &clock_;
    LiveSession *live_;
    LiveOptions liveOpt_;
    Selection sel_;
    bool started_ = false;
    bool compareWanted_ = false, compareDirty_ = true;
    quint64 heatmapId_ = 0, mapId_ = 0, compareId_ = 0;
    bool heatmapDone_ = true, mapDone_ = true, compareDone_ = true;
    bool mapPending_ = false;  // reload() asked for a map that waits for the heatmap's first sign
    bool settledSent_ = true;
    GridPtr grid_, baseGrid_;
    GridOrigin origin_ = GridOrigin::Fresh;
    MapPtr map_;
    ComparisonPtr comparison_;
    SessionStatus status_;
    StoreSnapshot info_;
};

}  // namespace lhm

Q_DECLARE_METATYPE(lhm::Selection)
Q_DECLARE_METATYPE(lhm::SessionStatus)
Q_DECLARE_METATYPE(lhm::GridOrigin)
Q_DECLARE_METATYPE(lhm::LiveState)
