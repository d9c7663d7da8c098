"""PL001: the placeholders `make new` writes, taken from kb/scaffold.py."""

from __future__ import annotations

import pytest
from kb.scaffold import INTRO, TEMPLATES, page_text, placeholders


def test_placeholders_come_from_the_templates():
    texts = placeholders()
    assert INTRO["zh"] in texts and INTRO["en"] in texts
    assert "(One action per step; say what the reader sees when it worked.)" in texts
    assert all(not text.startswith("1. ") for text in texts)


@pytest.mark.parametrize("kind", sorted(TEMPLATES))
def test_a_fresh_scaffold_is_reported_on_each_placeholder(make_tree, check, kind):
    zh = page_text(
        "zh",
        "新页面",
        "（请改写）说明。",
        kind,
        ["新页面"],
        ("S", "https://sellercentral.amazon.com/"),
        "new",
        "2026-11-28",
    )
    en = page_text(
        "en",
        "New page",
        "(Rewrite this) One sentence.",
        kind,
        ["new page"],
        ("S", "https://sellercentral.amazon.com/"),
        "new",
        "2026-11-28",
    )
    root = make_tree({"zh/new.md": zh, "en/new.md": en})
    findings = check(root, "PL001")
    for lang, text in (("zh", zh), ("en", en)):
        lines = {f.line for f in findings if f.path == f"docs/{lang}/new.md"}
        expected = {
            number
            for number, line in enumerate(text.split("\n"), start=1)
            if any(p in line for p in placeholders())
        }
        assert lines == expected and len(expected) >= 2


def test_written_page_passes(make_tree, page, check):
    root = make_tree(
        {"zh/a.md": page("页面", "1. 打开卖家平台。\n"), "en/a.md": page("Page", "1. Open it.\n")}
    )
    assert check(root, "PL001") == []
