"""Choosing the UI language and installing the Qt translators.

Italian when asked for (``--lang it``) or when the system locale is Italian, else English.
The ``.qm`` files are compiled from ``resources/translations/*.ts`` by
:mod:`agentdesk.gui.i18n_build`; a missing or stale one is rebuilt on the spot when
``pyside6-lrelease`` is available (a checkout), never in a frozen build.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from agentdesk.gui import i18n_build
from agentdesk.gui.paths import translations_dir

log = logging.getLogger(__name__)

LANGUAGES = ("it", "en")


def choose_language(requested: str | None = None, system: QLocale | None = None) -> str:
    """The language code to use: the requested one if supported, else by system locale."""
    if requested in LANGUAGES:
        return requested
    locale = system if system is not None else QLocale.system()
    return "it" if locale.language() == QLocale.Language.Italian else "en"


def locale_for(language: str) -> QLocale:
    """The locale used for numbers, money and dates in ``language``."""
    if language == "it":
        return QLocale(QLocale.Language.Italian, QLocale.Country.Italy)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load AgentDesk's and Qt's own translations for ``language`` into ``app``.

    Returns the installed translators; the caller keeps them alive as long as the app.
    """
    QLocale.setDefault(locale_for(language))
    installed: list[QTranslator] = []
    for qm in i18n_build.ensure_all_compiled(language):
        own = QTranslator(app)
        if own.load(str(qm)):
            app.installTranslator(own)
            installed.append(own)
    if not installed and language != "en":
        log.warning("no compiled translation for %r in %s", language, translations_dir())
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(app)
    if language != "en" and qtbase.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qtbase)
        installed.append(qtbase)
    return installed
