#pragma once
// A data.binance.vision-style mirror built from the real recorded data in ../shared/data, for tests
// (importer, downloader, models, GUI) and for developers (make_vision_mirror <dir>).
//
// Layout written under rootDir (every .zip has a sibling .zip.CHECKSUM "<sha256>  <name>.zip"):
//   data/futures/um/daily/metrics/BTCUSDT/BTCUSDT-metrics-YYYY-MM-DD.zip          2024-05-09 .. 2024-05-13
//   data/futures/um/daily/klines/BTCUSDT/<iv>/BTCUSDT-<iv>-YYYY-MM-DD.zip         iv = 5m, 15m, 30m, 1h; 2024-05-10 .. 2024-05-13
//   data/futures/um/daily/aggTrades/<SYM>/<SYM>-aggTrades-YYYY-MM-DD.zip          BTCUSDT 2024-08-08, ETHUSDT 2024-08-08 and -09
//   data/futures/um/monthly/fundingRate/BTCUSDT/BTCUSDT-fundingRate-YYYY-MM.zip     2020-09, 2020-10
//
// See VisionMirror.cpp for how each column maps from the recorded source and what is approximated.
#include "common/Error.h"

#include <QString>

namespace lhm::test {

Status buildVisionMirror(const QString &rootDir);

// Writes `csv` as the single entry `entryName` of a new zip at zipPath, plus zipPath + ".CHECKSUM".
Status writeVisionZip(const QString &zipPath, const QString &entryName, const QByteArray &csv);

}  // namespace lhm::test
