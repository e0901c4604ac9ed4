// lhm: the headless command line. Parses global options, picks the subcommand, nothing else.
#include "Cli.h"
#include "common/HugePageHeap.h"

#include <QCoreApplication>
#include <QDir>
#include <algorithm>
#include <cerrno>
#include <optional>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <unistd.h>

using namespace lhm::cli;

static void usage() {
    std::fprintf(stderr, "usage: lhm [--db PATH] [--json] <command> [options]\n\ncommands:\n");
    auto list = commands();
    std::sort(list.begin(), list.end(), [](const Command &a, const Command &b) { return a.name < b.name; });
    for (const Command &c : list) std::fprintf(stderr, "  %-10s %s\n", qPrintable(c.name), qPrintable(c.summary));
    std::fprintf(stderr, "\n'lhm <command> --help' shows a command's options.\n");
}

#ifdef LHM_FULL_CLI
// This `lhm` holds only the window commands (see app/CMakeLists.txt); everything else, and the
// full command list, is `lhm-full` from the same folder, run in this process's place (after the
// QCoreApplication is made: its applicationDirPath()).
[[noreturn]] static void runFull(char **argv) {
    const QByteArray full = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral(LHM_FULL_CLI)).toLocal8Bit();
    std::fflush(stdout);
    ::execv(full.constData(), argv);
    std::fprintf(stderr, "lhm: cannot run %s: %s\n", full.constData(), std::strerror(errno));
    std::exit(kFailure);
}
#endif

int main(int argc, char **argv) {
    lhm::heapOnHugePages(4 << 20);
    // `lhm … | head` must not kill lhm mid-write: a process killed with the store open leaves its
    // session marker, and the next open of a store of years pays a full integrity check. Writes
    // fail with EPIPE instead, and the command ends through its normal path (see outputClosed()).
    std::signal(SIGPIPE, SIG_IGN);
    // Static: the names hold before and without a QCoreApplication (QStandardPaths reads them).
    QCoreApplication::setOrganizationName(QStringLiteral("LiquidationHeatmap"));
    QCoreApplication::setApplicationName(QStringLiteral("liquidationheatmap"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LHM_VERSION));
    // The window commands (LHM_WINDOW_COMMAND: heatmap, levels, compare) run without one:
    // constructing it (the C library's locale from the environment, a GLib event dispatcher, Qt's
    // data for the main thread) cost about 1 ms of a 12h heatmap's 20 (issue 10). Every other
    // command, help, and the hand-over to lhm-full get it first.
    std::optional<QCoreApplication> app;
    auto needApp = [&] {
        if (!app) app.emplace(argc, argv);
    };

    Context ctx;
    ctx.needApp = needApp;
    QStringList rest;
    for (int i = 0; i < argc; ++i) rest << QString::fromLocal8Bit(argv[i]);  // as QCoreApplication::arguments()
    const QString program = rest.takeFirst();
    // Global options come before the subcommand.
    while (!rest.isEmpty() && rest.first().startsWith(QLatin1String("--"))) {
        const QString opt = rest.takeFirst();
        if (opt == QLatin1String("--json")) {
            ctx.json = true;
        } else if (opt == QLatin1String("--db") && !rest.isEmpty()) {
            ctx.dbPath = rest.takeFirst();
        } else if (opt.startsWith(QLatin1String("--db="))) {
            ctx.dbPath = opt.mid(5);
        } else if (opt == QLatin1String("--help")) {
#ifdef LHM_FULL_CLI
            needApp();
            runFull(argv);
#endif
            usage();
            return kOk;
        } else if (opt == QLatin1String("--version")) {
            std::printf("lhm %s\n", LHM_VERSION);
            return kOk;
        } else {
            std::fprintf(stderr, "lhm: unknown global option '%s'\n", qPrintable(escapeForTerminal(opt)));
            return kBadInput;
        }
    }
    if (rest.isEmpty()) {
#ifdef LHM_FULL_CLI
        needApp();
        runFull(argv);
#endif
        usage();
        return kBadInput;
    }
    ctx.command = rest.takeFirst();
    ctx.args = QStringList{program + QLatin1Char(' ') + ctx.command} + rest;
    for (const Command &c : commands())
        if (c.name == ctx.command) {
            if (c.needsApp) needApp();
            const int rc = c.run(ctx);
            return outputClosed() ? kFailure : rc;
        }
#ifdef LHM_FULL_CLI
    needApp();
    runFull(argv);
#endif
    std::fprintf(stderr, "lhm: unknown command '%s' (see 'lhm --help')\n", qPrintable(escapeForTerminal(ctx.command)));
    return kBadInput;
}
