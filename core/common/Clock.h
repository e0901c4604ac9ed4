#pragma once
// Time is injected so tests can drive backoff, staleness and cooldowns without sleeping.
#include <QDateTime>
#include <atomic>

namespace lhm {

class Clock {
public:
    virtual ~Clock() = default;
    virtual qint64 nowMs() const = 0;
};

class SystemClock final : public Clock {
public:
    qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch(); }
    static SystemClock &instance() {
        static SystemClock c;
        return c;
    }
};

class ManualClock final : public Clock {
public:
    explicit ManualClock(qint64 start = 0) : now_(start) {}
    qint64 nowMs() const override { return now_.load(); }
    void set(qint64 t) { now_.store(t); }
    void advance(qint64 dt) { now_.fetch_add(dt); }

private:
    std::atomic<qint64> now_;
};

}  // namespace lhm
