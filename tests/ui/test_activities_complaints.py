"""A complaint typed from a session (the session's button, then the complaint form by keyboard)
is linked to the session: stored with channel=socialization and the session's id, listed in the
session's complaints, carried in the session's complaint_ids and printed in its laporan
kegiatan."""

from __future__ import annotations

import re
import shutil
import subprocess
from typing import Any

from PySide6.QtCore import Qt

from kim_desktop.domain.enums import Channel
from tests.ui.forms import form_data
from ui.main_window import PAGE_ACTIVITIES

VILLAGE = "73.24.04.2010"
TITLE = "Lampu jalan Dusun 3 padam"


def _session(window: Any, qtbot: Any) -> Any:
    window.nav.setCurrentRow(PAGE_ACTIVITIES)
    form = window.activity_page.open_form(None)
    qtbot.keyClicks(form.title, "Sosialisasi KIM Balantang")
    form.village.setCurrentIndex(form.village.findData(VILLAGE))
    form.summary.setPlainText("Cara melapor lewat SP4N-LAPOR!")
    return form


def _type_complaint(window: Any, qtbot: Any) -> None:
    """The complaint form as the session opened it; everything but the link typed in."""
    fields = window.form.fields
    preset = fields.data()
    rest = form_data()
    for key in ("channel", "activity_id", "title"):
        rest.pop(key, None)
    fields.set_data({**rest, "channel": preset["channel"], "activity_id": preset["activity_id"]})
    fields.title.clear()
    qtbot.keyClicks(fields.title, TITLE)


def test_complaint_typed_from_a_session_is_linked_everywhere(window, qtbot, core) -> None:
    form = _session(window, qtbot)
    qtbot.mouseClick(form.new_complaint_button, Qt.MouseButton.LeftButton)
    activity_id = form.activity_id
    assert activity_id is not None                 # the session was saved first
    qtbot.waitUntil(lambda: window.form.is_open() and window.form.isVisible())
    _type_complaint(window, qtbot)
    complaint = window.form.submit()
    assert complaint is not None
    assert complaint.content.channel is Channel.SOCIALIZATION
    assert complaint.content.activity_id == activity_id

    # the service links it: the session record names it (what travels to the district)
    session = core.activities.get(activity_id)
    assert session.content.complaint_ids == (complaint.id,)
    assert [c.id for c in core.activities.complaints_of(activity_id)] == [complaint.id]

    # the open session form lists it once it is shown again, and so does a new form
    form._show_complaints()
    assert [line for line in form.complaints_model.stringList() if TITLE in line]
    again = window.activity_page.open_form(session)
    lines = again.complaints_model.stringList()
    assert len(lines) == 1 and complaint.tracking_no in lines[0] and TITLE in lines[0]

    # saving the session from a form that did not know the complaint keeps the link
    form.save(submit=False)
    assert core.activities.get(activity_id).content.complaint_ids == (complaint.id,)

    path = again.print_report()
    assert again.last_document is not None
    text = again.last_document.toPlainText()
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                              text=True).stdout
    flat = re.sub(r"\s+", "", text)
    assert complaint.tracking_no.replace(" ", "") in flat
    assert TITLE.replace(" ", "") in flat


def test_deleted_or_unlinked_complaints_are_not_listed(window, qtbot, core) -> None:
    form = _session(window, qtbot)
    assert form.save(submit=False) is not None
    activity_id = form.activity_id
    content, _ = core.complaints.validate(form_data(), for_submit=False)   # walk-in, no link
    core.complaints.save_draft(content)
    assert core.activities.complaints_of(activity_id) == []
    assert core.activities.get(activity_id).content.complaint_ids == ()
