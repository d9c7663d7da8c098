"""DR: dates, amounts, day counts and list items that differ between the two
languages of a page (per section, matched by heading ID); Chinese prose on
English pages."""

from __future__ import annotations

import pytest


def twins(make_tree, page, zh_body: str, en_body: str):
    return make_tree(
        {
            "zh/index.md": page("首页", zh_body, heading_id="home"),
            "en/index.md": page("Home", en_body, heading_id="home"),
        }
    )


def found(findings):
    return [(f.path, f.line, f.code, f.severity.value) for f in findings]


SAME = [
    ("该法于 2023 年 6 月 27 日生效。\n", "The law took effect on 27 June 2023.\n"),
    ("该法于 2023 年 6 月 27 日生效。\n", "The law took effect on June 27, 2023.\n"),
    ("表格写 2023-06-27。\n", "Tables say 2023-06-27.\n"),
    ("总收入 5,000 美元以上。\n", "US$5,000 or more in revenue.\n"),
    ("支付 200 万美元。\n", "Pays $2 million.\n"),
    ("在 10 天内提交。\n", "Submit within 10 days.\n"),
    ("付款保留三天。\n", "A three-day hold.\n"),
    ("1. 打开。\n2. 选择。\n", "1. Open.\n2. Choose.\n"),
    ("`2023-06-28` 是代码。\n", "`2023-06-27` is code.\n"),
]


@pytest.mark.parametrize(("zh", "en"), SAME)
def test_same_facts_pass(make_tree, page, check, zh, en):
    root = twins(make_tree, page, zh, en)
    assert found(check(root, "DR001", "DR002", "DR003", "DR004", "DR005")) == []


@pytest.mark.parametrize(
    ("code", "zh", "en"),
    [
        ("DR001", "该法于 2023 年 6 月 28 日生效。\n", "The law took effect on 27 June 2023.\n"),
        ("DR002", "总收入 20,000 美元以上。\n", "US$5,000 or more in revenue.\n"),
        ("DR003", "在 3 天内提交。\n", "Submit within 10 days.\n"),
    ],
)
def test_a_fact_changed_on_one_side_is_reported_on_both(make_tree, page, check, line, code, zh, en):
    root = twins(make_tree, page, zh, en)
    findings = check(root, code)
    assert found(findings) == [
        ("docs/en/index.md", line(0), code, "warning"),
        ("docs/zh/index.md", line(0), code, "warning"),
    ]
    assert "docs/zh/index.md" in findings[0].message and "docs/en/index.md" in findings[1].message


def test_sections_are_compared_by_heading_id(make_tree, page, check, line):
    zh = "## 期限 { #deadline }\n\n在 10 天内。\n\n## 其他 { #other }\n\n文字。\n"
    en = "## Deadline { #deadline }\n\nText.\n\n## Other { #other }\n\nWithin 10 days.\n"
    findings = check(twins(make_tree, page, zh, en), "DR003")
    assert {(f.path, f.line) for f in findings} == {
        ("docs/zh/index.md", line(2)),
        ("docs/en/index.md", line(6)),
    }


def test_a_step_added_in_one_language(make_tree, page, check, line):
    root = twins(make_tree, page, "1. 打开。\n", "1. Open.\n2. Choose Settings.\n")
    assert found(check(root, "DR004")) == [("docs/en/index.md", line(1), "DR004", "warning")]


@pytest.mark.parametrize(
    ("en", "bad"),
    [
        ("Open Settings. 然后点击“登录设置”，再选择“两步验证”。\n", True),
        ("亚马逊会在十天内审核你的资料\n", True),
        ("A report republished by 卖家之家 on 26 January 2024.\n", False),
        ('An option reading "不，我是个人卖家" ("No, I am an individual seller").\n', False),
        ("`请改用语音电话。` is an example.\n", False),
    ],
)
def test_chinese_prose_on_an_english_page(make_tree, page, check, line, en, bad):
    root = twins(make_tree, page, "文字。\n", en)
    assert bool(check(root, "DR005")) is bad
