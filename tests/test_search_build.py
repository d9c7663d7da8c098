"""The search build step's query-side data (kb/build/search_index.py): the
input-method slip list, the OpenCC table, page boosts, the word list and the
keyword phrases."""

from __future__ import annotations

import pytest
from kb.build import search_index


def test_the_slip_list_loads():
    pairs = search_index.load_confusions()
    assert ["登陆", "登录"] in pairs
    assert all(slip != meant for slip, meant in pairs)


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("confusions: [unclosed\n", "IMC001", 2),
        ("confusions:\n  - {slip: 登陆}\n", "IMC002", 2),
        ("confusions:\n  - {slip: dl, meant: 登录}\n", "IMC002", 2),
        ("confusions:\n  - {slip: 登录, meant: 登录}\n", "IMC003", 2),
        (
            "confusions:\n  - {slip: 登陆, meant: 登录}\n  - {slip: 登陆, meant: 登入}\n",
            "IMC004",
            3,
        ),
    ],
)
def test_a_bad_slip_list_is_reported_with_its_line(tmp_path, text, code, line):
    path = tmp_path / "confusions.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(search_index.SearchIndexError) as error:
        search_index.load_confusions(path)
    assert str(error.value).startswith(f"{path}:{line}: {code} ")


@pytest.fixture(scope="module")
def converter():
    return search_index.TraditionalToSimplified()


def test_opencc_table_keeps_only_what_the_index_holds(converter):
    table = converter.table_for("清除浏览器缓存 收不到短信验证码 登录")
    assert table["phrases"]["快取"] == "缓存"  # Taiwan phrase, not 快取 by character
    assert table["phrases"]["簡訊"] == "短信"
    assert table["chars"]["驗"] == "验"
    assert "龍" not in table["chars"], "the index has no 龙"
    # a phrase whose character-by-character form the index uses stays literal
    assert "啟用" not in converter.table_for("启用 激活")["phrases"]


def test_page_boost_by_kind_and_section():
    assert search_index.page_boost({"kind": "home"}, "") < 1
    assert search_index.page_boost({"kind": "overview"}, "sign-in/") < 1
    assert search_index.page_boost({"kind": "troubleshooting"}, "sign-in/wrong/") == 1
    assert search_index.page_boost({"kind": "guide"}, "contributing/") < 0.5
    assert search_index.page_boost({"kind": ["not", "a", "kind"]}, "x/") == 1


def test_keyword_words_are_counted_once_per_page():
    words = search_index.unique_keyword_words(
        ["两步验证\u200b两步\u200b验证", "设置\u200b两步验证"]
    )
    assert words == ["两步验证\u200b两步\u200b验证", "设置"]


def test_word_list_holds_what_the_query_side_looks_up():
    index = {
        "config": {"separator": "[\\s\\u200b\\-]+"},
        "docs": [{"title": "两步\u200b验证", "text": "<p>+86 W-8BEN 200 password x</p>"}],
    }
    assert search_index.index_words(index) == ["+86", "password", "两步", "验证"]


def test_words_only_contributor_pages_hold_are_no_words_of_the_site():
    index = {
        "config": {"separator": "[\\s\\u200b\\-]+"},
        "docs": [
            {"location": "sign-in/", "title": "登录", "text": "<p>验证</p>"},
            {"location": "contributing/rules/", "title": "登入", "text": "<p>验证 frontmatter</p>"},
        ],
    }
    assert search_index.index_words(index) == ["登录", "验证"]


