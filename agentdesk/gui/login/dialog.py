"""``LoginDialog``: server, username, password, "remember me"; errors shown inline.

The dialog never stores anything itself: "remember me" is carried out by the caller with
:class:`agentdesk.client.credentials.CredentialStore` (the OS keyring), never a file.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agentdesk.gui.icons import app_icon


class LoginDialog(QDialog):
    """Asks for credentials; emits them and waits for the caller's verdict."""

    submitted = Signal(str, str, bool)  # username, password, remember
    usernameChosen = Signal(str)  # look up a remembered password for this user

    def __init__(self, server_url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LoginDialog")
        self.setWindowTitle(self.tr("Sign in to AgentDesk"))
        self.setWindowIcon(app_icon())
        self.setModal(True)
        self.setMinimumWidth(420)
        self.heading = QLabel(self.tr("Sign in"), self)
        self.heading.setObjectName("sectionTitle")
        self.server = QLabel(server_url, self)
        self.server.setObjectName("muted")
        self.server.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.username = QLineEdit(self)
        self.username.setObjectName("username")
        self.username.setPlaceholderText(self.tr("e.g. mario"))
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember me on this computer"), self)
        self.remember.setToolTip(self.tr("The password is kept in the system keyring."))
        self.error = QLabel(self)
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(self)
        self.sign_in: QPushButton = self.buttons.addButton(
            self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sign_in.setDefault(True)
        self.cancel: QPushButton = self.buttons.addButton(
            self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole
        )
        form = QFormLayout()
        form.addRow(self.tr("Server"), self.server)
        form.addRow(self.tr("&Username"), self.username)
        form.addRow(self.tr("&Password"), self.password)
        form.addRow("", self.remember)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.username.editingFinished.connect(self._username_done)
        self.username.textChanged.connect(self._update_enabled)
        self.password.textChanged.connect(self._update_enabled)
        self._busy = False
        self._remember_available = True
        self._update_enabled()

    # ---- the caller's side ------------------------------------------------------------

    def prefill(self, username: str = "", password: str = "") -> None:
        if username:
            self.username.setText(username)
        if password:
            self.password.setText(password)
        (self.password if username else self.username).setFocus()

    def set_remember_available(self, available: bool) -> None:
        """Without a usable keyring there is no "remember me" (and no file fallback)."""
        self._remember_available = available
        self.remember.setEnabled(available)
        if not available:
            self.remember.setChecked(False)
            self.remember.setToolTip(
                self.tr("No system keyring is available, so the password cannot be remembered.")
            )

    def fill_remembered(self, username: str, password: str | None) -> None:
        """The keyring answered for ``username``: fill the password if still relevant."""
        if password and self.username.text().strip() == username and not self.password.text():
            self.password.setText(password)
            self.remember.setChecked(True)

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.username, self.password, self.remember):
            widget.setEnabled(
                not busy and (widget is not self.remember or self._remember_available)
            )
        self.sign_in.setText(self.tr("Signing in…") if busy else self.tr("Sign in"))
        self._update_enabled()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        if text:
            self.password.selectAll()
            self.password.setFocus()

    # ---- internals --------------------------------------------------------------------

    def _submit(self) -> None:
        if self._busy or not self._complete():
            return
        self.show_error("")
        self.submitted.emit(
            self.username.text().strip(), self.password.text(), self.remember.isChecked()
        )

    def _username_done(self) -> None:
        name = self.username.text().strip()
        if name:
            self.usernameChosen.emit(name)

    def _complete(self) -> bool:
        return bool(self.username.text().strip() and self.password.text())

    def _update_enabled(self, *_args: object) -> None:
        self.sign_in.setEnabled(not self._busy and self._complete())

    def accept(self) -> None:
        # Accepting is the caller's decision once the server said yes; Enter only submits.
        self._submit()

    def done_ok(self) -> None:
        super().accept()
