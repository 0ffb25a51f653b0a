"""Reading dialogs on the demo portal: session history, dialog data and chat members,
in the shapes and words of the reference."""

from __future__ import annotations

import pytest

from b24desk.portal.methods.chat_access import now
from tests.helpers.chats import ADMIN, active_lead_chat_with_admin

from .rest import error, ok


def test_history_shape_and_php_empty_arrays(live_portal):
    state = live_portal.state
    chat = next(c for c in state.chats.values() if c.is_lines and len(c.sessions) > 1)
    history = ok(live_portal.webhook, "imopenlines.session.history.get", CHAT_ID=chat.id)
    assert history["chatId"] == chat.id and history["sessionId"] == chat.current_session.id
    for message_id, message in history["message"].items():
        assert message["id"] == message_id and isinstance(message["senderid"], str)
    assert history["chat"][str(chat.id)]["entityData2"] == chat.entity_data_2
    by_session = ok(
        live_portal.webhook,
        "imopenlines.session.history.get",
        SESSION_ID=chat.sessions[0].id,
        CHAT_ID=chat.id,
    )
    assert by_session["sessionId"] == chat.sessions[0].id
    with_files = [
        c
        for c in state.chats.values()
        if c.is_lines and any(state.messages[m].file_ids for m in c.current_session.message_ids)
    ]
    assert with_files, "seed should have files in some current sessions"
    files = ok(live_portal.webhook, "imopenlines.session.history.get", CHAT_ID=with_files[0].id)[
        "files"
    ]
    assert isinstance(files, dict) and files
    without = [
        c
        for c in state.chats.values()
        if c.is_lines and not any(state.messages[m].file_ids for m in c.current_session.message_ids)
    ]
    assert (
        ok(live_portal.webhook, "imopenlines.session.history.get", CHAT_ID=without[0].id)["files"]
        == []
    )


def test_history_errors(live_portal):
    hook = live_portal.webhook
    assert error(hook, "imopenlines.session.history.get") == (400, "MISSING_REQUIRED_PARAM")
    assert error(hook, "imopenlines.session.history.get", SESSION_ID="x") == (
        400,
        "INVALID_SESSION_ID",
    )
    assert error(hook, "imopenlines.session.history.get", CHAT_ID=10**8) == (400, "ACCESS_DENIED")


@pytest.mark.parametrize("key", ["CHAT_ID", "DIALOG_ID", "SESSION_ID", "USER_CODE"])
def test_dialog_get_by_any_key(live_portal, key):
    chat = next(c for c in live_portal.state.chats.values() if c.is_lines)
    value = {
        "CHAT_ID": chat.id,
        "DIALOG_ID": f"chat{chat.id}",
        "SESSION_ID": chat.current_session.id,
        "USER_CODE": chat.entity_id,
    }[key]
    dialog = ok(live_portal.webhook, "imopenlines.dialog.get", **{key: value})
    assert dialog["id"] == chat.id and dialog["dialog_id"] == f"chat{chat.id}"
    assert dialog["entity_data_1"].split("|")[5] == str(chat.current_session.id)


def test_chat_user_list_errors(live_portal):
    assert error(live_portal.webhook, "im.chat.user.list") == (400, "CHAT_ID_EMPTY")


# Keys of a history `chat` item, in the order of the reference's example.
HISTORY_CHAT_KEYS = [
    "id", "parentChatId", "parentMessageId", "name", "owner", "color", "extranet", "avatar",
    "call", "callNumber", "entityType", "entityId", "entityData1", "entityData2", "entityData3",
    "messageCount", "public", "muteList", "managerList", "dateCreate", "type", "entityLink",
    "permissions", "textFieldEnabled", "backgroundId", "messageType", "isNew",
]  # fmt: skip


def _history_with_files(live_portal):
    state = live_portal.state
    chat = next(
        c
        for c in state.chats.values()
        if c.is_lines and any(state.messages[m].file_ids for m in c.current_session.message_ids)
    )
    return chat, ok(live_portal.webhook, "imopenlines.session.history.get", CHAT_ID=chat.id)


def test_history_chat_item_has_the_reference_keys_and_shapes(live_portal):
    chat, history = _history_with_files(live_portal)
    item = history["chat"][str(chat.id)]
    assert list(item) == HISTORY_CHAT_KEYS
    assert item["muteList"] == {str(u): False for u in chat.participants}
    assert item["entityLink"] == {"type": "LINES", "url": "", "id": chat.entity_id}
    assert set(item["permissions"]) == {
        "manageUsersAdd", "manageUsersDelete", "manageUi", "manageSettings", "manageMessages",
        "canPost",
    }  # fmt: skip
    assert item["textFieldEnabled"] is True and item["isNew"] is False
    assert item["backgroundId"] is None and item["parentChatId"] == 0
    assert item["public"] == "" and item["extranet"] is False
    assert item["color"].startswith("#") and item["avatar"]


def test_history_users_carry_the_reference_fields(live_portal):
    chat, history = _history_with_files(live_portal)
    state = live_portal.state
    for user_id, user in history["users"].items():
        assert {
            "birthday",
            "phones",
            "idle",
            "mobileLastDate",
            "desktopLastDate",
            "botData",
        } <= set(user)
        assert user["idle"] is False and user["botData"] is None
        assert user["mobileLastDate"] is False and user["desktopLastDate"] is False
        seeded = state.users[int(user_id)]
        if seeded.work_phone or seeded.personal_mobile:
            assert user["phones"] and set(user["phones"]) <= {"workPhone", "personalMobile"}
        else:
            assert user["phones"] is False
    customer = history["users"][str(chat.customer_id)]
    assert customer["phones"] is False and customer["connector"] is True


