"""schemathesis against the hub's own OpenAPI spec, on a live hub (bounded run): no 5xx and no
response that breaks the documented schema, with a device token, a reviewer's login token and
without a token."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hub_testkit import LiveHub, MutableClock, start_live_hub
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

from sync.server.migrate import upgrade
from sync.server.settings import HubSettings, sqlite_url


@pytest.fixture(scope="module")
def fuzz_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveHub]:
    root: Path = tmp_path_factory.mktemp("fuzzhub")
    url = sqlite_url(root / "hub.sqlite3")
    upgrade(url)
    hub = start_live_hub(HubSettings(db_url=url, data_dir=root), MutableClock())
    yield hub
    hub.stop()
    hub.hub.close()


@pytest.fixture(scope="module")
def device_token(fuzz_hub: LiveHub) -> str:
    return fuzz_hub.enrol().token


@pytest.fixture(scope="module")
def reviewer_token(fuzz_hub: LiveHub) -> str:
    fuzz_hub.hub.accounts.add_user(username="fuzzer", role="admin", password="fuzz-Passw0rd")
    r = fuzz_hub.post("/v1/review/login", json={"username": "fuzzer",
                                                "password": "fuzz-Passw0rd"})
    assert r.status_code == 200, r.text
    token: str = r.json()["token"]
    return token


@pytest.fixture(scope="module")
def hub_schema(fuzz_hub: LiveHub) -> schemathesis.BaseSchema:
    loaded = schemathesis.openapi.from_url(fuzz_hub.base_url + "/openapi.json")
    # the coverage phase enumerates boundary combinations of the large push body: far beyond a
    # bounded CI run; the example and fuzzing phases do the work here
    loaded.config.phases.coverage.enabled = False
    return loaded


schema = schemathesis.pytest.from_fixture("hub_schema")
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


@schema.parametrize()
@settings(max_examples=20, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_no_5xx_and_schema_holds_for_a_device(case: schemathesis.Case, fuzz_hub: LiveHub,
                                               device_token: str) -> None:
    response = case.call(base_url=fuzz_hub.base_url,
                         headers={"Authorization": f"Bearer {device_token}"})
    case.validate_response(response, checks=CHECKS)


@schema.parametrize()
@settings(max_examples=20, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_no_5xx_and_schema_holds_for_a_reviewer(case: schemathesis.Case, fuzz_hub: LiveHub,
                                                reviewer_token: str) -> None:
    if case.path == "/v1/review/logout":
        return  # would end the login the other cases use
    response = case.call(base_url=fuzz_hub.base_url,
                         headers={"Authorization": f"Bearer {reviewer_token}"})
    case.validate_response(response, checks=CHECKS)


@schema.parametrize()
@settings(max_examples=6, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_no_5xx_without_a_token(case: schemathesis.Case, fuzz_hub: LiveHub) -> None:
    response = case.call(base_url=fuzz_hub.base_url)
    case.validate_response(response, checks=CHECKS)
