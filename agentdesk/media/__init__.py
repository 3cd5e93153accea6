"""WebRTC audio for the softphone (later issues)."""
