#pragma once
// Thin RAII layer over one sqlite3 connection. One connection per thread: readers open their own
// (WAL lets them run beside the writer).
#include "common/Error.h"

#include <QByteArray>
#include <QString>
#include <functional>
#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace lhm {

class Database;

class Statement {
public:
    Statement() = default;
    Statement(sqlite3 *db, sqlite3_stmt *stmt, Database *owner = nullptr) : db_(db), stmt_(stmt), owner_(owner) {}
    Statement(Statement &&o) noexcept;
    Statement &operator=(Statement &&o) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement();

    bool valid() const { return stmt_ != nullptr; }
    Statement &bind(int idx, qint64 v);
    Statement &bind(int idx, int v) { return bind(idx, static_cast<qint64>(v)); }
    Statement &bind(int idx, double v);
    Statement &bind(int idx, const QString &v);
    Statement &bind(int idx, const QByteArray &blob);
    Statement &bindNull(int idx);

    // Runs one step: true when a row is available, false when done. Errors are kept in lastError().
    bool step();
    // Executes to completion (for INSERT/UPDATE); returns false on error.
    bool run();
    void reset();
    int changes() const;

    qint64 i64(int col) const;
    double f64(int col) const;
    QString text(int col) const;
    QByteArray blob(int col) const;
    bool isNull(int col) const;

    const QString &lastError() const { return error_; }

private:
    sqlite3 *db_ = nullptr;
    sqlite3_stmt *stmt_ = nullptr;
    Database *owner_ = nullptr;  // told before a write (Database::setBeforeFirstWrite)
    QString error_;
};

class Database {
public:
    enum class Mode { ReadWrite, ReadOnly };
    // Opens (creating if ReadWrite) a SQLite file. Does not migrate: see Store::open.
    static Result<std::unique_ptr<Database>> open(const QString &path, Mode mode = Mode::ReadWrite);
    ~Database();

    sqlite3 *handle() const { return db_; }
    const QString &path() const { return path_; }
    Status exec(const QString &sql);
    // Prepare once and reuse the Statement in loops (bind, run, repeat); an invalid one logs why.
    Statement prepare(const QString &sql);
    QString lastError() const;
    // The last call failed because another connection held a lock SQLite would not wait for.
    bool lastFailedBusy() const;
    bool inTransaction() const;
    qint64 scalar(const QString &sql, qint64 fallback = 0);
    // Runs `hook` once, just before this connection's first write outside a transaction: a
    // Transaction's BEGIN, an exec(), or a statement that writes run in autocommit. Store uses it
    // to write a reader's session marker only when the reader writes (see SessionMark).
    void setBeforeFirstWrite(std::function<void()> hook) { beforeFirstWrite_ = std::move(hook); }

private:
    friend class Statement;
    Database(sqlite3 *db, QString path) : db_(db), path_(std::move(path)) {}
    void aboutToWrite();
    sqlite3 *db_ = nullptr;
    QString path_;
    std::function<void()> beforeFirstWrite_;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back on scope exit unless committed. Nested use joins the
// outer transaction (only the outermost commits), so repository calls compose inside an import.
class Transaction {
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    Status commit();
    bool ok() const { return began_ || joined_; }

private:
    Database &db_;
    bool began_ = false;
    bool joined_ = false;
    bool done_ = false;
};

}  // namespace lhm
