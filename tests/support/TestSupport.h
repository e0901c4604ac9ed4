#pragma once
// Shared helpers for tests: where the recorded exchange data lives, temporary stores, and a main
// that keeps tests away from the user's real settings and database.
#include "store/Store.h"

#include <QByteArray>
#include <QStandardPaths>
#include <QString>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

namespace lhm::test {

// Absolute path of a file under ../shared/data (the recorded real data; never copied into the repo).
QString sharedData(const QString &relative);
// Absolute path under the source tree (config/, ...).
QString sourcePath(const QString &relative);
// The built `lhm` executable (from the LHM_CLI environment variable CTest sets).
QString cliPath();

QByteArray readFile(const QString &path);
bool writeFile(const QString &path, const QByteArray &data);
// Decompresses a .gz file (the recorded WebSocket captures are gzip text).
QByteArray gunzipFile(const QString &path);

// A fresh store in its own temporary directory, removed with the object.
// Copies one venue's 1h candles, open interest and hourly liquidation totals of `symbol` under
// another exchange's name: a second venue with the same market (the "All exchanges" tests).
bool copyVenue(Store &s, const QString &from, const QString &to, const QString &symbol);

struct TempStore {
    QTemporaryDir dir;
    QString path;
    std::unique_ptr<Store> store;
    TempStore();
};

// One number from a store file through a connection of its own (tests look at tables the Store API
// does not expose; only the store writes SQL in the product).
qint64 sqlScalar(const QString &dbPath, const QString &sql, qint64 fallback = -1);

// Runs the CLI with args; captures stdout, stderr and the exit code.
struct CliRun {
    int exitCode = -1;
    QByteArray out, err;
};
CliRun runCli(const QStringList &args, int timeoutMs = 120000, const QByteArray &stdinData = {});

}  // namespace lhm::test

// Like QTEST_GUILESS_MAIN / QTEST_MAIN but with QStandardPaths test mode on.
#define LHM_TEST_MAIN_IMPL(AppClass, TestClass)                \
    int main(int argc, char **argv) {                          \
        QStandardPaths::setTestModeEnabled(true);              \
        AppClass app(argc, argv);                              \
        app.setOrganizationName(QStringLiteral("LHMTest"));    \
        app.setApplicationName(QStringLiteral("lhm-test"));    \
        TestClass tc;                                          \
        QTEST_SET_MAIN_SOURCE_PATH                             \
        return QTest::qExec(&tc, argc, argv);                  \
    }
#define LHM_TEST_MAIN(TestClass) LHM_TEST_MAIN_IMPL(QCoreApplication, TestClass)
