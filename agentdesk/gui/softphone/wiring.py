"""Puts the softphone into the shell: its dock under the interactions list, its wiring.

:meth:`Softphone.install` needs only the window and the workstation (the pane shows
calmly before sign-in); :meth:`Softphone.attach` adds the controller once a session exists.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget

from agentdesk.client.calls import CallsApi
from agentdesk.client.rest import ApiClient
from agentdesk.client.stream import ConnectionStatus
from agentdesk.gui.shell.main_window import MainWindow
from agentdesk.gui.softphone.controller import SoftphoneController
from agentdesk.gui.softphone.notify import CallNotifier
from agentdesk.gui.softphone.pane import SoftphonePane
from agentdesk.gui.workstation import Workstation
from agentdesk.media.devices import AudioDevices, default_backend
from agentdesk.protocol.events import QueueStatsData


class Softphone(QObject):
    """The pane, its dock and (after :meth:`attach`) its controller."""

    def __init__(
        self,
        window: MainWindow,
        workstation: Workstation,
        devices: AudioDevices | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.workstation = workstation
        # The real device layer (numpy, PortAudio) is listed once the desk is live, so the
        # first paint never waits for it; devices handed in (tests) are listed at once.
        self.devices = devices or AudioDevices(default_backend)
        self._devices_listed = False
        self.pane = SoftphonePane(window)
        self.dock = QDockWidget(self.tr("Softphone"), window)
        self.dock.setObjectName("softphoneDock")
        self.dock.setWidget(self.pane)
        self.dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        window.splitDockWidget(window.interactions_dock, self.dock, Qt.Orientation.Vertical)
        window.resizeDocks(
            [window.interactions_dock, self.dock], [560, 440], Qt.Orientation.Vertical
        )
        existing = window.view_menu.actions()
        if existing:
            window.view_menu.insertAction(existing[0], self.dock.toggleViewAction())
        else:
            window.view_menu.addAction(self.dock.toggleViewAction())
        if devices is not None:
            self._list_devices()
        workstation.profileChanged.connect(self.pane.set_profile)
        workstation.connectionChanged.connect(self.pane.set_connection)
        workstation.connectionChanged.connect(self._connection)
        workstation.queueStatsChanged.connect(self._queues)
        self.controller: SoftphoneController | None = None

    def _list_devices(self) -> None:
        if not self._devices_listed:
            self._devices_listed = True
            self.pane.set_devices(self.devices.inputs(), self.devices.outputs())

    def _connection(self, status: str, _detail: str) -> None:
        if status == ConnectionStatus.CONNECTED.value:
            self._list_devices()

    def _queues(self, data: QueueStatsData) -> None:
        self.pane.set_queues([q.queue for q in data.queues])

    def attach(self, session: Any, calls: CallsApi | None = None) -> SoftphoneController:
        """``calls`` defaults to a :class:`CallsApi` on the session's own REST client."""
        if calls is None:
            api = getattr(session, "api", None)
            if not isinstance(api, ApiClient):
                raise TypeError("the session has no REST client for calls")
            calls = CallsApi(api)
        c = SoftphoneController(session, calls, self.devices, CallNotifier(self.window), self)
        w, p = self.workstation, self.pane
        w.interactionChanged.connect(c.on_interaction)
        w.interactionRemoved.connect(c.on_removed)
        w.connectionChanged.connect(c.on_connection)
        w.mediaSdp.connect(c.on_media_sdp)
        p.answerRequested.connect(c.answer)
        p.rejectRequested.connect(c.reject)
        p.hangupRequested.connect(c.hangup)
        p.holdRequested.connect(c.hold)
        p.muteRequested.connect(c.mute)
        p.dtmfRequested.connect(c.dtmf)
        p.dialRequested.connect(c.dial)
        p.transferRequested.connect(c.transfer)
        p.conferenceRequested.connect(c.conference)
        p.inputChosen.connect(c.choose_input)
        p.outputChosen.connect(c.choose_output)
        c.callChanged.connect(p.show_call)
        c.busy.connect(p.set_busy)
        c.levelChanged.connect(p.set_level)
        c.dialled.connect(p.clear_dial)
        c.message.connect(self.window.statusline.show_notice)
        self.controller = c
        return c

    async def aclose(self) -> None:
        if self.controller is not None:
            await self.controller.aclose()
