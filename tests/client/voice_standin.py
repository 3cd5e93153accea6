"""A stand-in for the server's voice routes, exactly as ``PROTOCOL.md`` words them.

The reference server's media bridge is built in parallel; until it lands, the desktop's voice
client is tested against this small ASGI app: it answers ``/media`` offers with a real aiortc
peer playing a tone, applies call control to a held interaction, validates bodies with the
protocol's models (422 in the project's error shape), and records every request.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import ValidationError

from agentdesk.protocol.base import utcnow
from agentdesk.protocol.voice import (
    CallState,
    ConferenceRequest,
    DtmfRequest,
    MediaSignal,
    OutboundCallRequest,
    TransferRequest,
)
from tests.unit.media.peers import TonePeer

PREFIX = "/api/v1"


def voice_interaction(interaction_id: str = "call-1", **call: Any) -> dict[str, Any]:
    return {
        "id": interaction_id,
        "channel": "voice",
        "status": "active",
        "client": {"id": "lario", "name": "Lario Gas"},
        "queue": "lario-voice",
        "entry_point": "+39 031 000 111",
        "from_address": "+39 333 123 4567",
        "customer_name": "Maria Rossi",
        "created_at": utcnow().isoformat(),
        "accepted_at": utcnow().isoformat(),
        "call": CallState(talk_started_at=utcnow(), **call).model_dump(mode="json"),
    }


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


@dataclass
class VoiceStandIn:
    tone_hz: float = 660.0
    requests: list[tuple[str, str, Any]] = field(default_factory=list)
    peers: list[TonePeer] = field(default_factory=list)
    calls: dict[str, dict[str, Any]] = field(default_factory=dict)
    app: FastAPI = field(init=False)

    def __post_init__(self) -> None:
        self.calls["call-1"] = voice_interaction()
        app = FastAPI()
        self.app = app
        models = {
            "dtmf": DtmfRequest,
            "transfer": TransferRequest,
            "conference": ConferenceRequest,
        }

        @app.post(PREFIX + "/interactions/{iid}/{action}")
        async def control(iid: str, action: str, request: Request) -> Any:
            body = await request.json() if await request.body() else None
            self.requests.append((iid, action, body))
            if iid not in self.calls:
                return _error(404, "not_found", "no such interaction")
            try:
                if action == "media":
                    signal = MediaSignal.model_validate(body)
                    if signal.type == "offer":
                        peer = TonePeer(self.tone_hz)
                        self.peers.append(peer)
                        return {"type": "answer", "sdp": await peer.answer(signal.sdp)}
                    await self.peers[-1].apply_answer(signal.sdp)
                    return {"type": "answer", "sdp": signal.sdp}
                if action in models:
                    models[action].model_validate(body)
            except ValidationError as exc:
                return _error(422, "validation_error", str(exc.errors()[0]["msg"]))
            call = self.calls[iid]["call"]
            flags = {"hold": ("on_hold", True), "resume": ("on_hold", False)}
            flags |= {"mute": ("muted", True), "unmute": ("muted", False)}
            if action in flags:
                key, value = flags[action]
                call[key] = value
            elif action == "hangup":
                self.calls[iid]["status"] = "wrap_up"
            elif action not in models:
                return _error(404, "not_found", f"no action {action}")
            return self.calls[iid]

        @app.post(PREFIX + "/calls")
        async def dial(request: Request) -> Any:
            body = await request.json()
            self.requests.append(("", "calls", body))
            try:
                OutboundCallRequest.model_validate(body)
            except ValidationError as exc:
                return _error(422, "validation_error", str(exc.errors()[0]["msg"]))
            created = voice_interaction("call-out", direction="outbound", dialled=body["to"])
            self.calls["call-out"] = created
            return JSONResponse(created, status_code=201)

    async def close(self) -> None:
        for peer in self.peers:
            await peer.close()
