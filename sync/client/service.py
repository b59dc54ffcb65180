"""Sync client: enrolment and sync runs for one local store, as the CLI and the app use them."""

from __future__ import annotations

import logging
import platform
import re
from collections.abc import Callable
from dataclasses import dataclass

from kim_desktop import __version__
from kim_desktop.core import Core
from kim_desktop.domain.errors import KeyringUnavailable, KimError, NotEnrolled
from kim_desktop.services.sync_local import SyncLocalService
from sync.bundle import key_from_text, public_key_text
from sync.client.credentials import CredentialStore
from sync.client.engine import Progress, SyncEngine, SyncReport, SyncSettings
from sync.client.http import HubClient, check_hub_url
from sync.protocol import ERROR_CODE_PATTERN, DeviceReport, EnrollRequest

log = logging.getLogger(__name__)
_ERROR_CODE = re.compile(ERROR_CODE_PATTERN)


@dataclass(frozen=True)
class Enrolment:
    hub_url: str
    village_code: str
    role: str
    persistent: bool     # False: no keyring, the token lives only as long as this process


class SyncClient:
    def __init__(self, core: Core, credentials: CredentialStore | None = None,
                 settings: SyncSettings | None = None) -> None:
        self._core = core
        self.credentials = credentials or CredentialStore(core.device.profile().device_id)
        self.local = SyncLocalService(core.ctx, on_reference=core.reference.invalidate)
        self._settings = settings

    def _hub(self, url: str | None = None, token: str | None = None) -> HubClient:
        prefs = self._core.preferences.get()
        hub = url or self._core.device.profile().hub_url or prefs.hub_url
        if not hub:
            raise NotEnrolled("no hub address set")
        timeout = (self._settings or SyncSettings()).timeout
        return HubClient(hub, token=token, allow_insecure=prefs.allow_insecure_http,
                         ca_bundle=prefs.ca_bundle, timeout=timeout)

    def enroll(self, hub_url: str, code: str, *, require_persistent: bool) -> Enrolment:
        """Trade a one-time code for a device token kept in the OS keyring.

        With ``require_persistent`` (the CLI) and no usable keyring, nothing is sent: the code
        is single-use and would be wasted when this process ends.
        """
        prefs = self._core.preferences.get()
        url = check_hub_url(hub_url, allow_insecure=prefs.allow_insecure_http)
        if require_persistent and not self.credentials.usable():
            raise KeyringUnavailable("no usable OS keyring to keep the device token")
        profile = self._core.device.profile()
        client = self._hub(url)
        try:
            resp = client.enroll(EnrollRequest(code=code.strip(), device_tag=profile.device_tag,
                                               app_version=__version__,
                                               device_name=platform.node()[:128]))
        finally:
            client.close()
        persistent = self.credentials.set(resp.token)
        self._core.device.set_hub(url, enrolled=True, hub_device_id=resp.device_id)
        log.info("enrolled with the hub as device %s", resp.device_id)
        client = self._hub(url, token=resp.token)
        try:
            self._after_contact(client)
        finally:
            client.close()
        return Enrolment(url, resp.village_code, resp.role, persistent)

    def _after_contact(self, client: HubClient) -> None:
        """Once the hub has answered: deposit the store's data key with the district
        (`sync.client.escrow`), register the key that signs this device's USB bundles, so
        the hub refuses bundles signed by anyone else, and report this device's unsent backlog
        and last sync error for the district's sync-health view. None ever fails enrolment or
        sync; each is tried again on the next run."""
        from sync.client.escrow import deposit_data_key

        def register_bundle_key() -> None:
            key_text = self.credentials.signing_key_text()
            if key_text is not None:       # no keyring: this device cannot make bundles
                client.register_bundle_key(public_key_text(key_from_text(key_text)))

        def report_device() -> None:
            h = self._core.status.sync_health()
            code = h.last_error if h.last_error is None or _ERROR_CODE.match(h.last_error) \
                else "unexpected"
            client.report_device(DeviceReport(
                pending=h.pending, set_aside=h.set_aside, oldest_pending_at=h.oldest_pending_at,
                last_error=code, last_error_at=h.last_error_at if code else None,
                app_version=__version__))

        for chore, run in (("escrow deposit", lambda: deposit_data_key(self._core.ctx, client)),
                           ("bundle key registration", register_bundle_key),
                           ("device report", report_device)):
            try:
                run()
            except KimError as exc:
                log.warning("%s not done this time (%s)", chore, exc.code)

    def has_token(self) -> bool:
        """Whether this run can talk to the hub (the token may be lost without a keyring)."""
        return bool(self.credentials.get())

    def hub_reachable(self) -> bool:
        try:
            client = self._hub()
        except KimError:
            return False
        try:
            client.health()
            return True
        except KimError:
            return False
        finally:
            client.close()

    def sync(self, *, should_stop: Callable[[], bool] = lambda: False,
             progress: Callable[[Progress], None] = lambda p: None) -> SyncReport:
        token = self.credentials.get()
        if not token:
            raise NotEnrolled("this device has no token: enrol first")
        prefs = self._core.preferences.get()
        settings = self._settings or SyncSettings(photo_max_side=prefs.photo_max_side_px)
        if self._settings is None:
            self._settings = settings
        client = self._hub(token=token)
        try:
            engine = SyncEngine(self.local, client, self._core.paths.attachments, settings)
            report = engine.run(should_stop=should_stop, progress=progress)
            self._after_contact(client)
        finally:
            client.close()
        st = self._core.status.status()
        report.pending = sum(st.backlog.get(k, 0) for k in ("pending", "sending"))
        return report
