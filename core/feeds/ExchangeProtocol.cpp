#include "feeds/ExchangeProtocol.h"

#include "feeds/JsonFields.h"

namespace lhm::feeds {

// The protocol hooks of config/ExchangeList.h, each defined beside its class (<Enum>Protocol.cpp).
#define LHM_EXCHANGE_PROTOCOL(E, id) std::unique_ptr<ExchangeProtocol> make##E##Protocol(SymbolTable symbols);
LHM_EXCHANGES(LHM_EXCHANGE_PROTOCOL)
#undef LHM_EXCHANGE_PROTOCOL

QString ExchangeProtocol::nativeSymbol(const QString &unified) const {
    const QString n = symbols_.nativeOf(unified);
    return n.isEmpty() ? defaultNative(unified) : n;
}

const QString &ExchangeProtocol::name(Exchange e) {
    static const QString names[kExchangeCount] = {
#define LHM_EXCHANGE_NAME(E, id) QStringLiteral(#id),
        LHM_EXCHANGES(LHM_EXCHANGE_NAME)
#undef LHM_EXCHANGE_NAME
    };
    return names[int(e)];
}

bool ExchangeProtocol::lookup(std::string_view native, SymbolSpec *spec, FrameResult &out) const {
    switch (symbols_.find(native, spec)) {
    case SymbolTable::Lookup::Found: return true;
    case SymbolTable::Lookup::Skip: return false;
    case SymbolTable::Lookup::Unknown: break;
    }
    json::fail(out, ParseErrorKind::UnknownSymbol, native);
    return false;
}

std::unique_ptr<ExchangeProtocol> ExchangeProtocol::create(Exchange e, SymbolTable symbols) {
    using Make = std::unique_ptr<ExchangeProtocol> (*)(SymbolTable);
    static constexpr Make make[kExchangeCount] = {
#define LHM_EXCHANGE_PROTOCOL(E, id) &make##E##Protocol,
        LHM_EXCHANGES(LHM_EXCHANGE_PROTOCOL)
#undef LHM_EXCHANGE_PROTOCOL
    };
    return int(e) >= 0 && int(e) < kExchangeCount ? make[int(e)](std::move(symbols)) : nullptr;
}

}  // namespace lhm::feeds
