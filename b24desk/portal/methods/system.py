"""`scope` and `server.time`: methods every caller may use."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from ..schema import ALL_SCOPES
from .registry import BATCH_SCOPE, Call, method


@method("scope", BATCH_SCOPE)
def scope(call: Call, params: dict[str, Any]) -> list[str]:
    if str(params.get("full", "")).lower() in ("1", "true", "y"):
        return sorted(ALL_SCOPES)
    return sorted(call.scopes)


@method("server.time", BATCH_SCOPE)
def server_time(call: Call, params: dict[str, Any]) -> str:
    skewed = datetime.now().astimezone() + timedelta(seconds=call.state.clock_skew)
    return skewed.isoformat(timespec="seconds")
