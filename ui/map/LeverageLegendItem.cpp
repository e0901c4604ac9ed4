#include "map/LeverageLegendItem.h"

namespace lhm::ui {

namespace {
constexpr int kSwatch = 7;  // px per leverage shade
constexpr int kGap = 4;
}  // namespace

LeverageLegendItem::LeverageLegendItem(QCPLegend *legend, QString label, std::vector<QColor> shades, QString first,
                                       QString last)
    : QCPAbstractLegendItem(legend), label_(std::move(label)), first_(std::move(first)), last_(std::move(last)),
      shades_(std::move(shades)) {
    setSelectable(false);
}

QSize LeverageLegendItem::minimumOuterSizeHint() const {
    const QFontMetrics fm(font());
    const int w = fm.horizontalAdvance(label_ + QLatin1Char(' ') + first_) + kGap + int(shades_.size()) * kSwatch + kGap +
                  fm.horizontalAdvance(last_);
    const int h = std::max(fm.height(), mParentLegend->iconSize().height());
    return QSize(w, h) + QSize(mMargins.left() + mMargins.right(), mMargins.top() + mMargins.bottom());
}

void LeverageLegendItem::draw(QCPPainter *painter) {
    painter->setFont(font());
    painter->setPen(QPen(textColor()));
    const QRect r = mRect;
    const QFontMetrics fm(font());
    const QString head = label_ + QLatin1Char(' ') + first_;
    int x = r.left();
    painter->drawText(QRect(x, r.top(), fm.horizontalAdvance(head), r.height()), Qt::AlignLeft | Qt::AlignVCenter, head);
    x += fm.horizontalAdvance(head) + kGap;
    const int h = std::min(r.height(), mParentLegend->iconSize().height());
    const int y = r.top() + (r.height() - h) / 2;
    for (const QColor &c : shades_) {
        painter->fillRect(QRect(x, y, kSwatch, h), c);
        x += kSwatch;
    }
    x += kGap;
    painter->drawText(QRect(x, r.top(), fm.horizontalAdvance(last_) + 2, r.height()), Qt::AlignLeft | Qt::AlignVCenter, last_);
}

}  // namespace lhm::ui
