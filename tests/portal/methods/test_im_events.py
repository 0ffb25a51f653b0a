"""im.v2.Event.subscribe / unsubscribe / get on the demo portal, as the reference has them:
recorded only after subscribing, only for the user's chats, confirmed by offset, 24 h."""

from __future__ import annotations

from b24desk.portal.eventlog import RETENTION_SECONDS
from b24desk.portal.state import CrmType

from .rest import error, ok

ADMIN = 1


def _admin_chat(lp):
    """An active Open Lines chat the admin (the webhook's user) takes part in."""
    return next(
        c for c in lp.state.chats.values() if c.is_lines and c.active and ADMIN in c.participants
    )


def _foreign_chat(lp):
    return next(c for c in lp.state.chats.values() if c.is_lines and ADMIN not in c.participants)


def _say(lp, chat, text, author=None):
    return lp.state.add_message(chat, author or chat.customer_id, text, "2026-11-20T12:00:00+03:00")


def _events(lp, hook=None, **params):
    return ok(hook or lp.webhook, "im.v2.Event.get", **params)


def test_nothing_is_recorded_before_subscribing(live_portal):
    chat = _admin_chat(live_portal)
    _say(live_portal, chat, "before")
    assert _events(live_portal) == {"events": [], "nextOffset": 0, "hasMore": False}
    assert ok(live_portal.webhook, "im.v2.Event.subscribe") is True
    assert ok(live_portal.webhook, "im.v2.Event.subscribe") is True  # idempotent
    assert _events(live_portal)["events"] == []


def test_message_add_in_an_open_lines_chat(live_portal):
    chat, foreign = _admin_chat(live_portal), _foreign_chat(live_portal)
    ok(live_portal.webhook, "im.v2.Event.subscribe")
    _say(live_portal, foreign, "not for the admin")
    message = _say(live_portal, chat, "Где мой заказ?")
    page = _events(live_portal)
    assert set(page) == {"events", "nextOffset", "hasMore"}
    [event] = page["events"]
    assert set(event) == {"eventId", "type", "date", "data"}
    assert event["type"] == "ONIMV2MESSAGEADD" and event["date"] == message.date
    assert page["nextOffset"] == event["eventId"] + 1 and page["hasMore"] is False
    data = event["data"]
    assert set(data) == {"message", "chat", "user", "language"}
    assert data["message"]["id"] == message.id and data["message"]["chatId"] == chat.id
    assert data["message"]["authorId"] == chat.customer_id and data["message"]["isSystem"] is False
    assert data["message"]["text"] == "Где мой заказ?" and data["message"]["params"] == {}
    assert data["chat"]["id"] == chat.id and data["chat"]["dialogId"] == f"chat{chat.id}"
    assert data["chat"]["entityType"] == "LINES" and data["chat"]["entityId"] == chat.entity_id
    assert data["chat"]["entityData2"] == chat.entity_data_2
    assert "role" not in data["chat"] and "muteList" not in data["chat"]
    assert data["user"]["id"] == chat.customer_id and data["user"]["connector"] is True
    assert not {"network", "botData", "avatarHr"} & set(data["user"])
    assert data["user"]["lastActivityDate"] is False and data["user"]["idle"] is False


def test_offset_confirms_and_limit_pages(live_portal):
    chat = _admin_chat(live_portal)
    ok(live_portal.webhook, "im.v2.Event.subscribe")
    for n in range(5):
        _say(live_portal, chat, f"m{n}")
    first = _events(live_portal, limit=2)
    assert [e["data"]["message"]["text"] for e in first["events"]] == ["m0", "m1"]
    assert first["hasMore"] is True
    # Without offset nothing is confirmed: the same records come again.
    assert _events(live_portal, limit=2)["events"] == first["events"]
    second = _events(live_portal, offset=first["nextOffset"], limit=2)
    assert [e["data"]["message"]["text"] for e in second["events"]] == ["m2", "m3"]
    assert [e["data"]["message"]["text"] for e in _events(live_portal)["events"]] == [
        "m2",
        "m3",
        "m4",
    ]
    # Out-of-range limits are held to 1..1000 (the method has no errors of its own).
    assert len(_events(live_portal, limit=0)["events"]) == 1
    assert len(_events(live_portal, limit=5000)["events"]) == 3
    assert len(_events(live_portal, limit="junk")["events"]) == 3
    last = _events(live_portal, offset=second["nextOffset"] + 1)
    assert last == {"events": [], "nextOffset": second["nextOffset"] + 1, "hasMore": False}


