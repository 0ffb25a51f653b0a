"""`python -m b24desk.portal`: serve the demo portal on loopback and print its webhooks."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import sys
import time

from .app import Portal
from .config import PortalConfig
from .faults import KINDS
from .server import base_url_of, bind, make_server


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m b24desk.portal",
        description="Serve the b24desk demo portal, a Bitrix24 REST emulator, over HTTP.",
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    parser.add_argument("--port", type=int, default=0, help="port; 0 picks a free one (default)")
    parser.add_argument("--seed", type=int, default=42, help="seed of the generated data")
    parser.add_argument("--leads", type=int, default=300, help="number of leads (default 300)")
    parser.add_argument("--deals", type=int, default=120, help="number of deals")
    parser.add_argument("--contacts", type=int, default=200, help="number of contacts")
    parser.add_argument("--companies", type=int, default=60, help="number of companies")
    parser.add_argument(
        "--lead-chats", type=int, default=30, help="leads with Open Lines chats (default 30)"
    )
    parser.add_argument("--latency-ms", type=float, default=0.0, help="added delay per request")
    parser.add_argument("--jitter-ms", type=float, default=0.0, help="random extra delay, 0..N ms")
    parser.add_argument(
        "--rate",
        type=float,
        default=2.0,
        help="leaky bucket drain, requests/s; 0 turns the rate limit off",
    )
    parser.add_argument("--burst", type=int, default=50, help="leaky bucket depth (default 50)")
    parser.add_argument(
        "--operating-limit",
        type=float,
        default=480.0,
        help="per-method operating seconds allowed per 10 minutes",
    )
    parser.add_argument(
        "--fail-rate",
        type=float,
        default=0.0,
        help="probability of an injected fault per request (0..1)",
    )
    parser.add_argument(
        "--fail-kinds",
        default="500,502,html,truncated,drop",
        help=f"comma-separated fault kinds to inject, of: {','.join(sorted(KINDS))}",
    )
    parser.add_argument(
        "--clock-skew",
        type=float,
        default=0.0,
        help="seconds the portal's clock runs ahead of this machine's (negative: behind)",
    )
    parser.add_argument(
        "--live",
        type=float,
        default=0.0,
        metavar="RATE",
        help="live mode: customers and operators act, RATE actions per minute (seeded by --seed)",
    )
    parser.add_argument(
        "--realistic-cost",
        action="store_true",
        help="spend the processing time a real portal would (see cost.py)",
    )
    return parser.parse_args(argv)


def config_from(args: argparse.Namespace) -> PortalConfig:
    kinds = tuple(k for k in args.fail_kinds.split(",") if k)
    unknown = set(kinds) - KINDS
    if unknown:
        raise SystemExit(f"unknown fault kinds: {', '.join(sorted(unknown))}")
    return PortalConfig(
        seed=args.seed,
        leads=args.leads,
        deals=args.deals,
        contacts=args.contacts,
        companies=args.companies,
        lead_chats=args.lead_chats,
        rate_limit=args.rate > 0,
        rate=args.rate if args.rate > 0 else 2.0,
        burst=args.burst,
        operating_limit=args.operating_limit,
        latency_ms=args.latency_ms,
        jitter_ms=args.jitter_ms,
        realistic_cost=args.realistic_cost,
        fail_rate=args.fail_rate,
        fail_kinds=kinds,
        clock_skew=args.clock_skew,
        live_rate=max(0.0, args.live),
    )


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    config = config_from(args)
    started = time.perf_counter()
    sock = bind(args.host, args.port)
    portal = Portal(config, base_url=base_url_of(sock))
    # The seeded state lives as long as the process: moved out of the collector's sight, a
    # million rows are not walked again by every full collection while serving.
    gc.freeze()
    for url in portal.webhook_urls():
        print(f"webhook: {url}")
    app = next(iter(portal.state.oauth_apps.values()))
    token = portal.issue_tokens(1)
    print(
        f"oauth: client_id={app.client_id} client_secret={app.client_secret} "
        f"refresh_token={token.refresh_token} token_url={portal.base_url}/oauth/token/"
    )
    print(f"ready in {time.perf_counter() - started:.2f} s; Ctrl+C stops", flush=True)
    server = make_server(portal)

    async def serve() -> None:
        portal.start_live()
        try:
            await server.serve(sockets=[sock])
        finally:
            await portal.stop_live()

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve())
    return 0


if __name__ == "__main__":
    sys.exit(main())
