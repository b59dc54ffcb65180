"""The "Perlu perbaikan" inbox on a real store: records come back returned through the pulled
change feed (`SyncLocalService.apply_changes`, as a sync does); the inbox lists them newest first
with the district's note and date, hides when empty, counts them and asks to open them."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any
from uuid import UUID

from PySide6.QtCore import Qt

from kim_desktop.core import Core
from kim_desktop.domain.enums import Entity, Status
from kim_desktop.services.sync_local import IncomingChange, SyncLocalService
from tests.conftest import complaint_data
from tests.services.test_activities import activity
from ui.returned_inbox import ItemRole, ReturnedInbox

_seq = iter(range(1, 1000))


def _decide(core: Core, entity: Entity, record_id: UUID, status: Status, note: str) -> None:
    change = IncomingChange(seq=next(_seq), kind="status", entity=entity, id=record_id,
                            status=status.value, revision=1, at=core.ctx.now(),
                            actor="Diskominfo-SP", note=note)
    SyncLocalService(core.ctx).apply_changes([change], f"c{change.seq}")


def _complaint(core: Core, title: str) -> UUID:
    content, _ = core.complaints.validate(complaint_data(title=title), for_submit=True)
    return core.complaints.submit(core.complaints.save_draft(content).id).id


def _inbox(qtbot: Any, core: Core) -> ReturnedInbox:
    inbox = ReturnedInbox(core)
    qtbot.addWidget(inbox)
    return inbox


def test_lists_returned_records_newest_first_with_note(qtbot, core, clock) -> None:
    inbox = _inbox(qtbot, core)
    inbox.reload()
    assert inbox.isHidden() and inbox.count() == 0
    first = _complaint(core, "Jalan desa berlubang di Dusun 2")
    other = _complaint(core, "Lampu jalan padam")
    session = core.activities.add([(activity(3), Path("."))], submit=True)[0].id
    _decide(core, Entity.COMPLAINT, first, Status.RETURNED, "Lengkapi lokasi kejadian")
    clock.advance(hours=2)
    _decide(core, Entity.ACTIVITY, session, Status.RETURNED, "Foto daftar hadir belum ada")
    clock.advance(hours=1)
    _decide(core, Entity.COMPLAINT, other, Status.VERIFIED, "")      # not for correction
    with qtbot.waitSignal(inbox.count_changed) as sig:
        inbox.reload()
    assert sig.args == [2] and inbox.count() == 2 and not inbox.isHidden()
    model = inbox.model
    items = [model.index(r).data(ItemRole) for r in range(model.rowCount())]
    assert [(i.entity, i.id) for i in items] == [(Entity.ACTIVITY, session),
                                                 (Entity.COMPLAINT, first)]
    assert items[0].returned_at - items[1].returned_at == timedelta(hours=2)
    lines = [model.index(r).data() for r in range(2)]
    assert lines[0].startswith("Session · Sosialisasi SP4N-LAPOR! bagi warga")
    assert "Foto daftar hadir belum ada · 25/11/2026 12:00 WITA" in lines[0]
    tracking = core.complaints.get(first).tracking_no
    assert lines[1].startswith(f"Complaint {tracking} · Jalan desa berlubang di Dusun 2")
    assert "Lengkapi lokasi kejadian · 25/11/2026 10:00 WITA" in lines[1]
    assert "(2)" in inbox.heading.text()


def test_enter_and_double_click_ask_to_open(qtbot, core) -> None:
    complaint = _complaint(core, "Jalan desa berlubang di Dusun 2")
    session = core.activities.add([(activity(3), Path("."))], submit=True)[0].id
    _decide(core, Entity.ACTIVITY, session, Status.RETURNED, "Perbaiki jumlah peserta")
    _decide(core, Entity.COMPLAINT, complaint, Status.RETURNED, "Lengkapi kronologi")
    inbox = _inbox(qtbot, core)
    inbox.reload()
    inbox.show()
    qtbot.waitExposed(inbox)
    inbox.view.setFocus()
    order = [inbox.model.index(r).data(ItemRole).entity for r in range(2)]
    inbox.view.setCurrentIndex(inbox.model.index(order.index(Entity.ACTIVITY)))
    with qtbot.waitSignal(inbox.open_activity_requested) as opened:
        qtbot.keyClick(inbox.view, Qt.Key.Key_Return)
    assert opened.args == [session]
    row = order.index(Entity.COMPLAINT)
    rect = inbox.view.visualRect(inbox.model.index(row))
    with qtbot.waitSignal(inbox.open_complaint_requested) as opened:
        vp, left, at = inbox.view.viewport(), Qt.MouseButton.LeftButton, rect.center()
        qtbot.mouseClick(vp, left, pos=at)          # a real double click: click, then dbl-click
        qtbot.mouseDClick(vp, left, pos=at)
        qtbot.mouseRelease(vp, left, pos=at)
    assert opened.args == [complaint]


def test_resubmitted_records_leave_the_inbox(qtbot, core) -> None:
    complaint = _complaint(core, "Jalan desa berlubang di Dusun 2")
    _decide(core, Entity.COMPLAINT, complaint, Status.RETURNED, "Lengkapi kronologi")
    inbox = _inbox(qtbot, core)
    inbox.reload()
    assert inbox.count() == 1
    assert core.complaints.submit(complaint).status is Status.QUEUED
    with qtbot.waitSignal(inbox.count_changed) as sig:
        inbox.reload()
    assert sig.args == [0] and inbox.isHidden()


def test_a_long_inbox_lists_the_newest_and_counts_them_all(qtbot, core) -> None:
    from ui.returned_inbox import SHOWN_AT_MOST

    for i in range(SHOWN_AT_MOST + 5):
        _decide(core, Entity.COMPLAINT, _complaint(core, f"Laporan nomor {i} perlu diperbaiki"),
                Status.RETURNED, f"Catatan {i}")
    inbox = _inbox(qtbot, core)
    inbox.reload()
    assert inbox.model.rowCount() == SHOWN_AT_MOST
    assert inbox.count() == SHOWN_AT_MOST + 5
    assert f"({SHOWN_AT_MOST + 5})" in inbox.heading.text()
