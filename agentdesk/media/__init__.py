"""WebRTC audio for the softphone: the operator's leg (aiortc) and one audio device layer.

No Qt here: the GUI and the server's bridge both use it.
"""
