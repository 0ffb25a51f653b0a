"""Which methods are reads (safe to re-send) and which are writes."""

from __future__ import annotations

import pytest

from b24desk.api.kinds import batch_is_write, is_read, is_write


@pytest.mark.parametrize(
    "method",
    [
        "imopenlines.crm.chat.getLastId",
        "imopenlines.session.history.get",
        "imopenlines.dialog.get",
        "im.chat.user.list",
        "user.current",
        "user.search",
        "crm.lead.list",
        "crm.item.list",
        "crm.item.fields",
        "crm.duplicate.findbycomm",  # a search, though its verb is none of the read verbs
        "scope",
        "server.time",
    ],
)
def test_reads(method):
    assert is_read(method)


@pytest.mark.parametrize(
    "method",
    [
        "imopenlines.crm.chat.user.add",
        "imopenlines.crm.chat.user.delete",
        "imopenlines.crm.message.add",
        "imopenlines.crm.lead.create",
        "crm.lead.update",
        "im.message.send",
        "some.unknown.verb",
    ],
)
def test_writes(method):
    assert is_write(method)


def test_a_batch_is_a_write_when_any_command_is():
    assert not batch_is_write(["crm.lead.list", "user.get"])
    assert batch_is_write(["crm.lead.list", "imopenlines.crm.message.add"])
