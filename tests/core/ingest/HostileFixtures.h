#pragma once
// Shared by tst_hostile (files) and tst_hostilenet (network): a tiny metrics day and a row count.
#include "TestSupport.h"

#include <QByteArray>
#include <QString>

namespace lhm::test::hostile {

// 2024-05-10 00:00 UTC and the rows of a tiny metrics day (create_time, symbol, OI, OI value, 4 ratios).
inline const QByteArray kMetricsHeader =
    "create_time,symbol,sum_open_interest,sum_open_interest_value,count_toptrader_long_short_ratio,"
    "sum_toptrader_long_short_ratio,count_long_short_ratio,sum_taker_long_short_vol_ratio\n";
inline QByteArray metricsCsv(const QString &symbol) {
    return kMetricsHeader + "2024-05-10 00:05:00," + symbol.toLatin1() + ",80000.5,4900000000.25,1.5,1.4,1.3,0.9\n" +
           "2024-05-10 00:10:00," + symbol.toLatin1() + ",80010.5,4901000000.25,1.5,1.4,1.3,0.9\n";
}

inline int count(Store &s, const char *table) {
    return int(sqlScalar(s.path(), QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(table))));
}

}  // namespace lhm::test::hostile
