"""Stored text to canonical text (`storage.rows.stored_*`): the same strings as formatting the
values SQLAlchemy reads from the same columns."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from uuid import UUID, uuid4

import pytest
from sqlalchemy import String, create_engine, select, type_coerce

from kim_desktop.storage.rows import (
    StatusHistoryRow,
    stored_date_iso,
    stored_utc_iso,
    stored_uuid_str,
)


@pytest.mark.parametrize("at", [
    datetime(2026, 11, 25, 2, 0, tzinfo=UTC),                      # no microseconds
    datetime(2026, 11, 25, 2, 0, 0, 1, tzinfo=UTC),
    datetime(1999, 1, 2, 23, 59, 59, 999_999, tzinfo=UTC),
])
def test_stored_times_read_as_their_isoformat(tmp_path: Path, at: datetime) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 's.db'}")
    StatusHistoryRow.__table__.create(engine)
    h = StatusHistoryRow.__table__
    rid = uuid4()
    with engine.begin() as conn:
        conn.execute(h.insert().values(entity="complaint", record_id=rid, status="draft", at=at,
                                       actor="A", note=""))
        typed = conn.execute(select(h.c.at, h.c.record_id)).one()
        raw = conn.execute(select(type_coerce(h.c.at, String),
                                  type_coerce(h.c.record_id, String))).one()
    assert stored_utc_iso(raw[0]) == typed[0].isoformat() == at.isoformat()
    assert stored_uuid_str(raw[1]) == str(typed[1]) == str(rid)


def test_other_stored_forms_take_the_general_path() -> None:
    assert stored_utc_iso("2026-11-25 02:00:00") == "2026-11-25T02:00:00+00:00"
    assert stored_utc_iso("2026-11-25T02:00:00.5") == "2026-11-25T02:00:00.500000+00:00"
    u = UUID("6f1c1e8e-0d7a-4b8e-9a43-2f3d3b6f1a10")
    assert stored_uuid_str(str(u)) == str(u) == stored_uuid_str(u.hex)
    assert stored_date_iso("2026-11-05") == date(2026, 11, 5).isoformat()
    assert stored_date_iso("20261105") == "2026-11-05"
    assert stored_date_iso(None) is None
