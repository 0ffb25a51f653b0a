"""The Bitrix24 REST client: one httpx.AsyncClient per portal, limits, retries, batches.

Every call goes through `_exchange`, which waits for the rate limits, sends, decodes and
decides what a failure means: rate-limit refusals are retried (the portal refused before
doing anything), an expired OAuth token is refreshed once, reads are retried after server
and network failures, and a write whose answer was lost becomes `OutcomeUnknownError`.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from types import TracebackType
from typing import Any, TypeVar

import httpx

from b24desk import __version__

from .auth import Auth
from .batch import EMPTY, BatchResult, Command, CommandLike, as_command, check_names, chunks
from .batch import parse_result as parse_batch_result
from .batch import payload as batch_payload
from .errors import (
    ApiError,
    B24Error,
    ConnectError,
    ExpiredTokenError,
    LimitError,
    OperationTimeLimitError,
    OutcomeUnknownError,
    ProtocolError,
    RateLimitError,
    ServerError,
    TransportError,
)
from .events import OK, Listener, RequestEvent
from .kinds import batch_is_write, is_write
from .limiter import LeakyBucket, OperatingTimes
from .parse import as_int
from .redact import guard_http_logs, redact, redacting_logger
from .wire import decode_body, transport_error

T = TypeVar("T")

log = redacting_logger(__name__)

USER_AGENT = f"b24desk/{__version__}"
LOGGED_BODY_CHARS = 500


@dataclass(frozen=True)
class ClientOptions:
    """Knobs of one portal connection, with the cloud's defaults."""

    rate: float = 2.0  # leaky bucket drain, requests/s (enterprise plans: 5)
    burst: int = 50  # leaky bucket depth (enterprise plans: 250)
    reserve: int = 2  # bucket slots kept free for network jitter (see limiter.py)
    connect_timeout: float = 5.0
    read_timeout: float = 65.0  # the portal cuts requests off at 60 s: an answer is due by then
    max_retries: int = 3  # re-sends of a read after a server or network failure
    backoff: float = 0.5  # first back-off, doubled per retry...
    max_backoff: float = 8.0  # ...up to this
    rate_limit_retries: int = 8  # re-sends after QUERY_LIMIT_EXCEEDED
    operating_limit: float | None = 480.0  # per-method seconds per 10 min; None: trust the portal
    max_operating_wait: float = 600.0  # longest wait for an operating-time reset


@dataclass(frozen=True)
class Envelope:
    """A successful answer: the result plus the list methods' `total`/`next` and `time`."""

    result: Any
    total: int | None
    next: int | None
    time: Mapping[str, Any]


@dataclass
class _Attempts:
    """Bookkeeping of one call across its attempts."""

    retries: int = 0
    rate_limited: int = 0
    refreshed: bool = False
    waited: float = 0.0
    status: int | None = None


