#pragma once
// The "what to fetch" part of the data manager: symbols, data types, UTC day range and candle
// interval, plus the Download and Import buttons. Starts on the first-run preset: BTCUSDT and
// ETHUSDT, metrics + klines + fundingRate, the last 30 complete UTC days.
#include "ingest/download/VisionLayout.h"

#include <QGroupBox>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLineEdit;
class QPushButton;

namespace lhm::ui {

class DownloadForm : public QGroupBox {
    Q_OBJECT
public:
    explicit DownloadForm(const QString &baseUrl, QWidget *parent = nullptr);

    void setSymbols(const QStringList &symbols);
    void setTypes(const QStringList &types);
    void setInterval(const QString &interval);
    void setRange(const QDate &from, const QDate &to);
    DownloadRequest request() const;
    void setBusy(bool busy);  // disables the buttons while a job runs

signals:
    void downloadClicked();
    void importFilesClicked();
    void importFolderClicked();

private:
    QString baseUrl_;
    QList<QCheckBox *> symbolBoxes_, typeBoxes_;
    QLineEdit *otherSymbols_ = nullptr;
    QComboBox *interval_ = nullptr;
    QDateEdit *from_ = nullptr, *to_ = nullptr;
    QPushButton *downloadButton_ = nullptr, *importFilesButton_ = nullptr, *importFolderButton_ = nullptr;
};

}  // namespace lhm::ui
