#include "data/CoverageTable.h"

#include "exchanges/ExchangeText.h"
#include <QDateTime>
#include <QHeaderView>
#include <QPainter>

namespace lhm::ui {

CoverageTable::CoverageTable(QWidget *parent) : QTableWidget(0, ColumnCount, parent) {
    setObjectName(QStringLiteral("coverageTable"));
    setHorizontalHeaderLabels({tr("Exchange"), tr("Symbol"), tr("Type"), tr("Interval"), tr("Rows"), tr("From (UTC)"),
                               tr("To (UTC)"), tr("Gaps")});
    setEditTriggers(NoEditTriggers);
    setSelectionBehavior(SelectRows);
    setAlternatingRowColors(true);
    setShowGrid(false);
    verticalHeader()->hide();
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
}

void CoverageTable::setSeries(const std::vector<SeriesInfo> &series) {
    auto when = [](qint64 ms) {
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    };
    setRowCount(int(series.size()));
    for (int r = 0; r < int(series.size()); ++r) {
        const SeriesInfo &s = series[size_t(r)];
        const QString cells[ColumnCount] = {ExchangeText::displayName(s.exchange), s.symbol, s.type, s.interval.isEmpty() ? QStringLiteral("—") : s.interval,
                                            QLocale().toString(s.rows), when(s.from), when(s.to),
                                            QString::number(s.gaps.size())};
        for (int c = 0; c < ColumnCount; ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            if (c == Rows) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (c == Rows) item->setData(Qt::UserRole, s.rows);
            if (c == Gaps && !s.gaps.empty()) {
                QStringList list;
                for (size_t g = 0; g < std::min<size_t>(s.gaps.size(), 10); ++g)
                    list << tr("%1 → %2").arg(when(s.gaps[g].first), when(s.gaps[g].second));
                item->setToolTip(list.join(QLatin1Char('\n')));
            }
            setItem(r, c, item);
        }
    }
}

void CoverageTable::paintEvent(QPaintEvent *event) {
    QTableWidget::paintEvent(event);
    if (rowCount() > 0) return;
    QPainter p(viewport());
    p.setPen(QColor(0x8b, 0x94, 0x9e));
    p.drawText(viewport()->rect(), Qt::AlignCenter,
               tr("The local store is empty. Download above, or import files you already have."));
}

}  // namespace lhm::ui
