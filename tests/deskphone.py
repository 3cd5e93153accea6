"""An operator's softphone built from the desktop's own client stack, for live voice tests.

:class:`DeskPhone` is what the desktop runs for one operator, without the widgets: a
:class:`Session` (REST + event stream), :class:`CallsApi` for call control and media
signalling, and one :class:`OperatorLeg` per call on the file/null audio backend with a
test tone as its microphone. A ``media.sdp`` offer from the server is answered on the
call's leg and posted back, as the softphone controller does. What the leg plays is kept
by the backend, so a test can ask what the operator heard.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from agentdesk.client.cache import LocalCache
from agentdesk.client.calls import CallsApi
from agentdesk.client.rest import ApiClient
from agentdesk.client.session import Session
from agentdesk.client.stream import Backoff, ConnectionStatus
from agentdesk.domain.agent_state import AgentState
from agentdesk.media.devices import AudioDevices
from agentdesk.media.file_backend import FileBackend
from agentdesk.media.leg import OperatorLeg
from agentdesk.protocol.interactions import Interaction, InteractionStatus
from agentdesk.protocol.voice import MediaSdpData, SdpType
from tests.client.helpers import Recorder, until


class PhoneListener(Recorder):
    """The session's listener: records everything, keeps server-started SDP offers."""

    def __init__(self) -> None:
        super().__init__()
        self.sdp_offers: asyncio.Queue[MediaSdpData] = asyncio.Queue()
        self.sdp: list[MediaSdpData] = []

    def media_sdp(self, data: MediaSdpData) -> None:
        self.sdp.append(data)
        self.sdp_offers.put_nowait(data)


class DeskPhone:
    """One operator's desktop voice stack; ``hz`` is the tone their microphone sends."""

    def __init__(self, base_url: str, cache_path: Path, hz: float) -> None:
        self.api = ApiClient(base_url, timeout=10.0, retries=2, retry_wait=0.05)
        self.cache = LocalCache(cache_path)
        self.listener = PhoneListener()
        self.session = Session(
            self.api, self.cache, self.listener, backoff=Backoff(initial=0.05, cap=0.5)
        )
        self.calls = CallsApi(self.api)
        self.backend = FileBackend(tone_hz=hz)
        self.devices = AudioDevices(self.backend)
        self.legs: dict[str, OperatorLeg] = {}
        #: Interactions whose server-started offer this desk answered (and the server took).
        self.renegotiated: list[str] = []
        self._answering = asyncio.create_task(self._answer_server_offers())

    @property
    def id(self) -> str:
        assert self.session.profile is not None
        return self.session.profile.id

    async def start(self, username: str) -> None:
        await self.session.start(username, "demo")
        await until(lambda: self.session.status is ConnectionStatus.CONNECTED, what="stream")

    async def ready(self) -> None:
        await self.session.set_state(AgentState.READY)

    def held(self, interaction_id: str) -> Interaction | None:
        return self.session.interactions.get(interaction_id)

    async def offered(self, interaction_id: str, within: float = 15.0) -> Interaction:
        """Wait until the desktop shows the call offered (to them, or as a colleague's)."""

        def shown() -> bool:
            i = self.held(interaction_id)
            if i is None:
                return False
            asked = i.call is not None and any(p.agent_id == self.id for p in i.call.parties)
            return i.status is InteractionStatus.OFFERED or asked

        await until(shown, within=within, what=f"{interaction_id} offered on the desktop")
        found = self.held(interaction_id)
        assert found is not None
        return found

    async def answer(self, interaction_id: str) -> Interaction:
        """Accept as the softphone's Answer does, then bring the call's leg up."""
        accepted = await self.session.accept(interaction_id)
        await self.connect(interaction_id)
        return accepted

    async def connect(self, interaction_id: str) -> None:
        old = self.legs.pop(interaction_id, None)
        if old is not None:  # a leg the server closed (the call went to a colleague)
            await old.close()
        leg = self.legs[interaction_id] = OperatorLeg(self.devices)
        answer = await self.calls.send_offer(interaction_id, await leg.create_offer())
        await leg.apply_answer(answer)
        await until(lambda: leg.state == "connected", what="the operator's leg connects")

    async def _answer_server_offers(self) -> None:
        while True:
            data = await self.listener.sdp_offers.get()
            if data.type is not SdpType.OFFER:
                continue
            leg = self.legs.get(data.interaction_id)
            if leg is None:
                leg = self.legs[data.interaction_id] = OperatorLeg(self.devices)
            answer = await leg.answer_offer(data.sdp)
            await self.calls.send_answer(data.interaction_id, answer)
            self.renegotiated.append(data.interaction_id)

    # ---- what the operator heard ------------------------------------------------------

    def mark(self) -> int:
        return sum(p.written for p in self.backend.playbacks)

    def heard_since(self, mark: int) -> npt.NDArray[np.int16]:
        """What the speaker played since ``mark`` (from the newest playback)."""
        if not self.backend.playbacks:
            return np.zeros(0, dtype=np.int16)
        fresh = self.mark() - mark
        samples = self.backend.playbacks[-1].samples()
        return samples[-fresh:] if fresh > 0 else samples[:0]

    async def listen(self, seconds: float = 1.0) -> npt.NDArray[np.int16]:
        start = self.mark()
        await asyncio.sleep(seconds)
        return self.heard_since(start)

    async def close(self) -> None:
        self._answering.cancel()
        for leg in self.legs.values():
            await leg.close()
        await self.session.stop()
        await self.api.aclose()
        await self.cache.aclose()


async def hear_together(*ears: Any, seconds: float = 1.0, settle: float = 0.4) -> list[Any]:
    """What each ear (a DeskPhone or a VoicePeer) hears over the same ``seconds``."""
    await asyncio.sleep(settle)
    return list(await asyncio.gather(*(e.listen(seconds) for e in ears)))
