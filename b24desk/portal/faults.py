"""Injected faults, for tests and benches: what a flaky network or portal does to a call.

Kinds refused before the method runs (nothing changed on the portal):
  "500"   JSON INTERNAL_SERVER_ERROR with HTTP 500
  "502"   an nginx "502 Bad Gateway" HTML page
  "html"  HTTP 200 with an HTML page instead of JSON (a proxy's or maintenance page)
Kinds that hit after the method ran (the change happened; the caller can't know):
  "truncated"  HTTP 200 JSON cut off in the middle
  "drop"       the connection closes after the headers, before the body
  "hang"       no answer for `hang_seconds` (past any sane client timeout)
  "500after"   JSON INTERNAL_SERVER_ERROR with HTTP 500, sent after the method ran
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

BEFORE = frozenset({"500", "502", "html"})
AFTER = frozenset({"truncated", "drop", "hang", "500after"})
KINDS = BEFORE | AFTER


@dataclass
class Injection:
    kind: str
    method: str | None  # None: any method
    times: int


@dataclass
class FaultPlan:
    rate: float = 0.0
    kinds: tuple[str, ...] = ("500", "502", "html", "truncated", "drop")
    rng: random.Random = field(default_factory=lambda: random.Random(0))
    injections: list[Injection] = field(default_factory=list)

    def inject(self, kind: str, method: str | None = None, times: int = 1) -> None:
        """Make the next `times` calls (of `method`, or of any method) fail with `kind`."""
        if kind not in KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; known: {sorted(KINDS)}")
        self.injections.append(Injection(kind, method.lower() if method else None, times))

    def clear(self) -> None:
        self.injections.clear()

    def pick(self, method: str) -> str | None:
        """The fault for this call, if any; consumes one injection."""
        for injection in self.injections:
            if injection.method in (None, method):
                injection.times -= 1
                if injection.times <= 0:
                    self.injections.remove(injection)
                return injection.kind
        if self.rate > 0 and self.rng.random() < self.rate:
            return self.rng.choice(self.kinds)
        return None
