#include "main/LocalApiWiring.h"

#include "api/ApiServer.h"
#include "engine/Session.h"

#include <QAction>
#include <QLabel>
#include <QMainWindow>
#include <QSettings>
#include <QStatusBar>

namespace lhm::ui {

LocalApiWiring::LocalApiWiring(QMainWindow *window, CoreEngine *engine, Session *session, QSettings *settings)
    : QObject(window), window_(window), session_(session), settings_(settings), server_(new api::ApiServer(engine, this)) {
    toggle_ = new QAction(tr("Local &API (127.0.0.1:8765)"), this);
    toggle_->setCheckable(true);
    toggle_->setToolTip(tr("Serve the heatmap, levels, signals and the live stream to scripts on this computer (docs/api.md)"));
    label_ = new QLabel(window->statusBar());
    label_->setVisible(false);
    window->statusBar()->addPermanentWidget(label_);
    connect(toggle_, &QAction::toggled, this, &LocalApiWiring::setEnabled);
    if (settings_->value(QStringLiteral("api/enabled"), false).toBool()) toggle_->setChecked(true);
}

LocalApiWiring::~LocalApiWiring() { server_->stop(); }

void LocalApiWiring::setEnabled(bool on) {
    settings_->setValue(QStringLiteral("api/enabled"), on);
    if (!on) {
        server_->stop();
        label_->setVisible(false);
        return;
    }
    api::ApiOptions o;
    o.port = quint16(settings_->value(QStringLiteral("api/port"), 8765).toUInt());
    if (Status s = server_->start(o); !s) {
        const QSignalBlocker block(toggle_);
        toggle_->setChecked(false);
        emit message(tr("Local API could not start: port %1 is in use").arg(o.port));
        return;
    }
    server_->setLiveSession(session_->live());
    label_->setText(tr("API %1").arg(server_->address()));
    label_->setVisible(true);
    emit message(tr("Local API listening on %1 (this computer only)").arg(server_->address()));
}

}  // namespace lhm::ui
