"""Typed Open Lines calls against the demo portal, and the quirks their parsers absorb."""

from __future__ import annotations

from datetime import datetime

from b24desk.api import history, openlines
from b24desk.api.types import (
    CrmBindings,
    CrmEntityType,
    CrmRef,
    ParticipantOutcome,
)
from b24desk.portal.state import CrmType

from .helpers import (
    client,
    lead_chats,
    lead_of,
    lead_without_chat,
    oauth_for,
    open_lead_chat,
    run,
)

LEAD = CrmEntityType.LEAD


def test_crm_entity_type_forms():
    assert LEAD.value == "lead" and LEAD.b24_name == "LEAD" and LEAD.type_id == 1
    assert LEAD.upper() == "LEAD", "str.upper is not shadowed"
    assert CrmEntityType.COMPANY.type_id == 4
    assert CrmEntityType.from_text("DEAL") is CrmEntityType.DEAL
    assert CrmEntityType.from_text("DYNAMIC_128") is None


def test_crm_bindings_from_entity_data_2():
    bindings = openlines.parse_crm_bindings("LEAD|1205|COMPANY|0|CONTACT|17|DEAL|0")
    assert bindings == CrmBindings(lead=1205, contact=17)
    assert bindings.refs == (CrmRef(LEAD, 1205), CrmRef(CrmEntityType.CONTACT, 17))
    assert openlines.parse_crm_bindings("") == CrmBindings()


def test_session_id_is_field_6_of_entity_data_1():
    assert openlines.session_id_of("Y|LEAD|1205|N|N|321|1773223732|0|0|0") == 321
    assert openlines.session_id_of("") is None


def test_a_pinned_session_says_y_in_field_4_of_entity_data_1():
    assert history.pinned_of("Y|LEAD|1205|Y|N|321|1773223732|0|0|0")
    assert not history.pinned_of("Y|LEAD|1205|N|N|321|1773223732|0|0|0")
    assert not history.pinned_of("")


def test_chats_and_last_chat_of_a_lead(live_portal):
    chat = lead_chats(live_portal)[-1]
    lead_id = lead_of(chat)
    expected = live_portal.state.chats_of(CrmType.LEAD, lead_id)

    async def scenario():
        async with client(live_portal.webhook) as c:
            every = await openlines.chats(c, LEAD, lead_id, active_only=False)
            last = await openlines.last_chat_id(c, LEAD, lead_id)
            nothing = await openlines.chats(c, LEAD, 99_999_999)
            return every, last, nothing

    every, last, nothing = run(scenario())
    assert [ch.id for ch in every] == [ch.id for ch in expected]
    assert all(isinstance(ch.id, int) and ch.connector_id and ch.connector_title for ch in every)
    assert last == expected[-1].id
    assert nothing == ()


def test_adding_and_removing_a_participant(live_portal):
    chat = lead_chats(live_portal)[-1]
    lead_id = lead_of(chat)
    newcomer = next(u for u in (2, 3, 4, 6, 9) if u not in chat.participants)

    async def scenario():
        async with client(live_portal.webhook) as c:
            added = await openlines.add_participant(c, LEAD, lead_id, newcomer, chat_id=chat.id)
            members = await openlines.participants(c, chat.id)
            removed = await openlines.remove_participant(c, LEAD, lead_id, newcomer)
            return added, members, removed

    added, members, removed = run(scenario())
    assert added.outcome is ParticipantOutcome.CHANGED and added.chat_id == chat.id
    assert newcomer in members
    assert (
        removed.changed
        and removed.chat_id == live_portal.state.chats_of(CrmType.LEAD, lead_id)[-1].id
    )
    assert newcomer not in chat.participants


def test_a_result_of_zero_means_the_entity_has_no_chat(live_portal):
    lead_id = lead_without_chat(live_portal)

    async def scenario():
        async with client(live_portal.webhook) as c:
            return await openlines.add_participant(c, LEAD, lead_id, 2)

    change = run(scenario())
    assert change.outcome is ParticipantOutcome.NO_CHAT
    assert change.chat_id is None and not change.changed


