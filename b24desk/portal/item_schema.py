"""The `crm.item.*` view of the CRM rows: camelCase field names, typed JSON values, `fm`.

The rows are the ones `crm.{type}.*` serve (upper-case names, string values); each item
field maps onto one of their columns, or is derived (`contactIds`, `fm`, `phone`, ...).
Names and types follow api-reference/crm/universal/object-fields.md and crm-item-fields.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .rows import Row
from .schema import MULTI_FIELDS, FieldType
from .state import CrmType

TYPE_IDS: dict[int, CrmType] = {
    1: CrmType.LEAD,
    2: CrmType.DEAL,
    3: CrmType.CONTACT,
    4: CrmType.COMPANY,
}
ENTITY_TYPE_IDS = {crm_type: type_id for type_id, crm_type in TYPE_IDS.items()}


@dataclass(frozen=True)
class ItemField:
    """One field of an item: the row column behind it (None if derived) and its types."""

    column: str | None
    rest_type: str  # as crm.item.fields names it: "integer", "user", "crm_status", ...
    title: str
    upper_name: str
    multiple: bool = False
    read_only: bool = False

    @property
    def compare(self) -> FieldType:
        """How the filter compares values of the field."""
        if self.column == "ID" or self.rest_type in _INT_TYPES:
            return FieldType.INT
        return _COMPARE.get(self.rest_type, FieldType.STRING)


_INT_TYPES = {"integer", "user", "crm_company", "crm_contact", "crm_lead", "crm_category"}
_COMPARE = {
    "double": FieldType.FLOAT,
    "datetime": FieldType.DATETIME,
    "date": FieldType.DATETIME,
    "boolean": FieldType.CHAR,
    "crm_status": FieldType.STATUS,
    "crm_currency": FieldType.STATUS,
}


def _f(
    column: str | None, rest_type: str, title: str, upper: str | None = None, **kw: Any
) -> ItemField:
    return ItemField(column, rest_type, title, upper or column or "", **kw)


_COMMON: dict[str, ItemField] = {
    "id": _f("ID", "integer", "ID", read_only=True),
    "createdTime": _f("DATE_CREATE", "datetime", "Created at", "CREATED_TIME", read_only=True),
    "updatedTime": _f("DATE_MODIFY", "datetime", "Updated at", "UPDATED_TIME", read_only=True),
    "createdBy": _f("CREATED_BY_ID", "user", "Created by", "CREATED_BY", read_only=True),
    "updatedBy": _f("MODIFY_BY_ID", "user", "Updated by", "UPDATED_BY", read_only=True),
    "assignedById": _f("ASSIGNED_BY_ID", "user", "Assigned to"),
    "opened": _f("OPENED", "boolean", "Publicly available"),
    "comments": _f("COMMENTS", "text", "Comment"),
    "sourceId": _f("SOURCE_ID", "crm_status", "Source"),
    "originatorId": _f("ORIGINATOR_ID", "string", "External source"),
    "originId": _f("ORIGIN_ID", "string", "Item ID in data source"),
}
_PERSON: dict[str, ItemField] = {
    "name": _f("NAME", "string", "First name"),
    "secondName": _f("SECOND_NAME", "string", "Middle name"),
    "lastName": _f("LAST_NAME", "string", "Last name"),
    "honorific": _f("HONORIFIC", "crm_status", "Salutation"),
    "post": _f("POST", "string", "Position"),
    "hasPhone": _f("HAS_PHONE", "boolean", "Has phone", read_only=True),
    "hasEmail": _f("HAS_EMAIL", "boolean", "Has e-mail", read_only=True),
    "hasImol": _f("HAS_IMOL", "boolean", "Has Open Channel", read_only=True),
}
_MONEY: dict[str, ItemField] = {
    "opportunity": _f("OPPORTUNITY", "double", "Amount"),
    "currencyId": _f("CURRENCY_ID", "crm_currency", "Currency"),
}
_CONTACT_IDS = _f(None, "crm_contact", "CONTACT_IDS", "CONTACT_IDS", multiple=True)

ITEM_FIELDS: dict[CrmType, dict[str, ItemField]] = {
    CrmType.LEAD: {
        **_COMMON,
        "title": _f("TITLE", "string", "Lead name"),
        **_PERSON,
        "companyTitle": _f("COMPANY_TITLE", "string", "Company name"),
        # A lead's status is its stage in crm.item (STATUS_ID of crm.lead.*).
        "stageId": _f("STATUS_ID", "crm_status", "Stage", "STATUS_ID"),
        "stageSemanticId": _f("STATUS_SEMANTIC_ID", "string", "Stage group", read_only=True),
        **_MONEY,
        "companyId": _f("COMPANY_ID", "crm_company", "Company"),
        "contactId": _f("CONTACT_ID", "crm_contact", "Contact"),
        "contactIds": _CONTACT_IDS,
        "isReturnCustomer": _f("IS_RETURN_CUSTOMER", "boolean", "Repeat lead"),
        "dateClosed": _f("DATE_CLOSED", "datetime", "Closed on", read_only=True),
    },
    CrmType.DEAL: {
        **_COMMON,
        "title": _f("TITLE", "string", "Name"),
        "typeId": _f("TYPE_ID", "crm_status", "Type"),
        "categoryId": _f("CATEGORY_ID", "crm_category", "Pipeline"),
        "stageId": _f("STAGE_ID", "crm_status", "Stage"),
        "stageSemanticId": _f("STAGE_SEMANTIC_ID", "string", "Stage group", read_only=True),
        "probability": _f("PROBABILITY", "integer", "Probability"),
        **_MONEY,
        "companyId": _f("COMPANY_ID", "crm_company", "Company"),
        "contactId": _f("CONTACT_ID", "crm_contact", "Contact"),
        "contactIds": _CONTACT_IDS,
        "leadId": _f("LEAD_ID", "crm_lead", "Lead"),
        "begindate": _f("BEGINDATE", "date", "Start date"),
        "closedate": _f("CLOSEDATE", "date", "End date"),
        "closed": _f("CLOSED", "boolean", "Closed"),
        "isNew": _f("IS_NEW", "boolean", "New", read_only=True),
    },
    CrmType.CONTACT: {
        **_COMMON,
        **_PERSON,
        "typeId": _f("TYPE_ID", "crm_status", "Contact type"),
        "companyId": _f("COMPANY_ID", "crm_company", "Company"),
        "companyIds": _f(None, "crm_company", "COMPANY_IDS", "COMPANY_IDS", multiple=True),
        "birthdate": _f("BIRTHDATE", "date", "Date of birth"),
        "export": _f("EXPORT", "boolean", "Included in export"),
        "leadId": _f("LEAD_ID", "crm_lead", "Lead"),
    },
    CrmType.COMPANY: {
        **_COMMON,
        "title": _f("TITLE", "string", "Company name"),
        "typeId": _f("COMPANY_TYPE", "crm_status", "Company type", "COMPANY_TYPE"),
        "industry": _f("INDUSTRY", "crm_status", "Industry"),
        "employees": _f("EMPLOYEES", "crm_status", "Employees"),
        "revenue": _f("REVENUE", "double", "Annual revenue"),
        "currencyId": _f("CURRENCY_ID", "crm_currency", "Currency"),
        "hasPhone": _PERSON["hasPhone"],
        "hasEmail": _PERSON["hasEmail"],
        "hasImol": _PERSON["hasImol"],
        "leadId": _f("LEAD_ID", "crm_lead", "Lead"),
        "contactIds": _CONTACT_IDS,
    },
}
# Deals have no communications; the other types carry `fm` and its flat aliases.
HAS_FM = {CrmType.LEAD, CrmType.CONTACT, CrmType.COMPANY}
_ALIASES = {
    "phoneMobile": ("PHONE", "MOBILE"),
    "phoneWork": ("PHONE", "WORK"),
    "phoneMailing": ("PHONE", "MAILING"),
    "emailHome": ("EMAIL", "HOME"),
    "emailWork": ("EMAIL", "WORK"),
    "emailMailing": ("EMAIL", "MAILING"),
    "phone": ("PHONE", ""),
    "email": ("EMAIL", ""),
}


def _value(raw: Any, field: ItemField) -> Any:
    """A row's string value as crm.item gives it: numbers as numbers, empty as null."""
    if raw is None or raw == "":
        return None  # as in the reference's examples ("lastName": null, "dateClosed": null)
    compare = field.compare
    try:
        if compare is FieldType.INT:
            return int(raw)
        if compare is FieldType.FLOAT:
            number = float(raw)
            # The reference shows whole amounts as JSON integers ("opportunity": 19000).
            return int(number) if number.is_integer() else number
    except (TypeError, ValueError):
        return None
    return raw


