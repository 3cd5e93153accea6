"""Translations: Italian strings load from the compiled .ts, the language follows --lang or
the system locale, and every Italian entry is translated."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from agentdesk.domain.agent_state import AgentState, NotReadyReason
from agentdesk.gui import i18n, i18n_build
from agentdesk.gui.labels import reason_label, state_label
from agentdesk.gui.paths import translations_dir
from agentdesk.gui.state.selector import StateSelector
from agentdesk.gui.wrapup.form import WrapupPanel
from agentdesk.protocol.interactions import InteractionStatus
from tests.gui import fakes


@pytest.fixture
def italian(qapp: QApplication) -> Iterator[list[QTranslator]]:
    installed = i18n.install_translators(qapp, "it")
    try:
        yield installed
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        QLocale.setDefault(QLocale.c())


def test_language_choice() -> None:
    assert i18n.choose_language("it") == "it"
    assert i18n.choose_language("en") == "en"
    italy = QLocale(QLocale.Language.Italian, QLocale.Country.Italy)
    assert i18n.choose_language(None, italy) == "it"
    assert i18n.choose_language(None, QLocale(QLocale.Language.German)) == "en"
    assert i18n.choose_language("xx", italy) == "it"


def test_italian_strings_load(italian: list[QTranslator], qtbot: QtBot) -> None:
    assert italian, "the Italian translation did not load"
    assert state_label(AgentState.READY) == "Pronto"
    assert reason_label(NotReadyReason.LUNCH) == "Pranzo"
    assert QCoreApplication.translate("Errors", "Wrong username or password.") == (
        "Nome utente o password errati."
    )
    selector = StateSelector()
    qtbot.addWidget(selector)
    assert selector.reason_actions[NotReadyReason.BREAK].text() == "Pausa"
    # Designer forms are translated through QUiLoader too
    panel = WrapupPanel()
    qtbot.addWidget(panel)
    panel.set_interaction(fakes.interaction(InteractionStatus.WRAP_UP, "w"))
    assert panel.submit_button.text() == "&Salva esito"
    assert panel.disposition.placeholderText() == "Scegli un esito…"
    # plurals
    assert QCoreApplication.translate("TopBar", "Queues: %n waiting", "", 3) == "Code: 3 in attesa"


def test_every_italian_message_is_translated() -> None:
    trees = [ET.parse(ts) for ts in sorted(translations_dir().glob("*_it.ts"))]
    assert trees, "no Italian catalogue"
    unfinished = [
        m.findtext("source")
        for tree in trees
        for m in tree.getroot().iter("message")
        if m.find("translation") is not None
        and (
            m.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
            or not "".join(m.find("translation").itertext()).strip()  # type: ignore[union-attr]
        )
    ]
    assert unfinished == []


def test_stale_qm_is_rebuilt(tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    source = translations_dir() / "agentdesk_it.ts"
    (folder / "agentdesk_it.ts").write_bytes(source.read_bytes())
    qm = i18n_build.ensure_compiled("it", folder)
    assert qm is not None and qm.stat().st_size > 1000
