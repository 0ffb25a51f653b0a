"""Pinned digests of seeded portals: refactoring or speeding up the seed changes no data."""

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
        ({}, "f1d7996665e3ec3796ea9ea073627076e8fb31baf5c159bf5c29980f0759c39a"),
        (
            {"seed": 7, "leads": 3000, "deals": 700, "contacts": 900, "companies": 130},
            "7155cd51c2e3c0a356cdb216b6a013c774aa430c00bc0dc780840a8dfe19787b",
        ),
        (
            {"seed": 1, "leads": 0, "deals": 0, "contacts": 0, "companies": 0},
            "8d59a84d0a2a479c256c0b7b8e7273824507c659d3e917768ba5ea2999310060",
        ),
    ],
)
def test_seeded_portal_matches_its_pinned_digest(arguments: dict[str, int], expected: str) -> None:
    assert digest(build_state(**arguments)) == expected
