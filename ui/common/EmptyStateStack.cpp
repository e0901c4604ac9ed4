#include "common/EmptyStateStack.h"

#include <QLabel>

namespace lhm::ui {

EmptyStateStack::EmptyStateStack(QWidget *content, QWidget *parent)
    : QStackedWidget(parent), content_(content), empty_(new QLabel(this)) {
    empty_->setObjectName(QStringLiteral("emptyState"));
    empty_->setAlignment(Qt::AlignCenter);
    empty_->setWordWrap(true);
    addWidget(content_);
    addWidget(empty_);
}

void EmptyStateStack::showEmpty(const QString &title, const QString &hint) {
    // Rich text for the heading; the hint is escaped so file paths and messages show verbatim.
    empty_->setText(hint.isEmpty() ? QStringLiteral("<h3>%1</h3>").arg(title.toHtmlEscaped())
                                   : QStringLiteral("<h3>%1</h3><p>%2</p>")
                                         .arg(title.toHtmlEscaped(),
                                              hint.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"))));
    setCurrentWidget(empty_);
}

void EmptyStateStack::showContent() { setCurrentWidget(content_); }
bool EmptyStateStack::isShowingEmpty() const { return currentWidget() == empty_; }
QString EmptyStateStack::emptyText() const { return empty_->text(); }

}  // namespace lhm::ui
