"""Compact rows read and write like the dicts they stand for, absent keys included."""

from __future__ import annotations

import json

import pytest

from b24desk.portal.rows import MISSING, LeadRow


def _lead(**changes):
    values = {key: f"v-{key}" for key in LeadRow.KEYS}
    values.update(PHONE=[{"VALUE": "+7 999"}], EMAIL=MISSING, IM=MISSING, **changes)
    return LeadRow([values[key] for key in LeadRow.KEYS])


def test_a_compact_row_equals_the_dict_it_stands_for():
    row = _lead()
    as_dict = {k: f"v-{k}" for k in LeadRow.KEYS if k not in ("PHONE", "EMAIL", "IM")}
    as_dict["PHONE"] = [{"VALUE": "+7 999"}]
    assert row == as_dict and dict(row) == as_dict
    assert list(row) == list(as_dict) and len(row) == len(as_dict)
    assert json.dumps(dict(row)) == json.dumps(as_dict)


def test_absent_keys_are_absent():
    row = _lead()
    assert "EMAIL" not in row and row.get("EMAIL") is None and row.get("EMAIL", "") == ""
    assert "NOT_A_FIELD" not in row and row.get("NOT_A_FIELD", 1) == 1
    with pytest.raises(KeyError):
        row["EMAIL"]


def test_writes_land_in_the_row():
    row = _lead()
    row["TITLE"] = "new"
    row.setdefault("IM", []).append({"VALUE": "imol|x"})
    assert row["TITLE"] == "new" and row["IM"] == [{"VALUE": "imol|x"}]
    del row["PHONE"]
    assert "PHONE" not in row
    with pytest.raises(KeyError):
        row["NOT_A_FIELD"] = "x"
