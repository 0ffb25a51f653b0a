"""Every error class, mapped from what the demo portal (or the network) really answers."""

from __future__ import annotations

import socket

import pytest

from b24desk.api import coded_errors as ce
from b24desk.api import errors as e
from b24desk.api.coded_errors import _BY_CODE, _code_table, error_class, error_from_response
from b24desk.api.types import CrmEntityType
from b24desk.api.urls import normalise_webhook_url
from b24desk.portal.state import CrmType

from .helpers import (
    client,
    lead_chats,
    lead_of,
    lead_without_chat,
    open_lead_chat,
    operator_webhook,
    run,
    webhook_user,
)


def call_error(url: str, method: str, params: dict | None = None, **options) -> e.B24Error:
    async def scenario() -> e.B24Error:
        async with client(url, **options) as c:
            with pytest.raises(e.B24Error) as caught:
                await c.call(method, params or {})
            return caught.value

    return run(scenario())


# ---- the mapping table itself ----


@pytest.mark.parametrize(
    ("code", "description", "status", "cls"),
    [
        ("QUERY_LIMIT_EXCEEDED", "Too many requests", 503, ce.RateLimitError),
        ("OVERLOAD_LIMIT", "", 503, ce.RateLimitError),
        ("OPERATION_TIME_LIMIT", "", 429, ce.OperationTimeLimitError),
        ("expired_token", "", 401, ce.ExpiredTokenError),
        ("invalid_token", "", 401, ce.InvalidTokenError),
        ("NO_AUTH_FOUND", "", 401, ce.InvalidTokenError),
        ("invalid_grant", "", 400, ce.SignInRequiredError),
        ("insufficient_scope", "", 403, ce.InsufficientScopeError),
        ("ACCESS_DENIED", "", 403, ce.AccessDeniedError),
        ("ACCESS_DENIED", "You cannot open this conversation", 400, ce.AccessDeniedError),
        ("", "Access denied.", 400, ce.AccessDeniedError),
        ("", "Not found", 400, ce.NotFoundError),
        ("", "ID is not defined or invalid.", 400, ce.InvalidArgumentError),
        ("", "Parameter 'filter' must be array.", 400, ce.InvalidArgumentError),
        ("", "Failed to get list. General error.", 400, ce.ServerError),
        ("ERROR_ARGUMENT", "", 400, ce.InvalidArgumentError),
        ("CRM_CHAT_EMPTY_CRM_DATA", "", 400, ce.InvalidArgumentError),
        ("MISSING_REQUIRED_PARAM", "", 400, ce.InvalidArgumentError),
        ("ERROR_METHOD_NOT_FOUND", "", 404, ce.MethodNotFoundError),
        ("INTERNAL_SERVER_ERROR", "", 500, ce.ServerError),
        ("CHAT_NOT_IN_CRM", "", 400, ce.ChatNotInCrmError),
        ("CANCELED", "", 400, ce.ChatPostDeniedError),
        ("WRONG_REQUEST", "", 400, ce.ParticipantConflictError),
        ("ERROR_USER_NOT_OPERATOR", "", 400, ce.NotOperatorError),
        ("CRM_CHAT_USER_NOT_ACTIVE", "", 400, ce.UserNotActiveError),
        ("CHAT_DELETE_USER_PERMISSION_DENIED", "", 403, ce.RemoveDeniedError),
        ("AUTHORIZATION_ERROR", "", 401, ce.InvalidTokenError),
        ("ERROR_OAUTH", "", 401, ce.InvalidTokenError),
        ("APPLICATION_NOT_FOUND", "", 401, ce.ApplicationNotFoundError),
        ("WRONG_AUTH_TYPE", "Application context required", 403, ce.WrongAuthTypeError),
        ("METHOD_CONFIRM_WAITING", "Waiting for confirmation", 401, ce.ConfirmationPendingError),
        ("METHOD_CONFIRM_DENIED", "Method call denied", 403, ce.ConfirmationDeniedError),
        ("allowed_only_intranet_user", "", 403, ce.IntranetOnlyError),
        ("INVALID_ARG_VALUE", "", 400, ce.InvalidArgumentError),
        ("OPERATOR_WRONG", "You can not redirect to this operator", 400, ce.HandOverRefusedError),
        ("TRANSFER_ID_EMPTY", "", 400, ce.NoTransferTargetError),
        ("USER_ID_EMPTY", "", 400, ce.NoTransferTargetError),
        ("QUEUE_ID_EMPTY", "", 400, ce.NoTransferTargetError),
        ("EMPTY_VOTE_PARAMS", "", 400, ce.EmptyRatingError),
        ("EMPTY_SESSION_ID", "", 400, ce.InvalidArgumentError),
        ("INVALID_FORMAT", "", 400, ce.InvalidArgumentError),
        ("PORTAL_DELETED", "Portal was deleted", 500, ce.PortalDeletedError),
        ("SOMETHING_NEW", "", 502, ce.ServerError),
        ("SOMETHING_NEW", "", 403, ce.AccessDeniedError),
        ("SOMETHING_NEW", "", 418, e.ApiError),
    ],
)
def test_error_code_and_status_pick_the_class(code, description, status, cls):
    error = error_from_response("m", status, {"error": code, "error_description": description})
    assert type(error) is cls
    assert (error.method, error.code, error.status) == ("m", code, status)
    assert error.description == description


