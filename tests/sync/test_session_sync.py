"""Sessions with a real hub over loopback: their photos are uploaded (downscaled, without
metadata) like a complaint's; the district's decisions come back and show in the sessions list
and the session form; a returned session is corrected and submitted again as a new revision."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from hub_testkit import LiveHub
from PIL import Image
from review_kit import login
from sqlalchemy import select

from kim_desktop.core import Core
from kim_desktop.domain.enums import Status
from sync.server.models import AttachmentRow
from tests.services.test_activities import activity
from tests.sync.conftest import enrol, make_village
from tests.sync.test_photos import camera_photo
from ui.activity_page import COL_NOTE, COL_STATUS, ActivityListPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints",
                                       "This plugin does not support raise")


def _record(live_hub: LiveHub, record_id: Any) -> dict[str, Any]:
    reviewer = login(live_hub, create=False)
    return dict(reviewer.ok("GET", f"/records/{record_id}"))


def test_session_photos_reach_the_hub_downscaled(tmp_path: Path, live_hub: LiveHub) -> None:
    core = make_village(tmp_path, "balantang")
    camera_photo(tmp_path / "dokumentasi.jpg")
    Image.new("RGB", (800, 1100), "white").save(tmp_path / "daftar-hadir.png")
    data = activity(5, attachments=["dokumentasi.jpg", "daftar-hadir.png"])
    [session] = core.activities.add([(data, tmp_path)], submit=True)
    assert len(session.attachments) == 2
    client = enrol(core, live_hub)
    report = client.sync()
    assert (report.pushed, report.uploaded) == (1, 2)
    with live_hub.hub.db.reads() as s:
        rows = {r.sha256: r for r in s.scalars(select(AttachmentRow))}
    assert len(rows) == 2 and all(r.complete for r in rows.values())
    login(live_hub)
    sent = _record(live_hub, session.id)["payload"]["attachments"]
    assert {a["sha256"] for a in sent} == set(rows)        # the record names what was uploaded
    photo = next(a for a in sent if a["filename"] == "dokumentasi.jpg")
    img = Image.open(io.BytesIO(live_hub.hub.attachments.path(photo["sha256"]).read_bytes()))
    assert max(img.size) == 1600 and dict(img.getexif()) == {}
    assert client.sync().uploaded == 0                     # nothing twice


def _page(qtbot: Any, core: Core) -> ActivityListPage:
    page = ActivityListPage(core)
    qtbot.addWidget(page)
    page.reload()
    qtbot.waitUntil(lambda: page.loaded)
    return page


def _row(page: ActivityListPage, title: str) -> int:
    m = page.model
    return next(r for r in range(m.rowCount()) if m.index(r, 0).data() == title)


def test_decisions_show_and_returned_sessions_are_resubmitted(qtbot: Any, tmp_path: Path,
                                                              live_hub: LiveHub) -> None:
    core = make_village(tmp_path, "balantang")
    returned, rejected = (core.activities.add([(activity(4, title=t), Path("."))],
                                              submit=True)[0]
                          for t in ("Sosialisasi di Dusun 1", "Sosialisasi di Dusun 2"))
    client = enrol(core, live_hub)
    assert client.sync().pushed == 2
    reviewer = login(live_hub)
    assert reviewer.decide(returned.id, "return",
                           note="Jumlah peserta tidak sesuai foto").status_code == 200
    assert reviewer.decide(rejected.id, "reject", reason="unclear").status_code == 200
    client.sync()
    assert core.activities.get(returned.id).status is Status.RETURNED

    page = _page(qtbot, core)
    r1, r2 = _row(page, "Sosialisasi di Dusun 1"), _row(page, "Sosialisasi di Dusun 2")
    m = page.model
    assert m.index(r1, COL_NOTE).data() == "Jumlah peserta tidak sesuai foto"
    assert m.index(r1, COL_STATUS).data() == "Needs correction"
    assert m.index(r2, COL_STATUS).data() == "Rejected" and m.index(r2, COL_NOTE).data()

    form = page.open_form(core.activities.get(returned.id))
    assert form.editable and form.submit_button.isEnabled()
    assert not form.banner.isHidden()
    assert "Jumlah peserta tidak sesuai foto" in form.banner.text()
    refused = page.open_form(core.activities.get(rejected.id))
    assert not refused.editable and "Rejected" in refused.banner.text()
    refused.close()

    form = page.open_form(core.activities.get(returned.id))
    form.grid.model.add_participants(core.activities.validate(
        {"participants": [{"name": "Peserta Tambahan", "gender": "P"}]},
        for_submit=False)[0].participants)
    with qtbot.waitSignal(form.saved):
        form.submit_button.click()
    again = core.activities.get(returned.id)
    assert (again.status, again.revision, len(again.content.participants)) == (
        Status.QUEUED, 2, 5)
    assert client.sync().pushed == 1
    hub_view = _record(live_hub, returned.id)
    assert hub_view["revision"] == 2 and hub_view["status"] == "received"
    assert len(hub_view["payload"]["participants"]) == 5
    assert reviewer.decide(returned.id, "verify").status_code == 200
    client.sync()
    verified = core.activities.get(returned.id)
    assert verified.status is Status.VERIFIED
    page.reload()
    qtbot.waitUntil(lambda: page.model.index(_row(page, "Sosialisasi di Dusun 1"),
                                             COL_STATUS).data() == "Verified")
    shown = page.open_form(verified)
    assert not shown.editable and shown.banner.text() == "Status: Verified"
    shown.close()
