#pragma once
// A user-written rule ("dist_long_cluster_pct < 2 and confidence > 0.7") compiled once with
// muParser over the per-bar variables of the backtester, then evaluated per bar. Errors name the
// position (1-based) and the offending name, so the CLI and the GUI can point at it as you type.
#include "common/Error.h"

#include <QString>
#include <QStringList>
#include <array>
#include <memory>

namespace mu {
class Parser;
}

namespace lhm {

// The variables an expression may use, in this order (docs/backtesting.md defines each).
enum class RuleVar {
    Open, High, Low, Close, DistLongClusterPct, DistShortClusterPct, LongClusterUsd, ShortClusterUsd,
    RealisedLongUsd, RealisedShortUsd, Confidence, Signal, OiChangePct, Funding, InPosition, Count
};
QStringList ruleVariableNames();

class RuleExpression {
public:
    // Compiles `text`; the error's field is `name` (entry/exit), its message names position and token.
    static Result<std::shared_ptr<RuleExpression>> compile(const QString &text, const QString &name);
    ~RuleExpression();

    std::array<double, size_t(RuleVar::Count)> &vars() { return vars_; }
    double evaluate();  // with the current vars(); NaN if muParser fails at run time (e.g. a domain error)

private:
    RuleExpression();
    std::unique_ptr<mu::Parser> parser_;
    std::array<double, size_t(RuleVar::Count)> vars_{};
};

}  // namespace lhm
