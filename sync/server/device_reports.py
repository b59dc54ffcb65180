"""Hub layer: each village device's own report of its sync health (``PUT /v1/device-report``).

Only the device knows what it has not sent yet and why its last run failed; it tells the hub
after every contact, and the hub keeps the latest report on the device's row for the district's
sync-health view. A report holds counts, times and an error code: nothing of any record or
person. The device is the one its token names; it cannot report for another.
"""

from __future__ import annotations

import logging

from sqlalchemy import update

from sync.protocol import DeviceReport, DeviceReportReceipt
from sync.server.db import Database
from sync.server.identity import DeviceInfo
from sync.server.models import DeviceRow
from sync.server.settings import Clock

log = logging.getLogger(__name__)


def store_device_report(db: Database, clock: Clock, device: DeviceInfo,
                        report: DeviceReport) -> DeviceReportReceipt:
    """Replace the stored report of ``device`` with ``report`` (one short transaction)."""
    now = clock()
    with db.writes.begin() as s:
        s.execute(update(DeviceRow).where(DeviceRow.id == device.id).values(
            reported_at=now, app_version=report.app_version,
            report_pending=report.pending, report_set_aside=report.set_aside,
            report_oldest_pending_at=report.oldest_pending_at,
            report_last_error=report.last_error, report_last_error_at=report.last_error_at))
    log.info("device report device=%s pending=%d set_aside=%d last_error=%s", device.id,
             report.pending, report.set_aside, report.last_error or "-")
    return DeviceReportReceipt(**report.model_dump(), reported_at=now)
