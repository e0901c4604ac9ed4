// LeverageTiers::parsePlain: the tier files' plain layout read line by line, without yaml-cpp.
// It must agree with parseYaml on every file it accepts (tst_tiers holds it to that on every
// shipped file), so it accepts only what it can read with certainty and hands everything else,
// including every file with an error, to parseYaml: quoting, flow style, inline comments, tabs,
// CR, anchors, nulls, duplicate or unknown keys, values out of range.
#include "config/LeverageTiers.h"

#include <QDir>
#include <QFileInfo>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <iterator>
#include <map>
#include <string>

namespace lhm {

namespace {

using Fields = std::map<std::string, QString>;

bool isKeyChar(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
// Characters of the plain scalars the files hold (numbers, names, true/false): none of them means
// anything else to YAML in the middle of a value.
bool isValueChar(char c) {
    return isKeyChar(c) || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '+' || c == '-';
}

// `key: value` (or `key:` when allowEmpty) from `p` to the end of the line; false when
// the line is anything else.
bool readField(const char *p, const char *end, std::string &key, QString &value, bool allowEmpty) {
    const char *k = p;
    while (p < end && isKeyChar(*p)) ++p;
    if (p == k || p == end || *p != ':') return false;
    key.assign(k, p);
    ++p;
    const char *spaces = p;
    while (p < end && *p == ' ') ++p;
    const char *v = p;
    while (p < end && isValueChar(*p)) ++p;
    const char *vEnd = p;
    while (p < end && *p == ' ') ++p;
    if (p != end) return false;
    if (v == vEnd) {
        value.clear();
        return allowEmpty;
    }
    if (v == spaces) return false;  // "key:value" is one scalar to YAML
    // A value starts as a word or a number does: "-" alone or ".inf" mean other things to YAML.
    const bool word = (v[0] >= '0' && v[0] <= '9') || isKeyChar(v[0]);
    const bool signedNumber = vEnd - v > 1 && (v[1] == '.' || (v[1] >= '0' && v[1] <= '9'));
    if (!word && !signedNumber) return false;
    value = QString::fromLatin1(v, vEnd - v);
    // YAML's null spellings: yaml-cpp reads them as a missing value.
    return value != QLatin1String("null") && value != QLatin1String("Null") && value != QLatin1String("NULL");
}

bool insertOnce(Fields &f, const std::string &key, const QString &value) { return f.emplace(key, value).second; }

// What yaml::number accepts: a finite number.
std::optional<double> number(const Fields &f, const char *key) {
    const auto it = f.find(key);
    if (it == f.end()) return std::nullopt;
    bool ok = false;
    const double d = it->second.toDouble(&ok);
    if (!ok || !std::isfinite(d)) return std::nullopt;
    return d;
}

std::optional<bool> flag(const Fields &f, const char *key, bool absent) {
    const auto it = f.find(key);
    if (it == f.end()) return absent;
    const QString v = it->second.toLower();
    if (v == QLatin1String("true")) return true;
    if (v == QLatin1String("false")) return false;
    return std::nullopt;
}

}  // namespace

std::optional<LeverageTiers> LeverageTiers::parsePlain(const QByteArray &text, const QString &fileName) {
    if (text.size() > (1 << 20)) return std::nullopt;
    Fields top;
    std::vector<Fields> brackets;
    bool inBrackets = false;
    qsizetype itemIndent = -1;
    std::string key;
    QString value;
    const char *p = text.constData();
    const char *const textEnd = p + text.size();
    while (p < textEnd) {
        const char *lineEnd = static_cast<const char *>(std::memchr(p, '\n', size_t(textEnd - p)));
        if (!lineEnd) lineEnd = textEnd;
        const char *line = p;
        p = lineEnd + 1;
        const char *q = line;
        while (q < lineEnd && *q == ' ') ++q;
        if (q == lineEnd || *q == '#') continue;  // blank or whole-line comment
        const qsizetype indent = q - line;
        if (indent == 0) {
            inBrackets = false;
            if (!readField(q, lineEnd, key, value, true)) return std::nullopt;
            if (key == "brackets") {
                if (!value.isEmpty() || top.count(key)) return std::nullopt;
                inBrackets = true;
            } else if (value.isEmpty()) {
                return std::nullopt;
            }
            if (!insertOnce(top, key, value)) return std::nullopt;
            continue;
        }
        if (!inBrackets) return std::nullopt;
        if (lineEnd - q >= 2 && q[0] == '-' && q[1] == ' ') {  // a new item: "- key: value"
            if (itemIndent < 0) itemIndent = indent;
            if (indent != itemIndent) return std::nullopt;
            brackets.emplace_back();
            q += 2;
            while (q < lineEnd && *q == ' ') ++q;
            if (q - line != itemIndent + 2) return std::nullopt;
        } else if (brackets.empty() || indent != itemIndent + 2) {
            return std::nullopt;
        }
        if (!readField(q, lineEnd, key, value, false) || !insertOnce(brackets.back(), key, value)) return std::nullopt;
    }

    static const char *const topKeys[] = {"exchange", "symbol", "notionalCoef", "brackets", "sizeUnit",
                                          "maintenanceDeduction", "liquidationFeeRate", "maxLeverage", "placeholder"};
    for (const auto &field : top)
        if (std::none_of(std::begin(topKeys), std::end(topKeys), [&](const char *a) { return field.first == a; }))
            return std::nullopt;
    LeverageTiers out;
    if (!top.count("symbol")) return std::nullopt;
    out.symbol_ = top.at("symbol");
    out.exchange_ = top.count("exchange") ? top.at("exchange").toLower() : QFileInfo(fileName).dir().dirName().toLower();
    const auto placeholder = flag(top, "placeholder", false);
    const auto deduction = flag(top, "maintenanceDeduction", true);
    if (!placeholder || !deduction) return std::nullopt;
    out.placeholder_ = *placeholder;
    out.hasDeduction_ = *deduction;
    if (top.count("sizeUnit")) {
        const QString &unit = top.at("sizeUnit");
        if (unit == QLatin1String("base")) out.sizeUnit_ = TierSize::Base;
        else if (unit != QLatin1String("notional")) return std::nullopt;
    }
    if (top.count("liquidationFeeRate")) {
        const auto fee = number(top, "liquidationFeeRate");
        if (!fee || !(*fee >= 0 && *fee < 0.1)) return std::nullopt;
        out.feeRate_ = *fee;
    }
    if (top.count("maxLeverage")) {
        const auto lev = number(top, "maxLeverage");
        if (top.count("brackets") || !lev) return std::nullopt;
        auto one = fromMaxLeverage(out.exchange_, out.symbol_, *lev);
        if (!one) return std::nullopt;
        one->placeholder_ = out.placeholder_;
        return *one;
    }
    if (brackets.empty()) return std::nullopt;
    static const char *const bracketKeys[] = {"bracket", "initialLeverage", "notionalFloor", "notionalCap",
                                              "maintMarginRatio", "cum"};
    for (const Fields &b : brackets) {
        if (b.size() != std::size(bracketKeys)) return std::nullopt;  // every key, each once, no other
        for (const char *k : bracketKeys)
            if (!b.count(k)) return std::nullopt;
        const auto bracket = number(b, "bracket");
        if (!bracket || *bracket != std::floor(*bracket) || std::fabs(*bracket) > 9e15) return std::nullopt;
        LeverageTier t;
        t.bracket = int(qint64(*bracket));
        const std::pair<const char *, double *> fields[] = {{"notionalFloor", &t.floor}, {"notionalCap", &t.cap},
                                                            {"maintMarginRatio", &t.mmr}, {"cum", &t.cum},
                                                            {"initialLeverage", &t.maxLeverage}};
        for (const auto &[k, dst] : fields) {
            const auto v = number(b, k);
            if (!v) return std::nullopt;
            *dst = *v;
        }
        out.tiers_.push_back(t);
    }
    // fromTiers runs the same rules parseYaml does (the lines aside, which only errors need).
    if (!fromTiers(out.exchange_, out.symbol_, out.tiers_, out.sizeUnit_, out.hasDeduction_, out.feeRate_))
        return std::nullopt;
    return out;
}

}  // namespace lhm
