"""MD: HTML left open, unindented admonition bodies, table cell counts,
undefined footnotes and reference links."""

from __future__ import annotations

import pytest
from kb.build import prebuild


def found(findings):
    return [(f.path, f.line, f.code) for f in findings]


def en_tree(make_tree, page, body: str):
    return make_tree(
        {
            "zh/index.md": page("首页", "文字。\n", heading_id="home"),
            "en/index.md": page("Home", body, heading_id="home"),
        }
    )


# (code, failing body, line of the finding from the body's first line, fixed body)
CASES = [
    (
        "MD001",
        "<details>\n<summary>Why?</summary>\n\nBecause.\n\n## Next { #next }\n\nText.\n",
        0,
        "<details>\n<summary>Why?</summary>\n\nBecause.\n\n</details>\n\n"
        "## Next { #next }\n\nText.\n",
    ),
    (
        "MD001",
        '<div class="kb-note" markdown>\n\nText.\n',
        0,
        '<div class="kb-note" markdown>\n\nText.\n\n</div>\n',
    ),
    (
        "MD002",
        '!!! warning "Do not share the code"\nAmazon never asks for it.\n',
        1,
        '!!! warning "Do not share the code"\n    Amazon never asks for it.\n',
    ),
    (
        "MD002",
        '??? tip "More"\n\nNot indented.\n',
        2,
        '??? tip "More"\n\n    Indented.\n',
    ),
    (
        "MD003",
        "| Step | What |\n| --- | --- |\n| 1 | Sign in | extra |\n",
        2,
        "| Step | What |\n| --- | --- |\n| 1 | Sign in \\| or not |\n",
    ),
    (
        "MD003",
        "| A | B | C |\n| --- | --- | --- |\n| 1 | 2 |\n",
        2,
        "| A | B | C |\n| --- | --- | --- |\n| 1 | 2 | `a|b` |\n",
    ),
    (
        "MD004",
        "Held for three days.[^hold]\n",
        0,
        "Held for three days.[^hold]\n\n[^hold]: Help item 202110760.\n",
    ),
    (
        "MD005",
        "Reset it on the [sign-in page][sc].\n",
        0,
        "Reset it on the [sign-in page][SC].\n\n[sc]: https://sellercentral.amazon.com/\n",
    ),
]


@pytest.mark.parametrize(("code", "bad", "offset", "good"), CASES)
def test_fails_then_passes_when_fixed(make_tree, page, check, line, code, bad, offset, good):
    assert found(check(en_tree(make_tree, page, bad), code)) == [
        ("docs/en/index.md", line(offset), code)
    ]


@pytest.mark.parametrize(("code", "bad", "offset", "good"), CASES)
def test_fixed_passes(make_tree, page, check, code, bad, offset, good):
    root = make_tree(
        {
            "zh/index.md": page("首页", "文字。\n", heading_id="home"),
            "en/index.md": page("Home", good, heading_id="home"),
        },
    )
    assert found(check(root, code)) == []


def test_code_blocks_are_not_read(make_tree, page, check):
    body = "```markdown\n<details>\n!!! note\nno indent\n[x][nowhere] [^nowhere]\n```\n"
    root = en_tree(make_tree, page, body)
    assert found(check(root, "MD001", "MD002", "MD004", "MD005")) == []


def test_citations_side_by_side_are_not_a_reference_link(make_tree, page, check):
    root = en_tree(make_tree, page, "Two sources agree [@a-source][@b-source].\n")
    assert found(check(root, "MD005")) == []


def _pair(page, zh_body="文字。\n", en_body="Text.\n", **meta):
    return {
        "zh/index.md": page("首页", zh_body, heading_id="home", **meta),
        "en/index.md": page("Home", en_body, heading_id="home", **meta),
    }


def test_snippet_outside_includes_or_missing_is_found(make_tree, page, check, line):
    body = (
        '--8<-- "../../README.md"\n\n```text\n--8<-- "missing.md"\n```\n\n'
        '--8<-- "abbreviations.en.md"\n'
    )
    files = _pair(page, en_body=body)
    files["docs/includes/abbreviations.en.md"] = "*[2SV]: Two-Step Verification\n"
    root = make_tree(files)
    findings = check(root, "MD006")
    assert [(f.line, "outside" in f.message) for f in findings] == [
        (line(0), True),
        (line(3), False),
    ]
    # make build stops before MkDocs does, with the same line instead of a traceback.
    assert any(
        ": MD006 snippet `../../README.md`" in problem for problem in prebuild.problems(root)
    )


def test_snippet_in_includes_or_escaped_passes(make_tree, page, check):
    # pymdownx.snippets runs before Markdown: in code the line must be escaped (;--8<--).
    body = '--8<-- "abbreviations.en.md"\n\n```text\n;--8<-- "anything.md"\n```\n'
    files = _pair(page, en_body=body)
    files["docs/includes/abbreviations.en.md"] = "*[2SV]: Two-Step Verification\n"
    assert check(make_tree(files), "MD006") == []
