"""UI layer: the translation system. Source strings are English; Indonesian is the default.

`Translations` installs ``resources/translations/kim_id.qm`` (built from ``kim_id.ts`` with
``scripts/translations``) and switches language live: installing or removing a translator makes
Qt send ``QEvent.LanguageChange`` to every widget, whose ``retranslate_ui()`` then runs.
``KIM_PSEUDO_LOCALE=1`` installs a pseudo translation that lengthens and marks every string, to
find text that is not translated or does not fit.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTranslator

from kim_desktop.paths import resource_path

log = logging.getLogger(__name__)

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"


def translations_dir() -> Path:
    return resource_path("translations")


def current_language() -> str:
    """The language of the installed translation ("id" or "en").

    The Indonesian translation translates this marker to "id"; with no translation installed
    the English source "en" comes back. This keeps the language a property of the translator
    instead of a global variable.
    """
    code = QCoreApplication.translate("Language", "en", "ISO code of this translation's language")
    return code if code in LANGUAGES else "en"


class PseudoTranslator(QTranslator):
    """Marks and lengthens every string by about a third (layout check)."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        if context == "Language" or not source:
            return ""
        return f"[{source} ~{'·' * max(2, len(source) // 3)}]"

    def isEmpty(self) -> bool:
        return False


class Translations(QObject):
    """Owns the installed translators; `apply()` switches the language of the running app."""

    def __init__(self, parent: QObject | None = None, *, pseudo: bool = False) -> None:
        super().__init__(parent)
        self._translator: QTranslator | None = None
        self._pseudo = pseudo
        self.language = "en"

    def apply(self, language: str) -> str:
        """Install ``language`` ("id" or "en"); returns the language in effect."""
        app = QCoreApplication.instance()
        assert app is not None
        if language not in LANGUAGES:
            language = DEFAULT_LANGUAGE
        if self._translator is not None:
            app.removeTranslator(self._translator)
            self._translator = None
        if self._pseudo:
            self._translator = PseudoTranslator(self)
        elif language == "id":
            t = QTranslator(self)
            if t.load("kim_id", str(translations_dir())):
                self._translator = t
            else:
                log.error("Indonesian translation not found in %s", translations_dir())
                language = "en"
        if self._translator is not None:
            app.installTranslator(self._translator)
        QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
                           if language == "id" else QLocale(QLocale.Language.English,
                                                            QLocale.Country.UnitedKingdom))
        self.language = language
        log.info("language set to %s", language)
        return language

    def remove(self) -> None:
        """Uninstall our translator (back to the English source strings)."""
        app = QCoreApplication.instance()
        if self._translator is not None and app is not None:
            app.removeTranslator(self._translator)
        self._translator = None
        self.language = "en"
