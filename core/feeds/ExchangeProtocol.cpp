#include "feeds/ExchangeProtocol.h"

#include "feeds/BinanceProtocol.h"
#include "feeds/BybitProtocol.h"
#include "feeds/HyperliquidProtocol.h"
#include "feeds/JsonFields.h"
#include "feeds/OkxProtocol.h"

namespace lhm::feeds {

QString ExchangeProtocol::nativeSymbol(const QString &unified) const {
    const QString n = symbols_.nativeOf(unified);
    return n.isEmpty() ? defaultNative(unified) : n;
}

const QString &ExchangeProtocol::name(Exchange e) {
    static const QString names[kExchangeCount] = {QStringLiteral("binance"), QStringLiteral("bybit"), QStringLiteral("okx"),
                                                  QStringLiteral("hyperliquid")};
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
    switch (e) {
    case Exchange::Binance: return std::make_unique<BinanceProtocol>(std::move(symbols));
    case Exchange::Bybit: return std::make_unique<BybitProtocol>(std::move(symbols));
    case Exchange::Okx: return std::make_unique<OkxProtocol>(std::move(symbols));
    case Exchange::Hyperliquid: return std::make_unique<HyperliquidProtocol>(std::move(symbols));
    }
    return nullptr;
}

}  // namespace lhm::feeds
