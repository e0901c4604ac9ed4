#pragma once
// What the binance_standard / funding_adjusted level book stands for (`--book`, ModelParams::book).
// See docs/models.md, "book".
//  - Window: only positions opened inside the window, from rises in open interest split between
//    the sides by the side rule (the rule up to model version 1). A window that starts in a calm
//    market holds almost nothing near price, so most hours predict no liquidation at all.
//  - Market (default): the book stands for the market's whole open interest. At the first candle
//    with open interest, that open interest is opened on EACH side (every contract has one long and
//    one short holder); a rise ΔOI opens 2·ΔOI tilted by the side rule (ΔOI per side at share 0.5),
//    and the absolute close rule removes 2·|ΔOI|.
#include <QString>
#include <optional>

namespace lhm {

enum class BookRule { Window, Market };

inline std::optional<BookRule> parseBookRule(const QString &name) {
    if (name == QLatin1String("market")) return BookRule::Market;
    if (name == QLatin1String("window")) return BookRule::Window;
    return std::nullopt;
}

}  // namespace lhm
