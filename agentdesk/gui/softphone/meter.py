"""The microphone level meter widget: a bar polled from the device layer at a fixed rate."""

from __future__ import annotations

from PySide6.QtWidgets import QProgressBar, QWidget

from agentdesk.gui import colors

#: The bar spans -60 dBFS (empty) to 0 dBFS (full).
RANGE_DB = 60


class LevelBar(QProgressBar):
    """Shows an RMS level in dBFS; the peak is in the tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("micLevel")
        self.setRange(0, RANGE_DB)
        self.setTextVisible(False)
        self.setFixedHeight(8)
        self.setStyleSheet(
            f"QProgressBar#micLevel {{ border: 1px solid {colors.BORDER};"
            f" background: {colors.SELECTION};"
            " border-radius: 4px; }"
            f"QProgressBar#micLevel::chunk {{ background: {colors.OK}; border-radius: 4px; }}"
        )
        self.set_level(-96.0, -96.0)

    def set_level(self, rms_dbfs: float, peak_dbfs: float) -> None:
        self.setValue(int(max(0.0, min(RANGE_DB, RANGE_DB + rms_dbfs))))
        self.setToolTip(
            self.tr("Microphone: %1 dBFS (peak %2 dBFS)")
            .replace("%1", f"{rms_dbfs:.0f}")
            .replace("%2", f"{peak_dbfs:.0f}")
        )
