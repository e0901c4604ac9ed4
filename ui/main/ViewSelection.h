#pragma once
// The toolbar's selection is the session's (engine/Session.h); the old name stays for the UI.
#include "engine/Session.h"

namespace lhm::ui {
using ViewSelection = lhm::Selection;
}  // namespace lhm::ui
