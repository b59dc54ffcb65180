"""Socialization activities with participants and derived gender counts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kim_desktop.core import Core
from kim_desktop.domain.enums import Status
from kim_desktop.domain.errors import ValidationFailed
from kim_desktop.services import export
from tests.conftest import complaint_data


def activity(n: int = 6, **kw: object) -> dict:
    d = {"title": "Sosialisasi SP4N-LAPOR! bagi warga", "topic": "SP4N-LAPOR!",
         "starts_at": "2026-11-20T09:00", "ends_at": "2026-11-20T12:00",
         "village_code": "73.24.04.2010", "venue": "Aula kantor desa",
         "organizer": "KIM Balantang",
         "facilitators": [{"name": "Inne", "institution": "Diskominfo-SP"}],
         "participants": [{"name": f"Warga {i}", "gender": ["Laki-laki", "P", "Wanita"][i % 3],
                           "age": f"{20 + i} th", "role": "warga"} for i in range(n)]}
    d.update(kw)
    return d


def test_activity_participants_and_gender_counts(core: Core) -> None:
    a = core.activities.add([(activity(), Path("."))], submit=True)[0]
    assert a.status is Status.QUEUED
    assert a.gender_counts == {"L": 2, "P": 4, "unknown": 0, "total": 6}
    assert a.content.starts_at is not None and a.content.starts_at.utcoffset().seconds == 8 * 3600
    assert core.activities.get(a.id).content.participants[1].age == 21


def test_activity_participant_errors_name_the_row(core: Core) -> None:
    bad = activity(participants=[{"name": "A", "gender": "L"}, {"name": "B", "age": "tua"}])
    with pytest.raises(ValidationFailed) as e:
        core.activities.add([(bad, Path("."))], submit=False)
    assert [p.field for p in e.value.problems] == ["participants[1].age"]
    assert core.activities.list() == []


def test_activity_export_includes_participants(core: Core, tmp_path: Path) -> None:
    core.activities.add([(activity(40), Path("."))], submit=True)
    out = tmp_path / "a.json"
    export.export_activities(core.activities.iter_all(), "json", out)
    data = json.loads(out.read_text())
    assert len(data[0]["participants"]) == 40
    assert data[0]["participant_counts"]["total"] == 40
    xlsx = tmp_path / "a.xlsx"
    export.export_activities(core.activities.iter_all(), "xlsx", xlsx)
    from openpyxl import load_workbook

    wb = load_workbook(xlsx)
    assert wb["participants"].max_row == 41


def test_complaints_naming_a_session_are_linked_and_follow_moves(core: Core) -> None:
    first, second = core.activities.add([(activity(2, title="Sesi A"), Path(".")),
                                         (activity(2, title="Sesi B"), Path("."))], submit=False)
    content, _ = core.complaints.validate(
        complaint_data(channel="socialization", activity_id=str(first.id)), for_submit=False)
    complaint = core.complaints.save_draft(content)
    # read: the session names it before it is saved again; saved: the link is written
    assert core.activities.get(first.id).content.complaint_ids == (complaint.id,)
    assert [a.content.complaint_ids for a in core.activities.list()
            if a.id == first.id] == [(complaint.id,)]
    core.activities.save_draft(core.activities.get(first.id).content, activity_id=first.id)
    # the complaint is moved to the other session: the first one lets it go when saved
    moved, _ = core.complaints.validate(
        complaint_data(channel="socialization", activity_id=str(second.id)), for_submit=False)
    core.complaints.save_draft(moved, complaint_id=complaint.id)
    stale = core.activities.get(first.id).content           # still holds the written link
    kept = core.activities.save_draft(stale, activity_id=first.id)
    assert kept.content.complaint_ids == ()
    submitted = core.activities.submit(second.id)
    assert submitted.content.complaint_ids == (complaint.id,)
