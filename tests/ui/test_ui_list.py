"""The complaint list: the model contract, lazy paging, sorting and search pushed into the
query, filters, opening a complaint."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from kim_desktop.core import Core
from kim_desktop.domain.enums import Kind, Status
from kim_desktop.domain.models import ComplaintQuery
from tests.conftest import complaint_data
from tests.ui.uihelpers import district_sets
from ui.complaint_model import (
    COL_DUE,
    COL_STATUS,
    COL_TITLE,
    ComplaintProxyModel,
    ComplaintTableModel,
    ItemRole,
    SortRole,
)
from ui.widgets import STATUS_ROLE

TITLES = ["Jalan desa berlubang", "Air PDAM keruh", "Lampu jalan padam", "Sampah di pasar",
          "Bantuan PKH belum cair", "Drainase tersumbat"]


def seed(core: Core, n: int, clock=None, submit_every: int = 2) -> list:
    out = []
    for i in range(n):
        if clock is not None:
            clock.advance(hours=1)
        title = f"{TITLES[i % len(TITLES)]} nomor {i:03d}"
        kind = "information_request" if i % 5 == 0 else "complaint"
        [c] = core.complaints.add([(complaint_data(title=title, kind=kind), None)],
                                  submit=i % submit_every == 0)
        out.append(c)
    return out


def test_complaint_model_passes_qtmodeltester(qtmodeltester, core, clock) -> None:
    seed(core, 30, clock)
    model = ComplaintTableModel(core.complaints.list, core.reference.data(), page_size=7)
    model.reload()
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() > 7              # the tester fetched further pages


def test_proxy_over_the_lazy_model_passes_qtmodeltester(qtmodeltester, core, clock) -> None:
    seed(core, 30, clock)
    model = ComplaintTableModel(core.complaints.list, core.reference.data(), page_size=7)
    proxy = ComplaintProxyModel()
    proxy.setSourceModel(model)
    model.reload()
    qtmodeltester.check(proxy, force_py=True)


def test_rows_are_fetched_page_by_page(core, clock) -> None:
    seed(core, 25, clock)
    model = ComplaintTableModel(core.complaints.list, core.reference.data(), page_size=10)
    model.reload()
    assert (model.rowCount(), model.total) == (10, 25)
    assert model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 25 and not model.canFetchMore()
    assert len({model.summary(i).id for i in range(25)}) == 25


def test_sorting_is_pushed_into_the_query(core, clock) -> None:
    seed(core, 12, clock)
    model = ComplaintTableModel(core.complaints.list, core.reference.data(), page_size=5)
    proxy = ComplaintProxyModel()
    proxy.setSourceModel(model)
    model.reload()
    proxy.sort(COL_TITLE, Qt.SortOrder.AscendingOrder)
    assert (model.query.sort, model.query.descending) == ("title", False)
    everything = sorted(c.content.title for c in core.complaints.iter_all())
    assert [proxy.index(r, COL_TITLE).data() for r in range(5)] == everything[:5]
    assert proxy.index(0, COL_TITLE).data(SortRole) == everything[0]
    proxy.sort(COL_DUE, Qt.SortOrder.AscendingOrder)       # not sortable in SQL: unchanged
    assert model.query.sort == "title"


def test_list_page_searches_as_you_type(window, qtbot, core, clock) -> None:
    seed(core, 12, clock)
    page = window.list_page
    page.reload()
    assert page.model.total == 12
    page.search.setFocus()
    qtbot.keyClicks(page.search, "drainase")
    qtbot.waitUntil(lambda: page.model.total == 2)
    assert all("Drainase" in page.model.summary(i).title for i in range(2))
    assert "2 laporan" in page.count_label.text()
    page.search.clear()
    page.search.setText("lamp")                  # a prefix finds "lampu"
    qtbot.waitUntil(lambda: page.model.total == 2)
    page.search.setText("tidakadayangcocok")
    qtbot.waitUntil(lambda: page.model.total == 0)
    assert page.count_label.text() == "Tidak ada laporan yang cocok."
    assert page.table.isVisible()                 # a filtered empty list keeps its table


def test_list_page_filters_status_kind_category_and_dates(window, qtbot, core, clock) -> None:
    seed(core, 10, clock)
    core.complaints.add([(complaint_data(
        title="Bantuan sosial tidak tepat sasaran",
        category_code="sosial-dan-kesejahteraan/bantuan-sosial"), None)], submit=False)
    page = window.list_page
    page.status_filter.setCurrentIndex(page.status_filter.findData(Status.QUEUED.value))
    assert page.model.total == 5
    assert {page.model.summary(i).status for i in range(5)} == {Status.QUEUED}
    page.kind_filter.setCurrentIndex(page.kind_filter.findData(Kind.INFORMATION_REQUEST.value))
    assert page.model.total == 1                  # item 0: a queued information request
    page.status_filter.setCurrentIndex(0)
    page.kind_filter.setCurrentIndex(0)
    page.category_filter.setCurrentIndex(page.category_filter.findData("sosial-dan-kesejahteraan"))
    assert page.model.total == 1                  # a top-level category finds its children
    page.category_filter.setCurrentIndex(0)
    page.date_check.setChecked(True)
    page.date_from.setDate(QDate(2026, 11, 26))
    page.date_to.setDate(QDate(2026, 11, 30))
    assert page.model.total == 0
    page.date_from.setDate(QDate(2026, 11, 25))
    assert page.model.total == 11
    assert page.build_query().date_from == date(2026, 11, 25)


def test_status_badge_and_overdue_due_date(window, qtbot, core, clock) -> None:
    [c] = core.complaints.add([(complaint_data(), None)], submit=True)
    district_sets(core, c.id, Status.RECEIVED, clock.now)
    clock.advance(days=10)
    page = window.list_page
    page.reload()
    index = page.proxy.index(0, COL_STATUS)
    assert index.data() == "Diterima kabupaten"
    assert Status(index.data(STATUS_ROLE)) is Status.RECEIVED
    due = page.proxy.index(0, COL_DUE)
    assert due.data().startswith("⚠ ")
    assert due.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "Terlambat" in due.data(Qt.ItemDataRole.ToolTipRole)


def test_double_click_opens_the_detail(window, qtbot, core) -> None:
    [c] = core.complaints.add([(complaint_data(), None)], submit=True)
    page = window.list_page
    page.reload()
    table = page.table
    qtbot.waitUntil(lambda: table.isVisible() and table.viewport().height() > 50)
    rect = table.visualRect(page.proxy.index(0, COL_TITLE))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.complaint_stack.currentWidget() is window.detail
    assert window.detail.complaint is not None and window.detail.complaint.id == c.id
    assert page.proxy.index(0, 0).data(ItemRole).id == c.id


def test_typing_a_tracking_number_and_enter_opens_it(window, qtbot, core) -> None:
    [c] = core.complaints.add([(complaint_data(), None)], submit=True)
    page = window.list_page
    page.search.setFocus()
    qtbot.keyClicks(page.search, c.tracking_no.lower())
    qtbot.waitUntil(lambda: "Enter" in page.count_label.text())
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert window.complaint_stack.currentWidget() is window.detail
    assert window.detail.complaint.id == c.id


def test_empty_store_shows_a_hint_instead_of_a_table(window) -> None:
    page = window.list_page
    assert page.empty_label.isVisible() and not page.table.isVisible()
    assert "Laporan baru" in page.empty_label.text()
    QApplication.processEvents()


def test_model_keeps_query_when_reloaded(core) -> None:
    seed(core, 3)
    model = ComplaintTableModel(core.complaints.list, core.reference.data())
    model.set_query(ComplaintQuery(statuses=(Status.QUEUED,)))
    assert model.total == 2
    core.complaints.add([(complaint_data(), None)], submit=True)
    model.reload()
    assert model.total == 3
