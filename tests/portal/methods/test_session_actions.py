"""A supervisor's session actions on the demo portal: what each does, seen through the reads
(dialog.get, session.history.get, crm.chat.get, im.chat.user.list), and their errors."""

from __future__ import annotations

from typing import Any

import pytest

from b24desk.portal.state import CrmType, Webhook

from .rest import call, error, ok

ADMIN = 1
FIRED = 21
BOT = 25
PERMISSIONS = "You cannot open this conversation as you do not have sufficient permissions"
RIGHTS = "You cannot open this conversation as you do not have sufficient rights"


def refusal(url: str, method: str, **params: Any) -> tuple[int, dict[str, str]]:
    response = call(url, method, **params)
    return response.status_code, response.json()


def failed(status: int, code: str, description: str) -> tuple[int, dict[str, str]]:
    return status, {"error": code, "error_description": description}


def others_lead_chat(state: Any) -> Any:
    """An active lead chat another employee operates, the admin not in it."""
    chat = next(
        c
        for c in state.chats.values()
        if c.is_lines
        and c.active
        and c.crm.get(CrmType.LEAD)
        and c.current_session.operator_id not in (ADMIN, 7)
    )
    if ADMIN in chat.participants:
        chat.participants.remove(ADMIN)
    return chat


def closed_chat(state: Any) -> Any:
    return next(c for c in state.chats.values() if c.is_lines and not c.active)


def group_chat(state: Any) -> Any:
    return next(c for c in state.chats.values() if not c.is_lines)


def foreign_to_restricted(live_portal: Any) -> tuple[str, Any]:
    """The restricted operator's webhook and a chat he has no access to."""
    state = live_portal.state
    chat = next(
        c
        for c in state.chats.values()
        if c.is_lines
        and c.active
        and c.crm.get(CrmType.LEAD)
        and 7 not in c.participants
        and state.crm[CrmType.LEAD].by_id[c.crm[CrmType.LEAD]]["ASSIGNED_BY_ID"] != "7"
    )
    return live_portal.webhook_of("operator"), chat


def webhook_for(live_portal: Any, user_id: int) -> str:
    """A webhook of another employee, for rights the seeded webhooks do not cover."""
    code = f"testhook{user_id}"
    scopes = frozenset({"imopenlines", "im", "crm", "user", "basic"})
    live_portal.state.webhooks[code] = Webhook(user_id, code, scopes, f"test {user_id}")
    return f"{live_portal.base_url}/rest/{user_id}/{code}/"


# ---- intercept ----


def test_intercept_makes_the_caller_operator_and_lets_him_create_the_lead(live_portal):
    hook, state = live_portal.webhook, live_portal.state
    chat = others_lead_chat(state)
    previous = chat.current_session.operator_id
    assert error(hook, "imopenlines.crm.lead.create", CHAT_ID=chat.id) == (
        400,
        "ERROR_USER_NOT_OPERATOR",
    )
    assert ok(hook, "imopenlines.session.intercept", CHAT_ID=chat.id) is True
    dialog = ok(hook, "imopenlines.dialog.get", CHAT_ID=chat.id)
    assert (dialog["owner"], dialog["manager_list"], dialog["role"]) == (ADMIN, [ADMIN], "owner")
    members = ok(hook, "im.chat.user.list", CHAT_ID=chat.id)
    assert ADMIN in members and previous not in members
    history = ok(hook, "imopenlines.session.history.get", CHAT_ID=chat.id)
    assert history["chat"][str(chat.id)]["owner"] == str(ADMIN)
    last = history["message"][history["usersMessage"][f"chat{chat.id}"][0]]
    assert last["senderid"] == "0" and "перехватил(а) диалог" in last["text"]
    assert f"[USER={previous}]" in last["text"]
    assert ok(hook, "imopenlines.crm.lead.create", CHAT_ID=chat.id) is True


def test_intercept_errors(live_portal):
    hook, state = live_portal.webhook, live_portal.state
    empty = failed(400, "CHAT_ID_EMPTY", "Chat ID can't be empty")
    assert refusal(hook, "imopenlines.session.intercept") == empty
    assert refusal(hook, "imopenlines.session.intercept", CHAT_ID=0) == empty
    wrong = failed(400, "OPERATOR_WRONG", "You can not redirect to this operator")
    for chat_id in (closed_chat(state).id, group_chat(state).id, 10**8):
        assert refusal(hook, "imopenlines.session.intercept", CHAT_ID=chat_id) == wrong
    chat = others_lead_chat(state)
    ok(hook, "imopenlines.session.intercept", CHAT_ID=chat.id)
    assert refusal(hook, "imopenlines.session.intercept", CHAT_ID=chat.id) == wrong
    restricted, foreign = foreign_to_restricted(live_portal)
    assert refusal(restricted, "imopenlines.session.intercept", CHAT_ID=foreign.id) == wrong
    assert state.chats[foreign.id].owner_id != 7


