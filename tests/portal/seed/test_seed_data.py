"""The demo portal's seed data: deterministic, consistent, and covering every demo path."""

import re
import time
from datetime import datetime

import pytest

from b24desk.portal.schema import FIELDS, FieldType
from b24desk.portal.seed import HOSTILE_TEXTS, NOW, build_state
from b24desk.portal.state import Access, CrmType

ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+03:00$")
NOW_ISO = NOW.isoformat()


@pytest.fixture(scope="module")
def state():
    return build_state()


def _fingerprint(state):
    return (
        list(state.webhooks),
        [app.client_secret for app in state.oauth_apps.values()],
        [state.crm[t].rows[::17] for t in CrmType],
        [(m.chat_id, m.author_id, m.date, m.text, m.file_ids) for m in state.messages.values()],
        [(u.id, u.full_name, u.email) for u in state.users.values()],
    )


def test_same_seed_gives_same_state(state):
    assert _fingerprint(build_state()) == _fingerprint(state)


def test_other_seed_gives_other_codes(state):
    assert set(build_state(seed=7).webhooks).isdisjoint(state.webhooks)


def test_credentials(state):
    hooks = list(state.webhooks.values())
    assert [h.user_id for h in hooks] == [1, 7, 4]
    assert all(re.fullmatch(r"[a-z0-9]{16}", h.code) for h in hooks)
    assert hooks[2].scopes == {"crm", "basic"}
    assert {"crm", "imopenlines", "im", "user", "basic"} <= hooks[0].scopes
    (app,) = state.oauth_apps.values()
    assert re.fullmatch(r"local\.\w+\.\w+", app.client_id)
    assert len(app.client_secret) == 50
    assert not state.access_tokens


def test_users(state):
    users = state.users
    assert users[1].is_admin and users[1].active
    assert users[25].is_bot
    assert sum(not u.active for u in users.values()) == 2
    assert users[7].access_to(CrmType.DEAL) is Access.NONE
    assert users[7].access_to(CrmType.LEAD) is Access.OWN
    assert users[7].access_to(CrmType.COMPANY) is Access.ALL
    assert users[3].access_to(CrmType.DEAL) is Access.ALL
    customers = [u for u in users.values() if u.is_connector]
    assert customers and min(u.id for u in customers) == 1001
    for group in ([u for u in users.values() if u.id <= 24], customers):
        names = [u.full_name for u in group]
        assert any(re.search("[а-яА-Я]", n) for n in names)
        assert any(n.isascii() for n in names)
    assert all(u.departments[0] in state.departments for u in users.values() if u.id <= 24)


def test_rows_have_every_field_as_strings(state):
    for crm_type in CrmType:
        table = state.crm[crm_type]
        assert table.ids == list(range(1, len(table.ids) + 1))
        scalar = {f for f, kind in FIELDS[crm_type].items() if kind is not FieldType.MULTI}
        for row in table.rows:
            assert scalar <= row.keys() <= FIELDS[crm_type].keys()
            assert all(isinstance(row[f], str) for f in scalar)
            assert ISO.match(row["DATE_CREATE"]) and row["DATE_MODIFY"] >= row["DATE_CREATE"]
            assert row["DATE_MODIFY"] < NOW_ISO
            for multi, flag in (("PHONE", "HAS_PHONE"), ("EMAIL", "HAS_EMAIL")):
                if flag in row:
                    assert (row[flag] == "Y") == bool(row.get(multi))


def test_links_point_at_rows(state):
    crm = state.crm
    for deal in crm[CrmType.DEAL].rows:
        assert deal["CONTACT_ID"] == "0" or int(deal["CONTACT_ID"]) in crm[CrmType.CONTACT].by_id
        assert deal["COMPANY_ID"] == "0" or int(deal["COMPANY_ID"]) in crm[CrmType.COMPANY].by_id
    for chat in state.chats.values():
        assert set(chat.crm) == set(CrmType)
        for crm_type, crm_id in chat.crm.items():
            assert crm_id == 0 or crm_id in crm[crm_type].by_id


def test_has_imol_matches_chats(state):
    for crm_type in (CrmType.LEAD, CrmType.CONTACT, CrmType.COMPANY):
        for row in state.crm[crm_type].rows:
            chats = state.chats_of(crm_type, int(row["ID"]))
            assert (row["HAS_IMOL"] == "Y") == bool(chats)
            values = {f["VALUE"] for f in row.get("IM", [])}
            assert values == {f"imol|{c.entity_id}" for c in chats}


def test_chat_paths(state):
    lead_one = state.chats_of(CrmType.LEAD, 1)
    assert len(lead_one) >= 2 and lead_one[-1].active
    assert not any(c.active for c in lead_one[:-1])
    leads = state.crm[CrmType.LEAD].by_id
    chat_leads = [leads[c.crm[CrmType.LEAD]] for c in state.chats.values() if c.crm[CrmType.LEAD]]
    assert sum(row["ASSIGNED_BY_ID"] == "7" for row in chat_leads) >= 3
    assert any(c.active and c.current_session.operator_id == 1 for c in state.chats.values())
    assert sum(row["HAS_IMOL"] == "N" for row in leads.values()) > len(leads) / 2
    assert [c.chat_type for c in state.chats.values()].count("chat") == 1
    assert min(state.chats) == 1701


def test_sessions_and_messages(state):
    texts = {m.text for m in state.messages.values()}
    assert set(HOSTILE_TEXTS) <= texts
    assert {"<script>alert('xss')</script>", "<img src=x onerror=alert(1)>"} <= texts
    assert any(len(t) > 500 and " " not in t for t in texts)
    assert any("[url=" in t for t in texts) and any("[b]" in t for t in texts)
    assert {f.type for f in state.files.values()} == {"image", "file"}
    for chat in state.chats.values():
        dates = [m.date for m in chat.messages]
        assert dates == sorted(dates) and len(set(dates)) == len(dates)
        assert all(ISO.match(d) and d < NOW_ISO for d in dates)
        if chat.is_lines:
            assert chat.customer_id in chat.participants
            assert chat.current_session.operator_id in chat.participants
            assert all(s.closed for s in chat.sessions[:-1])
            assert all(fid in state.files for m in chat.messages for fid in m.file_ids)
    assert 0 < sum(c.active for c in state.chats.values()) < len(state.chats)


def test_large_build_keeps_chat_count():
    started = time.perf_counter()
    big = build_state(leads=100_000)
    print(f"build_state(leads=100_000): {time.perf_counter() - started:.2f} s")
    assert len(big.crm[CrmType.LEAD].rows) == 100_000
    assert len(big.chats) == len(build_state().chats)
    assert datetime.fromisoformat(big.crm[CrmType.LEAD].rows[-1]["DATE_CREATE"]) < NOW
