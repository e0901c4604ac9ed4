#pragma once
// Create or edit one alert rule. Only the fields of the chosen type are shown; OK stays disabled
// and a line says what is wrong until the rule validates (the same validation as the CLI).
#include "alerts/AlertRule.h"

#include <QDialog>
#include <QMap>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;
class QDialogButtonBox;

namespace lhm::ui {

class AlertDialog : public QDialog {
    Q_OBJECT
public:
    AlertDialog(const alerts::AlertRule &rule, const QStringList &symbols, QWidget *parent = nullptr);

    alerts::AlertRule rule() const;
    QString problem() const;  // empty when the rule is valid
    QComboBox *typeBox() const { return type_; }
    QDoubleSpinBox *levelBox() const { return level_; }
    // Shows an error the service reported after OK (e.g. a store failure) and keeps the dialog open.
    void showError(const QString &text);
    // OK: emits submitted(rule) when valid; the owner saves it and calls accept() on success.
    void submit();

signals:
    void submitted(const lhm::alerts::AlertRule &rule);

private:
    void updateFields();
    void validate();
    QDoubleSpinBox *money(double max = 1e12);

    alerts::AlertRule base_;
    QFormLayout *form_ = nullptr;
    QLineEdit *name_ = nullptr, *webhook_ = nullptr;
    QComboBox *symbol_ = nullptr, *exchange_ = nullptr, *type_ = nullptr, *direction_ = nullptr, *side_ = nullptr, *model_ = nullptr;
    QDoubleSpinBox *level_ = nullptr, *distance_ = nullptr, *minCluster_ = nullptr, *minNotional_ = nullptr, *priceFrom_ = nullptr,
                   *priceTo_ = nullptr, *notional_ = nullptr, *cooldown_ = nullptr;
    QSpinBox *count_ = nullptr, *window_ = nullptr;
    QCheckBox *once_ = nullptr, *enabled_ = nullptr;
    QMap<alerts::Channel, QCheckBox *> channels_;
    QLabel *error_ = nullptr;
    QDialogButtonBox *buttons_ = nullptr;
};

}  // namespace lhm::ui
