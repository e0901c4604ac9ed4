#include "config/ExchangeDescriptor.h"

#include "common/Paths.h"

#include <QDir>

namespace lhm {

const ExchangeSymbolConfig *ExchangeDescriptor::symbol(const QString &unified) const {
    for (const ExchangeSymbolConfig &s : symbols)
        if (s.unified == unified) return &s;
    return nullptr;
}

const ExchangeSymbolConfig *ExchangeDescriptor::symbolByNative(const QString &native) const {
    for (const ExchangeSymbolConfig &s : symbols)
        if (s.native == native) return &s;
    return nullptr;
}

QString ExchangeDescriptor::nativeSymbol(const QString &unified) const {
    if (const ExchangeSymbolConfig *s = symbol(unified)) return s->native;
    QString base = unified, quote;
    for (const QLatin1String q : {QLatin1String("USDT"), QLatin1String("USDC"), QLatin1String("USD")})
        if (unified.endsWith(q) && unified.size() > q.size()) {
            base = unified.left(unified.size() - q.size());
            quote = q;
            break;
        }
    if (quote.isEmpty() && nativePattern.contains(QLatin1String("{quote}"))) return unified;
    QString out = nativePattern;
    return out.replace(QLatin1String("{symbol}"), unified).replace(QLatin1String("{base}"), base).replace(QLatin1String("{quote}"), quote);
}

double ExchangeDescriptor::contractValue(const QString &unified) const {
    if (const ExchangeSymbolConfig *s = symbol(unified)) return s->contractValue;
    return sizesInContracts ? 0 : 1;
}

std::vector<ExchangeSymbolConfig> ExchangeDescriptor::namedByRule(const QStringList &unified, const std::vector<double> &contractValues) const {
    std::vector<ExchangeSymbolConfig> out;
    for (qsizetype i = 0; i < unified.size(); ++i) {
        ExchangeSymbolConfig s;
        s.unified = unified[i];
        s.native = nativeSymbol(unified[i]);
        s.contractValue = size_t(i) < contractValues.size() ? contractValues[size_t(i)] : 1;
        out.push_back(s);
    }
    return out;
}

QString ExchangeDescriptor::tiersDir() const { return QDir(configDir()).filePath(QStringLiteral("tiers/") + name); }

}  // namespace lhm
