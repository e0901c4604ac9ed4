#pragma once
// The in-app popup: a non-modal toast in the main window's bottom-right corner. It stacks up to
// three firings, hides itself after a while, and a click asks to show that symbol and price.
#include "alerts/AlertFiring.h"

#include <QFrame>
#include <QTimer>

class QLabel;

namespace lhm::ui {

class AlertToast : public QFrame {
    Q_OBJECT
public:
    explicit AlertToast(QWidget *window);

    void show(const alerts::Firing &firing);
    QString text() const;
    int hideAfterMs = 10000;

signals:
    void clicked(const QString &symbol, double price);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void place();

    QLabel *title_ = nullptr, *body_ = nullptr;
    QTimer hide_;
    QString symbol_;
    double price_ = 0;
};

}  // namespace lhm::ui
