#pragma once
// What the exchanges' history page parsers share (each exchange's own parsers live in its folder,
// core/exchanges/<id>/<Enum>History.{h,cpp}). Parsers are pure: bytes in, rows out oldest first, no
// I/O, no throwing; a malformed page is an Error naming the response and the field
// ("bybit funding/history: result.list[3].fundingRate is not a rate").
#include "common/Error.h"
#include "common/Types.h"

#include <QByteArray>
#include <QJsonArray>
#include <QString>
#include <algorithm>
#include <type_traits>
#include <vector>

namespace lhm::rest {

// "<what>: <field> <why>", with the field as the Error's field.
Error pageError(const QString &what, const QString &field, const QString &why);
// A document whose root is an array (Hyperliquid's /info answers).
Result<QJsonArray> topArray(const QByteArray &json, const QString &what);
// A funding rate as a number or numeric string; a rate beyond ±100 % per interval is not a rate.
bool fundingRateValue(const QJsonValue &v, double *out);

// Oldest first (exchanges answer newest first); stable, so equal times keep the page's order.
template <class Row>
void sortByTime(std::vector<Row> &rows) {
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        if constexpr (std::is_same_v<Row, Candle>) return a.openTime < b.openTime;
        else return a.time < b.time;
    });
}

}  // namespace lhm::rest
