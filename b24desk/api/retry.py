"""When a failed call is sent again: one pure decision from the error and the attempts so far.

The client performs the side effects (filling the bucket, blocking a method until its
operating-time reset, refreshing the token, sleeping); this module only decides.
"""

from __future__ import annotations

from dataclasses import dataclass

from .coded_errors import ExpiredTokenError, OperationTimeLimitError, RateLimitError, ServerError
from .errors import B24Error, ConnectError, ProtocolError, TransportError


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """The limits the decision works within (ClientOptions carries the same knobs)."""

    max_retries: int = 3  # re-sends of a read after a server or network failure
    backoff: float = 0.5  # first back-off, doubled per retry...
    max_backoff: float = 8.0  # ...up to this
    rate_limit_retries: int = 8  # re-sends after QUERY_LIMIT_EXCEEDED
    max_operating_wait: float = 600.0  # longest wait for an operating-time reset


@dataclass(frozen=True, slots=True)
class Tried:
    """What one call has been through before this failure."""

    retries: int = 0  # re-sends so far, of any kind
    rate_limited: int = 0  # rate-limit refusals before this one
    refreshed: bool = False  # the token was refreshed once already


@dataclass(frozen=True, slots=True)
class RetryAfter:
    """Send again after `seconds`."""

    seconds: float


@dataclass(frozen=True, slots=True)
class Refresh:
    """Refresh the OAuth token, then send again at once (only once per call)."""


@dataclass(frozen=True, slots=True)
class GiveUp:
    """Raise the error; as OutcomeUnknownError when a write may have been applied."""

    outcome_unknown: bool = False


Decision = RetryAfter | Refresh | GiveUp


def backoff(policy: RetryPolicy, retry: int, jitter: float = 1.0) -> float:
    """Capped exponential back-off; `jitter` in [0.5, 1] spreads concurrent callers out."""
    return min(policy.max_backoff, policy.backoff * 2**retry) * jitter


def decide(
    error: B24Error,
    *,
    write: bool,
    tried: Tried,
    policy: RetryPolicy,
    reset_in: float = 0.0,
    jitter: float = 1.0,
) -> Decision:
    """What to do after `error`. `reset_in`: seconds until the method's operating-time reset
    (for OPERATION_TIME_LIMIT); `jitter`: the back-off's random factor."""
    if isinstance(error, RateLimitError):
        # Refused before running, so safe for writes too.
        if tried.rate_limited >= policy.rate_limit_retries:
            return GiveUp()
        return RetryAfter(backoff(policy, tried.rate_limited, jitter))
    if isinstance(error, OperationTimeLimitError):
        too_long = reset_in > policy.max_operating_wait
        if too_long or tried.retries >= policy.max_retries:
            return GiveUp()
        return RetryAfter(max(0.0, reset_in))
    if isinstance(error, ExpiredTokenError):
        return GiveUp() if tried.refreshed else Refresh()
    if not isinstance(error, ServerError | ProtocolError | TransportError):
        return GiveUp()  # the portal's answer stands: retrying gets the same one
    if write and not isinstance(error, ConnectError):
        # The write reached the portal, which may have run it before failing or before
        # its answer was lost: never re-sent, and never reported as "not done".
        return GiveUp(outcome_unknown=True)
    if tried.retries >= policy.max_retries:
        return GiveUp()
    return RetryAfter(backoff(policy, tried.retries, jitter))
