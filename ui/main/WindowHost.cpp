#include "main/WindowHost.h"

#include "common/Translator.h"

#include <QTimer>

namespace lhm::ui {

WindowHost::WindowHost(MainWindowOptions options, QObject *parent) : QObject(parent), opt_(std::move(options)) { build(); }

WindowHost::~WindowHost() = default;

void WindowHost::build() {
    window_ = std::make_unique<MainWindow>(opt_);
    // Queued: the old window is deleted after the menu action that asked for the switch returns.
    connect(window_.get(), &MainWindow::languageChosen, this, &WindowHost::switchLanguage, Qt::QueuedConnection);
}

void WindowHost::show() { window_->show(); }

void WindowHost::switchLanguage(const QString &code) {
    const bool visible = window_->isVisible();
    window_->saveState();
    Translator::install(code);
    std::unique_ptr<MainWindow> old = std::move(window_);
    opt_.firstRunDialog = false;  // the store was looked at already
    build();
    if (visible) window_->show();
    old->hide();
    old.reset();
    emit windowReplaced(window_.get());
}

}  // namespace lhm::ui