def test_a_keywords_whole_run_is_a_phrase_not_a_word():
    index = {
        "config": {"separator": "[\\s\\u200b\\-]+"},
        "docs": [
            {
                "title": "收不到\u200b验证码",
                "text": "<p>两步\u200b验证</p>",
                "keywords": [
                    "收不到验证码\u200b收不到\u200b验证码",
                    "两步验证\u200b两步\u200b验证",
                ],
            },
            {"title": "两步验证", "text": ""},
        ],
    }
    runs = {"收不到验证码", "两步验证", "手机丢了"}
    # 两步验证 is a title's word too: a word; 手机丢了 is in no keyword here.
    assert search_index.index_phrases(index, runs) == ["收不到验证码"]
    index["config"]["phrases"] = search_index.index_phrases(index, runs)
    words = search_index.index_words(index)
    assert "收不到验证码" not in words
    assert {"收不到", "验证码", "两步验证", "两步", "验证"} <= set(words)


def test_a_slip_is_kept_unless_an_article_uses_it_as_a_word():
    index = {
        "config": {"separator": "[\\s\\u200b\\-]+"},
        "docs": [
            {"location": "contributing/rules/input-method-slips/", "title": "验正", "text": "登陆"},
            {"location": "travel/", "title": "登陆\u200b海岛", "text": ""},
        ],
    }
    pairs = [["验正", "验证"], ["登陆", "登录"]]
    # 登陆 is a word of an article (landing); 验正 only in the guide that lists slips.
    assert search_index.reader_slips(index, pairs) == [["验正", "验证"]]


def test_link_texts_are_those_of_links_to_other_pages():
    text = (
        "---\ntitle: x\n---\n\n见[需要提供哪些信息](required-information.md)、"
        "[官方网址](https://sellercentral.amazon.com)、[下一节](#next)和"
        "[识别钓鱼邮件](../security/phishing.md#signs)。\n"
    )
    assert search_index.other_page_link_texts(text) == ["需要提供哪些信息", "识别钓鱼邮件"]


def test_link_text_is_marked_as_the_index_spells_it_once_per_link():
    entries = [
        {"location": "a/", "text": "<p>见\u200b需要\u200b提供\u200b哪些\u200b信息</p>"},
        {
            "location": "a/#b",
            "text": "<p>需要\u200b提供\u200b哪些\u200b信息 需要 提供 哪些 信息</p>",
        },
    ]
    search_index.mark_linked(entries, ["需要提供哪些信息"])
    assert entries[0]["linked"] == ["需要\u200b提供\u200b哪些\u200b信息"]
    assert "linked" not in entries[1]  # one link: the first occurrence only


def test_the_chinese_index_carries_each_documents_english_title():
    zh = {
        "config": {"fields": {"title": {"boost": 1000}, "text": {"boost": 1}}},
        "docs": [
            {"location": "sign-in/reset-password/", "title": "重置密码"},
            {"location": "sign-in/reset-password/#steps", "title": "步骤"},
            {"location": "zh-only/", "title": "只有中文"},
        ],
    }
    en = {
        "docs": [
            {"location": "sign-in/reset-password/", "title": "Reset your password"},
            {"location": "sign-in/reset-password/#steps", "title": "Steps"},
        ]
    }
    search_index.add_twin_titles(zh, en)
    assert [doc.get("twin") for doc in zh["docs"]] == ["Reset your password", "Steps", None]
    assert zh["config"]["fields"]["twin"]["boost"] < zh["config"]["fields"]["title"]["boost"]


def test_citation_marks_leave_the_search_text():
    text = "<p>只填最新的那一个<sup>[1][2]</sup>；见下文<sup>[3]</sup>。m<sup>2</sup></p>"
    expected = "<p>只填最新的那一个；见下文。m<sup>2</sup></p>"
    assert search_index.drop_citation_marks(text) == expected


def test_no_space_before_punctuation_in_search_text_except_in_code():
    # Material's indexer leaves a space where a link ends; a citation mark too.
    code = "<pre><code>cd .</code></pre>"
    text = "<p>the MIT License . Verify <sup>[1]</sup>, then （见下文 ）。</p>" + code
    expected = "<p>the MIT License. Verify, then （见下文）。</p>" + code
    assert search_index.drop_citation_marks(text) == expected
    assert search_index.close_up_punctuation("<code>a .b</code> x .") == "<code>a .b</code> x."
