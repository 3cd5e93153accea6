"""Emitting a signal must not eat references to Python's shared objects.

PySide6-Essentials 6.12.0 drops one reference to ``True`` on every ``Signal.emit`` called
from Python. On Python 3.11 (where ``True`` is not immortal) the desktop then dies with
"Fatal Python error: bool_dealloc" after a few thousand emissions — minutes into a shift, as
the chaos test found (tests/chaos). pyproject.toml excludes that release; this test keeps a
future one from bringing the bug back.
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication


class _Emitter(QObject):
    changed = Signal(object)
    pair = Signal(str, bool)


def _counts() -> tuple[int, int, int]:
    gc.collect()
    return sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)


def test_emitting_signals_keeps_the_refcounts_of_true_false_and_none(qapp: QApplication) -> None:
    emitter = _Emitter()
    heard: list[object] = []
    emitter.changed.connect(heard.append)
    emitter.pair.connect(lambda text, flag: heard.append((text, flag)))
    before = _counts()
    # Fewer emissions than True has references, so a leaking build fails here, not crashes.
    for i in range(40):
        emitter.changed.emit(None if i % 2 else i)
        emitter.pair.emit("x", i % 2 == 0)
    heard.clear()
    after = _counts()
    # A leaking build loses a reference per emission (40 here); other objects of the
    # process may let go of one or two meanwhile, which is no leak.
    drift = [a - b for a, b in zip(after, before, strict=True)]
    assert all(d > -5 for d in drift), (before, after)
