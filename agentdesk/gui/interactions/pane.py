"""The Interactions pane: a list of cards bound to :class:`InteractionListModel`."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QVBoxLayout, QWidget

from agentdesk.gui.interactions.delegate import InteractionDelegate
from agentdesk.gui.interactions.model import InteractionListModel, Role
from agentdesk.gui.widgets import PlaceholderListView


class InteractionsPane(QWidget):
    """Shows the session's interactions; emits what the operator asks for."""

    acceptRequested = Signal(str)
    rejectRequested = Signal(str)
    currentChanged = Signal(object)  # interaction id or None
    countChanged = Signal(int)

    def __init__(self, model: InteractionListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("InteractionsPane")
        self._model = model
        self.view = PlaceholderListView(self)
        self.view.setObjectName("interactionList")
        self.view.setModel(model)
        self.delegate = InteractionDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setMouseTracking(True)
        self.view.setUniformItemSizes(False)
        self.view.placeholder = self.tr(
            "No conversations yet.\nWhen you are Ready, new chats are offered here."
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.view, 1)

        self.delegate.acceptClicked.connect(self.acceptRequested)
        self.delegate.rejectClicked.connect(self.rejectRequested)
        selection = self.view.selectionModel()
        selection.currentChanged.connect(self._on_current)
        model.rowsInserted.connect(self._on_rows_inserted)
        model.rowsRemoved.connect(self._on_rows_removed)
        model.rowsInserted.connect(self._count_changed)
        model.rowsRemoved.connect(self._count_changed)
        model.modelReset.connect(self._count_changed)
        model.dataChanged.connect(self._relayout)

        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(model.tick)
        self._clock.start()

    # ---- selection --------------------------------------------------------------------

    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        return index.data(Role.ID) if index.isValid() else None

    def select(self, interaction_id: str) -> None:
        row = self._model.row_of(interaction_id)
        if row is None:
            return
        self.view.selectionModel().setCurrentIndex(
            self._model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        iid = current.data(Role.ID) if current.isValid() else None
        self._model.set_current(iid)
        self.currentChanged.emit(iid)

    def _on_rows_inserted(self, _parent: QModelIndex, first: int, _last: int) -> None:
        # The first contact of a quiet moment comes into focus by itself; later ones wait
        # in the list so the operator is not pulled away from a customer mid-sentence.
        if not self.view.currentIndex().isValid():
            self.view.selectionModel().setCurrentIndex(
                self._model.index(first), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )

    def _on_rows_removed(self, _parent: QModelIndex, _first: int, _last: int) -> None:
        if not self.view.currentIndex().isValid():
            if self._model.rowCount() > 0:
                self.view.selectionModel().setCurrentIndex(
                    self._model.index(0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
            else:
                self.currentChanged.emit(None)

    def _relayout(self, _first: QModelIndex, _last: QModelIndex, roles: list[int]) -> None:
        # Offer cards are taller (buttons): a status change must re-measure the row; the
        # once-a-second waiting-time repaint must not.
        if list(roles) != [int(Role.WAITING)]:
            self.view.scheduleDelayedItemsLayout()

    def _count_changed(self, *_args: object) -> None:
        self.countChanged.emit(self._model.rowCount())
