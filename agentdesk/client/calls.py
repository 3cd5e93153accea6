"""``CallsApi``: the desktop's voice calls over the same REST connection as everything else.

Media signalling (``POST /interactions/{id}/media``), call control (hold, resume, mute,
unmute, hangup, DTMF, transfer, conference) and outbound calls (``POST /calls``). Bodies are
built with the protocol's models, so a value the server would refuse (a DTMF ``"A"``) fails
here the same way, as :class:`ApiError` 422. Accept and reject stay on :class:`ApiClient`.
"""

from __future__ import annotations

import logging
from typing import Any

from pydantic import BaseModel, ValidationError

from agentdesk.client.rest import ApiClient, ApiError, new_key, validated
from agentdesk.protocol.interactions import Interaction
from agentdesk.protocol.voice import (
    ConferenceRequest,
    DtmfRequest,
    MediaSignal,
    OutboundCallRequest,
    SdpType,
    TargetType,
    TransferMode,
    TransferRequest,
)

log = logging.getLogger(__name__)

#: Call-control actions without a body.
SIMPLE_ACTIONS = ("hold", "resume", "mute", "unmute", "hangup")


def _path(interaction_id: str, action: str) -> str:
    from urllib.parse import quote

    return f"/interactions/{quote(interaction_id, safe='')}/{action}"


def _body(model: BaseModel) -> Any:
    return model.model_dump(mode="json", by_alias=True)


def _interaction(data: Any) -> Interaction | None:
    """The interaction a call-control answer carries, if it carries one."""
    if not isinstance(data, dict):
        return None
    candidate = data.get("interaction", data)
    try:
        return Interaction.model_validate(candidate)
    except ValidationError:
        return None


class CallsApi:
    """Voice calls; takes the desktop's one :class:`ApiClient`."""

    def __init__(self, api: ApiClient) -> None:
        self._api = api

    # ---- media signalling -------------------------------------------------------------

    async def send_offer(self, interaction_id: str, sdp: str) -> str:
        """The operator leg's offer -> the server's answer SDP."""
        body = validated(MediaSignal, type=SdpType.OFFER, sdp=sdp)
        data = await self._api.call(
            "POST", _path(interaction_id, "media"), json=_body(body), idempotency=new_key()
        )
        try:
            answer = MediaSignal.model_validate(data)
        except ValidationError as exc:
            raise ApiError(200, "bad_response", f"unexpected media answer: {exc}") from exc
        if answer.type is not SdpType.ANSWER:
            raise ApiError(200, "bad_response", "the server answered an offer with an offer")
        return answer.sdp

    async def send_answer(self, interaction_id: str, sdp: str) -> None:
        """The leg's answer to a ``media.sdp`` offer the server started."""
        body = validated(MediaSignal, type=SdpType.ANSWER, sdp=sdp)
        await self._api.call(
            "POST", _path(interaction_id, "media"), json=_body(body), idempotency=new_key()
        )

    # ---- call control -----------------------------------------------------------------

    async def action(self, interaction_id: str, action: str) -> Interaction | None:
        """``hold``, ``resume``, ``mute``, ``unmute`` or ``hangup``."""
        if action not in SIMPLE_ACTIONS:
            raise ValueError(f"not a call action: {action}")
        data = await self._api.call("POST", _path(interaction_id, action), idempotency=new_key())
        return _interaction(data)

    async def hold(self, interaction_id: str) -> Interaction | None:
        return await self.action(interaction_id, "hold")

    async def resume(self, interaction_id: str) -> Interaction | None:
        return await self.action(interaction_id, "resume")

    async def mute(self, interaction_id: str) -> Interaction | None:
        return await self.action(interaction_id, "mute")

    async def unmute(self, interaction_id: str) -> Interaction | None:
        return await self.action(interaction_id, "unmute")

    async def hangup(self, interaction_id: str) -> Interaction | None:
        return await self.action(interaction_id, "hangup")

    async def dtmf(self, interaction_id: str, digits: str) -> Interaction | None:
        body = validated(DtmfRequest, digits=digits)
        data = await self._api.call(
            "POST", _path(interaction_id, "dtmf"), json=_body(body), idempotency=new_key()
        )
        return _interaction(data)

    async def transfer(
        self,
        interaction_id: str,
        target_type: TargetType,
        target_id: str,
        mode: TransferMode = TransferMode.BLIND,
    ) -> Interaction | None:
        body = validated(TransferRequest, target_type=target_type, target_id=target_id, mode=mode)
        data = await self._api.call(
            "POST", _path(interaction_id, "transfer"), json=_body(body), idempotency=new_key()
        )
        return _interaction(data)

    async def conference(
        self, interaction_id: str, target_type: TargetType, target_id: str
    ) -> Interaction | None:
        body = validated(ConferenceRequest, target_type=target_type, target_id=target_id)
        data = await self._api.call(
            "POST", _path(interaction_id, "conference"), json=_body(body), idempotency=new_key()
        )
        return _interaction(data)

    async def dial(self, to: str, client_id: str) -> Interaction | None:
        """``POST /calls``: ring ``to`` with the client's caller id."""
        body = validated(OutboundCallRequest, to=to, client_id=client_id)
        data = await self._api.call("POST", "/calls", json=_body(body), idempotency=new_key())
        return _interaction(data)

    # ---- monitoring (team leader, tutor, admin) -----------------------------------------

    async def monitor(self, interaction_id: str, mode: str, sdp: str) -> str:
        """``POST .../monitor {mode, sdp}``: the monitor leg's offer -> the server's answer."""
        data = await self._api.call(
            "POST", _path(interaction_id, "monitor"), json={"mode": mode, "sdp": sdp},
            idempotency=new_key(),
        )  # fmt: skip
        answer = data.get("sdp") if isinstance(data, dict) else None
        if not isinstance(answer, str) or not answer:
            raise ApiError(200, "bad_response", "the server's monitor answer carries no SDP")
        return answer

    async def monitor_mode(self, interaction_id: str, mode: str) -> None:
        """``PUT .../monitor {mode}``: switch listen/whisper/barge without renegotiating."""
        await self._api.call("PUT", _path(interaction_id, "monitor"), json={"mode": mode})

    async def stop_monitor(self, interaction_id: str) -> None:
        """``DELETE .../monitor``: close the monitor's leg."""
        await self._api.call("DELETE", _path(interaction_id, "monitor"))
