#pragma once
// Number and time formatting shared by the views: USD amounts abbreviated like traders read them
// ($1.25M), prices with the precision the bucket size needs, times in UTC.
#include <QString>
#include <QtGlobal>

namespace lhm::ui::Format {

QString usd(double v);                          // $950, $12.3K, $1.25M, $3.10B
QString price(double v, double bucketSize = 0);  // decimals enough to tell buckets apart
QString utcTime(qint64 ms);                      // 2024-05-01 13:00 UTC
QString age(qint64 ms);                          // "3 h 20 min", "2 d 4 h", "45 s"
int priceDecimals(double bucketSize);

}  // namespace lhm::ui::Format
