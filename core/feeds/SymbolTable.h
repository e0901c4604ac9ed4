#pragma once
// Maps an exchange's own instrument names (BTCUSDT, BTC-USDT-SWAP, BTC) to the unified symbol the
// rest of the app uses (BTCUSDT) and carries the contract value needed to turn contracts into base
// units. Built from config/exchanges.yaml; lookups on the parse hot path are one hash probe.
#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>
#include <string_view>
#include <vector>

namespace lhm::feeds {

struct SymbolSpec {
    QString native;
    QString unified;
    double contractValue = 1;      // size of one contract
    bool contractInQuote = false;  // contractValue is in quote currency (inverse contracts): base = sz·ctVal/price
};

class SymbolTable {
public:
    // What to do with an instrument that is not listed:
    //  Reject - report ParseErrorKind::UnknownSymbol (streams we subscribed per symbol),
    //  Skip   - drop silently (channels that broadcast every instrument, e.g. OKX liquidation-orders),
    //  Accept - take the native name as the unified one with 1 contract = 1 base unit (linear
    //           USDT symbols on Binance/Bybit, used by replay tools that see every symbol).
    enum class Unlisted { Reject, Skip, Accept };

    explicit SymbolTable(Unlisted policy = Unlisted::Reject) : policy_(policy) {}
    void add(const SymbolSpec &spec) {
        byNative_.insert(spec.native, spec);
        utf8_.clear();
        for (const SymbolSpec &s : byNative_) utf8_.push_back({s.native.toUtf8(), s});
    }
    void setUnlistedPolicy(Unlisted p) { policy_ = p; }
    Unlisted unlistedPolicy() const { return policy_; }

    enum class Lookup { Found, Skip, Unknown };
    // On Found, *out is filled (for Accept: a spec synthesised from the native name).
    Lookup find(const QString &native, SymbolSpec *out) const {
        auto it = byNative_.constFind(native);
        if (it != byNative_.constEnd()) {
            *out = *it;
            return Lookup::Found;
        }
        switch (policy_) {
        case Unlisted::Skip: return Lookup::Skip;
        case Unlisted::Accept: *out = SymbolSpec{native, native, 1, false}; return Lookup::Found;
        case Unlisted::Reject: break;
        }
        return Lookup::Unknown;
    }
    // The same on the raw UTF-8 bytes of a frame: tables are a handful of symbols, so a linear
    // byte compare beats hashing and needs no QString per frame.
    Lookup find(std::string_view native, SymbolSpec *out) const {
        for (const auto &[bytes, spec] : utf8_) {
            if (std::string_view(bytes.constData(), size_t(bytes.size())) == native) {
                *out = spec;
                return Lookup::Found;
            }
        }
        if (policy_ == Unlisted::Accept) return find(QString::fromUtf8(native.data(), qsizetype(native.size())), out);
        return policy_ == Unlisted::Skip ? Lookup::Skip : Lookup::Unknown;
    }
    // Native name of a unified symbol, empty when not listed.
    QString nativeOf(const QString &unified) const {
        for (const SymbolSpec &s : byNative_)
            if (s.unified == unified) return s.native;
        return {};
    }
    QStringList unifiedSymbols() const {
        QStringList out;
        for (const SymbolSpec &s : byNative_) out << s.unified;
        out.sort();
        return out;
    }
    int size() const { return int(byNative_.size()); }

private:
    QHash<QString, SymbolSpec> byNative_;
    std::vector<std::pair<QByteArray, SymbolSpec>> utf8_;
    Unlisted policy_;
};

}  // namespace lhm::feeds
