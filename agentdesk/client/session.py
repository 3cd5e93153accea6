"""``Session``: the desktop's whole connection to one backend, with no Qt in it.

It signs in, loads the operator's profile and active interactions over REST, keeps them
current from the event stream, sends the operator's mutations (chat replies, wrap-ups,
notes) through the outbox, and tells a :class:`SessionListener` about every change. All of
it runs on the event loop's thread (the GUI thread under qasync), and so do the listener's
callbacks.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

from agentdesk.client.cache import LocalCache, OutboxRecord, StreamPosition
from agentdesk.client.inflight import InFlight
from agentdesk.client.listener import SessionListener
from agentdesk.client.outbox import Outbox, OutboxKind, new_idempotency_key
from agentdesk.client.outbox_pump import OutboxPump
from agentdesk.client.rest import ApiClient, ApiError, NetworkError, validated
from agentdesk.client.sign_in import FirstLoad, first_load, sign_in
from agentdesk.client.snapshot import DeskSnapshot, decode, encode
from agentdesk.client.stream import Backoff, ConnectionStatus, EventStream
from agentdesk.domain.agent_state import AgentState, NotReadyReason
from agentdesk.protocol.agents import AgentProfile, AgentStateView
from agentdesk.protocol.base import utcnow
from agentdesk.protocol.customers import (
    Accounts,
    Customer,
    CustomerNoteRequest,
    TimelinePage,
)
from agentdesk.protocol.events import (
    AgentStateData,
    Event,
    EventType,
    InteractionData,
    InteractionEndedData,
    MessageReceivedData,
    QueueStatsData,
    SystemNoticeData,
)
from agentdesk.protocol.interactions import (
    Direction,
    Interaction,
    InteractionStatus,
    Message,
    SendMessageRequest,
    WrapupRequest,
)
from agentdesk.protocol.kb import KbUrgentData
from agentdesk.protocol.nba import NbaSuggestedData
from agentdesk.protocol.voice import MediaSdpData

log = logging.getLogger(__name__)

#: Events of the people features, handed to the listener's optional ``people_event``.
PEOPLE_EVENTS = frozenset(
    {
        EventType.KPI_UPDATED,
        EventType.SCORE_UPDATED,
        EventType.TEAM_LIVE,
        EventType.REVIEW_REQUESTED,
        EventType.REVIEW_COMPLETED,
        EventType.AGENT_MESSAGE,
    }
)
#: An interaction in one of these states is no longer the operator's to show.
_GONE = frozenset({InteractionStatus.CLOSED, InteractionStatus.ABANDONED, InteractionStatus.QUEUED})


class Session:
    """Signs in, mirrors the operator's state, relays actions; see the module docstring."""

    def __init__(
        self,
        api: ApiClient,
        cache: LocalCache,
        listener: SessionListener,
        *,
        heartbeat_timeout: float = 30.0,
        backoff: Backoff | None = None,
        outbox_retry_cap: float = 30.0,
        snapshot_key: str | None = None,
    ) -> None:
        """``snapshot_key`` names the server in the cache's last picture of the desk
        (default: its URL; the embedded default, whose port changes, passes its own)."""
        self.api = api
        self.cache = cache
        self.listener = listener
        self.profile: AgentProfile | None = None
        self.interactions: dict[str, Interaction] = {}
        self.stream: EventStream | None = None
        self.outbox: Outbox | None = None
        self._heartbeat_timeout = heartbeat_timeout
        self._backoff = backoff
        self._status = ConnectionStatus.OFFLINE
        self._pump = OutboxPump(
            lambda: self.outbox is not None and self._status is ConnectionStatus.CONNECTED,
            outbox_retry_cap,
        )
        self._stopping = False
        #: Callers awaiting the first delivery attempt of their outbox entry, by key.
        self._waiting: dict[str, asyncio.Future[Any]] = {}
        self.snapshot_key = snapshot_key or api.base_url
        #: True from showing the last known picture until live data has replaced it.
        self.refreshing = False
        #: REST actions under way, and whether the stream has overtaken them (see _act).
        self._inflight = InFlight()
        #: Fire-and-forget work (the snapshot after a start), kept referenced until done.
        self._background: set[asyncio.Task[None]] = set()

    @property
    def status(self) -> ConnectionStatus:
        return self._status

    @property
    def signed_in(self) -> bool:
        return self.stream is not None

    async def show_last_known(self, username: str) -> bool:
        """Show what the cache knows of this account (profile, open interactions) at once,
        before signing in; ``start`` then replaces it in place. Whether there was anything.

        The agent state is not shown from the cache: a stale "Ready" would mislead.
        """
        if self.profile is not None:
            return False
        try:
            snapshot = decode(await self.cache.snapshot_load(self.snapshot_key, username))
        except Exception:
            log.warning("could not read the desk's last picture", exc_info=True)
            return False
        if snapshot is None:
            return False
        self.refreshing = True
        self.profile = snapshot.profile.model_copy(update={"state": None})
        with self._guard("profile_changed"):
            self.listener.profile_changed(self.profile)
        for interaction in snapshot.interactions:
            self.interactions[interaction.id] = interaction
            with self._guard("interaction_changed"):
                self.listener.interaction_changed(interaction)
        self._set_status(ConnectionStatus.CONNECTING, "refreshing")
        return True

    async def _save_snapshot(self) -> None:
        profile = self.profile
        if profile is None:
            return
        snapshot = DeskSnapshot(
            saved_at=utcnow(), profile=profile, interactions=list(self.interactions.values())
        )
        try:
            await self.cache.snapshot_save(self.snapshot_key, profile.username, encode(snapshot))
        except Exception:
            log.warning("could not save the desk's last picture", exc_info=True)

    # ---- lifecycle --------------------------------------------------------------------

    async def start(
        self, username: str, password: str, early: Awaitable[FirstLoad] | None = None
    ) -> None:
        """Sign in, load profile and active interactions, start the stream, replay the outbox.

        ``early``: a sign-in already under way on this session's client with these
        credentials (:class:`~agentdesk.client.sign_in.EarlySignIn`); its load is applied.
        Raises :class:`ApiError` (e.g. 401 wrong password) or :class:`NetworkError`; on
        failure nothing keeps running.
        """
        if self.stream is not None:
            await self.stop()
        loaded = await (early if early is not None else sign_in(self.api, username, password))
        try:
            profile = loaded.profile
            server = self.api.base_url
            position = StreamPosition(self.cache, server, profile.id)
            # The cache is read before the load is shown: from then on nothing here waits,
            # and the desk is up with the load (the snapshot is written in the background).
            since = await self._skip_loaded_events(position, profile.last_seq)
            self.outbox = Outbox(
                self.api,
                self.cache,
                server,
                profile.id,
                on_delivered=self._delivered,
                on_dropped=self._dropped,
            )
            self.stream = EventStream(
                self.api.ws_url,
                self.api.valid_token,
                position,
                self,
                heartbeat_timeout=self._heartbeat_timeout,
                backoff=self._backoff,
            )
            self._show_load(loaded)
            await self.stream.start(since)  # no wait: it connects in the background
        except BaseException:
            await self._teardown()
            raise
        self._snapshot_soon()
        self._pump.kick(self.outbox)

    @staticmethod
    async def _skip_loaded_events(position: StreamPosition, loaded_at: int | None) -> int:
        """Resume the stream where the REST load was read: the events before it are already
        on screen, and replaying them (an offer that has since ended, say) would flicker.
        A stored position beyond the server's is left for the stream's resync. Returns
        where the stream starts."""
        stored = await position.load()
        if loaded_at is None or stored >= loaded_at:
            return stored
        await position.save(loaded_at)
        return loaded_at

    async def stop(self) -> None:
        """Stop the stream and the outbox (kept for the next start), sign out."""
        signed_in = self.stream is not None
        if signed_in:
            await self._save_snapshot()
        await self._teardown()
        if signed_in:
            with contextlib.suppress(ApiError, NetworkError, TimeoutError):
                await asyncio.wait_for(self.api.logout(), timeout=3.0)
        self._set_status(ConnectionStatus.OFFLINE, "signed out")

    async def _teardown(self) -> None:
        stream, self.stream = self.stream, None
        if stream is not None:
            self._stopping = True
            try:
                await stream.stop()
            finally:
                self._stopping = False
        await self._pump.stop()
        for future in self._waiting.values():
            future.cancel()
        self._waiting.clear()
        self.outbox = None
        for task in list(self._background):  # e.g. the start's snapshot: let it land
            with contextlib.suppress(Exception):
                await task

    # ---- actions ----------------------------------------------------------------------

    async def set_state(
        self, state: AgentState, reason: NotReadyReason | None = None
    ) -> AgentStateView:
        view = await self.api.set_state(state, reason)
        self._apply_state(view)
        return view

    async def accept(self, interaction_id: str) -> Interaction:
        return await self._act(interaction_id, self.api.accept)

    async def reject(self, interaction_id: str) -> Interaction:
        return await self._act(interaction_id, self.api.reject)

    async def hangup(self, interaction_id: str) -> Interaction:
        return await self._act(interaction_id, self.api.hangup)

    async def _act(
        self, interaction_id: str, call: Callable[[str], Awaitable[Interaction]]
    ) -> Interaction:
        """Run a REST action and apply its answer — unless the stream brought news of this
        interaction meanwhile: then the answer may be older than what we hold (a slow
        answer, or a replay of a retried request), and the stream, which carries this
        action's own event too, stays the judge. Returns the server's answer either way."""
        token = self._inflight.begin(interaction_id)
        try:
            answer = await call(interaction_id)
        finally:
            fresh = self._inflight.end(interaction_id, token)
        if fresh:
            self._apply_interaction(answer)
        else:
            log.debug("answer about %s is older than the stream's news; not applied", answer.id)
        return answer

    def _news_about(self, interaction_id: str | None = None) -> None:
        """The stream (or a reload) told us something about an interaction (None: all)."""
        self._inflight.news(interaction_id)

    async def send_message(self, interaction_id: str, text: str) -> str:
        """Queue a chat reply; returns its idempotency key.

        The message shows at once (``message_added(..., pending=True)``, its id is the key)
        and is confirmed by ``message_confirmed`` when the server has stored it. Raises
        :class:`ApiError` if the server refuses it on the first attempt (the entry is then
        dropped); if the server cannot be reached the message stays queued and is sent
        after the reconnect.
        """
        _, profile = self._require()
        key = new_idempotency_key()
        validated(SendMessageRequest, text=text, idempotency_key=key)  # refuse it here already
        optimistic = Message(
            id=key,
            interaction_id=interaction_id,
            direction=Direction.OUTBOUND,
            author=profile.name,
            text=text,
            ts=utcnow(),
        )
        await self._queue(OutboxKind.MESSAGE, interaction_id, {"text": text}, key, optimistic)
        return key

    async def wrapup(
        self, interaction_id: str, disposition: str, notes: str, resolved: bool
    ) -> str:
        """Queue the wrap-up; returns its idempotency key (errors as for send_message)."""
        self._require()
        key = new_idempotency_key()
        validated(
            WrapupRequest,
            disposition=disposition,
            notes=notes,
            resolved=resolved,
            idempotency_key=key,
        )
        payload = {"disposition": disposition, "notes": notes, "resolved": resolved}
        await self._queue(OutboxKind.WRAPUP, interaction_id, payload, key)
        return key

    async def add_note(self, customer_id: str, text: str) -> str:
        """Queue a note on the customer; returns its idempotency key."""
        self._require()
        key = new_idempotency_key()
        validated(CustomerNoteRequest, text=text, idempotency_key=key)
        await self._queue(OutboxKind.NOTE, customer_id, {"text": text}, key)
        return key

    async def customer(self, customer_id: str) -> Customer:
        return await self.api.customer(customer_id)

    async def timeline(self, customer_id: str, before: str | None = None) -> TimelinePage:
        return await self.api.timeline(customer_id, before=before)

    async def accounts(self, customer_id: str) -> Accounts:
        return await self.api.accounts(customer_id)

    # ---- outbox -----------------------------------------------------------------------

    def _require(self) -> tuple[Outbox, AgentProfile]:
        if self.outbox is None or self.profile is None:
            raise ApiError(401, "unauthorized", "not signed in")
        return self.outbox, self.profile

    async def _queue(
        self,
        kind: OutboxKind,
        target_id: str,
        payload: dict[str, Any],
        key: str,
        optimistic: Message | None = None,
    ) -> None:
        """Store the mutation, then try to deliver it now; raise the server's refusal.

        A transport failure is not an error here: the entry waits in the outbox.
        """
        outbox, _ = self._require()
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._waiting[key] = future
        try:
            await outbox.submit(kind, target_id, payload, key)
            if optimistic is not None:
                with self._guard("message_added"):
                    self.listener.message_added(optimistic, True)
            if not await outbox.flush() and self._status is ConnectionStatus.CONNECTED:
                self._pump.kick(self.outbox)  # otherwise the next (re)connect does it
        finally:
            self._waiting.pop(key, None)
        if future.done() and not future.cancelled():
            error = future.exception()
            if error is not None:
                raise error

    def _delivered(self, entry: OutboxRecord, answer: Any) -> None:
        waiter = self._waiting.get(entry.idempotency_key)
        if waiter is not None and not waiter.done():
            waiter.set_result(answer)
        if isinstance(answer, Message):
            self._confirm_message(entry.idempotency_key, answer)
        elif isinstance(answer, Interaction):
            self._apply_interaction(answer)

    def _dropped(self, entry: OutboxRecord, error: ApiError) -> None:
        if entry.kind == OutboxKind.MESSAGE:
            # Optional listener hook: the pending bubble (id == key) will never be confirmed.
            failed = getattr(self.listener, "message_failed", None)
            if callable(failed):
                with self._guard("message_failed"):
                    failed(entry.target_id, entry.idempotency_key, error.message)
        waiter = self._waiting.get(entry.idempotency_key)
        if waiter is not None and not waiter.done():
            waiter.set_exception(error)  # the caller reports it
            return
        what = {"message": "A chat message", "wrapup": "A wrap-up", "note": "A note"}
        text = f"{what.get(entry.kind, entry.kind)} was refused by the server: {error.message}"
        with self._guard("error"):
            self.listener.error(text)

    def _confirm_message(self, key: str, message: Message) -> None:
        self._remember_message(message)
        with self._guard("message_confirmed"):
            self.listener.message_confirmed(key, message)

    # ---- applying state ---------------------------------------------------------------

    async def _load(self) -> None:
        """Profile and active interactions over REST, announced to the listener."""
        await self._apply_load(await first_load(self.api))

    async def _apply_load(self, loaded: FirstLoad) -> None:
        self._show_load(loaded)
        await self._save_snapshot()

    def _show_load(self, loaded: FirstLoad) -> None:
        """Put a load in place and tell the listener (the snapshot is the caller's)."""
        profile, interactions = loaded.profile, loaded.interactions
        self._news_about(None)
        self.profile = profile
        with self._guard("profile_changed"):
            self.listener.profile_changed(profile)
        if profile.state is not None:
            with self._guard("state_changed"):
                self.listener.state_changed(profile.state)
        fresh = {i.id: i for i in interactions if i.status not in _GONE}
        for gone in [iid for iid in self.interactions if iid not in fresh]:
            del self.interactions[gone]
            with self._guard("interaction_removed"):
                self.listener.interaction_removed(gone)
        for interaction in fresh.values():
            self.interactions[interaction.id] = interaction
            with self._guard("interaction_changed"):
                self.listener.interaction_changed(interaction)
        self.refreshing = False

    def _snapshot_soon(self) -> None:
        """Write the desk's picture in the background (the cache's thread keeps the order
        of writes, so a later save, e.g. at stop, still lands last)."""
        task = asyncio.ensure_future(self._save_snapshot())
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    def _apply_state(self, view: AgentStateView) -> None:
        if self.profile is not None:
            self.profile = self.profile.model_copy(update={"state": view})
        with self._guard("state_changed"):
            self.listener.state_changed(view)

    def _apply_interaction(self, interaction: Interaction) -> Interaction:
        mine = self.profile is None or interaction.agent_id in (None, self.profile.id)
        if not mine and self.profile is not None and interaction.call is not None:
            # A colleague's call this operator is consulted on or conferenced into.
            me = self.profile.id
            mine = any(p.agent_id == me for p in interaction.call.parties)
        if interaction.status in _GONE or not mine:
            if self.interactions.pop(interaction.id, None) is not None:
                with self._guard("interaction_removed"):
                    self.listener.interaction_removed(interaction.id)
            return interaction
        self.interactions[interaction.id] = interaction
        with self._guard("interaction_changed"):
            self.listener.interaction_changed(interaction)
        return interaction

    def _remember_message(self, message: Message) -> bool:
        """Add to its interaction's transcript; False if it was already there (or unknown)."""
        interaction = self.interactions.get(message.interaction_id)
        if interaction is None:
            return False
        messages = interaction.messages
        if any(m.id == message.id for m in messages):
            return False
        # In the server's order (its time), not in the order of arrival: an own reply
        # confirmed over REST can come before an earlier customer line the stream is
        # still catching up with.
        at = len(messages)
        while at > 0 and messages[at - 1].ts > message.ts:
            at -= 1
        self.interactions[interaction.id] = interaction.model_copy(
            update={"messages": [*messages[:at], message, *messages[at:]]}
        )
        return True

    def _on_message(self, message: Message) -> None:
        if message.interaction_id not in self.interactions:
            log.debug("message %s for an interaction not held, ignored", message.id)
            return
        # Our own replies come back from the server too: the id says if we have it already.
        if self._remember_message(message):
            with self._guard("message_added"):
                self.listener.message_added(message, False)

    # ---- StreamHandler ----------------------------------------------------------------

    async def apply_event(self, event: Event) -> None:
        data = event.payload()
        if isinstance(data, AgentStateData):
            if self.profile is None or data.agent_id == self.profile.id:
                self._apply_state(data.state)
        elif isinstance(data, InteractionData | InteractionEndedData):
            # ended carries the final state: wrap_up stays (the operator owes the wrap-up),
            # closed / abandoned / re-queued goes.
            self._news_about(data.interaction.id)
            self._apply_interaction(data.interaction)
        elif isinstance(data, MessageReceivedData):
            self._news_about(data.message.interaction_id)
            self._on_message(data.message)
        elif isinstance(data, QueueStatsData):
            with self._guard("queue_stats"):
                self.listener.queue_stats(data)
        elif isinstance(data, SystemNoticeData):
            with self._guard("notice"):
                self.listener.notice(data.level, data.text)
        elif isinstance(data, NbaSuggestedData):
            hints_changed = getattr(self.listener, "hints_changed", None)
            if hints_changed is not None:
                with self._guard("hints_changed"):
                    hints_changed(data)
        elif isinstance(data, MediaSdpData):
            # The softphone answers the server's renegotiation; a listener without one ignores it.
            handler = getattr(self.listener, "media_sdp", None)
            if handler is not None:
                with self._guard("media_sdp"):
                    handler(data)
        elif isinstance(data, KbUrgentData):
            # an urgent KB communication: announced now; the KB panel shows it until read
            with self._guard("notice"):
                self.listener.notice("urgent", data.article.title)
        elif event.type is EventType.CUSTOMER_UPDATED:
            pass  # the customer pane reloads on focus; nothing held here to update
        elif event.type in PEOPLE_EVENTS:
            # Optional listener extra: ``people_event(type, payload)`` (KPIs, board, reviews).
            handler = getattr(self.listener, "people_event", None)
            if handler is not None:
                with self._guard("people_event"):
                    handler(event.type.value, data)
        else:
            log.debug("event %s not handled by this desktop version", event.type)

    async def resync(self, last_seq: int) -> None:
        log.info("resync: reloading profile and interactions (server at seq %d)", last_seq)
        await self._load()

    def stream_status(self, status: ConnectionStatus, detail: str) -> None:
        self._set_status(status, detail)
        if status is ConnectionStatus.CONNECTED:
            self._pump.kick(self.outbox)
        elif status is ConnectionStatus.OFFLINE and not self._stopping:
            # The stream gave up by itself: the sign-in is no longer accepted.
            with self._guard("error"):
                self.listener.error(f"The live connection ended: {detail}. Please sign in again.")

    def _set_status(self, status: ConnectionStatus, detail: str) -> None:
        changed = status is not self._status or status is ConnectionStatus.RECONNECTING
        self._status = status
        if changed:
            with self._guard("connection_changed"):
                self.listener.connection_changed(status, detail)

    # ---- helpers ----------------------------------------------------------------------

    @contextlib.contextmanager
    def _guard(self, callback: str) -> Iterator[None]:
        """A listener's bug is logged; it must not break the session's own bookkeeping."""
        try:
            yield
        except Exception:
            log.exception("listener.%s failed", callback)
