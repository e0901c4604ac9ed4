#include "Cli.h"

#include "common/Paths.h"

#include <QCoreApplication>
#include <QTimer>
#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstring>

namespace lhm::cli {

namespace {
std::atomic<int> g_signal{0};
std::atomic<bool> g_outputClosed{false};
void onSignal(int sig) { g_signal.store(sig); }

// A reader that went away (`lhm … | head`) makes writes fail with EPIPE (SIGPIPE is ignored, see
// main.cpp): remember it so the command ends normally, and a live command's loop stops.
void noteOutputError() {
    if (!std::ferror(stdout)) return;
    g_outputClosed.store(true);
    g_signal.store(SIGPIPE);
}
}  // namespace

bool outputClosed() { return g_outputClosed.load(); }

void runUntilStopped(double durationS) {
    g_signal.store(0);
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    QTimer signalPoll;
    QObject::connect(&signalPoll, &QTimer::timeout, [] {
        if (g_signal.load()) QCoreApplication::quit();
    });
    signalPoll.start(50);
    // The cap keeps duration * 1000 within a timer's int milliseconds.
    if (durationS > 0) QTimer::singleShot(int(std::min(durationS, 2e6) * 1000), qApp, &QCoreApplication::quit);
    QCoreApplication::exec();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
}

QString escapeForTerminal(const QString &text) {
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        // C0 controls (ESC starts the sequences that retitle or reprogram a terminal), DEL and C1;
        // newline and tab are layout. "\u001b" is also what JSON would write, so --json stays valid.
        if ((u < 0x20 && u != u'\n' && u != u'\t') || (u >= 0x7f && u <= 0x9f))
            out += QStringLiteral("\\u%1").arg(unsigned(u), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

std::vector<Command> &commands() {
    static std::vector<Command> list;
    return list;
}

Registrar::Registrar(const char *name, const char *summary, CommandFn fn, bool needsApp) {
    commands().push_back({QString::fromLatin1(name), QString::fromUtf8(summary), std::move(fn), needsApp});
}

bool Context::parse(QCommandLineParser &p) {
    p.addOption({QStringLiteral("db"), QStringLiteral("Database file."), QStringLiteral("path")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Machine-readable output.")});
    p.addHelpOption();
    if (!p.parse(args)) {
        exitCode = fail(p.errorText());
        return false;
    }
    if (p.isSet(QStringLiteral("help"))) {
        if (needApp) needApp();  // the usage line names QCoreApplication::arguments().first()
        print(p.helpText());
        exitCode = kOk;
        return false;
    }
    if (p.isSet(QStringLiteral("db"))) dbPath = p.value(QStringLiteral("db"));
    if (p.isSet(QStringLiteral("json"))) json = true;
    return true;
}

std::unique_ptr<Store> Context::openStore(SessionMark mark) {
    if (dbPath.isEmpty()) dbPath = defaultDatabasePath();
    auto store = Store::open(dbPath, OpenCheck::AfterUncleanShutdown, mark);
    if (!store) {
        fail(store.error());
        return nullptr;
    }
    return std::move(*store);
}

int Context::fail(const QString &message, int code) {
    std::fprintf(stderr, "lhm %s: %s\n", qPrintable(escapeForTerminal(command)), qPrintable(escapeForTerminal(message)));
    std::fflush(stderr);
    return code;
}

void Context::print(const QString &line) {
    const QByteArray u = escapeForTerminal(line).toUtf8();
    std::fwrite(u.constData(), 1, size_t(u.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
    noteOutputError();
}

void Context::printJson(const QJsonDocument &doc) { printJson(doc.toJson(QJsonDocument::Compact)); }

void Context::printJson(const QByteArray &compact) {
    // Compact JSON escapes C0 controls itself; only DEL and C1 controls (UTF-8 C2 80..C2 9F) need
    // the terminal escaping of print(). Without them (the usual case) the bytes go out as they are,
    // skipping two conversions of a document that can be megabytes.
    // memchr is vectorised: its two passes cost a fraction of one byte-by-byte loop.
    const char *d = compact.constData();
    const qsizetype n = compact.size();
    bool escape = n > 0 && std::memchr(d, 0x7f, size_t(n));
    for (const char *p = d; !escape && (p = static_cast<const char *>(std::memchr(p, 0xc2, size_t(d + n - p)))); ++p)
        escape = p + 1 < d + n && static_cast<unsigned char>(p[1]) <= 0x9f;
    if (escape) {
        print(QString::fromUtf8(compact));
        return;
    }
    std::fwrite(d, 1, size_t(n), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
    noteOutputError();
}

void Context::progress(const QString &line) {
    std::fprintf(stderr, "%s\n", qPrintable(escapeForTerminal(line)));
    std::fflush(stderr);
}

}  // namespace lhm::cli
