"""The local entity index: every search form a supervisor types, ranking, sort and privacy."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import stat
from datetime import datetime
from decimal import Decimal

import pytest

from b24desk.api.types import CrmEntityType, Entity
from b24desk.desk.index import EntityIndex
from b24desk.desk.matching import latin
from b24desk.portal.seed import build_state
from b24desk.portal.state import CrmType

LEAD = CrmEntityType.LEAD


def lead(entity_id: int, title: str, *, name="", last="", phones=(), emails=(), amount=None):
    return Entity(
        type=LEAD,
        id=entity_id,
        title=title,
        name=name,
        last_name=last,
        phones=tuple(phones),
        emails=tuple(emails),
        opportunity=Decimal(amount) if amount else None,
    )


ROWS = [
    lead(1, "Заявка с сайта", name="Иван", last="Комаров", phones=["+7 (916) 555-81-02"],
         emails=["komarov90@inbox.ru"], amount="1500"),
    lead(2, "Звонок", name="Мария", last="Иванова", phones=["8 495 123-45-67"],
         emails=["m.iv@mail.ru"], amount="300"),
    lead(3, "Order from website", name="John", last="Smith", phones=["+1 212 555 0199"],
         emails=["john@example.com"]),
    lead(12345, "Повторный запрос", name="Пётр", last="Комаровский", phones=["+7 903 000 12 34"]),
    lead(4, "Заказ 12345 по телефону", name="Анна", last="Петрова"),
]  # fmt: skip


@pytest.fixture
def index(tmp_path):
    async def build():
        index = EntityIndex(tmp_path / "index" / "demo.sqlite")
        await index.upsert(ROWS)
        return index

    return asyncio.run(build()), tmp_path


def search(index, text, order=()):
    async def run():
        return await index.search(LEAD, text, order)

    return asyncio.run(run())


def ids(hits):
    return [h.entity.id for h in hits]


@pytest.mark.parametrize(
    ("typed", "expected", "why"),
    [
        ("Комаров", 1, "name"),
        ("омар", 1, "name"),  # any substring of a name
        ("Komarovsk", 12345, "spelling"),  # Latin finds Cyrillic
        ("Ivanova", 2, "spelling"),
        ("Смит", 3, "spelling"),  # Cyrillic finds Latin, through one Latin spelling
        ("5558102", 1, "phone"),  # a run of digits, whatever the formatting
        ("555-81-02", 1, "phone"),
        ("+7 916", 1, "phone"),
        ("8 916 555", 1, "phone"),  # a trunk 8 for +7
        ("4951234567", 2, "phone"),
        ("komarov90", 1, "e-mail"),  # any part of an e-mail
        ("inbox.ru", 1, "e-mail"),
        ("mail.ru", 2, "e-mail"),
        ("сайта", 1, "name"),
    ],
)
def test_finds_what_a_supervisor_types(index, typed, expected, why):
    hits = search(index[0], typed)
    assert expected in ids(hits), typed
    assert next(h.reason for h in hits if h.entity.id == expected) == why


def test_an_id_comes_first_then_the_rest(index):
    hits = search(index[0], "12345")
    assert ids(hits)[0] == 12345 and hits[0].reason == "id"
    assert 4 in ids(hits)  # the title mentions it


def test_an_exact_email_ranks_first_and_the_sort_is_honoured(index):
    hits = search(index[0], "Комаров", order=[("ID", False)])
    assert ids(hits) == [1, 12345]
    hits = search(index[0], "Комаров", order=[("ID", True)])
    assert ids(hits) == [12345, 1]
    hits = search(index[0], "komarov90@inbox.ru", order=[("ID", True)])
    assert ids(hits)[0] == 1


def test_short_text_finds_names_that_start_with_it(index):
    assert 2 in ids(search(index[0], "Ма"))


def test_updates_and_removals_are_searchable_at_once(index):
    idx = index[0]

    async def run():
        await idx.upsert([lead(1, "Заявка", name="Иван", last="Смирнов")])
        await idx.remove(LEAD, [2])
        return (
            await idx.search(LEAD, "Комаров"),
            await idx.search(LEAD, "Смирнов"),
            await idx.search(LEAD, "Иванова"),
            await idx.count(LEAD),
        )

    old_name, new_name, removed, count = asyncio.run(run())
    assert 1 not in ids(old_name) and ids(new_name) == [1]
    assert removed == [] and count == len(ROWS) - 1


def test_pages_in_the_chosen_order_and_round_trips_fields(index):
    async def run():
        return await index[0].page(LEAD, [("OPPORTUNITY", True)], 0, 2)

    first, second = asyncio.run(run())
    assert (first.id, second.id) == (1, 2)
    assert first.phones == ("+7 (916) 555-81-02",) and first.opportunity == Decimal("1500")
    assert first.emails == ("komarov90@inbox.ru",)


def test_the_file_is_the_users_only_and_can_be_forgotten(index):
    idx, tmp_path = index
    path = tmp_path / "index" / "demo.sqlite"
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600

    async def run():
        await idx.forget()
        return await idx.count(LEAD), await idx.sync_state(LEAD)

    assert asyncio.run(run()) == (0, (0, False, None))


def test_fts_syntax_in_the_query_is_just_text(index):
    for typed in ('"', 'a" OR "b', "NEAR(", "*", "words : x", "%_\\"):
        search(index[0], typed)  # no error


def portal_leads(count: int) -> list[Entity]:
    """The demo portal's leads as the sync stores them (names, phones, e-mails, dates)."""
    state = build_state(leads=count, lead_chats=0)
    values = lambda raw: tuple(v["VALUE"] for v in raw or ())  # noqa: E731
    return [
        Entity(
            type=LEAD, id=int(row["ID"]), title=row["TITLE"], name=row["NAME"],
            second_name=row["SECOND_NAME"], last_name=row["LAST_NAME"], status=row["STATUS_ID"],
            assigned_by_id=int(row["ASSIGNED_BY_ID"]), contact_id=int(row["CONTACT_ID"]) or None,
            opportunity=Decimal(row["OPPORTUNITY"]), currency=row["CURRENCY_ID"],
            phones=values(row.get("PHONE")), emails=values(row.get("EMAIL")),
            date_create=datetime.fromisoformat(row["DATE_CREATE"]),
            date_modify=datetime.fromisoformat(row["DATE_MODIFY"]),
        )
        for row in state.crm[CrmType.LEAD].rows
    ]  # fmt: skip


