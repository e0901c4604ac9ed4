#pragma once
// POST/PUT /alerts bodies: the keys of `lhm alerts list --json` (AlertRule::toJson) applied onto a
// rule. Only the keys given change (PUT edits like `lhm alerts edit`); the error names the key.
// Secrets are not accepted over HTTP: a signed webhook is set up with the CLI's --webhook-secret-env.
#include "alerts/AlertRule.h"
#include "common/Error.h"

#include <QJsonObject>

namespace lhm::api {

Status applyRuleBody(const QJsonObject &body, alerts::AlertRule &rule, bool isNew);

}  // namespace lhm::api
