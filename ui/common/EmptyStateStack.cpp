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

void EmptyStateStack::showNoPositions(const QString &symbol, const QString &exchange, const QString &window) {
    showEmpty(tr("No estimated positions in this window"),
              tr("%1 · %2 · %3: the model found no open interest to place in this window.\n"
                 "Pick a window the stored data covers, or download more history from the Data menu.")
                  .arg(symbol, exchange, window));
}

void EmptyStateStack::showContent() { setCurrentWidget(content_); }
bool EmptyStateStack::isShowingEmpty() const { return currentWidget() == empty_; }
QString EmptyStateStack::emptyText() const { return empty_->text(); }

}  // namespace lhm::ui
