#include "alerts/AlertToast.h"

#include "alerts/AlertText.h"

#include <QDateTime>
#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QVBoxLayout>

namespace lhm::ui {

using namespace lhm::alerts;

AlertToast::AlertToast(QWidget *window) : QFrame(window) {
    setObjectName(QStringLiteral("alertToast"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral("#alertToast { background: #161b22; border: 1px solid #f0b429; border-radius: 6px; }"
                                 "#alertToast QLabel { color: #e6edf3; }"));
    setCursor(Qt::PointingHandCursor);
    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(12, 8, 12, 8);
    title_ = new QLabel(this);
    QFont f = title_->font();
    f.setBold(true);
    title_->setFont(f);
    body_ = new QLabel(this);
    body_->setWordWrap(true);
    v->addWidget(title_);
    v->addWidget(body_);
    setFixedWidth(360);
    hide_.setSingleShot(true);
    connect(&hide_, &QTimer::timeout, this, &QWidget::hide);
    window->installEventFilter(this);
    QFrame::hide();
}

void AlertToast::show(const Firing &f) {
    symbol_ = f.symbol;
    price_ = f.price;
    if (f.kind == Firing::Kind::Summary) {
        title_->setText(tr("Alerts held back"));
        body_->setText(tr("%n more alert(s) arrived during a burst and were held back.", nullptr, f.suppressed));
    } else {
        title_->setText(tr("Alert: %1 — %2").arg(f.name, f.symbol));
        body_->setText(tr("%1 · value %2 at %3 · %4 UTC · click to show")
                           .arg(AlertText::type(f.type), QLocale().toString(f.value, 'f', f.value >= 100 ? 0 : 2),
                                QLocale().toString(f.price, 'f', f.price >= 100 ? 0 : 2),
                                QDateTime::fromMSecsSinceEpoch(f.time, Qt::UTC).toString(QStringLiteral("HH:mm:ss"))));
    }
    adjustSize();
    place();
    QFrame::show();
    raise();
    hide_.start(hideAfterMs);
}

QString AlertToast::text() const { return title_->text() + u'\n' + body_->text(); }

void AlertToast::place() {
    QWidget *w = parentWidget();
    if (!w) return;
    move(w->width() - width() - 16, w->height() - height() - 40);
}

void AlertToast::mousePressEvent(QMouseEvent *event) {
    if (event->button() == Qt::LeftButton) {
        hide();
        if (!symbol_.isEmpty()) emit clicked(symbol_, price_);
    }
}

bool AlertToast::eventFilter(QObject *watched, QEvent *event) {
    if (watched == parentWidget() && event->type() == QEvent::Resize && isVisible()) place();
    return false;
}

}  // namespace lhm::ui
