"""ASGI plumbing of the demo portal: reading requests, sending answers and fault pages."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from . import errors
from .params import parse_multipart, parse_query

# As the ASGI spec types them (MutableMapping, not dict), so servers' and httpx's callers fit.
Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


def parse_params(scope: Scope, body: bytes) -> dict[str, Any]:
    """Query string, then the body (JSON, form or multipart) on top of it."""
    params = parse_query(scope.get("query_string", b"").decode("latin-1"))
    if not body:
        return params
    content_type = ""
    for name, value in scope.get("headers", []):
        if name == b"content-type":
            content_type = value.decode("latin-1")
    kind = content_type.split(";")[0].strip().lower()
    if kind == "application/json" or (not kind and body.lstrip()[:1] in (b"{", b"[")):
        try:
            decoded = json.loads(body)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise ValueError("bad JSON") from exc
        if isinstance(decoded, dict):
            params.update(decoded)
        return params
    if kind == "multipart/form-data":
        params.update(parse_multipart(body, content_type))
        return params
    params.update(parse_query(body.decode("utf-8", errors="replace")))
    return params


async def read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            break
    return b"".join(chunks)


async def send_bytes(send: Send, status: int, payload: bytes, content_type: str) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", content_type.encode()),
                (b"content-length", str(len(payload)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})


async def send_json(send: Send, status: int, data: Any) -> None:
    payload = json.dumps(data, ensure_ascii=False).encode()
    await send_bytes(send, status, payload, "application/json; charset=utf-8")


_BAD_GATEWAY = (
    b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    b"<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
    b"</body>\r\n</html>\r\n"
)
_MAINTENANCE = (
    b"<!DOCTYPE html><html><head><title>Bitrix24</title></head><body>"
    b"<h1>The portal is being updated</h1><p>Please try again in a few minutes.</p>"
    b"</body></html>"
)


async def send_fault_before(send: Send, fault: str) -> None:
    if fault == "500":
        await send_json(send, 500, errors.internal().body())
    elif fault == "502":
        await send_bytes(send, 502, _BAD_GATEWAY, "text/html")
    else:
        await send_bytes(send, 200, _MAINTENANCE, "text/html; charset=utf-8")


async def lifespan(receive: Receive, send: Send) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return
