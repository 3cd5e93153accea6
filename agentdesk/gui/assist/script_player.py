"""The script player: where the operator is in the client's script, one step at a time.

It guides without blocking: nothing in the conversation waits for it, any step can be
answered or skipped, and "Back" shows the previous step so the operator can answer it again.
The player only emits what the operator chose; the controller records it on the server.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agentdesk.domain.scripts import CHECKPOINT, CONFIRMED, END, OPEN_QUESTION, QUESTION, render
from agentdesk.gui import colors
from agentdesk.gui.widgets import Card
from agentdesk.protocol.scripts import ScriptNodeView, ScriptProgressView, ScriptView


class ScriptPlayer(Card):
    """A card with the current step's text and the ways to answer it."""

    #: node id, answer ("" for a line said)
    answered = Signal(str, str)
    #: the text of the step, for the reply box
    insertRequested = Signal(str)
    #: ScriptProgressView | None, whenever the player shows a new progress
    progressShown = Signal(object)
    #: an article id linked from the step on screen
    articleRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Script"), parent)
        self.setObjectName("card")
        self._script: ScriptView | None = None
        self._progress: ScriptProgressView | None = None
        self._nodes: dict[str, ScriptNodeView] = {}
        #: The step on screen: the progress's current step, or an earlier one after "Back".
        self._shown: str | None = None
        self._busy = False

        self.where = QLabel(self)
        self.where.setObjectName("muted")
        self.where.setWordWrap(True)
        self.checkpoints = QLabel(self)
        self.checkpoints.setObjectName("muted")
        self.checkpoints.setWordWrap(True)
        self.text = QLabel(self)
        self.text.setObjectName("scriptText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.articles = QLabel(self)
        self.articles.setObjectName("muted")
        self.articles.setWordWrap(True)
        self.articles.setTextFormat(Qt.TextFormat.RichText)
        self.articles.linkActivated.connect(self._open_article)
        self.answer_box = QVBoxLayout()
        self.answer_box.setSpacing(4)
        self.open_answer = QLineEdit(self)
        self.open_answer.setPlaceholderText(self.tr("The customer's words"))
        self.open_answer.returnPressed.connect(self._send_open_answer)
        nav = QHBoxLayout()
        self.back_button = QPushButton(self.tr("Back"), self)
        self.back_button.setToolTip(self.tr("Show the previous step to answer it again"))
        self.back_button.clicked.connect(self.go_back)
        self.insert_button = QPushButton(self.tr("Insert in reply"), self)
        self.insert_button.clicked.connect(self._insert)
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.insert_button)
        for widget in (self.where, self.checkpoints, self.text, self.articles):
            self.body.addWidget(widget)
        self.body.addLayout(self.answer_box)
        self.body.addWidget(self.open_answer)
        self.body.addLayout(nav)
        self.show_script(None, None)

    # ---- binding ----------------------------------------------------------------------

    def show_script(self, script: ScriptView | None, progress: ScriptProgressView | None) -> None:
        """The interaction's script and progress (None: this contact has no script)."""
        self._script = script
        self._progress = progress
        self._nodes = {n.id: n for n in script.nodes} if script else {}
        self._shown = progress.current if progress else None
        if script is None or progress is None:
            self.title.setText(self.tr("Script"))
            self.where.setText(self.tr("No script for this contact."))
            self._clear_answers()
            for widget in (
                self.text,
                self.articles,
                self.checkpoints,
                self.open_answer,
                self.back_button,
                self.insert_button,
            ):
                widget.hide()
            return
        self.title.setText(script.title)
        self._render()
        self.progressShown.emit(progress)

    def set_progress(self, progress: ScriptProgressView) -> None:
        if self._script is None or progress.script_id != self._script.id:
            return
        self._progress = progress
        self._shown = progress.current
        self._busy = False
        self._render()
        self.progressShown.emit(progress)

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        for i in range(self.answer_box.count()):
            item = self.answer_box.itemAt(i)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setEnabled(not busy)

    def shown_node(self) -> str | None:
        return self._shown

    def go_back(self) -> None:
        """Show the step before the one on screen (nothing is sent until it is answered)."""
        if self._progress is None:
            return
        path = self._progress.path
        if self._shown is None:
            target = path[-1] if path else None
        elif self._shown in path and path.index(self._shown) > 0:
            target = path[path.index(self._shown) - 1]
        else:
            target = None
        if target is not None:
            self._shown = target
            self._render()

    def answer(self, answer: str) -> None:
        """Answer the step on screen (also what the buttons do)."""
        if self._shown is not None and not self._busy:
            self.answered.emit(self._shown, answer)

    # ---- drawing ----------------------------------------------------------------------

    def _render(self) -> None:
        assert self._script is not None and self._progress is not None
        progress = self._progress
        node = self._nodes.get(self._shown) if self._shown else None
        step = (progress.path.index(self._shown) + 1) if self._shown in progress.path else None
        adherence = self.tr("checkpoints %1%").replace("%1", str(round(progress.adherence * 100)))
        if node is None:
            self.where.setText(self.tr("Script completed") + f" · {adherence}")
        elif step is not None:
            self.where.setText(
                self.tr("Step %1").replace("%1", str(step))
                + f" · {adherence}"
                + ("" if self._shown == progress.current else " · " + self.tr("going back"))
            )
        else:
            self.where.setText(adherence)
        marks = []
        for n in self._script.nodes:
            if n.kind == CHECKPOINT and n.checkpoint and n.mandatory:
                done = n.checkpoint in progress.confirmed
                marks.append(("✓ " if done else "○ ") + self._checkpoint_label(n.checkpoint))
        self.checkpoints.setText("   ".join(marks))
        self.checkpoints.setVisible(bool(marks))
        self.back_button.show()
        self.back_button.setEnabled(bool(progress.path))
        self._clear_answers()
        self.open_answer.hide()
        if node is None:
            self.text.hide()
            self.articles.hide()
            self.insert_button.hide()
            return
        self.text.show()
        self.text.setText(render(node.text, progress.variables))
        self.insert_button.show()
        links = ", ".join(
            f"<a href='kb:{html.escape(a)}'>{html.escape(a)}</a>" for a in node.articles
        )
        self.articles.setText(self.tr("Articles: %1").replace("%1", links) if links else "")
        self.articles.setVisible(bool(node.articles))
        given = progress.answers.get(node.id)
        if node.kind == QUESTION:
            for branch in node.branches:
                self._answer_button(branch.label, branch.answer, chosen=given == branch.answer)
        elif node.kind == CHECKPOINT:
            self._answer_button(self.tr("Confirmed"), CONFIRMED, chosen=given == CONFIRMED)
            self._answer_button(self.tr("Skip"), "skipped", chosen=given == "skipped")
        elif node.kind == OPEN_QUESTION:
            self.open_answer.show()
            self.open_answer.setText(given or "")
            self._answer_button(self.tr("Save answer"), None)
        elif node.kind == END:
            self._answer_button(self.tr("Close script"), "")
        else:
            self._answer_button(self.tr("Said it, next"), "")
        self.set_busy(self._busy)

    def _checkpoint_label(self, name: str) -> str:
        labels = {
            "privacy_notice": self.tr("privacy notice"),
            "identity_verified": self.tr("identity verified"),
            "plan_terms_read": self.tr("plan terms read"),
            "offer_terms_read": self.tr("offer terms read"),
        }
        return labels.get(name, name.replace("_", " "))

    def _answer_button(self, label: str, answer: str | None, chosen: bool = False) -> None:
        button = QPushButton(("● " if chosen else "") + label, self)
        button.setObjectName("scriptAnswer")
        if chosen:
            button.setStyleSheet(f"color: {colors.ACCENT}; font-weight: 600;")
        if answer is None:
            button.clicked.connect(self._send_open_answer)
        else:
            button.clicked.connect(lambda _=False, a=answer: self.answer(a))
        self.answer_box.addWidget(button)

    def _clear_answers(self) -> None:
        while self.answer_box.count():
            item = self.answer_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def _send_open_answer(self) -> None:
        text = self.open_answer.text().strip()
        if text:
            self.answer(text)

    def _open_article(self, link: str) -> None:
        if link.startswith("kb:"):
            self.articleRequested.emit(link[3:])

    def _insert(self) -> None:
        node = self._nodes.get(self._shown) if self._shown else None
        if node is not None and self._progress is not None:
            self.insertRequested.emit(render(node.text, self._progress.variables))
