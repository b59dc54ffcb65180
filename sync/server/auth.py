"""Hub layer: bearer-token authentication of /v1 requests (a FastAPI dependency).

``Authorization: Bearer <token>`` identifies the device. An unknown or missing token is 401
``unauthorized``; a revoked one is 401 ``enrolment_revoked`` so that the client can tell the user to
enrol again. District accounts log in for their own tokens (`sync.server.accounts`), kept in
another table: a device token is unknown on review routes and a login token unknown on device
routes. Tokens are looked up by their SHA-256 and never logged.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import select

from sync.protocol import ErrorCode
from sync.server.accounts import Account
from sync.server.context import Hub, get_hub
from sync.server.errors import HubError, unauthorized
from sync.server.identity import DeviceInfo, hash_secret
from sync.server.models import DeviceRow


def device_for_token(hub: Hub, token: str) -> DeviceInfo:
    """The enrolled device holding ``token``; raises 401 ``unauthorized``/``enrolment_revoked``."""
    with hub.db.reads() as s:
        row = s.scalars(select(DeviceRow).where(DeviceRow.token_hash == hash_secret(token))).first()
    if row is None:
        raise unauthorized(ErrorCode.UNAUTHORIZED, "unknown device token")
    if row.revoked_at is not None:
        raise unauthorized(ErrorCode.ENROLMENT_REVOKED, "this device's enrolment was revoked")
    return DeviceInfo(id=row.id, village_code=row.village_code, role=row.role)


def bearer_token(request: Request) -> str:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise unauthorized(ErrorCode.UNAUTHORIZED, "missing bearer token")
    return token.strip()


def current_device(request: Request, hub: Annotated[Hub, Depends(get_hub)]) -> DeviceInfo:
    """FastAPI dependency: the device making this request."""
    return device_for_token(hub, bearer_token(request))


def current_account(request: Request, hub: Annotated[Hub, Depends(get_hub)]) -> Account:
    """FastAPI dependency: the reviewer or admin behind a login token (device tokens: 401)."""
    return hub.accounts.account_for_token(bearer_token(request))


def current_admin(account: Annotated[Account, Depends(current_account)]) -> Account:
    if not account.is_admin:
        raise HubError(403, ErrorCode.FORBIDDEN, "admins only")
    return account


CurrentAccount = Annotated[Account, Depends(current_account)]
CurrentAdmin = Annotated[Account, Depends(current_admin)]
CurrentDevice = Annotated[DeviceInfo, Depends(current_device)]
HubDep = Annotated[Hub, Depends(get_hub)]
