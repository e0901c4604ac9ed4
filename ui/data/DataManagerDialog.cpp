#include "data/DataManagerDialog.h"

#include "config/ExchangeRegistry.h"
#include "data/CoverageTable.h"
#include "data/DataWorker.h"
#include "data/DownloadForm.h"
#include "data/FileProgressTable.h"
#include "store/Store.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace lhm::ui {


bool DataManagerDialog::shouldOpenOnFirstRun(Store &store) { return store.seriesInfo().empty(); }

DataManagerDialog::DataManagerDialog(const QString &dbPath, const QString &baseUrl, QWidget *parent,
                                     const DownloadOptions &options)
    : QDialog(parent), baseUrl_(baseUrl.isEmpty() ? VisionLayout::defaultBaseUrl() : baseUrl) {
    setWindowTitle(tr("Manage data"));
    setObjectName(QStringLiteral("dataManagerDialog"));
    // The app theme leaves check boxes and scroll bars to the style, which draws them dark on dark:
    // an unchecked box would read as a plain label. Scoped to this dialog.
    setStyleSheet(QStringLiteral(
        "QCheckBox::indicator { width: 13px; height: 13px; border: 1px solid #6e7681; border-radius: 3px; "
        "background: #0d1117; } "
        "QCheckBox::indicator:checked { background: #1f6feb; border-color: #58a6ff; } "
        "QCheckBox::indicator:hover { border-color: #58a6ff; } "
        "QPushButton:disabled { color: #6e7681; background-color: #161b22; border-color: #21262d; } "
        "QScrollBar:vertical { background: #0d1117; width: 10px; margin: 0; } "
        "QScrollBar::handle:vertical { background: #30363d; border-radius: 4px; min-height: 24px; } "
        "QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0; } "
        "QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: none; }"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildOfflineBanner());
    form_ = new DownloadForm(baseUrl_, this);
    connect(form_, &DownloadForm::downloadClicked, this, &DataManagerDialog::startDownload);
    connect(form_, &DownloadForm::importFilesClicked, this, &DataManagerDialog::chooseFiles);
    connect(form_, &DownloadForm::importFolderClicked, this, &DataManagerDialog::chooseFolder);
    layout->addWidget(form_);

    auto *jobBox = new QGroupBox(tr("Progress"), this);
    auto *jobLayout = new QVBoxLayout(jobBox);
    files_ = new FileProgressTable(jobBox);
    jobLayout->addWidget(files_);
    auto *overallRow = new QHBoxLayout;
    overall_ = new QProgressBar(jobBox);
    overall_->setObjectName(QStringLiteral("overallProgress"));
    overall_->setRange(0, 1);
    overall_->setValue(0);
    overall_->setFormat(tr("%p% overall"));
    cancelButton_ = new QPushButton(tr("Cancel"), jobBox);
    cancelButton_->setObjectName(QStringLiteral("cancelButton"));
    cancelButton_->setEnabled(false);
    connect(cancelButton_, &QPushButton::clicked, this, &DataManagerDialog::cancel);
    overallRow->addWidget(overall_, 1);
    overallRow->addWidget(cancelButton_);
    jobLayout->addLayout(overallRow);
    status_ = new QLabel(tr("Ready."), jobBox);
    status_->setObjectName(QStringLiteral("statusLabel"));
    status_->setWordWrap(true);
    jobLayout->addWidget(status_);

    auto *coverageBox = new QGroupBox(tr("In the local store"), this);
    auto *coverageLayout = new QVBoxLayout(coverageBox);
    coverage_ = new CoverageTable(coverageBox);
    coverageLayout->addWidget(coverage_);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(jobBox);
    split->addWidget(coverageBox);
    split->setChildrenCollapsible(false);
    layout->addWidget(split, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    // Without an icon theme the standard Close icon draws as a broken image: text only.
    buttons->button(QDialogButtonBox::Close)->setIcon(QIcon());
    connect(buttons, &QDialogButtonBox::rejected, this, &DataManagerDialog::reject);
    layout->addWidget(buttons);

    DownloadOptions opts = options;
    worker_ = new DataWorker(dbPath, opts);
    worker_->moveToThread(&thread_);
    connect(worker_, &DataWorker::planned, this, [this](const QStringList &names) {
        files_->setFiles(names);
        filesTotal_ = int(names.size());
        filesDone_ = 0;
        currentPercent_ = 0;
        overall_->setRange(0, std::max(1, filesTotal_) * 100);
        overall_->setValue(0);
    });
    connect(worker_, &DataWorker::fileStage, this, [this](int i, DownloadStage stage) {
        const QString text = stage == DownloadStage::Downloading ? tr("downloading")
                             : stage == DownloadStage::Verifying ? tr("verifying checksum")
                                                                 : tr("importing");
        files_->setStage(i, text);
        importingRow_ = stage == DownloadStage::Importing ? i : -1;
        status_->setText(tr("%1 of %2: %3 %4").arg(i + 1).arg(filesTotal_).arg(text, files_->item(i, 0)->text()));
    });
    connect(worker_, &DataWorker::fileProgress, this, [this](int i, qint64 done, qint64 total) {
        if (i == importingRow_) files_->setImportProgress(i, done, total);
        else files_->setProgress(i, done, total);
        currentPercent_ = total > 0 ? int(std::min<qint64>(100, done * 100 / total)) : 0;
        overall_->setValue(filesDone_ * 100 + currentPercent_);
    });
    connect(worker_, &DataWorker::pageProgress, this, [this](int i, int page, int percent) {
        files_->setPageProgress(i, page, percent);
        currentPercent_ = percent;
        overall_->setValue(filesDone_ * 100 + currentPercent_);
    });
    connect(worker_, &DataWorker::retrying, this, [this](int i, const QString &text) { files_->setStage(i, text); });
    connect(worker_, &DataWorker::fileDone, files_, &FileProgressTable::setDone);
    connect(worker_, &DataWorker::overallProgress, this, [this](int done, int) {
        filesDone_ = done;
        currentPercent_ = 0;
        overall_->setValue(filesDone_ * 100);
    });
    connect(worker_, &DataWorker::finished, this, &DataManagerDialog::onFinished);
    connect(worker_, &DataWorker::coverageReady, this, [this](const std::vector<SeriesInfo> &series) {
        coverage_->setSeries(series);
        emit coverageUpdated();
    });
    thread_.start();
    refreshCoverage();
    resize(980, 760);
}

DataManagerDialog::~DataManagerDialog() {
    // Let a running job notice the cancel and unwind before the thread's loops are told to quit:
    // QThread::quit() would also end the downloader's nested event loops mid-request.
    worker_->cancel();
    for (int i = 0; i < 500 && worker_->isRunning(); ++i) QThread::msleep(10);
    thread_.quit();
    thread_.wait();
    delete worker_;
}

QWidget *DataManagerDialog::buildOfflineBanner() {
    offlineBanner_ = new QFrame(this);
    offlineBanner_->setObjectName(QStringLiteral("offlineBanner"));
    offlineBanner_->setStyleSheet(QStringLiteral(
        "QFrame#offlineBanner { background-color: #5a3a00; border-radius: 4px; } "
        "QFrame#offlineBanner QLabel { background: transparent; color: #ffd58a; }"));
    auto *row = new QHBoxLayout(offlineBanner_);
    offlineText_ = new QLabel(offlineBanner_);
    offlineText_->setWordWrap(true);
    auto *importButton = new QPushButton(tr("Import files…"), offlineBanner_);
    connect(importButton, &QPushButton::clicked, this, &DataManagerDialog::chooseFiles);
    row->addWidget(offlineText_, 1);
    row->addWidget(importButton);
    offlineBanner_->hide();
    return offlineBanner_;
}

void DataManagerDialog::setExchange(const QString &name) { form_->setExchange(name); }
void DataManagerDialog::setExchangeBaseUrl(const QString &exchange, const QString &url) { form_->setExchangeBaseUrl(exchange, url); }
QString DataManagerDialog::exchangeCaveat() const { return form_->caveatText(); }
void DataManagerDialog::setSymbols(const QStringList &symbols) { form_->setSymbols(symbols); }
void DataManagerDialog::setTypes(const QStringList &types) { form_->setTypes(types); }
void DataManagerDialog::setInterval(const QString &interval) { form_->setInterval(interval); }
void DataManagerDialog::setRange(const QDate &from, const QDate &to) { form_->setRange(from, to); }
DownloadRequest DataManagerDialog::request() const { return form_->request(); }

bool DataManagerDialog::isOfflineShown() const { return !offlineBanner_->isHidden(); }
QString DataManagerDialog::statusText() const { return status_->text(); }

void DataManagerDialog::startDownload() {
    if (busy_) return;
    const DownloadRequest r = form_->request();
    // The archive's plan is checked here; an exchange's REST plan is checked by the worker.
    const ExchangeDescriptor *ex = ExchangeRegistry::builtin(r.exchange);
    if (auto plan = VisionLayout::plan(r); !plan && ex && ex->dailyArchive) {
        status_->setText(tr("Cannot download: %1").arg(plan.error().message));
        return;
    }
    offlineBanner_->hide();
    setBusy(true);
    status_->setText(tr("Connecting to %1…").arg(QUrl(r.baseUrl).host()));
    worker_->resetCancel();
    QMetaObject::invokeMethod(worker_, "download", Qt::QueuedConnection, Q_ARG(lhm::DownloadRequest, r));
}

void DataManagerDialog::importPaths(const QStringList &paths) {
    if (busy_ || paths.isEmpty()) return;
    offlineBanner_->hide();
    setBusy(true);
    status_->setText(tr("Importing…"));
    worker_->resetCancel();
    QMetaObject::invokeMethod(worker_, "importPaths", Qt::QueuedConnection, Q_ARG(QStringList, paths));
}

void DataManagerDialog::cancel() {
    if (!busy_) return;
    worker_->cancel();  // thread-safe: raises the flag the worker polls
    cancelButton_->setEnabled(false);
    status_->setText(tr("Cancelling…"));
}

void DataManagerDialog::refreshCoverage() {
    if (!busy_) QMetaObject::invokeMethod(worker_, "refreshCoverage", Qt::QueuedConnection);
}

void DataManagerDialog::reject() {
    if (busy_) worker_->cancel();  // the destructor waits for the worker to notice
    QDialog::reject();
}

void DataManagerDialog::setBusy(bool busy) {
    busy_ = busy;
    form_->setBusy(busy);
    cancelButton_->setEnabled(busy);
}

void DataManagerDialog::chooseFiles() {
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Import Binance files"), QString(), tr("Binance history (*.zip *.csv);;All files (*)"));
    importPaths(paths);
}

void DataManagerDialog::chooseFolder() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Import a folder of Binance files"));
    if (!dir.isEmpty()) importPaths({dir});
}

void DataManagerDialog::onFinished(bool ok, bool offline, bool cancelled, const QString &summary) {
    setBusy(false);
    files_->markNotStarted();
    overall_->setValue(ok ? overall_->maximum() : filesDone_ * 100);
    if (offline) {
        offlineText_->setText(tr("<b>Cannot reach %1.</b> You seem to be offline (or the host is blocked). "
                                 "Import files you already have instead, or try again later.<br><small>%2</small>")
                                  .arg(QUrl(baseUrl_).host(), summary.toHtmlEscaped()));
        offlineBanner_->show();
        overall_->setValue(0);
        status_->setText(tr("Offline: nothing was downloaded."));
    } else {
        status_->setText(cancelled ? summary : (ok ? tr("Done: %1").arg(summary) : tr("Finished with problems: %1").arg(summary)));
    }
    emit jobFinished(ok);
    emit dataChanged();
}

}  // namespace lhm::ui
