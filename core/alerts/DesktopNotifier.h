#pragma once
// Desktop notification through org.freedesktop.Notifications on the session bus. When the bus
// or the service is missing the call reports Unavailable and the caller falls back (the GUI to
// QSystemTrayIcon::showMessage; the headless CLI records the channel as skipped).
#include <QString>

namespace lhm::alerts {

class DesktopNotifier {
public:
    enum class Result { Shown, Unavailable, Failed };
    // Blocking D-Bus call with a short timeout; safe on worker threads. `error` says why not.
    static Result notify(const QString &title, const QString &body, QString *error = nullptr, int timeoutMs = 2000);
    static bool available();
};

}  // namespace lhm::alerts
