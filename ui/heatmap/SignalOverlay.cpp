#include "heatmap/SignalOverlay.h"

#include "common/Format.h"

#include <QMouseEvent>
#include <QToolTip>
#include <qcustomplot.h>

namespace lhm::ui {

namespace {
// The marks' strip along the bottom of the plot, as a share of its height.
constexpr double kStripTop = 0.972, kStripBottom = 1.0;
}  // namespace

SignalOverlay::SignalOverlay(QCustomPlot *plot) : QObject(plot), plot_(plot) {
    badge_ = new QCPItemText(plot_);
    badge_->setObjectName(QStringLiteral("signalBadge"));
    badge_->position->setType(QCPItemPosition::ptAxisRectRatio);
    // Bottom left, just above the marks: the top left holds the ESTIMATE badge.
    badge_->position->setCoords(0.01, kStripTop - 0.01);
    badge_->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    badge_->setTextAlignment(Qt::AlignLeft);
    badge_->setPadding(QMargins(6, 3, 6, 3));
    badge_->setBrush(QColor(0, 0, 0, 150));  // reads over the dark map in both themes
    badge_->setColor(Qt::white);
    QFont f = badge_->font();
    f.setBold(true);
    badge_->setFont(f);
    badge_->setVisible(false);
    // The marks' legend, one entry per colour, in a row just above the badge.
    QCPItemText *left = nullptr;
    for (SignalKind k : {SignalKind::Avoid, SignalKind::Reversal, SignalKind::Wait}) {
        auto *entry = new QCPItemText(plot_);
        entry->position->setParentAnchor(left ? left->right : badge_->topLeft);
        entry->position->setCoords(left ? 4 : 0, left ? 0 : -3);
        entry->setPositionAlignment(left ? (Qt::AlignLeft | Qt::AlignVCenter) : (Qt::AlignLeft | Qt::AlignBottom));
        entry->setText(QStringLiteral("■ ") + signalText(k));
        entry->setColor(colour(k));
        entry->setBrush(QColor(0, 0, 0, 150));
        entry->setPadding(QMargins(4, 1, 4, 1));
        entry->setSelectable(false);
        entry->setVisible(false);
        legend_.push_back(entry);
        left = entry;
    }
    // A narrow heatmap (1280x720 beside the map dock) cut the detail line at the plot's edge:
    // each line is elided to the room after every layout, the whole text in a tooltip.
    connect(plot_, &QCustomPlot::afterLayout, this, &SignalOverlay::elide);
    plot_->installEventFilter(this);
}

void SignalOverlay::setBadgeText(const QString &text) {
    full_ = text;
    badge_->setText(text);
    elide();
}

void SignalOverlay::elide() {
    const QRect ar = plot_->axisRect()->rect();
    if (ar.width() <= 0 || full_.isEmpty()) return;
    const QMargins pad = badge_->padding();
    // The badge starts at 1 % of the axis rect; keep the same gap on the right.
    const int room = int(ar.width() * 0.98) - pad.left() - pad.right();
    const QFontMetrics fm(badge_->font());
    QStringList lines = full_.split(QLatin1Char('\n'));
    for (QString &l : lines) l = fm.elidedText(l, Qt::ElideRight, std::max(room, 0));
    badge_->setText(lines.join(QLatin1Char('\n')));
}

QString SignalOverlay::shownText() const { return badge_->visible() ? badge_->text() : QString(); }

QString SignalOverlay::badgeToolTip() const {
    return badge_->visible() && badge_->text() != full_ ? full_ : QString();
}

bool SignalOverlay::eventFilter(QObject *watched, QEvent *event) {
    // Over an elided badge its tooltip wins over the heatmap's cell tooltip (HeatmapView's filter
    // runs after this one); a drag passes through so panning still works across the badge.
    if (watched == plot_ && event->type() == QEvent::MouseMove) {
        auto *me = static_cast<QMouseEvent *>(event);
        const QString tip = badgeToolTip();
        if (!tip.isEmpty() && me->buttons() == Qt::NoButton &&
            QRectF(badge_->topLeft->pixelPosition(), badge_->bottomRight->pixelPosition()).normalized().contains(me->position())) {
            QToolTip::showText(me->globalPosition().toPoint() + QPoint(14, 14), tip, plot_);
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

SignalOverlay::~SignalOverlay() = default;  // the plot owns and deletes the items

QString SignalOverlay::signalText(SignalKind kind) {
    switch (kind) {
    case SignalKind::Avoid: return tr("AVOID");
    case SignalKind::Reversal: return tr("REVERSAL OPPORTUNITY");
    case SignalKind::Wait: return tr("WAIT");
    case SignalKind::None: break;
    }
    return tr("NONE");
}

QColor SignalOverlay::colour(SignalKind kind) {
    switch (kind) {
    case SignalKind::Avoid: return QColor(0xff, 0x9f, 0x1c);
    case SignalKind::Reversal: return QColor(0x2e, 0xc4, 0xb6);
    case SignalKind::Wait: return QColor(0xa0, 0xa0, 0xa8);
    case SignalKind::None: break;
    }
    return QColor(0xe0, 0xe0, 0xe0);
}

QString SignalOverlay::detail(const Signal &s) const {
    switch (s.kind) {
    case SignalKind::Avoid:
        return tr("price within %1 % of a %2 cluster at %3 (%4)")
            .arg(s.nearest.distancePct, 0, 'f', 2)
            .arg(s.nearest.side == Side::Long ? tr("long") : tr("short"), Format::price(s.nearest.price),
                 Format::usd(s.nearest.notional));
    case SignalKind::Reversal:
        return tr("realised liquidations %1 beyond the %2 predicted").arg(Format::usd(s.realisedUsd), Format::usd(s.predictedUsd));
    case SignalKind::Wait: return tr("model confidence %1 is low").arg(s.confidence, 0, 'f', 2);
    case SignalKind::None: break;
    }
    if (s.nearest.valid)
        return tr("nearest cluster %1 % away, confidence %2").arg(s.nearest.distancePct, 0, 'f', 2).arg(s.confidence, 0, 'f', 2);
    return tr("no cluster near, confidence %1").arg(s.confidence, 0, 'f', 2);
}

void SignalOverlay::removeMarks() {
    for (QCPAbstractItem *i : items_) plot_->removeItem(i);
    items_.clear();
    runs_.clear();
    marks_ = 0;
}

void SignalOverlay::clear() {
    removeMarks();
    badge_->setVisible(false);
    for (QCPItemText *e : legend_) e->setVisible(false);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void SignalOverlay::setUnavailable(const QString &why) {
    removeMarks();
    setBadgeText(tr("Signal: — (%1)").arg(why));
    badge_->setColor(colour(SignalKind::None));
    badge_->setVisible(true);
    for (QCPItemText *e : legend_) e->setVisible(false);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void SignalOverlay::setSignals(const std::vector<Signal> &sigs, qint64 barMs) {
    removeMarks();
    if (sigs.empty()) {
        setUnavailable(tr("no bar closed"));
        return;
    }
    // One mark per run of equal signals: a bar's span is [close - bar, close).
    for (size_t i = 0; i < sigs.size();) {
        size_t j = i;
        while (j + 1 < sigs.size() && sigs[j + 1].kind == sigs[i].kind &&
               sigs[j + 1].time == sigs[j].time + barMs)
            ++j;
        if (sigs[i].kind != SignalKind::None)
            runs_.push_back({double(sigs[i].time - barMs) / 1000.0, double(sigs[j].time) / 1000.0, sigs[i].kind});
        i = j + 1;
    }
    for (const Run &r : runs_) {
        const QColor c = colour(r.kind);
        auto *rect = new QCPItemRect(plot_);
        rect->topLeft->setTypeX(QCPItemPosition::ptPlotCoords);
        rect->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
        rect->bottomRight->setTypeX(QCPItemPosition::ptPlotCoords);
        rect->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
        rect->topLeft->setCoords(r.from, kStripTop);
        rect->bottomRight->setCoords(r.to, kStripBottom);
        rect->setPen(QPen(c.darker(130), 1));
        rect->setBrush(c);
        rect->setSelectable(false);
        items_.push_back(rect);
    }
    marks_ = int(runs_.size());
    const Signal &now = sigs.back();
    setBadgeText(tr("Signal (estimate) at %1: %2\n%3").arg(Format::utcTime(now.time), signalText(now.kind), detail(now)));
    badge_->setColor(colour(now.kind));
    badge_->setVisible(true);
    for (QCPItemText *e : legend_) e->setVisible(marks_ > 0);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

QString SignalOverlay::badgeText() const { return badge_->visible() ? full_ : QString(); }

}  // namespace lhm::ui
