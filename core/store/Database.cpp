#include "store/Database.h"

#include "common/Log.h"

#include <QFileInfo>
#include <sqlite3.h>

namespace lhm {

Statement::Statement(Statement &&o) noexcept : db_(o.db_), stmt_(o.stmt_), owner_(o.owner_), error_(std::move(o.error_)) {
    o.stmt_ = nullptr;
}

Statement &Statement::operator=(Statement &&o) noexcept {
    if (this != &o) {
        if (stmt_) sqlite3_finalize(stmt_);
        db_ = o.db_;
        stmt_ = o.stmt_;
        owner_ = o.owner_;
        error_ = std::move(o.error_);
        o.stmt_ = nullptr;
    }
    return *this;
}

Statement::~Statement() {
    if (stmt_) sqlite3_finalize(stmt_);
}

Statement &Statement::bind(int idx, qint64 v) {
    sqlite3_bind_int64(stmt_, idx, v);
    return *this;
}
Statement &Statement::bind(int idx, double v) {
    sqlite3_bind_double(stmt_, idx, v);
    return *this;
}
Statement &Statement::bind(int idx, const QString &v) {
    const QByteArray u = v.toUtf8();
    sqlite3_bind_text(stmt_, idx, u.constData(), int(u.size()), SQLITE_TRANSIENT);
    return *this;
}
Statement &Statement::bind(int idx, const QByteArray &blob) {
    sqlite3_bind_blob(stmt_, idx, blob.constData(), int(blob.size()), SQLITE_TRANSIENT);
    return *this;
}
Statement &Statement::bindNull(int idx) {
    sqlite3_bind_null(stmt_, idx);
    return *this;
}

bool Statement::step() {
    if (!stmt_) {
        error_ = QStringLiteral("invalid statement");
        return false;
    }
    if (owner_ && owner_->beforeFirstWrite_ && !sqlite3_stmt_readonly(stmt_)) owner_->aboutToWrite();
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) error_ = QString::fromUtf8(sqlite3_errmsg(db_));
    return false;
}

bool Statement::run() {
    error_.clear();
    while (step()) {
    }
    const bool ok = error_.isEmpty();
    sqlite3_reset(stmt_);
    return ok;
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    error_.clear();
}

int Statement::changes() const { return sqlite3_changes(db_); }
qint64 Statement::i64(int col) const { return sqlite3_column_int64(stmt_, col); }
double Statement::f64(int col) const { return sqlite3_column_double(stmt_, col); }
QString Statement::text(int col) const {
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(stmt_, col));
    return p ? QString::fromUtf8(p, sqlite3_column_bytes(stmt_, col)) : QString();
}
QByteArray Statement::blob(int col) const {
    const void *p = sqlite3_column_blob(stmt_, col);
    return p ? QByteArray(static_cast<const char *>(p), sqlite3_column_bytes(stmt_, col)) : QByteArray();
}
bool Statement::isNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

Result<std::unique_ptr<Database>> Database::open(const QString &path, Mode mode) {
    const QFileInfo fi(path);
    if (fi.isDir()) return Error(QStringLiteral("is a directory, not a database file"), path);
    if (mode == Mode::ReadOnly && !fi.exists()) return Error(QStringLiteral("database file does not exist"), path);
    sqlite3 *db = nullptr;
    const int flags = (mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                      SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString msg = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QStringLiteral("out of memory");
        sqlite3_close(db);
        return Error(QStringLiteral("cannot open database: %1").arg(msg), path);
    }
    // The header is read through SQLite's own file handle: opening and closing the file any other
    // way (QFile) would drop the POSIX locks every connection of this process holds on it, after
    // which another process may checkpoint and reset the WAL under them and corrupt the store.
    sqlite3_file *file = nullptr;
    sqlite3_int64 size = 0;
    if (sqlite3_file_control(db, "main", SQLITE_FCNTL_FILE_POINTER, &file) == SQLITE_OK && file && file->pMethods &&
        file->pMethods->xFileSize(file, &size) == SQLITE_OK && size > 0) {
        char header[16] = {};
        const int rc = file->pMethods->xRead(file, header, sizeof header, 0);
        if (rc != SQLITE_OK || QByteArray(header, sizeof header) != QByteArray("SQLite format 3\0", 16)) {
            sqlite3_close(db);
            return Error(QStringLiteral("not a SQLite database (refusing to overwrite it)"), path);
        }
    }
    sqlite3_busy_timeout(db, 10000);
    std::unique_ptr<Database> out(new Database(db, path));
    return out;
}

Database::~Database() {
    // Cached statements are owned by callers' Statement objects; close_v2 defers until they finalize.
    sqlite3_close_v2(db_);
}

void Database::aboutToWrite() {
    // Inside a transaction the hook has run already (at its BEGIN) or was set after it began.
    if (!beforeFirstWrite_ || inTransaction()) return;
    const std::function<void()> hook = std::move(beforeFirstWrite_);
    beforeFirstWrite_ = nullptr;  // the hook's own write must not call it again
    hook();
}

Status Database::exec(const QString &sql) {
    aboutToWrite();
    char *err = nullptr;
    if (sqlite3_exec(db_, sql.toUtf8().constData(), nullptr, nullptr, &err) != SQLITE_OK) {
        Error e(QString::fromUtf8(err ? err : "unknown error"), path_);
        sqlite3_free(err);
        return e;
    }
    return {};
}

Statement Database::prepare(const QString &sql) {
    sqlite3_stmt *stmt = nullptr;
    const QByteArray u = sql.toUtf8();
    if (sqlite3_prepare_v3(db_, u.constData(), int(u.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK) {
        qCWarning(lcStore) << "prepare failed:" << sqlite3_errmsg(db_) << sql;
        return Statement(db_, nullptr, this);
    }
    return Statement(db_, stmt, this);
}

QString Database::lastError() const { return QString::fromUtf8(sqlite3_errmsg(db_)); }
bool Database::lastFailedBusy() const {
    const int code = sqlite3_errcode(db_);
    return code == SQLITE_BUSY || code == SQLITE_LOCKED;
}
bool Database::inTransaction() const { return sqlite3_get_autocommit(db_) == 0; }

qint64 Database::scalar(const QString &sql, qint64 fallback) {
    Statement st = prepare(sql);
    return st.step() ? st.i64(0) : fallback;
}

Transaction::Transaction(Database &db) : db_(db) {
    if (db_.inTransaction()) {
        joined_ = true;
        return;
    }
    began_ = db_.exec(QStringLiteral("BEGIN IMMEDIATE")).ok();  // exec() runs the before-first-write hook
}

Transaction::~Transaction() {
    if (began_ && !done_) db_.exec(QStringLiteral("ROLLBACK"));
}

Status Transaction::commit() {
    if (joined_) return {};
    if (!began_) return Error(QStringLiteral("transaction could not begin: %1").arg(db_.lastError()), db_.path());
    done_ = true;
    return db_.exec(QStringLiteral("COMMIT"));
}

}  // namespace lhm
