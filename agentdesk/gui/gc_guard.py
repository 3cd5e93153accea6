"""Garbage collection on the GUI thread only.

Python's collector runs in whichever thread happens to allocate; with the embedded server and
worker threads allocating all the time, it may tear down Qt objects caught in reference
cycles from a non-GUI thread, which crashes Qt. Automatic collection is therefore switched off
and a timer on the GUI thread collects instead (the approach qutebrowser takes).

Start-up imports leave tens of thousands of long-lived objects (modules, classes, functions)
in the young generation while automatic collection is off; :meth:`GuiThreadCollector.settle`
moves what is alive at that moment out of the collector's sight (``gc.freeze``), so the
timer's young collections stay cheap instead of walking all of them once.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class GuiThreadCollector(QObject):
    """Collects the young generation often and everything now and then, on the GUI thread."""

    def __init__(
        self, parent: QObject | None = None, *, interval_ms: int = 500, full_every: int = 20
    ) -> None:
        super().__init__(parent)
        self._ticks = 0
        self._full_every = full_every
        self._was_enabled = gc.isenabled()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect)

    def start(self) -> None:
        """Collect on the GUI thread from now on (the app calls :meth:`settle` as well,
        once its start-up imports are in; not done here, where it would also keep garbage
        left by whatever ran before, e.g. an earlier test, until :meth:`stop`)."""
        gc.disable()
        self._timer.start()

    @staticmethod
    def settle() -> None:
        """Everything alive now is kept for good (imported modules and what they built):
        later collections skip it. Cheap (no traversal); call it after a batch of imports."""
        gc.freeze()

    def stop(self) -> None:
        self._timer.stop()
        gc.unfreeze()
        gc.collect()
        if self._was_enabled:
            gc.enable()

    def collect(self) -> None:
        self._ticks += 1
        if self._ticks % self._full_every == 0:
            gc.collect()
        elif gc.get_count()[0] > gc.get_threshold()[0]:
            gc.collect(0)
