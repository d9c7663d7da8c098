"""Translation rules TR001-TR004: the English tree mirrors the Chinese one."""

from __future__ import annotations

import pytest

TR = ["TR001", "TR002", "TR003", "TR004"]


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), start=1) if needle in line)


def found(findings):
    return [(f.path, f.line, f.code) for f in findings]


@pytest.fixture
def tr(make_tree, check):
    return lambda files: check(make_tree(files), *TR)


BODY_ZH = "## 原因 { #causes }\n\n正文。\n\n### 细节 { #details }\n\n正文。\n"
BODY_EN = "## Causes { #causes }\n\nText.\n\n### Details { #details }\n\nText.\n"


def test_good_pair_passes(tr, page):
    files = {"zh/a.md": page("登录问题", BODY_ZH), "en/a.md": page("Sign-in problems", BODY_EN)}
    assert tr(files) == []


def test_missing_english_page_is_tr001(tr, page):
    files = {"zh/a.md": page("登录问题"), "en/a.md": page("Sign-in"), "zh/b.md": page("重置密码")}
    findings = tr(files)
    assert found(findings) == [("docs/zh/b.md", 1, "TR001")]
    assert "docs/en/b.md" in findings[0].message


def test_missing_chinese_page_is_tr001(tr, page):
    findings = tr({"en/b.md": page("Reset password")})
    assert found(findings) == [("docs/en/b.md", 1, "TR001")]
    assert "docs/zh/b.md" in findings[0].message


@pytest.mark.parametrize(
    ("en_body", "en_needle", "zh_needle"),
    [
        (BODY_EN.replace("{ #details }", "{ #detail }"), "### Details", "### 细节"),  # ID
        (BODY_EN.replace("### Details", "## Details"), "## Details", "### 细节"),  # level
        (BODY_EN.replace("{ #causes }", "{ #why }"), "## Causes", "## 原因"),  # translated ID
    ],
)
def test_heading_difference_is_tr002_with_both_lines(tr, page, en_body, en_needle, zh_needle):
    zh = page("登录问题", BODY_ZH)
    en = page("Sign-in problems", en_body)
    findings = tr({"zh/a.md": zh, "en/a.md": en})
    assert found(findings) == [("docs/en/a.md", line_of(en, en_needle), "TR002")]
    assert f"docs/zh/a.md:{line_of(zh, zh_needle)} `{zh_needle}" in findings[0].message
    assert f"docs/en/a.md:{line_of(en, en_needle)} `{en_needle}" in findings[0].message


def test_extra_chinese_heading_is_tr002_on_the_chinese_line(tr, page):
    zh = page("登录问题", BODY_ZH + "\n## 仍未解决？ { #still-stuck }\n\n正文。\n")
    findings = tr({"zh/a.md": zh, "en/a.md": page("Sign-in problems", BODY_EN)})
    assert found(findings) == [("docs/zh/a.md", line_of(zh, "## 仍未解决"), "TR002")]
    assert "docs/en/a.md has no heading 4" in findings[0].message


@pytest.mark.parametrize(
    ("zh_title", "en_title", "bad"),
    [
        ("登录问题", "登录问题", "en"),  # copied, not translated
        ("登录问题", "Sign-in 问题", "en"),  # half translated
        ("登录问题", "Sign-in problems？", "en"),  # full-width punctuation
        ("Sign-in problems", "Sign-in problems", "en"),  # same text: both flagged
        ("Login problems", "Sign-in problems", "zh"),  # Chinese page left in English
    ],
)
def test_untranslated_title_is_tr003(tr, page, zh_title, en_title, bad):
    files = {"zh/a.md": page(zh_title), "en/a.md": page(en_title)}
    findings = tr(files)
    assert (f"docs/{bad}/a.md", 2, "TR003") in found(findings)
    assert all(f.code == "TR003" for f in findings)


@pytest.mark.parametrize(("en_date", "warned"), [("2026-10-29", False), ("2026-10-28", True)])
def test_review_dates_far_apart_are_tr004_warning(tr, page, en_date, warned):
    en = page("Sign-in problems", last_reviewed=en_date)
    findings = tr({"zh/a.md": page("登录问题"), "en/a.md": en})
    if not warned:
        assert findings == []
        return
    assert found(findings) == [("docs/en/a.md", line_of(en, "last_reviewed"), "TR004")]
    assert findings[0].severity == "warning"
    assert "31 days" in findings[0].message
