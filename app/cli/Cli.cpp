#include "Cli.h"

#include "common/Paths.h"

#include <cstdio>

namespace lhm::cli {

std::vector<Command> &commands() {
    static std::vector<Command> list;
    return list;
}

Registrar::Registrar(const char *name, const char *summary, CommandFn fn) {
    commands().push_back({QString::fromLatin1(name), QString::fromUtf8(summary), std::move(fn)});
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
        print(p.helpText());
        exitCode = kOk;
        return false;
    }
    if (p.isSet(QStringLiteral("db"))) dbPath = p.value(QStringLiteral("db"));
    if (p.isSet(QStringLiteral("json"))) json = true;
    return true;
}

std::unique_ptr<Store> Context::openStore() {
    if (dbPath.isEmpty()) dbPath = defaultDatabasePath();
    auto store = Store::open(dbPath);
    if (!store) {
        fail(store.error());
        return nullptr;
    }
    return std::move(*store);
}

int Context::fail(const QString &message, int code) {
    std::fprintf(stderr, "lhm %s: %s\n", qPrintable(command), qPrintable(message));
    std::fflush(stderr);
    return code;
}

void Context::print(const QString &line) {
    const QByteArray u = line.toUtf8();
    std::fwrite(u.constData(), 1, size_t(u.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void Context::printJson(const QJsonDocument &doc) { print(QString::fromUtf8(doc.toJson(QJsonDocument::Compact))); }

void Context::progress(const QString &line) {
    std::fprintf(stderr, "%s\n", qPrintable(line));
    std::fflush(stderr);
}

}  // namespace lhm::cli
