"""Drafts belong to a chat and survive a restart."""

from __future__ import annotations

import asyncio

from b24desk.desk.drafts import Drafts


def test_each_chat_keeps_its_own_draft_across_a_restart(tmp_path):
    path = tmp_path / "drafts.json"
    drafts = Drafts(path)
    drafts.set("p", 1, "для Анны")
    drafts.set("p", 2, "для Бориса")
    drafts.set("other", 1, "другой профиль")
    again = Drafts(path)
    assert again.get("p", 1) == "для Анны"
    assert again.get("p", 2) == "для Бориса"
    assert again.get("other", 1) == "другой профиль"
    assert again.get("p", 3) == ""


def test_saving_waits_for_a_pause_in_typing_and_flush_writes(tmp_path):
    path = tmp_path / "drafts.json"

    async def scenario():
        drafts = Drafts(path, save_delay=30)
        for n in range(1, 6):
            drafts.set("p", 1, "печатаю"[:n])
        assert not path.exists()  # nothing written while typing
        await drafts.flush()

    asyncio.run(scenario())
    assert Drafts(path).get("p", 1) == "печат"


def test_clear_only_when_the_draft_is_what_was_sent(tmp_path):
    drafts = Drafts(tmp_path / "drafts.json")
    drafts.set("p", 1, "отправлено")
    drafts.clear("p", 1, "отправлено")
    assert drafts.get("p", 1) == ""
    drafts.set("p", 1, "отправлено и ещё")
    drafts.clear("p", 1, "отправлено")
    assert drafts.get("p", 1) == "отправлено и ещё"


def test_put_back_appends_after_what_is_being_typed(tmp_path):
    drafts = Drafts(tmp_path / "drafts.json")
    assert drafts.put_back("p", 1, "старый") == "старый"
    drafts.set("p", 2, "новый")
    assert drafts.put_back("p", 2, "старый") == "новый\n\nстарый"


def test_a_corrupt_file_is_set_aside(tmp_path):
    path = tmp_path / "drafts.json"
    path.write_text('{"drafts": ' * 50_000)
    drafts = Drafts(path)
    assert drafts.get("p", 1) == ""
    [aside] = drafts.set_aside
    assert aside.where.read_text().startswith('{"drafts": ')
