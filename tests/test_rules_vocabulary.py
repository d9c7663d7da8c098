"""VOC rules (kb/rules/voc_vocabulary.py): `make check` validates the reader
vocabulary with the build step's own loader (kb/build/search_index.py)."""

from __future__ import annotations

import pytest
from kb.build import search_index

VOC_CODES = ("VOC001", "VOC002", "VOC003")
VALID = (
    "zh:\n  stopwords: [的]\n  synonyms:\n    - readers: [登不上]\n"
    "      articles: [登录]\n      from: usage\n"
    "en:\n  stopwords: [a]\n  synonyms: []\n"
)


@pytest.fixture
def vocabulary_tree(make_tree, page):
    def build(vocabulary: str):
        return make_tree(
            {
                "zh/index.md": page("首页", kind="home"),
                "en/index.md": page("Home", kind="home"),
                "data/reader-vocabulary.yml": vocabulary,
            }
        )

    return build


def test_valid_vocabulary_passes(vocabulary_tree, check):
    assert check(vocabulary_tree(VALID), *VOC_CODES) == []


@pytest.mark.parametrize(
    ("old", "new", "code", "line"),
    [
        ("readers: [登不上]", "readers: [登不上", "VOC001", 5),
        ("from: usage", "from: users", "VOC002", 6),
        ("readers: [登不上]", "readers: [登不上, 登不上]", "VOC003", 4),
        ("readers: [登不上]", "readers: [登录+]", "VOC003", 4),
    ],
)
def test_bad_vocabulary_is_reported_as_the_build_reports_it(
    vocabulary_tree, check, old, new, code, line
):
    root = vocabulary_tree(VALID.replace(old, new))
    findings = check(root, *VOC_CODES)
    assert [(f.path, f.code) for f in findings] == [("data/reader-vocabulary.yml", code)]
    with pytest.raises(search_index.SearchIndexError) as error:  # the build step
        search_index.load_vocabulary(root / "data" / "reader-vocabulary.yml")
    assert error.value.code == code
    # A finding is one output line: the parser's multi-line message, joined.
    assert " ".join(error.value.message.split()) == " ".join(findings[0].message.split())
    assert findings[0].line == error.value.line
    if code != "VOC001":  # a YAML error's line is where the parser gave up
        assert findings[0].line == line


def test_undecodable_vocabulary_is_voc001_not_a_traceback(vocabulary_tree, check):
    root = vocabulary_tree(b"zh: \xff\xfe")
    assert [f.code for f in check(root, *VOC_CODES)] == ["VOC001"]


def test_tree_without_vocabulary_has_no_voc_findings(make_tree, page, check):
    root = make_tree({"zh/index.md": page("首页", kind="home"), "en/index.md": page("Home")})
    assert check(root, *VOC_CODES, "SRCH001") == []
