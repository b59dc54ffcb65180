"""The complaint list stays cheap with a big store (docs/benchmarks.md, "Desktop app"): one query
when the page is built, none for typing that leaves the query as it is, and a new search shows
its first rows from the top without fetching further pages."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from kim_desktop.domain.models import ComplaintQuery
from tests.conftest import complaint_data
from ui.complaint_list_page import ComplaintListPage


def test_the_page_queries_the_store_once_when_built(qtbot, core, monkeypatch) -> None:
    calls: list[ComplaintQuery] = []
    real = core.complaints.list
    monkeypatch.setattr(core.complaints, "list", lambda q: calls.append(q) or real(q))
    page = ComplaintListPage(core)
    qtbot.addWidget(page)
    assert [(q.sort, q.descending, q.offset) for q in calls] == [("created_at", True, 0)]


def test_typing_that_leaves_the_query_as_it_is_runs_no_query(window, qtbot, core) -> None:
    core.complaints.add([(complaint_data(), None)], submit=False)
    page = window.list_page
    page.search.setText("berlubang")
    qtbot.waitUntil(lambda: page.model.query.text == "berlubang")
    with qtbot.assertNotEmitted(page.model.modelReset, wait=100):
        page.search.setText("berlubang ")
    assert page.model.total == 1


def test_a_new_search_starts_at_the_top_without_fetching_more(window, qtbot, core) -> None:
    core.complaints.add([(complaint_data(title=f"Jalan desa berlubang {i}"), None)
                         for i in range(300)], submit=False)
    page = window.list_page
    bar = page.table.verticalScrollBar()
    window.complaints_changed.emit()
    qtbot.wait(50)
    qtbot.waitUntil(lambda: page.model.total == 300 and bar.maximum() > 0)
    at_top = page.model.rowCount()                  # the pages that fill the view
    for _ in range(2):                              # scrolled down: further pages fetched
        rows, bottom = page.model.rowCount(), bar.maximum()
        bar.setValue(bottom)
        qtbot.waitUntil(lambda n=rows, b=bottom: page.model.rowCount() > n and bar.maximum() > b)
    page.search.setText("berlubang")
    qtbot.waitUntil(lambda: page.model.query.text == "berlubang")
    qtbot.wait(50)
    QApplication.processEvents()
    assert bar.value() == 0 and page.table.rowAt(0) == 0
    assert page.model.rowCount() == at_top
