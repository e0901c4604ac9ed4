#include "RecordedFrames.h"

#include "TestSupport.h"
#include "common/Paths.h"

#include <QDir>

namespace lhm::test {

QStringList recordedBtcTrades(int count) {
    QStringList frames;
    const QByteArray capture = gunzipFile(sharedData(QStringLiteral("hftbacktest-binance-usdm-ws/btcusdt_20240808.gz")));
    for (const QByteArray &line : capture.split('\n')) {
        if (count >= 0 && frames.size() >= count) break;
        if (line.contains("@trade")) frames << QString::fromUtf8(line.mid(line.indexOf(' ') + 1));  // after "<receive ns> "
    }
    return frames;
}

bool writeBinanceReplayConfig(const QString &dir, const QUrl &ws) {
    // A config folder stands alone (configDir() reads nothing else): the live session's models need
    // the tier files of the symbols it follows, copied from the build's config folder.
    for (const QString &symbol : {QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")}) {
        const QString tiers = QStringLiteral("tiers/binance/%1.yaml").arg(symbol);
        if (!writeFile(QDir(dir).filePath(tiers), readFile(QDir(buildConfigDir()).filePath(tiers)))) return false;
    }
    return writeFile(QDir(dir).filePath(QStringLiteral("exchanges.yaml")),
                     QStringLiteral("exchanges:\n  binance:\n    ws_url: %1\n    rest_url: http://127.0.0.1:9\n"
                                    "    ping_interval_ms: 60000\n    watchdog_ms: 30000\n"
                                    "symbols:\n  BTCUSDT:\n    binance: BTCUSDT\n  ETHUSDT:\n    binance: ETHUSDT\n")
                         .arg(ws.toString())
                         .toUtf8());
}

}  // namespace lhm::test
