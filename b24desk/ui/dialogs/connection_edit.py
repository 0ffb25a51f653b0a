"""Editing a saved connection: its fields filled in, its secrets kept unless replaced, and
deleting it after a confirmation inside the dialog (no message box takes the keyboard)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from b24desk.desk.tasks import TaskScope
from b24desk.settings.profiles import ProfileKind
from b24desk.ui.dialogs.connection import ConnectionDialog
from b24desk.ui.dialogs.connection_entry import ConnectionRequest, Tester
from b24desk.ui.dialogs.form import message_label, show_message
from b24desk.ui.style import Tone, text_style

DELETED = 2  # the dialog's result when the supervisor confirmed deleting the connection


class EditConnectionDialog(ConnectionDialog):
    """A saved connection to change or delete; empty secret fields keep the saved secrets."""

    def __init__(
        self,
        tester: Tester,
        saved: ConnectionRequest,
        parent: QWidget | None = None,
        *,
        runner: TaskScope | None = None,
        taken_names: Collection[str] = (),
        delete: bool = False,
    ) -> None:
        """`saved` holds the stored secrets too; they are used, never shown. With `delete`,
        the dialog opens asking to confirm the deletion."""
        self._saved = saved  # read by request() while the base class builds the form
        hidden = replace(saved, webhook_url="", client_secret="", refresh_token="")
        others = set(taken_names) - {saved.name}
        super().__init__(tester, parent, runner=runner, taken_names=others, initial=hidden)
        self.setWindowTitle(self.tr("Edit connection"))
        kept = self.tr("Saved; type a new one to replace it")
        self.client_secret.setPlaceholderText(kept)
        self.refresh_token.setPlaceholderText(kept)
        if saved.webhook_url:
            base = saved.webhook_url.rstrip("/").rsplit("/", 1)[0]
            self.webhook_url.setPlaceholderText(
                self.tr("{base}/… saved; paste a new URL to replace it").format(base=base)
            )
        self._build_delete()
        if delete:
            self._ask_delete()

    def request(self) -> ConnectionRequest:
        """What was entered, with the saved secrets where the fields were left empty."""
        entered = super().request()
        saved = self._saved
        if entered.kind is not saved.kind:
            return entered
        if entered.kind is ProfileKind.WEBHOOK:
            return replace(entered, webhook_url=entered.webhook_url or saved.webhook_url)
        return replace(
            entered,
            client_secret=entered.client_secret or saved.client_secret,
            refresh_token=entered.refresh_token or saved.refresh_token,
        )

    # --- deleting -------------------------------------------------------------------------

    def _build_delete(self) -> None:
        self.delete_button = QPushButton(self.tr("&Delete connection…"), self)
        self.delete_button.setObjectName("deleteConnection")
        self.delete_button.setAutoDefault(False)
        self._buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.delete_button.clicked.connect(lambda *_: self._ask_delete())

        self.confirm_bar = QWidget(self)
        self.confirm_bar.setObjectName("confirmDelete")
        self.confirm_text = message_label(self.confirm_bar, "confirmDeleteText")
        self.confirm_delete = QPushButton(self.tr("&Delete"), self.confirm_bar)
        self.confirm_delete.setObjectName("confirmDeleteButton")
        self.keep_button = QPushButton(self.tr("&Keep it"), self.confirm_bar)
        self.keep_button.setObjectName("keepConnection")
        for button in (self.confirm_delete, self.keep_button):
            button.setAutoDefault(False)
        row = QHBoxLayout(self.confirm_bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.confirm_text, 1)
        row.addWidget(self.confirm_delete)
        row.addWidget(self.keep_button)
        self.confirm_bar.setVisible(False)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)  # the base dialog's: its last item the buttons
        layout.insertWidget(layout.count() - 1, self.confirm_bar)
        self.confirm_delete.clicked.connect(lambda *_: self.done(DELETED))
        self.keep_button.clicked.connect(lambda *_: self._keep())

    def _ask_delete(self) -> None:
        question = self.tr(
            "Delete “{name}” and the secrets saved for it on this computer? "
            "Nothing changes in Bitrix24."
        ).format(name=self._saved.name)
        show_message(self.confirm_text, question, text_style(Tone.WARNING))
        self.confirm_bar.setVisible(True)
        self.delete_button.setEnabled(False)
        self.keep_button.setFocus()  # the safe answer is the one Enter or Space gives

    def _keep(self) -> None:
        self.confirm_bar.setVisible(False)
        self.delete_button.setEnabled(True)
        self.delete_button.setFocus()