def test_a_second_consumer_of_the_same_user_takes_the_events(live_portal):
    chat = _admin_chat(live_portal)
    token = live_portal.portal.issue_tokens(ADMIN)
    oauth = f"{live_portal.base_url}/rest/"
    ok(live_portal.webhook, "im.v2.Event.subscribe")
    _say(live_portal, chat, "one queue")
    seen_by_app = ok(oauth, "im.v2.Event.get", auth=token.access_token)
    assert seen_by_app["events"] == _events(live_portal)["events"]
    ok(oauth, "im.v2.Event.get", auth=token.access_token, offset=seen_by_app["nextOffset"])
    assert _events(live_portal)["events"] == [], "the other application confirmed them"


def test_events_are_per_user(live_portal):
    chat = _admin_chat(live_portal)
    operator_hook = live_portal.webhook_of("operator")
    ok(operator_hook, "im.v2.Event.subscribe")
    ok(live_portal.webhook, "im.v2.Event.subscribe")
    _say(live_portal, chat, "for the admin only")
    assert len(_events(live_portal)["events"]) == 1
    assert _events(live_portal, operator_hook)["events"] == []


def test_unsubscribe_stops_recording_but_keeps_the_record(live_portal):
    chat = _admin_chat(live_portal)
    ok(live_portal.webhook, "im.v2.Event.subscribe")
    _say(live_portal, chat, "kept")
    assert ok(live_portal.webhook, "im.v2.Event.unsubscribe") is True
    assert ok(live_portal.webhook, "im.v2.Event.unsubscribe") is True
    _say(live_portal, chat, "not recorded")
    texts = [e["data"]["message"]["text"] for e in _events(live_portal)["events"]]
    assert texts == ["kept"]


def test_records_expire_after_24_hours(live_portal):
    chat, log = _admin_chat(live_portal), live_portal.state.events
    clock = [1_000_000.0]
    log.clock = lambda: clock[0]
    ok(live_portal.webhook, "im.v2.Event.subscribe")
    _say(live_portal, chat, "old")
    clock[0] += RETENTION_SECONDS - 1
    _say(live_portal, chat, "new")
    assert len(_events(live_portal)["events"]) == 2
    clock[0] += 2
    assert [e["data"]["message"]["text"] for e in _events(live_portal)["events"]] == ["new"]


def test_update_delete_reaction_and_join(live_portal):
    state, chat = live_portal.state, _admin_chat(live_portal)
    ok(live_portal.webhook, "im.v2.Event.subscribe")
    message = _say(live_portal, chat, "typo")
    state.update_message(message, "fixed")
    state.react(message, ADMIN)
    state.react(message, ADMIN)
    state.delete_message(message)
    lead = next(
        c
        for c in state.chats.values()
        if c.is_lines and ADMIN in c.participants and c.crm.get(CrmType.LEAD)
    )
    newcomer = next(u for u in (5, 8, 10, 11, 13, 14, 17) if u not in lead.participants)
    ok(
        live_portal.webhook,
        "imopenlines.crm.chat.user.add",
        CRM_ENTITY_TYPE="lead",
        CRM_ENTITY=lead.crm[CrmType.LEAD],
        CHAT_ID=lead.id,
        USER_ID=newcomer,
    )
    events = _events(live_portal)["events"]
    assert [e["type"] for e in events] == [
        "ONIMV2MESSAGEADD",
        "ONIMV2MESSAGEUPDATE",
        "ONIMV2REACTIONCHANGE",
        "ONIMV2REACTIONCHANGE",
        "ONIMV2MESSAGEDELETE",
        "ONIMV2JOINCHAT",
        "ONIMV2MESSAGEADD",  # the "invited" system message
    ]
    update, like, unlike, delete, join, notice = [e["data"] for e in events[1:]]
    assert update["message"]["text"] == "fixed" and update["message"]["id"] == message.id
    assert (like["reaction"], like["action"], like["user"]["id"]) == ("like", "add", ADMIN)
    assert like["message"]["params"]["LIKE"] == [ADMIN]
    assert unlike["action"] == "delete"
    assert set(delete) == {"messageId", "chat", "user", "language"}
    assert delete["messageId"] == message.id
    assert join["dialogId"] == f"chat{lead.id}" and join["user"]["id"] == newcomer
    assert notice["message"]["authorId"] == 0 and notice["message"]["isSystem"] is True
    assert notice["user"] == {"id": 0}


def test_inside_a_batch_and_without_the_im_scope(live_portal):
    chat = _admin_chat(live_portal)
    ok(live_portal.webhook, "im.v2.Event.subscribe")
    _say(live_portal, chat, "batched")
    result = ok(live_portal.webhook, "batch", cmd={"ev": "im.v2.Event.get?offset=0&limit=10"})
    assert result["result"]["ev"]["events"][0]["data"]["message"]["text"] == "batched"
    crm_only = live_portal.webhook_of("crm only")
    assert error(crm_only, "im.v2.Event.subscribe") == (403, "insufficient_scope")
    assert error(crm_only, "im.v2.Event.get") == (403, "insufficient_scope")
