#include "ingest/TradeProfileBuilder.h"

#include <algorithm>
#include <cmath>

namespace lhm {

double TradeProfileBuilder::bucketWidth(double price) {
    return std::pow(10.0, std::floor(std::log10(price)) - 3);
}

void TradeProfileBuilder::setDecade(double price) {
    const int e = int(std::floor(std::log10(price)));
    decadeLo_ = std::pow(10.0, e);
    decadeHi_ = std::pow(10.0, e + 1);
    // Correct log10 rounding at exact powers of ten.
    if (price < decadeLo_) {
        decadeHi_ = decadeLo_;
        decadeLo_ /= 10;
    } else if (price >= decadeHi_) {
        decadeLo_ = decadeHi_;
        decadeHi_ *= 10;
    }
    width_ = decadeLo_ / 1000;
    // Below width 1 the scale is an exact power of ten; above it 1/width is inexact (0.1), and the
    // 1e-7 in bucketEdge() absorbs that rounding for every price on a real tick grid.
    scale_ = width_ >= 1 ? 1 / width_ : std::round(1 / width_);
}

void TradeProfileBuilder::startMinute(qint64 minute) {
    std::sort(cur_.begin(), cur_.end(),
              [](const TradeProfileCell &a, const TradeProfileCell &b) { return a.bucketPrice < b.bucketPrice; });
    done_.insert(done_.end(), cur_.begin(), cur_.end());
    cur_.clear();
    last_ = -1;
    minute_ = minute;
    minuteEnd_ = minute + 60'000;
}

TradeProfileCell *TradeProfileBuilder::find(double edge) {
    for (size_t i = 0; i < cur_.size(); ++i)
        if (cur_[i].bucketPrice == edge) {
            last_ = int(i);
            return &cur_[i];
        }
    TradeProfileCell c;
    c.minute = minute_;
    c.bucketPrice = edge;
    cur_.push_back(c);
    last_ = int(cur_.size() - 1);
    return &cur_.back();
}

void TradeProfileBuilder::takeFinished(std::vector<TradeProfileCell> &out) {
    out.insert(out.end(), done_.begin(), done_.end());
    done_.clear();
}

void TradeProfileBuilder::finish(std::vector<TradeProfileCell> &out) {
    startMinute(-1);
    takeFinished(out);
}

}  // namespace lhm
