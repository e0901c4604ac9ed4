#pragma once
// The Alerts dock: a table of the rules (name, symbol, rule, status, last fired, channels) with
// New / Edit / Delete / Channels buttons, and a History tab of firings with each channel's result.
#include "alerts/AlertRule.h"
#include "store/AlertRepository.h"

#include <QList>
#include <QWidget>

class QPushButton;
class QTableWidget;
class QTabWidget;

namespace lhm::ui {

class AlertsPanel : public QWidget {
    Q_OBJECT
public:
    explicit AlertsPanel(QWidget *parent = nullptr);

    void setRules(const QList<alerts::AlertRule> &rules, qint64 nowMs);
    void setHistory(const QList<AlertFiringRow> &rows);
    const QList<alerts::AlertRule> &rules() const { return rules_; }
    QTableWidget *rulesTable() const { return table_; }
    QTableWidget *historyTable() const { return history_; }
    QTabWidget *tabs() const { return tabs_; }

signals:
    void newRequested();
    void editRequested(const lhm::alerts::AlertRule &rule);
    void removeRequested(qint64 id);
    void channelsRequested();

private:
    const alerts::AlertRule *selected() const;

    QTabWidget *tabs_ = nullptr;
    QTableWidget *table_ = nullptr, *history_ = nullptr;
    QPushButton *edit_ = nullptr, *remove_ = nullptr;
    QList<alerts::AlertRule> rules_;
};

}  // namespace lhm::ui