def test_a_million_leads_fit_in_400_mb(tmp_path):
    leads = portal_leads(4000)
    path = tmp_path / "big.sqlite"

    async def run():
        index = EntityIndex(path)
        await index.upsert(leads)
        found = await index.search(LEAD, latin(leads[1234].last_name))
        await index.close()
        return found

    found = asyncio.run(run())
    per_row = sum(f.stat().st_size for f in tmp_path.iterdir()) / len(leads)
    assert per_row <= 400, f"{per_row:.0f} bytes per lead"  # 400 MB per million
    assert leads[1234].id in ids(found)
    # Dates are kept as moments: the same instant, whatever offset the portal wrote.
    assert found[0].entity.date_create is not None


def test_a_file_from_an_older_version_is_rebuilt(tmp_path):
    path = tmp_path / "old.sqlite"
    old = sqlite3.connect(path)
    old.executescript(
        "CREATE TABLE entity(rowid INTEGER PRIMARY KEY, type TEXT, id INTEGER, words TEXT);"
        "CREATE VIRTUAL TABLE entity_words USING fts5(words, content='entity',"
        " content_rowid='rowid', tokenize='trigram');"
        "CREATE TABLE sync_state(type TEXT PRIMARY KEY, last_id INTEGER, complete INTEGER,"
        " modified_since TEXT);"
        "INSERT INTO entity VALUES (1, 'lead', 7, 'komarov');"
        "INSERT INTO sync_state VALUES ('lead', 7, 1, '2026-01-01T00:00:00+03:00');"
        "PRAGMA user_version=1;"
    )
    old.close()

    async def run():
        index = EntityIndex(path)
        state = await index.sync_state(LEAD), await index.count(LEAD)
        await index.upsert(ROWS)
        found = await index.search(LEAD, "Комаров")
        await index.close()
        return state, found

    (state, count), found = asyncio.run(run())
    # Synced again from scratch: the old rows are gone, the new ones searchable.
    assert state == (0, False, None) and count == 0
    assert ids(found) == [12345, 1]


def test_a_common_name_among_many_leads_still_finds_the_contacts_and_the_newest_leads(tmp_path):
    # The full-text matches were capped across every type in the order stored: 1,000 leads
    # named Ivan left no room for the contacts named Ivan, and the leads shown were the
    # oldest 1,000's newest, not the newest.
    leads = [lead(i, f"Заявка {i}", name="Иван", last="Петров") for i in range(1, 3001)]
    contacts = [
        Entity(type=CrmEntityType.CONTACT, id=i, name="Иван", last_name=f"Контактов {i}")
        for i in (7, 8, 9)
    ]

    async def run():
        index = EntityIndex(tmp_path / "index.sqlite")
        await index.upsert([*leads, *contacts])
        found_contacts = await index.search(CrmEntityType.CONTACT, "Иван", [("ID", True)])
        newest = await index.search(LEAD, "Иван", [("ID", True)])
        oldest = await index.search(LEAD, "Иван", [("ID", False)])
        await index.close()
        return found_contacts, newest, oldest

    found_contacts, newest, oldest = asyncio.run(run())
    assert ids(found_contacts) == [9, 8, 7]
    assert ids(newest) == list(range(3000, 3000 - len(newest), -1)) and len(newest) >= 50
    assert ids(oldest) == list(range(1, len(oldest) + 1))
