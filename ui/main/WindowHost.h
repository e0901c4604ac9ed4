#pragma once
// Owns the main window. When the trader picks another language (View → Language) it installs the
// translation and builds the window again at once: every widget's text is set when it is built, and
// rebuilding is simpler and surer than re-translating each one. Settings, layout and the selection
// carry over through the settings file, which the old window saves first.
#include "main/MainWindow.h"

#include <QObject>
#include <memory>

namespace lhm::ui {

class WindowHost : public QObject {
    Q_OBJECT
public:
    explicit WindowHost(MainWindowOptions options, QObject *parent = nullptr);
    ~WindowHost() override;

    MainWindow *window() const { return window_.get(); }
    void show();

signals:
    void windowReplaced(lhm::ui::MainWindow *window);

private:
    void build();
    void switchLanguage(const QString &code);

    MainWindowOptions opt_;
    std::unique_ptr<MainWindow> window_;
};

}  // namespace lhm::ui
