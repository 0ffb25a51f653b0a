"""`crm.duplicate.findbycomm`: leads, contacts and companies by phone numbers or e-mails.

A real portal looks values up in its duplicate index of normalised communications, so a
phone matches however it was typed ("+7 (916) 555-81-02" = "79165558102") and without its
extension; e-mails match whole, in any case. Errors follow crm-duplicate-find-by-comm.md:
the page's example puts the meaning in `error` itself.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import RestError
from ..params import upper_keys
from ..state import Access, CrmType, EntityTable
from .registry import Call, method

MAX_VALUES = 20
# "If 20 or more duplicates are found for one object, the other types are not returned."
MAX_FOUND = 20
_ORDER = (CrmType.LEAD, CrmType.CONTACT, CrmType.COMPANY)
_EXTENSION = re.compile(r"(?i)\s*(?:доб|ext|x|#|,|;).*$")
_NOT_PLAIN = re.compile(r"[^\d\s()+\-.]")
_DROP = {code: None for code in range(128) if not chr(code).isdigit()}


def normal_phone(value: str) -> str:
    """Digits of the number without its extension; a Russian trunk 8 reads as +7 (the demo
    portal is a Russian one, and a real portal normalises by its country)."""
    if value.isascii() and _NOT_PLAIN.search(value) is None:
        digits = value.translate(_DROP)  # the usual case, three times faster
    else:
        digits = re.sub(r"\D", "", _EXTENSION.sub("", value))
    if len(digits) == 11 and digits.startswith("8"):
        digits = "7" + digits[1:]
    return digits


def _error(code: str, description: str, status: int = 400) -> RestError:
    return RestError(code, description, status)


def _values(raw: Any) -> list[str]:
    if isinstance(raw, dict):
        raw = list(raw.values())
    if isinstance(raw, str):
        raw = [raw]
    values = [str(v).strip() for v in raw or [] if str(v).strip()] if isinstance(raw, list) else []
    if not values:
        raise _error("Communication values is not defined", "Parameter 'values' is required.")
    if len(values) > MAX_VALUES:
        # The page gives the maximum (20) but no error for more; the portal refuses them.
        raise _error("Too many communication values", f"No more than {MAX_VALUES} values.")
    return values


def _normal(kind: str, value: str) -> str:
    return normal_phone(value) if kind == "PHONE" else value.strip().casefold()


def _found(table: EntityTable, kind: str, wanted: set[str]) -> list[int]:
    """IDs of rows with one of the wanted values, in ID order. A phone is normalised only
    if it holds the wanted numbers' last two digits (a million leads' phones would take
    seconds to normalise; two digits split by formatting occur in no real number)."""
    tails = {key[-2:] for key in wanted} if kind == "PHONE" else set()
    found = []
    for entity_id, row in zip(table.ids, table.rows, strict=True):
        items = row.get(kind)
        if not items:
            continue
        for item in items:
            value = str(item.get("VALUE", ""))
            if tails and not any(tail in value for tail in tails):
                continue
            if _normal(kind, value) in wanted:
                found.append(entity_id)
                break
    return found


@method("crm.duplicate.findbycomm", "crm")
def find_by_comm(call: Call, params: dict[str, Any]) -> dict[str, list[int]] | list[Any]:
    upper = upper_keys(params)
    kind = str(upper.get("TYPE") or "").strip().upper()
    if not kind:
        # The page's example answer, word for word.
        raise _error("Communication type is not defined", "Parameter 'type' is required.")
    if kind not in ("PHONE", "EMAIL"):
        text = f"Communication type '{upper.get('TYPE')}' is not supported in current context"
        raise _error(text, text)  # the page gives only the code; its words repeat it
    values = _values(upper.get("VALUES"))
    entity_type = str(upper.get("ENTITY_TYPE") or "").strip().upper()
    types = [t for t in _ORDER if t.b24_name == entity_type] if entity_type else list(_ORDER)
    readable = [t for t in types if call.user.access_to(t) is not Access.NONE]
    if not readable:
        raise _error("Access denied", "Access denied", 403)
    wanted = {key for key in (_normal(kind, v) for v in values) if key}
    found: dict[str, list[int]] = {}
    for crm_type in readable:
        table = call.state.crm[crm_type]
        ids = [
            i
            for i in _found(table, kind, wanted)
            if call.state.can_read(call.user, crm_type, table.by_id[i])
        ][:MAX_FOUND]
        if ids:
            found[crm_type.b24_name] = ids
        if len(ids) >= MAX_FOUND:
            break
    call.work.returned = sum(len(ids) for ids in found.values())
    # Nothing found: PHP's empty array, which json_encode writes as [].
    return found or []
