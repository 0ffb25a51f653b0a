"""The diagnostics report for support: the session's latest requests and errors, as plain text.

A pure function of typed values, never a secret; its field labels stay English on purpose,
because the reader is whoever supports b24desk.
"""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from b24desk.api.events import RequestEvent
from b24desk.api.redact import redact
from b24desk.settings.profiles import RATE_PLANS, Profile

from .connect import DEMO_PROFILE, host_of

if TYPE_CHECKING:
    from b24desk.api.client import B24Client

MAX_REQUESTS = 50
MAX_ERRORS = 20
DEMO_HOST = "demo portal (in-process)"


@dataclass(frozen=True)
class Versions:
    b24desk: str
    python: str
    pyside: str
    qt: str
    qasync: str
    httpx: str
    platform: str


@dataclass(frozen=True)
class ConnectionSummary:
    """What the report says about the connection; built only from non-secret parts."""

    profile: str
    host: str
    secrets_backend: str
    rate_plan: str


@dataclass(frozen=True)
class LoggedRequest:
    at: float  # time.time() when the event arrived
    event: RequestEvent


@dataclass(frozen=True)
class LoggedError:
    at: float
    text: str


class SessionHistory:
    """The latest requests and errors of this session, bounded, for the report."""

    def __init__(self, max_requests: int = MAX_REQUESTS, max_errors: int = MAX_ERRORS) -> None:
        self._requests: deque[LoggedRequest] = deque(maxlen=max_requests)
        self._errors: deque[LoggedError] = deque(maxlen=max_errors)

    @property
    def requests(self) -> tuple[LoggedRequest, ...]:
        """Oldest first."""
        return tuple(self._requests)

    @property
    def errors(self) -> tuple[LoggedError, ...]:
        """Oldest first."""
        return tuple(self._errors)

    def add_request(self, event: RequestEvent, at: float | None = None) -> None:
        at = time.time() if at is None else at
        self._requests.append(LoggedRequest(at, event))
        if not event.ok:
            code = f" ({event.error_code})" if event.error_code else ""
            self.add_error(f"{event.method}: {event.outcome}{code}", at)

    def add_error(self, text: str, at: float | None = None) -> None:
        self._errors.append(LoggedError(time.time() if at is None else at, text))


def rate_plan(profile: Profile | None, client: B24Client) -> str:
    """The plan's name when the profile's limit is one of RATE_PLANS, plus the numbers in use."""
    rate, burst = client.options.rate, client.options.burst
    names = [name for name, limit in RATE_PLANS.items() if profile and limit == profile.rate_limit]
    name = names[0] if names else ("demo" if profile is None else "custom")
    return f"{name} ({rate:g} requests/s, burst {burst})"


def summarise_connection(
    name: str | None, profile: Profile | None, client: B24Client | None, secrets_backend: str
) -> ConnectionSummary | None:
    """None when not connected; the host comes from the profile, never from a URL with a code."""
    if name is None or client is None:
        return None
    host = host_of(profile) if profile is not None else DEMO_HOST if name == DEMO_PROFILE else "?"
    return ConnectionSummary(name, host, secrets_backend, rate_plan(profile, client))


def _clock(at: float) -> str:
    return time.strftime("%H:%M:%S", time.localtime(at)) + f".{int(at % 1 * 1000):03d}"


def _request_line(item: LoggedRequest) -> str:
    event = item.event
    status = str(event.status) if event.status is not None else "-"
    parts = [
        _clock(item.at),
        event.method,
        f"{event.duration * 1000:.0f} ms",
        f"HTTP {status}",
        event.outcome + (f" ({event.error_code})" if event.error_code else ""),
        f"retries {event.retries}",
    ]
    if event.waited:
        parts.append(f"waited {event.waited * 1000:.0f} ms")
    if event.commands > 1:
        parts.append(f"{event.commands} commands")
    return "  " + "  ".join(parts)


def diagnostics_report(
    versions: Versions,
    connection: ConnectionSummary | None,
    history: SessionHistory,
    log_dir: Path | None = None,
    now: float | None = None,
) -> str:
    """The report as plain text; passed through `redact` last, in case an error quoted a URL."""
    now = time.time() if now is None else now
    lines = [
        f"b24desk diagnostics, {time.strftime('%Y-%m-%d %H:%M:%S %z', time.localtime(now))}",
        "",
        f"b24desk: {versions.b24desk}",
        f"Python: {versions.python}",
        f"PySide6: {versions.pyside}",
        f"Qt: {versions.qt}",
        f"qasync: {versions.qasync}",
        f"httpx: {versions.httpx}",
        f"Platform: {versions.platform}",
    ]
    if log_dir is not None:
        lines.append(f"Log folder: {log_dir}")
    lines.append("")
    if connection is None:
        lines.append("Connection: not connected")
    else:
        lines += [
            f"Profile: {connection.profile}",
            f"Portal host: {connection.host}",
            f"Secrets backend: {connection.secrets_backend}",
            f"Rate plan: {connection.rate_plan}",
        ]
    requests, errors = history.requests, history.errors
    lines += ["", f"Last {len(requests)} requests (oldest first):"]
    lines += [_request_line(item) for item in requests] or ["  none"]
    lines += ["", f"Last {len(errors)} errors (oldest first):"]
    lines += [f"  {_clock(item.at)}  {item.text}" for item in errors] or ["  none"]
    return redact("\n".join(lines) + "\n")
