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
    // The state of a grid or map with no notional anywhere (a window the data does not reach):
    // said in words instead of a "$0 … $1" scale or "$1 $1 $0" axes.
    void showNoPositions(const QString &symbol, const QString &exchange, const QString &window);
    void showContent();
    bool isShowingEmpty() const;
    QString emptyText() const;

private:
    QWidget *content_;
    QLabel *empty_;
};

}  // namespace lhm::ui
