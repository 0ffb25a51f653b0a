"""Open Lines methods on the demo portal: documented results, errors and shared state."""

from __future__ import annotations

from b24desk.portal.state import CrmType

from .rest import error, ok


def bound_lead_chats(state):
    """(lead id, its chats) for a lead with an active last chat."""
    for row in state.crm[CrmType.LEAD].rows:
        chats = state.chats_of(CrmType.LEAD, int(row["ID"]))
        if len(chats) >= 2 and chats[-1].active:
            return int(row["ID"]), chats
    raise AssertionError("seed has no lead with two chats")


def lead_without_chat(state) -> int:
    return next(
        int(r["ID"])
        for r in state.crm[CrmType.LEAD].rows
        if not state.chats_of(CrmType.LEAD, int(r["ID"]))
    )


def test_chat_get_lists_chats_with_string_ids(live_portal):
    lead_id, chats = bound_lead_chats(live_portal.state)
    all_chats = ok(
        live_portal.webhook,
        "imopenlines.crm.chat.get",
        CRM_ENTITY_TYPE="lead",
        CRM_ENTITY=lead_id,
        ACTIVE_ONLY="N",
    )
    assert [c["CHAT_ID"] for c in all_chats] == [str(c.id) for c in chats]
    assert all(set(c) == {"CHAT_ID", "CONNECTOR_ID", "CONNECTOR_TITLE"} for c in all_chats)
    active = ok(
        live_portal.webhook, "imopenlines.crm.chat.get", CRM_ENTITY_TYPE="lead", CRM_ENTITY=lead_id
    )
    assert [c["CHAT_ID"] for c in active] == [str(c.id) for c in chats if c.active]


def test_chat_get_errors_and_empty_results(live_portal):
    hook = live_portal.webhook
    assert error(hook, "imopenlines.crm.chat.get", CRM_ENTITY=1) == (400, "ERROR_ARGUMENT")
    assert error(hook, "imopenlines.crm.chat.get", CRM_ENTITY_TYPE="lead") == (
        400,
        "ERROR_ARGUMENT",
    )
    assert error(hook, "imopenlines.crm.chat.get", CRM_ENTITY_TYPE="lead", CRM_ENTITY="abc") == (
        400,
        "ERROR_ARGUMENT",
    )
    assert ok(hook, "imopenlines.crm.chat.get", CRM_ENTITY_TYPE="lead", CRM_ENTITY=10**8) == []
    no_chat = lead_without_chat(live_portal.state)
    assert ok(hook, "imopenlines.crm.chat.get", CRM_ENTITY_TYPE="lead", CRM_ENTITY=no_chat) == []


def test_get_last_id_is_an_int_and_no_chat_is_an_error(live_portal):
    lead_id, chats = bound_lead_chats(live_portal.state)
    assert (
        ok(
            live_portal.webhook,
            "imopenlines.crm.chat.getLastId",
            CRM_ENTITY_TYPE="lead",
            CRM_ENTITY=lead_id,
        )
        == chats[-1].id
    )
    no_chat = lead_without_chat(live_portal.state)
    assert error(
        live_portal.webhook,
        "imopenlines.crm.chat.getLastId",
        CRM_ENTITY_TYPE="lead",
        CRM_ENTITY=no_chat,
    ) == (400, "CRM_CHAT_EMPTY_CRM_DATA")
    assert error(live_portal.webhook, "imopenlines.crm.chat.getLastId") == (
        400,
        "CRM_CHAT_EMPTY_CRM_DATA",
    )


