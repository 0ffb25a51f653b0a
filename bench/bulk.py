"""Benchmark: participants in bulk over 200 entities on a cloud-shaped demo portal.

The portal runs on loopback with the cloud's limit (2 requests/s after a burst of 50, as
`python -m b24desk.portal --rate 2 --burst 50 --lead-chats 220`), 50 ms latency and
realistic processing cost. 220 leads get chats; the first 200 of them are the selection.
Each round adds an employee to their last chats, undoes it, joins every active chat as the
supervisor and undoes that; rounds go on past the burst, so the limiter's pacing shows.
Prints requests, wall time and refusals on the wire (QUERY_LIMIT_EXCEEDED: must be 0).

    python bench/bulk.py             # 3 rounds
    python bench/bulk.py --rounds 1
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import Awaitable
from pathlib import Path

# Run from a checkout: make the package importable without installing it.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from b24desk.api import B24Client, RequestEvent, WebhookAuth
from b24desk.api.types import CrmEntityType, CrmRef
from b24desk.desk.bulk import BulkAction, BulkReport, BulkRequest, BulkRun, ChatChoice, Outcome
from b24desk.portal import Portal, PortalConfig
from b24desk.portal.server import PortalServer
from b24desk.portal.state import CrmType

ENTITIES = 200
HELPER = 3  # an employee who may see every lead
ADMIN = 1  # the webhook's user: the supervisor who joins
REFUSALS = ("QUERY_LIMIT_EXCEEDED", "OPERATION_TIME_LIMIT")


def selection(portal: Portal) -> tuple[CrmRef, ...]:
    state = portal.state
    ids = [
        int(row["ID"])
        for row in state.crm[CrmType.LEAD].rows
        if state.chats_of(CrmType.LEAD, int(row["ID"]))
    ]
    if len(ids) < ENTITIES:
        raise SystemExit(f"only {len(ids)} leads have chats; raise lead_chats")
    return tuple(CrmRef(CrmEntityType.LEAD, i) for i in ids[:ENTITIES])


def summary(report: BulkReport) -> str:
    counts = {o.value: report.count(o) for o in Outcome if report.count(o)}
    return ", ".join(f"{k} {v}" for k, v in counts.items())


async def bench(webhook: str, entities: tuple[CrmRef, ...], rounds: int) -> list[RequestEvent]:
    events: list[RequestEvent] = []
    async with B24Client(WebhookAuth(webhook)) as client:  # the cloud's limiter defaults
        client.subscribe(events.append)
        steps = [
            ("add to last chats", BulkRequest(BulkAction.ADD, HELPER, entities)),
            ("join active chats", BulkRequest(BulkAction.JOIN, ADMIN, entities, ChatChoice.ACTIVE)),
        ]
        for round_ in range(1, rounds + 1):
            for name, request in steps:
                report = await timed(f"round {round_} {name}", events, BulkRun(client).run(request))
                await timed("        undo", events, BulkRun(client).undo(report.undo_changes))
    return events


async def timed(label: str, events: list[RequestEvent], work: Awaitable[BulkReport]) -> BulkReport:
    started, before = time.perf_counter(), len(events)
    report = await work
    seconds = time.perf_counter() - started
    print(f"{label:<28} {len(events) - before:>3} requests {seconds:6.2f} s  {summary(report)}")
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    config = PortalConfig(
        leads=300, lead_chats=220, rate=2, burst=50, latency_ms=50, realistic_cost=True
    )
    portal = Portal(config)
    entities = selection(portal)
    with PortalServer(portal):
        started = time.perf_counter()
        events = asyncio.run(bench(portal.webhook_urls()[0], entities, args.rounds))
        wall = time.perf_counter() - started
    commands = sum(e.commands for e in events)
    waited = sum(e.waited for e in events)
    retried = sum(e.retries for e in events)
    print(
        f"\n{ENTITIES} entities x {args.rounds} rounds: {len(events)} requests "
        f"({commands} commands, <= {max(e.commands for e in events)} per batch), "
        f"wall {wall:.1f} s, limiter waits {waited:.1f} s"
    )
    refused = {code: portal.count_errors(code) for code in REFUSALS}
    print(
        "refusals on the wire: "
        + ", ".join(f"{code} {n}" for code, n in refused.items())
        + f"; client retries {retried}"
    )


if __name__ == "__main__":
    main()
