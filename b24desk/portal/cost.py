"""A server cost model: how long a real portal would spend on a call.

Off by default (the portal then reports its own measured time). With `realistic_cost`
the portal sleeps the modelled time and reports it in `time.processing`. Constants:

- BASE_SECONDS = 0.02: routing, auth, permissions, serialisation of any call.
- ROW_SECONDS = 0.0015 per row returned: a full page of 50 rows costs ~0.1 s, the
  figure huge-data.md quotes for one `start=-1` page of 2.39 M leads.
- COUNT_SECONDS = 20e-6 per matched row counted for `total`: 2.39 M rows ~ 48 s,
  the ~50 s the same page costs there with counting on.
- SKIP_SECONDS = 2e-6 per row skipped by an offset (`start`): the database reads the
  index up to the offset and throws the rows away.
- SCAN_SECONDS = 1e-6 per row examined by a filter no index serves (LIKE, status...).
"""

from __future__ import annotations

from dataclasses import dataclass

BASE_SECONDS = 0.02
ROW_SECONDS = 0.0015
COUNT_SECONDS = 20e-6
SKIP_SECONDS = 2e-6
SCAN_SECONDS = 1e-6


@dataclass
class Work:
    """What one call did, filled in by the handler."""

    returned: int = 0
    counted: int = 0
    skipped: int = 0
    scanned: int = 0

    def seconds(self) -> float:
        return (
            BASE_SECONDS
            + self.returned * ROW_SECONDS
            + self.counted * COUNT_SECONDS
            + self.skipped * SKIP_SECONDS
            + self.scanned * SCAN_SECONDS
        )
