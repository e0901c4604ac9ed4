#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <zlib.h>

#include <limits>

namespace lhm::test {

QString sharedData(const QString &relative) {
    return QDir(QStringLiteral(LHM_SHARED_DATA_DIR)).absoluteFilePath(relative);
}

QString sourcePath(const QString &relative) { return QDir(QStringLiteral(LHM_SOURCE_DIR)).absoluteFilePath(relative); }

QString cliPath() { return qEnvironmentVariable("LHM_CLI"); }

QByteArray readFile(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return f.readAll();
}

bool writeFile(const QString &path, const QByteArray &data) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

QByteArray gunzipFile(const QString &path) {
    gzFile gz = gzopen(QFile::encodeName(path).constData(), "rb");
    if (!gz) return {};
    QByteArray out;
    char buf[1 << 16];
    int n;
    while ((n = gzread(gz, buf, sizeof buf)) > 0) out.append(buf, n);
    gzclose(gz);
    return out;
}

TempStore::TempStore() : path(dir.filePath(QStringLiteral("test.sqlite"))) {
    auto s = Store::open(path);
    if (s) store = std::move(*s);
    else qWarning() << s.error().toString();
}

qint64 sqlScalar(const QString &dbPath, const QString &sql, qint64 fallback) {
    auto db = Database::open(dbPath, Database::Mode::ReadOnly);
    return db ? (*db)->scalar(sql, fallback) : fallback;
}

CliRun runCli(const QStringList &args, int timeoutMs, const QByteArray &stdinData) {
    CliRun r;
    QProcess p;
    p.start(cliPath(), args);
    if (!p.waitForStarted()) {
        r.err = "cannot start " + cliPath().toUtf8();
        return r;
    }
    if (!stdinData.isEmpty()) p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) p.kill();
    p.waitForFinished();
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

bool copyVenue(Store &s, const QString &from, const QString &to, const QString &symbol) {
    const TimeRange all{0, std::numeric_limits<qint64>::max()};
    const SeriesKey m{from, symbol, {}};
    return s.insertCandles({to, symbol, QStringLiteral("1h")}, s.candles({from, symbol, QStringLiteral("1h")}, all)).ok() &&
           s.insertOpenInterest({to, symbol, {}}, s.openInterest(m, all)).ok() &&
           s.insertHourlyLiquidations({to, symbol, {}}, QStringLiteral("copy"), s.hourlyLiquidations(m, all)).ok();
}

}  // namespace lhm::test
