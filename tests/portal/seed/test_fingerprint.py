"""Pinned digests of seeded portals: refactoring or speeding up the seed changes no data.

(Re-pinned when the webhooks gained the `department` scope, for department.get, and when
deals were spread over three pipelines with stages of their own.)
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Mapping
from typing import Any

import pytest

from b24desk.portal.seed import build_state
from b24desk.portal.state import CrmType, PortalState


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):  # dict rows and compact rows alike
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, frozenset | set):
        return sorted(_plain(v) for v in value)
    return value


def digest(state: PortalState) -> str:
    """SHA-256 over everything a client can see of the seeded state, in a stable form."""
    hasher = hashlib.sha256()
    parts: dict[str, Any] = {
        "departments": state.departments,
        "users": state.users,
        "webhooks": state.webhooks,
        "oauth_apps": state.oauth_apps,
        "connectors": state.connectors,
        "lines": state.lines,
        "chats": state.chats,
        "files": state.files,
    }
    for name, part in parts.items():
        hasher.update(name.encode())
        hasher.update(json.dumps(_plain(part), ensure_ascii=False, sort_keys=True).encode())
    for crm_type in CrmType:
        hasher.update(crm_type.value.encode())
        for row in state.crm[crm_type].rows:
            hasher.update(json.dumps(_plain(row), ensure_ascii=False, sort_keys=True).encode())
    return hasher.hexdigest()


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ({}, "f23302e7ee3ac00b35313b0f71c396d0312ab451461852453e439ca6360d14a5"),
        (
            {"seed": 7, "leads": 3000, "deals": 700, "contacts": 900, "companies": 130},
            "616f4ffcbd844531f5576f2970666425db0aaf30b1794634371a8acfddc1ee73",
        ),
        (
            {"seed": 1, "leads": 0, "deals": 0, "contacts": 0, "companies": 0},
            "6c218796f27d4f85df35bbbe4778a4bf2b3e6bf5e074ebfdacd41b238e1155d3",
        ),
    ],
)
def test_seeded_portal_matches_its_pinned_digest(arguments: dict[str, int], expected: str) -> None:
    assert digest(build_state(**arguments)) == expected
