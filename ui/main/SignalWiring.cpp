#include "main/SignalWiring.h"

#include "analysis/SignalHistory.h"
#include "common/Timeframe.h"
#include "engine/ExchangeAggregate.h"
#include "heatmap/HeatmapView.h"
#include "heatmap/SignalOverlay.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>

namespace lhm::ui {

namespace {
constexpr qint64 kHourMs = 3'600'000;
}

SignalWiring::SignalWiring(Session *session, HeatmapView *view, const QString &dbPath, QObject *parent)
    : QObject(parent), session_(session), overlay_(new SignalOverlay(view->plot())), dbPath_(dbPath) {
    connect(session_, &Session::gridChanged, this, [this](const GridPtr &grid, GridOrigin origin) {
        if (origin == GridOrigin::Live) return;
        if (session_->liveState() == LiveState::HistoryTooOld) {  // shown when live ends
            hiddenForLive_ = true;
            return;
        }
        // At start the cached grid comes first and the checked one, usually the same grid, right
        // after: the signals already computing for it stay (computing them twice was most of the
        // CPU spent before the first heatmap of a 1y window).
        const QString key = grid && grid->cols() > 0
                                ? session_->selection().request().cacheKey() +
                                      QStringLiteral("|%1|%2|%3").arg(grid->times.front()).arg(grid->times.back()).arg(grid->dataTo)
                                : QString();
        if (!key.isEmpty() && key == startedFor_) return;
        startedFor_ = key;
        start(grid);
    });
    // Live events shown on their own (history too old to roll): a signal of that history would
    // sit beside today's stream as if it were current. Back when live ends.
    connect(session_, &Session::liveStateChanged, this, [this](LiveState state) {
        if (state == LiveState::HistoryTooOld) {
            if (cancel_) cancel_->store(true);
            computing_ = false;
            overlay_->clear();
            hiddenForLive_ = true;
        } else if (state == LiveState::Off && hiddenForLive_) {
            hiddenForLive_ = false;
            start(session_->baseGrid());
        }
    });
}

SignalWiring::~SignalWiring() {
    if (cancel_) cancel_->store(true);
}

void SignalWiring::start(const GridPtr &grid) {
    if (cancel_) cancel_->store(true);
    const quint64 seq = ++seq_;
    if (!grid || grid->cols() == 0) {
        computing_ = false;
        overlay_->clear();
        emit computed();
        return;
    }
    if (isExchangeSelection(grid->exchange)) {
        // Signals are decided on one venue's candles and realised liquidations; a summed grid has no
        // such venue, and borrowing one would present its signal as the whole market's.
        computing_ = false;
        overlay_->setUnavailable(tr("per exchange: pick one exchange"));
        emit computed();
        return;
    }
    cancel_ = std::make_shared<std::atomic_bool>(false);
    computing_ = true;
    const HeatmapRequest view = session_->selection().request();
    FeatureRequest fr;
    fr.series.exchange = grid->exchange;
    fr.series.symbol = grid->symbol;
    fr.series.window = grid->window;
    fr.series.params = view.params;
    // Hourly bars, as `lhm signals` decides by default; finer when the view itself is finer.
    const qint64 gridStep = intervalMs(grid->interval).value_or(kHourMs);
    fr.series.params.interval = gridStep < kHourMs ? grid->interval : QStringLiteral("1h");
    fr.model = grid->model;
    fr.from = grid->times.front();
    fr.to = grid->times.back() + grid->intervalMs;
    const qint64 barMs = intervalMs(fr.series.params.interval).value_or(kHourMs);
    QPointer<SignalWiring> self(this);
    const QString db = dbPath_;
    const SignalParams params = params_;
    auto cancel = cancel_;
    QThreadPool::globalInstance()->start([self, db, fr, params, cancel, seq, barMs] {
        QString error;
        std::vector<Signal> sigs;
        if (auto store = Store::openReadOnly(db); !store) {
            error = store.error().message;
        } else {
            RunControl control;
            control.cancel = cancel.get();
            auto r = signalHistory(**store, fr, params, control);
            if (r) sigs = std::move(*r);
            else error = r.error().message;
        }
        if (cancel->load()) return;
        QMetaObject::invokeMethod(QCoreApplication::instance(), [self, sigs, error, seq, barMs] {
            if (!self || seq != self->seq_) return;  // a newer grid is being worked on
            self->computing_ = false;
            if (self->hiddenForLive_) {
                self->overlay_->clear();
            } else if (error.isEmpty()) {
                self->overlay_->setSignals(sigs, barMs);
            } else {
                self->overlay_->setUnavailable(error);
            }
            emit self->computed();
        });
    });
}

}  // namespace lhm::ui
