"""Freshness FR001 (warning after 180 days) and FR002 (error after 365 days),
with today pinned by KB_TODAY."""

from __future__ import annotations

import pytest


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), start=1) if needle in line)


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setenv("KB_TODAY", "2026-11-28")


@pytest.mark.parametrize(
    ("reviewed", "expected"),
    [
        ("2026-11-28", []),
        ("2026-06-01", []),  # 180 days: still fresh
        ("2026-05-31", [("FR001", "warning", "181 days")]),
        ("2025-11-28", [("FR001", "warning", "365 days")]),
        ("2025-11-27", [("FR002", "error", "366 days")]),
        ("2020-01-01", [("FR002", "error", "2523 days")]),
    ],
)
def test_review_age(make_tree, page, check, reviewed, expected):
    text = page("登录问题", last_reviewed=reviewed)
    findings = check(make_tree({"zh/a.md": text}), "FR001", "FR002")
    assert [
        (f.code, f.severity, f.message.split("ago")[0].split("reviewed ")[1].strip())
        for f in findings
    ] == expected
    for finding in findings:
        assert (finding.path, finding.line) == ("docs/zh/a.md", line_of(text, "last_reviewed"))


@pytest.mark.parametrize("reviewed", ["2026/11/28", "yesterday", None])
def test_malformed_date_is_left_to_the_front_matter_rules(make_tree, page, check, reviewed):
    root = make_tree({"zh/a.md": page("登录问题", last_reviewed=reviewed)})
    assert check(root, "FR001", "FR002") == []


def test_today_follows_kb_today(make_tree, page, check, monkeypatch):
    root = make_tree({"zh/a.md": page("登录问题", last_reviewed="2026-11-28")})
    monkeypatch.setenv("KB_TODAY", "2028-01-01")
    assert [f.code for f in check(root, "FR001", "FR002")] == ["FR002"]


@pytest.mark.parametrize(("reviewed", "bad"), [("2026-11-28", False), ("2026-11-29", True)])
def test_review_date_in_the_future(make_tree, page, check, reviewed, bad):
    text = page("登录问题", last_reviewed=reviewed)
    root = make_tree({"zh/index.md": text, "en/index.md": page("Sign-in")})
    findings = check(root, "FR003")
    assert [(f.path, f.line) for f in findings] == (
        [("docs/zh/index.md", line_of(text, "last_reviewed"))] if bad else []
    )


def _pair(page, zh_body="文字。\n", en_body="Text.\n", **meta):
    return {
        "zh/index.md": page("首页", zh_body, heading_id="home", **meta),
        "en/index.md": page("Home", en_body, heading_id="home", **meta),
    }


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "Amazon recently changed the verification steps."),
        ("en", "Amazon now requires a passkey for every sign-in."),
        ("en", "Amazon has just added a new step."),
        ("zh", "亚马逊最近修改了验证步骤。"),
        ("zh", "现在亚马逊要求每次登录都输入验证码。"),
        ("zh", "目前已经不再支持语音验证。"),
        # a time counted from the day of writing: last month, 上个月, 今年起
        ("en", "Last month Amazon changed the sign-in page."),
        ("en", "A few weeks ago Amazon introduced passkeys."),
        ("zh", "上个月亚马逊改了这个页面。"),
        ("zh", "今年起必须用通行密钥登录。"),
    ],
)
def test_a_change_told_by_recently_or_now_is_found(make_tree, page, check, line, lang, sentence):
    files = _pair(page, kind="troubleshooting")
    key = f"{lang}/index.md"
    files[key] = page(
        "首页" if lang == "zh" else "Home", sentence + "\n", heading_id="home", kind="guide"
    )
    findings = check(make_tree(files), "FR004")
    assert [(f.path, f.line) for f in findings] == [(f"docs/{key}", line(0))]


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "Since 27 June 2023, Amazon requires high-volume sellers to verify."),
        ("en", "Enter only the most recent code."),
        ("en", "Replace it with your own number now: see Change."),
        ("en", "You can now sign in."),
        ("zh", "只有最近收到的那个验证码有效。"),
        ("zh", "填入最近 24 个月每月的销售笔数。"),
        ("zh", "下个月再来查看收款记录。"),
        ("en", "Check your payments again next month."),
        ("zh", "自 2023 年 6 月 27 日起，亚马逊要求高销量卖家完成验证。"),
    ],
)
def test_a_dated_change_or_another_recent_passes(make_tree, page, check, lang, sentence):
    files = _pair(page)
    key = f"{lang}/index.md"
    files[key] = page(
        "首页" if lang == "zh" else "Home", sentence + "\n", heading_id="home", kind="guide"
    )
    assert check(make_tree(files), "FR004") == []
