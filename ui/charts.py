"""UI layer: a small horizontal bar chart drawn with QPainter (QtCharts is not shipped).

One row per label, the value written at the end of each bar. An optional second series (for
example men and women) is drawn stacked or side by side, with a legend; the second series is
hatched as well as coloured, so the two stay apart in high contrast and on a grey-scale print.
The same drawing code paints the widget and, through `render_to_image` or `paint_chart`, an
image or any QPainter (the PDF reports).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QHelpEvent, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

MARGIN = 6
BAR_GAP = 6
LABEL_SHARE = 0.4          # the label column takes at most this share of the width


@dataclass(frozen=True)
class ChartColours:
    """What the chart is painted with: the text, the background and the two series."""

    text: QColor
    background: QColor
    first: QColor
    second: QColor

    @staticmethod
    def for_print() -> ChartColours:
        return ChartColours(QColor("#000000"), QColor("#ffffff"), QColor("#1f4e8c"),
                            QColor("#000000"))


@dataclass(frozen=True)
class _Bar:
    label: str
    first: float
    second: float | None


def _number(value: float) -> str:
    if value == int(value):
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")


class BarChart(QWidget):
    """Horizontal bars with labels and values; `set_data` fills it, `set_second_series` adds
    a second value per label (stacked or side by side, `set_stacked`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[_Bar] = []
        self._names: tuple[str, str] = ("", "")
        self._stacked = True
        self._title = ""
        self._empty_text = ""
        self._hit: list[tuple[QRect, _Bar]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)      # readable by a screen reader
        self.setMouseTracking(True)
        self._update_description()

    # -- data ---------------------------------------------------------------------------------
    def set_data(self, data: Sequence[tuple[str, float]],
                 second: Sequence[float] | None = None) -> None:
        """The bars, in order. `second`, when given, holds one value per label."""
        if second is not None and len(second) != len(data):
            raise ValueError("second series must have one value per label")
        self._bars = [_Bar(str(label), float(value),
                           None if second is None else float(second[i]))
                      for i, (label, value) in enumerate(data)]
        self._changed()

    def set_series_names(self, first: str, second: str = "") -> None:
        """The legend; shown only when there is a second series."""
        self._names = (first, second)
        self._changed()

    def set_stacked(self, stacked: bool) -> None:
        self._stacked = stacked
        self._changed()

    def set_title(self, title: str) -> None:
        self._title = title
        self.setAccessibleName(title)
        self._changed()

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self._changed()

    def data(self) -> list[tuple[str, float, float | None]]:
        return [(b.label, b.first, b.second) for b in self._bars]

    def has_second(self) -> bool:
        return any(b.second is not None for b in self._bars)

    def description(self) -> str:
        """The whole chart as text: for screen readers, the tooltip and tests."""
        def one(b: _Bar) -> str:
            if b.second is None:
                return f"{b.label}: {_number(b.first)}"
            n1, n2 = self._names
            return (f"{b.label}: {n1 or '1'} {_number(b.first)}, {n2 or '2'} "
                    f"{_number(b.second)}")
        body = "; ".join(one(b) for b in self._bars) or self._empty_text
        return f"{self._title}. {body}" if self._title else body

    def _changed(self) -> None:
        self._update_description()
        self.updateGeometry()
        self.update()

    def _update_description(self) -> None:
        text = self.description()
        self.setAccessibleDescription(text)
        self.setToolTip(text)

    # -- size ---------------------------------------------------------------------------------
    def _row_height(self, fm: QFontMetrics) -> int:
        rows = 2 if self.has_second() and not self._stacked else 1
        return rows * (fm.height() + 2)

    def _header_height(self, fm: QFontMetrics) -> int:
        lines = int(bool(self._title)) + int(self.has_second() and any(self._names))
        return lines * (fm.height() + 4)

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        rows = max(1, len(self._bars))
        height = (2 * MARGIN + self._header_height(fm)
                  + rows * (self._row_height(fm) + BAR_GAP))
        return QSize(max(360, 24 * fm.averageCharWidth()), height)

    def minimumSizeHint(self) -> QSize:
        fm = self.fontMetrics()
        return QSize(16 * fm.averageCharWidth(),
                     2 * MARGIN + self._header_height(fm) + self._row_height(fm) + BAR_GAP)

    # -- painting -----------------------------------------------------------------------------
    def _palette_colours(self) -> ChartColours:
        pal = self.palette()
        return ChartColours(pal.windowText().color(), pal.window().color(),
                            pal.highlight().color(), pal.windowText().color())

    def paintEvent(self, _event: QEvent) -> None:
        painter = QPainter(self)
        try:
            self._hit = self.paint_chart(painter, QRectF(self.rect()), self._palette_colours(),
                                         self.font())
        finally:
            painter.end()

    def render_to_image(self, width: int, height: int, *, scale: float = 1.0) -> QImage:
        """The chart on white, black text, for printing; `scale` enlarges the font."""
        image = QImage(max(1, int(width * scale)), max(1, int(height * scale)),
                       QImage.Format.Format_ARGB32)
        image.fill(QColor("#ffffff"))
        font = QFont(self.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * scale)
        else:
            font.setPixelSize(max(1, int(font.pixelSize() * scale)))
        painter = QPainter(image)
        try:
            self.paint_chart(painter, QRectF(image.rect()), ChartColours.for_print(), font)
        finally:
            painter.end()
        return image

    def paint_chart(self, painter: QPainter, area: QRectF, colours: ChartColours,
                    font: QFont) -> list[tuple[QRect, _Bar]]:
        """Draw into `area` of any painter; returns where each bar went (for tooltips)."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(font)
        painter.fillRect(area, colours.background)
        fm = QFontMetrics(font, painter.device())
        rect = area.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        y = rect.top()
        painter.setPen(colours.text)
        if self._title:
            bold = QFont(font)
            bold.setBold(True)
            painter.setFont(bold)
            painter.drawText(QRectF(rect.left(), y, rect.width(), fm.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             fm.elidedText(self._title, Qt.TextElideMode.ElideRight,
                                           int(rect.width())))
            painter.setFont(font)
            y += fm.height() + 4
        if self.has_second() and any(self._names):
            y = self._paint_legend(painter, rect, y, fm, colours)
        hits: list[tuple[QRect, _Bar]] = []
        if not self._bars:
            if self._empty_text:
                painter.drawText(QRectF(rect.left(), y, rect.width(), rect.bottom() - y),
                                 Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                                 self._empty_text)
            painter.restore()
            return hits
        hits = self._paint_bars(painter, rect, y, fm, colours)
        painter.restore()
        return hits

    def _paint_legend(self, painter: QPainter, rect: QRectF, y: float, fm: QFontMetrics,
                      colours: ChartColours) -> float:
        x = rect.left()
        box = fm.height() - 4
        for index, name in enumerate(self._names):
            if not name:
                continue
            self._fill(painter, QRectF(x, y + 2, box, box), index, colours)
            painter.setPen(colours.text)
            x += box + 4
            painter.drawText(QRectF(x, y, fm.horizontalAdvance(name) + 2, fm.height()),
                             Qt.AlignmentFlag.AlignVCenter, name)
            x += fm.horizontalAdvance(name) + 3 * fm.averageCharWidth()
        return y + fm.height() + 4

    def _fill(self, painter: QPainter, box: QRectF, series: int, colours: ChartColours) -> None:
        if series == 0:
            painter.fillRect(box, colours.first)
            return
        painter.fillRect(box, colours.background)
        painter.fillRect(box, QBrush(colours.second, Qt.BrushStyle.BDiagPattern))
        painter.setPen(QPen(colours.second, 1))
        painter.drawRect(box)

    def _paint_bars(self, painter: QPainter, rect: QRectF, y: float, fm: QFontMetrics,
                    colours: ChartColours) -> list[tuple[QRect, _Bar]]:
        longest = max(fm.horizontalAdvance(b.label) for b in self._bars)
        label_w = min(longest + 12, rect.width() * LABEL_SHARE)
        side = self.has_second() and not self._stacked
        totals = [b.first + (b.second or 0) if not side else max(b.first, b.second or 0)
                  for b in self._bars]
        top = max(max(totals), 1e-9)
        value_w = max(fm.horizontalAdvance(_number(t)) for t in totals) + 8
        bar_x = rect.left() + label_w
        bar_w = max(1.0, rect.width() - label_w - value_w)
        row_h = self._row_height(fm)
        hits: list[tuple[QRect, _Bar]] = []
        for bar, total in zip(self._bars, totals, strict=True):
            label = fm.elidedText(bar.label, Qt.TextElideMode.ElideMiddle, int(label_w) - 8)
            painter.setPen(colours.text)
            painter.drawText(QRectF(rect.left(), y, label_w - 8, row_h),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            one = fm.height()
            if side:
                parts = [(0, bar.first, y + 1), (1, bar.second or 0.0, y + 1 + one + 2)]
                for series, value, yy in parts:
                    length = bar_w * max(value, 0) / top
                    if length > 0:
                        self._fill(painter, QRectF(bar_x, yy, length, one - 2), series, colours)
                    painter.setPen(colours.text)
                    painter.drawText(QRectF(bar_x + length + 4, yy - 1, value_w, one),
                                     Qt.AlignmentFlag.AlignVCenter, _number(value))
            else:
                x = bar_x
                for series, part in ((0, bar.first), (1, bar.second)):
                    if part is None or part <= 0:
                        continue
                    length = bar_w * part / top
                    self._fill(painter, QRectF(x, y + 2, length, row_h - 4), series, colours)
                    x += length
                painter.setPen(colours.text)
                painter.drawText(QRectF(x + 4, y, value_w, row_h),
                                 Qt.AlignmentFlag.AlignVCenter, _number(total))
            hits.append((QRectF(rect.left(), y, rect.width(), row_h).toRect(), bar))
            y += row_h + BAR_GAP
        return hits

    # -- tooltips -----------------------------------------------------------------------------
    def bar_text(self, pos: QPoint) -> str:
        """The full label and value(s) of the bar at `pos` (widget coordinates), or ""."""
        for rect, bar in self._hit:
            if rect.contains(pos):
                if bar.second is None:
                    return f"{bar.label}: {_number(bar.first)}"
                n1, n2 = self._names
                return (f"{bar.label}\n{n1 or '1'}: {_number(bar.first)}\n"
                        f"{n2 or '2'}: {_number(bar.second)}")
        return ""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.bar_text(event.pos()) or self.description()
            QToolTip.showText(event.globalPos(), text, self)
            return True
        return super().event(event)
