"""Actor: a network attacker between the village and the hub (docs/security.md).

They can listen, answer in the hub's place with a certificate of their own, replay what they
captured, and change a USB bundle on its way. Played against a real hub served over TLS by
uvicorn with a district CA made here, and real village stores using the real client.
"""

from __future__ import annotations

import gzip
import uuid
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from hub_testkit import LiveHub, revise
from PIL import Image
from sqlalchemy import func, select
from tlskit import make_pki, start_tls_hub

from kim_desktop.cli import main as kim
from kim_desktop.domain.errors import HubRefused, InvalidInput
from sync.bundle import BundleRefused
from sync.client.bundles import export_bundle
from sync.client.http import HubClient
from sync.client.service import SyncClient
from sync.protocol import PushRequest, PushResponse
from sync.server.bundles import BundleImporter
from sync.server.models import AttachmentRow, ChangeRow, CurrentRecordRow
from tests.conftest import VILLAGE, complaint_data
from tests.security.conftest import hub_settings_in, now_clock
from tests.sync.conftest import make_village


@pytest.fixture
def tls_hub(tmp_path: Path) -> Iterator[LiveHub]:
    clock = now_clock()
    pki = make_pki(tmp_path / "pki")
    live = start_tls_hub(hub_settings_in(tmp_path / "hub", clock), pki, clock)
    live.pki = pki  # type: ignore[attr-defined]
    yield live
    live.stop()
    live.hub.close()


def _code(live: LiveHub) -> str:
    return live.hub.enrolment.create_code(village_code=VILLAGE).code


def _photo(path: Path) -> Path:
    Image.new("RGB", (800, 600), (30, 120, 200)).save(path, "JPEG", quality=85)
    return path


def test_tls_hub_is_refused_without_the_district_ca(tmp_path: Path, tls_hub: LiveHub) -> None:
    core = make_village(tmp_path, "desa")
    code = _code(tls_hub)
    with pytest.raises(HubRefused):
        SyncClient(core).enroll(tls_hub.base_url, code, require_persistent=True)
    assert core.device.profile().hub_url is None          # nothing was kept
    # the code never reached the hub: it still works once the village trusts the CA
    assert kim(["--data-dir", str(core.paths.root), "enroll", "--hub", tls_hub.base_url,
                "--code", code, "--ca-bundle", str(tls_hub.pki.ca_pem)]) == 0  # type: ignore[attr-defined]


def test_every_request_goes_over_verified_tls_with_the_district_ca(tmp_path: Path,
                                                                  tls_hub: LiveHub) -> None:
    """`kim enroll --ca-bundle` keeps the CA in preferences; `kim sync` then pushes a complaint,
    uploads its photo and pulls, all over TLS verified against that CA."""
    core = make_village(tmp_path, "desa")
    data = complaint_data(attachments=[_photo(tmp_path / "bukti.jpg").name])
    [made] = core.complaints.add([(data, tmp_path)], submit=True)
    root = str(core.paths.root)
    ca = str(tls_hub.pki.ca_pem)  # type: ignore[attr-defined]
    assert kim(["--data-dir", root, "enroll", "--hub", tls_hub.base_url, "--code",
                _code(tls_hub), "--ca-bundle", ca]) == 0
    assert kim(["--data-dir", root, "sync"]) == 0
    with tls_hub.hub.db.reads() as s:
        assert s.get(CurrentRecordRow, made.id) is not None
        [att] = s.scalars(select(AttachmentRow)).all()
        assert att.complete
    # the same client without the CA bundle: the app's preferences are what it trusts
    with pytest.raises(HubRefused):
        HubClient(tls_hub.base_url).health()
    client = HubClient(tls_hub.base_url, ca_bundle=ca)
    try:
        assert client.health().status == "ok"
    finally:
        client.close()


def test_a_certificate_from_another_ca_is_refused_even_with_a_ca_bundle(tmp_path: Path) -> None:
    """The attacker answers in the hub's place with a certificate of their own CA."""
    district = make_pki(tmp_path / "district")
    attacker_pki = make_pki(tmp_path / "attacker")
    impostor = start_tls_hub(hub_settings_in(tmp_path / "impostor"), attacker_pki)
    try:
        core = make_village(tmp_path, "desa")
        core.preferences.save(replace(core.preferences.get(), ca_bundle=str(district.ca_pem)))
        code = impostor.hub.enrolment.create_code(village_code=VILLAGE).code
        with pytest.raises(HubRefused):
            SyncClient(core).enroll(impostor.base_url, code, require_persistent=True)
        assert core.device.profile().hub_url is None
    finally:
        impostor.stop()
        impostor.hub.close()