def test_add_participant_shows_in_user_list_and_history(live_portal):
    hook = live_portal.webhook
    state = live_portal.state
    lead_id, chats = bound_lead_chats(state)
    chat = chats[-1]
    newcomer = next(
        u
        for u in state.users.values()
        if u.active and not u.is_bot and not u.is_connector and u.id not in chat.participants
    )
    added = ok(
        hook,
        "imopenlines.crm.chat.user.add",
        CRM_ENTITY_TYPE="lead",
        CRM_ENTITY=lead_id,
        USER_ID=newcomer.id,
    )
    assert added == chat.id
    assert newcomer.id in ok(hook, "im.chat.user.list", CHAT_ID=chat.id)
    history = ok(hook, "imopenlines.session.history.get", CHAT_ID=chat.id)
    assert newcomer.id in history["userInChat"][str(chat.id)]
    assert error(
        hook,
        "imopenlines.crm.chat.user.add",
        CRM_ENTITY_TYPE="lead",
        CRM_ENTITY=lead_id,
        USER_ID=newcomer.id,
    ) == (400, "WRONG_REQUEST")
    removed = ok(
        hook,
        "imopenlines.crm.chat.user.delete",
        CRM_ENTITY_TYPE="lead",
        CRM_ENTITY=lead_id,
        USER_ID=newcomer.id,
    )
    assert removed == chat.id
    assert newcomer.id not in ok(hook, "im.chat.user.list", CHAT_ID=chat.id)
    assert error(
        hook,
        "imopenlines.crm.chat.user.delete",
        CRM_ENTITY_TYPE="lead",
        CRM_ENTITY=lead_id,
        USER_ID=newcomer.id,
    ) == (400, "WRONG_REQUEST")


def test_participant_calls_answer_zero_without_a_chat(live_portal):
    no_chat = lead_without_chat(live_portal.state)
    for method in ("imopenlines.crm.chat.user.add", "imopenlines.crm.chat.user.delete"):
        assert (
            ok(live_portal.webhook, method, CRM_ENTITY_TYPE="lead", CRM_ENTITY=no_chat, USER_ID=2)
            == 0
        )


def test_participant_validation_codes_differ_between_add_and_delete(live_portal):
    hook = live_portal.webhook
    lead_id, chats = bound_lead_chats(live_portal.state)
    add, delete = "imopenlines.crm.chat.user.add", "imopenlines.crm.chat.user.delete"
    assert error(hook, add, CRM_ENTITY_TYPE="lead", CRM_ENTITY=lead_id) == (400, "ERROR_ARGUMENT")
    assert error(hook, delete, CRM_ENTITY_TYPE="lead", CRM_ENTITY=lead_id) == (
        400,
        "CRM_CHAT_EMPTY_USER",
    )
    assert error(hook, add, CRM_ENTITY=lead_id, USER_ID=2) == (400, "ERROR_ARGUMENT")
    assert error(hook, delete, CRM_ENTITY=lead_id, USER_ID=2) == (400, "CRM_CHAT_EMPTY_CRM_DATA")
    other_chat = next(c for c in live_portal.state.chats.values() if c.is_lines and c not in chats)
    assert error(
        hook, add, CRM_ENTITY_TYPE="lead", CRM_ENTITY=lead_id, USER_ID=2, CHAT_ID=other_chat.id
    ) == (400, "CHAT_NOT_IN_CRM")
    inactive = next(u for u in live_portal.state.users.values() if not u.active)
    assert error(hook, add, CRM_ENTITY_TYPE="lead", CRM_ENTITY=lead_id, USER_ID=inactive.id) == (
        400,
        "CRM_CHAT_USER_NOT_ACTIVE",
    )
    assert error(hook, delete, CRM_ENTITY_TYPE="nonsense", CRM_ENTITY=lead_id, USER_ID=2) == (
        403,
        "ACCESS_DENIED",
    )


def test_message_add_refuses_non_participant_then_lands_in_history(live_portal):
    hook = live_portal.webhook
    state = live_portal.state
    lead_id, chats = bound_lead_chats(state)
    chat = chats[-1]
    if 1 in chat.participants:
        ok(
            hook,
            "imopenlines.crm.chat.user.delete",
            CRM_ENTITY_TYPE="lead",
            CRM_ENTITY=lead_id,
            USER_ID=1,
        )
    params = dict(
        CRM_ENTITY_TYPE="lead",
        CRM_ENTITY=lead_id,
        USER_ID=1,
        CHAT_ID=chat.id,
        MESSAGE="Добрый день! [b]Проверяю[/b]",
    )
    assert error(hook, "imopenlines.crm.message.add", **params) == (400, "CANCELED")
    ok(
        hook,
        "imopenlines.crm.chat.user.add",
        CRM_ENTITY_TYPE="lead",
        CRM_ENTITY=lead_id,
        USER_ID=1,
        CHAT_ID=chat.id,
    )
    message_id = ok(hook, "imopenlines.crm.message.add", **params)
    assert isinstance(message_id, int)
    history = ok(hook, "imopenlines.session.history.get", CHAT_ID=chat.id)
    sent = history["message"][str(message_id)]
    assert sent["text"] == params["MESSAGE"] and sent["senderid"] == "1"
    assert history["usersMessage"][f"chat{chat.id}"][0] == str(message_id)
    for name in ("MESSAGE", "USER_ID", "CHAT_ID"):
        assert error(
            hook, "imopenlines.crm.message.add", **{k: v for k, v in params.items() if k != name}
        ) == (400, "ERROR_ARGUMENT")


