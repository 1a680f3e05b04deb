"""A search term in most complaints: the list shows the first rows and says the count is a lower bound."""

from __future__ import annotations

from app.services import search_page
from ui.models.complaint_table import LOADED_ROLE
from ui.pages.complaints import ComplaintsPage


def test_the_count_says_at_least_when_a_term_is_in_most_complaints(qtbot, ctx, add_complaint, monkeypatch):
    for i in range(8):
        add_complaint(complainant=f"双柏县界限测试{i}号有限公司")
    page = ComplaintsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    qtbot.waitUntil(lambda: page.count_label.text() == "共 8 件", timeout=5000)
    monkeypatch.setattr(search_page, "CAP", 2)  # frequent beyond 2 hits
    page.filter_bar.search.setText("界限测试")
    qtbot.waitUntil(lambda: page.model.total_is_lower_bound, timeout=5000)
    # the first and last 3 hits read, 8 rows on the first page: at least the rows shown
    assert page.count_label.text() == "至少 8 件（匹配的案件很多，只列出前一部分；请细化搜索条件）"
    qtbot.waitUntil(lambda: page.model.index(0, 0).data(LOADED_ROLE), timeout=5000)
    page.filter_bar.search.setText("界限测试0号")  # a rare term: the exact count again
    qtbot.waitUntil(lambda: page.count_label.text() == "共 1 件", timeout=5000)
    assert not page.model.total_is_lower_bound
