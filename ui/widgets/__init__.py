"""Small widgets shared by the shell's pages (filter bar, deadline badges, headings)."""
