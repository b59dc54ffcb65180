"""Hub layer: a village USB bundle uploaded by a reviewer from the review workspace.

The bytes go through exactly the path of ``kim-hub import-bundle`` (`BundleImporter`): signature
and key pin checked, batches stored by `PushService.push`, so uploading the same bundle twice
changes nothing. The bundle and its receipt live in a private temporary folder under the hub's
data folder only while the import runs. A refused bundle is answered 400 with the reason.
"""

from __future__ import annotations

import base64
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from kim_desktop.domain.deadlines import WITA
from sync.bundle import BundleRefused
from sync.protocol import ErrorCode
from sync.server.bundles import BundleImporter
from sync.server.context import Hub
from sync.server.errors import HubError
from sync.server.models import DeviceRow
from sync.server.settings import Clock

log = logging.getLogger(__name__)


def receipt_name(village_code: str, device_id: str, clock: Clock) -> str:
    stamp = clock().astimezone(WITA).strftime("%Y%m%d-%H%M%S")
    return f"kim-receipt-{village_code}-{device_id[:8]}-{stamp}.kimbundle"


def import_uploaded(hub: Hub, data: bytes) -> dict[str, Any]:
    """Import the bundle ``data``; counts, the receipt (base64) and its suggested file name."""
    if not data:
        raise HubError(400, ErrorCode.INVALID_REQUEST, "body: the bundle file is empty")
    work = hub.settings.data_dir / "uploads"
    work.mkdir(parents=True, exist_ok=True, mode=0o700)
    with tempfile.TemporaryDirectory(dir=work) as tmp:
        source, receipt = Path(tmp) / "push.bundle", Path(tmp) / "receipt.bundle"
        fd = os.open(source, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        try:
            done = BundleImporter(hub).import_push(source, receipt)
        except BundleRefused as exc:
            log.info("uploaded bundle refused: %s", exc.reason)
            raise HubError(400, ErrorCode.INVALID_REQUEST,
                           f"bundle refused ({exc.reason}): {exc}") from exc
        receipt_bytes = receipt.read_bytes()
    with hub.db.reads() as s:
        device = s.get(DeviceRow, done.device_id)
    village = device.village_code if device is not None else ""
    return {"device_id": done.device_id, "village_code": village,
            "accepted": done.accepted, "duplicates": done.duplicate, "set_aside": done.refused,
            "receipt_b64": base64.b64encode(receipt_bytes).decode("ascii"),
            "receipt_name": receipt_name(village, done.device_id, hub.settings.clock)}
