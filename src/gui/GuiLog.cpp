#include "gui/GuiLog.h"

Q_LOGGING_CATEGORY(lcGuiCatalog, "lifeboat.gui.catalog", QtWarningMsg)
Q_LOGGING_CATEGORY(lcGuiTranslations, "lifeboat.gui.i18n", QtWarningMsg)
