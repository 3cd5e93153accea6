"""``CredentialStore``: remembered passwords live in the OS keyring, and nowhere else.

The keyring's entry is service ``AgentDesk``, user ``<username>@<server>``. When the
keyring has no usable backend (the ``fail`` or ``null`` backend, or only file-based ones
such as ``keyrings.alt``), remembering is unavailable: :meth:`remember` returns False and
nothing is written anywhere. Keyring calls can block (D-Bus, an unlock prompt): the desktop
calls them from a worker thread.
"""

from __future__ import annotations

import logging
from typing import Any

import keyring
import keyring.errors

log = logging.getLogger(__name__)

SERVICE = "AgentDesk"

# Backends that keep secrets in a plain or weakly protected file, or keep nothing.
_REFUSED_MODULE_PREFIXES = ("keyrings.alt", "keyring.backends.fail", "keyring.backends.null")


def _backend_usable(backend: Any) -> bool:
    module = type(backend).__module__
    if module.startswith(_REFUSED_MODULE_PREFIXES):
        return False
    chained = _chained(backend)
    if chained is not None:
        return bool(chained) and all(_backend_usable(b) for b in chained)
    try:
        return float(backend.priority) > 0
    except Exception:
        return False


def _chained(backend: Any) -> list[Any] | None:
    if type(backend).__module__ != "keyring.backends.chainer":
        return None
    return list(getattr(backend, "backends", []))


class CredentialStore:
    """Remember, recall and forget one password per (server, username)."""

    def __init__(self, service: str = SERVICE, backend: Any = None) -> None:
        """``backend`` pins a keyring backend; by default keyring's active one is used."""
        self.service = service
        self._backend = backend

    @property
    def backend(self) -> Any:
        return self._backend if self._backend is not None else keyring.get_keyring()

    @property
    def available(self) -> bool:
        """True when a real secret store is there (never a file, never the fail backend)."""
        return _backend_usable(self.backend)

    @staticmethod
    def entry_name(server: str, username: str) -> str:
        return f"{username}@{server.rstrip('/')}"

    def remember(self, server: str, username: str, password: str) -> bool:
        """Store the password; False (and nothing stored) without a usable keyring."""
        backend = self.backend
        if not _backend_usable(backend):
            log.info("no usable keyring (%s): the password is not remembered", backend)
            return False
        try:
            backend.set_password(self.service, self.entry_name(server, username), password)
        except (keyring.errors.KeyringError, NotImplementedError) as exc:
            log.warning("the keyring refused to store the password: %s", exc)
            return False
        return True

    def recall(self, server: str, username: str) -> str | None:
        """The remembered password, or None."""
        backend = self.backend
        if not _backend_usable(backend):
            return None
        try:
            value = backend.get_password(self.service, self.entry_name(server, username))
        except (keyring.errors.KeyringError, NotImplementedError) as exc:
            log.warning("keyring lookup failed: %s", exc)
            return None
        return value if isinstance(value, str) else None

    def forget(self, server: str, username: str) -> None:
        """Remove the remembered password, if any."""
        backend = self.backend
        if not _backend_usable(backend):
            return
        try:
            backend.delete_password(self.service, self.entry_name(server, username))
        except keyring.errors.PasswordDeleteError:
            pass  # nothing was remembered
        except (keyring.errors.KeyringError, NotImplementedError) as exc:
            log.warning("keyring delete failed: %s", exc)
