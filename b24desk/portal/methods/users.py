"""`user.get`, `user.search`, `user.current`: employees as the portal lists them."""

from __future__ import annotations

from typing import Any

from ..params import upper_keys
from ..query import build_filter, matching, parse_order, sort_key
from ..schema import USER_FIELDS
from ..state import PortalState, User
from .registry import PAGE_SIZE, Call, ListResult, method, page, parse_start

_CONTACT_FIELDS = ("EMAIL", "PERSONAL_MOBILE", "WORK_PHONE")
_SEARCH_FIELDS = ("NAME", "LAST_NAME", "WORK_POSITION", "UF_DEPARTMENT_NAME", "USER_TYPE")


def user_row(state: PortalState, user: User, scopes: frozenset[str]) -> dict[str, Any]:
    """A user as user.get returns it; user_brief callers get no contact details."""
    row: dict[str, Any] = {
        "ID": str(user.id),
        "XML_ID": "",
        "ACTIVE": user.active,
        "NAME": user.name,
        "LAST_NAME": user.last_name,
        "SECOND_NAME": user.second_name,
        "EMAIL": user.email,
        "LAST_LOGIN": user.last_login,
        "DATE_REGISTER": user.date_register,
        "TIME_ZONE": "",
        "IS_ONLINE": "Y" if user.is_online else "N",
        "TIMESTAMP_X": "",
        "LAST_ACTIVITY_DATE": user.last_login,
        "PERSONAL_GENDER": user.gender,
        "PERSONAL_BIRTHDAY": "",
        "PERSONAL_MOBILE": user.personal_mobile,
        "WORK_PHONE": user.work_phone,
        "WORK_POSITION": user.work_position,
        "UF_DEPARTMENT": list(user.departments),
        "USER_TYPE": "employee",
    }
    if not scopes & {"user", "user_basic"}:
        for name in _CONTACT_FIELDS:
            row.pop(name)
    return row


def _listed_users(state: PortalState) -> list[User]:
    """user.get never lists bots, connector (customer) or other system accounts."""
    return [u for u in state.users.values() if not u.is_bot and not u.is_connector]


def _department_names(state: PortalState, user: User) -> str:
    return " ".join(state.departments[d].name for d in user.departments if d in state.departments)


def _words_match(words: list[str], haystack: list[str]) -> bool:
    """Right-LIKE per word: every word starts one of the searchable values' words."""
    tokens = [t.casefold() for value in haystack for t in value.split()]
    return all(any(t.startswith(w) for t in tokens) for w in words)


def _searchable(state: PortalState, user: User) -> list[str]:
    return [
        user.name,
        user.last_name,
        user.second_name,
        user.work_position,
        user.email,
        _department_names(state, user),
    ]


def _filters(params: dict[str, Any]) -> dict[str, Any]:
    """FILTER plus the legacy top-level field keys (`user.get?ID=5`)."""
    upper = upper_keys(params)
    filters = upper.get("FILTER") or {}
    if not isinstance(filters, dict):
        filters = {}
    merged = dict(filters)
    for key, value in params.items():
        name = str(key).lstrip("!@%=<>").upper()
        if name in USER_FIELDS or name in ("NAME_SEARCH", "FIND"):
            merged.setdefault(key, value)
    return merged


def _run(call: Call, params: dict[str, Any], search: bool) -> ListResult:
    state = call.state
    filters = _filters(params)
    users = _listed_users(state)
    find = next((v for k, v in filters.items() if str(k).upper() in ("FIND", "NAME_SEARCH")), None)
    if find is not None:
        words = [w.casefold() for w in str(find).split() if w]
        users = [u for u in users if _words_match(words, _searchable(state, u))]
        filters = (
            {}
            if search
            else {k: v for k, v in filters.items() if str(k).upper() not in ("FIND", "NAME_SEARCH")}
        )
    rows = [user_row(state, u, call.scopes) for u in users]
    if search:
        rows = _prefix_filter(state, rows, filters)
        filters = {}
    active = next((v for k, v in filters.items() if str(k).upper() == "ACTIVE"), None)
    if active is not None:
        wanted = str(active).strip().lower() in ("true", "y", "1")
        rows = [r for r in rows if r["ACTIVE"] == wanted]
        filters = {k: v for k, v in filters.items() if str(k).upper() != "ACTIVE"}
    predicates, _ = build_filter(filters, USER_FIELDS)
    rows = list(matching(rows, predicates))
    upper = upper_keys(params)
    sort_field = str(upper.get("SORT") or "ID").upper()
    descending = str(upper.get("ORDER") or "ASC").upper() == "DESC"
    rows.sort(
        key=sort_key(
            parse_order({sort_field: "DESC" if descending else "ASC"}, USER_FIELDS)
            or [("ID", False)],
            USER_FIELDS,
        )
    )
    start = parse_start(upper.get("START"))
    call.work.scanned = len(users)
    if start < 0:
        call.work.returned = min(len(rows), PAGE_SIZE)
        return page(rows[:PAGE_SIZE], start, None)
    call.work.counted = len(rows)
    call.work.skipped = start
    chunk = rows[start : start + PAGE_SIZE]
    call.work.returned = len(chunk)
    return page(chunk, start, len(rows))


def _prefix_filter(
    state: PortalState, rows: list[dict[str, Any]], filters: dict[str, Any]
) -> list[dict[str, Any]]:
    """user.search: NAME, LAST_NAME, WORK_POSITION, UF_DEPARTMENT_NAME, USER_TYPE by prefix."""
    for key, value in filters.items():
        name = str(key).upper()
        if name not in _SEARCH_FIELDS:
            continue
        wanted = str(value).casefold()
        if name == "UF_DEPARTMENT_NAME":
            rows = [
                r
                for r in rows
                if _words_match([wanted], [_department_names(state, state.users[int(r["ID"])])])
            ]
        else:
            rows = [r for r in rows if str(r.get(name, "")).casefold().startswith(wanted)]
    return rows


@method("user.get", "user")
def user_get(call: Call, params: dict[str, Any]) -> ListResult:
    return _run(call, params, search=False)


@method("user.search", "user")
def user_search(call: Call, params: dict[str, Any]) -> ListResult:
    return _run(call, params, search=True)


@method("user.current", "user")
def user_current(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    return user_row(call.state, call.user, call.scopes)
