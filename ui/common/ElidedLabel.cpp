#include "common/ElidedLabel.h"

#include <QResizeEvent>

namespace lhm::ui {

ElidedLabel::ElidedLabel(QWidget *parent) : QLabel(parent) {
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    setTextFormat(Qt::PlainText);
}

void ElidedLabel::setFullText(const QString &text) {
    full_ = text;
    setToolTip(fontMetrics().horizontalAdvance(text) > width() ? text : QString());
    elide();
}

// Any width will do: the layout gives the label what the permanent widgets leave.
QSize ElidedLabel::minimumSizeHint() const { return QSize(0, QLabel::minimumSizeHint().height()); }
QSize ElidedLabel::sizeHint() const { return QSize(0, QLabel::sizeHint().height()); }

void ElidedLabel::resizeEvent(QResizeEvent *event) {
    QLabel::resizeEvent(event);
    elide();
}

void ElidedLabel::elide() {
    const QString shown = fontMetrics().elidedText(QString(full_).replace(QLatin1Char('\n'), QLatin1Char(' ')), Qt::ElideRight,
                                                   std::max(0, contentsRect().width()));
    if (shown != text()) setText(shown);
    setToolTip(shown != full_ ? full_ : QString());
}

}  // namespace lhm::ui
