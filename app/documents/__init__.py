"""Official-document (公文) pages after GB/T 9704-2012, rendered to PDF without Qt.

``render_pdf(OfficialDocument(...))`` gives the bytes of a 文件-format notice or a 信函-format letter.
"""

from app.documents.fonts import FontSet, load_font_set
from app.documents.model import Heading, OfficialDocument, Paragraph, format_chinese_date
from app.documents.render import render_pdf

__all__ = [
    "FontSet",
    "Heading",
    "OfficialDocument",
    "Paragraph",
    "format_chinese_date",
    "load_font_set",
    "render_pdf",
]
