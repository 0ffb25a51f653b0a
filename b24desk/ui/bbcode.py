"""Customer text to safe rich text: a small BB-code subset, everything else escaped.

Open Lines messages come from strangers. Nothing in them is ever read as HTML: text is
escaped first, and only [b] [i] [u] [s] [quote] [code] [br] [url] [user] become markup.
Links are kept only for http(s) and plain mailto; the view opens them only when clicked.
One pass over the text with a tag stack of bounded depth, so the cost is linear in the
input whatever it holds (20,000 nested [b] or 50,000 links).
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from b24desk.ui.plaintext import tooltip, visible

WEB_SCHEMES = frozenset({"http", "https"})
MAX_DEPTH = 16  # deeper tags stay as typed: nobody nests more, and Qt's layout cost grows with it
MAX_ARG = 2048  # a [url=…] target longer than this is not a link

# Arguments stop at the next bracket and are bounded, so no match scans far ahead.
_TAG = re.compile(
    rf"\[(?P<close>/?)(?P<name>b|i|u|s|quote|code|url|user|br)(?:=(?P<arg>[^\[\]]{{0,{MAX_ARG}}}))?\]",
    re.IGNORECASE,
)
_BARE_URL_BODY = re.compile(rf"(?P<url>[^\[]{{0,{MAX_ARG}}})\[/url\]", re.IGNORECASE)
_AUTOLINK = re.compile(r"\bhttps?://[^\s<>\"']+", re.IGNORECASE)
_SIMPLE = {"b": "b", "i": "i", "u": "u", "s": "s"}
# One address, nothing else: no ?attach=, ?body=, cc lists or percent-encoded tricks.
_PLAIN_MAILTO = re.compile(r"mailto:[^\s?&#%/\\,;:<>\"'()\[\]@]+@[^\s?&#%/\\,;:<>\"'()\[\]@]+")
# What a reader takes for an address: a scheme, or a dotted host name, or an e-mail address.
_LOOKS_LIKE_URL = re.compile(
    r"^\s*(?:(?P<scheme>[a-z][a-z0-9+.-]*):(?://)?)?(?P<user>[^\s@/:]+@)?"
    r"(?P<host>(?:[\w-]+\.)+[^\W\d_][\w-]*)\.?(?:[:/?#]\S*)?\s*$",
    re.IGNORECASE,
)


def is_safe_link(url: str) -> bool:
    """http(s) to a host, or mailto with a single plain address."""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    scheme = parts.scheme.lower()
    if scheme in WEB_SCHEMES:
        return bool(parts.netloc)
    return scheme == "mailto" and _PLAIN_MAILTO.fullmatch(url) is not None


def _host(url: str) -> str:
    """The host a link goes to (for mailto: the address's domain), lower case, no `www.`."""
    url = url.strip()
    if url.lower().startswith("mailto:"):
        return url.rpartition("@")[2].lower()
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.lower().removeprefix("www.")


def misleading(label: str, target: str) -> bool:
    """Whether a link's visible text reads as an address other than where it goes."""
    found = _LOOKS_LIKE_URL.match(label)
    if found is None:
        return False
    host = found.group("host").lower().removeprefix("www.")
    scheme = (found.group("scheme") or "").lower()
    target = target.strip()
    if scheme and scheme != urlsplit(target).scheme.lower():
        return True  # "https://bank.example" that opens mailto:, or the other way round
    if found.group("user") and target.lower().startswith("mailto:"):
        # An address as the label of a mail link: the whole address must be the target's.
        address = label.strip().lower().removeprefix("mailto:")
        return address != target[len("mailto:") :].lower()
    return host != _host(target)


def _text(segment: str, link_ok: bool) -> str:
    """Escape a run of text; inside no link, make bare http(s) URLs clickable."""
    out, last = [], 0
    if link_ok:
        for match in _AUTOLINK.finditer(segment):
            out.append(html.escape(segment[last : match.start()]))
            out.append(_anchor(match.group(0)) + html.escape(match.group(0)) + "</a>")
            last = match.end()
    out.append(html.escape(segment[last:]))
    return "".join(out).replace("\n", "<br>")


def _anchor(target: str) -> str:
    """An opening <a> whose tooltip shows the real target, whatever the label says."""
    target = target.strip()
    href = html.escape(target, quote=True)
    return f'<a href="{href}" title="{html.escape(tooltip(target), quote=True)}">'


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
        return _anchor(arg), "</a>"
    return "", ""


def to_html(text: str) -> str:
    """Render BB-code text as HTML that can hold nothing the sender smuggled in."""
    text = visible(text)
    out: list[str] = []
    stack: list[tuple[str, str]] = []  # (tag name, closing markup)
    opened: dict[str, int] = {}  # tag name → how many are on the stack
    literal: dict[str, int] = {}  # tag name → openings shown as text (past MAX_DEPTH)
    last = 0
    for match in _TAG.finditer(text):
        if match.start() > last:  # tags back to back are the costly case: skip the empty run
            out.append(_text(text[last : match.start()], link_ok=not opened.get("url")))
        last = match.end()
        name = match.group("name").lower()
        if name == "br":
            out.append("<br>")
        elif not match.group("close"):
            if len(stack) >= MAX_DEPTH:
                literal[name] = literal.get(name, 0) + 1
                out.append(html.escape(match.group(0)))
                continue
            arg = match.group("arg")
            if name == "url" and arg is None:  # [url]https://…[/url]: the text is the target
                body = _BARE_URL_BODY.match(text, last)
                arg = body.group("url") if body else None
            opening, closing = _open(name, arg)
            out.append(opening)
            stack.append((name, closing))
            opened[name] = opened.get(name, 0) + 1
        elif literal.get(name):
            literal[name] -= 1  # closes an opening shown as text: text too
            out.append(html.escape(match.group(0)))
        elif opened.get(name):
            # Close everything opened inside it too, as an HTML parser would.
            while stack:
                open_name, closing = stack.pop()
                opened[open_name] -= 1
                out.append(closing)
                if open_name == name:
                    break
        else:
            out.append(html.escape(match.group(0)))  # a stray closing tag is just text
    out.append(_text(text[last:], link_ok=not opened.get("url")))
    out.extend(closing for _, closing in reversed(stack))
    return "".join(out)


def to_plain(text: str) -> str:
    """The text without BB-code, for one-line previews and tooltips."""
    return visible(_TAG.sub(lambda m: "\n" if m.group("name").lower() == "br" else "", text))
