#pragma once
// The GUI's client of the Session document: pushes what the session holds into the views and
// turns its typed status into translated text (empty states, the banner, the status line). It
// holds no state of the view itself; ask the session.
#include "engine/Session.h"

#include <QList>
#include <QObject>

namespace lhm::ui {

class PlotView;

class ViewCoordinator : public QObject {
    Q_OBJECT
public:
    // Attaches every view to the session; their failures and empty states come from here.
    ViewCoordinator(Session *session, const QList<PlotView *> &views, QObject *parent = nullptr);

    Session *session() const { return session_; }
    void reload() { session_->reload(); }

    // Empty when the grid's newest input is recent; else a sentence saying how old it is.
    static QString staleMessage(const HeatmapGrid &g, qint64 nowMs);
    // "Data covers 2 d 12 h of the 90 d window" when the data is shorter than the window; else empty.
    static QString coverageMessage(const HeatmapGrid &g);
    // "Model parameters: profile fitted on … → … (lhm calibrate)." when the grid used a fitted profile; else empty.
    static QString profileMessage(const HeatmapGrid &g);
    QString bannerText() const { return banner_; }

signals:
    void bannerChanged(const QString &text);  // empty: hide the banner
    void statusChanged(const QString &text);
    void progressChanged(int percent);        // -1 when idle

private:
    void onStatus(const SessionStatus &s);
    void onViewFailed(RequestKind kind, const QString &detail);
    void showEmpty(RequestKind kind, const QString &title, const QString &hint);
    void updateBanner();
    QString noEstimateTitle() const;

    Session *session_;
    QList<PlotView *> views_;
    QString banner_;
};

}  // namespace lhm::ui
