"""Simulated callers: they phone the demo numbers, wait with queue audio, give up when they
wait too long, talk to the operator (Italian speech), hang up; they also pick up outbound
calls. Everything goes through the real gateway over HTTP on loopback, with real aiortc
legs, like a telephony gateway would.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import random
from typing import Any

import httpx
from aiortc import MediaStreamTrack, RTCPeerConnection, RTCSessionDescription
from aiortc.mediastreams import MediaStreamError
from websockets.asyncio.client import connect
from websockets.exceptions import WebSocketException

from agentdesk.protocol.gateway import GatewayEventType as G
from agentdesk.server.media.ice import peer_connection, prefer_contract_codecs
from agentdesk.server.simulator.voice_audio import SpeakingTrack, Voices

log = logging.getLogger(__name__)

GATEWAY = "/api/v1/gateway"
PATIENCE_S = (45.0, 120.0)
TALK_S = (40.0, 120.0)
MAX_CALLS = 4


class VoiceSimulator:
    """Callers acting through the gateway of the server at ``base_url``."""

    def __init__(
        self,
        base_url: str,
        gateway_key: str,
        *,
        rate_per_min: float = 1.0,
        seed: int | None = None,
        time_scale: float = 1.0,
        first_call_s: float = 20.0,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._key = gateway_key
        self.rate_per_min = rate_per_min
        self._rng = random.Random(seed)
        self._scale = time_scale
        #: The first call comes soon after start (the embedded default shows one quickly).
        self._first_call_s = first_call_s
        self._voices = Voices()
        self._calls: dict[str, asyncio.Queue[dict[str, Any]]] = {}
        self._tasks: set[asyncio.Task[None]] = set()
        self._http: httpx.AsyncClient | None = None
        #: Audio frames the callers heard (queue audio, the operator): every received frame
        #: is read, as a telephone plays it; aiortc keeps unread frames in memory for good.
        self.heard_frames = 0

    async def run(self) -> None:
        self._http = httpx.AsyncClient(
            base_url=self.base_url,
            headers={"X-Gateway-Key": self._key},
            timeout=15,
            verify=self.base_url.startswith("https://"),  # no CA bundle to load for http
        )
        listener = asyncio.create_task(self._listen(), name="voice-simulator-ws")
        try:
            await self._voices.load()
            numbers = await self._numbers()
            if not numbers:
                log.warning("voice simulator: no voice entry points; no calls")
                await asyncio.Event().wait()
            await asyncio.sleep(self._first_call_s)
            while True:
                if len(self._calls) < MAX_CALLS:
                    self._spawn(self._caller(self._rng.choice(numbers)))
                await asyncio.sleep(self._rng.expovariate(self.rate_per_min / 60.0))
        finally:
            listener.cancel()
            tasks = [*self._tasks, listener]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            await self._http.aclose()

    def _spawn(self, coro: Any) -> None:
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _numbers(self) -> list[str]:
        answer = await self._request("GET", "/entry-points")
        items = answer.get("items", []) if answer else []
        return [str(i["address"]) for i in items if i.get("kind") == "voice"]

    def _leg(self) -> RTCPeerConnection:
        pc = peer_connection()
        track = SpeakingTrack(self._voices.phrases, self._rng.randrange(1 << 30))
        prefer_contract_codecs(pc.addTransceiver(track, direction="sendrecv"))
        pc.on("track", lambda heard: self._spawn(self._listen_to(heard)))
        return pc

    async def _listen_to(self, track: MediaStreamTrack) -> None:
        """Read what the caller hears until the call ends (the customer's ear)."""
        with contextlib.suppress(MediaStreamError):
            while True:
                await track.recv()
                self.heard_frames += 1

    async def _caller(self, number: str) -> None:
        """Call, wait (or give up), talk, hang up."""
        pc = self._leg()
        interaction_id = ""
        try:
            await pc.setLocalDescription(await pc.createOffer())
            phone = f"+39 3{self._rng.randrange(10**8, 10**9)}"
            answer = await self._request(
                "POST", "/calls", {"from": phone, "to": number, "sdp": pc.localDescription.sdp}
            )
            if answer is None:
                return
            interaction_id = str(answer["interaction_id"])
            inbox = self._calls.setdefault(interaction_id, asyncio.Queue())
            await pc.setRemoteDescription(RTCSessionDescription(answer["sdp"], "answer"))
            patience = self._rng.uniform(*PATIENCE_S) * self._scale
            if not await self._wait_for(inbox, G.CALL_ANSWERED, patience):
                log.info("voice simulator: %s waited too long and hangs up", interaction_id)
                return
            await self._wait_for(inbox, G.CALL_ENDED, self._rng.uniform(*TALK_S) * self._scale)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("voice simulator: a caller failed")
        finally:
            if interaction_id:
                self._calls.pop(interaction_id, None)
                await self._request("POST", f"/calls/{interaction_id}/hangup")
            await pc.close()

    async def _callee(self, interaction_id: str) -> None:
        """Pick up an outbound call after a few rings, talk, hang up."""
        inbox = self._calls.setdefault(interaction_id, asyncio.Queue())
        pc = self._leg()
        try:
            await asyncio.sleep(self._rng.uniform(2.0, 5.0) * self._scale)
            await pc.setLocalDescription(await pc.createOffer())
            answer = await self._request(
                "POST", f"/calls/{interaction_id}/answer", {"sdp": pc.localDescription.sdp}
            )
            if answer is None:
                return
            await pc.setRemoteDescription(RTCSessionDescription(answer["sdp"], "answer"))
            await self._wait_for(inbox, G.CALL_ENDED, self._rng.uniform(*TALK_S) * self._scale)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("voice simulator: an outbound callee failed")
        finally:
            self._calls.pop(interaction_id, None)
            await self._request("POST", f"/calls/{interaction_id}/hangup")
            await pc.close()

    async def _wait_for(self, inbox: asyncio.Queue[dict[str, Any]], kind: G, within: float) -> bool:
        """True when ``kind`` arrives in time; a ``call.ended`` ends any wait (False)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within
        while (left := deadline - loop.time()) > 0:
            try:
                event = await asyncio.wait_for(inbox.get(), left)
            except TimeoutError:
                return False
            if event.get("type") == kind.value:
                return True
            if event.get("type") == G.CALL_ENDED.value:
                return False
        return False

    async def _listen(self) -> None:
        ws_url = self.base_url.replace("http", "ws", 1) + f"{GATEWAY}/ws"
        while True:
            try:
                async with connect(ws_url, additional_headers={"X-Gateway-Key": self._key}) as ws:
                    async for raw in ws:
                        self._dispatch(raw)
            except asyncio.CancelledError:
                raise
            except (OSError, WebSocketException, TimeoutError) as exc:
                log.info("voice simulator: gateway websocket unavailable: %s", exc)
            await asyncio.sleep(1.0)

    def _dispatch(self, raw: str | bytes) -> None:
        try:
            event: Any = json.loads(raw)
        except ValueError:
            return
        if not isinstance(event, dict) or not str(event.get("type", "")).startswith("call."):
            return
        interaction_id = str(event.get("interaction_id", ""))
        if event["type"] == G.CALL_OUTBOUND.value:
            self._spawn(self._callee(interaction_id))
            return
        inbox = self._calls.get(interaction_id)
        if inbox is not None:
            inbox.put_nowait(event)

    async def _request(
        self, method: str, path: str, body: dict[str, object] | None = None
    ) -> dict[str, Any] | None:
        http = self._http
        if http is None:
            return None
        with contextlib.suppress(httpx.HTTPError):
            response = await http.request(method, f"{GATEWAY}{path}", json=body)
            if response.status_code < 400:
                answer: Any = response.json()
                return answer if isinstance(answer, dict) else {}
            log.info("voice simulator: %s %s -> %d", method, path, response.status_code)
        return None
