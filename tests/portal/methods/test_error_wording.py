"""Every imopenlines error answers with the code, HTTP status and words of its reference page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from b24desk.portal.state import CrmType

from .rest import call

ADD, DELETE = "imopenlines.crm.chat.user.add", "imopenlines.crm.chat.user.delete"
ARGS = "Argument '{}' is null or empty"
JOIN = "Access denied! You don't have access to join user to chat"
NOT_IN_CRM = "Chat does not belong to the CRM object being checked"
RIGHTS = "You cannot open this conversation as you do not have sufficient rights"


def _lead_chat(state):
    """A lead, its last chat and a chat of another lead."""
    chats = [c for c in state.chats.values() if c.is_lines and c.crm.get(CrmType.LEAD)]
    return chats[0].crm[CrmType.LEAD], chats[0], chats[1]


def _lead(state, **extra: Any) -> dict[str, Any]:
    lead_id, _, _ = _lead_chat(state)
    return {"CRM_ENTITY_TYPE": "lead", "CRM_ENTITY": lead_id, **extra}


def _foreign_chat(state, **extra: Any) -> dict[str, Any]:
    _, _, other = _lead_chat(state)
    return _lead(state, CHAT_ID=other.id, **extra)


def _inactive(state) -> int:
    return next(u.id for u in state.users.values() if not u.active and not u.is_connector)


def _member(state) -> int:
    _, chat, _ = _lead_chat(state)
    return next(u for u in chat.participants if state.users[u].active and u != chat.customer_id)


def _outsider(state) -> int:
    _, chat, _ = _lead_chat(state)
    return next(
        u.id
        for u in state.users.values()
        if u.active and not u.is_connector and not u.is_bot and u.id not in chat.participants
    )


def _not_operator_chat(state) -> dict[str, Any]:
    chat = next(
        c
        for c in state.chats.values()
        if c.is_lines and c.active and c.current_session.operator_id != 1
    )
    return {"CHAT_ID": chat.id}


Params = Callable[[Any], dict[str, Any]]
CASES: list[tuple[str, Params, int, str, str]] = [
    # imopenlines.crm.chat.get
    ("imopenlines.crm.chat.get", lambda s: {"CRM_ENTITY": 1}, 400, "ERROR_ARGUMENT",
     ARGS.format("CRM_ENTITY_TYPE")),
    ("imopenlines.crm.chat.get", lambda s: {"CRM_ENTITY_TYPE": "lead"}, 400, "ERROR_ARGUMENT",
     ARGS.format("CRM_ENTITY")),
    ("imopenlines.crm.chat.get", lambda s: {"CRM_ENTITY_TYPE": "lead", "CRM_ENTITY": "x"}, 400,
     "ERROR_ARGUMENT", "The value of an argument 'CRM_ENTITY' has an invalid type"),
    # imopenlines.crm.chat.getLastId
    ("imopenlines.crm.chat.getLastId", lambda s: {}, 400, "CRM_CHAT_EMPTY_CRM_DATA",
     "Empty CRM data"),
    ("imopenlines.crm.chat.getLastId", lambda s: {"CRM_ENTITY_TYPE": "lead", "CRM_ENTITY": 10**8},
     400, "CRM_CHAT_EMPTY_CRM_DATA", "Could not find CRM object"),
    ("imopenlines.crm.chat.getLastId", lambda s: {"CRM_ENTITY_TYPE": "lead", "CRM_ENTITY": "x"},
     400, "ERROR_ARGUMENT", "The value of an argument CRM_ENTITY has an invalid type"),
    # imopenlines.crm.chat.user.add
    (ADD, lambda s: _lead(s), 400, "ERROR_ARGUMENT", ARGS.format("Empty USER_ID")),
    (ADD, lambda s: _lead(s, CRM_ENTITY_TYPE="nonsense", USER_ID=2), 403, "ACCESS_DENIED", JOIN),
    (ADD, lambda s: _lead(s, USER_ID=_inactive(s)), 400, "CRM_CHAT_USER_NOT_ACTIVE",
     "User not active"),
    (ADD, lambda s: _foreign_chat(s, USER_ID=_outsider(s)), 400, "CHAT_NOT_IN_CRM", NOT_IN_CRM),
    (ADD, lambda s: _lead(s, USER_ID=_member(s)), 400, "WRONG_REQUEST",
     "You don't have access or user already member in chat"),
    # imopenlines.crm.chat.user.delete
    (DELETE, lambda s: {"USER_ID": 2}, 400, "CRM_CHAT_EMPTY_CRM_DATA", "Empty CRM data"),
    (DELETE, lambda s: _lead(s), 400, "CRM_CHAT_EMPTY_USER", "Empty User ID"),
    (DELETE, lambda s: _lead(s, CRM_ENTITY="x", USER_ID=2), 400, "ERROR_ARGUMENT",
     "The value of an argument 'CRM_ENTITY' has an invalid type"),
    (DELETE, lambda s: _lead(s, CRM_ENTITY_TYPE="nonsense", USER_ID=2), 403, "ACCESS_DENIED",
     JOIN),
    (DELETE, lambda s: _lead(s, USER_ID=_inactive(s)), 400, "CRM_CHAT_USER_NOT_ACTIVE",
     "User not active"),
    (DELETE, lambda s: _foreign_chat(s, USER_ID=_member(s)), 400, "CHAT_NOT_IN_CRM", NOT_IN_CRM),
    (DELETE, lambda s: _lead(s, USER_ID=_outsider(s)), 400, "WRONG_REQUEST",
     "You don't have access or user already not in chat"),
    # imopenlines.crm.message.add
    ("imopenlines.crm.message.add", lambda s: _foreign_chat(s, USER_ID=1, MESSAGE="hi"), 400,
     "CHAT_NOT_IN_CRM", "Chat does not belong to the CRM entity being checked"),
    ("imopenlines.crm.message.add", lambda s: _lead(s, USER_ID=1, CHAT_ID=1), 400,
     "ERROR_ARGUMENT", ARGS.format("MESSAGE")),
    # imopenlines.crm.lead.create
    ("imopenlines.crm.lead.create", lambda s: {}, 400, "CHAT_ID",
     "The specified chat identifier is incorrect"),
    ("imopenlines.crm.lead.create",
     lambda s: {"CHAT_ID": next(c.id for c in s.chats.values() if not c.is_lines)}, 400,
     "CHAT_TYPE", "The specified chat is not an Open Channel"),
    ("imopenlines.crm.lead.create", _not_operator_chat, 400, "ERROR_USER_NOT_OPERATOR",
     "Attempt to save a CRM object by a user who is not an operator"),
    # imopenlines.session.history.get
    ("imopenlines.session.history.get", lambda s: {}, 400, "MISSING_REQUIRED_PARAM",
     "Session ID or Chat ID must be provided"),
    ("imopenlines.session.history.get", lambda s: {"SESSION_ID": "x"}, 400, "INVALID_SESSION_ID",
     "Unable to determine session ID from provided parameters"),
    ("imopenlines.session.history.get", lambda s: {"CHAT_ID": 10**8}, 400, "ACCESS_DENIED",
     RIGHTS),
    # imopenlines.dialog.get and im.chat.user.list
    ("imopenlines.dialog.get", lambda s: {"CHAT_ID": 10**8}, 400, "ACCESS_ERROR",
     "You do not have access to the specified dialog"),
    ("im.chat.user.list", lambda s: {}, 400, "CHAT_ID_EMPTY", "Chat ID can't be empty"),
    ("im.chat.user.list", lambda s: {"CHAT_ID": 10**8}, 400, "ACCESS_ERROR", "Action unavailable"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("method", "params", "status", "code", "description"),
    CASES,
    ids=[f"{case[0].removeprefix('imopenlines.')}:{case[3]}:{i}" for i, case in enumerate(CASES)],
)
def test_admin_errors_use_the_reference_words(
    live_portal, method, params, status, code, description
):
    response = call(live_portal.webhook, method, **params(live_portal.state))
    assert response.status_code == status, response.text
    assert response.json() == {"error": code, "error_description": description}


def test_restricted_operator_errors_use_the_reference_words(live_portal):
    state = live_portal.state
    hook = next(h for h in state.webhooks.values() if "operator" in h.title)
    operator = live_portal.webhook_of("operator")
    foreign = next(
        c
        for c in state.chats.values()
        if c.is_lines
        and c.crm.get(CrmType.LEAD)
        and hook.user_id not in c.participants
        and state.crm[CrmType.LEAD].by_id[c.crm[CrmType.LEAD]]["ASSIGNED_BY_ID"]
        != str(hook.user_id)
    )
    lead = {"CRM_ENTITY_TYPE": "lead", "CRM_ENTITY": foreign.crm[CrmType.LEAD]}
    expected = [
        ("imopenlines.crm.chat.get", lead, 403, "ACCESS_DENIED",
         "Access denied! You don't have access to this action"),
        (ADD, {**lead, "USER_ID": hook.user_id}, 403, "ACCESS_DENIED", JOIN),
        ("imopenlines.crm.message.add",
         {**lead, "USER_ID": hook.user_id, "CHAT_ID": foreign.id, "MESSAGE": "hi"}, 403,
         "ACCESS_DENIED", "Access denied! User don't have access to this entity"),
        ("imopenlines.session.history.get", {"CHAT_ID": foreign.id}, 400, "ACCESS_DENIED", RIGHTS),
        ("imopenlines.crm.lead.create", {"CHAT_ID": foreign.id}, 400, "ACCESS_DENIED", RIGHTS),
    ]  # fmt: skip
    for method, params, status, code, description in expected:
        response = call(operator, method, **params)
        assert (response.status_code, response.json()) == (
            status,
            {"error": code, "error_description": description},
        ), method


def test_a_user_without_access_to_the_entity_is_not_added(live_portal):
    state = live_portal.state
    restricted = next(h.user_id for h in state.webhooks.values() if "operator" in h.title)
    lead_id = next(
        int(r["ID"])
        for r in state.crm[CrmType.LEAD].rows
        if r["ASSIGNED_BY_ID"] != str(restricted) and state.chats_of(CrmType.LEAD, int(r["ID"]))
    )
    response = call(
        live_portal.webhook, ADD, CRM_ENTITY_TYPE="lead", CRM_ENTITY=lead_id, USER_ID=restricted
    )
    assert (response.status_code, response.json()) == (
        403,
        {
            "error": "ACCESS_DENIED",
            "error_description": "Access denied! This user does not have access to the chat "
            "because he does not have access to this CRM object",
        },
    )
