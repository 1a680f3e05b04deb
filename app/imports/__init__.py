"""Bulk import 批量导入 of complaints exported by other channels (12345 hotline, 互联网+督查 …).

Qt-free: ``sources`` reads xlsx and csv into plain rows, ``mapping`` turns a row into registration
input through a column mapping, ``values`` normalises the messy cells (Excel serial dates, numbers as
text, county names). Validation and registration are the intake service's (``app.services.imports``).
"""
