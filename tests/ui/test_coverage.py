"""Socialization coverage on a real store: sessions and participants by gender per kecamatan
and village, the KIM villages without a session in the last 90 days (from this office's KIM,
then from the villages list the district published), and the view opened from the sessions page by
keyboard, with its charts and table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from kim_desktop.core import Core
from kim_desktop.domain.enums import Entity, Status
from kim_desktop.services.coverage import CoverageService
from kim_desktop.services.sync_local import IncomingChange, SyncLocalService
from tests.services.test_activities import activity
from ui.coverage_view import COL_FEMALE, COL_KECAMATAN, COL_MALE, COL_SESSIONS, COL_VILLAGE
from ui.main_window import PAGE_ACTIVITIES

BALANTANG, HARAPAN, MALEKU, WONOREJO = ("73.24.04.2010", "73.24.04.2001", "73.24.01.2001",
                                        "73.24.01.2002")


def _people(men: int, women: int, unknown: int = 0) -> list[dict[str, Any]]:
    return ([{"name": f"Pak {i}", "gender": "L"} for i in range(men)]
            + [{"name": f"Bu {i}", "gender": "Perempuan"} for i in range(women)]
            + [{"name": f"Warga {i}"} for i in range(unknown)])


def _add(core: Core, village: str, day: str, people: list[dict[str, Any]], *,
         submit: bool = True) -> Any:
    data = activity(0, village_code=village, starts_at=f"{day}T09:00", ends_at=f"{day}T12:00",
                    participants=people)
    return core.activities.add([(data, Path("."))], submit=submit)[0]


def _sessions(core: Core) -> None:
    """Malili: Balantang long ago, Harapan recently; Mangkutana: Maleku recently (twice)."""
    _add(core, BALANTANG, "2026-07-01", _people(3, 5, 1))        # 147 days before 25/11
    _add(core, HARAPAN, "2026-11-20", _people(2, 2))
    _add(core, MALEKU, "2026-10-01", _people(4, 0))
    _add(core, MALEKU, "2026-11-02", _people(1, 6))
    _add(core, WONOREJO, "2026-11-21", _people(9, 9), submit=False)     # a draft: not counted
    rejected = _add(core, WONOREJO, "2026-11-22", _people(7, 7))
    change = IncomingChange(seq=1, kind="status", entity=Entity.ACTIVITY, id=rejected.id,
                            status=Status.REJECTED.value, revision=1, at=core.ctx.now(),
                            actor="Diskominfo-SP", note="Duplikat")
    SyncLocalService(core.ctx).apply_changes([change], "c1")


def test_counts_per_kecamatan_and_village(core: Core) -> None:
    _sessions(core)
    cov = CoverageService(core.ctx, core.reference).coverage()
    kec = {t.name: (t.sessions, t.male, t.female, t.unknown) for t in cov.per_kecamatan}
    assert len(kec) == 11
    assert kec["Malili"] == (2, 5, 7, 1)
    assert kec["Mangkutana"] == (2, 5, 6, 0)
    assert kec["Nuha"] == (0, 0, 0, 0)
    villages = {t.name: (t.kecamatan, t.sessions, t.male, t.female) for t in cov.per_village}
    assert villages == {"Balantang": ("Malili", 1, 3, 5), "Harapan": ("Malili", 1, 2, 2),
                        "Maleku": ("Mangkutana", 2, 5, 6)}
    t = cov.totals
    assert (t.sessions, t.participants, t.male, t.female, t.unknown) == (4, 24, 10, 13, 1)
    assert str(cov.since) == "2026-08-27"
    # only this office's KIM is known, and it had no session in the last 90 days
    assert cov.kim_source == "device"
    [idle] = cov.idle_kim_villages
    assert (idle.code, idle.name, idle.kecamatan) == (BALANTANG, "Balantang", "Malili")
    assert idle.last_session is not None and idle.last_session.date().isoformat() == "2026-07-01"


def _publish_kim(core: Core, seq: int, marks: dict[str, bool | None]) -> None:
    """The villages list as the hub publishes it, with the district's has_kim values."""
    rows = [{"code": r.code, "name": r.name, "level": r.level, "parent_code": r.parent_code,
             "has_kim": marks.get(r.code)} for r in core.reference.data().regions.values()]
    change = IncomingChange(seq=seq, kind="reference", entity=None, id=None, status=None,
                            revision=None, at=core.ctx.now(), actor="kim-hub reference import",
                            note="desa.csv", data={"dataset": "regions", "rows": rows})
    SyncLocalService(core.ctx, core.reference.invalidate).apply_changes([change], f"r{seq}")


def test_published_kim_villages_replace_the_office_default(core: Core) -> None:
    _sessions(core)
    svc = CoverageService(core.ctx, core.reference)
    _publish_kim(core, 2, {})                               # a list that says nothing
    assert svc.coverage().kim_source == "device"
    _publish_kim(core, 3, {HARAPAN: True, MALEKU: True, WONOREJO: True, BALANTANG: True,
                           "73.24.04.2002": False})
    cov = svc.coverage()
    assert cov.kim_source == "reference"
    assert [(v.name, v.last_session is None) for v in cov.idle_kim_villages] == [
        ("Balantang", False), ("Wonorejo", True)]            # by kecamatan, then name
    _publish_kim(core, 4, {HARAPAN: True, MALEKU: None, WONOREJO: False, BALANTANG: False})
    cov = svc.coverage()
    assert cov.kim_source == "reference" and cov.idle_kim_villages == []
    assert core.reference.data().kim_villages() == {HARAPAN, MALEKU}    # blank kept Maleku


def test_view_opens_from_the_sessions_page_by_keyboard(window, qtbot, core) -> None:
    _sessions(core)
    window.nav.setCurrentRow(PAGE_ACTIVITIES)
    page = window.activity_page
    page.coverage_button.setFocus()
    qtbot.keyClick(page.coverage_button, Qt.Key.Key_Space)
    dialog = page.coverage_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.view.coverage is not None)
    view = dialog.view
    sessions = dict((label, value) for label, value, _ in view.sessions_chart.data())
    assert sessions["Malili"] == 2 and sessions["Mangkutana"] == 2 and sessions["Towuti"] == 0
    people = {label: (m, f) for label, m, f in view.people_chart.data()}
    assert people["Malili"] == (5, 7) and people["Mangkutana"] == (5, 6)
    assert "Malili" in view.people_chart.accessibleDescription()
    rows = {view.model.index(r, COL_VILLAGE).data(): tuple(
        view.model.index(r, c).data() for c in (COL_KECAMATAN, COL_SESSIONS, COL_MALE,
                                               COL_FEMALE)) for r in range(view.model.rowCount())}
    assert rows["Maleku"] == ("Mangkutana", 2, 5, 6)
    assert "Balantang (Kec. Malili)" in view.idle.text() and "01/07/2026" in view.idle.text()
    assert "27/08/2026" in view.idle_label.text()
    assert view.kim_note.text() == view.tr(
        "The district has not published which villages have a KIM, so only this office's own "
        "village is checked.")
    assert not view.sessions_chart.render_to_image(400, 300).isNull()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
