"""The e-mail view: plain text only, attachments listed, reply with quoted history."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pytestqt.qtbot import QtBot

from agentdesk.gui.chat.model import TranscriptModel
from agentdesk.gui.email.text import human_size
from agentdesk.gui.email.view import EmailView
from agentdesk.protocol.interactions import (
    Attachment,
    Channel,
    Direction,
    Interaction,
    InteractionStatus,
)
from tests.gui import fakes

T0 = datetime(2025, 3, 14, 9, 0, tzinfo=UTC)


def email(status: InteractionStatus = InteractionStatus.ACTIVE, iid: str = "mail-1") -> Interaction:
    first = fakes.message(
        iid, "Buongiorno,\n<b>la bolletta</b> è alta.\nAnna", ts=T0, message_id="m1"
    ).model_copy(
        update={
            "attachments": [
                Attachment(name="bolletta.pdf", content_type="application/pdf", size=48213)
            ]
        }
    )
    base = fakes.interaction(status, iid, messages=[first])
    return base.model_copy(
        update={
            "channel": Channel.EMAIL,
            "subject": "Bolletta di marzo",
            "from_address": "anna.neri@example.it",
        }
    )


def view_of(qtbot: QtBot, interaction: Interaction) -> tuple[EmailView, TranscriptModel]:
    view = EmailView()
    qtbot.addWidget(view)
    transcript = TranscriptModel(interaction.id)
    transcript.sync(interaction.messages)
    view.set_interaction(interaction, transcript)
    view.show()
    return view, transcript


def test_the_body_is_plain_text_and_attachments_are_only_listed(qtbot: QtBot) -> None:
    view, _ = view_of(qtbot, email())
    assert view.subject.text() == "Bolletta di marzo"
    assert "anna.neri@example.it" in view.addresses.text()
    text = view.conversation.toPlainText()
    assert "<b>la bolletta</b> è alta." in text  # shown as typed, never rendered
    assert view.attachments.count() == 1
    item = view.attachments.item(0)
    assert item.text() == "bolletta.pdf · application/pdf · 47.1 KB"
    assert not item.flags() & item.flags().ItemIsSelectable


def test_a_reply_is_sent_and_the_quote_shows_the_thread_newest_first(qtbot: QtBot) -> None:
    view, transcript = view_of(qtbot, email())
    transcript.add(
        fakes.message(
            "mail-1",
            "Gentile Anna, verifichiamo.",
            Direction.OUTBOUND,
            T0 + timedelta(hours=1),
            message_id="reply-1",
        )
    )
    assert "Gentile Anna, verifichiamo." in view.conversation.toPlainText()
    quote = view.quote.toPlainText()
    assert quote.index("> Gentile Anna") < quote.index("> Buongiorno,")
    assert "> <b>la bolletta</b> è alta." in quote
    assert not view.send.isEnabled()
    view.reply.setPlainText("Le confermo il rimborso.")
    with qtbot.waitSignal(view.sendRequested) as sent:
        view.send.click()
    assert sent.args == ["mail-1", "Le confermo il rimborso."]
    assert view.reply.toPlainText() == ""


def test_an_offered_email_cannot_be_answered_yet_and_a_failed_send_gives_the_text_back(
    qtbot: QtBot,
) -> None:
    view, _ = view_of(qtbot, email(InteractionStatus.OFFERED))
    assert not view.reply.isEnabled() and not view.send.isEnabled()
    view.update_interaction(email(InteractionStatus.ACTIVE))
    assert view.reply.isEnabled()
    view.restore_draft("mail-1", "testo non inviato")
    assert view.reply.toPlainText() == "testo non inviato"


def test_sizes_read_naturally() -> None:
    assert human_size(512) == "512 B"
    assert human_size(1_204_332) == "1.1 MB"


def test_the_desk_shows_the_email_view_for_emails_and_the_chat_for_chats(
    qtbot: QtBot, settings: object
) -> None:
    from agentdesk.gui.desk import Desk
    from agentdesk.gui.workstation import Workstation

    workstation = Workstation()
    desk = Desk(workstation, settings)  # type: ignore[arg-type]
    qtbot.addWidget(desk.window)
    desk.window.show()
    workstation.profile_changed(fakes.profile())
    workstation.interaction_changed(email())
    workstation.interaction_changed(fakes.interaction(InteractionStatus.ACTIVE, "chat-1"))
    center = desk.window.center
    desk.window.interactions.select("mail-1")
    assert center.email.isVisible() and not center.chat.isVisible()
    assert center.email.subject.text() == "Bolletta di marzo"
    desk.window.interactions.select("chat-1")
    assert center.chat.isVisible() and not center.email.isVisible()
    desk.window.close_now()
