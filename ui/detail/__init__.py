"""The complaint detail 案件详情: header, tabs and the actions the user may take now."""
