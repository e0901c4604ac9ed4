#include "config/ExchangeRegistry.h"

#include "common/Paths.h"
#include "config/YamlUtil.h"

#include <QDir>
#include <QFile>
#include <QUrl>
#include <algorithm>

namespace lhm {

const std::vector<ExchangeDescriptor> &ExchangeRegistry::builtins() {
    // The registration list is config/ExchangeList.h; this expands its descriptor hooks in order.
    static const std::vector<ExchangeDescriptor> all = [] {
        std::vector<ExchangeDescriptor> v = {
#define LHM_EXCHANGE_DESCRIPTOR(E, id) id##Descriptor(),
            LHM_EXCHANGES(LHM_EXCHANGE_DESCRIPTOR)
#undef LHM_EXCHANGE_DESCRIPTOR
        };
        for (size_t i = 0; i < v.size(); ++i)
            Q_ASSERT_X(v[i].name == QLatin1String(kExchangeIds[i]), "ExchangeRegistry", "descriptor name differs from its list id");
        for (ExchangeDescriptor &d : v) {
            d.symbols = d.defaultSymbols;
            d.wsUrl = d.defaultWsUrl;
            d.restUrl = d.defaultRestUrl;
            d.pingIntervalMs = d.defaultPingIntervalMs;
            d.watchdogMs = d.defaultWatchdogMs;
        }
        return v;
    }();
    return all;
}

const ExchangeDescriptor *ExchangeRegistry::builtin(const QString &name) {
    for (const ExchangeDescriptor &d : builtins())
        if (d.name == name) return &d;
    return nullptr;
}

QStringList ExchangeRegistry::knownNames() {
    QStringList out;
    for (const ExchangeDescriptor &d : builtins()) out << d.name;
    return out;
}

ExchangeRegistry ExchangeRegistry::defaults() {
    ExchangeRegistry r;
    r.exchanges_ = builtins();
    return r;
}

const ExchangeDescriptor *ExchangeRegistry::find(const QString &name) const {
    for (const ExchangeDescriptor &e : exchanges_)
        if (e.name == name) return &e;
    return nullptr;
}

ExchangeDescriptor *ExchangeRegistry::find(const QString &name) {
    for (ExchangeDescriptor &e : exchanges_)
        if (e.name == name) return &e;
    return nullptr;
}

QStringList ExchangeRegistry::names() const {
    QStringList out;
    for (const ExchangeDescriptor &e : exchanges_) out << e.name;
    return out;
}

namespace {

// One symbol entry: a plain native name, or {native, contract_value, contract_in_quote}.
Result<ExchangeSymbolConfig> parseSymbol(const QString &unified, const YAML::Node &n, const QString &file) {
    ExchangeSymbolConfig s;
    s.unified = unified;
    s.contractValue = 0;  // "not given": 1 on base-unit exchanges, an error where sizes are contracts
    if (n.IsScalar()) {
        s.native = QString::fromStdString(n.as<std::string>());
        if (s.native.isEmpty()) return Error(QStringLiteral("empty instrument name"), file, yaml::lineOf(n), unified);
        return s;
    }
    if (!n.IsMap()) return Error(QStringLiteral("expected a name or {native, contract_value}"), file, yaml::lineOf(n), unified);
    if (Status st = yaml::onlyKeys(n, {"native", "contract_value", "contract_in_quote"}, file, unified); !st) return st.error();
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

// The config's entry for a symbol replaces the descriptor's default one.
void setSymbol(ExchangeDescriptor &e, const ExchangeSymbolConfig &s) {
    e.symbols.erase(std::remove_if(e.symbols.begin(), e.symbols.end(), [&s](const ExchangeSymbolConfig &o) { return o.unified == s.unified; }),
                    e.symbols.end());
    e.symbols.push_back(s);
}

Status parseExchange(ExchangeDescriptor &e, const YAML::Node &n, const QString &file) {
    if (n.IsNull()) return {};  // "okx:" with nothing under it: the defaults
    if (!n.IsMap()) return Error(QStringLiteral("expected a mapping"), file, yaml::lineOf(n), e.name);
    if (Status st = yaml::onlyKeys(n, {"ws_url", "rest_url", "ping_interval_ms", "watchdog_ms", "liquidation_stream", "symbols"}, file,
                                   e.name);
        !st)
        return st;
    if (n["ws_url"]) {
        auto ws = yaml::string(n, "ws_url", file);
        if (!ws) return ws.error();
        const QUrl url(*ws);
        if (!url.isValid() || (url.scheme() != QLatin1String("ws") && url.scheme() != QLatin1String("wss")))
            return Error(QStringLiteral("expected a ws:// or wss:// URL"), file, yaml::lineOf(n["ws_url"]), QStringLiteral("ws_url"));
        e.wsUrl = *ws;
    }
    if (n["rest_url"]) {
        auto rest = yaml::string(n, "rest_url", file);
        if (!rest) return rest.error();
        const QUrl url(*rest);
        if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
            return Error(QStringLiteral("expected an http:// or https:// URL"), file, yaml::lineOf(n["rest_url"]), QStringLiteral("rest_url"));
        e.restUrl = *rest;
    }
    for (const char *key : {"ping_interval_ms", "watchdog_ms"}) {
        if (!n[key]) continue;
        auto v = yaml::integer(n, key, file);
        if (!v) return v.error();
        if (*v < 100 || *v > 3600000)
            return Error(QStringLiteral("must be 100 ms .. 1 h"), file, yaml::lineOf(n[key]), QString::fromLatin1(key));
        (QLatin1String(key) == QLatin1String("watchdog_ms") ? e.watchdogMs : e.pingIntervalMs) = int(*v);
    }
    // A config may switch the stream off (e.g. while an exchange's channel is broken); it cannot
    // invent one the exchange does not publish.
    if (n["liquidation_stream"]) e.liquidationStream = e.liquidationStream && n["liquidation_stream"].as<bool>(true);
    // Older configs list symbols per exchange; the shared `symbols:` table is the one shipped.
    const YAML::Node syms = n["symbols"];
    if (syms && !syms.IsMap()) return Error(QStringLiteral("expected a mapping of symbols"), file, yaml::lineOf(syms), QStringLiteral("symbols"));
    for (auto it = syms.begin(); syms && it != syms.end(); ++it) {
        auto s = parseSymbol(QString::fromStdString(it->first.as<std::string>()), it->second, file);
        if (!s) return s.error();
        setSymbol(e, *s);
    }
    return {};
}

}  // namespace

Result<ExchangeRegistry> ExchangeRegistry::parse(const QByteArray &text, const QString &file) {
    auto root = yaml::parse(text, file);
    if (!root) return root.error();
    // Comments only: every built-in exchange on its descriptor's defaults.
    if (root->IsNull()) return defaults();
    // Subscripting a scalar or a sequence throws in yaml-cpp (found by fuzz_yaml): check the shape first.
    if (!root->IsMap())
        return Error(QStringLiteral("expected a mapping with 'exchanges' or 'symbols'"), file, yaml::lineOf(*root), QStringLiteral("exchanges"));
    const YAML::Node ex = (*root)["exchanges"];
    if (ex && !ex.IsMap()) return Error(QStringLiteral("expected a mapping of exchanges"), file, yaml::lineOf(ex), QStringLiteral("exchanges"));
    ExchangeRegistry reg;
    try {
        if (Status st = yaml::onlyKeys(*root, {"exchanges", "symbols"}, file); !st) return st.error();
        // Without an `exchanges:` section every built-in exchange is configured; with one, only those
        // it lists (a user's file that names some exchanges keeps meaning just those).
        if (!ex) reg.exchanges_ = builtins();
        for (auto it = ex.begin(); ex && it != ex.end(); ++it) {
            const QString name = QString::fromStdString(it->first.as<std::string>());
            const ExchangeDescriptor *known = builtin(name);
            if (!known)
                return Error(QStringLiteral("unknown exchange '%1' (known: %2)").arg(name, knownNames().join(QStringLiteral(", "))), file,
                             yaml::lineOf(it->first), QStringLiteral("exchanges"));
            if (reg.find(name)) return Error(QStringLiteral("listed twice"), file, yaml::lineOf(it->first), name);
            ExchangeDescriptor e = *known;
            if (Status st = parseExchange(e, it->second, file); !st) return st.error();
            reg.exchanges_.push_back(std::move(e));
        }
        // symbols: {BTCUSDT: {binance: BTCUSDT, okx: {native: BTC-USDT-SWAP, contract_value: 0.01}, hyperliquid: BTC}}
        const YAML::Node table = (*root)["symbols"];
        if (table && !table.IsMap()) return Error(QStringLiteral("expected a mapping of symbols"), file, yaml::lineOf(table), QStringLiteral("symbols"));
        for (auto it = table.begin(); table && it != table.end(); ++it) {
            const QString unified = QString::fromStdString(it->first.as<std::string>());
            if (!it->second.IsMap())
                return Error(QStringLiteral("expected a mapping exchange -> instrument"), file, yaml::lineOf(it->second), unified);
            for (auto jt = it->second.begin(); jt != it->second.end(); ++jt) {
                const QString name = QString::fromStdString(jt->first.as<std::string>());
                if (!builtin(name))
                    return Error(QStringLiteral("unknown exchange '%1'").arg(name), file, yaml::lineOf(jt->first), unified);
                auto s = parseSymbol(unified, jt->second, file);
                if (!s) return s.error();
                if (ExchangeDescriptor *e = reg.find(name)) setSymbol(*e, *s);
            }
        }
        for (ExchangeDescriptor &e : reg.exchanges_)
            for (ExchangeSymbolConfig &s : e.symbols) {
                if (s.contractValue > 0) continue;
                if (e.sizesInContracts)
                    return Error(QStringLiteral("%1 on %2 needs a contract_value (sizes are contracts)").arg(s.unified, e.name), file, 0,
                                 QStringLiteral("contract_value"));
                s.contractValue = 1;
            }
    } catch (const YAML::Exception &err) {
        // as<bool>/as<string> on a malformed node: report it as a value, never let it escape.
        return Error(QString::fromStdString(err.msg), file, err.mark.line + 1);
    }
    return reg;
}

Result<ExchangeRegistry> ExchangeRegistry::loadFile(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return Error(QStringLiteral("cannot read: %1").arg(f.errorString()), path);
    return parse(f.read((1 << 20) + 1), path);  // YamlUtil refuses more than 1 MiB;
}

Result<ExchangeRegistry> ExchangeRegistry::load() {
    return loadFile(QDir(configDir()).absoluteFilePath(QStringLiteral("exchanges.yaml")));
}

}  // namespace lhm
