"""One event per REST call, for a status bar or a log view to subscribe to (plain callbacks)."""

from __future__ import annotations

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


Listener = Callable[[RequestEvent], None]
