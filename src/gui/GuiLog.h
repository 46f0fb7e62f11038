#pragma once

#include <QLoggingCategory>

// One dotted category per GUI part (lifeboat.gui.<part>).
Q_DECLARE_LOGGING_CATEGORY(lcGuiCatalog)
Q_DECLARE_LOGGING_CATEGORY(lcGuiTranslations)
