"""Hub layer: importing USB sync bundles and writing the receipt bundle that goes back.

A push bundle is verified (`sync.bundle.read_bundle`), its signing key checked against the key
pinned for that device on first import, and its `PushRequest` batches go through the very same
`PushService.push` as a network push: idempotent by batch id and by (record id, revision), so
importing a bundle twice stores nothing twice. Attachments are stored through the same
`AttachmentStore` (hash verified). The receipt carries the push results and the device's change
feed from the cursor the village had, signed with the hub's own key.
"""

from __future__ import annotations

import gzip
import logging
import os
import secrets
import uuid
from dataclasses import dataclass
from pathlib import Path

from sync.bundle import (
    BundleManifest,
    BundleRefused,
    created_now,
    key_from_text,
    key_to_text,
    new_signing_key,
    read_bundle,
    write_bundle,
)
from sync.protocol import Change, ErrorCode, PullResponse, PushRequest, PushResponse
from sync.server.context import Hub
from sync.server.errors import HubError
from sync.server.identity import DeviceInfo, hash_secret
from sync.server.models import BundleKeyRow, DeviceRow

log = logging.getLogger(__name__)
KEY_FILE = "bundle-signing.key"


@dataclass(frozen=True)
class BundleImport:
    device_id: str
    accepted: int
    duplicate: int
    refused: int
    attachments: int
    receipt: Path | None


def hub_signing_key(data_dir: Path) -> str:
    """The hub's receipt-signing key, created on first use (file readable by the hub only)."""
    path = data_dir / KEY_FILE
    if path.exists():
        return path.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    text = key_to_text(new_signing_key())
    fd = os.open(path.with_suffix(".part"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(text)
    path.with_suffix(".part").replace(path)
    return text


class BundleImporter:
    def __init__(self, hub: Hub) -> None:
        self._hub = hub

    def import_push(self, path: Path, receipt_out: Path | None) -> BundleImport:
        manifest, files = read_bundle(path, kind="push")
        device = self._device_for(manifest)
        responses: list[PushResponse] = []
        for name in sorted(n for n in files if n.startswith("push-")):
            request = PushRequest.model_validate_json(gzip.decompress(files[name]))
            responses.append(self._hub.push.push(device, request))
        stored = 0
        for name, data in files.items():
            if name.startswith("attachments/"):
                stored += self._store_attachment(device, name.split("/", 1)[1], data)
        outcomes = [r.outcome for resp in responses for r in resp.results]
        receipt = self._write_receipt(manifest, device, responses, receipt_out) \
            if receipt_out else None
        log.info("bundle imported from device %s: %d records, %d attachments", device.id,
                 len(outcomes), stored)
        return BundleImport(device.id, outcomes.count("accepted"), outcomes.count("duplicate"),
                            len(outcomes) - outcomes.count("accepted")
                            - outcomes.count("duplicate"), stored, receipt)

    def _device_for(self, manifest: BundleManifest) -> DeviceInfo:
        """The hub device behind a bundle; its key is pinned by the first bundle imported."""
        if manifest.role not in ("operator", "trainer"):
            raise BundleRefused("damaged", "the bundle names an unknown role")
        with self._hub.db.writes.begin() as s:
            pin = s.get(BundleKeyRow, manifest.device_id)
            if pin is not None and pin.public_key != manifest.public_key:
                raise BundleRefused("key_changed", "this device's bundles were signed with a "
                                                   "different key before")
            row = s.get(DeviceRow, manifest.device_id)
            if row is None:
                now = self._hub.settings.clock()
                row = DeviceRow(id=manifest.device_id, village_code=manifest.village_code,
                                role=manifest.role,
                                token_hash=hash_secret(secrets.token_urlsafe(32)),
                                device_tag=manifest.device_tag[:16], device_name="USB bundle",
                                app_version="", protocol_version=None, enrolled_at=now,
                                revoked_at=None, last_seen_at=now, clock_offset_seconds=None)
                s.add(row)
                s.flush()       # the pin below refers to this device row
            elif row.revoked_at is not None:
                raise BundleRefused("revoked", "this device was revoked by the district")
            elif pin is None:
                # enrolled over the network: only the key it registered itself may sign
                raise BundleRefused("key_unknown", "this device is enrolled over the network "
                                                   "and has not registered its USB bundle key; "
                                                   "let it sync once over the network first")
            if pin is None:
                s.add(BundleKeyRow(device_id=manifest.device_id, public_key=manifest.public_key,
                                   pinned_at=self._hub.settings.clock()))
            return DeviceInfo(row.id, row.village_code, row.role)

    def register_key(self, device: DeviceInfo, public_key: str) -> None:
        """Pin the bundle key a device sends over its authenticated connection (the first
        one wins; the same key again is a no-op, another key is refused)."""
        with self._hub.db.writes.begin() as s:
            pin = s.get(BundleKeyRow, device.id)
            if pin is None:
                s.add(BundleKeyRow(device_id=device.id, public_key=public_key,
                                   pinned_at=self._hub.settings.clock()))
                log.info("bundle key registered for device %s", device.id)
            elif pin.public_key != public_key:
                raise HubError(409, ErrorCode.KEY_CONFLICT, "public_key: this device "
                               "registered another bundle key before")

    def _store_attachment(self, device: DeviceInfo, sha256: str, data: bytes) -> int:
        status = self._hub.attachments.status(device, sha256)
        if status.complete:
            return 0
        start = status.received_bytes
        for _ in range(2):
            try:
                done = self._hub.attachments.put(
                    device, sha256, f"bytes {start}-{len(data) - 1}/{len(data)}", data[start:])
                return int(done.complete)
            except HubError as e:
                received = getattr(e, "received_bytes", None)
                if received is None:
                    raise
                start = received
        return 0

    def _write_receipt(self, manifest: BundleManifest, device: DeviceInfo,
                       responses: list[PushResponse], out: Path) -> Path:
        changes: list[Change] = []
        cursor = manifest.cursor or ""
        while True:
            page = self._hub.feed.page(device, cursor=cursor, limit=1000)
            changes += page.changes
            cursor = page.next_cursor
            if not page.has_more:
                break
        files = {f"results-{n:04d}.json.gz": gzip.compress(r.model_dump_json().encode(), mtime=0)
                 for n, r in enumerate(responses, start=1)}
        feed = PullResponse(changes=changes, next_cursor=cursor, has_more=False)
        files["changes.json.gz"] = gzip.compress(feed.model_dump_json().encode(), mtime=0)
        receipt = BundleManifest(kind="receipt", bundle_id=str(uuid.uuid4()),
                                 created_at=created_now(), signer="hub", public_key="",
                                 device_id=manifest.device_id, village_code=device.village_code,
                                 role=device.role, cursor=cursor, files={})
        key = key_from_text(hub_signing_key(self._hub.settings.data_dir))
        return write_bundle(out, receipt, files, key)
