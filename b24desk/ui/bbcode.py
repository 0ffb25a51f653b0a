"""Customer text to safe rich text: a small BB-code subset, everything else escaped.

Open Lines messages come from strangers. Nothing in them is ever read as HTML: text is
escaped first, and only [b] [i] [u] [s] [quote] [code] [br] [url] [user] become markup.
Links are kept only for http(s) and mailto; the view opens them only when clicked.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})

_TAG = re.compile(
    r"\[(?P<close>/?)(?P<name>b|i|u|s|quote|code|url|user|br)(?:=(?P<arg>[^\]]*))?\]",
    re.IGNORECASE,
)
_BARE_URL = re.compile(r"\[url\](?P<url>[^\[]*)\[/url\]", re.IGNORECASE)
_AUTOLINK = re.compile(r"\bhttps?://[^\s<>\"']+", re.IGNORECASE)
_SIMPLE = {"b": "b", "i": "i", "u": "u", "s": "s"}


def is_safe_link(url: str) -> bool:
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return False
    return scheme in SAFE_SCHEMES


def _text(segment: str, link_ok: bool) -> str:
    """Escape a run of text; inside no link, make bare http(s) URLs clickable."""
    out, last = [], 0
    if link_ok:
        for match in _AUTOLINK.finditer(segment):
            out.append(html.escape(segment[last : match.start()]))
            url = html.escape(match.group(0))
            out.append(f'<a href="{url}">{url}</a>')
            last = match.end()
    out.append(html.escape(segment[last:]))
    return "".join(out).replace("\n", "<br>")


def _open(name: str, arg: str | None) -> tuple[str, str]:
    """(opening markup, closing markup) for a tag."""
    if name in _SIMPLE:
        return f"<{_SIMPLE[name]}>", f"</{_SIMPLE[name]}>"
    if name == "quote":
        return "<blockquote>", "</blockquote>"  # Qt indents it; the palette colours it
    if name == "code":
        return "<code>", "</code>"
    if name == "user":
        return "<b>", "</b>"
    # url: a link only for a safe target; otherwise the label stays plain text
    if arg is not None and is_safe_link(arg):
        return f'<a href="{html.escape(arg.strip(), quote=True)}">', "</a>"
    return "", ""


def to_html(text: str) -> str:
    """Render BB-code text as HTML that can hold nothing the sender smuggled in."""
    text = _BARE_URL.sub(lambda m: f"[url={m.group('url')}]{m.group('url')}[/url]", text)
    out: list[str] = []
    stack: list[tuple[str, str]] = []  # (tag name, closing markup)
    last = 0
    for match in _TAG.finditer(text):
        in_link = any(name == "url" for name, _ in stack)
        out.append(_text(text[last : match.start()], link_ok=not in_link))
        last = match.end()
        name = match.group("name").lower()
        if name == "br":
            out.append("<br>")
        elif not match.group("close"):
            opening, closing = _open(name, match.group("arg"))
            out.append(opening)
            stack.append((name, closing))
        elif any(open_name == name for open_name, _ in stack):
            # Close everything opened inside it too, as an HTML parser would.
            while stack:
                open_name, closing = stack.pop()
                out.append(closing)
                if open_name == name:
                    break
        else:
            out.append(html.escape(match.group(0)))  # a stray closing tag is just text
    out.append(_text(text[last:], link_ok=not any(name == "url" for name, _ in stack)))
    out.extend(closing for _, closing in reversed(stack))
    return "".join(out)


def to_plain(text: str) -> str:
    """The text without BB-code, for one-line previews and tooltips."""
    text = _BARE_URL.sub(lambda m: m.group("url"), text)
    return _TAG.sub(lambda m: "\n" if m.group("name").lower() == "br" else "", text)
