"""Garbage is collected on the GUI thread by a timer, never by whichever thread allocates."""

from __future__ import annotations

import gc
import threading
import weakref

from pytestqt.qtbot import QtBot

from agentdesk.gui.gc_guard import GuiThreadCollector


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_collection_happens_on_the_gui_thread_and_gc_is_restored(qtbot: QtBot) -> None:
    assert gc.isenabled()
    collector = GuiThreadCollector(interval_ms=10, full_every=1)
    collector.start()
    try:
        assert not gc.isenabled()
        cycle = _Cycle()
        ref = weakref.ref(cycle)
        threads: list[str] = []

        def seen(phase: str, _info: object) -> None:
            if phase == "start":
                threads.append(threading.current_thread().name)

        gc.callbacks.append(seen)
        del cycle
        # Allocation in a worker thread must not collect the cycle there.
        worker = threading.Thread(target=lambda: [_Cycle() for _ in range(5000)], name="worker")
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: ref() is None, timeout=3000)
        assert threads and set(threads) == {threading.main_thread().name}
    finally:
        if seen in gc.callbacks:
            gc.callbacks.remove(seen)
        collector.stop()
    assert gc.isenabled()