def _classes(base: type) -> list[type]:
    """The subclasses of `base` that api/errors.py and api/coded_errors.py declare."""
    found = {k for m in (e, ce) for k in vars(m).values() if isinstance(k, type)}
    return sorted((k for k in found if issubclass(k, base)), key=lambda k: k.__name__)


def test_every_error_class_has_a_docstring_and_a_user_message():
    classes = _classes(e.B24Error)
    assert len(classes) >= 30
    for cls in classes:
        assert cls.__doc__ and cls.__doc__.strip(), cls
        assert cls.user_message and not cls.user_message.endswith(" "), cls
    messages = [k.user_message for k in classes]
    assert len(set(messages)) == len(messages), "each class says something of its own"


def test_the_code_table_is_built_from_the_classes_codes():
    classes = _classes(e.ApiError)
    declared = {code: cls for cls in classes for code in cls.codes}
    assert declared == dict(_BY_CODE)
    for code, cls in declared.items():
        assert code == code.upper(), code
        assert error_class(code.lower(), "", None) is cls


def test_a_code_claimed_by_two_classes_is_refused_when_the_table_is_built():
    class Root(e.ApiError):
        """A private hierarchy for this test."""

    class One(Root):
        """One."""

        codes = frozenset({"SAME_CODE"})

    class Two(Root):
        """Two."""

        codes = frozenset({"SAME_CODE"})

    with pytest.raises(TypeError, match="SAME_CODE"):
        _code_table(Root)


@pytest.mark.parametrize("error", [{"deep": [1, 2]}, ["x"], True, None])
def test_an_error_field_of_the_wrong_type_still_gives_a_typed_error(error):
    raised = error_from_response("m", 400, {"error": error, "error_description": [error]})
    assert type(raised) is ce.InvalidArgumentError
    assert (raised.code, raised.description) == ("", "")


# ---- from the live portal ----


def test_wrong_webhook_code_is_invalid_token(live_portal):
    url = live_portal.webhook.replace(live_portal.webhook.split("/")[-2], "wrongcode0000000")
    error = call_error(url, "scope")
    assert isinstance(error, ce.InvalidTokenError)
    assert (error.code, error.status) == ("NO_AUTH_FOUND", 401)


def test_missing_scope_is_insufficient_scope(live_portal):
    error = call_error(
        live_portal.webhook_of("crm only"),
        "imopenlines.crm.chat.get",
        {"CRM_ENTITY_TYPE": "lead", "CRM_ENTITY": 1},
    )
    assert isinstance(error, ce.InsufficientScopeError)
    assert isinstance(error, ce.AccessDeniedError)
    assert error.status == 403


