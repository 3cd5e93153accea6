"""AHT as a band around the target (pyqtgraph): the band is shaded, the mean is a marker.

Never a countdown: the chart shows where today's mean sits, not how long this call has run.
The plot (pyqtgraph and numpy) is built when the first figure arrives, so the window's first
paint never waits for a charting library; until then the row keeps its place, empty and calm.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from agentdesk.gui import colors

BAND_BRUSH = (207, 230, 216, 200)  # calm green, see colors.OK
SCALE = 1.6
HEIGHT = 46


class AhtBandPlot(QWidget):
    """A one-row plot: x = seconds, the band as a region, the mean as a vertical line."""

    def __init__(self, low_s: float, high_s: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value: float | None = None
        self.low_s, self.high_s = low_s, high_s
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(HEIGHT)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.plot: Any = None
        self.band: Any = None
        self.marker: Any = None

    def sizeHint(self) -> QSize:
        return QSize(260, HEIGHT)

    def set_target(self, low_s: float, high_s: float) -> None:
        self.low_s, self.high_s = low_s, high_s
        if self.plot is not None:
            self._show_target()

    def set_value(self, value: float | None) -> None:
        self.value = value
        if value is None and self.plot is None:
            return
        self._build()
        self._show_value()

    # ---- the plot ---------------------------------------------------------------------

    def _build(self) -> None:
        if self.plot is not None:
            return
        import pyqtgraph as pg

        plot = pg.PlotWidget(parent=self, background=colors.PANE)
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(x=False, y=False)
        plot.hideButtons()
        item = plot.getPlotItem()
        item.hideAxis("left")
        item.getAxis("bottom").setStyle(tickLength=-4)
        item.getAxis("bottom").setTextPen(colors.MUTED)
        item.getAxis("bottom").setPen(colors.BORDER)
        self.band = pg.LinearRegionItem(
            values=(self.low_s, self.high_s), movable=False, brush=BAND_BRUSH
        )
        for line in self.band.lines:
            line.setPen(pg.mkPen(colors.OK, width=1))
        plot.addItem(self.band)
        self.marker = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(colors.OK, width=3))
        self.marker.hide()
        plot.addItem(self.marker)
        self._layout.addWidget(plot)
        self.plot = plot
        self._show_target()

    def _show_target(self) -> None:
        self.band.setRegion((self.low_s, self.high_s))
        self.plot.setXRange(0, self.high_s * SCALE, padding=0)
        self.plot.setYRange(0, 1, padding=0)

    def _show_value(self) -> None:
        import pyqtgraph as pg

        if self.value is None:
            self.marker.hide()
            return
        within = self.low_s <= self.value <= self.high_s
        self.marker.setPen(pg.mkPen(colors.OK if within else colors.WARN, width=3))
        self.marker.setValue(min(self.value, self.high_s * SCALE))
        self.marker.show()
