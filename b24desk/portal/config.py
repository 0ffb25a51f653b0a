"""Knobs of the demo portal: data size, rate limits, latency, cost model and faults."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class PortalConfig:
    seed: int = 42
    leads: int = 300
    deals: int = 120
    contacts: int = 200
    companies: int = 60
    # Leads with Open Lines chats (among the oldest 300 rows): benches raise it.
    lead_chats: int = 30
    # Leaky bucket of the cloud portal (limits.md): drained `rate` per second, `burst` deep.
    rate_limit: bool = True
    rate: float = 2.0
    burst: int = 50
    # Per-method operating-time limit over a sliding 10-minute window (seconds).
    operating_limit: float = 480.0
    # Network and processing delay added to every answer.
    latency_ms: float = 0.0
    jitter_ms: float = 0.0
    # Sleep the modelled processing time of each call (see cost.py); off: answer at once.
    realistic_cost: bool = False
    # Random faults: probability per request and the kinds to pick from (see faults.py).
    fail_rate: float = 0.0
    fail_kinds: tuple[str, ...] = ("500", "502", "html", "truncated", "drop")
    # How long a "hang" fault keeps the request open, in seconds.
    hang_seconds: float = 120.0
    access_token_ttl: float = 3600.0
    # The portal's clock against this machine's, in seconds (+ ahead, - behind): the dates it
    # stamps on messages, leads and server.time. Real portals' clocks differ from desktops'.
    clock_skew: float = 0.0
    # Live mode (live.py): customer and operator actions per minute on the portal's own
    # loop, seeded by `seed`; 0 keeps the portal still.
    live_rate: float = 0.0
