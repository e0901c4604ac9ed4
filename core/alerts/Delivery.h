#pragma once
// The outcome of one channel call, as stored in a firing's "deliveries" and printed by the CLI:
// "ok", "failed: <reason>" or "skipped: <reason>". Reasons never hold a secret or a raw URL.
#include <QString>

namespace lhm::alerts {

struct Delivery {
    enum class State { Ok, Failed, Skipped };
    State state = State::Failed;
    QString detail;
    int attempts = 0;

    static Delivery ok(int attempts = 1) { return {State::Ok, QString(), attempts}; }
    static Delivery failed(QString why, int attempts = 1) { return {State::Failed, std::move(why), attempts}; }
    static Delivery skipped(QString why) { return {State::Skipped, std::move(why), 0}; }
    bool isOk() const { return state == State::Ok; }
    bool isFailure() const { return state == State::Failed; }
    QString text() const {
        switch (state) {
        case State::Ok: return detail.isEmpty() ? QStringLiteral("ok") : QStringLiteral("ok (%1)").arg(detail);
        case State::Failed: return QStringLiteral("failed: ") + detail;
        case State::Skipped: return QStringLiteral("skipped: ") + detail;
        }
        return {};
    }
};

}  // namespace lhm::alerts
