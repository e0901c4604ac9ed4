#pragma once
// Timestamps as third-party exports write them: "2024-06-20 03:00:00", "2025-05-25T15:21:42.312Z",
// "2025-10-22T09:36:42.306000", "...+02:00", or epoch milliseconds. A time without a zone is read
// in the zone the caller states (`zoneOffsetMs`, local = UTC + offset); an explicit zone wins.
#include <QString>
#include <optional>
#include <string_view>

namespace lhm {

// UTC milliseconds, or nullopt when the text is not a time (or before 1970 / after 2200).
std::optional<qint64> parseTimeText(std::string_view text, qint64 zoneOffsetMs);

// "+06:00", "-05:30", "+0600", "Z", "0" -> milliseconds east of UTC; nullopt when malformed.
std::optional<qint64> parseZoneOffset(const QString &text);

}  // namespace lhm