class B24Client:
    """A connection to one portal; use `async with B24Client(auth) as client:`."""

    def __init__(
        self,
        auth: Auth,
        options: ClientOptions | None = None,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.auth = auth
        self.options = options = options or ClientOptions()
        self.bucket = LeakyBucket(options.rate, options.burst, options.reserve)
        self.operating = OperatingTimes(options.operating_limit)
        self.in_flight = 0
        self._listeners: list[Listener] = []
        self._jitter = random.Random()
        guard_http_logs()
        self._http = httpx.AsyncClient(
            timeout=httpx.Timeout(
                options.read_timeout, connect=options.connect_timeout, pool=options.read_timeout
            ),
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
            limits=httpx.Limits(max_connections=20, max_keepalive_connections=10),
            transport=transport,
        )

    def __repr__(self) -> str:
        return (
            f"B24Client({self.auth!r}, rate={self.options.rate}, burst={self.options.burst}, "
            f"in_flight={self.in_flight})"
        )

    async def __aenter__(self) -> B24Client:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    # ---- events ----

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener` after every call; returns the function that unsubscribes it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _emit(self, event: RequestEvent) -> None:
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:
                log.exception("request event listener failed")

    # ---- calls ----

    async def call(self, method: str, params: Mapping[str, Any] | None = None) -> Any:
        """Call `method` and return its `result`."""
        return (await self.call_envelope(method, params)).result

    async def call_envelope(self, method: str, params: Mapping[str, Any] | None = None) -> Envelope:
        """Call `method` and return its whole answer (for `total`, `next`, `time`)."""
        body = await self._exchange(method, dict(params or {}), write=is_write(method), commands=1)
        return Envelope(
            result=body.get("result"),
            total=as_int(body["total"]) if "total" in body else None,
            next=as_int(body["next"]) if "next" in body else None,
            time=body.get("time") or {},
        )

    async def run(self, command: Command[T]) -> T:
        """Run one typed command and parse its result."""
        try:
            raw = await self.call(command.method, command.params)
        except ApiError as error:
            return command.outcome_of_error(error)
        return command.outcome(raw)

    async def batch(
        self, commands: Mapping[str, CommandLike], *, halt: bool = False
    ) -> BatchResult:
        """Run named commands in as few `batch` requests as possible (50 commands each).

        Per-command errors land in the result; only whole-request failures raise.
        """
        named = {name: as_command(item) for name, item in commands.items()}
        check_names(list(named))
        result = EMPTY
        for group in chunks(named):
            body = await self._exchange(
                "batch",
                batch_payload(group, halt),
                write=batch_is_write(c.method for c in group.values()),
                commands=len(group),
            )
            part = parse_batch_result(body.get("result"), group)
            result = result.merged(part)
            if halt and part.errors:
                break
        return replace(result, commands=named)

    # ---- the exchange ----

    async def _exchange(
        self, method: str, payload: dict[str, Any], *, write: bool, commands: int
    ) -> dict[str, Any]:
        started = time.monotonic()
        attempts = _Attempts()
        self.in_flight += 1
        try:
            body = await self._attempt_until_done(method, payload, write, attempts)
        except B24Error as error:
            self._finish(method, started, attempts, commands, error)
            raise
        finally:
            self.in_flight -= 1
        self._finish(method, started, attempts, commands, None)
        return body

    async def _attempt_until_done(
        self, method: str, payload: dict[str, Any], write: bool, attempts: _Attempts
    ) -> dict[str, Any]:
        while True:
            attempts.waited += await self._wait_for_operating_time(method)
            attempts.waited += await self.bucket.acquire()
            signed, token = self.auth.sign(payload)
            try:
                body = await self._send(method, signed, attempts)
            except B24Error as error:
                delay = await self._retry_delay(error, method, write, token, attempts)
                if delay is None:
                    final = self._as_final(error, write)
                    if final is error:
                        raise
                    raise final from error
                attempts.retries += 1
                if isinstance(error, LimitError):
                    attempts.waited += delay
                log.info("retrying %s after %s in %.2f s", method, type(error).__name__, delay)
                await asyncio.sleep(delay)
                continue
            self.operating.record(method, body.get("time"))
            return body

    async def _send(
        self, method: str, signed: dict[str, Any], attempts: _Attempts
    ) -> dict[str, Any]:
        if log.isEnabledFor(logging.DEBUG):
            body = redact(json.dumps(signed, ensure_ascii=False, default=str))
            log.debug("%s %s", method, body[:LOGGED_BODY_CHARS])
        attempts.status = None
        try:
            response = await self._http.post(self.auth.url_for(method), json=signed)
        except httpx.TransportError as exc:
            raise transport_error(exc, method) from None
        attempts.status = response.status_code
        return decode_body(method, response)

    async def _retry_delay(
        self, error: B24Error, method: str, write: bool, token: str | None, attempts: _Attempts
    ) -> float | None:
        """Seconds to wait before sending again, or None when `error` is final."""
        if isinstance(error, RateLimitError):
            # Refused before running, so safe for writes too. The bucket, now full, spaces
            # the retries at our rate; the back-off covers a portal slower than configured.
            self.bucket.fill()
            attempts.rate_limited += 1
            if attempts.rate_limited > self.options.rate_limit_retries:
                return None
            return self._backoff(attempts.rate_limited - 1)
        if isinstance(error, OperationTimeLimitError):
            error.reset_at = self.operating.refused(method)
            wait = max(0.0, error.reset_at - time.time())
            too_long = wait > self.options.max_operating_wait
            return None if too_long or attempts.retries >= self.options.max_retries else wait
        if isinstance(error, ExpiredTokenError):
            if attempts.refreshed:
                return None
            attempts.refreshed = True
            return 0.0 if await self.auth.refresh(self._http, token) else None
        transient = isinstance(error, ServerError | ProtocolError | TransportError)
        if not transient or (write and not isinstance(error, ConnectError)):
            return None
        if attempts.retries >= self.options.max_retries:
            return None
        return self._backoff(attempts.retries)

    def _backoff(self, retry: int) -> float:
        """Capped exponential back-off, jittered so that concurrent callers spread out."""
        ceiling = min(self.options.max_backoff, self.options.backoff * 2**retry)
        return ceiling * self._jitter.uniform(0.5, 1.0)

    @staticmethod
    def _as_final(error: B24Error, write: bool) -> B24Error:
        """A write whose answer was lost after sending is OutcomeUnknownError, never re-sent."""
        lost = isinstance(error, ProtocolError | TransportError)
        if write and lost and not isinstance(error, ConnectError):
            return OutcomeUnknownError(
                f"{type(error).__name__}: {error.description}",
                method=error.method,
                status=error.status,
            )
        return error

    async def _wait_for_operating_time(self, method: str) -> float:
        wait = self.operating.wait_for(method)
        if wait <= 0:
            return 0.0
        if wait > self.options.max_operating_wait:
            raise OperationTimeLimitError(
                f"blocked for another {wait:.0f} s",
                method=method,
                code="OPERATION_TIME_LIMIT",
                reset_at=time.time() + wait,
            )
        log.info("%s is over its operating time; waiting %.1f s for the reset", method, wait)
        await asyncio.sleep(wait)
        return wait

    def _finish(
        self,
        method: str,
        started: float,
        attempts: _Attempts,
        commands: int,
        error: B24Error | None,
    ) -> None:
        event = RequestEvent(
            method=method,
            duration=time.monotonic() - started,
            status=attempts.status,
            outcome=OK if error is None else type(error).__name__,
            retries=attempts.retries,
            bucket_level=min(self.bucket.level(), float(self.bucket.burst)),
            waited=attempts.waited,
            commands=commands,
            error_code=error.code if error else "",
        )
        if error is None:
            log.debug("%s ok in %.3f s (retries %d)", method, event.duration, event.retries)
        elif isinstance(error, ApiError):
            log.info("%s refused: %s", method, error)
        else:
            log.warning("%s failed: %s", method, error)
        self._emit(event)
