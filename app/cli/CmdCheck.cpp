// lhm check: SQLite's full integrity check of the store, on demand (opening never walks every page).
#include "Cli.h"

#include "common/Paths.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>

using namespace lhm;
using namespace lhm::cli;

static int runCheck(Context &ctx) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Check the store's integrity (every page and index). "
                                               "Exit 0 when sound, 2 when damaged."));
    p.addOption({QStringLiteral("quick"), QStringLiteral("Skip the index-content cross-check (faster).")});
    if (!ctx.parse(p)) return ctx.exitCode;
    if (ctx.dbPath.isEmpty()) ctx.dbPath = defaultDatabasePath();
    // Opened without the unclean-shutdown check: this command is the check, and must report a
    // damaged file rather than refuse it.
    auto store = Store::open(ctx.dbPath, OpenCheck::Never);
    if (!store) return ctx.fail(store.error());
    QElapsedTimer t;
    t.start();
    const bool full = !p.isSet(QStringLiteral("quick"));
    Result<QStringList> problems = (*store)->checkIntegrity(full);
    if (!problems) return ctx.fail(problems.error());
    const double seconds = t.elapsed() / 1000.0;
    if (ctx.json) {
        ctx.printJson(QJsonDocument(QJsonObject{{"ok", problems->isEmpty()},
                                                {"check", full ? "integrity_check" : "quick_check"},
                                                {"problems", QJsonArray::fromStringList(*problems)},
                                                {"seconds", seconds}}));
    } else if (problems->isEmpty()) {
        ctx.print(QStringLiteral("%1: ok (%2 in %3 s)")
                      .arg(ctx.dbPath, full ? QStringLiteral("integrity_check") : QStringLiteral("quick_check"))
                      .arg(seconds, 0, 'f', 2));
    } else {
        for (const QString &line : *problems) ctx.print(line);
    }
    if (problems->isEmpty()) return kOk;
    return ctx.fail(QStringLiteral("%1 is damaged (%2 problem(s)); restore a backup or re-import its files")
                        .arg(ctx.dbPath)
                        .arg(problems->size()));
}

LHM_COMMAND("check", "check the store's integrity (after a crash it is also checked on open)", runCheck);
