#pragma once
// Keeps what `lhm validate` measured (CLI and Research tab) in the store, so the comparison view
// shows each model's figure beside its baseline. Results without figures (a model with no input)
// are kept too: the view then says why it shows "—".
#include "analysis/ValidationTypes.h"
#include "store/Store.h"

#include <vector>

namespace lhm {

ValidationRow toValidationRow(const ValidationResult &result, const QString &window, qint64 measuredAt);
// All results in one transaction.
Status saveValidation(Store &store, const std::vector<ValidationResult> &results, const QString &window,
                      qint64 measuredAt);

}  // namespace lhm
