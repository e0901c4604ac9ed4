#include "feeds/FeedTypes.h"

#include "config/ExchangeRegistry.h"

namespace lhm::feeds {

const char *exchangeName(Exchange e) { return int(e) >= 0 && int(e) < kExchangeCount ? kExchangeIds[int(e)] : "?"; }

bool hasLiquidationStream(Exchange e) {
    const ExchangeDescriptor *d = ExchangeRegistry::builtin(QString::fromLatin1(exchangeName(e)));
    return d && d->liquidationStream;
}

bool exchangeFromName(const QString &name, Exchange *out) {
    for (int i = 0; i < kExchangeCount; ++i) {
        if (name.compare(QLatin1String(exchangeName(Exchange(i))), Qt::CaseInsensitive) == 0) {
            *out = Exchange(i);
            return true;
        }
    }
    return false;
}

const char *tickKindName(PriceTick::Kind k) {
    switch (k) {
    case PriceTick::Kind::Trade: return "trade";
    case PriceTick::Kind::Mark: return "mark";
    case PriceTick::Kind::Last: return "last";
    }
    return "?";
}

const char *parseErrorKindName(ParseErrorKind k) {
    switch (k) {
    case ParseErrorKind::MalformedJson: return "malformed_json";
    case ParseErrorKind::NotAnObject: return "not_an_object";
    case ParseErrorKind::MissingField: return "missing_field";
    case ParseErrorKind::WrongType: return "wrong_type";
    case ParseErrorKind::BadValue: return "bad_value";
    case ParseErrorKind::UnknownSymbol: return "unknown_symbol";
    }
    return "?";
}

const char *feedStateName(FeedState s) {
    switch (s) {
    case FeedState::Stopped: return "stopped";
    case FeedState::Connecting: return "connecting";
    case FeedState::Live: return "live";
    case FeedState::Stale: return "stale";
    case FeedState::Backoff: return "backoff";
    }
    return "?";
}

}  // namespace lhm::feeds
