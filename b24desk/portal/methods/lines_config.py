"""imopenlines.config.list.get: the open lines' settings, with their operator queues on request.

Fields, PARAMS/OPTIONS checks and INVALID_FORMAT texts follow the method's page; the field
values follow the example of imopenlines.config.get, where the list page shows none.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import RestError
from ..params import upper_keys
from ..query import make_predicate, sort_key, split_key
from ..schema import FieldType
from ..state import OpenLine, PortalState
from .registry import Call, method

_PARAMS_KEYS = ("select", "filter", "order", "limit", "offset")
_OPTIONS_KEYS = ("QUEUE", "CONFIG_QUEUE", "CHECK_PERMISSION")
_QUEUE_FIELDS = ("QUEUE", "QUEUE_USERS_FIELDS", "CONFIG_QUEUE")
_MAX_LIMIT = 200
_ALIAS = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# CHECK_PERMISSION actions of the lines' permission map; the demo lets every employee view
# the lines and only admins modify them.
_PERMISSION_ACTIONS = ("VIEW", "MODIFY")

# The settings of a line as config.get's example shows them (values are strings).
_DEFAULTS: dict[str, Any] = {
    "CRM": "Y", "CRM_CREATE": "lead", "CRM_CREATE_SECOND": "0", "CRM_CREATE_THIRD": "Y",
    "CRM_FORWARD": "Y", "CRM_CHAT_TRACKER": "N", "CRM_TRANSFER_CHANGE": "Y",
    "CRM_SOURCE": "create", "QUEUE_TYPE": "evenly", "QUEUE_TIME": "60", "NO_ANSWER_TIME": "60",
    "CHECK_AVAILABLE": "Y", "WATCH_TYPING": "Y", "WELCOME_BOT_ENABLE": "N",
    "WELCOME_MESSAGE": "Y",
    "WELCOME_MESSAGE_TEXT": "Добро пожаловать! Первый освободившийся оператор ответит вам.",
    "VOTE_MESSAGE": "Y", "VOTE_TIME_LIMIT": "0", "VOTE_BEFORE_FINISH": "Y",
    "VOTE_CLOSING_DELAY": "N", "VOTE_MESSAGE_1_TEXT": "Пожалуйста, оцените качество обслуживания.",
    "VOTE_MESSAGE_1_LIKE": "Спасибо за отзыв!",
    "VOTE_MESSAGE_1_DISLIKE": "Нам жаль, что мы не смогли помочь. Мы станем лучше.",
    "VOTE_MESSAGE_2_TEXT": "Оцените качество обслуживания.\r\n\r\n1 - хорошо, 0 - плохо",
    "VOTE_MESSAGE_2_LIKE": "Спасибо за отзыв!",
    "VOTE_MESSAGE_2_DISLIKE": "Нам жаль, что мы не смогли помочь. Мы станем лучше.",
    "AGREEMENT_MESSAGE": "N", "AGREEMENT_ID": "0", "CATEGORY_ENABLE": "N", "CATEGORY_ID": "0",
    "WELCOME_BOT_JOIN": "always", "WELCOME_BOT_ID": "0", "WELCOME_BOT_TIME": "600",
    "WELCOME_BOT_LEFT": "queue", "NO_ANSWER_RULE": "text", "NO_ANSWER_FORM_ID": "0",
    "NO_ANSWER_BOT_ID": "0",
    "NO_ANSWER_TEXT": "К сожалению, сейчас мы не можем ответить. Мы обязательно свяжемся с вами.",
    "WORKTIME_ENABLE": "N", "WORKTIME_FROM": "9", "WORKTIME_TO": "18.30",
    "WORKTIME_TIMEZONE": "Europe/Moscow", "WORKTIME_HOLIDAYS": [""],
    "WORKTIME_DAYOFF": ["SA", "SU"], "WORKTIME_DAYOFF_RULE": "text",
    "WORKTIME_DAYOFF_FORM_ID": "0", "WORKTIME_DAYOFF_BOT_ID": "0",
    "WORKTIME_DAYOFF_TEXT": "Сейчас нерабочее время. Мы ответим в рабочие часы.",
    "CLOSE_RULE": "none", "CLOSE_FORM_ID": "0", "CLOSE_BOT_ID": "0", "CLOSE_TEXT": "",
    "FULL_CLOSE_TIME": "10", "AUTO_CLOSE_RULE": "none", "AUTO_CLOSE_FORM_ID": "0",
    "AUTO_CLOSE_BOT_ID": "0", "AUTO_CLOSE_TIME": "14400", "AUTO_CLOSE_TEXT": "",
    "AUTO_EXPIRE_TIME": "86400",
    # PHP date objects: json_encode gives {} (config.get's example).
    "DATE_CREATE": {}, "DATE_MODIFY": {},
    "MODIFY_USER_ID": "1", "TEMPORARY": "N", "XML_ID": None, "LANGUAGE_ID": "ru",
    "QUICK_ANSWERS_IBLOCK_ID": "0", "SESSION_PRIORITY": "0", "TYPE_MAX_CHAT": "answered_new",
    "MAX_CHAT": "0", "OPERATOR_DATA": "profile", "DEFAULT_OPERATOR_DATA": [],
    "KPI_FIRST_ANSWER_TIME": "0", "KPI_FIRST_ANSWER_ALERT": "N", "KPI_FIRST_ANSWER_LIST": None,
    "KPI_FIRST_ANSWER_TEXT": "", "KPI_FURTHER_ANSWER_TIME": "0",
    "KPI_FURTHER_ANSWER_ALERT": "N", "KPI_FURTHER_ANSWER_LIST": None,
    "KPI_FURTHER_ANSWER_TEXT": "", "KPI_CHECK_OPERATOR_ACTIVITY": "N",
    "SEND_NOTIFICATION_EMPTY_QUEUE": "N", "USE_WELCOME_FORM": "N", "WELCOME_FORM_ID": "0",
    "WELCOME_FORM_DELAY": "Y", "SEND_WELCOME_EACH_SESSION": "N", "CONFIRM_CLOSE": "Y",
    "IGNORE_WELCOME_FORM_RESPONSIBLE": "N",
}  # fmt: skip
FIELDS = ("ID", "LINE_NAME", "ACTIVE", *_DEFAULTS)
_TYPES = {"ID": FieldType.INT, "MODIFY_USER_ID": FieldType.INT}


def _invalid(text: str) -> RestError:
    return RestError("INVALID_FORMAT", text, 400)


def _row(line: OpenLine) -> dict[str, Any]:
    return {"ID": str(line.id), "LINE_NAME": line.name, "ACTIVE": "Y" if line.active else "N"} | {
        key: list(value) if isinstance(value, list) else value for key, value in _DEFAULTS.items()
    }


def _field(name: Any, part: str) -> str:
    if not isinstance(name, str) or not name.strip():
        raise _invalid(f"A wrong field name is passed in the PARAMS field '{part}'")
    field = name.strip().upper()
    if field not in FIELDS:
        raise _invalid(f"An unknown field '{name}' is passed in the PARAMS field '{part}'")
    return field


def _select(value: Any) -> list[tuple[str, str]]:
    """(name in the answer, field) pairs; a string key of a select object is an alias."""
    if value is None:
        return [(f, f) for f in FIELDS]
    if isinstance(value, list):
        value = dict(enumerate(value))
    if not isinstance(value, dict):
        raise _invalid("A wrong format for the PARAMS field 'select' is passed")
    chosen: list[tuple[str, str]] = []
    for key, name in value.items():
        if name == "*":
            chosen += [(f, f) for f in FIELDS]
            continue
        field = _field(name, "select")
        if isinstance(key, int) or str(key).isdigit():
            chosen.append((field, field))
            continue
        if not _ALIAS.fullmatch(str(key)):
            raise _invalid("A wrong field alias is passed in the PARAMS field 'select'")
        if str(key).upper() in FIELDS:
            raise _invalid(
                f"The alias '{key}' matches an existing field in the PARAMS field 'select'"
            )
        chosen.append((str(key), field))
    return chosen or [(f, f) for f in FIELDS]


def _order(value: Any) -> list[tuple[str, bool]]:
    if value is None:
        return [("ID", False)]
    if not isinstance(value, dict):
        raise _invalid("A wrong format for the PARAMS field 'order' is passed")
    order = []
    for name, direction in value.items():
        field = _field(name, "order")
        text = str(direction).strip().upper()
        if text not in ("ASC", "DESC"):
            raise _invalid("A wrong sorting direction is passed in the PARAMS field 'order'")
        order.append((field, text == "DESC"))
    return order or [("ID", False)]


def _filter(value: Any) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, dict):
        raise _invalid("A wrong format for the PARAMS field 'filter' is passed")
    predicates = []
    for key, wanted in value.items():
        op, name = split_key(str(key))
        field = _field(name, "filter")
        predicates.append(make_predicate(op, field, wanted, _TYPES.get(field, FieldType.STRING)))
    return predicates


def _count(params: dict[str, Any], name: str, default: int) -> int:
    value = params.get(name)
    if value is None:
        return default
    number = None if isinstance(value, bool) else _non_negative(value)
    if number is None:
        raise _invalid(f"A non-negative integer is expected in the PARAMS field '{name}'")
    return number


def _non_negative(value: Any) -> int | None:
    text = str(value).strip() if isinstance(value, int | str) else ""
    return int(text) if text.isdigit() else None


def _flag(options: dict[str, Any], name: str) -> bool:
    value = options.get(name)
    if isinstance(value, dict | list):
        raise _invalid(f"A wrong format for the OPTIONS field '{name}' is passed")
    return str(value).strip().upper() == "Y"


def _queue_fields(state: PortalState, line: OpenLine) -> dict[str, Any]:
    users = [state.users[u] for u in line.queue if u in state.users]
    return {
        "QUEUE": [u.id for u in users],
        "QUEUE_USERS_FIELDS": {
            str(u.id): {
                "USER_NAME": u.full_name or None,
                "USER_WORK_POSITION": u.work_position or None,
                "USER_AVATAR": "",
                "USER_AVATAR_ID": None,
            }
            for u in users
        },
    }


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


@method("imopenlines.config.list.get", "imopenlines")
def config_list_get(call: Call, params: dict[str, Any]) -> list[dict[str, Any]]:
    top = upper_keys(params)
    query, options = _mapping(top.get("PARAMS")), upper_keys(_mapping(top.get("OPTIONS")))
    unsupported = [str(k) for k in query if k not in _PARAMS_KEYS]
    if unsupported:
        raise _invalid(f"Unsupported PARAMS fields are passed: {', '.join(unsupported)}")
    select = _select(query.get("select"))
    order, predicates = _order(query.get("order")), _filter(query.get("filter"))
    limit = min(_count(query, "limit", 50), _MAX_LIMIT)  # above the maximum: the maximum
    offset = _count(query, "offset", 0)
    unsupported = [k for k in options if k not in _OPTIONS_KEYS]
    if unsupported:
        raise _invalid(f"Unsupported OPTIONS fields are passed: {', '.join(unsupported)}")
    with_queue, with_config = _flag(options, "QUEUE"), _flag(options, "CONFIG_QUEUE")
    lines = list(call.state.lines.values())
    action = options.get("CHECK_PERMISSION")
    if action is not None and str(action).strip():
        if str(action).strip().upper() not in _PERMISSION_ACTIONS:
            raise _invalid("An unknown value for the OPTIONS field 'CHECK_PERMISSION' is passed")
        if str(action).strip().upper() == "MODIFY" and not call.user.is_admin:
            lines = []
    rows = [(line, _row(line)) for line in lines]
    rows = [(line, row) for line, row in rows if all(p(row) for p in predicates)]
    key = sort_key(order, _TYPES)
    rows.sort(key=lambda pair: key(pair[1]))
    answer = []
    for line, row in rows[offset : offset + limit]:
        item = {name: row[field] for name, field in select}
        if with_queue:
            item.update(_queue_fields(call.state, line))
        if with_config:
            # The demo's queues hold users; a real line may also queue whole departments.
            item["CONFIG_QUEUE"] = [
                {"ENTITY_ID": str(u), "ENTITY_TYPE": "user"} for u in line.queue
            ]
        answer.append(item)
    call.work.returned = len(answer)
    return answer
