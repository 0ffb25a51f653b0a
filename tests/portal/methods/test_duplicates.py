"""crm.duplicate.findbycomm on the demo portal, against crm-duplicate-find-by-comm.md."""

from __future__ import annotations

import pytest

from b24desk.portal.state import Access, CrmType

from .rest import call, ok

PHONE = "+7 (916) 555-81-02"
EMAIL = "Pavel.Komarov90@inbox.ru"


@pytest.fixture
def marked(live_portal):
    """A lead and a contact sharing one phone; the lead also has an e-mail."""
    state = live_portal.state
    lead = state.crm[CrmType.LEAD].rows[4]
    contact = state.crm[CrmType.CONTACT].rows[6]
    lead["PHONE"] = [{"ID": "9001", "VALUE_TYPE": "WORK", "VALUE": PHONE, "TYPE_ID": "PHONE"}]
    lead["EMAIL"] = [{"ID": "9002", "VALUE_TYPE": "WORK", "VALUE": EMAIL, "TYPE_ID": "EMAIL"}]
    contact["PHONE"] = [{"ID": "9003", "VALUE_TYPE": "MOBILE", "VALUE": "89165558102 доб. 7"}]
    return live_portal, int(lead["ID"]), int(contact["ID"])


@pytest.mark.parametrize("typed", ["8 916 555 81 02", "+79165558102", "7-916-555-8102"])
def test_a_phone_matches_however_it_is_formatted(marked, typed):
    lp, lead, contact = marked
    found = ok(lp.webhook, "crm.duplicate.findbycomm", type="PHONE", values=[typed])
    assert found == {"LEAD": [lead], "CONTACT": [contact]}


def test_entity_type_narrows_and_emails_match_whole_in_any_case(marked):
    lp, lead, contact = marked
    hook = lp.webhook
    only = ok(hook, "crm.duplicate.findbycomm", type="PHONE", values=[PHONE], entity_type="CONTACT")
    assert only == {"CONTACT": [contact]}
    by_mail = ok(hook, "crm.duplicate.findbycomm", type="EMAIL", values=[EMAIL.upper()])
    assert by_mail == {"LEAD": [lead]}
    # Parts of an address find nothing: PHP's empty array.
    assert ok(hook, "crm.duplicate.findbycomm", type="EMAIL", values=["komarov90"]) == []


def test_the_unreadable_are_left_out_and_no_reading_at_all_is_refused(marked):
    lp, lead, _ = marked
    operator = lp.webhook_of("operator")
    hook = next(h for h in lp.state.webhooks.values() if "operator" in h.title)
    row = lp.state.crm[CrmType.LEAD].by_id[lead]
    row["ASSIGNED_BY_ID"] = str(hook.user_id)
    mine = ok(
        operator, "crm.duplicate.findbycomm", type="PHONE", values=[PHONE], entity_type="LEAD"
    )
    assert mine == {"LEAD": [lead]}
    row["ASSIGNED_BY_ID"] = "1"
    assert ok(operator, "crm.duplicate.findbycomm", type="EMAIL", values=[EMAIL]) == []


@pytest.mark.parametrize(
    ("params", "code", "text"),
    [
        ({"values": ["1"]}, "Communication type is not defined", "Parameter 'type' is required."),
        (
            {"type": "FAX", "values": ["1"]},
            "Communication type 'FAX' is not supported in current context",
            "Communication type 'FAX' is not supported in current context",
        ),
        (
            {"type": "PHONE"},
            "Communication values is not defined",
            "Parameter 'values' is required.",
        ),
        (
            {"type": "PHONE", "values": [str(n) for n in range(21)]},
            "Too many communication values",
            "No more than 20 values.",
        ),
    ],
)
def test_errors(live_portal, params, code, text):
    response = call(live_portal.webhook, "crm.duplicate.findbycomm", **params)
    assert response.status_code == 400
    assert response.json() == {"error": code, "error_description": text}


def test_twenty_leads_hide_the_other_types(live_portal):
    state = live_portal.state
    for row in [*state.crm[CrmType.LEAD].rows[:25], state.crm[CrmType.CONTACT].rows[0]]:
        row["EMAIL"] = [{"ID": "1", "VALUE_TYPE": "WORK", "VALUE": "same@example.com"}]
    found = ok(
        live_portal.webhook, "crm.duplicate.findbycomm", type="EMAIL", values=["same@example.com"]
    )
    assert list(found) == ["LEAD"] and len(found["LEAD"]) == 20


def test_no_read_permission_is_403(live_portal):
    hook = next(h for h in live_portal.state.webhooks.values() if "operator" in h.title)
    user = live_portal.state.users[hook.user_id]
    user.crm_access = {crm_type: Access.NONE for crm_type in CrmType}
    response = call(
        live_portal.webhook_of("operator"), "crm.duplicate.findbycomm", type="PHONE", values=[PHONE]
    )
    assert response.status_code == 403
    assert response.json() == {"error": "Access denied", "error_description": "Access denied"}
