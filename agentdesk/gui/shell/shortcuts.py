"""The desk's keyboard shortcuts, as data: one place that says which key does what, where.

Keys are chosen so an operator can press them while typing a reply: Ctrl or Ctrl+Shift
combinations that a text box does not use (no plain letters, no Alt+letter that a menu or a
form label could claim as its mnemonic in either language), F1 always, and ``?`` only outside
text fields (a text box claims printable keys before any shortcut sees them).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence


class Context(StrEnum):
    """Where a shortcut does something (the overlay groups by it)."""

    OFFER = "offer"
    CONVERSATION = "conversation"
    WRAPUP = "wrapup"
    ANYWHERE = "anywhere"


class Action(StrEnum):
    """Every desk action that has a key."""

    ACCEPT = "accept"
    REJECT = "reject"
    NEXT = "next_interaction"
    PREVIOUS = "previous_interaction"
    REPLY = "focus_reply"
    END = "end_chat"
    DISPOSITION = "choose_disposition"
    SUBMIT = "submit_wrapup"
    HISTORY = "customer_history"
    HELP = "shortcuts_overlay"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Marks ``text`` for translation in ``context``; it is translated when shown."""
    del context
    return text


@dataclass(frozen=True)
class Shortcut:
    """One action: its keys (the first is the one shown), context and description."""

    action: Action
    keys: tuple[str, ...]
    context: Context
    source: str  # untranslated (marked for lupdate); :meth:`description` translates it

    def sequences(self) -> list[QKeySequence]:
        return [QKeySequence(k) for k in self.keys]

    def key_text(self) -> str:
        """The keys as the platform writes them (e.g. ``Ctrl+Shift+A``, ``⌃⇧A`` on macOS)."""
        return QKeySequence(self.keys[0]).toString(QKeySequence.SequenceFormat.NativeText)

    def all_key_texts(self) -> list[str]:
        native = QKeySequence.SequenceFormat.NativeText
        return [QKeySequence(k).toString(native) for k in self.keys]

    def description(self) -> str:
        return QCoreApplication.translate("Shortcuts", self.source)


SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut(
        Action.ACCEPT,
        ("Ctrl+Shift+A",),
        Context.OFFER,
        QT_TRANSLATE_NOOP("Shortcuts", "Accept the offered contact and go to the reply box"),
    ),
    Shortcut(
        Action.REJECT,
        ("Ctrl+Shift+R",),
        Context.OFFER,
        QT_TRANSLATE_NOOP("Shortcuts", "Reject the offered contact"),
    ),
    Shortcut(
        Action.NEXT,
        ("Ctrl+PgDown", "Ctrl+Tab"),
        Context.ANYWHERE,
        QT_TRANSLATE_NOOP("Shortcuts", "Next interaction in the list"),
    ),
    Shortcut(
        Action.PREVIOUS,
        ("Ctrl+PgUp", "Ctrl+Shift+Tab"),
        Context.ANYWHERE,
        QT_TRANSLATE_NOOP("Shortcuts", "Previous interaction in the list"),
    ),
    Shortcut(
        Action.REPLY,
        ("Ctrl+L",),
        Context.CONVERSATION,
        QT_TRANSLATE_NOOP("Shortcuts", "Go to the reply box"),
    ),
    Shortcut(
        Action.END,
        ("Ctrl+Shift+E",),
        Context.CONVERSATION,
        QT_TRANSLATE_NOOP("Shortcuts", "End the chat and go to the wrap-up"),
    ),
    Shortcut(
        Action.DISPOSITION,
        ("Ctrl+Shift+D",),
        Context.WRAPUP,
        QT_TRANSLATE_NOOP("Shortcuts", "Choose the disposition (type its first letters)"),
    ),
    Shortcut(
        Action.SUBMIT,
        ("Ctrl+S",),
        Context.WRAPUP,
        QT_TRANSLATE_NOOP("Shortcuts", "Save the wrap-up"),
    ),
    Shortcut(
        Action.HISTORY,
        ("Ctrl+Shift+H",),
        Context.ANYWHERE,
        QT_TRANSLATE_NOOP("Shortcuts", "Go to the customer's history"),
    ),
    Shortcut(
        Action.HELP,
        ("F1", "?"),
        Context.ANYWHERE,
        QT_TRANSLATE_NOOP("Shortcuts", "Show these shortcuts (? outside text fields)"),
    ),
)


def shortcut(action: Action) -> Shortcut:
    """The shortcut of ``action``."""
    for item in SHORTCUTS:
        if item.action is action:
            return item
    raise KeyError(action)


def context_title(context: Context) -> str:
    """The overlay's heading for ``context``."""
    titles = {
        Context.OFFER: QCoreApplication.translate("Shortcuts", "When a contact is offered"),
        Context.CONVERSATION: QCoreApplication.translate("Shortcuts", "In a conversation"),
        Context.WRAPUP: QCoreApplication.translate("Shortcuts", "In the wrap-up"),
        Context.ANYWHERE: QCoreApplication.translate("Shortcuts", "Anywhere"),
    }
    return titles[context]


def with_key(text: str, item: Shortcut) -> str:
    """A tooltip that ends with the key, e.g. ``Accept (Ctrl+Shift+A)``."""
    return f"{text} ({item.key_text()})" if text else item.key_text()


def offer_keys_hint() -> str:
    """A tooltip line for an offered contact, e.g. ``Accept: Ctrl+Shift+A · Reject: …``."""
    return (
        QCoreApplication.translate("Shortcuts", "Accept: %1 · Reject: %2")
        .replace("%1", shortcut(Action.ACCEPT).key_text())
        .replace("%2", shortcut(Action.REJECT).key_text())
    )
