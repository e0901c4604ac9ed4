#pragma once
// The status bar's widgets: the message line (elided to the room left, never over the others),
// data coverage for the shown symbol, the age of its newest data (ticking without touching the
// disk), and a progress bar while the engine computes. QStatusBar's own temporary message is
// drawn across the whole bar, over the permanent widgets: every message goes to the message
// line instead (also those sent with QStatusBar::showMessage).
#include "common/Clock.h"
#include "engine/CoreEngine.h"

#include <QObject>
#include <QTimer>

class QLabel;
class QStatusBar;
class QProgressBar;
class QStatusBar;

namespace lhm::ui {

class ElidedLabel;

class StatusPanel : public QObject {
    Q_OBJECT
public:
    StatusPanel(QStatusBar *bar, const Clock &clock = SystemClock::instance());

    void setStore(const StoreSnapshot &info, const QString &exchange, const QString &symbol);
    void setProgress(int percent);  // -1 hides the bar
    // timeoutMs 0: until the next message.
    void showMessage(const QString &text, int timeoutMs = 0);
    QString message() const;
    ElidedLabel *messageLabel() const { return message_; }
    QLabel *coverageLabel() const { return coverage_; }
    // The shown grid: the age label then tells the age of what is drawn (as the banner does),
    // not of the newest row of any series in the store.
    void setGrid(const GridPtr &grid);

    static QString coverageText(const StoreSnapshot &info, const QString &exchange, const QString &symbol);
    static qint64 newestData(const StoreSnapshot &info, const QString &exchange, const QString &symbol);
    QString coverage() const;
    QString ageText() const;

private:
    void updateAge();

    const Clock &clock_;
    ElidedLabel *message_;
    QLabel *coverage_, *age_;
    QTimer messageTimeout_;
    QProgressBar *progress_;
    qint64 newest_ = 0;
    qint64 gridTo_ = 0;
    QTimer tick_;
};

}  // namespace lhm::ui