def test_user_in_group_lists_the_answer_users_by_their_departments(live_portal):
    state = live_portal.state
    # A chat whose people sit in more than one department.
    for chat in (c for c in state.chats.values() if c.is_lines):
        history = ok(live_portal.webhook, "imopenlines.session.history.get", CHAT_ID=chat.id)
        departments = {d for u in history["users"].values() for d in u["departments"]}
        if len(departments) > 1:
            break
    else:
        raise AssertionError("seed has no chat with people of two departments")
    expected = {
        str(d): {
            "id": d,
            "users": [u["id"] for u in history["users"].values() if d in u["departments"]],
        }
        for d in sorted(departments)
    }
    assert history["userInGroup"] == expected
    customer = history["users"][str(chat.customer_id)]
    assert all(customer["id"] not in g["users"] for g in history["userInGroup"].values())


def test_message_params_are_objects_where_the_reference_has_them(live_portal):
    state = live_portal.state
    chat = next(c for c in state.chats.values() if c.is_lines and len(c.sessions) > 1)
    closed = chat.sessions[0]
    history = ok(live_portal.webhook, "imopenlines.session.history.get", SESSION_ID=closed.id)
    messages = [history["message"][str(i)] for i in closed.message_ids]
    assert messages[0]["params"] == {"class": "bx-messenger-content-item-ol-start"}
    assert messages[-1]["params"] == {
        "class": "bx-messenger-content-item-ol-end",
        "componentId": "bx-imopenlines-message",
        "imolVoteHead": 0,
        "imolVoteSid": closed.id,
        "imolVoteUser": 0,
        "type": "lines",
    }
    plain = [m for m in messages[1:-1] if not state.messages[int(m["id"])].file_ids]
    assert plain and all(m["params"] == [] for m in plain)
    _, with_files = _history_with_files(live_portal)
    carrying = [
        m for m in with_files["message"].values() if m["params"] and "fileId" in m["params"]
    ]
    assert carrying and all(
        str(f) in with_files["files"] for m in carrying for f in m["params"]["fileId"]
    )


def test_file_urls_are_absolute(live_portal):
    _, history = _history_with_files(live_portal)
    for entry in history["files"].values():
        assert entry["urldownload"].startswith(live_portal.base_url + "/")
        assert entry["urlshow"].startswith(live_portal.base_url + "/")
        assert f"fileId={entry['id']}" in entry["urldownload"]
        if entry["type"] == "image":
            assert entry["urlpreview"].startswith(live_portal.base_url + "/")
            assert set(entry["image"]) == {"width", "height"}


# Keys of imopenlines.dialog.get's result, in the order of the reference's example.
DIALOG_KEYS = [
    "id", "parent_chat_id", "parent_message_id", "name", "description", "owner", "extranet",
    "avatar", "color", "type", "counter", "user_counter", "message_count", "unread_id",
    "restrictions", "last_message_id", "last_id", "marked_id", "disk_folder_id", "entity_type",
    "entity_id", "entity_data_1", "entity_data_2", "entity_data_3", "mute_list", "date_create",
    "message_type", "public", "role", "entity_link", "text_field_enabled", "background_id",
    "permissions", "is_new", "readed_list", "manager_list", "last_message_views", "dialog_id",
]  # fmt: skip


def test_dialog_get_has_the_reference_keys_read_marks_and_the_callers_counter(live_portal):
    state = live_portal.state
    chat = active_lead_chat_with_admin(state)
    before = ok(live_portal.webhook, "imopenlines.dialog.get", CHAT_ID=chat.id)
    assert list(before) == DIALOG_KEYS
    assert before["restrictions"] == {
        "avatar": True, "rename": True, "extend": True, "call": True, "mute": True,
        "leave": True, "leave_owner": True, "send": True, "user_list": True,
    }  # fmt: skip
    readers = {entry["user_id"]: entry for entry in before["readed_list"]}
    assert set(readers) == set(chat.participants) - {ADMIN}  # the caller is not listed
    customer = readers[chat.customer_id]
    assert customer["message_id"] == state.read_mark(chat, chat.customer_id)
    assert customer["user_name"] == state.users[chat.customer_id].full_name

    first = state.add_message(chat, chat.customer_id, "Первый", now(state))
    state.add_message(chat, chat.customer_id, "Второй", now(state))
    after = ok(live_portal.webhook, "imopenlines.dialog.get", CHAT_ID=chat.id)
    assert after["counter"] == before["counter"] + 2
    assert after["unread_id"] == (before["unread_id"] or first.id)
    views = after["last_message_views"]
    assert views["message_id"] == after["last_message_id"] == chat.messages[-1].id
    assert all(v["user_id"] != chat.customer_id for v in views["first_viewers"])  # the author


def test_dialog_get_counter_is_zero_for_a_chat_the_caller_is_not_in(live_portal):
    state = live_portal.state
    chat = next(c for c in state.chats.values() if c.is_lines and ADMIN not in c.participants)
    state.add_message(chat, chat.customer_id, "Здравствуйте", now(state))
    dialog = ok(live_portal.webhook, "imopenlines.dialog.get", CHAT_ID=chat.id)
    assert dialog["counter"] == 0 and dialog["unread_id"] == 0
    assert dialog["last_message_views"]["message_id"] == chat.messages[-1].id