@pytest.mark.parametrize("url", ["http://10.0.0.5:8080", "http://kim.luwutimurkab.go.id",
                                 "http://[fd00::1]:8080", "http://127.0.0.1.nip.io:8080"])
def test_plain_http_to_another_computer_is_refused_before_any_request(tmp_path: Path,
                                                                      url: str) -> None:
    core = make_village(tmp_path, "desa")
    with pytest.raises(InvalidInput):
        SyncClient(core).enroll(url, "ABCD-EFGH-JKLM", require_persistent=True)
    assert kim(["--data-dir", str(core.paths.root), "enroll", "--hub", url, "--code",
                "ABCD-EFGH-JKLM"]) == 2
    assert core.device.profile().hub_url is None


def test_insecure_http_needs_the_explicit_setting(tmp_path: Path) -> None:
    core = make_village(tmp_path, "desa")
    assert kim(["--data-dir", str(core.paths.root), "enroll", "--hub", "http://10.255.255.1:9",
                "--code", "ABCD-EFGH-JKLM"]) == 2
    assert core.preferences.get().allow_insecure_http is False
    # with the flag the address is accepted (and this unreachable host then counts as offline)
    assert kim(["--data-dir", str(core.paths.root), "enroll", "--hub", "http://10.255.255.1:9",
                "--code", "ABCD-EFGH-JKLM", "--allow-insecure-http"]) == 3


def test_a_replayed_push_changes_nothing(tmp_path: Path, live_hub: LiveHub) -> None:
    """A captured push body sent again later (after the village revised the record and the
    district decided) neither brings back the old content nor adds to the change feed."""
    device = live_hub.enrol()
    first = device.complaint()
    captured = PushRequest(batch_id=uuid.uuid4(), records=[first]).model_dump_json()
    r = device.request("POST", "/v1/push", data=gzip.compress(captured.encode()),
                       headers={"Content-Type": "application/json", "Content-Encoding": "gzip"})
    assert r.status_code == 200
    second = revise(first, 1, title="Jalan desa rusak parah (diperbaiki)")
    device.push_ok([second])
    live_hub.hub.feed.record_status_change(record_id=first.id, status="verified", actor="rina")
    with live_hub.hub.db.reads() as s:
        feed_before = s.scalar(select(func.count()).select_from(ChangeRow))
    for _ in range(2):
        again = device.request("POST", "/v1/push", data=gzip.compress(captured.encode()),
                               headers={"Content-Type": "application/json",
                                        "Content-Encoding": "gzip"})
        assert again.status_code == 200
        [result] = PushResponse.model_validate_json(again.content).results
        assert result.id == first.id and result.revision == 1  # the original receipt
    with live_hub.hub.db.reads() as s:
        current = s.get(CurrentRecordRow, first.id)
        assert current is not None and current.revision == 2
        assert s.scalar(select(func.count()).select_from(ChangeRow)) == feed_before


def test_a_bundle_changed_on_its_way_is_refused_and_stores_nothing(tmp_path: Path,
                                                                   live_hub: LiveHub) -> None:
    core = make_village(tmp_path, "desa")
    core.complaints.add([(complaint_data(), tmp_path)], submit=True)
    out = export_bundle(core, tmp_path / "desa.kimbundle").path
    with zipfile.ZipFile(out) as z:
        members = {n: z.read(n) for n in z.namelist()}
    name = next(n for n in members if n.startswith("push-"))
    batch = PushRequest.model_validate_json(gzip.decompress(members[name]))
    changed = batch.records[0].payload.model_copy(update={"title": "Judul diganti penyerang"})
    members[name] = gzip.compress(batch.model_copy(update={"records": [
        batch.records[0].model_copy(update={"payload": changed})]}).model_dump_json().encode())
    forged = tmp_path / "forged.kimbundle"
    with zipfile.ZipFile(forged, "w") as z:
        for n, b in members.items():
            z.writestr(n, b)
    with pytest.raises(BundleRefused):
        BundleImporter(live_hub.hub).import_push(forged, None)
    with live_hub.hub.db.reads() as s:
        assert s.scalar(select(func.count()).select_from(CurrentRecordRow)) == 0