# ---- transfer ----


def test_transfer_to_an_employee_by_any_of_the_parameters(live_portal):
    hook, state = live_portal.webhook, live_portal.state
    chat = others_lead_chat(state)
    first, second = _two_outsiders(state, chat)
    previous = chat.current_session.operator_id
    assert ok(hook, "imopenlines.operator.transfer", CHAT_ID=chat.id, TRANSFER_ID=first) is True
    assert ok(hook, "imopenlines.dialog.get", CHAT_ID=chat.id)["owner"] == first
    members = ok(hook, "im.chat.user.list", CHAT_ID=chat.id)
    assert first in members and previous not in members
    assert ok(hook, "imopenlines.operator.transfer", CHAT_ID=chat.id, USER_ID=str(second))
    assert ok(hook, "imopenlines.dialog.get", CHAT_ID=chat.id)["owner"] == second


def _two_outsiders(state: Any, chat: Any) -> tuple[int, int]:
    found = [
        u.id
        for u in state.users.values()
        if u.active and not u.is_bot and not u.is_connector and u.id not in chat.participants
    ]
    return found[0], found[1]


def test_transfer_to_a_queue_gives_the_dialog_to_an_operator_of_that_line(live_portal):
    hook, state = live_portal.webhook, live_portal.state
    lines = ok(hook, "imopenlines.config.list.get", OPTIONS={"QUEUE": "Y"})
    queue = {line["ID"]: line["QUEUE"] for line in lines}
    chat = others_lead_chat(state)
    assert ok(hook, "imopenlines.operator.transfer", CHAT_ID=chat.id, TRANSFER_ID="queue2")
    owner = ok(hook, "imopenlines.dialog.get", CHAT_ID=chat.id)["owner"]
    assert owner in queue["2"]
    assert ok(hook, "imopenlines.operator.transfer", CHAT_ID=chat.id, QUEUE_ID=3)
    after = ok(hook, "imopenlines.dialog.get", CHAT_ID=chat.id)["owner"]
    assert after in queue["3"] and after != owner


def test_transfer_errors(live_portal):
    hook, state = live_portal.webhook, live_portal.state
    chat = others_lead_chat(state)
    operator = chat.current_session.operator_id
    transfer = "imopenlines.operator.transfer"
    assert refusal(hook, transfer, USER_ID=2) == failed(
        400, "CHAT_ID_EMPTY", "Chat ID can't be empty"
    )
    assert refusal(hook, transfer, CHAT_ID=chat.id) == failed(
        400, "TRANSFER_ID_EMPTY", "Queue ID or User ID can't be empty"
    )
    user_empty = failed(400, "USER_ID_EMPTY", "User ID can't be empty")
    assert refusal(hook, transfer, CHAT_ID=chat.id, USER_ID="abc") == user_empty
    assert refusal(hook, transfer, CHAT_ID=chat.id, TRANSFER_ID="") == user_empty
    queue_empty = failed(400, "QUEUE_ID_EMPTY", "QUEUE ID can't be empty")
    assert refusal(hook, transfer, CHAT_ID=chat.id, QUEUE_ID="x") == queue_empty
    assert refusal(hook, transfer, CHAT_ID=chat.id, TRANSFER_ID="queue") == queue_empty
    wrong = failed(400, "OPERATOR_WRONG", "You cannot redirect to this operator")
    for target in (operator, FIRED, BOT, 10**8, "queue99"):
        assert refusal(hook, transfer, CHAT_ID=chat.id, TRANSFER_ID=target) == wrong, target
    assert refusal(hook, transfer, CHAT_ID=closed_chat(state).id, TRANSFER_ID=2) == wrong
    restricted, foreign = foreign_to_restricted(live_portal)
    assert refusal(restricted, transfer, CHAT_ID=foreign.id, TRANSFER_ID=7) == wrong
    assert state.chats[chat.id].current_session.operator_id == operator


# ---- finish another operator's session ----


