// Integrity on demand: session markers that reveal an unclean shutdown, and SQLite's own checks.
#include "store/Store.h"

#include "common/Log.h"

#include <QCoreApplication>
#include <QDateTime>
#include <algorithm>
#include <atomic>
#include <sqlite3.h>
#ifdef Q_OS_UNIX
#include <cerrno>
#include <signal.h>
#endif

namespace lhm {

namespace {

constexpr auto kSessionPrefix = "session:";

// A process that no longer exists left its marker behind: it crashed or was killed. Where this
// cannot be known the answer is "gone", which only costs one check too many.
bool processAlive(qint64 pid) {
#ifdef Q_OS_UNIX
    if (pid <= 0) return false;
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
#else
    Q_UNUSED(pid);
    return false;
#endif
}

}  // namespace

Store::~Store() {
    markSessionClosed();
    // A session that changed nothing but its own marker, if it wrote one (a reader: heatmap,
    // levels, info) leaves the WAL to the next writer's checkpoint. As the last connection to
    // close it would otherwise copy the marker's pages into the database and fdatasync both files:
    // ~30 ms on an ordinary disk, more than the whole command. Nothing durable is at stake: the
    // marker's insert and delete cancel out, and other sessions' commits stay in the WAL, which
    // synchronous=NORMAL allows; the next writer checkpoints them (at 1,000 pages or when it closes).
    const qint64 ownChanges = sessionKey_.isEmpty() ? 0 : 2;  // the marker's insert and delete
    if (db_ && sqlite3_total_changes64(db_->handle()) <= ownChanges)
        sqlite3_db_config(db_->handle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
}

void Store::setBusyTimeout(int ms) {
    busyTimeoutMs_ = ms;
    sqlite3_busy_timeout(db_->handle(), ms);
}

Result<bool> Store::uncleanShutdown() {
    if (db_->scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name='meta'")) == 0) return false;
    Statement st = db_->prepare(QStringLiteral("SELECT key FROM meta WHERE key >= 'session:' AND key < 'session;'"));
    if (!st.valid()) return Error(QStringLiteral("cannot read the store's metadata: %1").arg(db_->lastError()), db_->path());
    bool unclean = false;
    while (st.step()) {
        const QString key = st.text(0);  // session:<pid>:<serial>
        if (!processAlive(key.section(QLatin1Char(':'), 1, 1).toLongLong())) unclean = true;
    }
    return unclean;
}

Result<QStringList> Store::checkIntegrity(bool full) {
    Statement st = db_->prepare(full ? QStringLiteral("PRAGMA integrity_check") : QStringLiteral("PRAGMA quick_check"));
    if (!st.valid()) return Error(QStringLiteral("not a readable SQLite database: %1").arg(db_->lastError()), db_->path());
    QStringList problems;
    while (st.step())
        if (st.text(0) != QLatin1String("ok")) problems << st.text(0);
    if (!st.lastError().isEmpty()) problems << st.lastError();
    if (problems.isEmpty()) {
        // The file is sound: the markers of sessions that died are answered.
        Statement dead = db_->prepare(QStringLiteral("SELECT key FROM meta WHERE key >= 'session:' AND key < 'session;'"));
        QStringList gone;
        while (dead.valid() && dead.step()) {
            const QString key = dead.text(0);
            if (!processAlive(key.section(QLatin1Char(':'), 1, 1).toLongLong())) gone << key;
        }
        dead = Statement();
        Statement del = db_->prepare(QStringLiteral("DELETE FROM meta WHERE key=?"));
        for (const QString &key : gone) {
            del.bind(1, key);
            if (!del.run()) qCWarning(lcStore) << "cannot clear session marker" << key << del.lastError();
        }
    }
    return problems;
}

// Best effort and never waiting: an import in another process may hold the write lock for
// seconds, and a connection without a marker only loses the check after its own crash.
void Store::markSessionOpen() {
    static std::atomic<qint64> serial{0};
    const QString key = QStringLiteral("%1%2:%3")
                            .arg(QLatin1String(kSessionPrefix))
                            .arg(QCoreApplication::applicationPid())
                            .arg(++serial);
    sqlite3_busy_timeout(db_->handle(), 0);
    Statement st = db_->prepare(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)"));
    st.bind(1, key).bind(2, QString::number(QDateTime::currentMSecsSinceEpoch()));
    if (st.run()) sessionKey_ = key;
    else qCDebug(lcStore) << "no session marker for" << db_->path() << st.lastError();
    sqlite3_busy_timeout(db_->handle(), busyTimeoutMs_);
}

void Store::markSessionClosed() {
    if (sessionKey_.isEmpty() || !db_) return;
    sqlite3_busy_timeout(db_->handle(), std::min(busyTimeoutMs_, 2000));
    Statement st = db_->prepare(QStringLiteral("DELETE FROM meta WHERE key=?"));
    st.bind(1, sessionKey_);
    if (!st.run()) qCDebug(lcStore) << "session marker left behind in" << db_->path() << st.lastError();
}

}  // namespace lhm
