"""The request log: newest request on top, retries shown, old rows dropped past the limit."""

from __future__ import annotations

from b24desk.api.events import RequestEvent
from b24desk.ui import request_log
from b24desk.ui.request_log import RequestLog


def event(method: str, outcome: str = "ok", retries: int = 0) -> RequestEvent:
    return RequestEvent(method, 0.125, 200, outcome, retries, 1.0)


def test_newest_on_top_with_retries_and_a_row_limit(qtbot, monkeypatch):
    monkeypatch.setattr(request_log, "LOG_ROWS", 3)
    log = RequestLog()
    qtbot.addWidget(log)
    for n in range(5):
        log.add(event(f"method.{n}", "RateLimitError" if n == 4 else "ok", retries=n % 2))
    assert log.rowCount() == 3
    rows = [[log.item(r, c).text() for c in range(1, 5)] for r in range(3)]
    assert rows == [
        ["method.4", "125", "200", "RateLimitError"],
        ["method.3", "125", "200", "ok (+1)"],
        ["method.2", "125", "200", "ok"],
    ]
