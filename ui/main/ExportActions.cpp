#include "main/ExportActions.h"

#include "analysis/PineScript.h"
#include "common/Exporter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileDialog>
#include <QPointer>
#include <QSaveFile>
#include <QThreadPool>

namespace lhm::ui {

ExportActions::ExportActions(QWidget *dialogParent) : QObject(dialogParent), parent_(dialogParent) {}

void ExportActions::png(QWidget *view, const QString &suggestedName) {
    const QString path = QFileDialog::getSaveFileName(parent_, tr("Export view as PNG"), suggestedName, tr("PNG images (*.png)"));
    if (path.isEmpty()) return;
    const Status st = Exporter::savePng(view, path);
    emit message(st.ok() ? tr("Saved %1").arg(path) : st.error().toString());
}

namespace {
template <class Ptr, class Write>
void writeInBackground(ExportActions *self, Ptr data, const QString &path, Write write) {
    QPointer<ExportActions> guard(self);
    QThreadPool::globalInstance()->start([guard, data, path, write] {
        const Status st = write(*data, path);
        const QString msg = st.ok() ? QCoreApplication::translate("lhm::ui::ExportActions", "Saved %1").arg(path)
                                    : st.error().toString();
        // The guard is only read on the UI thread, where the object lives.
        QMetaObject::invokeMethod(QCoreApplication::instance(), [guard, msg] {
            if (guard) emit guard->message(msg);
        });
    });
}
}  // namespace

void ExportActions::gridCsv(const GridPtr &grid) {
    if (!grid) {
        emit message(tr("Nothing to export yet"));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(parent_, tr("Export heatmap grid"), QStringLiteral("heatmap.csv"),
                                                      tr("CSV files (*.csv)"));
    if (!path.isEmpty()) writeInBackground(this, grid, path, &Exporter::writeGridCsv);
}

void ExportActions::mapCsv(const MapPtr &map) {
    if (!map) {
        emit message(tr("Nothing to export yet"));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(parent_, tr("Export liquidation map"),
                                                      QStringLiteral("liquidation-map.csv"), tr("CSV files (*.csv)"));
    if (!path.isEmpty()) writeInBackground(this, map, path, &Exporter::writeMapCsv);
}

}  // namespace lhm::ui

namespace lhm::ui {

void ExportActions::pine(const MapPtr &map, int top) {
    if (!map) {
        emit message(tr("Nothing to export yet"));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(parent_, tr("Export TradingView Pine Script"),
                                                      QStringLiteral("%1-estimated-levels.pine").arg(map->symbol),
                                                      tr("Pine Script (*.pine);;Text files (*.txt)"));
    if (path.isEmpty()) return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    writeInBackground(this, map, path, [now, top](const LiquidationMap &m, const QString &file) -> Status {
        const QByteArray text = pineScript(pineHeaderOf(m, now, top), topPineLevels(m, top)).toUtf8();
        QSaveFile f(file);
        if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size() || !f.commit())
            return Error(QStringLiteral("cannot write: %1").arg(f.errorString()), file);
        return {};
    });
}

}  // namespace lhm::ui
