"""Test helpers for the district review: a reviewer client logged in over HTTP."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

import requests
from hub_testkit import LiveHub

PASSWORD = "s3cret-Passw0rd"


@dataclass
class Reviewer:
    base_url: str
    username: str
    token: str
    http: requests.Session = field(default_factory=requests.Session)

    def __post_init__(self) -> None:
        self.http.headers["Authorization"] = f"Bearer {self.token}"

    def request(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        return self.http.request(method, self.base_url + "/v1/review" + path, timeout=60,
                                 **kwargs)

    def ok(self, method: str, path: str, **kwargs: Any) -> Any:
        r = self.request(method, path, **kwargs)
        assert r.status_code in (200, 204), r.text
        return r.json() if r.status_code == 200 and r.headers.get(
            "content-type", "").startswith("application/json") else r.text

    def decide(self, record_id: uuid.UUID, action: str, **body: Any) -> requests.Response:
        return self.request("POST", f"/records/{record_id}/decision",
                            json={"action": action, **body})


def add_account(live: LiveHub, username: str = "rina", role: str = "reviewer") -> None:
    live.hub.accounts.add_user(username=username, role=role, password=PASSWORD)


def login(live: LiveHub, username: str = "rina", role: str = "reviewer",
          create: bool = True) -> Reviewer:
    if create:
        add_account(live, username, role)
    r = live.post("/v1/review/login", json={"username": username, "password": PASSWORD})
    assert r.status_code == 200, r.text
    return Reviewer(live.base_url, username, r.json()["token"])
