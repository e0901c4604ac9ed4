#include "ForceOrderCapture.h"

#include "TestSupport.h"

#include <QDateTime>

namespace lhm::test {

ForceOrderCapture forceOrderCapture() {
    ForceOrderCapture r;
    const QList<QByteArray> lines = readFile(sharedData(QStringLiteral("chiefJurist-binance-forceorder-csv/binance_liquidations.csv"))).split('\n');
    for (int i = 1; i < lines.size(); ++i) {
        const QList<QByteArray> f = lines.at(i).trimmed().split(',');
        if (f.size() != 6) continue;  // timestamp,symbol,side,avg_price,filled_qty,usd_value
        const qint64 t = QDateTime::fromString(QString::fromLatin1(f[0].left(23)), Qt::ISODateWithMs).toUTC().toMSecsSinceEpoch();
        r.frames << QString::fromUtf8("{\"stream\":\"!forceOrder@arr\",\"data\":{\"e\":\"forceOrder\",\"E\":" + QByteArray::number(t + 5) +
                                      ",\"o\":{\"s\":\"" + f[1] + "\",\"S\":\"" + f[2] + "\",\"o\":\"LIMIT\",\"f\":\"IOC\",\"q\":\"" + f[4] +
                                      "\",\"p\":\"" + f[3] + "\",\"ap\":\"" + f[3] + "\",\"X\":\"FILLED\",\"l\":\"" + f[4] + "\",\"z\":\"" +
                                      f[4] + "\",\"T\":" + QByteArray::number(t) + "}}}");
        LiquidationEvent e;
        e.exchange = QStringLiteral("binance");
        e.symbol = QString::fromUtf8(f[1]);
        e.side = f[2] == "SELL" ? Side::Long : Side::Short;
        e.price = f[3].toDouble();
        e.qty = f[4].toDouble();
        e.notional = e.price * e.qty;
        e.time = t;
        r.events << e;
    }
    return r;
}

}  // namespace lhm::test
