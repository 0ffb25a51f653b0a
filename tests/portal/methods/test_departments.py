"""department.get on the demo portal, as the reference's department-get page describes it."""

from __future__ import annotations

from .rest import call, error, ok


def test_every_department_in_the_documented_shape(live_portal):
    response = call(live_portal.webhook, "department.get")
    assert response.status_code == 200
    body = response.json()
    state = live_portal.state
    assert body["total"] == len(state.departments) and "next" not in body
    rows = body["result"]
    assert [row["ID"] for row in rows] == [str(i) for i in sorted(state.departments)]
    root, *others = rows
    # ID and PARENT as strings, SORT a number, as in the reference's example.
    assert set(root) == {"ID", "NAME", "SORT"} and root["SORT"] == 500
    for row in others:
        department = state.departments[int(row["ID"])]
        assert row == {
            "ID": str(department.id),
            "NAME": department.name,
            "SORT": 500,
            "PARENT": str(department.parent),
        }


def test_filters_sort_and_order(live_portal):
    hook, state = live_portal.webhook, live_portal.state
    root = min(state.departments)
    children = sorted(d.name for d in state.departments.values() if d.parent == root)
    by_name = ok(hook, "department.get", sort="NAME", order="DESC", PARENT=root)
    assert [row["NAME"] for row in by_name] == sorted(children, key=str.casefold, reverse=True)
    one = next(iter(state.departments.values()))
    assert [r["ID"] for r in ok(hook, "department.get", ID=one.id)] == [str(one.id)]
    assert [r["ID"] for r in ok(hook, "department.get", NAME=one.name)] == [str(one.id)]
    assert ok(hook, "department.get", NAME=one.name[:3]) == []  # the full name, not a part
    assert ok(hook, "department.get", UF_HEAD=1) == []  # the demo keeps no heads


def test_needs_the_department_scope(live_portal):
    assert error(live_portal.webhook_of("crm only"), "department.get") == (
        403,
        "insufficient_scope",
    )
