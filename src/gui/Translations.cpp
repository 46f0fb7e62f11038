#include "gui/Translations.h"

#include "gui/GuiLog.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace lifeboat {

namespace {

// The translators belong to the application object, so they live as long as it does.
bool installTranslator(const QLocale &locale, const QString &name, const QString &directory)
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(locale, name, QStringLiteral("_"), directory)) {
        delete translator;
        return false;
    }
    qCDebug(lcGuiTranslations) << "loaded" << translator->filePath();
    return QCoreApplication::installTranslator(translator);
}
} // namespace

void Translations::install()
{
    const QLocale locale;
    const QString resources = QStringLiteral(":/i18n");
    // Searched last-installed first: Lifeboat's language, then English plurals, then Qt's.
    installTranslator(locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    if (!installTranslator(QLocale(QLocale::English, QLocale::UnitedStates), QStringLiteral("lifeboat"),
                           resources))
        qCWarning(lcGuiTranslations) << "the English plural forms are missing from the resources";
    if (locale.language() != QLocale::English && locale.language() != QLocale::C)
        installTranslator(locale, QStringLiteral("lifeboat"), resources);
}

} // namespace lifeboat
