"""The microphone level meter widget: a bar polled from the device layer at a fixed rate."""

from __future__ import annotations

from PySide6.QtWidgets import QProgressBar, QWidget

from agentdesk.gui import colors

#: The bar spans -60 dBFS (empty) to 0 dBFS (full).
RANGE_DB = 60


class LevelBar(QProgressBar):
    """Shows an RMS level in dBFS; the peak is in the tooltip.

    With an input that gives no sound at all (the null device) an empty bar would look
    broken; :meth:`set_placeholder` shows a calm line of text there instead, until a level
    above the floor arrives.
    """

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
            f'QProgressBar#micLevel[placeholder="true"] {{ background: {colors.WINDOW};'
            f" color: {colors.MUTED}; border-style: dashed; }}"
        )
        self._placeholder: str | None = None
        self._showing_placeholder = False
        self._rms, self._peak = -96.0, -96.0
        self.set_level(-96.0, -96.0)

    @property
    def showing_placeholder(self) -> bool:
        return self._showing_placeholder

    def set_placeholder(self, text: str | None) -> None:
        """The text shown while there is nothing to meter (None: always the bar)."""
        self._placeholder = text
        self.set_level(self._rms, self._peak)

    def set_level(self, rms_dbfs: float, peak_dbfs: float) -> None:
        self._rms, self._peak = rms_dbfs, peak_dbfs
        value = int(max(0.0, min(RANGE_DB, RANGE_DB + rms_dbfs)))
        self.setValue(value)
        self._show_placeholder(self._placeholder is not None and value == 0)
        if self._showing_placeholder and self._placeholder is not None:
            self.setToolTip(self._placeholder)
            return
        self.setToolTip(
            self.tr("Microphone: %1 dBFS (peak %2 dBFS)")
            .replace("%1", f"{rms_dbfs:.0f}")
            .replace("%2", f"{peak_dbfs:.0f}")
        )

    def _show_placeholder(self, on: bool) -> None:
        if on == self._showing_placeholder and (not on or self.format() == self._placeholder):
            return
        self._showing_placeholder = on
        self.setProperty("placeholder", "true" if on else "false")
        self.setTextVisible(on)
        if on and self._placeholder is not None:
            self.setFormat(self._placeholder)
        self.setFixedHeight(18 if on else 8)
        self.style().unpolish(self)
        self.style().polish(self)
