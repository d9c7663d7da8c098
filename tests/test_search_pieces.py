"""The search index in pieces (kb/build/search_pieces.py): tokens as Material
cuts them, postings packed as the engine reads them
(tests/js/search-engine.test.mjs reads the same format), and the pieces and
manifest a first query starts from."""

from __future__ import annotations

import json
import re

from kb.build import search_pieces

SEPARATOR = r"[\s\u200b\-+]+|(?!\b)(?=[A-Z][a-z])"
TITLE, TEXT = 1, 0  # packing order: text first, then title


def tiny_index(pipeline=("stemmer",)) -> dict:
    return {
        "config": {
            "lang": ["zh"],
            "separator": SEPARATOR,
            "pipeline": list(pipeline),
            "fields": {"title": {"boost": 1000}, "text": {"boost": 1}},
            "words": ["验证码"],
        },
        "docs": [
            {"location": "", "title": "首页", "text": "<p>验证码\u200b的 code</p>", "boost": 0.2},
            {"location": "#a", "title": "小节", "text": "<p>SellerCentral</p>", "boost": 0.2},
            {"location": "code/", "title": "验证码", "text": "<p>收不到\u200b验证码 验证码</p>"},
        ],
    }


def test_tokens_are_cut_as_materials_tokenizer_cuts_them():
    separator = re.compile(SEPARATOR, re.ASCII)
    assert search_pieces.tokens('<p class="x">SellerCentral +86</p>', separator) == [
        "seller",
        "central",
        "86",
    ]
    # A Chinese character next to Latin letters is no word boundary inside
    # the camel-case rule in JavaScript (\b is ASCII there): no split.
    assert search_pieces.tokens("验证Amazon", separator) == ["验证amazon"]
    # JavaScript's \s includes the no-break space.
    assert search_pieces.tokens("a\u00a0b", separator) == ["a", "b"]


def test_postings_pack_counts_per_field():
    postings = search_pieces.postings(tiny_index())
    base = search_pieces.TF_BASE
    # doc 0: once in the text; doc 2 (gap 2): twice in the text, once in
    # the title.
    assert postings["验证码"] == [0, 1, 2, 2 + base**TITLE]
    assert postings["seller"] == [1, 1]
    assert "的" in postings  # the Chinese build keeps every token


def test_the_chinese_build_keeps_the_query_sides_stop_words_only_where_pages_name_them():
    index = tiny_index()
    index["config"]["reader_vocabulary"] = {"stopwords": ["的", "首页", "not"], "synonyms": []}
    postings = search_pieces.postings(index)
    # 的 is in doc 0's text only: gone. 首页 is doc 0's title: kept there.
    assert "的" not in postings
    assert postings["首页"] == [0, search_pieces.TF_BASE]
    assert search_pieces.chinese_body_stopwords(index["config"]) == {"的", "首页"}
    english = tiny_index(pipeline=("stopWordFilter",))
    assert search_pieces.chinese_body_stopwords(english["config"]) == frozenset()


def test_the_english_build_drops_lunrs_stop_words():
    postings = search_pieces.postings(tiny_index(pipeline=("stopWordFilter",)))
    assert "code" in postings
    english = tiny_index(pipeline=("stopWordFilter",))
    english["docs"][0]["text"] = "<p>the code is not here</p>"
    assert "the" not in search_pieces.postings(english)
    assert "not" not in search_pieces.postings(english)


def test_inner_words_of_titles_count_in_their_own_field():
    index = tiny_index()
    index["config"]["words"] = ["验证码", "验证", "钓鱼", "邮件", "识别"]
    index["docs"][2]["title"] = "识别\u200b钓鱼邮件"
    index["docs"][2]["text"] = "<p>钓鱼邮件</p>"
    fields = search_pieces.field_order(index["config"])
    assert fields == ["text", "title", "parts"]
    parts = search_pieces.TF_BASE ** fields.index("parts")  # one count in `parts`
    postings = search_pieces.postings(index)
    # doc 2: 邮件 is inside the title's 钓鱼邮件: counted in `parts` only,
    # not in the text (whose 钓鱼邮件 holds it too) nor in the title.
    assert postings["邮件"] == [2, parts]
    assert postings["钓鱼"] == [2, parts]
    # The whole word keeps its own fields (text and title: 1 + 64).
    assert postings["钓鱼邮件"] == [2, 1 + search_pieces.TF_BASE]
    # A word is no part of itself, and two-letter words have no parts.
    assert search_pieces.InnerWords(["验证码", "验证"]).of("验证") == []
    assert search_pieces.InnerWords(["验证码", "验证"]).of("验证码") == ["验证"]


def test_no_inner_words_without_a_word_list():
    index = tiny_index()
    del index["config"]["words"]
    assert search_pieces.field_order(index["config"]) == ["text", "title"]


