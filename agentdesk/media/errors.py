"""Errors of the media layer, importable without loading WebRTC or numpy."""

from __future__ import annotations


class LegError(Exception):
    """An SDP the leg cannot use (garbage, no audio, no common codec)."""
