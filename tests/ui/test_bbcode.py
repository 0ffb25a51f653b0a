"""Hostile customer text stays text; the safe BB-code subset becomes markup."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QTextDocument

from b24desk.portal.seed import HOSTILE_TEXTS
from b24desk.ui.bbcode import is_safe_link, to_html, to_plain


def shown(html_text: str) -> str:
    """What a reader sees: the document's plain text after Qt parsed the rich text."""
    document = QTextDocument()
    document.setHtml(html_text)
    return document.toPlainText()


def anchors(html_text: str) -> list[str]:
    document = QTextDocument()
    document.setHtml(html_text)
    found = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isAnchor():
                found.append(fmt.anchorHref())
            it += 1
        block = block.next()
    return found


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert('xss')</script>",
        "<img src=x onerror=alert(1)>",
        '<b>not bold</b> & "quotes"',
        "<a href='javascript:alert(1)'>x</a>",
    ],
)
def test_html_in_customer_text_is_shown_literally(qapp, text):
    rendered = to_html(text)
    assert "<script" not in rendered and "<img" not in rendered
    assert shown(rendered) == text


def test_javascript_url_tag_keeps_label_but_no_link(qapp):
    rendered = to_html("[url=javascript:alert(1)]нажмите здесь[/url]")
    assert shown(rendered) == "нажмите здесь"
    assert anchors(rendered) == []


def test_safe_subset_becomes_markup(qapp):
    rendered = to_html(
        "[b]Жирный[/b] [i]курсив[/i] [url=https://example.com/price]прайс[/url][br]"
        "[USER=5]Мария Иванова[/USER] [quote]цитата[/quote]"
    )
    assert "<b>Жирный</b>" in rendered and "<i>курсив</i>" in rendered
    assert anchors(rendered) == ["https://example.com/price"]
    assert "Мария Иванова" in shown(rendered)


def test_bare_links_and_mailto_are_clickable(qapp):
    rendered = to_html("see https://example.com/a?b=1&c=2 or [url]mailto:help@example.com[/url]")
    assert anchors(rendered) == ["https://example.com/a?b=1&c=2", "mailto:help@example.com"]


def test_unbalanced_tags_do_not_break_the_page(qapp):
    rendered = to_html("[b]open [i]nested[/b] stray[/u]")
    assert shown(rendered) == "open nested stray[/u]"


def test_every_seeded_hostile_text_renders_as_its_own_text(qapp):
    allowed = {"a", "b", "i", "u", "s", "br", "blockquote", "code"}
    for text in HOSTILE_TEXTS:
        rendered = to_html(text)
        assert {t.lower() for t in re.findall(r"</?([a-zA-Z]+)", rendered)} <= allowed
        assert all(is_safe_link(href) for href in anchors(rendered))
        if "[" not in text:
            assert shown(rendered) == text


def test_link_safety():
    assert is_safe_link("https://a.b") and is_safe_link("mailto:x@y.z")
    assert not is_safe_link("javascript:alert(1)") and not is_safe_link("file:///etc/passwd")
    assert not is_safe_link(" JaVaScRiPt:alert(1)")


def test_plain_preview():
    assert to_plain("[b]Hi[/b][br][url=https://x.y]там[/url]") == "Hi\nтам"
