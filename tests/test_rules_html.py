"""HT: raw HTML by allowlist, markup in tooltip texts, SVG files, symlinks."""

from __future__ import annotations

import os

import pytest


def found(findings):
    return [(f.path, f.line, f.code) for f in findings]


def tree_with(make_tree, page, body: str, extra: dict | None = None):
    files = {
        "zh/index.md": page("首页", "文字。\n", heading_id="home"),
        "en/index.md": page("Home", body, heading_id="home"),
    }
    return make_tree({**files, **(extra or {})})


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ('<form action="https://collect.example/"><input name="otp"></form>\n', "HT002"),
        ('<meta http-equiv="refresh" content="0; url=https://example.com/">\n', "HT001"),
        ('<link rel="stylesheet" href="https://cdn.example/x.css">\n', "HT001"),
        ("<style>body { display: none }</style>\n", "HT001"),
        ('<base href="https://example.com/">\n', "HT001"),
        ('<p style="color: red">Red</p>\n', "HT002"),
        ('<span title="&lt;img src=x onerror=alert(1)&gt;">2SV</span>\n', "HT003"),
        ("*[OTP]: One-time password &lt;img src=x onerror=alert(1)&gt;\n", "HT003"),
        ('[Help](https://sellercentral.amazon.com/ "&lt;b&gt;bold&lt;/b&gt;")\n', "HT003"),
        ('Text { title="&lt;svg onload=alert(1)&gt;" }\n', "HT003"),
        ('Text { style="color: red" }\n', "HT002"),
    ],
)
def test_active_html_fails(make_tree, page, check, body, code, line):
    root = tree_with(make_tree, page, body)
    assert ("docs/en/index.md", line(0), code) in found(check(root, code))


@pytest.mark.parametrize(
    "body",
    [
        '<div class="kb-note" markdown>\n\nText.\n\n</div>\n',
        '<table class="kb-table"><thead><tr><th scope="col">A</th></tr></thead></table>\n',
        '<form class="kb-self-check" hidden><input type="number" name="n" required></form>\n',
        "*[OTP]: One-time password: a verification code that works once\n",
        '[Help](https://sellercentral.amazon.com/ "Seller Central help")\n',
        "`<script>alert(1)</script>` shown as code\n",
        '```html\n<form action="https://x.example/"></form>\n```\n',
        "## Heading { #heading }\n",
    ],
)
def test_site_html_passes(make_tree, page, check, body):
    root = tree_with(make_tree, page, body)
    assert found(check(root, "HT001", "HT002", "HT003", "LP006")) == []


def test_includes_are_checked_like_pages(make_tree, page, check):
    root = tree_with(
        make_tree,
        page,
        "Text.\n",
        {
            "docs/includes/abbreviations.zh.md": (
                "*[2SV]: 两步验证\n<script>alert(1)</script>\n"
                "*[OTP]: 一次性密码 &lt;img src=x onerror=alert(1)&gt;\n"
            )
        },
    )
    findings = found(check(root, "HT003", "LP006"))
    assert ("docs/includes/abbreviations.zh.md", 2, "LP006") in findings
    assert ("docs/includes/abbreviations.zh.md", 3, "HT003") in findings


@pytest.mark.parametrize(
    ("svg", "bad"),
    [
        ('<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>', False),
        ('<svg xmlns="http://www.w3.org/2000/svg"><use href="#a"/></svg>', False),
        ('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', True),
        ('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', True),
        (
            '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>',
            True,
        ),
        (
            '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
            '<image xlink:href="https://tracker.example/p.png"/></svg>',
            True,
        ),
        ('<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg"/>', True),
    ],
)
def test_svg_files(make_tree, page, check, svg, bad):
    root = tree_with(make_tree, page, "Text.\n", {"en/assets/picture.svg": svg})
    findings = set(found(check(root, "HT004")))
    assert findings == ({("docs/en/assets/picture.svg", 1, "HT004")} if bad else set())


def test_symlink_under_docs(make_tree, page, check, tmp_path):
    root = tree_with(make_tree, page, "Text.\n")
    (tmp_path / "secret.txt").write_text("token", encoding="utf-8")
    os.symlink(tmp_path / "secret.txt", root / "docs" / "en" / "notes.txt")
    os.symlink(tmp_path, root / "docs" / "zh" / "folder")
    findings = found(check(root, "HT005"))
    assert findings == [
        ("docs/en/notes.txt", 0, "HT005"),
        ("docs/zh/folder", 0, "HT005"),
    ]
