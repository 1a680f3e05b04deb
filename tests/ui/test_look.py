"""The look 外观 (issue 13): one icon family, empty states, readable hint colours, save dialogs that
start in 文档 and confirm, a login error that wraps sensibly."""

from __future__ import annotations

from ui.widgets import icons


# -- icons ---------------------------------------------------------------------------------------------
def test_every_meaning_has_a_drawn_icon(qapp):
    for meaning in icons.GLYPHS:
        icon = icons.icon(meaning)
        assert not icon.isNull(), meaning
        assert not icon.pixmap(20, 20).isNull(), meaning


def test_every_navigation_page_has_an_icon():
    assert set(icons.NAVIGATION) <= set(icons.GLYPHS)
    assert len(icons.NAVIGATION) == 10


def test_no_icons_when_qtawesome_cannot_load(qapp, monkeypatch):
    monkeypatch.setattr(icons, "_qtawesome", lambda: None)
    assert icons.icon("statistics").isNull()
