"""``Desk``: the composition root of the workstation — models, window, wiring.

The workstation (session listener) feeds the models and panes; once a session exists,
:meth:`Desk.attach` adds the controller that turns the panes' intents into session calls.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from agentdesk.client.canned import CannedApi
from agentdesk.client.people import PeopleClient
from agentdesk.client.rest import ApiClient
from agentdesk.gui.assist.controller import AssistController
from agentdesk.gui.chat.canned import CannedLoader
from agentdesk.gui.chat.store import TranscriptStore
from agentdesk.gui.controller import DeskController
from agentdesk.gui.customer.history_model import HistoryModel
from agentdesk.gui.email.wiring import ChannelFocus
from agentdesk.gui.interactions.model import InteractionListModel
from agentdesk.gui.people.controller import PeopleController
from agentdesk.gui.people.workspace import WORKSPACE_ROLES, install_workspace
from agentdesk.gui.ports import DeskSession
from agentdesk.gui.shell.focus import FocusCoordinator
from agentdesk.gui.shell.keys import DeskKeys
from agentdesk.gui.shell.main_window import MainWindow
from agentdesk.gui.shell.myday import MyDayModel
from agentdesk.gui.shell.myday_stats import AhtTarget
from agentdesk.gui.softphone.wiring import Softphone
from agentdesk.gui.workstation import Workstation
from agentdesk.protocol.agents import AgentProfile
from agentdesk.protocol.interactions import Interaction, InteractionStatus, Message

if TYPE_CHECKING:
    from agentdesk.gui.assist.kb_service import KbService
    from agentdesk.gui.people.board import BoardWorkspace
    from agentdesk.gui.people.reviews import ReviewQueue


#: The knowledge base loads when the stream connects, or this long after attaching.
KB_LATEST_MS = 1500


def aht_target(settings: QSettings) -> AhtTarget:
    """The AHT band from settings (``kpi/aht_low_s``, ``kpi/aht_high_s``), 4–7 min default."""
    default = AhtTarget()
    low = settings.value("kpi/aht_low_s", default.low_s, type=float)
    high = settings.value("kpi/aht_high_s", default.high_s, type=float)
    if not (isinstance(low, float) and isinstance(high, float) and 0 < low < high):
        return default
    return AhtTarget(low, high)


class Desk(QObject):
    """Owns the models and the window and connects them."""

    def __init__(
        self, workstation: Workstation, settings: QSettings, window: MainWindow | None = None
    ) -> None:
        """``window``: a shell already on screen (the first paint) to build the panes in."""
        super().__init__()
        self.workstation = workstation
        self.settings = settings
        self.interactions = InteractionListModel(self)
        self.history = HistoryModel(self)
        # Models first: the panes that react to the same signals read the updated models.
        workstation.interactionChanged.connect(self.interactions.upsert)
        workstation.interactionRemoved.connect(self.interactions.remove)
        workstation.messageAdded.connect(self._message_added)
        self.transcripts = TranscriptStore(workstation, self)
        self.myday = MyDayModel(workstation, aht_target(settings), self)
        if window is None:
            window = MainWindow(self.interactions, self.history, self.myday, settings)
        else:
            window.build_panes(self.interactions, self.history, self.myday)
        self.window = window
        w = self.window
        self.focus = FocusCoordinator(
            workstation,
            self.interactions,
            self.transcripts,
            interactions=w.interactions,
            center=w.center,
            assist=w.assist,
            topbar=w.topbar,
            parent=self,
        )
        workstation.profileChanged.connect(w.topbar.set_profile)
        workstation.profileChanged.connect(w.assist.set_profile)
        workstation.profileChanged.connect(lambda p: w.center.chat.canned.set_agent(p.name))
        workstation.profileChanged.connect(self._profile_state)
        workstation.interactionChanged.connect(self._alert_on_offer)
        workstation.stateChanged.connect(w.topbar.state.set_state)
        workstation.connectionChanged.connect(w.statusline.set_connection)
        workstation.queueStatsChanged.connect(w.topbar.set_queue_stats)
        workstation.noticeRaised.connect(w.statusline.show_notice)
        workstation.errorRaised.connect(lambda text: w.statusline.show_notice("error", text))
        w.topbar.state.refused.connect(lambda text: w.statusline.show_notice("warning", text))
        w.assist.insertRequested.connect(w.center.chat.insert_text)
        # Last: the keys' focus-follow runs after the panes have shown a new status.
        self.keys = DeskKeys(workstation, self.interactions, w, self)
        self.controller: DeskController | None = None
        self.assist_controller: AssistController | None = None
        self.board: BoardWorkspace | None = None
        self.reviews: ReviewQueue | None = None
        self.people: PeopleController | None = None
        self.softphone = Softphone(w, workstation)
        self.channel_focus = ChannelFocus(
            workstation,
            model=self.interactions,
            transcripts=self.transcripts,
            interactions=w.interactions,
            center=w.center,
            view=w.center.email,
            call=w.center.call,
            parent=self,
        )
        self.kb: KbService | None = None
        self._kb_session: DeskSession | None = None
        self._closed = False

    def _profile_state(self, profile: AgentProfile) -> None:
        # The profile carries the state at login; later changes come as state events.
        if profile.state is not None:
            self.window.topbar.state.set_state(profile.state)
        self.window.setWindowTitle(f"AgentDesk — {profile.name}")

    def _alert_on_offer(self, interaction: Interaction) -> None:
        # An offer while the operator looks at another window: flash the taskbar entry.
        if interaction.status is InteractionStatus.OFFERED and not self.window.isActiveWindow():
            QApplication.alert(self.window, 0)

    def _message_added(self, message: Message, _pending: bool) -> None:
        self.interactions.add_message(message)

    def _attach_people(self, session: DeskSession) -> None:
        """KPIs, the board and reviews come over the session's REST client, when it has one
        (the board and the reviews are built when a supervisor's profile comes)."""
        api = getattr(session, "api", None)
        if not isinstance(api, ApiClient):
            return
        self.people = PeopleController(
            PeopleClient(api),
            self.myday.server,
            None,
            None,
            self,
            devices=self.softphone.devices,  # a monitor leg uses the softphone's mic/speaker
        )
        self.workstation.profileChanged.connect(self._install_workspace)
        self.workstation.profileChanged.connect(self.people.on_profile)
        self.workstation.peopleEvent.connect(self.people.on_event)
        self.people.message.connect(self.window.statusline.show_notice)

    def _start_kb_when_connected(self, status: str, _detail: str) -> None:
        if status == "connected":
            self._attach_kb()
            if self.kb is not None:
                self.kb.start()  # once; later connections change nothing

    def _attach_kb(self) -> None:
        session, self._kb_session = self._kb_session, None
        if self._closed or session is None:
            return
        from agentdesk.gui.assist.kb_setup import kb_service_for

        self.kb = kb_service_for(session, self.settings, self)
        if self.kb is None:
            return
        self.window.assist.kb.bind(self.kb)
        self.workstation.noticeRaised.connect(self.kb.on_notice)
        # Sync and urgent checks need a signed-in session: they start when the stream is
        # connected (_start_kb_when_connected; the first profile may be the cache's picture,
        # before sign-in, and asking then only earns a 401 and a retry).
        if getattr(session, "signed_in", False):
            self.kb.start()

    def _install_workspace(self, profile: AgentProfile) -> None:
        if self.people is None or profile.role not in WORKSPACE_ROLES:
            return
        if self.board is None or self.reviews is None:
            # Only supervisors see them: an operator's start does not build or import them.
            from agentdesk.gui.people.board import BoardWorkspace
            from agentdesk.gui.people.reviews import ReviewQueue

            self.board, self.reviews = BoardWorkspace(), ReviewQueue()
            self.people.use_workspace(self.board, self.reviews)
        install_workspace(self.window, profile, self.board, self.reviews)

    async def aclose(self) -> None:
        """End the controller's pending calls (before the session stops)."""
        self._closed = True
        await self.softphone.aclose()
        if self.people is not None:
            await self.people.aclose()
        if self.controller is not None:
            await self.controller.aclose()
        if self.assist_controller is not None:
            await self.assist_controller.aclose()
        if self.kb is not None:
            await self.kb.stop()

    def attach(self, session: DeskSession) -> DeskController:
        """Connect the panes' intents to ``session`` through a controller."""
        w = self.window
        self._attach_people(session)
        c = DeskController(session, self.interactions, self.history, self)
        w.topbar.state.stateRequested.connect(c.set_state)
        w.interactions.acceptRequested.connect(c.accept)
        w.interactions.rejectRequested.connect(c.reject)
        w.center.offer.acceptRequested.connect(c.accept)
        w.center.offer.rejectRequested.connect(c.reject)
        w.center.chat.sendRequested.connect(c.send)
        w.center.email.sendRequested.connect(c.send)
        c.sendFailed.connect(w.center.email.restore_draft)
        w.center.chat.endRequested.connect(c.hangup)
        w.center.wrapup.submitted.connect(c.wrapup)
        self.focus.screenPopNeeded.connect(c.focus)
        self.focus.historyStale.connect(c.reload_history)
        c.statePending.connect(w.topbar.state.set_pending)
        c.offerBusy.connect(self.focus.on_offer_busy)
        c.wrapupBusy.connect(self.focus.on_wrapup_busy)
        c.wrapupFailed.connect(self.focus.on_wrapup_failed)
        c.sendFailed.connect(w.center.chat.restore_draft)
        c.customerLoaded.connect(self.focus.on_customer)
        c.customerLoaded.connect(self.myday.note_customer)
        c.invoicesLoaded.connect(self.focus.on_invoices)
        c.message.connect(w.statusline.show_notice)
        # The knowledge base's local copy and its search engine (a tenth of a second to load)
        # are not on the sign-in's path: they load when the stream connects (the sync needs
        # it anyway), or a moment after attaching when it does not (the local copy is
        # searchable offline); until then the panel says it is not available yet.
        self._kb_session = session
        self.workstation.connectionChanged.connect(self._start_kb_when_connected)
        QTimer.singleShot(KB_LATEST_MS, self, self._attach_kb)
        self.controller = c
        api = getattr(session, "api", None)  # the real session's REST client (fakes have none)
        if api is not None:
            a = AssistController(api, w.assist.script_player, w.assist.hints, self)
            w.assist.interactionShown.connect(a.show_interaction)
            self.workstation.hintsChanged.connect(a.on_hints)
            a.message.connect(w.statusline.show_notice)
            a.articleRequested.connect(w.assist.articleRequested)
            a.show_interaction(self.focus.focus)
            self.workstation.connectionChanged.connect(
                lambda status, _detail: a.on_connected() if status == "connected" else None
            )
            self.assist_controller = a
        if hasattr(session, "api"):  # the real session; GUI tests attach the softphone alone
            self.softphone.attach(session)
            loader = CannedLoader(CannedApi(session.api), self)
            loader.loaded.connect(w.center.chat.canned.set_responses)
            self.workstation.profileChanged.connect(loader.load)
        return c
