#include "config/ExchangesConfig.h"

#include "common/Paths.h"
#include "config/YamlUtil.h"

#include <QDir>
#include <QFile>
#include <QUrl>

namespace lhm {

const ExchangeSymbolConfig *ExchangeConfig::symbol(const QString &unified) const {
    for (const ExchangeSymbolConfig &s : symbols)
        if (s.unified == unified) return &s;
    return nullptr;
}

const ExchangeConfig *ExchangesConfig::find(const QString &name) const {
    for (const ExchangeConfig &e : exchanges_)
        if (e.name == name) return &e;
    return nullptr;
}

ExchangeConfig *ExchangesConfig::find(const QString &name) {
    for (ExchangeConfig &e : exchanges_)
        if (e.name == name) return &e;
    return nullptr;
}

QStringList ExchangesConfig::names() const {
    QStringList out;
    for (const ExchangeConfig &e : exchanges_) out << e.name;
    return out;
}

static Result<ExchangeSymbolConfig> parseSymbol(const QString &unified, const YAML::Node &n, const QString &file) {
    ExchangeSymbolConfig s;
    s.unified = unified;
    if (Status st = yaml::onlyKeys(n, {"native", "contract_value", "contract_in_quote"}, file, unified); !st)
        return st.error();
    auto native = yaml::string(n, "native", file);
    if (!native) return native.error();
    s.native = *native;
    if (n["contract_value"]) {
        auto cv = yaml::number(n, "contract_value", file);
        if (!cv) return cv.error();
        if (*cv <= 0) return Error(QStringLiteral("must be > 0"), file, yaml::lineOf(n["contract_value"]), QStringLiteral("contract_value"));
        s.contractValue = *cv;
    }
    if (n["contract_in_quote"]) s.contractInQuote = n["contract_in_quote"].as<bool>(false);
    return s;
}

static Result<ExchangeConfig> parseExchange(const QString &name, const YAML::Node &n, const QString &file) {
    ExchangeConfig e;
    e.name = name;
    if (Status st = yaml::onlyKeys(n, {"ws_url", "rest_url", "ping_interval_ms", "watchdog_ms", "liquidation_stream", "symbols"},
                                   file, name);
        !st)
        return st.error();
    auto ws = yaml::string(n, "ws_url", file);
    if (!ws) return ws.error();
    const QUrl url(*ws);
    if (!url.isValid() || (url.scheme() != QLatin1String("ws") && url.scheme() != QLatin1String("wss")))
        return Error(QStringLiteral("expected a ws:// or wss:// URL"), file, yaml::lineOf(n["ws_url"]), QStringLiteral("ws_url"));
    e.wsUrl = *ws;
    if (n["rest_url"]) {
        auto rest = yaml::string(n, "rest_url", file);
        if (!rest) return rest.error();
        e.restUrl = *rest;
    }
    for (const char *key : {"ping_interval_ms", "watchdog_ms"}) {
        if (!n[key]) continue;
        auto v = yaml::integer(n, key, file);
        if (!v) return v.error();
        if (*v < 100) return Error(QStringLiteral("must be >= 100 ms"), file, yaml::lineOf(n[key]), QString::fromLatin1(key));
        (QLatin1String(key) == QLatin1String("watchdog_ms") ? e.watchdogMs : e.pingIntervalMs) = int(*v);
    }
    if (n["liquidation_stream"]) e.liquidationStream = n["liquidation_stream"].as<bool>(true);
    const YAML::Node syms = n["symbols"];
    if (syms && !syms.IsMap())
        return Error(QStringLiteral("expected a mapping of symbols"), file, yaml::lineOf(syms), QStringLiteral("symbols"));
    for (auto it = syms.begin(); syms && it != syms.end(); ++it) {
        auto s = parseSymbol(QString::fromStdString(it->first.as<std::string>()), it->second, file);
        if (!s) return s.error();
        e.symbols.push_back(*s);
    }
    return e;
}

Result<ExchangesConfig> ExchangesConfig::parse(const QByteArray &text, const QString &file) {
    auto root = yaml::parse(text, file);
    if (!root) return root.error();
    // Subscripting a scalar or a sequence throws in yaml-cpp (found by fuzz_yaml): check the shape first.
    if (!root->IsMap())
        return Error(QStringLiteral("expected a mapping with 'exchanges'"), file, yaml::lineOf(*root), QStringLiteral("exchanges"));
    const YAML::Node ex = (*root)["exchanges"];
    if (!ex || !ex.IsMap()) return Error(QStringLiteral("missing mapping"), file, yaml::lineOf(*root), QStringLiteral("exchanges"));
    ExchangesConfig cfg;
    try {
        for (auto it = ex.begin(); it != ex.end(); ++it) {
            auto e = parseExchange(QString::fromStdString(it->first.as<std::string>()), it->second, file);
            if (!e) return e.error();
            cfg.exchanges_.push_back(*e);
        }
    } catch (const YAML::Exception &err) {
        // as<bool>/as<string> on a malformed node: report it as a value, never let it escape.
        return Error(QString::fromStdString(err.msg), file, err.mark.line + 1);
    }
    return cfg;
}

Result<ExchangesConfig> ExchangesConfig::loadFile(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return Error(QStringLiteral("cannot read: %1").arg(f.errorString()), path);
    return parse(f.readAll(), path);
}

Result<ExchangesConfig> ExchangesConfig::load() {
    return loadFile(QDir(configDir()).absoluteFilePath(QStringLiteral("exchanges.yaml")));
}

}  // namespace lhm
