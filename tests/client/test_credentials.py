"""CredentialStore: passwords go to the keyring (service "AgentDesk") and never to a file."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from keyring.backend import KeyringBackend

from agentdesk.client.credentials import SERVICE, CredentialStore
from tests.client.helpers import MemoryKeyring

Install = Callable[[KeyringBackend], None]
SERVER = "http://127.0.0.1:8765"
SECRET = "Pa55-w0rd-never-in-a-file"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every place a careless implementation could write to is inside tmp_path."""
    for var, sub in (
        ("HOME", "home"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
    ):
        (tmp_path / sub).mkdir()
        monkeypatch.setenv(var, str(tmp_path / sub))
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def use_keyring() -> Iterator[Install]:
    """Install a backend with keyring.set_keyring and put the previous one back after."""
    previous = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(previous)


def _files_containing(root: Path, needle: str) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and needle.encode() in p.read_bytes()]


def test_remember_recall_forget_through_the_keyring(home: Path, use_keyring: Install) -> None:
    backend = MemoryKeyring()
    use_keyring(backend)
    store = CredentialStore()
    assert store.available

    assert store.remember(SERVER, "mario", SECRET) is True
    assert store.recall(SERVER, "mario") == SECRET
    assert store.recall(SERVER, "giulia") is None
    assert store.recall("http://other:1", "mario") is None
    assert backend.secrets == {(SERVICE, f"mario@{SERVER}"): SECRET}

    store.forget(SERVER, "mario")
    assert store.recall(SERVER, "mario") is None
    store.forget(SERVER, "mario")  # forgetting twice is fine
    assert _files_containing(home, SECRET) == []


def test_without_a_usable_keyring_nothing_is_remembered_anywhere(
    home: Path, use_keyring: Install
) -> None:
    use_keyring(keyring.backends.fail.Keyring())
    store = CredentialStore()
    assert not store.available
    assert store.remember(SERVER, "mario", SECRET) is False
    assert store.recall(SERVER, "mario") is None
    store.forget(SERVER, "mario")
    assert _files_containing(home, SECRET) == []


class _PlaintextFileKeyring(KeyringBackend):
    """Looks like keyrings.alt's file backend: it would write the secret to a file."""

    priority = 5  # type: ignore[assignment]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def get_password(self, service: str, username: str) -> str | None:
        return self.path.read_text() if self.path.exists() else None

    def set_password(self, service: str, username: str, password: str) -> None:
        self.path.write_text(password)

    def delete_password(self, service: str, username: str) -> None:
        self.path.unlink(missing_ok=True)


_PlaintextFileKeyring.__module__ = "keyrings.alt.file"


def test_a_file_based_backend_is_refused(home: Path, use_keyring: Install) -> None:
    use_keyring(_PlaintextFileKeyring(home / "keyring_pass.cfg"))
    store = CredentialStore()
    assert not store.available
    assert store.remember(SERVER, "mario", SECRET) is False
    assert not (home / "keyring_pass.cfg").exists()
    assert _files_containing(home, SECRET) == []


def test_a_keyring_error_means_not_remembered(home: Path, use_keyring: Install) -> None:
    class Locked(MemoryKeyring):
        def set_password(self, service: str, username: str, password: str) -> None:
            raise keyring.errors.PasswordSetError("locked")

        def get_password(self, service: str, username: str) -> str | None:
            raise keyring.errors.KeyringLocked("locked")

    use_keyring(Locked())
    store = CredentialStore()
    assert store.remember(SERVER, "mario", SECRET) is False
    assert store.recall(SERVER, "mario") is None
