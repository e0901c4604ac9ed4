#pragma once
// TestFeedParsers, declared here: its slots are defined in tst_feedparsers.cpp and tst_feedparsers_*.cpp (one executable).
#include "TestSupport.h"

#include "config/ExchangesConfig.h"
#include "exchanges/binance/BinanceProtocol.h"
#include "exchanges/bybit/BybitProtocol.h"
#include "exchanges/hyperliquid/HyperliquidProtocol.h"
#include "exchanges/okx/OkxProtocol.h"
#include "feeds/Backoff.h"
#include "feeds/ExchangeProtocol.h"
#include "feeds/FastJson.h"
#include "feeds/FeedOptions.h"
#include "ingest/history/HistorySource.h"
#include "ingest/rest/RestBackfillClient.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>
#include <cmath>

using namespace lhm;
using namespace lhm::feeds;
using namespace lhm::test;

inline SymbolTable table(SymbolTable::Unlisted policy, std::initializer_list<SymbolSpec> specs = {}) {
    SymbolTable t(policy);
    for (const SymbolSpec &s : specs) t.add(s);
    return t;
}

inline FrameResult parse(const ExchangeProtocol &p, const QByteArray &frame, qint64 recv = 42) {
    FrameResult r;
    p.parse(frame, recv, r);
    return r;
}

inline QByteArray jsonlLine(const QString &file, int index) {
    const QList<QByteArray> lines = readFile(sharedData(QStringLiteral("tardis-node-liquidation-frames/") + file)).split('\n');
    return index < lines.size() ? lines.at(index) : QByteArray();
}

class TestFeedParsers : public QObject {
    Q_OBJECT
private slots:
    void everyListedExchangeHasItsHooks();
    void binanceRealForceOrder();
    void binanceSellMeansLongAndFallbacks();
    void binanceChiefJuristCapture();
    void binanceRealTradeStream();
    void binanceAggTradeAndMarkPrice();
    void bybitRealAllLiquidation();
    void bybitDocumentedFrames();
    void okxRealFuturesFrame();
    void okxDocumentedSwapFrames();
    void hyperliquidDocumentedTrades();
    void badInput_data();
    void badInput();
    void fastJsonStrictness();
    void exchangesConfig();
    void exchangeDescriptors();
    void backoffBounds();
};
