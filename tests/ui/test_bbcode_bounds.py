"""BB-code conversion stays linear and bounded whatever a message holds; links say where they go."""

from __future__ import annotations

import time

import pytest
from PySide6.QtGui import QTextDocument

from b24desk.ui.bbcode import MAX_DEPTH, is_safe_link, misleading, to_html, to_plain
from b24desk.ui.plaintext import MARK, tooltip, visible

from .test_bbcode import anchors, shown

HOSTILE = {
    "1 MB of text": "Привет, мир! " * 80_000,
    "20,000 nested [b]": "[b]" * 20_000 + "x" + "[/b]" * 20_000,
    "50,000 links": "[url=https://example.com/a]ссылка[/url] " * 50_000,
    "50,000 unclosed [url=": "[url=" * 50_000,
    "50,000 [url] without end": "[url]https://e.example/" * 50_000,
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_input_converts_in_linear_time(name):
    # Before: 30 s for the nested tags, 24 s for the links (quadratic).
    text = HOSTILE[name]
    started = time.perf_counter()
    to_html(text)
    assert time.perf_counter() - started < 2.0, name


def test_nesting_is_capped_and_the_rest_stays_text(qapp):
    text = "[b]" * 100 + "x" + "[/b]" * 100
    html_text = to_html(text)
    assert html_text.count("<b>") == MAX_DEPTH == html_text.count("</b>")
    document = QTextDocument()
    document.setHtml(html_text)
    assert document.toPlainText() == "[b]" * (100 - MAX_DEPTH) + "x" + "[/b]" * (100 - MAX_DEPTH)


def test_tags_under_the_cap_still_pair_up(qapp):
    html_text = to_html("[b][i]жирный курсив[/i][/b] и [quote]цитата[/quote]")
    assert "<b><i>жирный курсив</i></b>" in html_text
    assert "[" not in shown(html_text)


def test_mailto_only_with_a_plain_address():
    assert is_safe_link("mailto:anna@example.com")
    for url in (
        "mailto:anna@example.com?attach=/etc/passwd",
        "mailto:anna@example.com?body=x",
        "mailto:a@example.com,b@example.com",
        "mailto:anna@example.com%3Fattach=x",
        "mailto:",
        "https://",
    ):
        assert not is_safe_link(url), url


def test_mailto_with_attach_is_no_link(qapp):
    html_text = to_html("[url=mailto:anna@example.com?attach=/etc/passwd]письмо[/url]")
    assert anchors(html_text) == []
    assert shown(html_text) == "письмо"


def test_every_link_shows_its_target_on_hover(qapp):
    document = QTextDocument()
    document.setHtml(to_html("[url=https://evil.example/x]https://bank.example[/url]"))
    fmt = document.begin().begin().fragment().charFormat()
    assert fmt.anchorHref() == "https://evil.example/x"
    tip = QTextDocument()
    tip.setHtml(fmt.toolTip())
    assert tip.toPlainText() == "https://evil.example/x"


@pytest.mark.parametrize(
    ("label", "target"),
    [
        ("https://bank.example", "https://evil.example/x"),
        ("www.bank.example/login", "https://evil.example/"),
        ("bank.example", "https://evil.example/"),
        ("support@bank.example", "mailto:thief@evil.example"),
        ("support@bank.example", "mailto:thief@bank.example"),
        ("сбербанк.рф", "https://evil.example/"),
        ("https://bank.example", "mailto:x@bank.example"),
    ],
)
def test_a_label_naming_another_address_is_misleading(label, target):
    assert misleading(label, target)


@pytest.mark.parametrize(
    ("label", "target"),
    [
        ("прайс", "https://evil.example/"),
        ("https://example.com/a", "https://example.com/b"),
        ("www.example.com", "https://example.com/"),
        ("Example.COM", "http://example.com"),
        ("anna@example.com", "mailto:anna@example.com"),
        ("mailto:Anna@Example.com", "mailto:anna@example.com"),
        ("версия 1.2", "https://example.com/"),
        ("Привет. Как дела?", "https://example.com/"),
        ("нажмите здесь", "mailto:x@y.example"),
    ],
)
def test_a_label_naming_its_own_target_or_no_address_is_fine(label, target):
    assert not misleading(label, target)


def test_hidden_characters_are_made_visible(qapp):
    spoof = "Anna\u202egnp.exe\u200b\u2066x\u2069"
    assert visible(spoof) == f"Anna{MARK}gnp.exe{MARK}{MARK}x{MARK}"
    assert visible("Обычный текст, tab\tи\nперенос") == "Обычный текст, tab\tи\nперенос"
    family = "\U0001f469\u200d\U0001f4bb"  # woman technologist: the joiner builds one emoji
    assert visible(family) == family
    assert visible("a\u200db") == f"a{MARK}b"
    assert "\u202e" not in shown(to_html(spoof)) and "\u202e" not in to_plain(spoof)


def test_tooltip_shows_markup_literally(qapp):
    document = QTextDocument()
    document.setHtml(tooltip('<a href="file:///etc/passwd">Anna</a>\n<h1>x</h1>'))
    assert document.toPlainText() == '<a href="file:///etc/passwd">Anna</a>\n<h1>x</h1>'
