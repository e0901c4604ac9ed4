#pragma once
// The `lhm` command-line contract: global `--db PATH` and `--json` (accepted before or after the
// subcommand), exit 0 on success, 2 on bad input or arguments with one clear line on stderr,
// 1 on other failures (network, disk). Each subcommand lives in its own Cmd*.cpp and registers
// itself with LHM_COMMAND, so adding one never touches a shared file.
#include "common/Error.h"
#include "store/Store.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QStringList>
#include <QTextStream>
#include <functional>
#include <memory>

namespace lhm::cli {

enum Exit { kOk = 0, kFailure = 1, kBadInput = 2 };

class Context {
public:
    QString command;
    QStringList args;  // arguments after the subcommand name, program name first (for QCommandLineParser)
    QString dbPath;    // from --db, else the default app-data file
    bool json = false;
    int exitCode = 0;  // set by parse() when it returns false: 0 after --help, 2 on a bad argument
    // Creates the QCoreApplication when the command runs without one (LHM_WINDOW_COMMAND): help
    // text names the executable from it.
    std::function<void()> needApp;

    // Adds --db/--json/--help to `p` and parses args. Returns false when the command should stop
    // now (help printed, or a bad argument reported): then return exitCode.
    bool parse(QCommandLineParser &p);
    // Opens (creating/migrating) the store at dbPath; on error prints one line. The commands that
    // only read (or write a cache entry at most) mark their session before their first write.
    std::unique_ptr<Store> openStore(SessionMark mark = SessionMark::AtOpen);

    int fail(const QString &message, int code = kBadInput);
    int fail(const Error &e, int code = kBadInput) { return fail(e.toString(), code); }

    void print(const QString &line);            // stdout, newline added, flushed
    void printJson(const QJsonDocument &doc);   // compact, one line
    void printJson(const QByteArray &compact);  // already compact JSON (api/ResultJson), one line
    void progress(const QString &line);         // stderr, for humans watching
};

// Control bytes from bad input (file names, symbols, server messages) never reach the terminal raw:
// print(), progress() and fail() write them as \u001b. Newline and tab pass.
QString escapeForTerminal(const QString &text);

// True once a write to stdout failed (the reader closed the pipe): the command's output is lost,
// so lhm exits with kFailure, after closing the store cleanly.
bool outputClosed();

// Runs the event loop until SIGINT/SIGTERM or `durationS` seconds (<= 0: no limit), for the
// commands that follow live feeds; the default signal handlers are back when it returns.
void runUntilStopped(double durationS);

using CommandFn = std::function<int(Context &)>;

struct Command {
    QString name;
    QString summary;
    CommandFn run;
    bool needsApp = true;  // false: runs without a QCoreApplication (LHM_WINDOW_COMMAND)
};

// Registry filled by static initialisers in each Cmd*.cpp (compiled straight into the lhm executable).
std::vector<Command> &commands();
struct Registrar {
    Registrar(const char *name, const char *summary, CommandFn fn, bool needsApp = true);
};

}  // namespace lhm::cli

#define LHM_CONCAT_INNER(a, b) a##b
#define LHM_CONCAT(a, b) LHM_CONCAT_INNER(a, b)
#define LHM_COMMAND(name, summary, fn) \
    static const ::lhm::cli::Registrar LHM_CONCAT(lhmCommandRegistrar_, __LINE__)(name, summary, fn)
// A command that reads a window of the store and prints it, with no event loop, timer, thread of
// Qt's or help of its own to show before parsing: it runs without a QCoreApplication (main.cpp).
#define LHM_WINDOW_COMMAND(name, summary, fn) \
    static const ::lhm::cli::Registrar LHM_CONCAT(lhmCommandRegistrar_, __LINE__)(name, summary, fn, false)
