"""Benchmark: every lead of a large demo portal, b24desk's fast listing vs fast-bitrix24.

Each contender gets a fresh portal on loopback shaped like a cloud one (50 ms latency,
realistic processing cost, 2 requests/s after a burst of 50) and must return all leads.

    python bench/bulk_list.py            # 20,000 leads
    python bench/bulk_list.py --quick    # 5,000 leads, a smoke run
"""

from __future__ import annotations

import argparse
import asyncio
import math
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Run from a checkout: make the package importable without installing it.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fast_bitrix24 import BitrixAsync

from b24desk.api import B24Client, WebhookAuth
from b24desk.api.listing import list_all
from b24desk.portal import Portal, PortalConfig
from b24desk.portal.server import PortalServer

Contender = Callable[[str], Awaitable[list[dict[str, Any]]]]


@dataclass(frozen=True)
class Figures:
    name: str
    rows: int
    requests: int
    seconds: float
    refused: int  # QUERY_LIMIT_EXCEEDED / OPERATION_TIME_LIMIT answers on the wire
    portal_seconds: float  # processing the portal spent (its operating-time accounts)

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0


@contextmanager
def cloud_like_portal(leads: int, latency_ms: float) -> Iterator[tuple[Portal, str]]:
    config = PortalConfig(leads=leads, latency_ms=latency_ms, realistic_cost=True, rate=2, burst=50)
    portal = Portal(config)
    with PortalServer(portal):
        yield portal, portal.webhook_urls()[0]


async def b24desk_fast_listing(webhook: str) -> list[dict[str, Any]]:
    # The client's defaults match the cloud portal: 2 requests/s after a burst of 50.
    async with B24Client(WebhookAuth(webhook)) as client:
        return await list_all(client, "crm.lead.list")


async def fast_bitrix24_get_all(webhook: str) -> list[dict[str, Any]]:
    bitrix = BitrixAsync(webhook, verbose=False)
    return list(await bitrix.get_all("crm.lead.list"))


def measure(name: str, contender: Contender, leads: int, latency_ms: float) -> Figures:
    with cloud_like_portal(leads, latency_ms) as (portal, webhook):
        started = time.perf_counter()
        rows = asyncio.run(contender(webhook))
        seconds = time.perf_counter() - started
        log = list(portal.wire_log)
        now = time.time()
        portal_seconds = sum(a.total(now) for a in portal.limits.operating.values())
    ids = [int(row["ID"]) for row in rows]
    if len(ids) != leads or len(set(ids)) != leads:
        raise SystemExit(f"{name}: {len(ids)} rows, {len(set(ids))} distinct, expected {leads}")
    refused = sum(1 for r in log if r.error in ("QUERY_LIMIT_EXCEEDED", "OPERATION_TIME_LIMIT"))
    return Figures(name, len(rows), len(log), seconds, refused, portal_seconds)


def report(figures: list[Figures], leads: int) -> None:
    print(
        f"{'contender':<32}{'rows':>7}{'requests':>10}{'refused':>9}"
        f"{'wall s':>8}{'rows/s':>8}{'portal s':>10}"
    )
    for f in figures:
        print(
            f"{f.name:<32}{f.rows:>7}{f.requests:>10}{f.refused:>9}"
            f"{f.seconds:>8.2f}{f.rows_per_second:>8.0f}{f.portal_seconds:>10.1f}"
        )
    ours, theirs = figures
    target = math.ceil(leads / 2500) + 1
    verdict = "met" if ours.requests <= target else "MISSED"
    print(f"\nb24desk requests {ours.requests}, target ceil({leads}/2500)+1 = {target}: {verdict}")
    print(
        f"fast-bitrix24 / b24desk: wall time {theirs.seconds / ours.seconds:.1f}x, "
        f"requests {theirs.requests / ours.requests:.1f}x, "
        f"portal work {theirs.portal_seconds / ours.portal_seconds:.1f}x"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leads", type=int, default=20_000, help="leads on the portal")
    parser.add_argument("--quick", action="store_true", help="5,000 leads: a quick smoke run")
    parser.add_argument("--latency-ms", type=float, default=50.0, help="added per request")
    args = parser.parse_args(argv)
    leads = 5_000 if args.quick else args.leads
    print(f"{leads} leads, latency {args.latency_ms:.0f} ms, realistic cost, rate 2/s burst 50\n")
    figures = [
        measure("b24desk list_all (ID-chained)", b24desk_fast_listing, leads, args.latency_ms),
        measure("fast-bitrix24 get_all", fast_bitrix24_get_all, leads, args.latency_ms),
    ]
    report(figures, leads)
    return 0


if __name__ == "__main__":
    sys.exit(main())