def test_another_finish_closes_the_session_for_every_read(live_portal):
    hook, state = live_portal.webhook, live_portal.state
    chat = others_lead_chat(state)
    lead = {"CRM_ENTITY_TYPE": "lead", "CRM_ENTITY": chat.crm[CrmType.LEAD]}
    active = ok(hook, "imopenlines.crm.chat.get", **lead)
    assert str(chat.id) in [c["CHAT_ID"] for c in active]
    assert ok(hook, "imopenlines.operator.another.finish", CHAT_ID=chat.id) is True
    active = ok(hook, "imopenlines.crm.chat.get", **lead)
    assert str(chat.id) not in [c["CHAT_ID"] for c in active]
    history = ok(hook, "imopenlines.session.history.get", CHAT_ID=chat.id)
    last = history["message"][history["usersMessage"][f"chat{chat.id}"][0]]
    assert last["params"]["class"] == "bx-messenger-content-item-ol-end"
    assert history["canJoin"] == "N"
    # A repeat (say, after a lost answer) is harmless.
    count = len(state.chats[chat.id].messages)
    assert ok(hook, "imopenlines.operator.another.finish", CHAT_ID=chat.id) is True
    assert len(state.chats[chat.id].messages) == count
    assert error(hook, "imopenlines.session.intercept", CHAT_ID=chat.id)[1] == "OPERATOR_WRONG"


def test_another_finish_errors(live_portal):
    hook, state = live_portal.webhook, live_portal.state
    finish = "imopenlines.operator.another.finish"
    bad_id = failed(400, "CHAT_ID", "The provided chat identifier is invalid")
    assert refusal(hook, finish) == bad_id
    assert refusal(hook, finish, CHAT_ID=10**8) == bad_id
    assert refusal(hook, finish, CHAT_ID=group_chat(state).id) == failed(
        400, "CHAT_TYPE", "The specified chat is not an open line"
    )
    restricted, foreign = foreign_to_restricted(live_portal)
    assert refusal(restricted, finish, CHAT_ID=foreign.id) == failed(
        400, "ACCESS_DENIED", PERMISSIONS
    )
    assert state.chats[foreign.id].active


# ---- join ----


def test_join_adds_the_caller_once(live_portal):
    hook, state = live_portal.webhook, live_portal.state
    chat = others_lead_chat(state)
    assert ok(hook, "imopenlines.session.history.get", CHAT_ID=chat.id)["canJoin"] == "Y"
    assert ok(hook, "imopenlines.session.join", CHAT_ID=chat.id) is True
    assert ADMIN in ok(hook, "im.chat.user.list", CHAT_ID=chat.id)
    history = ok(hook, "imopenlines.session.history.get", CHAT_ID=chat.id)
    assert history["canJoin"] == "N" and ADMIN in history["userInChat"][str(chat.id)]
    # Joining again changes nothing; the operator stays who it was.
    assert ok(hook, "imopenlines.session.join", CHAT_ID=chat.id) is True
    assert ok(hook, "im.chat.user.list", CHAT_ID=chat.id).count(ADMIN) == 1
    assert ok(hook, "imopenlines.dialog.get", CHAT_ID=chat.id)["owner"] != ADMIN


def test_join_errors(live_portal):
    hook, state = live_portal.webhook, live_portal.state
    join = "imopenlines.session.join"
    assert refusal(hook, join) == failed(
        400, "CHAT_ID", "The specified chat identifier is incorrect"
    )
    assert refusal(hook, join, CHAT_ID=group_chat(state).id) == failed(
        400, "CHAT_TYPE", "The specified chat is not an Open Channel"
    )
    restricted, foreign = foreign_to_restricted(live_portal)
    assert refusal(restricted, join, CHAT_ID=foreign.id) == failed(
        400, "ACCESS_DENIED", PERMISSIONS
    )
    assert 7 not in state.chats[foreign.id].participants


# ---- pin ----


def _pin_flag(hook: str, chat_id: int) -> str:
    return ok(hook, "imopenlines.dialog.get", CHAT_ID=chat_id)["entity_data_1"].split("|")[3]


def test_pin_and_unpin_show_in_the_dialog(live_portal):
    hook, state = live_portal.webhook, live_portal.state
    chat = others_lead_chat(state)
    assert _pin_flag(hook, chat.id) == "N"
    assert ok(hook, "imopenlines.session.mode.pin", CHAT_ID=chat.id) is True
    assert _pin_flag(hook, chat.id) == "Y"
    assert ok(hook, "imopenlines.session.mode.pin", CHAT_ID=chat.id, ACTIVATE="N") is True
    assert _pin_flag(hook, chat.id) == "N"
    ok(hook, "imopenlines.session.mode.pin", CHAT_ID=chat.id, ACTIVATE="Y")
    ok(hook, "imopenlines.operator.transfer", CHAT_ID=chat.id, TRANSFER_ID="queue1")
    assert _pin_flag(hook, chat.id) == "N", "a pin does not pass to the next operator"


