"""Bulk import 批量导入 in the window (``app.services.imports``)."""
