"""The window's part of ``--selftest`` (``app.selftest``): Qt's plugins, translations, fonts and icons load.

Run after the core steps (they hand over the issued PDF), on the offscreen platform so that the
self-test needs no display: the platform plugin loads, every module of ``ui`` imports, every catalogue of ``resources/i18n`` and
Qt's own Chinese one install, every bundled font registers, the icon font draws, and QtPdf (the
preview) opens and renders the PDF just issued.
"""

from __future__ import annotations

from app.selftest import SelfTestError, Step, import_all


def _application(run) -> str:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["lvyue-selftest", "-platform", "offscreen"])
    run.qt_app = app  # kept alive until the process ends
    return f"Qt {__import__('PySide6').__version__}，平台插件 {app.platformName()}"


def _modules(run) -> str:
    return f"{import_all('ui')} 个模块"


def _translations(run) -> str:
    from ui.i18n import I18N_DIR, LOCALE, install_translators

    ours = len(list(I18N_DIR.glob(f"*_{LOCALE}.qm")))
    installed = install_translators(run.qt_app)
    if ours == 0:
        raise SelfTestError(f"找不到界面翻译文件（{I18N_DIR}）")
    if len(installed) < ours + 1:
        raise SelfTestError(f"界面翻译只装入 {len(installed)} 个（应为 {ours} 个加 Qt 自带的中文）")
    return f"{len(installed)} 个翻译文件"


def _fonts_and_icons(run) -> str:
    from PySide6.QtGui import QFontDatabase

    from app.documents.fonts import BUNDLED_DIR
    from ui.widgets.icons import icon

    files = sorted(p for p in BUNDLED_DIR.iterdir() if p.suffix.lower() in (".ttf", ".ttc", ".otf"))
    if not files:
        raise SelfTestError(f"找不到随附字体（{BUNDLED_DIR}）")
    failed = [p.name for p in files if QFontDatabase.addApplicationFont(str(p)) < 0]
    if failed:
        raise SelfTestError(f"字体无法装入：{'、'.join(failed)}")
    drawn = icon("workbench").pixmap(32, 32)
    if drawn.isNull():
        raise SelfTestError("图标字体（QtAwesome）无法绘制图标")
    return f"{len(files)} 个字体文件，图标可绘制"


def _pdf_preview(run) -> str:
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument(run.qt_app)
    try:
        document.load(str(run.pdf))
        if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
            raise SelfTestError(f"PDF 预览组件无法打开文书（{document.error().name}）")
        image = document.render(0, QSize(420, 594))
        if image.isNull():
            raise SelfTestError("PDF 预览组件无法绘制第 1 页")
        return f"{document.pageCount()} 页，第 1 页已绘制"
    finally:
        document.close()
        document.deleteLater()


QT_STEPS: list[Step] = [
    ("启动界面组件", _application),
    ("装入界面模块", _modules),
    ("装入界面翻译", _translations),
    ("装入字体和图标", _fonts_and_icons),
    ("PDF 预览组件", _pdf_preview),
]
