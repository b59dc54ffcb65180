"""What leaves the device: photos downscaled and without EXIF (camera, time, GPS), uploaded in
ranges and verified by the hub; hub addresses checked before anything is sent."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hub_testkit import LiveHub
from PIL import Image
from sqlalchemy import select

from kim_desktop.domain.errors import InvalidInput
from sync.client.engine import SyncSettings
from sync.client.http import check_hub_url
from sync.server.models import AttachmentRow
from tests.conftest import complaint_data
from tests.sync.conftest import enrol, make_village

GPS_IFD = 0x8825


def camera_photo(path: Path, size: tuple[int, int] = (4000, 3000)) -> Path:
    """A JPEG as a phone writes it: camera make/model, time, and the GPS position."""
    texture = Image.effect_noise(size, 60)              # grain, like a real scene's detail
    img = Image.merge("RGB", (texture, Image.linear_gradient("L").resize(size), texture))
    exif = Image.Exif()
    exif[0x010F] = "KameraHP"                    # Make
    exif[0x0110] = "Model X"                     # Model
    exif[0x0132] = "2026:11:20 09:15:00"         # DateTime
    exif[0x0112] = 6                             # Orientation: rotated
    exif.get_ifd(GPS_IFD).update({1: "S", 2: (2.0, 34.0, 12.5), 3: "E", 4: (121.0, 1.0, 3.0)})
    img.save(path, "JPEG", quality=92, exif=exif)
    assert Image.open(path).getexif().get_ifd(GPS_IFD)     # the original carries GPS
    return path


def test_photo_reaches_the_hub_without_metadata_and_downscaled(tmp_path: Path,
                                                                 live_hub: LiveHub) -> None:
    core = make_village(tmp_path, "balantang")
    camera_photo(tmp_path / "bukti.jpg")
    core.complaints.add([(complaint_data(attachments=["bukti.jpg"]), tmp_path)], submit=True)
    client = enrol(core, live_hub, settings=SyncSettings(chunk_bytes=32 * 1024,
                                                         backoff_base=0.01))
    report = client.sync()
    assert (report.pushed, report.uploaded) == (1, 1)
    with live_hub.hub.db.reads() as s:
        [row] = s.scalars(select(AttachmentRow)).all()
        assert row.complete and row.size > 32 * 1024        # it came in several ranges
    data = live_hub.hub.attachments.path(row.sha256).read_bytes()
    img = Image.open(io.BytesIO(data))
    assert max(img.size) == 1600 and img.size == (1200, 1600)   # turned upright, downscaled
    assert dict(img.getexif()) == {}
    assert b"Exif" not in data and b"KameraHP" not in data and b"GPS" not in data
    assert "exif" not in img.info and "xmp" not in img.info


@pytest.mark.parametrize(("url", "ok"), [
    ("https://kim.luwutimurkab.go.id", True),
    ("http://127.0.0.1:8080", True),
    ("http://localhost:8080/", True),
    ("http://kim.luwutimurkab.go.id", False),      # plain HTTP to another host
    ("ftp://kim.luwutimurkab.go.id", False),
    ("kim.luwutimurkab.go.id", False),
])
def test_hub_addresses(url: str, ok: bool) -> None:
    if ok:
        assert check_hub_url(url).startswith(("http://", "https://"))
    else:
        with pytest.raises(InvalidInput):
            check_hub_url(url)
    assert check_hub_url("http://10.0.0.5:8080", allow_insecure=True) == "http://10.0.0.5:8080"
