"""The tutor's review queue: transcript, adherence, mood; score, feedback, release or keep."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from agentdesk.gui import fmt
from agentdesk.gui.labels import channel_label, mood_label
from agentdesk.protocol.competition import Review, TraineeView

REVIEW_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ReviewQueue(QWidget):
    """Pending reviews on the left, the selected one with the decision form on the right."""

    decided = Signal(str, int, str, bool)  # review id, score, feedback, release
    graduateRequested = Signal(str)  # trainee id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reviews: dict[str, Review] = {}
        self.trainees: dict[str, TraineeView] = {}
        self.model = QStandardItemModel(self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setMaximumWidth(260)
        self.list.selectionModel().currentChanged.connect(
            lambda cur, _prev: self._show(cur.data(REVIEW_ID_ROLE))
        )
        self.empty = QLabel(self.tr("No contact waits for your review."), self)
        self.empty.setObjectName("muted")
        self.title = QLabel("", self)
        self.title.setObjectName("sectionTitle")
        self.facts = QLabel("", self)
        self.facts.setObjectName("muted")
        self.transcript = QTextBrowser(self)
        self.score = QSpinBox(self)
        self.score.setRange(1, 5)
        self.score.setValue(4)
        self.score.setPrefix(self.tr("Score "))
        self.score.setSuffix(" / 5")
        self.feedback = QPlainTextEdit(self)
        self.feedback.setPlaceholderText(self.tr("Feedback for the trainee"))
        self.feedback.setMaximumHeight(90)
        self.release = QPushButton(self.tr("Score and release"), self)
        self.keep = QPushButton(self.tr("Score and keep in hold"), self)
        self.graduate = QPushButton(self.tr("Graduate to operator"), self)
        self.graduation = QLabel("", self)
        self.graduation.setObjectName("muted")
        self.release.clicked.connect(lambda: self._decide(True))
        self.keep.clicked.connect(lambda: self._decide(False))
        self.graduate.clicked.connect(self._graduate)
        buttons = QHBoxLayout()
        buttons.addWidget(self.score)
        buttons.addWidget(self.release)
        buttons.addWidget(self.keep)
        buttons.addStretch(1)
        buttons.addWidget(self.graduate)
        right = QVBoxLayout()
        right.addWidget(self.title)
        right.addWidget(self.facts)
        right.addWidget(self.transcript, 1)
        right.addWidget(self.feedback)
        right.addLayout(buttons)
        right.addWidget(self.graduation)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.empty)
        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addLayout(right, 1)
        self._current: str | None = None
        self._refresh_buttons()

    def set_reviews(self, reviews: list[Review]) -> None:
        self.reviews = {r.id: r for r in reviews if r.status == "pending"}
        self.model.clear()
        for r in self.reviews.values():
            item = QStandardItem(
                f"{r.trainee_name} · {channel_label(r.channel)} · {fmt.time_of_day(r.created_at)}"
            )
            item.setData(r.id, REVIEW_ID_ROLE)
            item.setEditable(False)
            self.model.appendRow(item)
        self.empty.setVisible(not self.reviews)
        if self._current not in self.reviews:
            self._current = None
            if self.model.rowCount():
                self.list.setCurrentIndex(self.model.index(0, 0))
            else:
                self._show(None)

    def add_review(self, review: Review) -> None:
        self.set_reviews([*self.reviews.values(), review])

    def set_trainees(self, trainees: list[TraineeView]) -> None:
        self.trainees = {t.agent_id: t for t in trainees}
        self._show(self._current)

    def _show(self, review_id: str | None) -> None:
        self._current = review_id
        review = self.reviews.get(review_id) if review_id else None
        if review is None:
            self.title.setText(self.tr("Review queue"))
            self.facts.setText("")
            self.transcript.clear()
            self.graduation.setText("")
            self._refresh_buttons()
            return
        self.title.setText(review.trainee_name)
        channel, mood = channel_label(review.channel), mood_label(review.mood)
        if review.script_adherence is None:
            facts = self.tr("%1 · mood %2 · no script for this contact")
        else:
            facts = self.tr("%1 · mood %2 · script adherence %3").replace(
                "%3", fmt.percent(review.script_adherence)
            )
        self.facts.setText(facts.replace("%1", channel).replace("%2", mood))
        lines = []
        for m in review.transcript:
            when = fmt.time_of_day(m.ts)
            lines.append(
                f"<p><b>{_escape(m.author)}</b> <span style='color:#5b6776'>{when}</span>"
                f"<br>{_escape(m.text)}</p>"
            )
        if review.recording_url:
            lines.append(f"<p><i>{self.tr('Recording')}: {review.recording_url}</i></p>")
        self.transcript.setHtml("".join(lines))
        trainee = self.trainees.get(review.trainee_id)
        if trainee is not None:
            g = trainee.graduation
            avg = f"{g.average:.1f}" if g.average is not None else "–"
            self.graduation.setText(
                self.tr("Graduation: %1 of %2 reviewed contacts, average %3 (needs %4)")
                .replace("%1", str(g.reviewed)).replace("%2", str(g.min_reviews))
                .replace("%3", avg).replace("%4", f"{g.min_average:.1f}")
            )  # fmt: skip
        self._refresh_buttons()

    def _refresh_buttons(self) -> None:
        has = self._current is not None
        for w in (self.release, self.keep, self.score, self.feedback):
            w.setEnabled(has)
        review = self.reviews.get(self._current) if self._current else None
        self.graduate.setEnabled(review is not None and review.trainee_id in self.trainees)

    def _decide(self, release: bool) -> None:
        if self._current is None:
            return
        self.decided.emit(self._current, self.score.value(), self.feedback.toPlainText(), release)

    def _graduate(self) -> None:
        review = self.reviews.get(self._current) if self._current else None
        if review is not None:
            self.graduateRequested.emit(review.trainee_id)


def _escape(text: str) -> str:
    return html.escape(text)
