#pragma once
// The toolbar: symbol, exchange, window, model and bucket size. Emits one selectionChanged per
// user change; programmatic updates (restored state, new symbol lists) stay silent.
#include "main/ViewSelection.h"

#include <QToolBar>

class QComboBox;

namespace lhm::ui {

class ControlBar : public QToolBar {
    Q_OBJECT
public:
    explicit ControlBar(QWidget *parent = nullptr);

    void setSymbols(const QStringList &symbols);  // keeps the current one listed
    void setExchanges(const QStringList &exchanges);
    void setModels(const QStringList &models);
    void setSelection(const ViewSelection &s);
    ViewSelection selection() const;

    QComboBox *symbolBox() const { return symbol_; }
    QComboBox *exchangeBox() const { return exchange_; }
    QComboBox *windowBox() const { return window_; }
    QComboBox *modelBox() const { return model_; }
    QComboBox *bucketBox() const { return bucket_; }

signals:
    void selectionChanged(const lhm::Selection &selection);

private:
    QComboBox *addCombo(const QString &label, const QString &tip);
    static void setItems(QComboBox *box, const QStringList &items, const QString &keep);

    QComboBox *symbol_, *exchange_, *window_, *model_, *bucket_;
    bool silent_ = false;
};

}  // namespace lhm::ui