def test_crm_list_access_denied_comes_with_an_empty_code(live_portal):
    # The restricted operator may not read deals; crm.*.list says so with `error: ""`.
    error = call_error(operator_webhook(live_portal), "crm.deal.list")
    assert type(error) is ce.AccessDeniedError
    assert error.code == ""
    assert "Access denied" in error.description


def test_crm_get_not_found_comes_with_an_empty_code(live_portal):
    error = call_error(live_portal.webhook, "crm.lead.get", {"id": 99_999_999})
    assert type(error) is ce.NotFoundError
    assert (error.code, error.status) == ("", 400)


def test_crm_get_without_id_is_invalid_argument(live_portal):
    error = call_error(live_portal.webhook, "crm.lead.get", {})
    assert type(error) is ce.InvalidArgumentError


def test_unknown_method(live_portal):
    error = call_error(live_portal.webhook, "no.such.method")
    assert type(error) is ce.MethodNotFoundError
    assert error.status == 404


@pytest.mark.parametrize(
    ("method", "params", "code"),
    [
        ("imopenlines.crm.chat.get", {"CRM_ENTITY": 1}, "ERROR_ARGUMENT"),
        ("imopenlines.crm.chat.getLastId", {}, "CRM_CHAT_EMPTY_CRM_DATA"),
        ("imopenlines.session.history.get", {}, "MISSING_REQUIRED_PARAM"),
        (
            "imopenlines.crm.chat.user.delete",
            {"CRM_ENTITY_TYPE": "lead"},
            "CRM_CHAT_EMPTY_CRM_DATA",
        ),
    ],
)
def test_bad_parameters_are_invalid_argument(live_portal, method, params, code):
    error = call_error(live_portal.webhook, method, params)
    assert type(error) is ce.InvalidArgumentError
    assert (error.code, error.status) == (code, 400)


def test_open_lines_access_denied_with_status_400(live_portal):
    # The restricted operator sees neither this chat nor its lead: history says ACCESS_DENIED, 400.
    hook = operator_webhook(live_portal)
    me = webhook_user(hook)
    chat = next(
        c
        for c in lead_chats(live_portal)
        if me not in c.participants
        and live_portal.state.crm[CrmType.LEAD].by_id[lead_of(c)]["ASSIGNED_BY_ID"] != str(me)
    )
    error = call_error(hook, "imopenlines.session.history.get", {"CHAT_ID": chat.id})
    assert type(error) is ce.AccessDeniedError
    assert (error.code, error.status) == ("ACCESS_DENIED", 400)


def test_chat_not_in_crm(live_portal):
    first, second = lead_chats(live_portal)[:2]
    error = call_error(
        live_portal.webhook,
        "imopenlines.crm.chat.user.add",
        {
            "CRM_ENTITY_TYPE": "lead",
            "CRM_ENTITY": lead_of(first),
            "USER_ID": 2,
            "CHAT_ID": second.id,
        },
    )
    assert type(error) is ce.ChatNotInCrmError


def test_inactive_user(live_portal):
    chat = lead_chats(live_portal)[0]
    fired = next(u.id for u in live_portal.state.users.values() if not u.active)
    error = call_error(
        live_portal.webhook,
        "imopenlines.crm.chat.user.add",
        {"CRM_ENTITY_TYPE": "lead", "CRM_ENTITY": lead_of(chat), "USER_ID": fired},
    )
    assert type(error) is ce.UserNotActiveError


def test_adding_a_participant_twice_is_a_participant_conflict(live_portal):
    chat = lead_chats(live_portal)[-1]
    member = next(u for u in chat.participants if not live_portal.state.users[u].is_connector)
    error = call_error(
        live_portal.webhook,
        "imopenlines.crm.chat.user.add",
        {
            "CRM_ENTITY_TYPE": "lead",
            "CRM_ENTITY": lead_of(chat),
            "USER_ID": member,
            "CHAT_ID": chat.id,
        },
    )
    assert type(error) is ce.ParticipantConflictError
    assert error.code == "WRONG_REQUEST"


