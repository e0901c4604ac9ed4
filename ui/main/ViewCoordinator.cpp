#include "main/ViewCoordinator.h"

#include "common/Format.h"
#include "common/Timeframe.h"
#include "common/PlotView.h"
#include "exchanges/ExchangeText.h"

namespace lhm::ui {

ViewCoordinator::ViewCoordinator(Session *session, const QList<PlotView *> &views, QObject *parent)
    : QObject(parent), session_(session), views_(views) {
    for (PlotView *v : views_) v->attach(session_);
    connect(session_, &Session::gridChanged, this, &ViewCoordinator::updateBanner);
    connect(session_, &Session::viewFailed, this, &ViewCoordinator::onViewFailed);
    connect(session_, &Session::statusChanged, this, &ViewCoordinator::onStatus);
    connect(session_, &Session::liveStateChanged, this, &ViewCoordinator::updateBanner);
}

QString ViewCoordinator::noEstimateTitle() const {
    const Selection &s = session_->selection();
    return tr("No estimate for %1 · %2 · %3").arg(s.symbol, ExchangeText::name(s.exchange), s.window);
}

void ViewCoordinator::showEmpty(RequestKind kind, const QString &title, const QString &hint) {
    for (PlotView *v : views_)
        if (v->input() == kind) {
            v->showEmpty(title, hint);
            emit v->rendered();
        }
}

void ViewCoordinator::onStatus(const SessionStatus &s) {
    const Selection &sel = session_->selection();
    switch (s.code) {
    case SessionStatus::Code::Idle: break;
    case SessionStatus::Code::Computing:
        emit progressChanged(std::max(0, s.percent));
        emit statusChanged(s.percent > 0 ? tr("Computing %1 %2… %3%").arg(sel.symbol, sel.window).arg(s.percent)
                                         : tr("Computing %1 %2…").arg(sel.symbol, sel.window));
        break;
    case SessionStatus::Code::ShowingCached: break;
    case SessionStatus::Code::Ready:
        emit progressChanged(-1);
        emit statusChanged({});
        break;
    case SessionStatus::Code::RecomputeFailed:
        emit progressChanged(-1);
        emit statusChanged(s.detail);
        break;
    case SessionStatus::Code::NoData:
        emit progressChanged(-1);
        showEmpty(RequestKind::Heatmap, noEstimateTitle(),
                  tr("%1\nOpen Data → Manage data… to download or import history.").arg(s.detail));
        emit statusChanged(s.detail);
        break;
    case SessionStatus::Code::StoreUnreadable:
        emit progressChanged(-1);
        showEmpty(RequestKind::Heatmap, tr("The database cannot be read"),
                  tr("%1\nChoose another file with --db, or move this one away to start afresh.").arg(s.detail));
        emit statusChanged(s.detail);
        break;
    }
    updateBanner();
}

void ViewCoordinator::onViewFailed(RequestKind kind, const QString &detail) {
    const QString hint = tr("%1\nOpen Data → Manage data… to download or import history.").arg(detail);
    showEmpty(kind, noEstimateTitle(), hint);
}

QString ViewCoordinator::staleMessage(const HeatmapGrid &g, qint64 nowMs) {
    if (!Session::isStale(g, nowMs)) return {};
    const qint64 shownTo = Session::shownTo(g);
    return tr("Offline data: the newest candle shown ended %1 ago (%2). The estimate does not show what happened since.")
        .arg(Format::age(nowMs - shownTo), Format::utcTime(shownTo));
}

QString ViewCoordinator::coverageMessage(const HeatmapGrid &g) {
    const Coverage c = Coverage::of(g);
    if (!c.partial()) return {};
    // The window's nominal length (the reduced grid's last column may end after the data does).
    const auto w = windowByName(g.window);
    const qint64 window = w ? w->lengthMs : (g.times.empty() ? c.to : g.times.back() + g.intervalMs) - c.requestedFrom;
    return tr("Data covers %1 of the %2 window (%3 → %4).")
        .arg(Format::age(std::max<qint64>(0, c.to - c.from)), Format::age(window), Format::utcTime(c.from),
             Format::utcTime(c.to));
}

QString ViewCoordinator::profileMessage(const HeatmapGrid &g) {
    if (g.profileFrom <= 0 || g.profileTo <= g.profileFrom) return {};
    return tr("Model parameters: profile fitted on %1 → %2 (lhm calibrate).")
        .arg(Format::utcTime(g.profileFrom), Format::utcTime(g.profileTo));
}

void ViewCoordinator::updateBanner() {
    const GridPtr g = session_->grid();
    QStringList parts;
    const SessionStatus &s = session_->status();
    const qint64 now = session_->clock().nowMs();
    if (g) {
        if (s.code == SessionStatus::Code::ShowingCached)
            parts << (g->computedAt > 0 ? tr("Showing the cached estimate computed %1 ago; recomputing…").arg(Format::age(now - g->computedAt))
                                        : tr("Showing the cached estimate; recomputing…"));
        if (s.code == SessionStatus::Code::RecomputeFailed) parts << tr("Could not recompute: %1").arg(s.detail);
        const QString cover = coverageMessage(*g);
        if (!cover.isEmpty()) parts << cover;
        const QString fitted = profileMessage(*g);
        if (!fitted.isEmpty()) parts << fitted;
        const QString venues = ExchangeText::banner(g->exchanges);  // "All exchanges": who is in, who is out
        if (!venues.isEmpty()) parts << venues;
        if (session_->liveState() == LiveState::HistoryTooOld)
            parts << tr("Live: the history ends more than a day before the live stream and could not be backfilled; "
                        "the heatmap is not rolled forward and live liquidations are shown on their own.");
        else if (!session_->isLive()) {
            const QString stale = staleMessage(*g, now);
            if (!stale.isEmpty()) parts << stale;
        }
    }
    const QString text = parts.join(QStringLiteral("  "));
    if (text == banner_) return;
    banner_ = text;
    emit bannerChanged(banner_);
}

}  // namespace lhm::ui
