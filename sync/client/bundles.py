"""Sync client: USB sync bundles for blank-spot villages.

`export_bundle` writes what a network push would send (same `PushRequest` batches, attachments
in their upload form) signed with this device's key; `import_receipt` applies the district's
receipt bundle (push results and change feed) through the same local steps as a network sync,
so importing a receipt twice changes nothing.
"""

from __future__ import annotations

import gzip
import logging
import uuid
from dataclasses import dataclass
from pathlib import Path

from kim_desktop.core import Core
from kim_desktop.domain.enums import Entity
from kim_desktop.domain.errors import HubRefused, KeyringUnavailable
from kim_desktop.services.sync_local import IncomingChange, Receipt, SyncLocalService
from sync.bundle import BundleManifest, BundleRefused, created_now, key_from_text, read_bundle, write_bundle
from sync.client.credentials import CredentialStore
from sync.client.payloads import envelope
from sync.client.uploads import prepare_uploads, upload_path
from sync.protocol import MAX_BATCH_RECORDS, PullResponse, PushRequest, PushResponse

log = logging.getLogger(__name__)


class BundleInvalid(HubRefused):
    """A bundle that cannot be trusted (damaged, modified, or from another hub)."""

    code = "bundle_invalid"
    exit_code = 2


@dataclass(frozen=True)
class BundleSummary:
    path: Path
    records: int
    attachments: int


@dataclass(frozen=True)
class ReceiptSummary:
    confirmed: int
    set_aside: int
    changes: int


def export_bundle(core: Core, out: Path, *, local: SyncLocalService | None = None,
                  credentials: CredentialStore | None = None) -> BundleSummary:
    profile = core.device.profile()
    local = local or SyncLocalService(core.ctx, on_reference=core.reference.invalidate)
    creds = credentials or CredentialStore(profile.device_id)
    key_text = creds.signing_key_text()
    if key_text is None:
        raise KeyringUnavailable("no usable OS keyring to keep the device's signing key")
    items = local.claim_for_bundle()
    max_side = core.preferences.get().photo_max_side_px
    forms = prepare_uploads(local, core.paths.attachments, items, max_side)
    envelopes = [envelope(it.record, it.revision, it.base_version, forms) for it in items]
    files: dict[str, bytes] = {}
    for n, start in enumerate(range(0, len(envelopes), MAX_BATCH_RECORDS), start=1):
        batch = PushRequest(batch_id=uuid.uuid4(),
                            records=envelopes[start:start + MAX_BATCH_RECORDS])
        files[f"push-{n:04d}.json.gz"] = gzip.compress(batch.model_dump_json().encode(), mtime=0)
    for sha, _size in forms.values():
        files[f"attachments/{sha}"] = upload_path(core.paths.attachments, sha).read_bytes()
    manifest = BundleManifest(kind="push", bundle_id=str(uuid.uuid4()), created_at=created_now(),
                              signer=profile.id_at_hub, public_key="",
                              device_id=profile.id_at_hub,
                              village_code=profile.village_code, role=profile.role.value,
                              device_tag=profile.device_tag, cursor=local.cursor(), files={})
    write_bundle(out, manifest, files, key_from_text(key_text))
    log.info("bundle written: %d records, %d attachments", len(envelopes), len(forms))
    return BundleSummary(out, len(envelopes), len(forms))


def import_receipt(core: Core, path: Path, *, local: SyncLocalService | None = None
                   ) -> ReceiptSummary:
    local = local or SyncLocalService(core.ctx, on_reference=core.reference.invalidate)
    profile = core.device.profile()
    try:
        manifest, files = read_bundle(path, kind="receipt", trusted_key=local.hub_bundle_key())
    except BundleRefused as e:
        raise BundleInvalid(str(e)) from e
    if manifest.device_id not in (profile.device_id, profile.hub_device_id):
        raise BundleInvalid("this receipt is for another device")
    local.pin_hub_bundle_key(manifest.public_key)
    receipts: list[Receipt] = []
    for name in sorted(n for n in files if n.startswith("results-")):
        resp = PushResponse.model_validate_json(gzip.decompress(files[name]))
        for r in resp.results:
            receipts.append(Receipt(_entity_of(core, r.id), r.id, r.revision, r.outcome,
                                    r.reason_code, r.reason, r.server_version, r.received_at))
    totals = local.record_results(receipts)
    changes = 0
    if "changes.json.gz" in files:
        page = PullResponse.model_validate_json(gzip.decompress(files["changes.json.gz"]))
        changes = local.apply_changes([IncomingChange(
            c.seq, c.kind, Entity(c.entity) if c.entity else None, c.id, c.status, c.revision,
            c.at, c.actor, c.note, c.lapor_tracking_id, c.lapor_status_raw, c.data)
            for c in page.changes], page.next_cursor)
    return ReceiptSummary(totals.pushed, totals.set_aside, changes)


def _entity_of(core: Core, record_id: uuid.UUID) -> Entity:
    from kim_desktop.domain.errors import NotFound

    try:
        core.complaints.get(record_id)
        return Entity.COMPLAINT
    except NotFound:
        return Entity.ACTIVITY
