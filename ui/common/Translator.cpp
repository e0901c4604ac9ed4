#include "common/Translator.h"

#include <QCoreApplication>
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
    static QTranslator *current = nullptr;
    if (current) {
        QCoreApplication::removeTranslator(current);
        delete current;
        current = nullptr;
    }
    QLocale locale = code == QLatin1String("system") || code.isEmpty() ? QLocale::system() : QLocale(code);
    auto *t = new QTranslator;
    // .qm files are embedded under :/i18n by qt_add_translations.
    if (locale.language() != QLocale::English &&
        t->load(locale, QStringLiteral("liquidationheatmap"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(t);
        current = t;
        return locale.name();
    }
    delete t;
    return QStringLiteral("en");
}

}  // namespace lhm::ui::Translator
