"""The Erlang C staffing calculator: inputs, the server's answer, SL against agents (chart).

The chart (pyqtgraph) is built when the calculator is first shown: operators never open it,
and nobody's first paint waits for it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from agentdesk.domain.erlang_c import curve
from agentdesk.gui import colors, fmt
from agentdesk.protocol.people import StaffingResult


class ErlangCalculator(QWidget):
    """Asks for volume, AHT, target and shrinkage; shows agents, SL, ASA, occupancy."""

    calculateRequested = Signal(float, float, float, float, float)  # volume, aht, sl, time, shrink

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.volume = QSpinBox(self)
        self.volume.setRange(0, 100_000)
        self.volume.setValue(120)
        self.volume.setSuffix(self.tr(" per 30 min"))
        self.aht = QSpinBox(self)
        self.aht.setRange(1, 7200)
        self.aht.setValue(300)
        self.aht.setSuffix(" s")
        self.target = QSpinBox(self)
        self.target.setRange(1, 100)
        self.target.setValue(80)
        self.target.setSuffix(" %")
        self.target_time = QSpinBox(self)
        self.target_time.setRange(0, 600)
        self.target_time.setValue(20)
        self.target_time.setSuffix(" s")
        self.shrinkage = QDoubleSpinBox(self)
        self.shrinkage.setRange(0, 95)
        self.shrinkage.setValue(30)
        self.shrinkage.setSuffix(" %")
        self.button = QPushButton(self.tr("Calculate"), self)
        self.button.clicked.connect(self._request)
        self.result = QLabel(self.tr("Enter the forecast and press Calculate."), self)
        self.result.setObjectName("muted")
        self.result.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Contacts"), self.volume)
        form.addRow(self.tr("AHT"), self.aht)
        form.addRow(self.tr("Service level"), self.target)
        form.addRow(self.tr("Answered within"), self.target_time)
        form.addRow(self.tr("Shrinkage"), self.shrinkage)
        self.plot: Any = None
        self.curve: Any = None
        self.target_line: Any = None
        self.chosen: Any = None
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.button)
        left.addWidget(self.result)
        left.addStretch(1)
        self._layout = QHBoxLayout(self)
        self._layout.addLayout(left)

    def showEvent(self, event: QShowEvent) -> None:
        self._build_plot()
        super().showEvent(event)

    def _build_plot(self) -> None:
        if self.plot is not None:
            return
        import pyqtgraph as pg

        self.plot = pg.PlotWidget(background=colors.PANE)
        self.plot.setMinimumHeight(150)
        self.plot.setMenuEnabled(False)
        self.plot.setLabel("bottom", self.tr("agents"))
        self.plot.setLabel("left", self.tr("service level %"))
        self.plot.setYRange(0, 100)
        self.curve = self.plot.plot([], [], pen=pg.mkPen(colors.ACCENT, width=2))
        self.target_line = pg.InfiniteLine(
            angle=0, pen=pg.mkPen(colors.OK, style=pg.QtCore.Qt.PenStyle.DashLine)
        )
        self.plot.addItem(self.target_line)
        self.chosen = pg.ScatterPlotItem(size=9, brush=pg.mkBrush(colors.OK))
        self.plot.addItem(self.chosen)
        self._layout.addWidget(self.plot, 1)

    def _request(self) -> None:
        self.button.setEnabled(False)
        self.calculateRequested.emit(
            float(self.volume.value()), float(self.aht.value()), self.target.value() / 100,
            float(self.target_time.value()), self.shrinkage.value() / 100,
        )  # fmt: skip

    def show_result(self, result: StaffingResult) -> None:
        self.button.setEnabled(True)
        self.result.setText(
            self.tr("%1 agents (%2 scheduled): service level %3, ASA %4, occupancy %5")
            .replace("%1", str(result.agents))
            .replace("%2", str(result.scheduled))
            .replace("%3", fmt.percent(result.service_level))
            .replace("%4", fmt.duration(result.asa_s))
            .replace("%5", fmt.percent(result.occupancy))
        )
        low = max(1, int(result.traffic_erlangs) + 1)
        aht, wait = float(self.aht.value()), float(self.target_time.value())
        self._build_plot()
        points = curve(result.traffic_erlangs, aht, wait, range(low, result.agents + 8))
        self.curve.setData([n for n, _ in points], [sl * 100 for _, sl in points])
        self.target_line.setValue(self.target.value())
        self.chosen.setData([result.agents], [result.service_level * 100])

    def show_error(self, text: str) -> None:
        self.button.setEnabled(True)
        self.result.setText(text)
