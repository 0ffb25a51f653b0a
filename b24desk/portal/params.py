"""PHP-style request parameters: `fields[TITLE]=x`, `select[]=ID`, `filter[>ID]=5`.

Bitrix24 runs on PHP, so form bodies, query strings and batch commands are decoded the
way PHP's `parse_str` does it: bracketed keys build nested arrays, `[]` appends.
"""

from __future__ import annotations

import email.parser
import email.policy
import re
from typing import Any
from urllib.parse import parse_qsl

_KEY_PART = re.compile(r"\[([^\]]*)\]")


def _split_key(key: str) -> list[str]:
    """`filter[>ID]` -> ["filter", ">ID"]; `select[]` -> ["select", ""]."""
    head, bracket, _ = key.partition("[")
    if not bracket:
        return [key]
    return [head, *_KEY_PART.findall(key[len(head) :])]


def _php_list_to_list(value: Any) -> Any:
    """PHP arrays with keys 0..n-1 are lists once they leave PHP (json_encode does the same)."""
    if isinstance(value, dict):
        converted = {k: _php_list_to_list(v) for k, v in value.items()}
        if converted and all(k == str(i) for i, k in enumerate(converted)):
            return list(converted.values())
        return converted
    return value


def nest_pairs(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """Build nested parameters from flat (key, value) pairs the way PHP does."""
    result: dict[str, Any] = {}
    for raw_key, value in pairs:
        parts = _split_key(raw_key)
        if not parts[0]:
            continue
        node = result
        for depth, part in enumerate(parts):
            last = depth == len(parts) - 1
            if part == "":
                part = str(sum(1 for k in node if k.isdigit()))
            if last:
                node[part] = value
            else:
                child = node.get(part)
                if not isinstance(child, dict):
                    child = {}
                    node[part] = child
                node = child
    return _php_list_to_list(result)


def parse_query(query: str) -> dict[str, Any]:
    """Decode a query string (or form body) into nested parameters."""
    return nest_pairs(parse_qsl(query, keep_blank_values=True))


def parse_multipart(body: bytes, content_type: str) -> dict[str, Any]:
    """Decode multipart/form-data text fields into nested parameters (files are not used)."""
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + body
    )
    pairs: list[tuple[str, str]] = []
    if message.is_multipart():
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            if name is None:
                continue
            payload = part.get_payload(decode=True)
            if not isinstance(payload, bytes):  # a nested multipart is no text field
                payload = b""
            charset = part.get_content_charset() or "utf-8"
            pairs.append((str(name), payload.decode(charset, errors="replace")))
    return nest_pairs(pairs)


def build_query(params: dict[str, Any], prefix: str = "") -> list[tuple[str, str]]:
    """The inverse of `nest_pairs`, as PHP's http_build_query writes it."""
    pairs: list[tuple[str, str]] = []
    items = params.items() if isinstance(params, dict) else enumerate(params)
    for key, value in items:
        full_key = f"{prefix}[{key}]" if prefix else str(key)
        if isinstance(value, dict | list | tuple):
            pairs += build_query(value, full_key)  # type: ignore[arg-type]
        elif value is None:
            pairs.append((full_key, ""))
        elif isinstance(value, bool):
            pairs.append((full_key, "1" if value else "0"))
        else:
            pairs.append((full_key, str(value)))
    return pairs


def upper_keys(params: dict[str, Any]) -> dict[str, Any]:
    """Top-level parameter names are case-insensitive for most methods: compare them upper-cased."""
    return {str(k).upper(): v for k, v in params.items()}
