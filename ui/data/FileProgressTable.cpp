#include "data/FileProgressTable.h"

#include <algorithm>
#include <QHeaderView>
#include <QProgressBar>
#include <QVBoxLayout>

namespace lhm::ui {

FileProgressTable::FileProgressTable(QWidget *parent) : QTableWidget(0, ColumnCount, parent) {
    setObjectName(QStringLiteral("fileTable"));
    setHorizontalHeaderLabels({tr("File"), tr("Progress"), tr("Status")});
    setEditTriggers(NoEditTriggers);
    setSelectionMode(NoSelection);
    setShowGrid(false);
    verticalHeader()->hide();
    horizontalHeader()->setSectionResizeMode(File, QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(Progress, QHeaderView::Fixed);
    horizontalHeader()->resizeSection(Progress, 160);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
}

void FileProgressTable::setFiles(const QStringList &names) {
    clearContents();
    setRowCount(int(names.size()));
    for (int r = 0; r < names.size(); ++r) {
        setItem(r, File, new QTableWidgetItem(names[r]));
        // A holder with margins centres the bar vertically in the row.
        auto *holder = new QWidget;
        auto *lay = new QVBoxLayout(holder);
        lay->setContentsMargins(4, 0, 8, 0);
        auto *b = new QProgressBar(holder);
        b->setRange(0, 100);
        b->setValue(0);
        b->setFixedHeight(16);
        b->setTextVisible(true);
        lay->addWidget(b, 0, Qt::AlignVCenter);
        setCellWidget(r, Progress, holder);
        setItem(r, Status, new QTableWidgetItem(tr("waiting")));
    }
}

QProgressBar *FileProgressTable::bar(int row) const {
    QWidget *holder = cellWidget(row, Progress);
    return holder ? holder->findChild<QProgressBar *>() : nullptr;
}

void FileProgressTable::setStage(int row, const QString &text) {
    if (QTableWidgetItem *it = item(row, Status)) it->setText(text);
    if (row >= 0 && row < rowCount()) scrollToItem(item(row, File));
}

void FileProgressTable::setProgress(int row, qint64 done, qint64 total) {
    QProgressBar *b = bar(row);
    if (!b) return;
    if (total > 0) {
        b->setProperty("lhmBytes", total);
        b->setFormat(tr("%p% of %1").arg(QLocale().formattedDataSize(total)));
        b->setRange(0, 100);
        b->setValue(int(std::min<qint64>(100, done * 100 / total)));
    } else {
        b->setRange(0, 0);  // size unknown: busy indicator
    }
}

void FileProgressTable::setImportProgress(int row, qint64 done, qint64 total) {
    QProgressBar *b = bar(row);
    if (!b || total <= 0) return;
    b->setFormat(tr("importing %p%"));
    b->setRange(0, 100);
    b->setValue(int(std::min<qint64>(100, done * 100 / total)));
}

void FileProgressTable::setPageProgress(int row, int page, int percent) {
    QProgressBar *b = bar(row);
    if (!b) return;
    b->setFormat(tr("page %1 · %p%").arg(page));
    b->setRange(0, 100);
    b->setValue(std::clamp(percent, 0, 100));
}

void FileProgressTable::setDone(int row, int outcome, const QString &text) {
    if (QProgressBar *b = bar(row)) {
        b->setRange(0, 100);
        if (outcome == Success) {
            b->setValue(100);
            // The finished bar shows what was downloaded (the import's CSV bytes are another size).
            const qint64 bytes = b->property("lhmBytes").toLongLong();
            b->setFormat(bytes > 0 ? QLocale().formattedDataSize(bytes) : QStringLiteral("%p%"));
        } else if (outcome == Skipped) {
            b->setValue(0);
            b->setFormat(QStringLiteral("—"));  // a full bar would claim bytes that never came
        }
    }
    if (QTableWidgetItem *it = item(row, Status)) {
        it->setText(text);
        it->setToolTip(text);
        if (outcome == Skipped) it->setForeground(QColor(0x8b, 0x94, 0x9e));
        else if (outcome == Failure) it->setForeground(QColor(0xf8, 0x51, 0x49));
        else it->setForeground(QColor(0x3f, 0xb9, 0x50));
    }
}

void FileProgressTable::markNotStarted() {
    const QString waiting = tr("waiting");
    for (int r = 0; r < rowCount(); ++r)
        if (item(r, Status) && item(r, Status)->text() == waiting) {
            item(r, Status)->setText(tr("not started"));
            if (QProgressBar *b = bar(r)) b->setFormat(QStringLiteral("—"));
        }
}

QString FileProgressTable::statusText(int row) const {
    const QTableWidgetItem *it = item(row, Status);
    return it ? it->text() : QString();
}

int FileProgressTable::percent(int row) const {
    const QProgressBar *b = bar(row);
    return b && b->maximum() > 0 ? b->value() : -1;
}

}  // namespace lhm::ui
