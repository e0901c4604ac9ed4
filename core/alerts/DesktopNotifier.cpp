#include "alerts/DesktopNotifier.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QVariantMap>

namespace lhm::alerts {

namespace {
const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
}  // namespace

bool DesktopNotifier::available() {
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface()) return false;
    return bus.interface()->isServiceRegistered(kService).value() || bus.interface()->activatableServiceNames().value().contains(kService);
}

DesktopNotifier::Result DesktopNotifier::notify(const QString &title, const QString &body, QString *error, int timeoutMs) {
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        if (error) *error = QStringLiteral("no D-Bus session bus");
        return Result::Unavailable;
    }
    if (!available()) {
        if (error) *error = QStringLiteral("no notification service on the session bus");
        return Result::Unavailable;
    }
    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kService, QStringLiteral("Notify"));
    QVariantMap hints;
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(uchar(1)));
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("liquidationheatmap"));
    call << QStringLiteral("LiquidationHeatmap") << uint(0) << QStringLiteral("liquidationheatmap") << title << body
         << QStringList() << hints << int(10000);
    const QDBusMessage reply = bus.call(call, QDBus::Block, timeoutMs);
    if (reply.type() == QDBusMessage::ReplyMessage) return Result::Shown;
    if (error) *error = reply.errorMessage().isEmpty() ? reply.errorName() : reply.errorMessage();
    return Result::Failed;
}

}  // namespace lhm::alerts
