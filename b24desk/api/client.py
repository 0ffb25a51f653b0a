"""The Bitrix24 REST client: one httpx.AsyncClient per portal, limits, retries, batches.

Every call goes through `_exchange`, which waits for the rate limits, sends and decodes;
after a failure `retry.decide` says what it means (rate-limit refusals are retried, an
expired OAuth token is refreshed once, reads are retried after server and network
failures, a write the portal may have run becomes `OutcomeUnknownError`) and the client
carries it out. Waits for an operating-time reset longer than a few seconds are announced
to subscribers as `WaitNotice`s; cancelling the call ends the wait at once.
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
from .coded_errors import LimitError, OperationTimeLimitError, RateLimitError
from .errors import ApiError, B24Error, OutcomeUnknownError
from .events import OK, RequestEvent, WaitNotice
from .kinds import batch_is_write, is_write
from .limiter import LeakyBucket, OperatingTimes
from .parse import as_int, as_mapping
from .redact import guard_http_logs, redact, redacting_logger
from .retry import GiveUp, Refresh, RetryAfter, RetryPolicy, Tried, decide
from .wire import decode_body, transport_error

T = TypeVar("T")

log = redacting_logger(__name__)

USER_AGENT = f"b24desk/{__version__}"
LOGGED_BODY_CHARS = 500
# Answers bigger than this are decoded on a worker thread (about a millisecond of parsing).
DECODE_OFF_LOOP_BYTES = 256 * 1024
# Waits longer than this are announced (WaitNotice), so a window can show and cancel them.
NOTICE_AFTER = 3.0


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

    @property
    def retry_policy(self) -> RetryPolicy:
        return RetryPolicy(
            max_retries=self.max_retries,
            backoff=self.backoff,
            max_backoff=self.max_backoff,
            rate_limit_retries=self.rate_limit_retries,
            max_operating_wait=self.max_operating_wait,
        )


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
        self._listeners: list[tuple[type, Callable[[Any], None]]] = []
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

    def subscribe(
        self, listener: Callable[[Any], None], to: type[RequestEvent | WaitNotice] = RequestEvent
    ) -> Callable[[], None]:
        """Call `listener` with every event of type `to` (RequestEvent: after every call;
        WaitNotice: as a long wait starts); returns the function that unsubscribes it, which
        may be called more than once (by its owner and by a session closing)."""
        entry = (to, listener)
        self._listeners.append(entry)

        def unsubscribe() -> None:
            if entry in self._listeners:
                self._listeners.remove(entry)

        return unsubscribe

    def _emit(self, event: RequestEvent | WaitNotice) -> None:
        for kind, listener in list(self._listeners):
            if not isinstance(event, kind):
                continue
            try:
                listener(event)
            except Exception:
                log.exception("event listener failed")

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
            time=as_mapping(body.get("time")),
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
        return replace(result, commands=named, halted=halt)

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
                delay = await self._after_failure(error, method, write, token, attempts)
                attempts.retries += 1
                if isinstance(error, LimitError):
                    attempts.waited += delay
                log.info("retrying %s after %s in %.2f s", method, type(error).__name__, delay)
                if isinstance(error, OperationTimeLimitError):
                    self._announce(method, delay)
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
        if len(response.content) > DECODE_OFF_LOOP_BYTES:
            # Megabytes of JSON (a history with a huge message) take tens of milliseconds to
            # decode: off the event loop's thread, so the window never stalls on it.
            return await asyncio.to_thread(decode_body, method, response)
        return decode_body(method, response)

    async def _after_failure(
        self, error: B24Error, method: str, write: bool, token: str | None, attempts: _Attempts
    ) -> float:
        """Seconds to wait before sending again; raises when `error` is final. The decision
        is `retry.decide`'s; here are only its side effects."""
        reset_in = 0.0
        if isinstance(error, RateLimitError):
            # The bucket, now full, spaces the retries at our rate.
            self.bucket.fill()
        elif isinstance(error, OperationTimeLimitError):
            error.reset_at = self.operating.refused(method)
            reset_in = error.reset_at - time.time()
        decision = decide(
            error,
            write=write,
            tried=Tried(attempts.retries, attempts.rate_limited, attempts.refreshed),
            policy=self.options.retry_policy,
            reset_in=reset_in,
            jitter=self._jitter.uniform(0.5, 1.0),
        )
        if isinstance(error, RateLimitError):
            attempts.rate_limited += 1
        if isinstance(decision, RetryAfter):
            return decision.seconds
        if isinstance(decision, Refresh):
            attempts.refreshed = True
            if await self.auth.refresh(self._http, token):
                return 0.0
            raise error
        assert isinstance(decision, GiveUp)
        if decision.outcome_unknown:
            raise OutcomeUnknownError(
                f"{type(error).__name__}: {error.description}",
                method=error.method,
                status=error.status,
            ) from error
        raise error

    def _announce(self, method: str, wait: float) -> None:
        if wait > NOTICE_AFTER:
            self._emit(WaitNotice(method, time.time() + wait))

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
        self._announce(method, wait)
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