def test_sender_outside_the_chat_is_chat_post_denied(live_portal):
    chat = lead_chats(live_portal)[0]
    outsider = next(
        u.id
        for u in live_portal.state.users.values()
        if u.active and not u.is_connector and not u.is_bot and u.id not in chat.participants
    )
    error = call_error(
        live_portal.webhook,
        "imopenlines.crm.message.add",
        {
            "CRM_ENTITY_TYPE": "lead",
            "CRM_ENTITY": lead_of(chat),
            "CHAT_ID": chat.id,
            "USER_ID": outsider,
            "MESSAGE": "hello",
        },
    )
    assert type(error) is ce.ChatPostDeniedError
    assert error.code == "CANCELED"


def test_lead_create_by_someone_else_than_the_operator(live_portal):
    chat = open_lead_chat(live_portal)
    assert chat.current_session.operator_id != 1 or pytest.skip("the admin operates it")
    error = call_error(live_portal.webhook, "imopenlines.crm.lead.create", {"CHAT_ID": chat.id})
    assert type(error) is ce.NotOperatorError


def test_removing_without_the_right_is_remove_denied(live_portal):
    hook = operator_webhook(live_portal)
    me = webhook_user(hook)
    lead_id = lead_without_chat(live_portal)
    live_portal.state.crm[CrmType.LEAD].by_id[lead_id]["ASSIGNED_BY_ID"] = str(me)
    chat = lead_chats(live_portal)[0]
    # Bind a chat the operator neither owns nor operates to a lead the operator may read.
    chat.crm[CrmType.LEAD] = lead_id
    chat.owner_id = chat.current_session.operator_id = 1
    victim = next(u for u in (2, 3, 4) if u != me)
    if victim not in chat.participants:
        chat.participants.append(victim)
    error = call_error(
        hook,
        "imopenlines.crm.chat.user.delete",
        {"CRM_ENTITY_TYPE": "lead", "CRM_ENTITY": lead_id, "USER_ID": victim},
    )
    assert type(error) is ce.RemoveDeniedError
    assert error.status == 403


def test_access_denied_403_on_someone_elses_lead(live_portal):
    hook = operator_webhook(live_portal)
    me = str(webhook_user(hook))
    lead_id = next(
        i
        for i, row in live_portal.state.crm[CrmType.LEAD].by_id.items()
        if row["ASSIGNED_BY_ID"] != me
    )
    error = call_error(
        hook, "imopenlines.crm.chat.get", {"CRM_ENTITY_TYPE": "lead", "CRM_ENTITY": lead_id}
    )
    assert type(error) is ce.AccessDeniedError
    assert error.status == 403


def test_server_error(live_portal):
    live_portal.portal.faults.inject("500", times=1)
    error = call_error(live_portal.webhook, "scope", max_retries=0)
    assert type(error) is ce.ServerError
    assert (error.code, error.status) == ("INTERNAL_SERVER_ERROR", 500)


@pytest.mark.parametrize(
    ("kind", "status", "snippet"),
    [
        ("html", 200, "<!DOCTYPE html>"),
        ("502", 502, "502 Bad Gateway"),
        ("truncated", 200, '{"result"'),
    ],
)
def test_unreadable_answers_are_protocol_errors(live_portal, kind, status, snippet):
    live_portal.portal.faults.inject(kind, times=1)
    error = call_error(live_portal.webhook, "user.current", max_retries=0)
    assert type(error) is e.ProtocolError
    assert error.status == status
    assert snippet in error.description
    assert len(error.description) <= 200


