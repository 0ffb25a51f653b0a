"""Calling the demo portal's REST methods over HTTP in the portal's own tests."""

from __future__ import annotations

import httpx


def call(url: str, method: str, **params) -> httpx.Response:
    return httpx.post(url + method, json=params, timeout=10)


def ok(url: str, method: str, **params):
    response = call(url, method, **params)
    assert response.status_code == 200, response.text
    return response.json()["result"]


def error(url: str, method: str, **params) -> tuple[int, str]:
    response = call(url, method, **params)
    body = response.json()
    assert "result" not in body, body
    return response.status_code, body["error"]
