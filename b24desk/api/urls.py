"""Connection URLs: the webhook URL users paste, HTTPS-only hosts, the default token URL.

Pure functions, no I/O: settings/ validates profiles with them without loading the client.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from .errors import ConfigurationError
from .redact import redact

DEFAULT_TOKEN_URL = "https://oauth.bitrix.info/oauth/token/"

# .../rest/<user id>/<code>[/<method>[.json]]: what users paste from the webhook page.
_WEBHOOK_PATH = re.compile(r"^(?P<prefix>.*?)/rest/(?P<user>\d+)/(?P<code>[A-Za-z0-9_-]+)(?:/.*)?$")


def is_loopback(host: str) -> bool:
    """localhost, 127.0.0.0/8 or ::1: the only hosts plain HTTP may go to."""
    if host.lower().rstrip(".") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def require_secure(url: str) -> str:
    """`url` if it is HTTPS, or plain HTTP to a loopback address; else ConfigurationError."""
    parts = urlsplit(url)
    if not parts.hostname:
        raise ConfigurationError(f"not a URL: {url}")
    if parts.scheme == "https" or (parts.scheme == "http" and is_loopback(parts.hostname)):
        return url
    raise ConfigurationError(f"HTTPS is required for {parts.hostname}")


def normalise_webhook_url(url: str) -> str:
    """The webhook's base URL, `https://PORTAL/rest/USER/CODE/`, from anything pasted.

    Trailing method names (`crm.lead.list.json`), queries and missing slashes are dropped;
    a missing scheme means HTTPS.
    """
    text = url.strip()
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    match = _WEBHOOK_PATH.match(parts.path)
    if not parts.hostname or not match:
        raise ConfigurationError(
            f"not a webhook URL (expected https://PORTAL/rest/USER_ID/CODE/): {redact(url)}"
        )
    host = parts.hostname.lower()
    if ":" in host:
        host = f"[{host}]"
    port = f":{parts.port}" if parts.port else ""
    base = f"{parts.scheme.lower()}://{host}{port}{match['prefix']}/rest/{match['user']}/{match['code']}/"
    return require_secure(base)