def fm(row: Row) -> list[dict[str, Any]]:
    """All multi-field values: [{id, valueType, value, typeId}], phones first."""
    out = []
    for name in MULTI_FIELDS:
        for item in row.get(name) or ():
            out.append(
                {
                    "id": int(item.get("ID") or 0),
                    "valueType": item.get("VALUE_TYPE", ""),
                    "value": item.get("VALUE", ""),
                    "typeId": name,  # the row's column says it (seeded items may lack TYPE_ID)
                }
            )
    return out


def _alias(row: Row, column: str, value_type: str) -> str:
    """The first value of a kind (of any subtype when value_type is "")."""
    for item in row.get(column) or ():
        if not value_type or item.get("VALUE_TYPE") == value_type:
            return str(item.get("VALUE", ""))
    return ""


def item_of(
    crm_type: CrmType, row: Row, select: list[str], linked: dict[int, list[int]] | None = None
) -> dict[str, Any]:
    """The row as an item with the selected fields; `*` selects all, `fm` included.

    `linked` maps a company to its contacts (for a company's contactIds).
    """
    fields = ITEM_FIELDS[crm_type]
    everything = not select or "*" in select
    wanted = fields.keys() if everything else [n for n in select if n in fields or n == "id"]
    out: dict[str, Any] = {"id": int(row["ID"])}  # the ID always comes, as with crm.*.list
    for name in wanted:
        field = fields[name]
        if field.column is not None:
            out[name] = _value(row.get(field.column), field)
        elif name == "companyIds":
            out[name] = [c for c in [_value(row.get("COMPANY_ID"), field)] if c]
        elif crm_type is CrmType.COMPANY:
            out[name] = list((linked or {}).get(int(row["ID"]), ()))
        else:
            out[name] = [c for c in [_value(row.get("CONTACT_ID"), field)] if c]
    if everything:
        out["entityTypeId"] = ENTITY_TYPE_IDS[crm_type]
        if crm_type in HAS_FM:
            for alias, (column, value_type) in _ALIASES.items():
                out[alias] = _alias(row, column, value_type)
            # `fm` is no field: select cannot name it, `*` brings it (crm-item-list.md).
            out["fm"] = fm(row)
    return out


def field_description(field: ItemField, crm_type: CrmType) -> dict[str, Any]:
    """One entry of crm.item.fields."""
    out: dict[str, Any] = {
        "type": field.rest_type,
        "isRequired": False,
        "isReadOnly": field.read_only,
        "isImmutable": False,
        "isMultiple": field.multiple,
        "isDynamic": False,
        "title": field.title,
    }
    if field.rest_type == "crm_status" and field.column in ("STATUS_ID", "STAGE_ID"):
        out["statusType"] = "STATUS" if crm_type is CrmType.LEAD else "DEAL_STAGE"
    if field.rest_type == "crm_company":
        out["settings"] = {"parentEntityTypeId": ENTITY_TYPE_IDS[CrmType.COMPANY]}
    out["upperName"] = field.upper_name
    return out
