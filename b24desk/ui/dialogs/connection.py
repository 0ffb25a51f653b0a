"""The connection dialog: a webhook URL or OAuth app credentials, a rate plan, and a live test.

The dialog never talks to the portal itself; the window passes a `tester` coroutine.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Collection

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from b24desk.desk.tasks import Latest, TaskScope
from b24desk.settings.errors import ConfigError
from b24desk.settings.profiles import (
    RATE_PLANS,
    InsecureUrlError,
    ProfileKind,
    RateLimit,
    SecretKind,
    check_url,
    split_webhook_url,
)
from b24desk.ui import texts
from b24desk.ui.dialogs.connection_entry import (
    CUSTOM_RATE_PLAN,
    DEFAULT_RATE_PLAN,
    ConnectionRequest,
    Tester,
    host_of_url,
)
from b24desk.ui.dialogs.connection_test import failure_text, is_lasting, report_text
from b24desk.ui.dialogs.form import line_edit, message_label, show_message
from b24desk.ui.errors import user_text
from b24desk.ui.style import Tone, text_style

log = logging.getLogger(__name__)


class ConnectionDialog(QDialog):
    """Enter, test and save a connection; `request()` returns the entry after accept."""

    def __init__(
        self,
        tester: Tester,
        parent: QWidget | None = None,
        *,
        runner: TaskScope | None = None,
        taken_names: Collection[str] = (),
        initial: ConnectionRequest | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("connectionDialog")
        self.setWindowTitle(self.tr("Connect to Bitrix24"))
        self._tester = tester
        # The test's own failures are shown inline by _test; anything else lands here.
        self._runner = runner or TaskScope(self._unexpected)
        self._taken = frozenset(n.strip() for n in taken_names)
        self._task: asyncio.Task[None] | None = None
        self._latest = Latest()  # an older test's result is dropped
        self._touched = False
        self._name_edited = initial is not None
        self._refused = ""  # why the last test says this entry can never work, until edited
        self.renewed: dict[SecretKind, str] = {}  # tokens the last test's sign-in renewed
        self._custom_rate: RateLimit | None = None  # the profile's own limit, if no plan's

        self._build()
        if initial is not None:
            self._load(initial)
        self._connect()
        self._refresh()

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.name = line_edit(self, "profileName", self.tr("e.g. Main portal"))

        self.kind_webhook = QRadioButton(self.tr("Inbound &webhook"), self)
        self.kind_webhook.setObjectName("kindWebhook")
        self.kind_oauth = QRadioButton(self.tr("&OAuth application"), self)
        self.kind_oauth.setObjectName("kindOAuth")
        self.kind_webhook.setChecked(True)
        self._kinds = QButtonGroup(self)
        self._kinds.addButton(self.kind_webhook)
        self._kinds.addButton(self.kind_oauth)
        kinds = QHBoxLayout()
        kinds.addWidget(self.kind_webhook)
        kinds.addWidget(self.kind_oauth)
        kinds.addStretch(1)

        self.webhook_url = line_edit(self, "webhookUrl", "https://PORTAL/rest/USER_ID/CODE/", True)
        self.show_secrets = QToolButton(self)
        self.show_secrets.setObjectName("showSecrets")
        self.show_secrets.setText(self.tr("S&how"))
        self.show_secrets.setCheckable(True)
        self.show_secrets.setToolTip(self.tr("Show or hide the secret fields"))
        webhook_row = QHBoxLayout()
        webhook_row.addWidget(self.webhook_url, 1)
        webhook_row.addWidget(self.show_secrets)
        webhook_page = QWidget(self)
        webhook_form = QFormLayout(webhook_page)
        webhook_form.setContentsMargins(0, 0, 0, 0)
        webhook_form.addRow(self.tr("Webhook &URL:"), webhook_row)

        self.portal_url = line_edit(self, "portalUrl", "https://example.bitrix24.ru/")
        self.client_id = line_edit(self, "clientId", "local.0123456789abcd.12345678")
        self.client_secret = line_edit(self, "clientSecret", "", True)
        self.refresh_token = line_edit(self, "refreshToken", "", True)
        oauth_page = QWidget(self)
        oauth_form = QFormLayout(oauth_page)
        oauth_form.setContentsMargins(0, 0, 0, 0)
        oauth_form.addRow(self.tr("&Portal URL:"), self.portal_url)
        oauth_form.addRow(self.tr("Client &ID:"), self.client_id)
        oauth_form.addRow(self.tr("Client s&ecret:"), self.client_secret)
        oauth_form.addRow(self.tr("&Refresh token:"), self.refresh_token)

        self._pages = QStackedWidget(self)
        self._pages.addWidget(webhook_page)
        self._pages.addWidget(oauth_page)

        self.rate_plan = QComboBox(self)
        self.rate_plan.setObjectName("ratePlan")
        for key, limit in RATE_PLANS.items():
            self.rate_plan.addItem(self._plan_label(key, limit), key)

        self.test_button = QPushButton(self.tr("&Test connection"), self)
        self.test_button.setObjectName("testConnection")
        self.test_button.setAutoDefault(False)
        self.test_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.test_result = message_label(self, "testResult")
        self.validation = message_label(self, "validationError")
        self.secrets_note = message_label(self, "secretsNote")
        self.secrets_note.setStyleSheet(text_style(Tone.HINT))

        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self._buttons.button(QDialogButtonBox.StandardButton.Save)

        form = QFormLayout()
        form.addRow(self.tr("Profile &name:"), self.name)
        form.addRow(self.tr("Connect with:"), kinds)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._pages)
        plan = QFormLayout()
        plan.addRow(self.tr("Rate p&lan:"), self.rate_plan)
        layout.addLayout(plan)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        layout.addLayout(test_row)
        layout.addWidget(self.validation)
        layout.addWidget(self.secrets_note)
        layout.addStretch(1)
        layout.addWidget(self._buttons)
        self.setMinimumWidth(520)
        self.resize(560, 0)

    def _plan_label(self, key: str, limit: RateLimit) -> str:
        titles = {
            "standard": self.tr("Standard"),
            "enterprise": self.tr("Enterprise"),
            CUSTOM_RATE_PLAN: self.tr("Custom (from the settings file)"),
        }
        title = titles.get(key, key.title())
        return self.tr("{plan} — {rate:g} requests/s, burst {burst}").format(
            plan=title, rate=limit.rate, burst=limit.burst
        )

    def _connect(self) -> None:
        self.name.textEdited.connect(self._name_typed)
        self.name.textChanged.connect(lambda *_: self._edited(connection=False))
        for line in self._connection_fields():
            line.textChanged.connect(lambda *_: self._edited(connection=True))
        self.kind_webhook.toggled.connect(lambda *_: self._edited(connection=True))
        self.show_secrets.toggled.connect(self._reveal)
        self.test_button.clicked.connect(lambda *_: self._start_test())
        self._buttons.accepted.connect(self._save)
        self._buttons.rejected.connect(self.reject)

    def _load(self, initial: ConnectionRequest) -> None:
        self.name.setText(initial.name)
        self.kind_oauth.setChecked(initial.kind is ProfileKind.OAUTH)
        self.webhook_url.setText(initial.webhook_url)
        self.portal_url.setText(initial.portal_url)
        self.client_id.setText(initial.client_id)
        self.client_secret.setText(initial.client_secret)
        self.refresh_token.setText(initial.refresh_token)
        if initial.custom_rate is not None and self.rate_plan.findData(CUSTOM_RATE_PLAN) < 0:
            label = self._plan_label(CUSTOM_RATE_PLAN, initial.custom_rate)
            self.rate_plan.addItem(label, CUSTOM_RATE_PLAN)
            self._custom_rate = initial.custom_rate
        plan = self.rate_plan.findData(initial.rate_plan)
        self.rate_plan.setCurrentIndex(max(plan, 0))

    def _connection_fields(self) -> tuple[QLineEdit, ...]:
        return (
            self.webhook_url,
            self.portal_url,
            self.client_id,
            self.client_secret,
            self.refresh_token,
        )

    # --- public ---------------------------------------------------------------------------

    @property
    def kind(self) -> ProfileKind:
        return ProfileKind.OAUTH if self.kind_oauth.isChecked() else ProfileKind.WEBHOOK

    @property
    def is_testing(self) -> bool:
        return self._task is not None

    def request(self) -> ConnectionRequest:
        """What the supervisor entered, trimmed; valid once the dialog was accepted."""
        webhook = self.kind is ProfileKind.WEBHOOK
        return ConnectionRequest(
            name=self.name.text().strip(),
            kind=self.kind,
            rate_plan=self.rate_plan.currentData() or DEFAULT_RATE_PLAN,
            webhook_url=self.webhook_url.text().strip() if webhook else "",
            portal_url="" if webhook else self.portal_url.text().strip(),
            client_id="" if webhook else self.client_id.text().strip(),
            client_secret="" if webhook else self.client_secret.text().strip(),
            refresh_token="" if webhook else self.refresh_token.text().strip(),
            custom_rate=self._custom_rate,
        )

    def set_secrets_note(self, text: str) -> None:
        """Show SecretStore.fallback_note (or hide the note when it is empty)."""
        self.secrets_note.setText(texts.text(text) if text else "")
        self.secrets_note.setVisible(bool(text))

    def problems(self) -> list[str]:
        """Why the entry cannot be saved or tested yet, in form order; empty when valid."""
        found = self._connection_problems()
        name = self.name.text().strip()
        if not name:
            found.insert(0, self.tr("Give the connection a name."))
        elif name in self._taken:
            found.insert(0, self.tr("A connection with this name already exists."))
        if self._refused and not found:
            found.append(self.tr("This connection cannot work as entered: change it first."))
        return found

    def done(self, result: int) -> None:
        self._cancel_test()
        super().done(result)

    # --- validation -----------------------------------------------------------------------

    def _connection_problems(self) -> list[str]:
        entry = self.request()  # what a test or a save would use (kept secrets included)
        if self.kind is ProfileKind.WEBHOOK:
            try:
                split_webhook_url(entry.webhook_url)
            except InsecureUrlError as error:
                return [user_text(error)]
            except ConfigError:
                return [self.tr("Paste the whole webhook URL: https://PORTAL/rest/USER_ID/CODE/")]
            return []
        found = []
        try:
            check_url(entry.portal_url, "portal")
        except InsecureUrlError as error:
            found.append(user_text(error))
        except ConfigError:
            found.append(self.tr("The portal URL must start with https:// and name the portal."))
        if not entry.client_id:
            found.append(self.tr("Enter the application's client ID."))
        if not entry.client_secret:
            found.append(self.tr("Enter the application's client secret."))
        if not entry.refresh_token:
            found.append(self.tr("Enter a refresh token."))
        return found

    def _name_typed(self, _text: str) -> None:
        self._name_edited = True

    def _edited(self, connection: bool) -> None:
        self._touched = True
        if connection:
            # A result (or a test in flight) describes what was entered before this edit.
            self._cancel_test()
            self._refused = ""
            self.renewed = {}
            show_message(self.test_result, "", "")
            self._suggest_name()
        self._refresh()

    def _suggest_name(self) -> None:
        if self._name_edited:
            return
        url = (
            self.webhook_url.text() if self.kind is ProfileKind.WEBHOOK else self.portal_url.text()
        )
        self.name.setText(host_of_url(url))

    def _refresh(self) -> None:
        self._show_page(1 if self.kind is ProfileKind.OAUTH else 0)
        problems = self.problems()
        self.save_button.setEnabled(not problems)
        self.test_button.setEnabled(not self._connection_problems() and self._task is None)
        # No complaints about an empty form the supervisor has not started on.
        shown = problems[0] if problems and self._touched else ""
        show_message(self.validation, shown, text_style(Tone.ERROR))

    def _show_page(self, index: int) -> None:
        """A stacked widget is as tall as its tallest page; size it to the shown one."""
        current = self._pages.currentWidget()
        if self._pages.currentIndex() == index and current is not None and current.isVisible():
            return
        self._pages.setCurrentIndex(index)
        for page in range(self._pages.count()):
            policy = QSizePolicy.Policy.Preferred if page == index else QSizePolicy.Policy.Ignored
            widget = self._pages.widget(page)
            if widget is not None:
                widget.setSizePolicy(policy, policy)
        self._pages.adjustSize()
        self.adjustSize()

    def _reveal(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        for line in (self.webhook_url, self.client_secret, self.refresh_token):
            line.setEchoMode(mode)
        self.show_secrets.setText(self.tr("&Hide") if shown else self.tr("S&how"))

    # --- testing --------------------------------------------------------------------------

    def _start_test(self) -> None:
        if self._task is not None or self._connection_problems():
            return
        current = self._latest.ticket()
        show_message(self.test_result, self.tr("Testing the connection…"), text_style(Tone.HINT))
        self._task = self._runner.spawn(self._test(current, self.request()), name="connection test")
        self._refresh()

    async def _test(self, current: Callable[[], bool], request: ConnectionRequest) -> None:
        try:
            report = await self._tester(request)
        except Exception as exc:
            if current():
                log.info("Connection test failed: %r", exc)
                generic = self.tr("Could not connect. Check the address and the credentials.")
                text = failure_text(exc, request.kind, generic)
                self._refused = text if is_lasting(exc) else ""
                self._finish_test(text, text_style(Tone.ERROR))
            return
        if current():
            self.renewed = dict(report.renewed)
            self._finish_test(*report_text(report))

    def _finish_test(self, text: str, style: str) -> None:
        self._task = None
        show_message(self.test_result, text, style)
        self._refresh()

    def _unexpected(self, error: BaseException) -> None:
        generic = self.tr("The connection test stopped unexpectedly.")
        self._finish_test(user_text(error, generic), text_style(Tone.ERROR))

    def _cancel_test(self) -> None:
        self._latest.supersede()
        if self._task is not None:
            self._task.cancel()
            self._task = None

    # --- helpers --------------------------------------------------------------------------

    def _save(self) -> None:
        if not self.problems():
            self.accept()
