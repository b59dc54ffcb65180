"""The QPainter bar chart: it paints with and without data, keeps long labels readable (elided
on screen, whole in the tooltip and the accessible description), writes the values beside the
bars (checked in the text of a PDF it was painted into) and scales the bars to the values."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRectF
from PySide6.QtGui import QColor, QFont, QImage, QPageSize, QPainter, QPdfWriter

from ui.charts import BarChart, ChartColours

BAR = QColor(ChartColours.for_print().first)


def _bar_length(image: QImage, y: int) -> int:
    """How many pixels of row `y` carry the first series' colour."""
    return sum(1 for x in range(image.width())
               if QColor(image.pixel(x, y)).rgb() == BAR.rgb())


def _bar_rows(image: QImage) -> list[int]:
    """The length of each bar, top to bottom (one sample per run of bar-coloured rows)."""
    lengths: list[int] = []
    inside = False
    for y in range(image.height()):
        n = _bar_length(image, y)
        if n and not inside:
            lengths.append(n)
        inside = bool(n)
    return lengths


def _chart(qtbot: Any) -> BarChart:
    chart = BarChart()
    qtbot.addWidget(chart)
    return chart


def test_paints_and_scales_bars_to_values(qtbot: Any) -> None:
    chart = _chart(qtbot)
    chart.set_data([("Malili", 10), ("Nuha", 5), ("Towuti", 2.5)])
    chart.resize(chart.sizeHint())
    chart.show()
    qtbot.waitExposed(chart)
    assert not chart.grab().isNull()
    image = chart.render_to_image(400, 160)
    long_, mid, short = _bar_rows(image)
    assert long_ > mid > short > 0
    assert abs(long_ / mid - 2) < 0.1 and abs(mid / short - 2) < 0.15
    assert chart.description() == "Malili: 10; Nuha: 5; Towuti: 2,5"
    assert chart.accessibleDescription() == chart.description()


def test_empty_chart_shows_its_text(qtbot: Any) -> None:
    chart = _chart(qtbot)
    chart.set_title("Kegiatan per kecamatan")
    chart.set_empty_text("Belum ada kegiatan")
    chart.set_data([])
    image = chart.render_to_image(300, 100)
    assert _bar_rows(image) == []
    assert any(QColor(image.pixel(x, y)).lightness() < 100
               for x in range(0, 300, 2) for y in range(40, 100, 2))   # the empty text
    assert chart.description() == "Kegiatan per kecamatan. Belum ada kegiatan"
    assert chart.sizeHint().height() > 0 and chart.minimumSizeHint().width() > 0


def test_long_labels_are_elided_and_whole_in_tooltip(qtbot: Any) -> None:
    chart = _chart(qtbot)
    long_label = "Desa dengan nama yang sangat panjang sekali untuk sebuah grafik " * 3
    chart.set_data([(long_label, 3), ("Pendek", 1)])
    chart.resize(320, chart.sizeHint().height())
    chart.show()
    qtbot.waitExposed(chart)
    chart.grab()                                # paints, placing the bars
    first_bar = chart.bar_text(QPoint(10, chart.sizeHint().height() // 4))
    assert first_bar == f"{long_label}: 3"
    image = chart.render_to_image(320, 80)
    bars = _bar_rows(image)
    assert len(bars) == 2 and bars[0] > 320 * 0.25   # the label did not eat the bar


def test_second_series_stacked_and_side_by_side(qtbot: Any) -> None:
    chart = _chart(qtbot)
    chart.set_series_names("Laki-laki", "Perempuan")
    chart.set_data([("Malili", 6), ("Nuha", 2)], second=[4, 8])
    assert chart.description() == "Malili: Laki-laki 6, Perempuan 4; Nuha: Laki-laki 2, Perempuan 8"
    stacked = _bar_rows(chart.render_to_image(400, 160))[1:]   # [0]: the legend box
    assert stacked[0] == pytest.approx(3 * stacked[1], rel=0.1)
    chart.set_stacked(False)
    high = chart.sizeHint().height()
    chart.set_stacked(True)
    assert high > chart.sizeHint().height()            # two thin bars per row need more room
    chart.set_stacked(False)
    side = _bar_rows(chart.render_to_image(400, 200))[1:]
    assert side[0] == pytest.approx(3 * side[1], rel=0.1)   # first series: 6 against 2
    with pytest.raises(ValueError):
        chart.set_data([("Malili", 1)], second=[1, 2])


def test_values_and_labels_are_written_into_a_pdf(qtbot: Any, tmp_path: Path) -> None:
    chart = _chart(qtbot)
    chart.set_title("Peserta per desa")
    chart.set_series_names("Laki-laki", "Perempuan")
    chart.set_data([("Balantang", 17), ("Lakawali", 1234)], second=[3, 6])
    path = tmp_path / "chart.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(96)
    painter = QPainter(writer)
    font = QFont(chart.font())
    chart.paint_chart(painter, QRectF(0, 0, 600, 200), ChartColours.for_print(), font)
    painter.end()
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    for shown in ("Peserta per desa", "Laki-laki", "Perempuan", "Balantang", "Lakawali",
                  "20", "1.240"):
        assert shown in text
