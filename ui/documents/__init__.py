"""Documents 文书 in the window: preview and print, the issue dialog, the 文书 page, the settings dialog.

The lead wires these in: ``DocumentsPage(ctx)`` as the 文书 page, ``IssueDocumentDialog(ctx, case_no)``
from a complaint's detail, ``OfficeSettingsDialog(ctx)`` from the settings page.
"""

from ui.documents.documents_page import DocumentsPage
from ui.documents.issue_dialog import IssueDocumentDialog
from ui.documents.preview_dialog import PdfPreviewDialog
from ui.documents.settings_dialog import OfficeSettingsDialog

__all__ = ["DocumentsPage", "IssueDocumentDialog", "OfficeSettingsDialog", "PdfPreviewDialog"]
