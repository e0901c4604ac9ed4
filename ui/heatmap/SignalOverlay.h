#pragma once
// The trading signals (`lhm signals`) on the heatmap: the current one as a badge in the plot's
// bottom-left corner, their history over the shown window as coloured marks along the time axis
// (one mark per run of bars with the same signal: AVOID orange, REVERSAL_OPPORTUNITY teal, WAIT
// grey, with a legend; NONE unmarked). Signals are estimates from modelled positions, and the badge says so.
#include "analysis/SignalRules.h"

#include <QColor>
#include <QObject>
#include <QString>
#include <vector>

class QCustomPlot;
class QCPItemText;
class QCPAbstractItem;

namespace lhm::ui {

class SignalOverlay : public QObject {
    Q_OBJECT
public:
    explicit SignalOverlay(QCustomPlot *plot);
    ~SignalOverlay() override;

    // Signals of consecutive bars of `barMs`, oldest first; the last is the current one.
    void setSignals(const std::vector<Signal> &sigs, qint64 barMs);
    // No signals for this view (no data, a failed run): the badge says why, no marks.
    void setUnavailable(const QString &why);
    void clear();

    QString badgeText() const;   // the whole text
    QString shownText() const;   // as drawn: each line elided to the plot's width
    // The whole text when the badge shows less of it (the tooltip over the badge), else empty.
    QString badgeToolTip() const;
    int markCount() const { return marks_; }  // runs drawn
    // Time span (s) and kind of each run drawn, oldest first (for tests).
    struct Run {
        double from = 0, to = 0;
        SignalKind kind = SignalKind::None;
    };
    const std::vector<Run> &runs() const { return runs_; }

    static QString signalText(SignalKind kind);  // translated name
    static QColor colour(SignalKind kind);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setBadgeText(const QString &text);
    void elide();
    void removeMarks();
    QString detail(const Signal &s) const;

    QCustomPlot *plot_;
    QCPItemText *badge_ = nullptr;
    QString full_;  // the badge's text before eliding
    std::vector<QCPItemText *> legend_;
    std::vector<QCPAbstractItem *> items_;
    std::vector<Run> runs_;
    int marks_ = 0;
};

}  // namespace lhm::ui
