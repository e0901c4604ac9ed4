#include "data/DownloadForm.h"

#include "config/ExchangeRegistry.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>

namespace lhm::ui {

namespace {
const QStringList kSymbols = {QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT"), QStringLiteral("SOLUSDT"),
                              QStringLiteral("BNBUSDT"), QStringLiteral("XRPUSDT"), QStringLiteral("DOGEUSDT")};
const QStringList kFirstRunSymbols = {QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")};
const QStringList kDefaultTypes = {QStringLiteral("metrics"), QStringLiteral("klines"), QStringLiteral("fundingRate")};
}  // namespace

DownloadForm::DownloadForm(const QString &baseUrl, QWidget *parent)
    : QGroupBox(tr("Download from %1").arg(QUrl(baseUrl).host()), parent), baseUrl_(baseUrl) {
    auto *form = new QFormLayout(this);

    auto *exchangeRow = new QHBoxLayout;
    exchange_ = new QComboBox(this);
    exchange_->setObjectName(QStringLiteral("exchange"));
    auto registry = ExchangeRegistry::load();
    const ExchangeRegistry exchanges = registry ? *registry : ExchangeRegistry::defaults();
    for (const ExchangeDescriptor &e : exchanges.exchanges()) {
        exchange_->addItem(e.displayName, e.name);
        restUrls_.insert(e.name, e.restUrl);
    }
    caveat_ = new QLabel(this);
    caveat_->setObjectName(QStringLiteral("exchangeCaveat"));
    caveat_->setWordWrap(true);
    caveat_->setStyleSheet(QStringLiteral("color: #d29922;"));
    exchangeRow->addWidget(exchange_);
    exchangeRow->addWidget(caveat_, 1);
    form->addRow(tr("Exchange"), exchangeRow);

    auto *symbolRow = new QHBoxLayout;
    for (const QString &s : kSymbols) {
        auto *cb = new QCheckBox(s, this);
        cb->setObjectName(QStringLiteral("symbol_") + s);
        symbolBoxes_ << cb;
        symbolRow->addWidget(cb);
    }
    otherSymbols_ = new QLineEdit(this);
    otherSymbols_->setObjectName(QStringLiteral("otherSymbols"));
    otherSymbols_->setPlaceholderText(tr("more, e.g. ADAUSDT,LINKUSDT"));
    symbolRow->addWidget(otherSymbols_, 1);
    form->addRow(tr("Symbols"), symbolRow);

    auto *typeRow = new QHBoxLayout;
    const QList<QPair<QString, QString>> types = {
        {QStringLiteral("metrics"), tr("Open interest (metrics, 5 min)")},
        {QStringLiteral("klines"), tr("Candles (klines)")},
        {QStringLiteral("fundingRate"), tr("Funding rate (monthly files)")},
        {QStringLiteral("aggTrades"), tr("Trades (aggTrades, large)")}};
    for (const auto &[type, label] : types) {
        auto *cb = new QCheckBox(label, this);
        cb->setObjectName(QStringLiteral("type_") + type);
        cb->setProperty("lhmType", type);
        if (type == QLatin1String("aggTrades"))
            cb->setToolTip(tr("Hundreds of MB per day for BTCUSDT; needed by the large-trades model."));
        typeBoxes_ << cb;
        typeRow->addWidget(cb);
    }
    typeRow->addStretch(1);
    form->addRow(tr("Data"), typeRow);

    auto *rangeRow = new QHBoxLayout;
    from_ = new QDateEdit(this);
    to_ = new QDateEdit(this);
    for (QDateEdit *d : {from_, to_}) {
        d->setCalendarPopup(true);
        d->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        d->setMinimumDate(QDate(2019, 9, 1));  // USDⓈ-M history starts in late 2019
    }
    from_->setObjectName(QStringLiteral("fromDate"));
    to_->setObjectName(QStringLiteral("toDate"));
    interval_ = new QComboBox(this);
    interval_->setObjectName(QStringLiteral("interval"));
    interval_->addItems({QStringLiteral("1m"), QStringLiteral("5m"), QStringLiteral("15m"), QStringLiteral("30m"),
                         QStringLiteral("1h"), QStringLiteral("4h"), QStringLiteral("1d")});
    downloadButton_ = new QPushButton(tr("Download"), this);
    downloadButton_->setObjectName(QStringLiteral("downloadButton"));
    downloadButton_->setDefault(true);
    connect(downloadButton_, &QPushButton::clicked, this, &DownloadForm::downloadClicked);
    rangeRow->addWidget(from_);
    rangeRow->addWidget(new QLabel(tr("to"), this));
    rangeRow->addWidget(to_);
    rangeRow->addSpacing(16);
    rangeRow->addWidget(new QLabel(tr("Candle interval"), this));
    rangeRow->addWidget(interval_);
    rangeRow->addStretch(1);
    rangeRow->addWidget(downloadButton_);
    form->addRow(tr("Days (UTC)"), rangeRow);

    auto *importRow = new QHBoxLayout;
    importFilesButton_ = new QPushButton(tr("Import files…"), this);
    importFolderButton_ = new QPushButton(tr("Import folder…"), this);
    connect(importFilesButton_, &QPushButton::clicked, this, &DownloadForm::importFilesClicked);
    connect(importFolderButton_, &QPushButton::clicked, this, &DownloadForm::importFolderClicked);
    importRow->addWidget(new QLabel(tr("Already have data.binance.vision zips or CSVs?"), this));
    importRow->addWidget(importFilesButton_);
    importRow->addWidget(importFolderButton_);
    importRow->addStretch(1);
    form->addRow(tr("Import"), importRow);

    // First-run preset: the last 30 complete UTC days of the two main markets.
    const QDate yesterday = QDateTime::currentDateTimeUtc().date().addDays(-1);
    setSymbols(kFirstRunSymbols);
    setTypes(kDefaultTypes);
    setRange(yesterday.addDays(-29), yesterday);
    connect(exchange_, &QComboBox::currentIndexChanged, this, &DownloadForm::onExchangeChanged);
    onExchangeChanged();
}

void DownloadForm::setExchange(const QString &name) {
    const int i = exchange_->findData(name);
    if (i >= 0) exchange_->setCurrentIndex(i);
}

QString DownloadForm::exchange() const { return exchange_->currentData().toString(); }

void DownloadForm::setExchangeBaseUrl(const QString &exchange, const QString &url) {
    restUrls_.insert(exchange, url);
    onExchangeChanged();
}

QString DownloadForm::caveatText() const { return caveat_->text(); }

void DownloadForm::onExchangeChanged() {
    const ExchangeDescriptor *ex = ExchangeRegistry::builtin(exchange());
    const bool archive = ex && ex->dailyArchive;
    const QString host = archive ? QUrl(baseUrl_).host() : QUrl(restUrls_.value(exchange())).host();
    setTitle(tr("Download from %1").arg(host));
    // The archive's file types; an exchange's REST API has the same three series, no trade files.
    for (QCheckBox *cb : typeBoxes_) {
        const QString type = cb->property("lhmType").toString();
        bool available = true;
        if (type == QLatin1String("aggTrades")) available = archive;
        else if (type == QLatin1String("metrics")) available = archive || (ex && ex->history.openInterest);
        else if (type == QLatin1String("klines")) available = archive || (ex && ex->history.candles);
        else if (type == QLatin1String("fundingRate")) available = archive || (ex && ex->history.funding);
        cb->setEnabled(available);
        if (!available) cb->setChecked(false);
    }
    QStringList lacks;
    if (ex && !ex->history.openInterest && ex->recordsOpenInterestLive)
        lacks << tr("%1 publishes no open-interest history: the app records it every minute while Live is on "
                    "(and while `lhm live` or `lhm alerts watch` runs).")
                     .arg(ex->displayName);
    if (ex && !ex->liquidationStream) lacks << tr("No public liquidation stream.");
    caveat_->setText(lacks.join(QLatin1Char(' ')));
    // The archive's file names where history is the archive; the plain series names elsewhere.
    for (QCheckBox *cb : typeBoxes_) {
        const QString type = cb->property("lhmType").toString();
        if (type == QLatin1String("metrics")) cb->setText(archive ? tr("Open interest (metrics, 5 min)") : tr("Open interest (5 min)"));
        else if (type == QLatin1String("fundingRate")) cb->setText(archive ? tr("Funding rate (monthly files)") : tr("Funding rate"));
    }
    importFilesButton_->setEnabled(archive);
    importFolderButton_->setEnabled(archive);
}

void DownloadForm::setSymbols(const QStringList &symbols) {
    QStringList other;
    for (QCheckBox *cb : symbolBoxes_) cb->setChecked(symbols.contains(cb->text()));
    for (const QString &s : symbols)
        if (!kSymbols.contains(s)) other << s;
    otherSymbols_->setText(other.join(QLatin1Char(',')));
}

void DownloadForm::setTypes(const QStringList &types) {
    for (QCheckBox *cb : typeBoxes_) cb->setChecked(types.contains(cb->property("lhmType").toString()));
}

void DownloadForm::setInterval(const QString &interval) { interval_->setCurrentText(interval); }

void DownloadForm::setRange(const QDate &from, const QDate &to) {
    from_->setDate(from);
    to_->setDate(to);
}

DownloadRequest DownloadForm::request() const {
    DownloadRequest r;
    for (QCheckBox *cb : symbolBoxes_)
        if (cb->isChecked()) r.symbols << cb->text();
    for (const QString &s : otherSymbols_->text().toUpper().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!s.trimmed().isEmpty() && !r.symbols.contains(s.trimmed())) r.symbols << s.trimmed();
    r.types.clear();
    for (QCheckBox *cb : typeBoxes_)
        if (cb->isChecked()) r.types << cb->property("lhmType").toString();
    r.interval = interval_->currentText();
    r.from = from_->date();
    r.to = to_->date();
    r.exchange = exchange();
    const ExchangeDescriptor *ex = ExchangeRegistry::builtin(r.exchange);
    r.baseUrl = ex && ex->dailyArchive ? baseUrl_ : restUrls_.value(r.exchange);
    return r;
}

void DownloadForm::setBusy(bool busy) {
    for (QPushButton *w : {downloadButton_, importFilesButton_, importFolderButton_}) w->setEnabled(!busy);
    exchange_->setEnabled(!busy);
    if (!busy) onExchangeChanged();  // the import buttons are for the archive only
}

}  // namespace lhm::ui
