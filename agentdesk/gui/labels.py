"""Translated labels for the protocol's codes (states, reasons, channels, statuses, flags).

Built on each call so they follow the installed translator.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from agentdesk.domain.agent_state import AgentState, NotReadyReason
from agentdesk.gui.code_words import channel_word, status_word
from agentdesk.protocol.customers import Mood, TimelineKind
from agentdesk.protocol.interactions import Channel, InteractionStatus


def state_label(state: AgentState | str) -> str:
    labels = {
        AgentState.READY: QCoreApplication.translate("Labels", "Ready"),
        AgentState.NOT_READY: QCoreApplication.translate("Labels", "Not ready"),
        AgentState.WRAP_UP: QCoreApplication.translate("Labels", "Wrap-up"),
        AgentState.OFFLINE: QCoreApplication.translate("Labels", "Offline"),
        AgentState.REVIEW_HOLD: QCoreApplication.translate("Labels", "Awaiting review"),
    }
    return labels.get(AgentState(state), str(state))


def reason_label(reason: NotReadyReason | str) -> str:
    labels = {
        NotReadyReason.BREAK: QCoreApplication.translate("Labels", "Break"),
        NotReadyReason.LUNCH: QCoreApplication.translate("Labels", "Lunch"),
        NotReadyReason.TRAINING: QCoreApplication.translate("Labels", "Training"),
        NotReadyReason.COACHING: QCoreApplication.translate("Labels", "Coaching"),
        NotReadyReason.MEETING: QCoreApplication.translate("Labels", "Meeting"),
        NotReadyReason.BACKOFFICE: QCoreApplication.translate("Labels", "Back office"),
        NotReadyReason.TECHNICAL: QCoreApplication.translate("Labels", "Technical problem"),
    }
    return labels.get(NotReadyReason(reason), str(reason))


def channel_label(channel: Channel | str) -> str:
    return channel_word(str(getattr(channel, "value", channel)))


def status_label(status: InteractionStatus | str) -> str:
    return status_word(str(getattr(status, "value", status)))


def mood_label(mood: Mood | str | None) -> str:
    if mood is None:
        return "–"
    labels = {
        Mood.POSITIVE: QCoreApplication.translate("Labels", "Positive"),
        Mood.NEUTRAL: QCoreApplication.translate("Labels", "Neutral"),
        Mood.NEGATIVE: QCoreApplication.translate("Labels", "Negative"),
    }
    try:
        return labels[Mood(mood)]
    except ValueError:
        return str(mood)


def flag_label(flag: str) -> str:
    labels = {
        "repeat_contact": QCoreApplication.translate("Labels", "Repeat contact"),
        "vulnerable": QCoreApplication.translate("Labels", "Vulnerable customer"),
        "payment_plan": QCoreApplication.translate("Labels", "Payment plan"),
        "invoice_due": QCoreApplication.translate("Labels", "Invoice due"),
        "overdue": QCoreApplication.translate("Labels", "Overdue invoice"),
        "prospect": QCoreApplication.translate("Labels", "Prospect"),
        "vip": QCoreApplication.translate("Labels", "VIP"),
    }
    return labels.get(flag, flag.replace("_", " ").capitalize())


def segment_label(segment: str) -> str:
    labels = {
        "residential": QCoreApplication.translate("Labels", "Residential"),
        "business": QCoreApplication.translate("Labels", "Business"),
        "condominium": QCoreApplication.translate("Labels", "Condominium"),
        "public": QCoreApplication.translate("Labels", "Public body"),
    }
    return labels.get(segment, segment.replace("_", " ").capitalize())


def timeline_kind_label(kind: TimelineKind | str) -> str:
    labels = {
        TimelineKind.INTERACTION: QCoreApplication.translate("Labels", "Contact"),
        TimelineKind.NOTE: QCoreApplication.translate("Labels", "Note"),
        TimelineKind.INVOICE: QCoreApplication.translate("Labels", "Invoice"),
        TimelineKind.PAYMENT: QCoreApplication.translate("Labels", "Payment"),
        TimelineKind.SURVEY: QCoreApplication.translate("Labels", "Survey"),
    }
    try:
        return labels[TimelineKind(kind)]
    except ValueError:
        return str(kind)


def connection_label(status: str) -> str:
    labels = {
        "connecting": QCoreApplication.translate("Labels", "Connecting…"),
        "connected": QCoreApplication.translate("Labels", "Connected"),
        "reconnecting": QCoreApplication.translate("Labels", "Reconnecting"),
        "offline": QCoreApplication.translate("Labels", "Offline"),
    }
    return labels.get(status, status)


__all__ = [
    "channel_label",
    "connection_label",
    "flag_label",
    "mood_label",
    "reason_label",
    "segment_label",
    "state_label",
    "status_label",
    "timeline_kind_label",
]
