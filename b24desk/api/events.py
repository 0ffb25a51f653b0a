"""What the client tells its subscribers: one event per REST call, and long waits as they start."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

OK = "ok"


@dataclass(frozen=True)
class RequestEvent:
    """What one call (with its retries) did on the wire."""

    method: str  # "batch" for batches
    duration: float  # seconds from the first attempt to the outcome, waits included
    status: int | None  # HTTP status of the last attempt; None when no answer came
    outcome: str  # "ok", or the name of the error class raised
    retries: int  # attempts beyond the first
    bucket_level: float  # client-side leaky bucket level after the call
    waited: float = 0.0  # seconds spent waiting for the rate limits
    commands: int = 1  # commands carried (a batch carries several)
    error_code: str = ""  # Bitrix24 error code when the outcome is an API error

    @property
    def ok(self) -> bool:
        return self.outcome == OK


@dataclass(frozen=True)
class WaitNotice:
    """A call is about to wait for `method`'s operating-time reset; cancelling it stops the wait."""

    method: str
    until: float  # Unix time the wait ends

    @property
    def seconds(self) -> float:
        return max(0.0, self.until - time.time())


Listener = Callable[[RequestEvent], None]
WaitListener = Callable[[WaitNotice], None]
