"""Front matter rules FM001-FM010 (FM009 retired: source URLs live in
data/sources.yml, see test_rules_citations.py): each passes on a good page and
reports the right code on the line of the offending key on a bad one."""

from __future__ import annotations

import pytest

FM = [f"FM{number:03}" for number in range(1, 11) if number != 9]


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), start=1) if needle in line)


def without_line(text: str, needle: str) -> str:
    return "\n".join(line for line in text.split("\n") if needle not in line)


def found(findings):
    return [(f.path, f.line, f.code) for f in findings]


@pytest.fixture
def one_page(make_tree, page, check):
    """The FM findings of one page `docs/<lang>/a.md` (its twin in the other language is valid)."""
    twins = {"zh": page("登录问题"), "en": page("Sign-in problems")}

    def run(text: str, lang: str = "zh"):
        other = "en" if lang == "zh" else "zh"
        root = make_tree({f"{lang}/a.md": text, f"{other}/a.md": twins[other]})
        return [f for f in check(root, *FM) if f.path == f"docs/{lang}/a.md"]

    return run


def test_good_pages_pass(make_tree, page, check):
    root = make_tree(
        {
            "zh/index.md": page("首页", kind="home", keywords=None, sources=None),
            "en/index.md": page("Home", kind="home", keywords=None, sources=None),
            "zh/a.md": page("登录问题", hide=["toc"], search={"boost": 2}),
            "en/a.md": page("Sign-in problems", search={"exclude": True}),
        }
    )
    # a home page may leave out keywords and sources altogether
    for name in ("index.md",):
        for lang in ("zh", "en"):
            path = root / "docs" / lang / name
            text = path.read_text(encoding="utf-8")
            text = without_line(text, "keywords: null")
            path.write_text(without_line(text, "sources: null"), encoding="utf-8")
    assert check(root, *FM) == []


def test_sources_are_ids(one_page, page):
    assert one_page(page("登录问题", sources=["sc-help-fixture", "ftc-x-2"])) == []


def test_missing_key_is_fm001_on_line_1(one_page, page):
    text = without_line(page("登录问题"), "description:")
    findings = one_page(text)
    assert found(findings) == [("docs/zh/a.md", 1, "FM001")]
    assert "`description`" in findings[0].message
    assert "description:" in findings[0].fix


def test_inline_source_is_fm005_pointing_to_the_registry(one_page, page):
    source = {"title": "Help", "url": "https://sellercentral.amazon.com/x", "accessed": "2026-11"}
    text = page("登录问题", sources=["sc-help-fixture", source])
    findings = one_page(text)
    assert found(findings) == [("docs/zh/a.md", line_of(text, "- title: Help"), "FM005")]
    assert "item 2 of `sources` is a whole source" in findings[0].message
    assert "data/sources.yml" in findings[0].message
    assert "sc-us-2sv-faq-202153510" in findings[0].fix


@pytest.mark.parametrize("bad", ["Seller Central Help", "sc_help", "https://www.ftc.gov/"])
def test_source_that_is_not_an_id_is_fm005(one_page, page, bad):
    text = page("登录问题", sources=[bad])
    findings = one_page(text)
    assert [(f.code, f.line) for f in findings] == [("FM005", line_of(text, "sources:") + 1)]
    assert "is not a source id" in findings[0].message


def test_repeated_source_id_is_fm005(one_page, page):
    findings = one_page(page("登录问题", sources=["sc-help-fixture", "sc-help-fixture"]))
    assert [f.code for f in findings] == ["FM005"]
    assert "twice" in findings[0].message


def test_article_needs_keywords_and_sources(one_page, page):
    text = without_line(page("登录问题", keywords=None), "keywords:")
    assert [f.code for f in one_page(text)] == ["FM001"]


def test_no_front_matter_is_fm002(one_page):
    assert found(one_page("# 登录问题 { #page }\n\n正文。\n")) == [("docs/zh/a.md", 1, "FM002")]


def test_unclosed_front_matter_is_fm003(one_page, page):
    text = page("登录问题").replace("---\n\n# ", "\n# ", 1)
    assert found(one_page(text)) == [("docs/zh/a.md", 1, "FM003")]


@pytest.mark.parametrize(
    ("mistake", "fixed", "words"),
    [
        ("title：登录问题", "title: 登录问题", "full-width colon"),
        ("title:登录问题", "title: 登录问题", "space after the colon"),
        ("\tdescription: x", "description: x", "tab"),
        ("title: [登录问题", "title: 登录问题", "not valid YAML"),
    ],
)
def test_invalid_yaml_is_fm004_on_its_line(one_page, page, mistake, fixed, words):
    text = page("登录问题")
    key = fixed.split(":")[0]
    original = next(line for line in text.split("\n") if line.startswith(key + ":"))
    text = text.replace(original, mistake, 1)
    findings = one_page(text)
    assert [f.code for f in findings] == ["FM004"]
    assert findings[0].line == line_of(text, mistake)
    assert words in findings[0].message


