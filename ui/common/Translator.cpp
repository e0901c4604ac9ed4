#include "common/Translator.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace lhm::ui::Translator {

QStringList languages() { return {QStringLiteral("system"), QStringLiteral("en"), QStringLiteral("zh_CN")}; }

QString displayName(const QString &code) {
    if (code == QLatin1String("en")) return QStringLiteral("English");
    if (code == QLatin1String("zh_CN")) return QStringLiteral("简体中文");
    return QCoreApplication::translate("Translator", "System language");
}

QString install(const QString &code) {
    static QTranslator *current = nullptr, *qt = nullptr;
    for (QTranslator **t : {&current, &qt}) {
        if (!*t) continue;
        QCoreApplication::removeTranslator(*t);
        delete *t;
        *t = nullptr;
    }
    QLocale locale = code == QLatin1String("system") || code.isEmpty() ? QLocale::system() : QLocale(code);
    auto *t = new QTranslator;
    // .qm files are embedded under :/i18n by qt_add_translations.
    if (locale.language() != QLocale::English &&
        t->load(locale, QStringLiteral("liquidationheatmap"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(t);
        current = t;
        // Qt's own texts (dialog buttons, context menus) from qt6-translations-l10n, and the locale
        // the date axes and number formats follow.
        auto *base = new QTranslator;
        if (base->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                       QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(base);
            qt = base;
        } else {
            delete base;
        }
        QLocale::setDefault(locale);
        return locale.name();
    }
    delete t;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    return QStringLiteral("en");
}

}  // namespace lhm::ui::Translator
