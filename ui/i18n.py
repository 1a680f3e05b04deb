"""Translations 界面语言: Qt's own Chinese catalogue plus every ``resources/i18n/*_zh_CN.qm``.

Source strings are English (``self.tr()``); the app is Chinese by default, whatever the system locale.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

I18N_DIR = Path(__file__).resolve().parents[1] / "resources" / "i18n"
LOCALE = "zh_CN"
_QT_CATALOGUES = ("qtbase", "qt")  # standard buttons, wizard, file dialogs, colour/font dialogs


def install_translators(app: QCoreApplication, locale: str = LOCALE) -> list[QTranslator]:
    """Install Qt's and our catalogues for ``locale``; returns them (keep them alive)."""
    QLocale.setDefault(QLocale(locale))
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in _QT_CATALOGUES:
        translator = QTranslator(app)
        if translator.load(f"{name}_{locale}", qt_dir):
            app.installTranslator(translator)
            installed.append(translator)
            break  # qt_zh_CN includes qtbase; one is enough
    for path in sorted(I18N_DIR.glob(f"*_{locale}.qm")):
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            installed.append(translator)
    return installed