def test_front_matter_that_is_not_a_mapping_is_fm004(one_page):
    assert [f.code for f in one_page("---\n- a\n- b\n---\n\n# 标题 { #page }\n\n正文。\n")] == [
        "FM004"
    ]


def test_yaml_aliases_are_refused(one_page):
    text = "---\ntitle: &t 登录问题\ndescription: *t\n---\n\n# 登录问题 { #page }\n\n正文。\n"
    findings = one_page(text)
    assert [f.code for f in findings] == ["FM004"]
    assert "alias" in findings[0].message


def test_wrong_kind_is_fm005(one_page, page):
    text = page("登录问题", kind="troubleshoot")
    findings = one_page(text)
    assert found(findings) == [("docs/zh/a.md", line_of(text, "kind:"), "FM005")]
    assert "troubleshooting" in findings[0].message


def test_keywords_as_text_is_fm005(one_page, page):
    text = page("登录问题", keywords="登录, 登不上")
    findings = one_page(text)
    assert found(findings) == [("docs/zh/a.md", line_of(text, "keywords:"), "FM005")]
    assert "must be a list" in findings[0].message


def test_number_keyword_suggests_quotes(one_page, page):
    text = page("登录问题").replace("- fixture", "- fixture\n- +86")
    findings = one_page(text)
    assert found(findings) == [("docs/zh/a.md", line_of(text, "+86"), "FM005")]
    assert "quotes" in findings[0].fix


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("last_reviewed", "2026/11/28", "YYYY-MM-DD"),
        ("last_reviewed", "2026-02-30", "not a real date"),
        ("last_reviewed", "28.11.2026", "YYYY-MM-DD"),
    ],
)
def test_bad_date_is_fm006_on_its_line(one_page, page, key, value, words):
    text = page("登录问题")
    original = next(line for line in text.split("\n") if line.strip().startswith(key + ":"))
    text = text.replace(original, original.split(":")[0] + f": {value}", 1)
    findings = one_page(text)
    assert found(findings) == [("docs/zh/a.md", line_of(text, value), "FM006")]
    assert words in findings[0].message


@pytest.mark.parametrize(
    ("lang", "description", "ok"),
    [
        ("zh", "太短的说明。", False),
        ("zh", "本页说明密码正确却登录不了时应当先检查什么。", True),
        ("zh", "很长" * 61, False),
        ("en", "Too short for an English page.", False),
        ("en", "What to check first when the password is right but sign-in fails.", True),
        ("en", "x" * 171, False),
    ],
)
def test_description_length_depends_on_language(one_page, page, lang, description, ok):
    title = "登录问题" if lang == "zh" else "Sign-in problems"
    text = page(title, description=description)
    findings = one_page(text, lang)
    if ok:
        assert findings == []
    else:
        assert found(findings) == [(f"docs/{lang}/a.md", line_of(text, "description:"), "FM007")]


def test_unknown_key_is_fm008_with_a_suggestion(one_page, page):
    text = page("登录问题").replace("kind: guide", "kind: guide\ntittle: 登录问题\nauthor: 张三")
    findings = one_page(text)
    assert found(findings) == [
        ("docs/zh/a.md", line_of(text, "tittle:"), "FM008"),
        ("docs/zh/a.md", line_of(text, "author:"), "FM008"),
    ]
    assert "did you mean `title`" in findings[0].message


def test_hyphenated_key_is_missing_and_unknown(one_page, page):
    text = page("登录问题").replace("last_reviewed:", "last-reviewed:")
    findings = one_page(text)
    assert found(findings) == [
        ("docs/zh/a.md", 1, "FM001"),
        ("docs/zh/a.md", line_of(text, "last-reviewed:"), "FM008"),
    ]
    assert "did you mean `last_reviewed`" in findings[1].message


def test_empty_values_are_fm010(one_page, page):
    text = page("登录问题", sources=[], keywords=[])
    assert found(one_page(text)) == [
        ("docs/zh/a.md", line_of(text, "keywords:"), "FM010"),
        ("docs/zh/a.md", line_of(text, "sources:"), "FM010"),
    ]


def test_empty_title_is_fm010(one_page, page):
    text = page("登录问题").replace("title: 登录问题", "title:")
    assert ("docs/zh/a.md", 2, "FM010") in found(one_page(text))


def test_unreadable_and_empty_files_are_left_to_structure_rules(make_tree, check):
    root = make_tree({"zh/a.md": "", "zh/b.md": "标题".encode("gbk")})
    assert check(root, *FM) == []
