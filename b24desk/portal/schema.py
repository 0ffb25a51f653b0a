"""Field lists and types of the CRM entities and users the demo portal serves.

The REST API returns every scalar as a string; the types here tell the filter how to
compare ("10" > "9" numerically, dates as dates) and tell `select=*` what to return.
"""

from __future__ import annotations

from enum import StrEnum

from .state import CrmType


class FieldType(StrEnum):
    INT = "integer"
    FLOAT = "double"
    STRING = "string"
    CHAR = "char"  # "Y" / "N"
    DATETIME = "datetime"
    STATUS = "crm_status"  # a reference to a status list; LIKE does not apply
    MULTI = "crm_multifield"


MULTI_FIELDS = ("PHONE", "EMAIL", "WEB", "IM")

_COMMON: dict[str, FieldType] = {
    "ID": FieldType.INT,
    "ASSIGNED_BY_ID": FieldType.INT,
    "CREATED_BY_ID": FieldType.INT,
    "MODIFY_BY_ID": FieldType.INT,
    "DATE_CREATE": FieldType.DATETIME,
    "DATE_MODIFY": FieldType.DATETIME,
    "OPENED": FieldType.CHAR,
    "COMMENTS": FieldType.STRING,
    "SOURCE_ID": FieldType.STATUS,
    "ORIGINATOR_ID": FieldType.STRING,
    "ORIGIN_ID": FieldType.STRING,
}

_PERSON: dict[str, FieldType] = {
    "NAME": FieldType.STRING,
    "SECOND_NAME": FieldType.STRING,
    "LAST_NAME": FieldType.STRING,
    "HONORIFIC": FieldType.STATUS,
    "POST": FieldType.STRING,
    "HAS_PHONE": FieldType.CHAR,
    "HAS_EMAIL": FieldType.CHAR,
    "HAS_IMOL": FieldType.CHAR,
}

FIELDS: dict[CrmType, dict[str, FieldType]] = {
    CrmType.LEAD: {
        **_COMMON,
        **_PERSON,
        "TITLE": FieldType.STRING,
        "STATUS_ID": FieldType.STATUS,
        "STATUS_SEMANTIC_ID": FieldType.CHAR,
        "COMPANY_TITLE": FieldType.STRING,
        "CONTACT_ID": FieldType.INT,
        "COMPANY_ID": FieldType.INT,
        "OPPORTUNITY": FieldType.FLOAT,
        "CURRENCY_ID": FieldType.STATUS,
        "IS_RETURN_CUSTOMER": FieldType.CHAR,
        "DATE_CLOSED": FieldType.DATETIME,
    },
    CrmType.DEAL: {
        **_COMMON,
        "TITLE": FieldType.STRING,
        "TYPE_ID": FieldType.STATUS,
        "STAGE_ID": FieldType.STATUS,
        "STAGE_SEMANTIC_ID": FieldType.CHAR,
        "CATEGORY_ID": FieldType.INT,
        "PROBABILITY": FieldType.INT,
        "CURRENCY_ID": FieldType.STATUS,
        "OPPORTUNITY": FieldType.FLOAT,
        "COMPANY_ID": FieldType.INT,
        "CONTACT_ID": FieldType.INT,
        "LEAD_ID": FieldType.INT,
        "BEGINDATE": FieldType.DATETIME,
        "CLOSEDATE": FieldType.DATETIME,
        "CLOSED": FieldType.CHAR,
        "IS_NEW": FieldType.CHAR,
    },
    CrmType.CONTACT: {
        **_COMMON,
        **_PERSON,
        "TYPE_ID": FieldType.STATUS,
        "COMPANY_ID": FieldType.INT,
        "BIRTHDATE": FieldType.DATETIME,
        "EXPORT": FieldType.CHAR,
        "LEAD_ID": FieldType.INT,
    },
    CrmType.COMPANY: {
        **_COMMON,
        "TITLE": FieldType.STRING,
        "COMPANY_TYPE": FieldType.STATUS,
        "INDUSTRY": FieldType.STATUS,
        "EMPLOYEES": FieldType.STATUS,
        "REVENUE": FieldType.FLOAT,
        "CURRENCY_ID": FieldType.STATUS,
        "HAS_PHONE": FieldType.CHAR,
        "HAS_EMAIL": FieldType.CHAR,
        "HAS_IMOL": FieldType.CHAR,
        "LEAD_ID": FieldType.INT,
    },
}

# Deals have no communication fields of their own; the other three types do.
for _crm_type, _fields in FIELDS.items():
    if _crm_type is not CrmType.DEAL:
        for _multi in MULTI_FIELDS:
            _fields[_multi] = FieldType.MULTI

# Fields of user.get results, in the order the portal returns them.
USER_FIELDS: dict[str, FieldType] = {
    "ID": FieldType.INT,
    "XML_ID": FieldType.STRING,
    "ACTIVE": FieldType.CHAR,  # returned as a JSON boolean
    "NAME": FieldType.STRING,
    "LAST_NAME": FieldType.STRING,
    "SECOND_NAME": FieldType.STRING,
    "EMAIL": FieldType.STRING,
    "LAST_LOGIN": FieldType.DATETIME,
    "DATE_REGISTER": FieldType.DATETIME,
    "TIME_ZONE": FieldType.STRING,
    "IS_ONLINE": FieldType.CHAR,
    "TIMESTAMP_X": FieldType.STRING,
    "LAST_ACTIVITY_DATE": FieldType.DATETIME,
    "PERSONAL_GENDER": FieldType.STRING,
    "PERSONAL_BIRTHDAY": FieldType.STRING,
    "PERSONAL_MOBILE": FieldType.STRING,
    "WORK_PHONE": FieldType.STRING,
    "WORK_POSITION": FieldType.STRING,
    "UF_DEPARTMENT": FieldType.INT,
    "USER_TYPE": FieldType.STRING,
}

CONNECTOR_TITLES: dict[str, str] = {
    "livechat": "Live chat",
    "telegrambot": "Telegram",
    "whatsappbyedna": "WhatsApp",
    "vkgroup": "VK",
    "email": "E-mail",
}

ALL_SCOPES = frozenset(
    {"crm", "imopenlines", "im", "user", "user_basic", "user_brief", "department", "basic"}
)
