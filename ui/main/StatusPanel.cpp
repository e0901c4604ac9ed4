#include "main/StatusPanel.h"
#include "exchanges/ExchangeText.h"

#include "common/ElidedLabel.h"
#include "engine/ExchangeAggregate.h"
#include "common/Format.h"
#include "common/Timeframe.h"
#include "engine/Session.h"

#include <QDateTime>
#include <algorithm>
#include <QLabel>
#include <QProgressBar>
#include <QStatusBar>
#include <map>

namespace lhm::ui {

namespace {
QString day(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd")); }
}  // namespace

StatusPanel::StatusPanel(QStatusBar *bar, const Clock &clock) : QObject(bar), clock_(clock) {
    message_ = new ElidedLabel(bar);
    message_->setObjectName(QStringLiteral("statusMessage"));
    bar->addWidget(message_, 1);
    messageTimeout_.setSingleShot(true);
    connect(&messageTimeout_, &QTimer::timeout, this, [this] { message_->setFullText({}); });
    connect(bar, &QStatusBar::messageChanged, this, [this, bar](const QString &sent) {
        if (sent.isEmpty()) return;
        const QString text = sent;  // `sent` refers to the bar's own copy, which clearMessage() empties
        bar->clearMessage();
        showMessage(text, 8000);
    });
    coverage_ = new QLabel(bar);
    coverage_->setObjectName(QStringLiteral("coverageLabel"));
    age_ = new QLabel(bar);
    age_->setObjectName(QStringLiteral("ageLabel"));
    progress_ = new QProgressBar(bar);
    progress_->setMaximumWidth(160);
    progress_->setRange(0, 100);
    progress_->hide();
    bar->addPermanentWidget(progress_);
    bar->addPermanentWidget(coverage_);
    bar->addPermanentWidget(age_);
    tick_.setInterval(30'000);
    connect(&tick_, &QTimer::timeout, this, &StatusPanel::updateAge);
    tick_.start();
}

namespace {
// "All exchanges" and comma lists: the reference venue (the first), whose candles the summed grid shows.
QString referenceOf(const QString &exchange) {
    if (!isExchangeSelection(exchange)) return exchange;
    auto list = parseExchangeSelection(exchange);
    return list && !list->isEmpty() ? list->front() : exchange;
}
}  // namespace

QString StatusPanel::coverageText(const StoreSnapshot &info, const QString &selected, const QString &symbol) {
    const QString exchange = referenceOf(selected);
    if (!info.ok) return info.error.isEmpty() ? QString() : tr("Database unreadable");
    // One entry per type, from the first to the last day of any of its series. Candles name every
    // interval held, finest first: the models read whichever covers the window, so naming only the
    // finest (5m to 2024-05-13) contradicted a chart drawn from 1h candles to 2024-08-19.
    struct Span {
        qint64 from = 0, to = 0;
        std::vector<std::pair<qint64, QString>> intervals;
    };
    std::map<QString, Span> byType;
    for (const SeriesInfo &s : info.series) {
        if (s.exchange != exchange || s.symbol != symbol || s.rows == 0) continue;
        Span &span = byType[s.type];
        span.from = span.from ? std::min(span.from, s.from) : s.from;
        span.to = std::max(span.to, s.to);
        span.intervals.emplace_back(intervalMs(s.interval).value_or(0), s.interval);
    }
    QStringList parts;
    for (auto &[type, span] : byType) {
        // The bar names what the models read; the rest is in the data manager.
        if (type != QLatin1String("klines") && type != QLatin1String("metrics")) continue;
        std::sort(span.intervals.begin(), span.intervals.end());
        QStringList intervals;
        for (const auto &i : span.intervals) intervals << i.second;
        const QString name = type == QLatin1String("klines") ? tr("candles %1").arg(intervals.join(QStringLiteral(", ")))
                                                             : tr("open interest");
        parts << tr("%1 %2 → %3").arg(name, day(span.from), day(span.to));
    }
    if (parts.isEmpty()) return tr("No data for %1 on %2").arg(symbol, ExchangeText::name(exchange));
    return tr("Coverage: %1").arg(parts.join(QStringLiteral(" · ")));
}

qint64 StatusPanel::newestData(const StoreSnapshot &info, const QString &selected, const QString &symbol) {
    const QString exchange = referenceOf(selected);
    qint64 newest = 0;
    for (const SeriesInfo &s : info.series)
        if (s.exchange == exchange && s.symbol == symbol) newest = std::max(newest, s.to);
    return newest;
}

void StatusPanel::setStore(const StoreSnapshot &info, const QString &exchange, const QString &symbol) {
    coverage_->setText(coverageText(info, exchange, symbol));
    newest_ = newestData(info, exchange, symbol);
    updateAge();
}

void StatusPanel::setGrid(const GridPtr &grid) {
    gridTo_ = grid ? Session::shownTo(*grid) : 0;
    updateAge();
}

void StatusPanel::setProgress(int percent) {
    progress_->setVisible(percent >= 0);
    if (percent >= 0) progress_->setValue(percent);
}

void StatusPanel::showMessage(const QString &text, int timeoutMs) {
    message_->setFullText(text);
    if (timeoutMs > 0) messageTimeout_.start(timeoutMs);
    else messageTimeout_.stop();
}

QString StatusPanel::message() const { return message_->fullText(); }

QString StatusPanel::coverage() const { return coverage_->text(); }
QString StatusPanel::ageText() const { return age_->text(); }

void StatusPanel::updateAge() {
    const qint64 newest = gridTo_ > 0 ? gridTo_ : newest_;
    age_->setText(newest > 0 ? tr("Newest data %1 ago").arg(Format::age(clock_.nowMs() - newest)) : QString());
}

}  // namespace lhm::ui
