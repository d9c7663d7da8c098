"""YUE rules (kb/rules/yue_written_cantonese.py): `make check` validates the
written-Cantonese list with the build step's own loader
(kb/build/search_index.py), and the build converts its entries to the
Simplified characters a converted query holds."""

from __future__ import annotations

import pytest
from kb.build import search_index

YUE_CODES = ("YUE001", "YUE002", "YUE003", "YUE004")
VALID = "words:\n  - {cantonese: 唔見, mandarin: 不见}\n  - {cantonese: 咗, mandarin: 了}\n"


@pytest.fixture
def cantonese_tree(make_tree, page):
    def build(text):
        return make_tree(
            {
                "zh/index.md": page("首页", kind="home"),
                "en/index.md": page("Home", kind="home"),
                "data/written-cantonese.yml": text,
            }
        )

    return build


def test_valid_list_passes(cantonese_tree, check):
    assert check(cantonese_tree(VALID), *YUE_CODES) == []


@pytest.mark.parametrize(
    ("old", "new", "code", "line"),
    [
        ("{cantonese: 咗, mandarin: 了}", "{cantonese: 咗, mandarin: 了", "YUE001", 4),
        ("{cantonese: 咗, mandarin: 了}", "{cantonese: 咗}", "YUE002", 3),
        ("{cantonese: 咗, mandarin: 了}", "{cantonese: zo, mandarin: 了}", "YUE002", 3),
        ("{cantonese: 咗, mandarin: 了}", "{cantonese: 了, mandarin: 了}", "YUE003", 3),
        ("{cantonese: 咗, mandarin: 了}", "{cantonese: 唔見, mandarin: 丢失}", "YUE004", 3),
    ],
)
def test_a_bad_list_is_reported_as_the_build_reports_it(
    cantonese_tree, check, old, new, code, line
):
    root = cantonese_tree(VALID.replace(old, new))
    findings = check(root, *YUE_CODES)
    assert [(f.path, f.code) for f in findings] == [("data/written-cantonese.yml", code)]
    with pytest.raises(search_index.SearchIndexError) as error:  # the build step
        search_index.load_cantonese(root / "data" / "written-cantonese.yml")
    assert error.value.code == code
    assert findings[0].line == error.value.line
    if code != "YUE001":  # a YAML error's line is where the parser gave up
        assert findings[0].line == line


def test_undecodable_list_is_yue001_not_a_traceback(cantonese_tree, check):
    assert [f.code for f in check(cantonese_tree(b"words: \xff\xfe"), *YUE_CODES)] == ["YUE001"]


def test_tree_without_the_list_has_no_yue_findings(make_tree, page, check):
    root = make_tree({"zh/index.md": page("首页", kind="home"), "en/index.md": page("Home")})
    assert check(root, *YUE_CODES) == []


def test_the_projects_list_loads_and_converts_as_queries_are():
    converter = search_index.TraditionalToSimplified()
    pairs = dict(search_index.converted_cantonese(search_index.load_cantonese(), converter))
    assert pairs["系咪"] == "是不是"  # 係 reads 系 once the query is converted
    assert pairs["唔见"] == "不见"
    # 係 and 點 are Mandarin words too (關係, 點擊): only inside longer entries
    assert "系" not in pairs and "点" not in pairs


def test_an_entry_the_articles_write_is_left_out_of_the_index():
    index = {
        "docs": [
            {"location": "sign-in/", "title": "登录", "text": "<p>使\u200b用\u200b密码</p>"},
            {"location": "contributing/rules/", "title": "规则", "text": "<p>唔 咗</p>"},
        ]
    }
    pairs = [["使", "需要"], ["唔", "不"], ["咗", "了"]]
    # 使 of 使用 would be rewritten in every query; the contributor page's
    # 唔 and 咗 (quoting the list) do not count.
    assert search_index.absent_from_articles(index, pairs) == [["唔", "不"], ["咗", "了"]]
