#include "store/Store.h"

#include "common/Log.h"
#include "store/Schema.h"

#include <QElapsedTimer>
#include <QThread>
#include <algorithm>

namespace lhm {

namespace {
// Under the write lock, so connections opening the store together rebuild it once, not each.
Status rebuildSeriesMetaOnce(Store &store, Database &db) {
    const QString missing = QStringLiteral("SELECT count(*) FROM meta WHERE key='series_meta'");
    if (db.scalar(missing) > 0) return {};
    Transaction tx(db);
    if (!tx.ok()) return Error(QStringLiteral("cannot rebuild series metadata: %1").arg(db.lastError()), db.path());
    if (db.scalar(missing) > 0) return {};
    if (Status s = store.rebuildSeriesMeta(); !s) return s;  // joins this transaction
    return tx.commit();
}

// When several connections create a store at the same instant (the app's workers on a first
// start), the switch to WAL needs the file to itself and SQLite answers SQLITE_BUSY at once,
// without its busy handler, to the connections that lose. They wait and try again, as long as a
// write would wait for a lock (the busy timeout).
Status setUpConnection(Database &db) {
    const QString pragmas = QStringLiteral(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;");
    QElapsedTimer waited;
    waited.start();
    for (int attempt = 0;; ++attempt) {
        Status s = db.exec(pragmas);
        if (s || !db.lastFailedBusy() || waited.elapsed() > 10000) return s;
        QThread::msleep(std::min(50, 1 << std::min(attempt, 6)));
    }
}
}  // namespace

Result<std::unique_ptr<Store>> Store::open(const QString &path, OpenCheck check, SessionMark mark) {
    auto db = Database::open(path, Database::Mode::ReadWrite);
    if (!db) return db.error();
    std::unique_ptr<Store> store(new Store(std::move(*db)));
    // WAL keeps readers going while the writer imports; NORMAL sync is crash-safe in WAL mode.
    if (Status s = setUpConnection(*store->db_); !s)
        return Error(QStringLiteral("not a usable database: %1").arg(s.error().message), path);
    if (Status s = store->checkOurs(); !s) return s.error();
    if (check == OpenCheck::AfterUncleanShutdown) {
        Result<bool> unclean = store->uncleanShutdown();
        if (!unclean) return unclean.error();
        if (*unclean) {
            qCInfo(lcStore) << path << "was not closed cleanly: checking it";
            Result<QStringList> problems = store->checkIntegrity(false);
            if (!problems) return problems.error();
            if (!problems->isEmpty())
                return Error(QStringLiteral("database is corrupt (integrity check: %1)").arg(problems->first()), path);
            store->checkedAtOpen_ = true;
        }
    }
    if (Status s = store->migrate(); !s) return s.error();
    if (Status s = rebuildSeriesMetaOnce(*store, *store->db_); !s) return s.error();
    if (mark == SessionMark::AtOpen) {
        store->markSessionOpen();
    } else {
        Store *s = store.get();  // owns the connection, so outlives the hook
        store->db_->setBeforeFirstWrite([s] { s->markSessionOpen(); });
    }
    return store;
}

Result<std::unique_ptr<Store>> Store::openReadOnly(const QString &path) {
    auto db = Database::open(path, Database::Mode::ReadOnly);
    if (!db) return db.error();
    std::unique_ptr<Store> store(new Store(std::move(*db)));
    if (Status s = store->checkOurs(); !s) return s.error();
    const qint64 v = store->db_->scalar(QStringLiteral("PRAGMA user_version"));
    const qint64 known = schemaMigrations().size();
    if (v != known) return Error(QStringLiteral("store schema version %1, this build reads %2").arg(v).arg(known), path);
    return store;
}

Status Store::checkOurs() {
    Database &db = *db_;
    // Reading the schema touches the header and page 1: enough to refuse a file that is not a
    // database at all, without walking every page.
    Statement schema = db.prepare(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type='table'"));
    if (!schema.valid() || !schema.step())
        return Error(QStringLiteral("not a readable SQLite database: %1").arg(db.lastError()), db.path());
    if (schema.i64(0) == 0) return {};  // fresh file: ours to initialise
    Statement st = db.prepare(QStringLiteral("SELECT value FROM meta WHERE key='application'"));
    if (!st.valid() || !st.step() || st.text(0) != QLatin1String("liquidationheatmap"))
        return Error(QStringLiteral("a SQLite database, but not a LiquidationHeatmap store (refusing to modify it)"),
                     db.path());
    return {};
}

Status Store::migrate() {
    Database &db = *db_;
    const QStringList &steps = schemaMigrations();
    // The version is read under the write lock, one step at a time: the app's connections open a
    // store at the same instant, and a version read before BEGIN IMMEDIATE would let the second
    // one to get the lock apply the step the first has just committed.
    if (db.scalar(QStringLiteral("PRAGMA user_version")) == steps.size()) return {};
    for (;;) {
        Transaction tx(db);
        if (!tx.ok()) return Error(QStringLiteral("cannot migrate: %1").arg(db.lastError()), db.path());
        const qint64 v = db.scalar(QStringLiteral("PRAGMA user_version"), -1);
        if (v < 0) return Error(QStringLiteral("cannot read the schema version: %1").arg(db.lastError()), db.path());
        if (v > steps.size())
            return Error(QStringLiteral("store schema version %1 is newer than this build (%2); upgrade the app")
                             .arg(v)
                             .arg(steps.size()),
                         db.path());
        if (v == steps.size()) return {};
        if (Status s = db.exec(steps.at(int(v))); !s)
            return Error(QStringLiteral("migration %1 failed: %2").arg(v + 1).arg(s.error().message), db.path());
        if (Status s = db.exec(QStringLiteral("PRAGMA user_version=%1").arg(v + 1)); !s) return s;
        if (Status s = tx.commit(); !s) return s;
        qCDebug(lcStore) << "migrated" << db.path() << "to schema" << v + 1;
    }
}

}  // namespace lhm
