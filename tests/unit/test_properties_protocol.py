"""Property tests of protocol parsing, with hypothesis: whatever bytes or JSON arrive, the wire
models (`sync.protocol`) refuse them only with pydantic's `ValidationError`, USB bundles
(`sync.bundle.read_bundle`) only with `BundleRefused`, and the hub's own header and cursor
parsers only with a 4xx `HubError`. Nothing else escapes, so nothing turns into a 500 or a
traceback in front of an operator.
"""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from sync import protocol
from sync.bundle import SIG_MAGIC, SIG_TRAILER, BundleRefused, read_bundle
from sync.server.attachments import ContentRange
from sync.server.errors import HubError
from sync.server.feed import decode_cursor, encode_cursor

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

MODELS: list[type[BaseModel]] = sorted(
    (m for m in vars(protocol).values() if isinstance(m, type) and issubclass(m, BaseModel)
     and m is not BaseModel and m.__module__ == protocol.__name__
     and not m.__name__.startswith("_")),
    key=lambda m: m.__name__)

scalars = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
           | st.text(max_size=30))
json_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=12), inner, max_size=5),
                           max_leaves=10)


def _shaped_like(model: type[BaseModel]) -> Any:
    """Objects with the model's own field names and arbitrary values (closer to the real thing
    than random keys, so the validators beyond the first one get exercised)."""
    names = sorted(model.model_fields)
    return st.dictionaries(st.sampled_from(names) if names else st.text(max_size=5),
                           json_values, max_size=len(names) + 1)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_wire_models_refuse_anything_only_with_a_validation_error(model: type[BaseModel],
                                                                   data: st.DataObject) -> None:
    raw = data.draw(st.binary(max_size=200) | json_values.map(lambda v: json.dumps(v).encode())
                    | _shaped_like(model).map(lambda v: json.dumps(v).encode()))
    try:
        parsed = model.model_validate_json(raw)
    except ValidationError:
        return
    # what was accepted serialises and reads back the same
    assert model.model_validate_json(parsed.model_dump_json()) == parsed


@FAST
@given(obj=json_values)
def test_push_requests_from_python_objects_too(obj: Any) -> None:
    with contextlib.suppress(ValidationError):
        protocol.PushRequest.model_validate(obj)


def _write(data: bytes) -> Path:
    with tempfile.NamedTemporaryFile(suffix=".kimbundle", delete=False) as f:
        f.write(data)
    return Path(f.name)


def _read(data: bytes) -> None:
    path = _write(data)
    try:
        read_bundle(path, kind="push")
    finally:
        path.unlink()


@FAST
@given(data=st.binary(max_size=600))
def test_any_bytes_as_a_bundle_are_refused_cleanly(data: bytes) -> None:
    with pytest.raises(BundleRefused):
        _read(data)


@FAST
@given(manifest=st.one_of(json_values, st.fixed_dictionaries({
    "format": st.just("kim-bundle"), "kind": st.sampled_from(["push", "receipt", "x"]),
    "bundle_id": st.text(max_size=8), "created_at": st.just("2026-11-25T02:00:00Z"),
    "signer": st.text(max_size=8), "public_key": st.text(max_size=60),
    "device_id": st.text(max_size=8), "village_code": st.text(max_size=8),
    "role": st.text(max_size=8),
    "files": st.dictionaries(st.text(max_size=20), st.text(max_size=64), max_size=3)})),
    members=st.dictionaries(st.from_regex(r"[a-z0-9._-]{1,12}(/[a-z0-9._-]{1,12})?",
                                          fullmatch=True), st.binary(max_size=50), max_size=3),
    signature=st.binary(min_size=64, max_size=64))
def test_zip_files_with_any_manifest_and_signature_are_refused_cleanly(
        manifest: Any, members: dict[str, bytes], signature: bytes) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("manifest.json", json.dumps(manifest))
        for name, content in members.items():
            if name != "manifest.json":
                z.writestr(name, content)
        z.comment = b"\0" * SIG_TRAILER
    body = buffer.getvalue()[:-SIG_TRAILER]
    with pytest.raises(BundleRefused):
        _read(body + SIG_MAGIC + signature)


@FAST
@given(header=st.none() | st.text(max_size=40)
       | st.from_regex(r"bytes -?\d{1,20}--?\d{1,20}/-?\d{1,20}", fullmatch=True))
def test_content_range_headers_parse_or_are_refused_with_400(header: str | None) -> None:
    try:
        rng = ContentRange.parse(header)
    except HubError as e:
        assert e.status == 400
        return
    assert 0 <= rng.start <= rng.end < rng.total


@FAST
@given(cursor=st.text(max_size=40) | st.integers(min_value=0, max_value=10**18).map(encode_cursor))
def test_cursors_decode_or_are_refused_with_400(cursor: str) -> None:
    try:
        seq = decode_cursor(cursor)
    except HubError as e:
        assert e.status == 400
        return
    assert seq >= 0 and (not cursor or decode_cursor(encode_cursor(seq)) == seq)
