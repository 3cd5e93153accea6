"""AHT as a band around the target (pyqtgraph): the band is shaded, the mean is a marker.

Never a countdown: the chart shows where today's mean sits, not how long this call has run.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QSizePolicy, QWidget

from agentdesk.gui import colors

BAND_BRUSH = (207, 230, 216, 200)  # calm green, see colors.OK
SCALE = 1.6


class AhtBandPlot(pg.PlotWidget):  # type: ignore[misc]
    """A one-row plot: x = seconds, the band as a region, the mean as a vertical line."""

    def __init__(self, low_s: float, high_s: float, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent, background=colors.PANE)
        self.value: float | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(46)
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        item = self.getPlotItem()
        item.hideAxis("left")
        item.getAxis("bottom").setStyle(tickLength=-4)
        item.getAxis("bottom").setTextPen(colors.MUTED)
        item.getAxis("bottom").setPen(colors.BORDER)
        self.band = pg.LinearRegionItem(values=(low_s, high_s), movable=False, brush=BAND_BRUSH)
        for line in self.band.lines:
            line.setPen(pg.mkPen(colors.OK, width=1))
        self.addItem(self.band)
        self.marker = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(colors.OK, width=3))
        self.marker.hide()
        self.addItem(self.marker)
        self.set_target(low_s, high_s)

    def sizeHint(self) -> QSize:
        return QSize(260, 46)

    def set_target(self, low_s: float, high_s: float) -> None:
        self.low_s, self.high_s = low_s, high_s
        self.band.setRegion((low_s, high_s))
        self.setXRange(0, high_s * SCALE, padding=0)
        self.setYRange(0, 1, padding=0)

    def set_value(self, value: float | None) -> None:
        self.value = value
        if value is None:
            self.marker.hide()
            return
        within = self.low_s <= value <= self.high_s
        self.marker.setPen(pg.mkPen(colors.OK if within else colors.WARN, width=3))
        self.marker.setValue(min(value, self.high_s * SCALE))
        self.marker.show()