def test_pin_errors(live_portal):
    hook, state = live_portal.webhook, live_portal.state
    pin = "imopenlines.session.mode.pin"
    assert refusal(hook, pin) == failed(400, "CHAT_ID_EMPTY", "Chat ID can't be empty")
    assert refusal(hook, pin, CHAT_ID=10**8) == failed(
        400, "CHAT_ID", "Invalid chat identifier provided"
    )
    assert refusal(hook, pin, CHAT_ID=group_chat(state).id) == failed(
        400, "CHAT_TYPE", "The specified chat is not an open line"
    )
    restricted, foreign = foreign_to_restricted(live_portal)
    assert refusal(restricted, pin, CHAT_ID=foreign.id) == failed(400, "ACCESS_DENIED", PERMISSIONS)


# ---- the head's rating ----


def test_head_vote_shows_in_the_history(live_portal):
    hook, state = live_portal.webhook, live_portal.state
    chat = closed_chat(state)
    session_id = chat.current_session.id
    before = ok(hook, "imopenlines.session.history.get", SESSION_ID=session_id)
    assert (before["canVoteHead"], before["sessionVoteHead"], before["sessionCommentHead"]) == (
        "Y",
        0,
        None,
    )
    assert before["openlines"]["canvoteashead"] == {str(chat.line_id): True}
    vote = "imopenlines.session.head.vote"
    assert ok(hook, vote, SESSION_ID=session_id, RATING=4, COMMENT="Вежливо, но долго") is True
    after = ok(hook, "imopenlines.session.history.get", SESSION_ID=session_id)
    assert (after["sessionVoteHead"], after["sessionCommentHead"]) == (4, "Вежливо, но долго")
    end = [m for m in after["message"].values() if m["params"] and "imolVoteHead" in m["params"]]
    assert [m["params"]["imolVoteHead"] for m in end] == [4]
    # A comment alone keeps the rating; a rating alone keeps the comment.
    assert ok(hook, vote, SESSION_ID=session_id, COMMENT="Исправился")
    assert ok(hook, vote, SESSION_ID=str(session_id), RATING="5")
    again = ok(hook, "imopenlines.session.history.get", SESSION_ID=session_id)
    assert (again["sessionVoteHead"], again["sessionCommentHead"]) == (5, "Исправился")


def test_only_heads_of_the_line_may_vote(live_portal):
    state = live_portal.state
    head = webhook_for(live_portal, 18)  # a head of line 2 only
    own = next(c for c in state.chats.values() if c.is_lines and c.line_id == 2)
    other = next(c for c in state.chats.values() if c.is_lines and c.line_id == 1)
    vote = "imopenlines.session.head.vote"
    assert ok(head, vote, SESSION_ID=own.current_session.id, RATING=3) is True
    assert state.sessions[own.current_session.id].vote_head == 3
    denied = failed(400, "ACCESS_DENIED", RIGHTS)
    assert refusal(head, vote, SESSION_ID=other.current_session.id, RATING=3) == denied
    history = ok(head, "imopenlines.session.history.get", CHAT_ID=other.id)
    assert history["canVoteHead"] == "N"
    assert history["openlines"]["canvoteashead"] == {"1": False}


def test_head_vote_errors(live_portal):
    hook, state = live_portal.webhook, live_portal.state
    vote = "imopenlines.session.head.vote"
    session_id = closed_chat(state).current_session.id
    empty = failed(400, "EMPTY_SESSION_ID", "Session ID can't be empty")
    assert refusal(hook, vote, RATING=5) == empty
    assert refusal(hook, vote, SESSION_ID=0, RATING=5) == empty
    no_vote = failed(
        400,
        "EMPTY_VOTE_PARAMS",
        "At least one of the parameters RATING or COMMENT must be specified",
    )
    assert refusal(hook, vote, SESSION_ID=session_id) == no_vote
    assert refusal(hook, vote, SESSION_ID=session_id, RATING=9, COMMENT=" ") == no_vote
    assert refusal(hook, vote, SESSION_ID=10**8, RATING=5) == failed(400, "ACCESS_DENIED", RIGHTS)
    restricted = live_portal.webhook_of("operator")  # an operator, no head
    own = next(c for c in state.chats.values() if c.is_lines and c.current_session.operator_id == 7)
    assert refusal(restricted, vote, SESSION_ID=own.current_session.id, RATING=1) == failed(
        400, "ACCESS_DENIED", RIGHTS
    )
    assert state.sessions[own.current_session.id].vote_head == 0


@pytest.mark.parametrize(
    "method",
    [
        "imopenlines.session.intercept",
        "imopenlines.operator.transfer",
        "imopenlines.operator.another.finish",
        "imopenlines.session.join",
        "imopenlines.session.mode.pin",
        "imopenlines.session.head.vote",
    ],
)
def test_the_actions_need_the_imopenlines_scope(live_portal, method):
    crm_only = live_portal.webhook_of("crm only")
    assert error(crm_only, method, CHAT_ID=1, SESSION_ID=1, RATING=1) == (
        403,
        "insufficient_scope",
    )
