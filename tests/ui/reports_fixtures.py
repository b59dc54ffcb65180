"""Fixtures for the district reports and sync-health panels: a live hub over loopback on its own
SQLite file and clock, villages that push complaints and sessions through the device API, a
reviewer's `ReviewClient` logged in over HTTP, and what was pushed, to compare against."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "server"))

from hub_testkit import (
    START,
    VILLAGE_A,
    VILLAGE_B,
    Device,
    LiveHub,
    MutableClock,
    revise,
    start_live_hub,
)
from review_kit import PASSWORD, add_account

from kim_desktop.domain.deadlines import WITA
from kim_desktop.domain.reference import load_reference_dir
from kim_desktop.paths import resource_path
from sync.client.review import ReviewClient
from sync.protocol import PROTOCOL_VERSION
from sync.server.migrate import upgrade
from sync.server.settings import HubSettings, sqlite_url

VILLAGE_C = "73.24.08.2018"        # a third KIM village that never holds a session
ROAD = "pekerjaan-umum-dan-penataan-ruang/infrastruktur-jalan"
OTHER_CATEGORY = "kesehatan"
CLOCK_BEHIND = timedelta(minutes=20)
APRIL = START + timedelta(days=41)      # 2025-04-20 WITA


@dataclass
class Pushed:
    """What the villages sent, as the reports should count it (latest revision once)."""

    complaints: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    #: tracking_no → (village, category, YYYY-MM received)
    statuses: dict[str, str] = field(default_factory=dict)          # tracking_no → status
    sessions: list[tuple[str, date, list[str]]] = field(default_factory=list)
    devices: dict[str, Device] = field(default_factory=dict)

    def in_month(self, month: str) -> dict[str, tuple[str, str, str]]:
        return {t: v for t, v in self.complaints.items() if v[2] == month}

    def by_kecamatan(self, month: str) -> Counter[str]:
        refs = load_reference_dir(resource_path("data"))
        out: Counter[str] = Counter()
        for village, _, _ in self.in_month(month).values():
            kec = refs.kecamatan_of(village)
            assert kec is not None
            out[kec.name] += 1
        return out


@pytest.fixture
def report_hub(tmp_path: Path) -> Iterator[LiveHub]:
    """A migrated SQLite hub on its own clock (starts 10/03/2025 09:30 WITA)."""
    folder = tmp_path / "hub"
    folder.mkdir()
    url = sqlite_url(folder / "hub.sqlite3")
    upgrade(url)
    clock = MutableClock(START)
    live = start_live_hub(HubSettings(db_url=url, data_dir=folder, clock=clock), clock)
    yield live
    live.stop()
    live.hub.close()


@pytest.fixture
def review_client(report_hub: LiveHub) -> Iterator[ReviewClient]:
    add_account(report_hub, "rina", "reviewer")
    client = ReviewClient(report_hub.base_url)
    client.login("rina", PASSWORD)
    yield client
    client.close()


def handshake(device: Device, client_time: datetime) -> None:
    r = device.request("POST", "/v1/handshake", {
        "protocol_version": PROTOCOL_VERSION, "app_version": "0.9.3",
        "client_time": client_time.isoformat()})
    assert r.status_code == 200, r.text


#: what Maleku's device reports about itself in April: unsent work and its last failed run
MALEKU_UNSENT, MALEKU_OLDEST_UNSENT = 4, datetime(2025, 4, 18, 1, 30, tzinfo=UTC)
MALEKU_ERROR_AT = datetime(2025, 4, 19, 23, 5, tzinfo=UTC)
#: an error code the app has no text for (from a newer app): shown as it is
ODD_ERROR = "quota_exceeded"


def report_device(device: Device, **body: object) -> None:
    r = device.request("PUT", "/v1/device-report", {"set_aside": 0, "app_version": "0.9.3",
                                                    **body})
    assert r.status_code == 200, r.text


def push_villages(live: LiveHub, client: ReviewClient) -> Pushed:
    """March: Balantang (Malili) 3 complaints (one revised), Maleku (Mangkutana) 2, a session
    in each; Ujung Baru (Tomoni) enrols but stays silent. April: Maleku 1 more, with its clock
    20 minutes behind. The reviewer verifies one and rejects one."""
    pushed = Pushed()
    a, b = live.enrol(VILLAGE_A, tag="101"), live.enrol(VILLAGE_B, tag="201")
    c = live.enrol(VILLAGE_C, tag="301")
    pushed.devices = {"a": a, "b": b, "c": c}
    march = [a.complaint(), a.complaint(), a.complaint(category_code=OTHER_CATEGORY),
             b.complaint(), b.complaint()]
    sessions = [a.activity(participants=[{"name": "Ibu A", "gender": "P"},
                                         {"name": "Bapak B", "gender": "L"}]),
                b.activity(participants=[{"name": "Ibu C", "gender": "P"},
                                         {"name": "Ibu D", "gender": "P"},
                                         {"name": "Bapak E", "gender": "L"}])]
    a.push_ok([*march[:3], sessions[0]])
    b.push_ok([*march[3:], sessions[1]])
    a.push_ok([revise(march[0], 1, title="Jalan desa rusak parah (foto baru)")])
    for env in march:
        p = env.payload
        pushed.complaints[str(p.tracking_no)] = (p.village_code, p.category_code, "2025-03")
        pushed.statuses[str(p.tracking_no)] = "received"
    for env in sessions:
        p = env.payload
        pushed.sessions.append((p.village_code, p.starts_at.astimezone(WITA).date(),
                                [str(x.gender) for x in p.participants]))
    live.clock.advance(APRIL - START)
    client.login("rina", PASSWORD)         # the morning's login expired meanwhile
    handshake(b, live.clock() - CLOCK_BEHIND)
    april = b.complaint()
    b.push_ok([april])
    report_device(b, pending=MALEKU_UNSENT, oldest_pending_at=MALEKU_OLDEST_UNSENT.isoformat(),
                  last_error="offline", last_error_at=MALEKU_ERROR_AT.isoformat())
    report_device(a, pending=0, last_error=ODD_ERROR)
    pushed.complaints[str(april.payload.tracking_no)] = (VILLAGE_B, ROAD, "2025-04")
    pushed.statuses[str(april.payload.tracking_no)] = "received"
    for env, action, extra in ((march[3], "verify", {}),
                               (march[2], "reject", {"reason": "unclear"})):
        client.decide(env.id, action, **extra)  # type: ignore[arg-type]
        pushed.statuses[str(env.payload.tracking_no)] = (
            "verified" if action == "verify" else "rejected")
    return pushed


def utc(d: datetime) -> datetime:
    return d.astimezone(UTC)
