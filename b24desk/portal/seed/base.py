"""The seeder's core: one seeded generator, the date pool, credentials and staff."""

from __future__ import annotations

import random
import string
from datetime import timedelta

from ..state import Department, OAuthApp, PortalState, User, Webhook
from .corpus import (
    ADMIN_ID,
    BOT_ID,
    DATE_POOL_SIZE,
    DAY,
    DEPARTMENTS,
    EMPLOYEES,
    FIRED,
    FULL_SCOPES,
    HISTORY_DAYS,
    NOW,
    OAUTH_CLIENT_ID,
    RESTRICTED_ACCESS,
    RESTRICTED_ID,
    WEBHOOKS,
)
from .values import FEMALE_PATRONYMICS, MALE_PATRONYMICS, latin, pick, random_phone


class Seeder:
    """Builds one PortalState; every random choice comes from one seeded generator."""

    def __init__(self, seed: int, base_url: str) -> None:
        self.rng = random.Random(seed)
        self.rand = self.rng.random
        self.base_url = base_url.rstrip("/")
        self.state = PortalState(now=NOW)
        self.dates = self._date_pool()
        self.company_titles: list[str] = []
        self.company_domains: list[str] = []
        self.contact_companies: list[str] = []

    def _date_pool(self) -> list[str]:
        """Sorted ISO dates over the last two years: rows pick an index, not a datetime."""
        start = NOW - timedelta(days=HISTORY_DAYS)
        span = HISTORY_DAYS * DAY - 3600
        seconds = sorted(self.rng.randrange(span) for _ in range(DATE_POOL_SIZE))
        return [(start + timedelta(seconds=s)).isoformat() for s in seconds]

    def _date_span(self, number: int, total: int) -> tuple[int, int]:
        """Pool indices of creation and last change; higher IDs are newer, as in a real CRM."""
        size = len(self.dates)
        created = min(size - 1, (number - 1) * size // total + int(self.rand() * 8))
        return created, created + int(self.rand() * (size - created) * 0.25)

    def _token(self, length: int, alphabet: str) -> str:
        return "".join(self.rng.choices(alphabet, k=length))

    def add_credentials(self) -> None:
        for user_id, scopes, title in WEBHOOKS:
            code = self._token(16, string.ascii_lowercase + string.digits)
            self.state.webhooks[code] = Webhook(user_id, code, scopes, title)
        secret = self._token(50, string.ascii_letters + string.digits)
        self.state.oauth_apps[OAUTH_CLIENT_ID] = OAuthApp(OAUTH_CLIENT_ID, secret, FULL_SCOPES)

    def add_staff(self) -> None:
        state = self.state
        for department_id, name, parent in DEPARTMENTS:
            state.departments[department_id] = Department(department_id, name, parent)
        for user_id, (name, last, gender, position, department) in enumerate(EMPLOYEES, 1):
            state.users[user_id] = self._employee(user_id, name, last, gender, position, department)
        state.users[RESTRICTED_ID].crm_access = dict(RESTRICTED_ACCESS)
        state.users[BOT_ID] = User(
            BOT_ID,
            "Чат-бот",
            "Помощник",
            work_position="Bot",
            is_bot=True,
            is_online=True,
            date_register=self._ago(400 * DAY, 500 * DAY),
            last_login=self._ago(60, 3600),
        )

    def _ago(self, low: int, high: int) -> str:
        return (NOW - timedelta(seconds=self.rng.randrange(low, high))).isoformat()

    def _employee(
        self, user_id: int, name: str, last: str, gender: str, position: str, department: int
    ) -> User:
        english = name.isascii()
        fired = user_id in FIRED
        second = ""
        if not english:
            second = pick(self.rand, FEMALE_PATRONYMICS if gender == "F" else MALE_PATRONYMICS)
        return User(
            user_id,
            name,
            last,
            email=f"{latin(name)[0]}.{latin(last)}@{self.state.domain}",
            second_name=second,
            work_position=position,
            departments=[department],
            active=not fired,
            gender=gender,
            is_online=not fired and (user_id == ADMIN_ID or self.rand() < 0.45),
            is_admin=user_id == ADMIN_ID,
            work_phone=f"+7 495 640-12-{user_id + 10:02d}",
            personal_mobile=random_phone(self.rand, english) if self.rand() < 0.5 else "",
            date_register=self._ago(200 * DAY, 1400 * DAY),
            last_login=self._ago(60 * DAY, 300 * DAY) if fired else self._ago(600, 3 * DAY),
        )
