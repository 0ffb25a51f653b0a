"""The demo portal as an ASGI application: routing, auth, limits, envelope, faults.

URL forms (as on a real portal):
  /rest/{user_id}/{webhook_code}/{method}[.json]   incoming webhook
  /rest/{method}[.json]  with `auth` in the query, form or JSON body   OAuth application
  /oauth/token/          refresh_token grant (oauth.bitrix.info on the real cloud)
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
import secrets
import time
from collections import deque
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from . import errors
from .asgi import (
    Receive,
    Scope,
    Send,
    lifespan,
    parse_params,
    read_body,
    send_bytes,
    send_fault_before,
    send_json,
)
from .batch import run_batch
from .config import PortalConfig
from .cost import Work
from .errors import RestError
from .faults import AFTER, BEFORE, FaultPlan
from .limits import Limits
from .live import LiveMode
from .methods import BATCH_SCOPE, METHODS, Call, ListResult
from .methods.im_events import record
from .seed import build_state
from .state import OAuthToken, PortalState, User


@dataclass(frozen=True)
class WireRecord:
    """One request as the portal answered it, for tests and benches to inspect."""

    method: str
    status: int
    error: str | None
    at: float


@dataclass(frozen=True)
class Invoked:
    outcome: Any
    seconds: float
    operating: float
    operating_reset_at: int


@dataclass
class Caller:
    user: User
    scopes: frozenset[str]
    key: str  # rate-limit and operating-time account


class Portal:
    """A Bitrix24 portal emulator; an instance is an ASGI callable."""

    def __init__(self, config: PortalConfig | None = None, base_url: str = "") -> None:
        self.config = config or PortalConfig()
        self.state: PortalState = build_state(
            seed=self.config.seed,
            leads=self.config.leads,
            deals=self.config.deals,
            contacts=self.config.contacts,
            companies=self.config.companies,
            lead_chats=self.config.lead_chats,
        )
        self.state.clock_skew = self.config.clock_skew
        self.state.observers.append(record)  # im.v2 events for subscribed participants
        self.base_url = base_url
        self.limits = Limits(self.config.rate, self.config.burst, self.config.operating_limit)
        self.faults = FaultPlan(rate=self.config.fail_rate, kinds=self.config.fail_kinds)
        self.wire_log: deque[WireRecord] = deque(maxlen=100_000)
        self._jitter = random.Random(self.config.seed)
        self._tz = timezone(timedelta(hours=3))
        self.live = LiveMode(self.state, seed=self.config.seed, rate=self.config.live_rate)
        self._live_task: asyncio.Task[None] | None = None

    # ---- public helpers for tests, benches and the CLI ----

    def webhook_urls(self) -> list[str]:
        """One URL per seeded webhook, the admin's first."""
        return [f"{self.base_url}/rest/{w.user_id}/{w.code}/" for w in self.state.webhooks.values()]

    def issue_tokens(self, user_id: int = 1, client_id: str | None = None) -> OAuthToken:
        """Tokens as if the user had just authorised the local application."""
        app = next(iter(self.state.oauth_apps.values()))
        token = OAuthToken(
            access_token=secrets.token_hex(16),
            refresh_token=secrets.token_hex(16),
            client_id=client_id or app.client_id,
            user_id=user_id,
            expires_at=time.time() + self.config.access_token_ttl,
        )
        self.state.access_tokens[token.access_token] = token
        self.state.refresh_tokens[token.refresh_token] = token
        return token

    def expire_access_tokens(self) -> None:
        for token in self.state.access_tokens.values():
            token.expires_at = 0.0

    def start_live(self) -> None:
        """On the portal's loop: start live mode if its rate is above 0 (once)."""
        if self.live.rate > 0 and self._live_task is None:
            self._live_task = asyncio.get_running_loop().create_task(self.live.run())

    async def stop_live(self) -> None:
        task, self._live_task = self._live_task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    def count_errors(self, code: str) -> int:
        return sum(1 for record in self.wire_log if record.error == code)

    # ---- ASGI ----

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        body = await read_body(receive)
        path: str = scope["path"]
        if path.rstrip("/") == "/oauth/token":
            await self._oauth_token(scope, body, send)
        elif path.startswith("/rest/"):
            await self._rest(scope, body, send)
        else:
            await send_bytes(send, 404, b"Not found", "text/plain")

    async def _rest(self, scope: Scope, body: bytes, send: Send) -> None:
        started = time.time()
        parts = [p for p in scope["path"][len("/rest/") :].split("/") if p]
        method = parts[-1].lower() if parts else ""
        if method.endswith(".json"):
            method = method[: -len(".json")]
        try:
            params = parse_params(scope, body)
        except ValueError:
            params = None
        await self._delay()
        try:
            if params is None:
                raise RestError("INVALID_REQUEST", "Request body could not be decoded", 400)
            caller = self._authenticate(parts, params)
            if self.config.rate_limit and not self.limits.admit(caller.key, started):
                raise errors.query_limit()
            fault = self.faults.pick(method)
            if fault in BEFORE:
                self._log(method, 500 if fault == "500" else 502 if fault == "502" else 200, fault)
                await send_fault_before(send, fault)
                return
            result, extra = await self._execute_top(caller, method, params, started)
        except RestError as error:
            self._log(method, error.status, error.code)
            await send_json(send, error.status, error.body())
            return
        envelope = {"result": result, **extra}
        self._log(method, 200, None)
        if fault in AFTER:
            await self._send_fault_after(send, fault, envelope)
            return
        await send_json(send, 200, envelope)

    async def _execute_top(
        self, caller: Caller, method: str, params: dict[str, Any], started: float
    ) -> tuple[Any, dict[str, Any]]:
        if method == "batch":
            # The outer batch does not count towards operating time; its commands do.
            def run(name: str, command_params: dict[str, Any]) -> tuple[Any, float]:
                invoked = self.invoke(caller, name, command_params)
                return invoked.outcome, invoked.seconds

            result, seconds = run_batch(run, self.time_block, params)
            await self._spend(seconds)
            return result, {"time": self.time_block(started, seconds)}
        invoked = self.invoke(caller, method, params)
        await self._spend(invoked.seconds)
        block = self.time_block(started, invoked.seconds)
        block["operating_reset_at"] = invoked.operating_reset_at
        block["operating"] = round(invoked.operating, 6)
        outcome = invoked.outcome
        if isinstance(outcome, ListResult):
            extra: dict[str, Any] = {}
            if outcome.next is not None:
                extra["next"] = outcome.next
            if outcome.total is not None:
                extra["total"] = outcome.total
            extra["time"] = block
            return outcome.rows, extra
        return outcome, {"time": block}

    def invoke(self, caller: Caller, method: str, params: dict[str, Any]) -> Invoked:
        """Run one method (top level or inside a batch) and count its operating time."""
        if method == "batch":
            raise errors.batch_not_allowed()
        entry = METHODS.get(method)
        if entry is None:
            raise errors.method_not_found()
        self._check_scope(caller, entry.scope)
        now = time.time()
        if self.limits.method_blocked(caller.key, method, now):
            raise errors.operation_time_limit()
        work = Work()
        clock = time.perf_counter()
        outcome = entry.handler(
            Call(self.state, caller.user, caller.scopes, work, self.base_url), params
        )
        seconds = work.seconds() if self.config.realistic_cost else time.perf_counter() - clock
        operating, reset_at = self.limits.record(caller.key, method, now, seconds)
        return Invoked(outcome, seconds, operating, reset_at)

    # ---- pieces ----

    def _authenticate(self, parts: list[str], params: dict[str, Any]) -> Caller:
        if len(parts) >= 3:
            user_id, code = parts[0], parts[1]
            webhook = self.state.webhooks.get(code)
            user = self.state.users.get(int(user_id)) if user_id.isdigit() else None
            if webhook is None or user is None or webhook.user_id != user.id or not user.active:
                raise errors.no_auth()
            return Caller(user, webhook.scopes, f"webhook:{code}")
        token_value = params.pop("auth", None)
        if not isinstance(token_value, str) or not token_value:
            raise errors.no_auth()
        token = self.state.access_tokens.get(token_value)
        if token is None:
            raise errors.no_auth()
        if token.expires_at <= time.time():
            raise errors.expired_token()
        user = self.state.users.get(token.user_id)
        app = self.state.oauth_apps.get(token.client_id)
        if user is None or app is None or not user.active:
            raise errors.no_auth()
        return Caller(user, app.scopes, f"oauth:{token.client_id}:{user.id}")

    @staticmethod
    def _check_scope(caller: Caller, scope: str) -> None:
        if scope == BATCH_SCOPE:
            return
        if scope == "user" and caller.scopes & {"user", "user_basic", "user_brief"}:
            return
        if scope not in caller.scopes:
            raise errors.insufficient_scope()

    async def _delay(self) -> None:
        seconds = self.config.latency_ms / 1000
        if self.config.jitter_ms:
            seconds += self._jitter.uniform(0, self.config.jitter_ms / 1000)
        if seconds > 0:
            await asyncio.sleep(seconds)

    async def _spend(self, seconds: float) -> None:
        """With the cost model on, the portal takes as long as a real one would."""
        if self.config.realistic_cost and seconds > 0:
            await asyncio.sleep(seconds)

    def time_block(self, started: float, processing: float) -> dict[str, Any]:
        finish = max(time.time(), started + processing)
        return {
            "start": round(started, 6),
            "finish": round(finish, 6),
            "duration": round(finish - started, 6),
            "processing": round(processing, 6),
            "date_start": self._iso(started),
            "date_finish": self._iso(finish),
        }

    def _iso(self, ts: float) -> str:
        return datetime.fromtimestamp(ts, UTC).astimezone(self._tz).isoformat(timespec="seconds")

    def _log(self, method: str, status: int, error: str | None) -> None:
        self.wire_log.append(WireRecord(method, status, error, time.time()))

    async def _send_fault_after(self, send: Send, fault: str, envelope: dict[str, Any]) -> None:
        payload = json.dumps(envelope, ensure_ascii=False).encode()
        if fault == "truncated":
            await send_bytes(send, 200, payload[: max(1, len(payload) // 2)], "application/json")
        elif fault == "drop":
            await send(
                {
                    "type": "http.response.start",
                    "status": 200,
                    "headers": [
                        (b"content-type", b"application/json"),
                        (b"content-length", str(len(payload)).encode()),
                    ],
                }
            )
            # Returning without the body makes the server close the connection mid-answer.
        elif fault == "500after":
            await send_json(send, 500, errors.internal().body())
        else:  # hang
            await asyncio.sleep(self.config.hang_seconds)
            await send_json(send, 200, envelope)

    async def _oauth_token(self, scope: Scope, body: bytes, send: Send) -> None:
        try:
            params = parse_params(scope, body)
        except ValueError:
            params = {}
        status, answer = self._refresh(params)
        await send_json(send, status, answer)

    def _refresh(self, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        if params.get("grant_type") != "refresh_token":
            return 400, {"error": "invalid_request", "error_description": "Invalid grant_type"}
        app = self.state.oauth_apps.get(str(params.get("client_id", "")))
        if app is None or params.get("client_secret") != app.client_secret:
            return 401, {"error": "invalid_client", "error_description": "Invalid client"}
        old = self.state.refresh_tokens.pop(str(params.get("refresh_token", "")), None)
        if old is None or old.client_id != app.client_id:
            return 400, {"error": "invalid_grant", "error_description": "Invalid refresh token"}
        # Refresh tokens are single-use: the pair is replaced.
        self.state.access_tokens.pop(old.access_token, None)
        new = self.issue_tokens(old.user_id, app.client_id)
        return 200, {
            "access_token": new.access_token,
            "expires": int(new.expires_at),
            "expires_in": int(self.config.access_token_ttl),
            "scope": ",".join(sorted(app.scopes)),
            "domain": self.state.domain,
            "server_endpoint": f"{self.base_url}/oauth/rest/",
            "status": "L",
            "client_endpoint": f"{self.base_url}/rest/",
            "member_id": "demo0000000000000000000000000000",
            "user_id": new.user_id,
            "refresh_token": new.refresh_token,
        }
