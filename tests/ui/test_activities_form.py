"""Sessions page: a session typed through the form reaches the list and the store; filters;
the typing journal; a complaint created from the session is linked and shown."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from kim_desktop.domain.enums import Status
from tests.conftest import complaint_data
from ui.activity_form import ActivityForm
from ui.activity_page import ActivityListPage
from ui.attendance_model import COL_AGE, COL_GENDER, COL_NAME, COL_ROLE
from ui.main_window import PAGE_ACTIVITIES
from ui.widgets import combo_select_data

VILLAGE = "73.24.04.2010"


def _fill(qtbot: Any, form: ActivityForm, title: str = "Sosialisasi SP4N-LAPOR! Balantang"
          ) -> None:
    assert form.village.currentData() == VILLAGE             # this office's village, prefilled
    qtbot.keyClicks(form.title, title)
    form.topic.setEditText("SP4N-LAPOR!")
    qtbot.keyClicks(form.venue, "Balai Desa")
    assert form.organizer.text() == "KIM Balantang"          # this office's KIM, prefilled
    form.facilitators.setPlainText("Inne; Diskominfo-SP\nRudi")
    form.summary.setPlainText("Cara melapor lewat SP4N-LAPOR!")
    form.outcomes.setPlainText("Warga minta perbaikan jalan dusun")
    m = form.grid.model
    for row, (name, gender, age, role) in enumerate((("Hasna", "Perempuan", "35 th", "PKK"),
                                                    ("Rudi", "L", "41", "warga"))):
        for col, value in ((COL_NAME, name), (COL_GENDER, gender), (COL_AGE, age),
                           (COL_ROLE, role)):
            assert m.setData(m.index(row, col), value)


def test_session_typed_through_the_form_is_listed_and_stored(window, qtbot, core) -> None:
    window.nav.setCurrentRow(PAGE_ACTIVITIES)
    page = window.activity_page
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    form = page.form
    assert form is not None and form.isVisible()
    _fill(qtbot, form)
    with qtbot.waitSignal(form.saved):
        qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.index(0, 3).data() == "2 (L 1 · P 1)"
    [stored] = core.activities.list()
    assert stored.status is Status.QUEUED
    c = stored.content
    assert (c.title, c.village_code, c.venue, c.organizer) == (
        "Sosialisasi SP4N-LAPOR! Balantang", VILLAGE, "Balai Desa", "KIM Balantang")
    assert [(f.name, f.institution) for f in c.facilitators] == [("Inne", "Diskominfo-SP"),
                                                                 ("Rudi", "")]
    assert [(p.name, p.gender, p.age, p.role) for p in c.participants] == [
        ("Hasna", "P", 35, "PKK"), ("Rudi", "L", 41, "warga")]
    assert c.ends_at and c.starts_at and c.ends_at > c.starts_at
    assert not form.journal.exists()


def test_submit_with_problems_stays_open_and_says_why(window, qtbot, core) -> None:
    page = window.activity_page
    form = page.open_form(None)
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert form.isVisible() and form.problems.text()
    assert core.activities.list() == []


def test_filters_by_village_kecamatan_topic_and_date(window, qtbot, core) -> None:
    refs = core.reference.data()
    other = next(v.code for v in refs.villages()
                 if refs.kecamatan_of(v.code) != refs.kecamatan_of(VILLAGE))
    for title, village, day, topic in (("A", VILLAGE, "2026-11-20", "SP4N-LAPOR!"),
                                       ("B", other, "2026-10-02", "KIM")):
        content, _ = core.activities.validate(
            {"title": title, "topic": topic, "starts_at": f"{day}T09:00",
             "ends_at": f"{day}T11:00", "village_code": village}, for_submit=False)
        core.activities.save_draft(content)
    window.nav.setCurrentRow(PAGE_ACTIVITIES)
    page: ActivityListPage = window.activity_page
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 2)
    combo_select_data(page.village, VILLAGE)
    assert page.proxy.rowCount() == 1
    combo_select_data(page.village, "")
    kec = refs.kecamatan_of(other)
    assert kec is not None
    combo_select_data(page.kecamatan, kec.code)
    assert page.proxy.rowCount() == 1
    assert page.proxy.index(0, 0).data() == "B"
    combo_select_data(page.kecamatan, "")
    qtbot.keyClicks(page.topic, "lapor")
    assert page.proxy.rowCount() == 1 and page.proxy.index(0, 0).data() == "A"
    page.topic.clear()
    page.date_from.setDate(page.date_from.date().fromString("01/11/2026", "dd/MM/yyyy"))
    assert page.proxy.rowCount() == 1 and page.proxy.index(0, 0).data() == "A"
    page.date_to.setDate(page.date_to.date().fromString("15/11/2026", "dd/MM/yyyy"))
    assert page.proxy.rowCount() == 0


def test_typing_is_journalled_and_restored(window, qtbot, core) -> None:
    form = window.activity_page.open_form(None)
    qtbot.keyClicks(form.title, "Sesi yang belum disimpan")
    form.grid.model.setData(form.grid.model.index(0, COL_NAME), "Wati")
    qtbot.waitUntil(lambda: form.journal.exists()
                    and "Wati" in form.journal.path.read_text(encoding="utf-8"))
    form.hide()
    page = ActivityListPage(core)
    qtbot.addWidget(page)
    assert page.restore_form()
    assert page.form is not None
    assert page.form.title.text() == "Sesi yang belum disimpan"
    assert [p.name for p in page.form.grid.model.participants()] == ["Wati"]


def test_complaint_from_the_session_is_prefilled_and_shown(window, qtbot, core) -> None:
    window.nav.setCurrentRow(PAGE_ACTIVITIES)
    form = window.activity_page.open_form(None)
    _fill(qtbot, form)
    qtbot.mouseClick(form.new_complaint_button, Qt.MouseButton.LeftButton)
    activity_id = form.activity_id
    assert activity_id is not None
    qtbot.waitUntil(lambda: window.form.is_open() and window.form.isVisible())
    values = window.form.fields.data()
    assert values["channel"] == "socialization" and values["activity_id"] == str(activity_id)
    content, _ = core.complaints.validate(
        complaint_data(channel="socialization", activity_id=str(activity_id)), for_submit=False)
    core.complaints.save_draft(content)
    again = window.activity_page.open_form(core.activities.get(activity_id))
    assert any("Jalan desa berlubang" in line for line in again.complaints_model.stringList())


def test_closing_keeps_the_typing_as_a_draft_and_submitted_sessions_are_read_only(
        window, qtbot, core) -> None:
    form = window.activity_page.open_form(None)
    _fill(qtbot, form, "Sesi ditutup dengan Esc")
    with qtbot.waitSignal(form.saved):
        qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert not form.isVisible() and not form.journal.exists()
    [draft] = core.activities.list()
    assert draft.status is Status.DRAFT and len(draft.content.participants) == 2
    queued = core.activities.submit(draft.id)
    again = window.activity_page.open_form(queued)
    assert not again.editable and not again.submit_button.isEnabled()
    again.close()                                          # nothing to save, no error dialog
    assert not again.isVisible()
    assert again.print_report().exists()
