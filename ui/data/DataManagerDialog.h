#pragma once
// Data → Manage data…: download Binance history (symbols, types, date range, interval) or import
// files and folders, with a progress bar per file, an overall bar and Cancel, above the coverage
// table of what the store holds. All work runs in a DataWorker on its own thread; this dialog only
// sends requests and shows the queued answers. On first run (empty store) the default selection,
// BTCUSDT and ETHUSDT over the last 30 days, makes it a one-click start. When the host cannot be
// reached it says so and offers Import.
#include "ingest/download/Downloader.h"

#include <QDate>
#include <QDialog>
#include <QThread>

class QFrame;
class QLabel;
class QProgressBar;
class QPushButton;

namespace lhm {
class Store;
}

namespace lhm::ui {

class CoverageTable;
class DataWorker;
class DownloadForm;
class FileProgressTable;

class DataManagerDialog : public QDialog {
    Q_OBJECT
public:
    // baseUrl empty: $LHM_BINANCE_VISION_URL, else https://data.binance.vision. `options` tunes the
    // downloader (cache folder, retries); the defaults suit users.
    explicit DataManagerDialog(const QString &dbPath, const QString &baseUrl = {}, QWidget *parent = nullptr,
                               const DownloadOptions &options = {});
    ~DataManagerDialog() override;

    // True when the store holds nothing yet: the main window then opens this dialog at start-up.
    static bool shouldOpenOnFirstRun(Store &store);

    void setExchange(const QString &name);
    void setExchangeBaseUrl(const QString &exchange, const QString &url);  // tests, mirrors
    QString exchangeCaveat() const;  // what the chosen exchange lacks, as shown; empty when nothing
    void setSymbols(const QStringList &symbols);
    void setTypes(const QStringList &types);
    void setInterval(const QString &interval);
    void setRange(const QDate &from, const QDate &to);
    DownloadRequest request() const;

    bool isBusy() const { return busy_; }
    bool isOfflineShown() const;
    QString statusText() const;
    CoverageTable *coverageTable() const { return coverage_; }
    FileProgressTable *fileTable() const { return files_; }

public slots:
    void startDownload();
    void importPaths(const QStringList &paths);
    void cancel();
    void refreshCoverage();

signals:
    void jobFinished(bool ok);
    void coverageUpdated();
    void dataChanged();  // something was imported: views may reload

protected:
    void reject() override;

private:
    QWidget *buildOfflineBanner();
    void setBusy(bool busy);
    void chooseFiles();
    void chooseFolder();
    void onFinished(bool ok, bool offline, bool cancelled, const QString &summary);

    QString baseUrl_;
    QThread thread_;
    DataWorker *worker_ = nullptr;
    bool busy_ = false;
    int filesTotal_ = 0, filesDone_ = 0, currentPercent_ = 0;
    int importingRow_ = -1;  // the row whose progress is an import (CSV bytes), not a download

    DownloadForm *form_ = nullptr;
    QPushButton *cancelButton_ = nullptr;
    QFrame *offlineBanner_ = nullptr;
    QLabel *offlineText_ = nullptr;
    FileProgressTable *files_ = nullptr;
    QProgressBar *overall_ = nullptr;
    QLabel *status_ = nullptr;
    CoverageTable *coverage_ = nullptr;
};

}  // namespace lhm::ui
