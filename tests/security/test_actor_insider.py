"""Actor: a malicious insider at the district (docs/security.md).

A reviewer with a real login who wants to learn who complained, or to do what only an admin
may. Played against a live hub with the stand-in SP4N-LAPOR!: every identity they see must be
a logged reveal; an anonymous reporter's identity never leaves in a forward, a manual sheet or
an export; and no admin-only route answers a reviewer.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.routing import APIRoute
from hub_testkit import VILLAGE_A, LiveHub, start_live_hub
from lapor_standin import LaporStandin
from review_kit import Reviewer, login

from sync.protocol import ReporterPayload
from sync.server.auth import current_admin
from sync.server.cli import main as kim_hub
from tests.security.conftest import hub_settings_in

REPORTER = ReporterPayload(name="Daeng Matajang", nik="7324041203850002", phone="085298765432",
                           email="daeng.m@contoh.id", address="Jl. Sawerigading No. 7",
                           gender="L", birth_year=1985)
#: what identifies the reporter (the name is shown for reports that are not anonymous)
SECRET = (REPORTER.nik, REPORTER.phone, REPORTER.email, REPORTER.address)
ANON_SECRET = (REPORTER.name, *SECRET)


@pytest.fixture
def lapor_hub(tmp_path: Path) -> Iterator[tuple[LiveHub, LaporStandin]]:
    standin = LaporStandin().start()
    settings = hub_settings_in(tmp_path / "hub")
    settings.lapor_config_path.write_text(json.dumps(standin.config()))
    clock = settings.clock
    live = start_live_hub(settings, clock)  # type: ignore[arg-type]
    yield live, standin
    live.stop()
    live.hub.close()
    standin.stop()


def _pushed(live: LiveHub, **overrides: object) -> tuple[uuid.UUID, uuid.UUID]:
    """A named and an anonymous complaint with `REPORTER`, pushed by a village device;
    returns their ids."""
    device = live.enrol(VILLAGE_A)
    named = device.complaint(reporter=REPORTER, **overrides)
    anon = device.complaint(reporter=REPORTER, anonymous=True, **overrides)
    device.push_ok([named, anon])
    return named.id, anon.id


def _everything_a_reviewer_reads(reviewer: Reviewer, ids: list[uuid.UUID]) -> str:
    texts = []
    for batch in reviewer.ok("GET", "/batches"):
        texts.append(json.dumps(batch))
        texts.append(json.dumps(reviewer.ok("GET", f"/batches/{batch['batch_id']}/records")))
    for rid in ids:
        texts.append(json.dumps(reviewer.ok("GET", f"/records/{rid}")))
    texts += [json.dumps(reviewer.ok("GET", p)) for p in ("/overdue", "/sync-health")]
    return "\n".join(texts)


def test_identity_is_seen_only_through_a_logged_reveal(lapor_hub: tuple[LiveHub, LaporStandin]
                                                       ) -> None:
    live, _ = lapor_hub
    named, anon = _pushed(live)
    reviewer, admin = login(live), login(live, "kadis", "admin")
    seen = _everything_a_reviewer_reads(reviewer, [named, anon])
    assert [s for s in SECRET if s in seen] == []
    anon_detail = json.dumps(reviewer.ok("GET", f"/records/{anon}"))
    assert REPORTER.name not in anon_detail
    assert admin.ok("GET", "/reveals") == []
    revealed = reviewer.ok("POST", f"/records/{anon}/reveal")
    assert revealed["nik"] == REPORTER.nik
    log = admin.ok("GET", "/reveals")
    assert [(e["record_id"], e["actor"]) for e in log] == [(str(anon), "rina")]
    # the reveal is not a key to the rest: other reads still show no identity
    assert [s for s in SECRET if s in _everything_a_reviewer_reads(reviewer, [named])] == []


def test_anonymous_identity_never_leaves_the_district(tmp_path: Path,
                                                      lapor_hub: tuple[LiveHub, LaporStandin]
                                                      ) -> None:
    live, standin = lapor_hub
    named, anon = _pushed(live)
    _, by_hand = _pushed(live)
    reviewer = login(live)
    for rid in (named, anon, by_hand):
        assert reviewer.decide(rid, "verify").status_code == 200
    reviewer.ok("POST", f"/records/{anon}/forward", json={"via": "http"})
    reviewer.ok("POST", f"/records/{named}/forward", json={"via": "http"})
    reviewer.ok("POST", f"/records/{by_hand}/forward", json={"via": "manual"})
    sent = {r["key"]: json.dumps(r["body"]) for r in standin.received}
    assert REPORTER.nik in sent[f"kim-{named}"] or REPORTER.name in sent[f"kim-{named}"]
    assert [s for s in ANON_SECRET if s in sent[f"kim-{anon}"]] == []
    sheet = reviewer.ok("GET", f"/records/{by_hand}/lapor-sheet")
    assert [s for s in ANON_SECRET if s in sheet] == []
    base = ["--db", live.settings.db_url, "--data-dir", str(live.settings.data_dir)]
    for fmt in ("json", "csv"):
        out = tmp_path / f"export.{fmt}"
        assert kim_hub([*base, "export", "complaints", "--format", fmt, "--out", str(out)]) == 0
        text = out.read_text(encoding="utf-8")
        assert REPORTER.nik in text            # the named reports are in the district's export
        if fmt == "json":
            docs = {d["id"]: json.dumps(d) for d in json.loads(text)}
            for rid in (anon, by_hand):
                assert [s for s in ANON_SECRET if s in docs[str(rid)]] == []
        else:
            rows = [line for line in text.splitlines() if str(anon) in line or str(by_hand) in line]
            assert len(rows) == 2 and [s for s in ANON_SECRET if s in "".join(rows)] == []


def _needs_admin(route: APIRoute) -> bool:
    def walk(dependant: object) -> bool:
        deps = getattr(dependant, "dependencies", [])
        return any(d.call is current_admin or walk(d) for d in deps)

    return walk(route.dependant)


def test_a_reviewer_cannot_act_as_admin(lapor_hub: tuple[LiveHub, LaporStandin]) -> None:
    live, _ = lapor_hub
    reviewer = login(live)
    admin_routes = [(m, r.path) for r in live.app.routes if isinstance(r, APIRoute)
                    and _needs_admin(r) for m in r.methods]
    assert ("GET", "/v1/review/reveals") in admin_routes
    for method, path in admin_routes:
        url = path.replace("{record_id}", str(uuid.uuid4())).replace("{batch_id}",
                                                                     str(uuid.uuid4()))
        r = reviewer.http.request(method, live.base_url + url, json={}, timeout=30)
        assert (r.status_code, r.json()["error"]["code"]) == (403, "forbidden"), (method, path)
    # there is no route by which a login could make or raise an account
    assert not [r.path for r in live.app.routes if isinstance(r, APIRoute)
                and any(w in r.path for w in ("/users", "/accounts", "/roles"))]
    # a device token is no way in either (test_review_accounts walks every review route)
    device = live.enrol(VILLAGE_A)
    r = device.request("GET", "/v1/review/reveals")
    assert r.status_code == 401
