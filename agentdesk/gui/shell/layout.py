"""Saving and restoring the window's geometry and dock layout with QSettings."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

#: bump when the set of docks changes, so an old saved layout is not applied to new panes
LAYOUT_VERSION = 1
_GEOMETRY = "window/geometry"
_STATE = "window/state"


def save_layout(window: QMainWindow, settings: QSettings) -> None:
    settings.setValue(_GEOMETRY, window.saveGeometry())
    settings.setValue(_STATE, window.saveState(LAYOUT_VERSION))
    settings.sync()


def restore_layout(window: QMainWindow, settings: QSettings) -> bool:
    """Apply a saved layout; False (and nothing changed) when there is none that fits."""
    geometry = settings.value(_GEOMETRY)
    state = settings.value(_STATE)
    restored = False
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        restored = window.restoreGeometry(geometry)
    if isinstance(state, QByteArray) and not state.isEmpty():
        restored = window.restoreState(state, LAYOUT_VERSION) and restored
    return restored


def restore_geometry(window: QMainWindow, settings: QSettings) -> bool:
    """Only the saved size and position (the shell of the window, before its docks exist)."""
    geometry = settings.value(_GEOMETRY)
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        return window.restoreGeometry(geometry)
    return False
