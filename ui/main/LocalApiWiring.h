#pragma once
// The Local API in the main window: a checkable Live → Local API action (remembered in the
// settings) that starts or stops core's ApiServer on 127.0.0.1:8765 over the window's engine and
// live session, and a status-bar label with its address while it listens. The server lives on the
// GUI thread but computes on the engine's workers, so requests never block the window.
#include <QObject>

class QAction;
class QLabel;
class QMainWindow;
class QSettings;

namespace lhm {
class CoreEngine;
class Session;
namespace api {
class ApiServer;
}
}  // namespace lhm

namespace lhm::ui {

class LocalApiWiring : public QObject {
    Q_OBJECT
public:
    LocalApiWiring(QMainWindow *window, CoreEngine *engine, Session *session, QSettings *settings);
    ~LocalApiWiring() override;

    QAction *toggleAction() const { return toggle_; }
    api::ApiServer *server() const { return server_; }
    void setEnabled(bool on);

signals:
    void message(const QString &text);

private:
    QMainWindow *window_;
    Session *session_;
    QSettings *settings_;
    api::ApiServer *server_;
    QAction *toggle_;
    QLabel *label_;
};

}  // namespace lhm::ui
