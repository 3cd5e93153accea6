"""``SoftphoneController``: the pane's intents become call control and media on the leg.

One :class:`OperatorLeg` per call the operator holds. A call that becomes active here (the
softphone's Answer, the list's Accept, an outbound call, a call found at sign-in) gets its
leg: offer, ``POST /media``, answer applied. A ``media.sdp`` offer from the server is
answered on the same leg. Signalling that could not reach the server (the connection was
lost) is kept and sent again when the stream is back; the call's state stays on screen.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from qasync import asyncSlot

from agentdesk.client.calls import CallsApi
from agentdesk.client.rest import NetworkError
from agentdesk.gui.controller import tracked
from agentdesk.gui.errors import EXPECTED, describe_error
from agentdesk.gui.ports import DeskSession
from agentdesk.gui.softphone.call_view import CallBook, Phase, phase_of
from agentdesk.gui.softphone.notify import CallNotifier
from agentdesk.media.devices import AudioDevices
from agentdesk.media.errors import LegError
from agentdesk.protocol.interactions import Interaction, InteractionStatus
from agentdesk.protocol.voice import MediaSdpData, SdpType, TargetType, TransferMode

if TYPE_CHECKING:  # WebRTC and numpy load with the first call, not with the window
    from agentdesk.media.leg import OperatorLeg
    from agentdesk.media.ringtone import Ringer

log = logging.getLogger(__name__)

LEVEL_MS = 50


class SoftphoneController(QObject):
    callChanged = Signal(object)  # the Interaction to show, or None
    busy = Signal(bool)
    levelChanged = Signal(float, float)  # rms, peak dBFS
    dialled = Signal()
    message = Signal(str, str)  # level, text

    def __init__(
        self,
        session: DeskSession,
        calls: CallsApi,
        devices: AudioDevices,
        notifier: CallNotifier | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._calls = calls
        self.devices = devices
        self._notifier = notifier
        self.book = CallBook()
        self.legs: dict[str, OperatorLeg] = {}
        self._ringer: Ringer | None = None
        self._notified: set[str] = set()
        self._online = True
        #: Interactions whose leg could not be signalled yet (no connection).
        self._pending_offer: set[str] = set()
        #: Answers to server offers not delivered yet, by interaction.
        self._pending_answer: dict[str, str] = {}
        self._tasks: set[asyncio.Task[Any]] = set()
        self._level = QTimer(self)
        self._level.setInterval(LEVEL_MS)
        self._level.timeout.connect(self._poll_level)
        self._level.start()

    @property
    def ringer(self) -> Ringer:
        """The ring tone player, made when the first call rings."""
        if self._ringer is None:
            from agentdesk.media.ringtone import Ringer

            self._ringer = Ringer(self.devices)
        return self._ringer

    def _new_leg(self) -> OperatorLeg:
        from agentdesk.media.leg import OperatorLeg

        return OperatorLeg(self.devices)

    # ---- what the session tells ---------------------------------------------------------

    def on_interaction(self, interaction: Interaction) -> None:
        interaction = self._as_seen_here(interaction)
        if not self.book.upsert(interaction):
            return
        phase = phase_of(interaction)
        outbound = interaction.call is not None and interaction.call.direction == "outbound"
        if phase is Phase.RINGING and not outbound and interaction.id not in self._notified:
            self._notified.add(interaction.id)
            who = interaction.customer_name or interaction.from_address
            if self._notifier is not None:
                self._notifier.notify(
                    self.tr("Incoming call"),
                    self.tr("%1 for %2").replace("%1", who).replace("%2", interaction.client.name),
                )
        if phase in (Phase.TALKING, Phase.HELD):
            self._ensure_media(interaction.id)
        elif phase is Phase.WRAP_UP:
            self._drop_leg(interaction.id)
        self._after_change()

    def _as_seen_here(self, interaction: Interaction) -> Interaction:
        """A colleague's call this operator is asked to join, as this desk should show it:
        ringing while the request is open, then talking (the customer's hold is the
        colleague's, not ours)."""
        profile = self._session.profile
        call = interaction.call
        if profile is None or call is None or interaction.agent_id in (None, profile.id):
            return interaction
        mine = next((p for p in call.parties if p.agent_id == profile.id), None)
        if mine is None or interaction.status is not InteractionStatus.ACTIVE:
            return interaction
        status = InteractionStatus.OFFERED if mine.status == "offered" else InteractionStatus.ACTIVE
        return interaction.model_copy(
            update={"status": status, "call": call.model_copy(update={"on_hold": False})}
        )

    def on_removed(self, interaction_id: str) -> None:
        self.book.remove(interaction_id)
        self._drop_leg(interaction_id)
        self._after_change()

    def on_connection(self, status: str, _detail: str = "") -> None:
        was_online, self._online = self._online, status == "connected"
        if self._online and not was_online:
            self._resume_signalling()

    @asyncSlot(object)
    @tracked
    async def on_media_sdp(self, data: MediaSdpData) -> None:
        if data.type is not SdpType.OFFER:
            log.info(
                "media.sdp %s for %s ignored: answers come with POST /media",
                data.type,
                data.interaction_id,
            )
            return
        leg = self.legs.get(data.interaction_id)
        if leg is None:
            if self.book.get(data.interaction_id) is None:
                log.warning("media.sdp for a call not held here (%s), ignored", data.interaction_id)
                return
            leg = self.legs[data.interaction_id] = self._new_leg()
        try:
            answer = await leg.answer_offer(data.sdp)
        except LegError as exc:
            self.message.emit(
                "warning",
                self.tr("The call's audio could not be renegotiated: %1").replace("%1", str(exc)),
            )
            return
        self._pending_answer[data.interaction_id] = answer
        await self._send_answer(data.interaction_id)

    # ---- the operator's intents -------------------------------------------------------

    @asyncSlot(str)
    @tracked
    async def answer(self, interaction_id: str) -> None:
        await self._act(self._session.accept(interaction_id), "accept")

    @asyncSlot(str)
    @tracked
    async def reject(self, interaction_id: str) -> None:
        await self._act(self._session.reject(interaction_id), "reject")

    @asyncSlot(str)
    @tracked
    async def hangup(self, interaction_id: str) -> None:
        await self._act(self._calls.hangup(interaction_id), "hangup")

    @asyncSlot(str, bool)
    @tracked
    async def hold(self, interaction_id: str, hold: bool) -> None:
        call = self._calls.hold if hold else self._calls.resume
        await self._act(call(interaction_id), "hold")

    @asyncSlot(str, bool)
    @tracked
    async def mute(self, interaction_id: str, mute: bool) -> None:
        call = self._calls.mute if mute else self._calls.unmute
        if await self._act(call(interaction_id), "mute"):
            leg = self.legs.get(interaction_id)
            if leg is not None:
                leg.muted = mute  # silenced here too: nothing leaves the desk

    @asyncSlot(str, str)
    @tracked
    async def dtmf(self, interaction_id: str, digits: str) -> None:
        await self._act(self._calls.dtmf(interaction_id, digits), "dtmf", busy=False)

    @asyncSlot(str, str, str, str)
    @tracked
    async def transfer(self, interaction_id: str, kind: str, target: str, mode: str) -> None:
        call = self._calls.transfer(interaction_id, TargetType(kind), target, TransferMode(mode))
        await self._act(call, "transfer")

    @asyncSlot(str, str, str)
    @tracked
    async def conference(self, interaction_id: str, kind: str, target: str) -> None:
        await self._act(
            self._calls.conference(interaction_id, TargetType(kind), target), "conference"
        )

    @asyncSlot(str, str)
    @tracked
    async def dial(self, number: str, client_id: str) -> None:
        if await self._act(self._calls.dial(number, client_id), "dial"):
            self.dialled.emit()

    def choose_input(self, device_id: str) -> None:
        self.devices.choose_input(device_id)

    def choose_output(self, device_id: str) -> None:
        self.devices.choose_output(device_id)

    # ---- lifecycle --------------------------------------------------------------------

    async def aclose(self) -> None:
        self._closed = True  # see gui.controller.tracked
        self._level.stop()
        tasks = [t for t in self._tasks if not t.done()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        if self._ringer is not None:
            await self._ringer.stop()
        for leg in list(self.legs.values()):
            await leg.close()
        self.legs.clear()
        if self._notifier is not None:
            self._notifier.close()

    # ---- internals --------------------------------------------------------------------

    async def _act(self, call: Awaitable[object], name: str, *, busy: bool = True) -> bool:
        if busy:
            self.busy.emit(True)
        try:
            result = await call
        except EXPECTED as exc:
            self.message.emit("warning", describe_error(exc))
            return False
        except Exception as exc:
            log.exception("softphone %s failed", name)
            self.message.emit("error", describe_error(exc))
            return False
        finally:
            if busy:
                self.busy.emit(False)
        if isinstance(result, Interaction):
            self.on_interaction(result)
        return True

    def _after_change(self) -> None:
        if any(c.call is None or c.call.direction != "outbound" for c in self.book.ringing()):
            if not self.ringer.ringing:
                self.ringer.start()
        elif self._ringer is not None and self._ringer.ringing:
            self._spawn(self.ringer.stop)
        self.callChanged.emit(self.book.current())

    def _ensure_media(self, interaction_id: str) -> None:
        if interaction_id in self.legs:
            return
        self.legs[interaction_id] = self._new_leg()
        self._spawn(lambda: self._offer(interaction_id))

    async def _offer(self, interaction_id: str) -> None:
        leg = self.legs.get(interaction_id)
        if leg is None or leg.closed:
            return
        try:
            sdp = await leg.create_offer()
            answer = await self._calls.send_offer(interaction_id, sdp)
            await leg.apply_answer(answer)
            self._pending_offer.discard(interaction_id)
        except NetworkError:
            # Try again with a fresh leg once the server is back. The swap happens before
            # any await, so a reconnection arriving meanwhile finds the fresh leg.
            if self.legs.get(interaction_id) is leg:
                self._pending_offer.add(interaction_id)
                self.legs[interaction_id] = self._new_leg()
            await leg.close()
        except LegError as exc:
            self._media_failed(interaction_id, str(exc))
        except EXPECTED as exc:
            self._media_failed(interaction_id, describe_error(exc))

    def _media_failed(self, interaction_id: str, reason: str) -> None:
        log.warning("call %s: media set-up failed: %s", interaction_id, reason)
        text = self.tr("The call's audio could not start: %1").replace("%1", reason)
        self.message.emit("warning", text)

    async def _send_answer(self, interaction_id: str) -> None:
        answer = self._pending_answer.get(interaction_id)
        if answer is None:
            return
        try:
            await self._calls.send_answer(interaction_id, answer)
            self._pending_answer.pop(interaction_id, None)
        except NetworkError:
            log.info("call %s: answer kept until the server is back", interaction_id)
        except EXPECTED as exc:
            self._pending_answer.pop(interaction_id, None)
            self.message.emit("warning", describe_error(exc))

    def _resume_signalling(self) -> None:
        for interaction_id in list(self._pending_offer):
            self._spawn(functools.partial(self._offer, interaction_id))
        for interaction_id in list(self._pending_answer):
            self._spawn(functools.partial(self._send_answer, interaction_id))

    def _drop_leg(self, interaction_id: str) -> None:
        self._pending_offer.discard(interaction_id)
        self._pending_answer.pop(interaction_id, None)
        leg = self.legs.pop(interaction_id, None)
        if leg is not None:
            self._spawn(leg.close)

    def _spawn(self, factory: Callable[[], Awaitable[None]]) -> None:
        async def run() -> None:
            try:
                await factory()
            except Exception:
                log.exception("softphone background step failed")

        task = asyncio.ensure_future(run())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _poll_level(self) -> None:
        meter = self.devices.meter
        self.levelChanged.emit(meter.rms_dbfs, meter.peak_dbfs)
