"""The complaint list stays cheap with a big store (docs/benchmarks.md, "Desktop app"): one query
when the page is built, none for typing that leaves the query as it is, and a new search shows
its first rows from the top without fetching further pages."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
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


def test_fast_typing_runs_one_query_for_the_whole_word(window, qtbot, core) -> None:
    """Keys that arrive before the query runs are coalesced: no query for a stale prefix."""
    core.complaints.add([(complaint_data(), None)], submit=False)
    page = window.list_page
    calls: list[str] = []
    page.model.modelReset.connect(lambda: calls.append(page.model.query.text))
    page.search.setFocus()
    qtbot.keyClicks(page.search, "berlubang")       # nine keys, no event loop in between
    qtbot.waitUntil(lambda: page.model.query.text == "berlubang")
    qtbot.wait(50)
    assert calls == ["berlubang"]
    assert page.model.total == 1


def _many(core, n: int) -> None:
    core.complaints.add([(complaint_data(title=f"Jalan desa berlubang {i}"), None)
                         for i in range(n)], submit=False)


def test_a_search_counts_its_matches_only_up_to_the_cap(core, monkeypatch) -> None:
    from kim_desktop.services import complaints as service

    _many(core, 12)
    monkeypatch.setattr(service, "SEARCH_COUNT_CAP", 5)
    page = core.complaints.list(ComplaintQuery(text="berlubang", limit=4))
    assert (page.total, page.total_exact, len(page.items)) == (6, False, 4)
    whole = core.complaints.list(ComplaintQuery(text="berlubang", limit=50))
    assert (whole.total, whole.total_exact) == (12, True)     # one page holds them all
    unfiltered = core.complaints.list(ComplaintQuery(limit=4))
    assert (unfiltered.total, unfiltered.total_exact) == (12, True)   # no text: exact count
    few = core.complaints.list(ComplaintQuery(text="berlubang 3", limit=4))
    assert (few.total, few.total_exact) == (1, True)


def test_the_list_says_more_than_and_still_scrolls_to_the_last_match(
        window, qtbot, core, monkeypatch) -> None:
    from kim_desktop.services import complaints as service

    _many(core, 120)
    monkeypatch.setattr(service, "SEARCH_COUNT_CAP", 60)
    page = window.list_page
    page.search.setText("berlubang")
    qtbot.waitUntil(lambda: page.model.query.text == "berlubang")
    assert not page.model.total_exact
    more = QCoreApplication.translate("ComplaintListPage", "More than %1 reports (%2 shown)")
    assert page.count_label.text() == more.replace("%1", "60").replace("%2", "50")
    while page.model.canFetchMore():                # what scrolling to the end does
        page.model.fetchMore()
    assert page.model.rowCount() == 120
    assert page.model.total_exact and page.model.total == 120
    assert page.count_label.text() == "120 laporan (120 ditampilkan)"
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.query.text == "")
    assert page.model.total_exact and page.count_label.text().startswith("120 laporan")
