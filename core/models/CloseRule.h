#pragma once
// How binance_standard / funding_adjusted turn a fall in open-interest value into closes of the
// positions they track (`--close-rule`, ModelParams::closeRule). See docs/models.md, "close".
//
// The model only tracks positions opened inside the window, a small subset of the market's open
// interest. A fall OI_prev -> OI_now removes |ΔOI| from ALL of the market's positions:
//  - Relative (default): spread evenly over the market, every position loses |ΔOI| / OI_prev of
//    its size, so the tracked subset shrinks at the market's rate and survives any fall < 100 %.
//  - Absolute: the literal reading, |ΔOI| USD is taken from the tracked subset alone. A 1 % fall
//    of a multi-billion market then wipes out everything a short window has tracked.
#include <QString>
#include <optional>

namespace lhm {

enum class CloseRule { Relative, Absolute };

inline std::optional<CloseRule> parseCloseRule(const QString &name) {
    if (name == QLatin1String("relative")) return CloseRule::Relative;
    if (name == QLatin1String("absolute")) return CloseRule::Absolute;
    return std::nullopt;
}

}  // namespace lhm
