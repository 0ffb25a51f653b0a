"""The retry decision as a table: error × write × attempts so far → retry, refresh or give up."""

from __future__ import annotations

import pytest

from b24desk.api import coded_errors as ce
from b24desk.api import errors as e
from b24desk.api.retry import GiveUp, Refresh, RetryAfter, RetryPolicy, Tried, backoff, decide

POLICY = RetryPolicy(
    max_retries=3, backoff=0.5, max_backoff=8.0, rate_limit_retries=8, max_operating_wait=600.0
)
READ, WRITE = False, True
UNKNOWN = GiveUp(outcome_unknown=True)


def error(cls: type[e.B24Error], status: int | None = None) -> e.B24Error:
    return cls("x", method="m", status=status)


@pytest.mark.parametrize(
    ("case", "err", "write", "tried", "reset_in", "expected"),
    [
        # Rate limits: refused before running, so re-sent for writes too, up to the limit.
        ("rate limit, first", error(ce.RateLimitError, 503), WRITE, Tried(), 0, RetryAfter(0.5)),
        ("rate limit, 3rd", error(ce.RateLimitError), READ, Tried(2, 2), 0, RetryAfter(2.0)),
        ("rate limit, capped", error(ce.RateLimitError), READ, Tried(7, 7), 0, RetryAfter(8.0)),
        ("rate limit, spent", error(ce.RateLimitError), WRITE, Tried(8, 8), 0, GiveUp()),
        # Operating time: wait for the reset, unless it is too far off or retries are spent.
        ("op time", error(ce.OperationTimeLimitError), READ, Tried(), 42.0, RetryAfter(42.0)),
        ("op time, past", error(ce.OperationTimeLimitError), READ, Tried(), -3, RetryAfter(0.0)),
        ("op time, far", error(ce.OperationTimeLimitError), READ, Tried(), 601, GiveUp()),
        ("op time, spent", error(ce.OperationTimeLimitError), READ, Tried(3), 5, GiveUp()),
        # Expired token: refresh once, then give up.
        ("expired", error(ce.ExpiredTokenError), WRITE, Tried(), 0, Refresh()),
        ("expired again", error(ce.ExpiredTokenError), READ, Tried(1, 0, True), 0, GiveUp()),
        # Reads are retried after server and network failures, with back-off.
        ("read 500", error(ce.ServerError, 500), READ, Tried(), 0, RetryAfter(0.5)),
        ("read html", error(e.ProtocolError, 200), READ, Tried(1), 0, RetryAfter(1.0)),
        ("read lost", error(e.ConnectionLostError), READ, Tried(2), 0, RetryAfter(2.0)),
        ("read spent", error(e.RequestTimeoutError), READ, Tried(3), 0, GiveUp()),
        # A write that reached the portal is never re-sent; its outcome is unknown.
        ("write 500", error(ce.ServerError, 500), WRITE, Tried(), 0, UNKNOWN),
        ("write html", error(e.ProtocolError, 502), WRITE, Tried(), 0, UNKNOWN),
        ("write timeout", error(e.RequestTimeoutError), WRITE, Tried(), 0, UNKNOWN),
        ("write lost", error(e.ConnectionLostError), WRITE, Tried(), 0, UNKNOWN),
        # ...unless it never left: a connect failure is safe to re-send.
        ("write connect", error(e.ConnectError), WRITE, Tried(), 0, RetryAfter(0.5)),
        ("write conn spent", error(e.ConnectError), WRITE, Tried(3), 0, GiveUp()),
        # Final states: the same answer comes back however often we ask.
        ("portal deleted", error(ce.PortalDeletedError, 500), READ, Tried(), 0, GiveUp()),
        ("no scope", error(ce.InsufficientScopeError, 403), READ, Tried(), 0, GiveUp()),
        ("no app", error(ce.ApplicationNotFoundError, 401), READ, Tried(), 0, GiveUp()),
        ("confirm", error(ce.ConfirmationPendingError, 401), READ, Tried(), 0, GiveUp()),
        ("not found", error(ce.NotFoundError, 400), READ, Tried(), 0, GiveUp()),
        ("bad args", error(ce.InvalidArgumentError, 400), WRITE, Tried(), 0, GiveUp()),
        ("bad token", error(ce.InvalidTokenError, 401), READ, Tried(), 0, GiveUp()),
        ("sign in", error(ce.SignInRequiredError, 400), READ, Tried(), 0, GiveUp()),
        ("config", error(e.ConfigurationError), READ, Tried(), 0, GiveUp()),
        ("unknown", error(e.OutcomeUnknownError), WRITE, Tried(), 0, GiveUp()),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_decision_table(case, err, write, tried, reset_in, expected):
    assert decide(err, write=write, tried=tried, policy=POLICY, reset_in=reset_in) == expected


def test_jitter_scales_the_back_off_only():
    rate = error(ce.RateLimitError)
    assert decide(rate, write=READ, tried=Tried(), policy=POLICY, jitter=0.5) == RetryAfter(0.25)
    far = error(ce.OperationTimeLimitError)
    waited = decide(far, write=READ, tried=Tried(), policy=POLICY, reset_in=10, jitter=0.5)
    assert waited == RetryAfter(10)


def test_backoff_doubles_up_to_the_cap():
    assert [backoff(POLICY, n) for n in range(6)] == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]
