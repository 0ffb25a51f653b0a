"""Employees: the current user, users by ID, search, and every user in few requests."""

from __future__ import annotations

import dataclasses
import math

from b24desk.api import system, users
from b24desk.api.listing import iter_rows

from .helpers import client, run, wire_methods


def test_users(live_portal):
    fired = next(u for u in live_portal.state.users.values() if not u.active)

    async def scenario():
        async with client(live_portal.webhook) as c:
            me = await users.current_user(c)
            some = await users.get_users(c, [1, 2, 3, fired.id])
            found = await users.search_users(c, fired.name)
            everyone = await users.search_users(c, fired.name, active_only=False)
            scopes = await system.scope(c)
            return me, some, found, everyone, scopes

    me, some, found, everyone, scopes = run(scenario())
    assert me.id == 1 and me.full_name == live_portal.state.users[1].full_name
    assert me.departments == tuple(live_portal.state.users[1].departments)
    assert me.email and isinstance(me.is_online, bool)
    assert set(some) == {1, 2, 3, fired.id}
    assert some[fired.id].active is False
    assert fired.id not in {u.id for u in found}
    assert fired.id in {u.id for u in everyone}
    assert {"crm", "imopenlines", "user"} <= scopes


def test_all_users_comes_in_one_batch_per_2500_users(live_portal):
    state = live_portal.state
    template = next(u for u in state.users.values() if u.active and u.id > 1)
    top = max(state.users)
    for n in range(1, 3001):  # a large company: past one request's 2,500 rows
        state.users[top + n] = dataclasses.replace(template, id=top + n)

    async def scenario():
        async with client(live_portal.webhook) as c:
            everyone = await users.all_users(c)
            batches = len(wire_methods(live_portal))
            paged = [row async for row in iter_rows(c, "user.get")]
            active = await users.all_users(c, active_only=True)
            return everyone, batches, paged, active

    everyone, batches, paged, active = run(scenario())
    ids = [u.id for u in everyone]
    assert ids == sorted({int(r["ID"]) for r in paged}), "the same users, once each, by ID"
    assert len(ids) > 3000
    assert batches == math.ceil(len(ids) / 2500)
    assert wire_methods(live_portal)[:batches] == ["batch"] * batches
    assert {u.id for u in active} == {u.id for u in everyone if u.active}
    assert len(active) < len(everyone)


def test_departments_by_id_with_their_parents(live_portal):
    from b24desk.api.departments import all_departments

    async def scenario():
        async with client(live_portal.webhook) as c:
            return await all_departments(c)

    found = run(scenario())
    state = live_portal.state.departments
    assert set(found) == set(state)
    for department_id, department in found.items():
        assert department.name == state[department_id].name
        assert department.parent_id == state[department_id].parent
