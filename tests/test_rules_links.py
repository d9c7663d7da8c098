"""LK: relative links, images and anchors resolve in the Markdown source."""

from __future__ import annotations

import pytest

LK = ("LK001", "LK002", "LK003", "LK004")


@pytest.fixture
def tree(make_tree, page):
    """A zh tree whose target pages have headings with IDs; `body` goes in sign-in/index.md."""

    def build(body: str, extra: dict | None = None):
        files = {
            "zh/index.md": page("首页", "正文。\n"),
            "zh/sign-in/index.md": page("登录问题", body, heading_id="sign-in"),
            "zh/sign-in/reset-password.md": page(
                "重置密码",
                "## 解决步骤 { #steps }\n\n1. 打开页面。\n\n"
                '提示段落。\n{ #tip }\n\n<p id="raw-html-id">x</p>\n',
                heading_id="reset-password",
            ),
            "zh/security/phishing.md": page("钓鱼", "## 症状 { #symptoms }\n\n正文。\n"),
            "zh/img/shot.png": b"\x89PNG\r\n\x1a\n",
            "en/index.md": page("Home", "Text.\n"),
        }
        files.update(extra or {})
        return make_tree(files)

    return build


def codes_and_lines(findings):
    return [(f.code, f.path, f.line) for f in findings]


GOOD_BODY = """\
正文。

- [重置密码](reset-password.md)
- [步骤](reset-password.md#steps)
- [提示](reset-password.md#tip)
- [原始 HTML](reset-password.md#raw-html-id)
- [钓鱼](../security/phishing.md#symptoms)
- [首页](../index.md)
- [本页](#sign-in)
- [外部](https://www.ftc.gov/)
- [邮件](mailto:stop-spoofing@amazon.com)

![登录页截图](../img/shot.png)

`[代码里的链接](missing.md)`
"""


def test_good_links_pass(tree, check):
    assert check(tree(GOOD_BODY), *LK) == []


def test_missing_page_reports_line_and_suggestion(tree, check, line):
    root = tree("正文。\n\n见[重置](reset-pasword.md)。\n")
    findings = check(root, *LK)
    assert codes_and_lines(findings) == [("LK001", "docs/zh/sign-in/index.md", line(2))]
    assert "docs/zh/sign-in/reset-pasword.md does not exist" in findings[0].message
    assert "reset-password.md" in findings[0].message  # did you mean


def test_letter_case_is_named(tree, check):
    [finding] = check(tree("[重置](Reset-Password.md)\n"), "LK001")
    assert "letter case differs" in finding.message


def test_missing_image_and_outside_docs(tree, check, line):
    root = tree("![截图](../img/missing.png)\n\n[说明](../../../README.md)\n")
    findings = check(root, "LK001")
    assert [(f.code, f.line) for f in findings] == [("LK001", line(0)), ("LK001", line(2))]
    assert "image" in findings[0].message
    assert "outside docs/zh/" in findings[1].message


def test_link_to_other_language_folder_is_outside(tree, check):
    [finding] = check(tree("[English](../../en/index.md)\n"), "LK001")
    assert "outside docs/zh/" in finding.message


def test_missing_anchor(tree, check, line):
    root = tree("正文。\n\n[步骤](reset-password.md#step)\n\n[本页](#nowhere)\n")
    findings = check(root, *LK)
    assert codes_and_lines(findings) == [
        ("LK002", "docs/zh/sign-in/index.md", line(2)),
        ("LK002", "docs/zh/sign-in/index.md", line(4)),
    ]
    assert "#step" in findings[0].message and "steps" in findings[0].message


def test_anchor_of_heading_without_id_uses_generated_slug(tree, check, page):
    root = tree(
        "[a](faq.md#plain-heading)\n",
        {"zh/sign-in/faq.md": page("FAQ", "## Plain heading\n\ntext\n", heading_id="faq")},
    )
    assert check(root, "LK002") == []


def test_built_addresses_are_reported_with_the_md_fix(tree, check, line):
    root = tree(
        "[a](reset-password.html)\n\n[b](reset-password/)\n\n[c](../security/phishing/#symptoms)\n"
    )
    findings = check(root, *LK)
    assert [(f.code, f.line) for f in findings] == [
        ("LK003", line(0)),
        ("LK003", line(2)),
        ("LK003", line(4)),
    ]
    assert "reset-password.md" in findings[0].fix
    assert "../security/phishing.md#symptoms" in findings[2].fix


def test_absolute_site_links(tree, check, line):
    root = tree(
        "[a](/sign-in/reset-password/)\n\n"
        "[b](https://seller-access-guide.github.io/security/phishing/#symptoms)\n\n"
        "[c](https://seller-access-guide.github.io/en/)\n"
    )
    findings = check(root, *LK)
    assert [(f.code, f.line) for f in findings] == [
        ("LK004", line(0)),
        ("LK004", line(2)),
        ("LK004", line(4)),
    ]
    assert "reset-password.md" in findings[0].fix
    assert "../security/phishing.md#symptoms" in findings[1].fix
    assert "own language" in findings[2].fix  # the English home page: link the Chinese one


def test_empty_link_target(tree, check):
    assert [f.code for f in check(tree("[空]()\n"), *LK)] == ["LK001"]


def test_raw_html_links_are_left_to_lychee(tree, check):
    # MkDocs does not rewrite raw HTML, so these resolve against the built page.
    assert check(tree('<a href="../security/phishing/">钓鱼</a>\n'), *LK) == []


def test_unreadable_page_does_not_break_the_rules(tree, check):
    root = tree("正文\n", {"zh/broken.md": b"\xff\xfe\x00garbage"})
    assert check(root, *LK) == []
