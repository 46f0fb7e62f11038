#pragma once

namespace lifeboat {

// Installs the translators for the user's language (QLocale()): Qt's own strings, English plural
// forms underneath everything (so "%n profile(s)" reads "1 profile" even where a translation
// lacks a string), then Lifeboat's translation compiled in at :/i18n/lifeboat_<locale>.qm.
class Translations
{
public:
    static void install();
};

} // namespace lifeboat
