#pragma once
// Loads the UI translation: the language saved in the settings (View → Language) or, when that is
// "system", the system locale. English is the source language and needs no file.
#include <QString>
#include <QStringList>

namespace lhm::ui::Translator {

// Language codes offered in the menu, "system" first.
QStringList languages();
QString displayName(const QString &code);
// Installs the translator for `code` ("system", "en", "zh_CN"); returns the language in effect.
QString install(const QString &code);

}  // namespace lhm::ui::Translator
