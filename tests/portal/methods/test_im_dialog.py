"""im.dialog.messages.get, im.recent.get and im.counters.get on the demo portal: a member's
messages, its recent chats and unread counters, in the reference's shapes and words."""

from __future__ import annotations

from datetime import datetime, timedelta

from b24desk.portal.methods.chat_access import now

from .rest import call, error, ok

ADMIN = 1


def _admin_chat(lp, *, min_messages=0):
    return next(
        c
        for c in lp.state.chats.values()
        if c.is_lines and c.active and ADMIN in c.participants and len(c.messages) >= min_messages
    )


def _messages(lp, **params):
    return ok(lp.webhook, "im.dialog.messages.get", **params)


def test_newest_messages_first_and_their_shape(live_portal):
    chat = _admin_chat(live_portal, min_messages=3)
    result = _messages(live_portal, DIALOG_ID=f"chat{chat.id}", LIMIT=2)
    assert set(result) == {"chat_id", "messages", "users", "files"}
    assert result["chat_id"] == chat.id
    assert [m["id"] for m in result["messages"]] == [chat.messages[-1].id, chat.messages[-2].id]
    message = result["messages"][0]
    assert set(message) == {
        "id", "chat_id", "author_id", "date", "text", "unread", "uuid", "replaces", "params",
        "disappearing_date",
    }  # fmt: skip
    assert message["text"] == chat.messages[-1].text and message["unread"] is False
    authors = {m["author_id"] for m in result["messages"]} - {0}
    assert {u["id"] for u in result["users"]} == authors
    assert all("first_name" in u and "bot_data" in u for u in result["users"])
    default = _messages(live_portal, DIALOG_ID=f"chat{chat.id}")["messages"]
    assert len(default) == min(20, len(chat.messages))
    assert len(_messages(live_portal, DIALOG_ID=f"chat{chat.id}", LIMIT=500)["messages"]) <= 50


def test_first_id_and_last_id_page_through_the_chat(live_portal):
    chat = _admin_chat(live_portal, min_messages=5)
    ids = [m.id for m in chat.messages]
    dialog = f"chat{chat.id}"
    older = _messages(live_portal, DIALOG_ID=dialog, LAST_ID=ids[-1], LIMIT=2)["messages"]
    assert [m["id"] for m in older] == [ids[-2], ids[-3]]
    newer = _messages(live_portal, DIALOG_ID=dialog, FIRST_ID=ids[0], LIMIT=2)["messages"]
    assert [m["id"] for m in newer] == [ids[2], ids[1]], "the next ones after FIRST_ID"
    added = live_portal.state.add_message(chat, chat.customer_id, "new", now(live_portal.state))
    fresh = _messages(live_portal, DIALOG_ID=dialog, FIRST_ID=ids[-1])["messages"]
    assert [(m["id"], m["unread"]) for m in fresh] == [(added.id, True)]
    nowhere = _messages(live_portal, DIALOG_ID=dialog, FIRST_ID=10**9)
    assert nowhere == {"chat_id": chat.id, "messages": [], "users": [], "files": []}


def test_dialog_messages_errors(live_portal):
    hook = live_portal.webhook
    foreign = next(c for c in live_portal.state.chats.values() if ADMIN not in c.participants)
    mine = _admin_chat(live_portal)
    assert error(hook, "im.dialog.messages.get") == (400, "DIALOG_ID_EMPTY")
    assert error(hook, "im.dialog.messages.get", DIALOG_ID="chatX") == (400, "DIALOG_ID_EMPTY")
    assert call(hook, "im.dialog.messages.get", DIALOG_ID="").json() == {
        "error": "DIALOG_ID_EMPTY",
        "error_description": "Dialog ID can't be empty",
    }
    dialog = f"chat{mine.id}"
    assert error(hook, "im.dialog.messages.get", DIALOG_ID=dialog, FIRST_ID="abc") == (
        400,
        "FIRST_ID_STRING",
    )
    assert error(hook, "im.dialog.messages.get", DIALOG_ID=dialog, LAST_ID="abc") == (
        400,
        "LAST_ID_STRING",
    )
    # Members only, the admin too: non-members read Open Lines through session.history.get.
    assert error(hook, "im.dialog.messages.get", DIALOG_ID=f"chat{foreign.id}") == (
        403,
        "ACCESS_ERROR",
    )


def test_recent_open_lines_since_a_date(live_portal):
    state = live_portal.state
    chat = _admin_chat(live_portal)
    group = next(c for c in state.chats.values() if not c.is_lines)
    state.add_participant(group, ADMIN)
    everything = ok(live_portal.webhook, "im.recent.get")
    assert {i["chat_id"] for i in everything} == {
        c.id for c in state.chats.values() if ADMIN in c.participants
    }
    lines = ok(live_portal.webhook, "im.recent.get", ONLY_OPENLINES="Y")
    assert group.id not in {i["chat_id"] for i in lines}
    assert {i["chat_id"] for i in ok(live_portal.webhook, "im.recent.get", SKIP_OPENLINES="Y")} == {
        group.id
    }
    portal_now = datetime.fromisoformat(now(state))
    state.add_message(chat, chat.customer_id, "[b]Hello[/b]\nthere", portal_now.isoformat())
    since = (portal_now - timedelta(seconds=1)).isoformat()
    [item] = ok(live_portal.webhook, "im.recent.get", ONLY_OPENLINES="Y", LAST_SYNC_DATE=since)
    assert item["id"] == f"chat{chat.id}" and item["type"] == "chat" and item["counter"] == 1
    assert item["message"]["text"] == "Hello there" and item["message"]["author_id"] > 0
    assert item["chat"]["entity_type"] == "LINES" and item["chat"]["entity_id"] == chat.entity_id
    assert item["lines"] == {
        "id": chat.current_session.id,
        "status": 20,
        "date_create": chat.current_session.date_create,
    }
    assert item["date_update"] == portal_now.isoformat()


def test_last_sync_date_reaches_back_at_most_seven_days(live_portal):
    state = live_portal.state
    chats = [c for c in state.chats.values() if c.is_lines and ADMIN in c.participants][:2]
    portal_now = datetime.fromisoformat(now(state))
    for chat, days in zip(chats, (8, 6), strict=True):
        state.add_message(
            chat, chat.customer_id, "x", (portal_now - timedelta(days=days)).isoformat()
        )
    since = (portal_now - timedelta(days=30)).isoformat()
    found = {i["chat_id"] for i in ok(live_portal.webhook, "im.recent.get", LAST_SYNC_DATE=since)}
    assert chats[1].id in found and chats[0].id not in found


def test_counters(live_portal):
    state = live_portal.state
    empty = ok(live_portal.webhook, "im.counters.get")
    assert empty == {
        "TYPE": {"ALL": 0, "NOTIFY": 0, "CHAT": 0, "LINES": 0, "DIALOG": 0, "MESSENGER": 0},
        "CHAT": [],
        "CHAT_MUTED": [],
        "CHAT_UNREAD": [],
        "LINES": [],
        "DIALOG": [],
        "DIALOG_UNREAD": [],
    }
    chat = _admin_chat(live_portal)
    for text in ("a", "b"):
        state.add_message(chat, chat.customer_id, text, now(state))
    counters = ok(live_portal.webhook, "im.counters.get")
    assert counters["LINES"] == {str(chat.id): 2}
    assert counters["TYPE"]["LINES"] == counters["TYPE"]["ALL"] == 2
    state.add_message(chat, ADMIN, "answered", now(state))
    assert ok(live_portal.webhook, "im.counters.get")["LINES"] == []
