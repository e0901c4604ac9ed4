#pragma once
// The "what to fetch" part of the data manager: exchange, symbols, data types, UTC day range and
// candle interval, plus the Download and Import buttons. Starts on the first-run preset: Binance,
// BTCUSDT and ETHUSDT, metrics + klines + fundingRate, the last 30 complete UTC days. What an
// exchange cannot provide (Hyperliquid: no open-interest history) is disabled and said.
#include "ingest/download/VisionLayout.h"

#include <QGroupBox>
#include <QMap>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;

namespace lhm::ui {

class DownloadForm : public QGroupBox {
    Q_OBJECT
public:
    explicit DownloadForm(const QString &baseUrl, QWidget *parent = nullptr);

    void setExchange(const QString &name);
    QString exchange() const;
    // The REST base an exchange's history is fetched from (default: config/exchanges.yaml).
    void setExchangeBaseUrl(const QString &exchange, const QString &url);
    QString caveatText() const;  // what the chosen exchange lacks; empty when nothing
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
    void onExchangeChanged();

    QString baseUrl_;
    QMap<QString, QString> restUrls_;
    QComboBox *exchange_ = nullptr;
    QLabel *caveat_ = nullptr;
    QList<QCheckBox *> symbolBoxes_, typeBoxes_;
    QLineEdit *otherSymbols_ = nullptr;
    QComboBox *interval_ = nullptr;
    QDateEdit *from_ = nullptr, *to_ = nullptr;
    QPushButton *downloadButton_ = nullptr, *importFilesButton_ = nullptr, *importFolderButton_ = nullptr;
};

}  // namespace lhm::ui
