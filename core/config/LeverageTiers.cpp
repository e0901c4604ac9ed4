#include "config/LeverageTiers.h"

#include "common/Paths.h"
#include "config/YamlUtil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QDateTime>
#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>

namespace lhm {

namespace {

// Lines of each field of one bracket in the YAML (0 for tiers built in code), so a rule that fails
// can point at the exact line to fix.
struct TierLines {
    qint64 bracket = 0, floor = 0, cap = 0, mmr = 0, cum = 0, leverage = 0;
};

// cum is derived from floors and MMRs; Binance's own values match the recurrence to ~1e-10, other
// exchanges publish it rounded to the cent, so half a cent (plus a relative 1e-9) is the tolerance.
bool cumMatches(double cum, double expected) { return std::fabs(cum - expected) <= 0.005 + 1e-9 * std::fabs(expected); }

QString num(double v) { return QString::number(v, 'g', 15); }

// Every rule the formula relies on; the first violation is returned.
Status validate(const std::vector<LeverageTier> &t, const std::vector<TierLines> &lines, const QString &file,
                bool hasDeduction = true) {
    auto err = [&](size_t i, qint64 TierLines::*which, const char *field, const QString &msg) {
        const qint64 line = i < lines.size() ? lines[i].*which : 0;
        return Error(QStringLiteral("bracket %1: %2").arg(t[i].bracket).arg(msg), file, line, QString::fromLatin1(field));
    };
    if (t.empty()) return Error(QStringLiteral("no brackets"), file, 0, QStringLiteral("brackets"));
    for (size_t i = 0; i < t.size(); ++i) {
        const LeverageTier &c = t[i];
        if (c.bracket != int(i) + 1)
            return err(i, &TierLines::bracket, "bracket", QStringLiteral("brackets must be numbered 1, 2, 3, ... in order (expected %1)").arg(i + 1));
        if (!(c.mmr > 0 && c.mmr < 1))
            return err(i, &TierLines::mmr, "maintMarginRatio", QStringLiteral("%1 is not between 0 and 1 (exclusive)").arg(num(c.mmr)));
        if (!(c.maxLeverage >= 1))
            return err(i, &TierLines::leverage, "initialLeverage", QStringLiteral("%1 is below 1").arg(num(c.maxLeverage)));
        if (!(c.floor >= 0))
            return err(i, &TierLines::floor, "notionalFloor", QStringLiteral("%1 is negative").arg(num(c.floor)));
        if (!(c.cap > c.floor))
            return err(i, &TierLines::cap, "notionalCap", QStringLiteral("%1 is not above notionalFloor %2").arg(num(c.cap), num(c.floor)));
        if (i == 0) {
            // A first floor above 0 would leave small positions without a tier.
            if (c.floor != 0) return err(i, &TierLines::floor, "notionalFloor", QStringLiteral("the first bracket must start at 0, not %1").arg(num(c.floor)));
            if (!cumMatches(c.cum, 0)) return err(i, &TierLines::cum, "cum", QStringLiteral("the first bracket's cum must be 0, not %1").arg(num(c.cum)));
            continue;
        }
        const LeverageTier &p = t[i - 1];
        if (!hasDeduction && !cumMatches(c.cum, 0))
            return err(i, &TierLines::cum, "cum", QStringLiteral("must be 0: this file says maintenanceDeduction: false"));
        if (!(c.floor > p.floor))
            return err(i, &TierLines::floor, "notionalFloor", QStringLiteral("%1 is not above the previous floor %2").arg(num(c.floor), num(p.floor)));
        if (p.cap != c.floor)  // reported on the previous cap: the tiers must tile the notional axis
            return err(i - 1, &TierLines::cap, "notionalCap",
                       QStringLiteral("%1 must equal the next bracket's notionalFloor %2").arg(num(p.cap), num(c.floor)));
        if (c.mmr < p.mmr)
            return err(i, &TierLines::mmr, "maintMarginRatio", QStringLiteral("%1 is below the previous bracket's %2").arg(num(c.mmr), num(p.mmr)));
        if (c.maxLeverage > p.maxLeverage)
            return err(i, &TierLines::leverage, "initialLeverage", QStringLiteral("%1 is above the previous bracket's %2").arg(num(c.maxLeverage), num(p.maxLeverage)));
        const double expected = p.cum + c.floor * (c.mmr - p.mmr);
        if (hasDeduction && !cumMatches(c.cum, expected))
            return err(i, &TierLines::cum, "cum",
                       QStringLiteral("%1 does not match cum[i-1] + floor[i]*(mmr[i] - mmr[i-1]) = %2").arg(num(c.cum), QString::number(expected, 'f', 6)));
    }
    return Status::success();
}

}  // namespace

Result<LeverageTiers> LeverageTiers::parse(const QByteArray &text, const QString &fileName) {
    if (auto plain = parsePlain(text, fileName)) return *plain;
    return parseYaml(text, fileName);
}

Result<LeverageTiers> LeverageTiers::parseYaml(const QByteArray &text, const QString &fileName) {
    auto doc = yaml::parse(text, fileName);
    if (!doc) return doc.error();
    const YAML::Node root = *doc;
    if (!root.IsMap()) return Error(QStringLiteral("expected a mapping with 'symbol' and 'brackets'"), fileName, yaml::lineOf(root));
    // `notionalCoef` is part of the real /fapi/v1/leverageBracket response; kept so a dump of it loads.
    if (Status s = yaml::onlyKeys(root, {"exchange", "symbol", "notionalCoef", "brackets", "sizeUnit", "maintenanceDeduction",
                                         "liquidationFeeRate", "maxLeverage", "placeholder"},
                                  fileName);
        !s)
        return s.error();

    LeverageTiers out;
    auto symbol = yaml::string(root, "symbol", fileName);
    if (!symbol) return symbol.error();
    out.symbol_ = *symbol;
    if (root["exchange"].IsDefined()) {
        auto ex = yaml::string(root, "exchange", fileName);
        if (!ex) return ex.error();
        out.exchange_ = ex->toLower();
    } else {
        // config/tiers/<exchange>/<SYMBOL>.yaml: the directory names the exchange.
        out.exchange_ = QFileInfo(fileName).dir().dirName().toLower();
    }

    auto flag = [&](const char *key, bool &dst) -> Status {
        const YAML::Node n = root[key];
        if (!n.IsDefined()) return Status::success();
        const QString v = n.IsScalar() ? QString::fromStdString(n.Scalar()).toLower() : QString();
        if (v != QLatin1String("true") && v != QLatin1String("false"))
            return Error(QStringLiteral("expected true or false"), fileName, yaml::lineOf(n), QString::fromLatin1(key));
        dst = v == QLatin1String("true");
        return Status::success();
    };
    if (Status s = flag("placeholder", out.placeholder_); !s) return s.error();
    if (Status s = flag("maintenanceDeduction", out.hasDeduction_); !s) return s.error();
    if (root["sizeUnit"].IsDefined()) {
        auto unit = yaml::string(root, "sizeUnit", fileName);
        if (!unit) return unit.error();
        if (*unit == QLatin1String("base")) out.sizeUnit_ = TierSize::Base;
        else if (*unit != QLatin1String("notional"))
            return Error(QStringLiteral("expected notional or base, got '%1'").arg(*unit), fileName,
                         yaml::lineOf(root["sizeUnit"]), QStringLiteral("sizeUnit"));
    }
    if (root["liquidationFeeRate"].IsDefined()) {
        auto fee = yaml::number(root, "liquidationFeeRate", fileName);
        if (!fee) return fee.error();
        if (!(*fee >= 0 && *fee < 0.1))
            return Error(QStringLiteral("%1 is not a fee rate in [0, 0.1)").arg(*fee), fileName,
                         yaml::lineOf(root["liquidationFeeRate"]), QStringLiteral("liquidationFeeRate"));
        out.feeRate_ = *fee;
    }
    if (root["maxLeverage"].IsDefined()) {
        // Hyperliquid: no tiers, the maintenance margin follows from the asset's max leverage.
        if (root["brackets"].IsDefined())
            return Error(QStringLiteral("give either maxLeverage or brackets, not both"), fileName,
                         yaml::lineOf(root["maxLeverage"]), QStringLiteral("maxLeverage"));
        auto lev = yaml::number(root, "maxLeverage", fileName);
        if (!lev) return lev.error();
        auto one = fromMaxLeverage(out.exchange_, out.symbol_, *lev);
        if (!one) return Error(one.error().message, fileName, yaml::lineOf(root["maxLeverage"]), QStringLiteral("maxLeverage"));
        one->placeholder_ = out.placeholder_;
        return one;
    }

    const YAML::Node brackets = root["brackets"];
    if (!brackets.IsDefined() || brackets.IsNull())
        return Error(QStringLiteral("missing"), fileName, yaml::lineOf(root), QStringLiteral("brackets"));
    if (!brackets.IsSequence() || brackets.size() == 0)
        return Error(QStringLiteral("expected a non-empty list of brackets"), fileName, yaml::lineOf(brackets), QStringLiteral("brackets"));

    std::vector<TierLines> lines;
    for (const YAML::Node &b : brackets) {
        if (!b.IsMap()) return Error(QStringLiteral("expected a mapping"), fileName, yaml::lineOf(b), QStringLiteral("brackets"));
        if (Status s = yaml::onlyKeys(b, {"bracket", "initialLeverage", "notionalFloor", "notionalCap", "maintMarginRatio", "cum"},
                                      fileName, QStringLiteral(" in a bracket"));
            !s)
            return s.error();
        auto bracket = yaml::integer(b, "bracket", fileName);
        if (!bracket) return bracket.error();
        LeverageTier t;
        t.bracket = int(*bracket);
        struct { const char *key; double *dst; } fields[] = {
            {"notionalFloor", &t.floor}, {"notionalCap", &t.cap}, {"maintMarginRatio", &t.mmr},
            {"cum", &t.cum}, {"initialLeverage", &t.maxLeverage}};
        for (const auto &f : fields) {
            auto v = yaml::number(b, f.key, fileName);
            if (!v) return v.error();
            *f.dst = *v;
        }
        out.tiers_.push_back(t);
        lines.push_back({yaml::lineOf(b["bracket"]), yaml::lineOf(b["notionalFloor"]), yaml::lineOf(b["notionalCap"]),
                         yaml::lineOf(b["maintMarginRatio"]), yaml::lineOf(b["cum"]), yaml::lineOf(b["initialLeverage"])});
    }
    if (Status s = validate(out.tiers_, lines, fileName, out.hasDeduction_); !s) return s.error();
    return out;
}

Result<LeverageTiers> LeverageTiers::fromMaxLeverage(const QString &exchange, const QString &symbol, double maxLeverage) {
    if (!(maxLeverage >= 1 && maxLeverage <= 1000))
        return Error(QStringLiteral("max leverage %1 is not between 1 and 1000").arg(maxLeverage), {}, 0, QStringLiteral("maxLeverage"));
    LeverageTiers out;
    out.exchange_ = exchange.toLower();
    out.symbol_ = symbol.toUpper();
    out.assetMaxLeverage_ = maxLeverage;
    // The cap is only there to close the interval: one tier holds every size.
    out.tiers_.push_back(LeverageTier{1, 0, 1e18, 1 / (2 * maxLeverage), 0, maxLeverage});
    return out;
}

Result<LeverageTiers> LeverageTiers::loadFile(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return Error(QStringLiteral("cannot read: %1").arg(f.errorString()), path);
    return parse(f.readAll(), path);
}

QString LeverageTiers::pathFor(const QString &exchange, const QString &symbol) {
    return QDir(configDir()).filePath(QStringLiteral("tiers/%1/%2.yaml").arg(exchange.toLower(), symbol.toUpper()));
}

Result<LeverageTiers> LeverageTiers::load(const QString &exchange, const QString &symbol) {
    // Both become path components: "../../x" must not walk out of config/tiers.
    // [A-Za-z0-9_]{1,40} by hand: compiling a QRegularExpression costs more than a 12h model run.
    auto isName = [](const QString &s) {
        return !s.isEmpty() && s.size() <= 40 && std::all_of(s.begin(), s.end(), [](QChar c) {
                   const char16_t u = c.unicode();
                   return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_';
               });
    };
    if (!isName(exchange))
        return Error(QStringLiteral("'%1' is not an exchange name").arg(exchange), {}, 0, QStringLiteral("exchange"));
    if (!isName(symbol))
        return Error(QStringLiteral("'%1' is not a symbol like BTCUSDT").arg(symbol), {}, 0, QStringLiteral("symbol"));
    const QString path = pathFor(exchange, symbol);
    const QFileInfo info(path);
    if (!info.exists())
        return Error(QStringLiteral("no leverage tiers for %1 on %2 (expected %3)").arg(symbol.toUpper(), exchange.toLower(), path));
    // Every model run reads its exchange's tiers: parsing the YAML again each time cost about 4 % of
    // a 30-day run, four times over for "All exchanges". Parsed files are kept while their size and
    // modification time stay the same (`lhm tiers fetch` rewrites them); failures are not kept.
    struct Parsed {
        qint64 size = -1, mtime = 0;
        LeverageTiers tiers;
    };
    static std::mutex mutex;
    static std::map<QString, Parsed> parsed;
    const qint64 size = info.size(), mtime = info.lastModified().toMSecsSinceEpoch();
    {
        std::lock_guard<std::mutex> lock(mutex);
        auto it = parsed.find(path);
        if (it != parsed.end() && it->second.size == size && it->second.mtime == mtime) return it->second.tiers;
    }
    auto tiers = loadFile(path);
    if (!tiers) return tiers;
    if (tiers->symbol_.compare(symbol, Qt::CaseInsensitive) != 0)
        return Error(QStringLiteral("file is for %1, not %2").arg(tiers->symbol_, symbol.toUpper()), path, 0, QStringLiteral("symbol"));
    std::lock_guard<std::mutex> lock(mutex);
    parsed[path] = Parsed{size, mtime, *tiers};
    return tiers;
}

Result<LeverageTiers> LeverageTiers::fromTiers(const QString &exchange, const QString &symbol, std::vector<LeverageTier> tiers,
                                               TierSize unit, bool hasDeduction, double liquidationFeeRate) {
    if (Status s = validate(tiers, {}, QString(), hasDeduction); !s) return s.error();
    LeverageTiers out;
    out.sizeUnit_ = unit;
    out.hasDeduction_ = hasDeduction;
    out.feeRate_ = liquidationFeeRate;
    out.exchange_ = exchange.toLower();
    out.symbol_ = symbol.toUpper();
    out.tiers_ = std::move(tiers);
    return out;
}

const LeverageTier *LeverageTiers::tierFor(double notional) const {
    if (!(notional >= 0) || tiers_.empty()) return nullptr;  // also NaN
    // First tier whose floor is above the notional; the one before it holds it (floor <= notional).
    auto it = std::upper_bound(tiers_.begin(), tiers_.end(), notional,
                               [](double n, const LeverageTier &t) { return n < t.floor; });
    if (it == tiers_.begin()) return nullptr;
    const LeverageTier &t = *(it - 1);
    return notional < t.cap ? &t : nullptr;
}

}  // namespace lhm
