"""The search data files (data/reader-vocabulary.yml, data/jieba-user-dict.txt)
are well-formed, and scripts/search_index.py puts them into the index."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from kb.build import search_index
from kb.site.config import read_config
from support.commands import KB, kb_env

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def vocabulary():
    return search_index.load_vocabulary()


@pytest.fixture(scope="module")
def segmenter():
    return search_index.Segmenter()


def test_vocabulary_loads_for_both_languages(vocabulary):
    for lang in ("zh", "en"):
        assert len(vocabulary[lang]["synonyms"]) >= 10
        assert vocabulary[lang]["stopwords"]


def test_article_words_are_not_stopwords(vocabulary):
    """A stop word is dropped from queries, so an article word that is also a
    stop word would silently do nothing."""
    for lang, part in vocabulary.items():
        stopwords = set(part["stopwords"])
        for entry in part["synonyms"]:
            for phrase in entry["articles"]:
                assert phrase not in stopwords, f"{lang}: {phrase}"


def test_vocabulary_is_normalized(vocabulary):
    for part in vocabulary.values():
        for entry in part["synonyms"]:
            for phrase in entry["readers"] + entry["articles"]:
                assert phrase == search_index.normalize(phrase)


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("zh: [unclosed\n", "VOC001", 2),
        ("zh:\n  stopwords: [的]\n  synonyms: []\n", "VOC002", 1),  # en missing
        (
            "zh:\n  stopwords: [的]\n  synonyms:\n    - readers: [登不上]\n"
            "      articles: [登录]\n      from: rumour\n"
            "en:\n  stopwords: [a]\n  synonyms: []\n",
            "VOC002",
            6,
        ),
        (
            "zh:\n  stopwords: [的]\n  synonyms:\n    - readers: [登不上, 登不上]\n"
            "      articles: [登录]\n      from: usage\n"
            "en:\n  stopwords: [a]\n  synonyms: []\n",
            "VOC003",
            4,
        ),
        (
            "zh:\n  stopwords: [的]\n  synonyms:\n    - readers: [验证码+]\n"
            "      articles: [登录]\n      from: usage\n"
            "en:\n  stopwords: [a]\n  synonyms: []\n",
            "VOC003",
            4,
        ),
    ],
)
def test_bad_vocabulary_is_reported_with_path_and_line(tmp_path, text, code, line):
    path = tmp_path / "reader-vocabulary.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(search_index.SearchIndexError) as error:
        search_index.load_vocabulary(path)
    assert str(error.value).startswith(f"{path}:{line}: {code} ")


def test_mkdocs_uses_the_project_dictionary():
    config = read_config(ROOT / "mkdocs.yml")
    search = config["plugins"]["search"]
    # Material opens this path relative to the working directory (make runs
    # from the repository root), the same file search_index.py segments with.
    assert ROOT / search["jieba_dict_user"] == search_index.USER_DICT
    assert "\\u200b" in search["separator"]


def test_user_dictionary_is_one_word_per_line():
    lines = search_index.USER_DICT.read_text(encoding="utf-8").splitlines()
    words = [line.split()[0] for line in lines if line.strip()]
    assert words, "empty dictionary"
    for number, line in enumerate(lines, 1):
        parts = line.split()
        # jieba's format: word [frequency] [part of speech]; no comments.
        assert parts, f"line {number}: empty"
        assert len(parts) <= 3 and all(p.isdigit() for p in parts[1:2]), f"line {number}"
        assert search_index.HAN.search(parts[0]), f"line {number}: {parts[0]} has no Chinese"
    assert len(words) == len(set(words)), "repeated word"


def test_user_dictionary_words_stay_whole(segmenter):
    for word in ("两步验证", "卖家平台", "身份验证器", "消费者告知法案", "收款账户", "个人卖家"):
        assert list(segmenter.tokenizer.cut(word)) == [word]


def test_keyword_keeps_the_whole_phrase_and_its_words(segmenter):
    text = segmenter.keyword_text("手机丢了怎么登录")
    words = text.split("\u200b")
    assert words[0] == "手机丢了怎么登录"
    assert {"手机", "登录"} <= set(words)
    assert segmenter.keyword_text("OTP 收不到").startswith("OTP ")


def test_the_segmenter_remembers_the_runs_it_kept_whole(segmenter):
    segmenter.keyword_text("手机丢了怎么登录")
    segmenter.keyword_text("验证码")
    assert "手机丢了怎么登录" in segmenter.runs
    assert "验证码" not in segmenter.runs  # one word: nothing kept besides it


def test_location_of_pages():
    docs = Path("/docs/zh")
    assert search_index.location_of(docs / "index.md", docs) == ""
    assert search_index.location_of(docs / "sign-in" / "index.md", docs) == "sign-in/"
    assert search_index.location_of(docs / "sign-in" / "reset-password.md", docs) == (
        "sign-in/reset-password/"
    )


def test_enrich_adds_keywords_to_the_page_entry_only(tmp_path, vocabulary, segmenter):
    docs = tmp_path / "docs"
    (docs / "sign-in").mkdir(parents=True)
    (docs / "sign-in" / "index.md").write_text(
        "---\ntitle: 登录\nkeywords: [登不上, 2FA]\n---\n\n# 登录\n", encoding="utf-8"
    )
    index = {
        "config": {"fields": {"title": {"boost": 1000.0}}},
        "docs": [
            {"location": "sign-in/", "title": "登录", "text": ""},
            {"location": "sign-in/#steps", "title": "步骤", "text": ""},
        ],
    }
    assert search_index.enrich(index, docs, vocabulary["zh"], segmenter) == 1
    assert index["docs"][0]["keywords"] == ["登不上", "2FA"]
    assert "keywords" not in index["docs"][1]
    assert index["config"]["fields"]["keywords"]["boost"] == search_index.KEYWORDS_BOOST
    assert index["config"]["reader_vocabulary"] is vocabulary["zh"]


def test_cli_reports_a_missing_index_without_traceback(tmp_path):
    for built in (tmp_path, tmp_path / "en"):  # a built site, but without search indexes
        built.mkdir(exist_ok=True)
        (built / "index.html").write_text("", encoding="utf-8")
    result = subprocess.run(
        [*KB, "postbuild", str(tmp_path)], capture_output=True, text=True, env=kb_env()
    )
    assert result.returncode == 1
    error = result.stderr
    assert "SRCH001" in error and "Traceback" not in error


def test_written_index_is_utf8_json(tmp_path, monkeypatch):
    site = tmp_path / "site"
    for rel in ("search", "en/search"):
        (site / rel).mkdir(parents=True)
        index = {"config": {"fields": {}}, "docs": [{"location": "", "title": "首页", "text": ""}]}
        (site / rel / "search_index.json").write_text(json.dumps(index), encoding="utf-8")
    search_index.write_all(site)
    text = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "首页" in text and "\\u" not in text
