"""Hub layer: district accounts (reviewer, admin): scrypt passwords, login tokens, lockout.

Passwords are hashed with ``hashlib.scrypt`` (memory-hard, stdlib: N=2**15, r=8, p=1, 32 MiB per
hash) and a 16-byte salt; only ``scrypt$N$r$p$salt$hash`` is stored. A login hands out a random
token that expires (default 8 hours); the hub stores its SHA-256 only. After
``MAX_FAILED_LOGINS`` wrong passwords in a row the account is locked for ``LOCKOUT``. Login tokens
and device tokens live in different tables, so one can never be used in place of the other.
Passwords and tokens are never logged.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from sync.protocol import ErrorCode
from sync.server.db import Database
from sync.server.errors import HubError, unauthorized
from sync.server.identity import hash_secret, new_token
from sync.server.models import UserRow, UserSessionRow
from sync.server.settings import Clock

log = logging.getLogger(__name__)

ROLES = ("reviewer", "admin")
MIN_PASSWORD = 10
MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
_N, _R, _P = 2**15, 8, 1
_MAXMEM = 64 * 1024 * 1024


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P, maxmem=_MAXMEM)
    b64 = base64.b64encode
    return f"scrypt${_N}${_R}${_P}${b64(salt).decode()}${b64(digest).decode()}"


def check_password(password: str, stored: str) -> bool:
    try:
        _kind, n, r, p, salt, digest = stored.split("$")
        expected = base64.b64decode(digest)
        got = hashlib.scrypt(password.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r),
                             p=int(p), maxmem=_MAXMEM, dklen=len(expected))
    except ValueError:
        return False
    return hmac.compare_digest(got, expected)


#: checked against when the user is unknown, so that timing does not tell who exists
_DUMMY_HASH = hash_password("not-a-real-password")


@dataclass(frozen=True, slots=True)
class Account:
    """The district account behind a request's login token."""

    username: str
    role: str

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


@dataclass(frozen=True)
class Login:
    token: str
    username: str
    role: str
    expires_at: datetime


class AccountExists(ValueError):
    pass


class AccountService:
    def __init__(self, db: Database, *, clock: Clock, token_ttl: timedelta) -> None:
        self._db, self._clock, self._ttl = db, clock, token_ttl

    def add_user(self, *, username: str, role: str, password: str) -> Account:
        """Create an account; `ValueError` names the rule broken, `AccountExists` if taken."""
        if role not in ROLES:
            raise ValueError(f"role: must be one of {', '.join(ROLES)}")
        if not (3 <= len(username) <= 64) or not username.replace("_", "").replace(
                ".", "").replace("-", "").isalnum():
            raise ValueError("username: 3-64 letters, digits, '.', '_' or '-'")
        if len(password) < MIN_PASSWORD:
            raise ValueError(f"password: at least {MIN_PASSWORD} characters")
        row = UserRow(username=username, role=role, password_hash=hash_password(password),
                      created_at=self._clock(), failed_logins=0, locked_until=None,
                      disabled_at=None)
        try:
            with self._db.writes.begin() as s:
                s.add(row)
        except IntegrityError as exc:
            raise AccountExists(f"username: {username!r} already exists") from exc
        log.info("account created role=%s", role)
        return Account(username, role)

    def login(self, *, username: str, password: str) -> Login:
        """A new login token; 401 on a wrong name or password, 429 while locked out."""
        now = self._clock()
        with self._db.reads() as s:
            row = s.get(UserRow, username)
            stored = row.password_hash if row is not None else _DUMMY_HASH
            locked = row is not None and row.locked_until is not None and row.locked_until > now
        if locked:
            raise HubError(429, ErrorCode.TOO_MANY_ATTEMPTS,
                           "too many failed logins; try again later",
                           headers={"Retry-After": str(int(LOCKOUT.total_seconds()))})
        ok = check_password(password, stored) and row is not None and row.disabled_at is None
        login: Login | None = None
        with self._db.writes.begin() as s:  # failures are counted even though we refuse
            user = s.get(UserRow, username, with_for_update=True)
            if user is not None and not ok:
                user.failed_logins += 1
                if user.failed_logins >= MAX_FAILED_LOGINS:
                    user.locked_until, user.failed_logins = now + LOCKOUT, 0
                    log.warning("account locked after repeated failed logins")
            elif user is not None:
                user.failed_logins, user.locked_until = 0, None
                token = new_token()
                s.add(UserSessionRow(token_hash=hash_secret(token), username=username,
                                     created_at=now, expires_at=now + self._ttl,
                                     revoked_at=None))
                login = Login(token, username, user.role, now + self._ttl)
        if login is None:
            raise unauthorized(ErrorCode.UNAUTHORIZED, "wrong username or password")
        return login

    def logout(self, token: str) -> None:
        with self._db.writes.begin() as s:
            row = s.get(UserSessionRow, hash_secret(token))
            if row is not None and row.revoked_at is None:
                row.revoked_at = self._clock()

    def account_for_token(self, token: str) -> Account:
        """The account of a live login token; 401 for unknown, expired or revoked tokens."""
        now = self._clock()
        with self._db.reads() as s:
            found = s.execute(
                select(UserSessionRow, UserRow)
                .join(UserRow, UserRow.username == UserSessionRow.username)
                .where(UserSessionRow.token_hash == hash_secret(token))).first()
        if found is None:
            raise unauthorized(ErrorCode.UNAUTHORIZED, "unknown login token")
        session, user = found
        if session.revoked_at is not None or session.expires_at <= now or user.disabled_at:
            raise unauthorized(ErrorCode.UNAUTHORIZED, "login expired; log in again")
        return Account(user.username, user.role)
