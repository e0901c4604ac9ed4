#pragma once
// Where alert secrets (Telegram bot token, SMTP password, webhook HMAC secret) live. Rules and
// channel settings keep only a reference:
//   "keychain:<key>"  the OS keychain through qtkeychain (service "liquidationheatmap");
//   "env:<VAR>"       read from the environment each time it is needed — the fallback when no
//                     keychain is reachable (headless servers, CI), with a warning saying so.
// The secret itself never reaches the database, a log line or JSON output. LHM_KEYCHAIN=off
// forces the environment fallback: tests set it so they never touch the user's keychain.
#include "common/Error.h"

#include <QString>

namespace lhm::alerts {

class SecretVault {
public:
    // Keeps `secret` (taken from environment variable `envVar`) under `key`; returns the reference
    // to store. Without a keychain it returns "env:<envVar>" and sets `warning`.
    static Result<QString> put(const QString &key, const QString &secret, const QString &envVar, QString *warning);
    // The secret behind a reference; an error names the reference (never the secret).
    static Result<QString> get(const QString &reference);
    static void remove(const QString &reference);
    static bool keychainEnabled();  // false under LHM_KEYCHAIN=off
};

}  // namespace lhm::alerts