def test_history_of_a_chat(live_portal):
    chat = max(lead_chats(live_portal), key=lambda c: len(c.current_session.message_ids))
    session = chat.current_session

    async def scenario():
        async with client(live_portal.webhook) as c:
            return await openlines.history(c, chat_id=chat.id)

    history = run(scenario())
    assert history.chat_id == chat.id and history.session_id == session.id
    assert [m.id for m in history.messages] == sorted(session.message_ids)
    assert all(isinstance(m.date, datetime) for m in history.messages)
    senders = {m.sender_id for m in history.messages} - {0}
    assert senders <= set(history.users)
    assert set(history.participants) == set(chat.participants)
    assert history.chat is not None
    assert history.chat.crm.lead == lead_of(chat)
    assert history.chat.session_id == session.id
    raw_texts = {m.id: m.text for m in (live_portal.state.messages[i] for i in session.message_ids)}
    assert all(m.text == raw_texts[m.id] for m in history.messages), "text stays raw BB-code"


def test_history_files_are_typed(live_portal):
    message = next(m for m in live_portal.state.messages.values() if m.file_ids)

    async def scenario():
        async with client(live_portal.webhook) as c:
            return await openlines.history(c, session_id=message.session_id)

    history = run(scenario())
    typed = next(m for m in history.messages if m.id == message.id)
    assert typed.file_ids == tuple(message.file_ids)
    for file_id in typed.file_ids:
        info = history.files[file_id]
        assert info.name and info.size > 0 and info.url_download


def test_history_copes_with_php_empty_arrays():
    # A session with no messages, users or files: PHP sends [] for each of those objects.
    raw = {
        "chatId": 5,
        "sessionId": 9,
        "message": [],
        "users": [],
        "files": [],
        "userInChat": [],
        "chat": {"5": {"id": "5", "entityData2": "LEAD|3|COMPANY|0|CONTACT|0|DEAL|0"}},
    }
    history = openlines.parse_history(raw)
    assert (history.messages, dict(history.users), dict(history.files)) == ((), {}, {})
    assert history.participants == ()
    assert history.chat.crm.lead == 3
    message = openlines.parse_history(
        {"chatId": 5, "message": {"7": {"id": "7", "senderid": "0", "params": []}}}
    ).messages[0]
    assert message.is_system and message.file_ids == ()


def test_dialog(live_portal):
    chat = lead_chats(live_portal)[0]

    async def scenario():
        async with client(live_portal.webhook) as c:
            return await openlines.dialog(c, chat_id=chat.id)

    dialog = run(scenario())
    assert (dialog.id, dialog.dialog_id) == (chat.id, f"chat{chat.id}")
    assert dialog.crm.lead == lead_of(chat)
    assert dialog.session_id == chat.current_session.id
    assert dialog.user_code == chat.entity_id


def test_create_lead_returns_the_new_leads_id(live_portal):
    chat = open_lead_chat(live_portal)
    # Only the session's operator may create the lead: act as them.
    auth = oauth_for(live_portal, user_id=chat.current_session.operator_id)

    async def scenario():
        async with client(auth) as c:
            return await openlines.create_lead(c, chat.id)

    lead_id = run(scenario())
    assert lead_id is not None
    assert lead_id == chat.crm[CrmType.LEAD]
    assert live_portal.state.crm[CrmType.LEAD].by_id[lead_id]["TITLE"] == chat.name
    assert [r.method for r in live_portal.portal.wire_log] == ["batch"]


def test_the_chat_pane_fills_in_one_request(live_portal):
    """What the desk layer does on "open entity": one batch, references between commands."""
    from b24desk.api import ref

    chat = lead_chats(live_portal)[-1]
    lead_id = lead_of(chat)

    async def scenario():
        async with client(live_portal.webhook) as c:
            return await c.batch(
                {
                    "chats": openlines.chats_command(LEAD, lead_id),
                    "last": openlines.last_chat_id_command(LEAD, lead_id),
                    "history": openlines.history_command(chat_id=ref("last")),
                    "members": openlines.participants_command(ref("last")),
                }
            )

    pane = run(scenario())
    assert pane.value("last") == live_portal.state.chats_of(CrmType.LEAD, lead_id)[-1].id
    assert pane.value("history").chat_id == pane.value("last")
    assert len(live_portal.portal.wire_log) == 1


def test_the_chat_pane_of_an_entity_without_chat(live_portal):
    from b24desk.api import ref

    lead_id = lead_without_chat(live_portal)

    async def scenario():
        async with client(live_portal.webhook) as c:
            return await c.batch(
                {
                    "chats": openlines.chats_command(LEAD, lead_id),
                    "last": openlines.last_chat_id_command(LEAD, lead_id),
                    "history": openlines.history_command(chat_id=ref("last")),
                }
            )

    pane = run(scenario())
    assert pane.value("chats") == ()
    assert pane.value("last") is None  # CRM_CHAT_EMPTY_CRM_DATA read as "no chat"
    assert "history" in pane.errors