def test_rate_limit_error_once_retries_are_used_up(portal_factory):
    lp = portal_factory(rate=0.01, burst=2)

    async def scenario() -> e.B24Error:
        async with client(lp.webhook, rate_limit_retries=0) as c:
            await c.call("scope")
            await c.call("scope")
            with pytest.raises(ce.RateLimitError) as caught:
                await c.call("scope")
            return caught.value

    error = run(scenario())
    assert (error.code, error.status) == ("QUERY_LIMIT_EXCEEDED", 503)


def test_operation_time_limit_from_the_portal(portal_factory):
    lp = portal_factory(rate_limit=False, realistic_cost=True, operating_limit=0.01)

    async def scenario() -> ce.OperationTimeLimitError:
        # operating_limit=None: the client trusts the portal, so the 429 reaches it.
        async with client(lp.webhook, operating_limit=None, max_operating_wait=0) as c:
            await c.call("crm.lead.list")
            with pytest.raises(ce.OperationTimeLimitError) as caught:
                await c.call("crm.lead.list")
            await c.call("crm.deal.list")  # other methods are not affected
            return caught.value

    error = run(scenario())
    assert (error.code, error.status) == ("OPERATION_TIME_LIMIT", 429)
    assert lp.portal.count_errors("OPERATION_TIME_LIMIT") == 1


def test_operating_time_known_to_be_spent_is_refused_without_asking(portal_factory):
    lp = portal_factory(rate_limit=False, realistic_cost=True)

    async def scenario() -> ce.OperationTimeLimitError:
        async with client(lp.webhook, operating_limit=0.01, max_operating_wait=0) as c:
            await c.call("crm.lead.list")
            with pytest.raises(ce.OperationTimeLimitError) as caught:
                await c.call("crm.lead.list")
            return caught.value

    error = run(scenario())
    assert error.reset_at is not None
    assert [r.method for r in lp.portal.wire_log] == ["crm.lead.list"]


def test_connect_error_when_nothing_listens():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # bound but not listening: connections are refused
        error = call_error(f"http://127.0.0.1:{port}/rest/1/abc/", "scope", max_retries=1)
    assert type(error) is e.ConnectError


def test_read_timeout(portal_factory):
    lp = portal_factory(rate_limit=False, hang_seconds=1.0)
    lp.portal.faults.inject("hang", times=1)
    error = call_error(lp.webhook, "scope", max_retries=0, read_timeout=0.2)
    assert type(error) is e.RequestTimeoutError


def test_dropped_connection(live_portal):
    live_portal.portal.faults.inject("drop", times=1)
    error = call_error(live_portal.webhook, "scope", max_retries=0)
    assert type(error) is e.ConnectionLostError


def test_bad_webhook_url_is_a_configuration_error():
    with pytest.raises(e.ConfigurationError) as caught:
        normalise_webhook_url("https://x.bitrix24.ru/crm/lead/")
    assert isinstance(caught.value, ValueError)
    assert caught.value.user_message


def test_errors_are_values_a_ui_can_show(live_portal):
    error = call_error(live_portal.webhook, "crm.lead.get", {"id": 99_999_999})
    assert str(error) == "crm.lead.get: Not found (HTTP 400)"
    assert "NotFoundError(method='crm.lead.get'" in repr(error)
    assert error.user_message == ce.NotFoundError.user_message


def test_no_chat_is_an_error_for_get_last_id_but_none_for_the_typed_call(live_portal):
    from b24desk.api import openlines

    lead_id = lead_without_chat(live_portal)
    error = call_error(
        live_portal.webhook,
        "imopenlines.crm.chat.getLastId",
        {"CRM_ENTITY_TYPE": "lead", "CRM_ENTITY": lead_id},
    )
    assert isinstance(error, ce.InvalidArgumentError)
    assert openlines.is_no_chat(error)

    async def typed() -> int | None:
        async with client(live_portal.webhook) as c:
            return await openlines.last_chat_id(c, CrmEntityType.LEAD, lead_id)

    assert run(typed()) is None
