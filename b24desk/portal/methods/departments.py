"""`department.get`: the company structure, as the reference's department-get page lists it."""

from __future__ import annotations

from typing import Any

from ..accounts import Department
from ..params import upper_keys
from .registry import PAGE_SIZE, Call, ListResult, method, page, parse_start

# The demo keeps no sort weights; the reference's example shows 500, Bitrix24's default.
DEFAULT_SORT = 500
_SORTABLE = ("ID", "NAME", "SORT", "PARENT", "UF_HEAD")


def _row(department: Department) -> dict[str, Any]:
    # ID and PARENT are strings, SORT a number, as in the reference's example. The root has
    # no parent: the page is silent on it, and the demo leaves PARENT out there.
    row: dict[str, Any] = {"ID": str(department.id), "NAME": department.name, "SORT": DEFAULT_SORT}
    if department.parent is not None:
        row["PARENT"] = str(department.parent)
    return row


def _matches(row: dict[str, Any], filters: dict[str, Any]) -> bool:
    # Filters are top-level keys and exact (NAME: "the full name"); the demo has no
    # department heads, so a UF_HEAD filter matches nothing.
    return all(str(row.get(name, "")) == str(value) for name, value in filters.items())


@method("department.get", "department")
def department_get(call: Call, params: dict[str, Any]) -> ListResult:
    upper = upper_keys(params)
    # `sort` names a field and `SORT` filters by the sort weight: the page tells them apart
    # by case only. Read loosely, a field name is the sort and a number the filter.
    sort = str(params.get("sort") or upper.get("SORT") or "ID").strip().upper()
    field = sort if sort in _SORTABLE else "ID"
    filters = {k: upper[k] for k in _SORTABLE if upper.get(k) not in (None, "")}
    if not str(filters.get("SORT", "0")).strip().lstrip("-").isdigit():
        filters.pop("SORT")
    rows = [_row(d) for d in call.state.departments.values()]
    rows = [r for r in rows if _matches(r, filters)]
    descending = str(upper.get("ORDER") or "ASC").strip().upper() == "DESC"
    numeric = field != "NAME"
    rows.sort(
        key=lambda r: int(r.get(field) or 0) if numeric else str(r.get(field, "")).casefold(),
        reverse=descending,
    )
    start = parse_start(upper.get("START"))
    call.work.scanned = len(call.state.departments)
    if start < 0:
        return page(rows[:PAGE_SIZE], start, None)
    chunk = rows[start : start + PAGE_SIZE]
    call.work.returned = len(chunk)
    return page(chunk, start, len(rows))
