#pragma once
#include <QStackedWidget>

class QLabel;

namespace lhm::ui {

// A view's content, or in its place a centred explanation of why there is nothing to show and
// what to do about it. Every plot view uses one, so empty states look and read the same.
class EmptyStateStack : public QStackedWidget {
    Q_OBJECT
public:
    EmptyStateStack(QWidget *content, QWidget *parent = nullptr);

    void showEmpty(const QString &title, const QString &hint = {});
    void showContent();
    bool isShowingEmpty() const;
    QString emptyText() const;

private:
    QWidget *content_;
    QLabel *empty_;
};

}  // namespace lhm::ui
