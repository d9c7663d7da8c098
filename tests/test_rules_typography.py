"""Chinese typography TY001: what autocorrect-py reports on a Chinese page
becomes a finding on that line, with the suggested text."""

from __future__ import annotations


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), start=1) if needle in line)


def test_well_typeset_chinese_page_passes(make_tree, page, check):
    body = "在 Seller Central 里打开**设置**（Settings），等待 60 秒。\n\n`code中文` 不检查。\n"
    root = make_tree({"zh/a.md": page("登录问题", body), "en/a.md": page("Sign-in")})
    assert check(root, "TY001") == []


def test_each_reported_line_is_a_finding_with_the_suggestion(make_tree, page, check):
    body = "打开Seller Central后,等待60秒.\n\n这一段没有问题。\n\n再点击**登录**按钮2次。\n"
    text = page("登录问题", body)
    findings = check(make_tree({"zh/a.md": text, "en/a.md": page("Sign-in")}), "TY001")
    first, second = line_of(text, "打开Seller"), line_of(text, "再点击")
    assert [(f.path, f.line, f.code) for f in findings] == [
        ("docs/zh/a.md", first, "TY001"),
        ("docs/zh/a.md", second, "TY001"),
    ]
    assert findings[0].col == 3  # the first change: between 打开 and Seller
    assert "打开 Seller Central 后，等待 60 秒。" in findings[0].message
    assert "按钮 2 次" in findings[1].message
    assert findings[0].severity == "error"


def test_front_matter_text_is_checked_too(make_tree, page, check):
    text = page("登录问题", description="本页说明无法登录Seller Central时应当先检查什么。")
    findings = check(make_tree({"zh/a.md": text, "en/a.md": page("Sign-in")}), "TY001")
    assert [(f.line, f.code) for f in findings] == [(line_of(text, "description:"), "TY001")]


def test_keywords_are_search_terms_not_prose(make_tree, page, check):
    # A YAML flow list: its half-width commas are YAML syntax, not Chinese prose.
    text = page("登录问题").replace("- fixture", "- 登不上, 登录不了", 1)
    text = text.replace("keywords:\n- 登不上, 登录不了", "keywords: [登不上, 登录不了]", 1)
    assert "keywords: [登不上, 登录不了]\n" in text
    findings = check(make_tree({"zh/a.md": text, "en/a.md": page("Sign-in")}), "TY001")
    assert findings == []


def test_english_pages_are_not_checked(make_tree, page, check):
    root = make_tree({"zh/a.md": page("登录问题"), "en/a.md": page("Sign-in", "Mixed 中文text.\n")})
    assert check(root, "TY001") == []


def test_long_line_shows_only_the_changed_part(make_tree, page, check):
    body = "这是一个很长的句子" * 12 + "包含abc这个词。\n"
    findings = check(make_tree({"zh/a.md": page("登录问题", body)}), "TY001")
    assert len(findings) == 1
    assert len(findings[0].message) < 80
    assert "`…长的句子包含 abc 这个词。`" in findings[0].message


def test_citation_markers_are_markup_not_prose(make_tree, page, check):
    body = "达到 200 笔和 5,000 美元[@src-a]。其次[@src-a; @src-b]，再点击登录。\n"
    root = make_tree({"zh/a.md": page("登录问题", body), "en/a.md": page("Sign-in")})
    assert check(root, "TY001") == []
    # Prose around a citation is still checked.
    body = "等待60秒[@src-a]。\n"
    root = make_tree({"zh/a.md": page("登录问题", body), "en/a.md": page("Sign-in")})
    assert [f.code for f in check(root, "TY001")] == ["TY001"]