def test_pieces_and_manifest(tmp_path, monkeypatch):
    monkeypatch.setattr(search_pieces, "TERM_PIECE_BYTES", 10)
    out = search_pieces.write_pieces(tiny_index(), tmp_path)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["pages"] == [0, 2, 3]
    assert manifest["boosts"] == {"0": 0.2}
    # Each document's title letters, once, not in every posting of a title word.
    assert manifest["title_letters"] == [2, 2, 3]
    # The inner words of titles and keywords last (the config has a word list).
    parts = ["parts", search_pieces.PARTS_BOOST]
    assert manifest["fields"] == [["text", 1], ["title", 1000], parts]
    assert manifest["lexicon"]["words"] == ["验证码"]
    firsts = [first for first, _ in manifest["terms"]]
    # Sorted as JavaScript compares strings; each piece starts with its first term.
    assert firsts == sorted(firsts, key=search_pieces.utf16_key)
    terms = {}
    for first, name in manifest["terms"]:
        piece = json.loads((out / name).read_text(encoding="utf-8"))
        assert next(iter(piece)) == first
        terms.update(piece)
    assert set(terms) == set(search_pieces.postings(tiny_index()))
    rows = []
    for first, name in manifest["docs"]:
        assert first == len(rows)  # pieces hold whole pages, in order
        rows += json.loads((out / name).read_text(encoding="utf-8"))
    assert [row[0] for row in rows] == ["", "#a", "code/"]
    pieces = (out / "terms").glob("*.json")
    assert manifest["bytes"]["terms"] == sum(path.stat().st_size for path in pieces)
    stub = json.loads((out / "index-config.json").read_text(encoding="utf-8"))
    assert stub["docs"] == [] and stub["config"]["separator"] == SEPARATOR


def test_a_small_index_has_each_kind_of_piece_in_one_file_too(tmp_path, monkeypatch):
    monkeypatch.setattr(search_pieces, "TERM_PIECE_BYTES", 10)
    out = search_pieces.write_pieces(tiny_index(), tmp_path)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    for kind in ("terms", "docs"):
        assert len(manifest[kind]) > (1 if kind == "terms" else 0)
        whole = json.loads((out / manifest["whole"][kind]).read_text(encoding="utf-8"))
        pieces = [
            json.loads((out / name).read_text(encoding="utf-8")) for _, name in manifest[kind]
        ]
        assert whole == pieces  # the same pieces, in the manifest's order
    # Above the limit a kind has none (a large site's query fetches pieces).
    monkeypatch.setattr(search_pieces, "WHOLE_MAX_BYTES", {"terms": 10, "docs": 10**6})
    out = search_pieces.write_pieces(tiny_index(), tmp_path / "large")
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["whole"]["terms"] is None and manifest["whole"]["docs"]
    assert [path.name.split(".")[0] for path in (out / "whole").iterdir()] == ["docs"]


def test_utf16_order_is_javascripts():
    # U+FF21 (full-width A) comes before U+1F600 in code points, after it in UTF-16.
    assert sorted(["\U0001f600", "\uff21"], key=search_pieces.utf16_key) == ["\U0001f600", "\uff21"]


def test_link_words_count_in_their_own_field_not_in_the_text():
    index = tiny_index()
    index["config"]["link_words"] = True
    # The home page links to the article 验证码 ("见验证码"): the link's word
    # names the article; the page's own 验证码 in another sentence stays text.
    index["docs"][0]["text"] = "<p>见\u200b验证码</p><p>验证码</p>"
    index["docs"][0]["linked"] = ["验证码"]
    fields = search_pieces.field_order(index["config"])
    assert fields == ["text", "title", "links", "parts"]  # the most frequent first
    links = search_pieces.TF_BASE ** fields.index("links")
    postings = search_pieces.postings(index)
    assert postings["验证码"][:2] == [0, 1 + links]  # doc 0: once text, once links
    assert postings["见"] == [0, 1]
    # A document without marked links keeps all its words as text.
    assert postings["收不到"] == [2, 1]
    manifest_fields = dict(
        (name, search_pieces.field_boost(index["config"], name)) for name in fields
    )
    assert manifest_fields["links"] == search_pieces.LINKS_BOOST < manifest_fields["text"]


def test_no_links_field_unless_the_build_step_marked_links():
    assert "links" not in search_pieces.field_order(tiny_index()["config"])


def test_the_readings_piece_is_its_own_file_named_by_its_hash(tmp_path):
    readings = {"ma": "码马", "zheng": "证正"}
    out = search_pieces.write_pieces(tiny_index(), tmp_path, readings)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    name = manifest["readings"]
    assert re.fullmatch(r"readings\.[0-9a-f]{10}\.json", name)
    assert json.loads((out / name).read_text(encoding="utf-8")) == readings
    # not in the lexicon that every query downloads
    assert "码马" not in (out / "manifest.json").read_text(encoding="utf-8")
    other = search_pieces.write_pieces(tiny_index(), tmp_path / "b", {"ma": "码"})
    other_name = json.loads((other / "manifest.json").read_text(encoding="utf-8"))["readings"]
    assert other_name != name
    bare = search_pieces.write_pieces(tiny_index(), tmp_path / "c")
    assert json.loads((bare / "manifest.json").read_text(encoding="utf-8"))["readings"] is None


def test_the_pieces_drop_the_query_sides_stop_words_not_lunrs():
    config = {"pipeline": ["stopWordFilter"], "reader_vocabulary": {"stopwords": ["the", "的"]}}
    assert search_pieces.index_stopwords(config) == {"the"}  # `us` and `after` stay words
    assert (
        search_pieces.index_stopwords({"pipeline": ["stopWordFilter"]})
        == search_pieces.LUNR_STOPWORDS
    )
    assert search_pieces.index_stopwords({"pipeline": []}) == frozenset()
