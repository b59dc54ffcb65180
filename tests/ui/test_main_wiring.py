"""The main window puts the pieces where users find them: the "Perlu perbaikan" inbox above
the report list (it follows syncs and opens what it lists) and the Review page for devices set
up for district reviewers only."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from kim_desktop.domain.enums import Entity, Role, Status
from tests.services.test_activities import activity
from tests.ui.conftest import make_window
from tests.ui.test_returned_inbox import _complaint, _decide
from ui.main_pages import page_row


def test_returned_reports_and_sessions_wait_above_the_list_and_open(
        qtbot, core, translations, view_settings) -> None:
    w = make_window(qtbot, core, translations, view_settings)
    inbox = w.returned_inbox
    assert inbox.isHidden()
    complaint = _complaint(core, "Jalan desa berlubang di Dusun 2")
    session = core.activities.add([(activity(3), Path("."))], submit=True)[0].id
    _decide(core, Entity.COMPLAINT, complaint, Status.RETURNED, "Lengkapi kronologi")
    _decide(core, Entity.ACTIVITY, session, Status.RETURNED, "Perbaiki jumlah peserta")
    w.complaints_changed.emit()                 # what a finished sync does
    assert inbox.isVisible() and inbox.count() == 2
    assert w.list_page.isAncestorOf(inbox)
    rows = [inbox.model.index(r).data(Qt.ItemDataRole.DisplayRole) for r in range(2)]
    assert any("Lengkapi kronologi" in r for r in rows)

    inbox.open_complaint_requested.emit(complaint)
    assert w.complaint_stack.currentWidget() is w.detail
    assert w.detail.complaint is not None and w.detail.complaint.id == complaint
    inbox.open_activity_requested.emit(session)
    assert w.pages.currentIndex() == page_row("activities")
    form = w.activity_page.form
    assert form is not None and form.isVisible() and form.activity_id == session
    form.close()


def test_the_review_page_is_for_reviewers_only(qtbot, core, translations, view_settings) -> None:
    w = make_window(qtbot, core, translations, view_settings)
    row = page_row("review")
    assert w.nav.isRowHidden(row)
    profile = core.device.profile()
    core.device.init(village_code=profile.village_code, kim_name=profile.kim_name,
                     operator_name=profile.operator_name, role=Role.REVIEWER)
    w.on_profile_changed()
    assert not w.nav.isRowHidden(row)
    assert w.nav.item(row).text() == "Tinjauan"
    w.nav.setCurrentRow(row)
    from ui.review_page import ReviewPage

    assert isinstance(w.pages.currentWidget(), ReviewPage)