def test_lead_create_only_by_current_operator_and_binds_new_lead(live_portal):
    state = live_portal.state
    hook = live_portal.webhook
    own = next(
        c
        for c in state.chats.values()
        if c.is_lines and c.active and c.current_session.operator_id == 1
    )
    foreign = next(
        c
        for c in state.chats.values()
        if c.is_lines and c.active and c.current_session.operator_id != 1
    )
    assert error(hook, "imopenlines.crm.lead.create", CHAT_ID=foreign.id) == (
        400,
        "ERROR_USER_NOT_OPERATOR",
    )
    before = ok(hook, "crm.lead.list", order={"ID": "DESC"}, select=["ID"])[0]["ID"]
    assert ok(hook, "imopenlines.crm.lead.create", CHAT_ID=own.id) is True
    dialog = ok(hook, "imopenlines.dialog.get", CHAT_ID=own.id)
    lead_id = int(dialog["entity_data_2"].split("|")[1])
    assert lead_id > int(before)
    lead = ok(hook, "crm.lead.get", id=lead_id)
    assert lead["TITLE"] == own.name and lead["HAS_IMOL"] == "Y"
    listed = ok(hook, "crm.lead.list", filter={"ID": lead_id})
    assert [r["ID"] for r in listed] == [str(lead_id)]
    assert str(own.id) in {
        c["CHAT_ID"]
        for c in ok(hook, "imopenlines.crm.chat.get", CRM_ENTITY_TYPE="lead", CRM_ENTITY=lead_id)
    }


def test_lead_create_errors(live_portal):
    hook = live_portal.webhook
    group = next(c for c in live_portal.state.chats.values() if not c.is_lines)
    assert error(hook, "imopenlines.crm.lead.create", CHAT_ID=group.id) == (400, "CHAT_TYPE")
    assert error(hook, "imopenlines.crm.lead.create") == (400, "CHAT_ID")


def test_restricted_operator_hits_access_denied_paths(live_portal):
    state = live_portal.state
    operator_hook = next(h for h in state.webhooks.values() if "operator" in h.title)
    operator = live_portal.webhook_of("operator")
    foreign = next(
        c
        for c in state.chats.values()
        if c.is_lines
        and c.crm.get(CrmType.LEAD)
        and operator_hook.user_id not in c.participants
        and state.crm[CrmType.LEAD].by_id[c.crm[CrmType.LEAD]]["ASSIGNED_BY_ID"]
        != str(operator_hook.user_id)
    )
    lead_id = foreign.crm[CrmType.LEAD]
    assert error(
        operator, "imopenlines.crm.chat.get", CRM_ENTITY_TYPE="lead", CRM_ENTITY=lead_id
    ) == (403, "ACCESS_DENIED")
    assert error(
        operator, "imopenlines.crm.chat.getLastId", CRM_ENTITY_TYPE="lead", CRM_ENTITY=lead_id
    ) == (400, "CRM_CHAT_EMPTY_CRM_DATA")
    assert error(
        operator,
        "imopenlines.crm.chat.user.add",
        CRM_ENTITY_TYPE="lead",
        CRM_ENTITY=lead_id,
        USER_ID=operator_hook.user_id,
    ) == (403, "ACCESS_DENIED")
    assert error(operator, "imopenlines.session.history.get", CHAT_ID=foreign.id) == (
        400,
        "ACCESS_DENIED",
    )
    assert error(operator, "imopenlines.crm.lead.create", CHAT_ID=foreign.id) == (
        400,
        "ACCESS_DENIED",
    )
    assert ok(operator, "im.chat.user.list", CHAT_ID=foreign.id) == []
    assert error(operator, "imopenlines.dialog.get", CHAT_ID=foreign.id) == (400, "ACCESS_ERROR")
