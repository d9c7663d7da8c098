"""The characters' readings for homophone slips (kb/build/search_readings.py):
which characters the table holds and under which syllables. The query side
that reads it has Node tests (tests/js/search-pipeline.test.mjs)."""

from __future__ import annotations

import sys
from collections import Counter

import pytest
from kb.build import search_index, search_readings

# Made-up frequencies: 马 and 的 make 90% of the occurrences, 驫 is rare.
FREQUENCIES = Counter({"的": 500, "马": 400, "码": 60, "驫": 40})


def test_common_characters_make_the_share_of_occurrences():
    assert search_readings.common_characters(FREQUENCIES, 0.9) == ["的", "马"]
    assert search_readings.common_characters(FREQUENCIES, 0.95) == ["的", "马", "码"]
    assert search_readings.common_characters(FREQUENCIES, 1.0) == ["的", "马", "码", "驫"]


def test_the_table_holds_common_characters_their_traditional_forms_and_the_indexs():
    table = search_readings.ReadingTable(FREQUENCIES, 0.9).table_for("验证码")
    chars = set("".join(table.values()))
    assert {"的", "马", "馬"} <= chars  # 馬: OpenCC's Traditional form of 马
    assert {"验", "证", "码"} <= chars  # the index's own, common or not
    assert "驫" not in chars  # rare and not in the index
    assert "马" in table["ma"] and "馬" in table["ma"]
    # syllables sorted, characters in code point order
    assert list(table) == sorted(table)
    assert all(list(value) == sorted(value) for value in table.values())


def test_every_reading_of_a_heteronym_toneless_with_v_for_u_umlaut():
    table = search_readings.ReadingTable(Counter({"重": 10, "绿": 10}), 1.0).table_for("")
    assert "重" in table["zhong"] and "重" in table["chong"]
    assert "绿" in table["lv"]
    assert all(syllable.isascii() and syllable.isalpha() for syllable in table)


def test_jiebas_dictionary_counts_characters_by_word_frequency():
    counts = search_readings.jieba_frequencies()
    assert counts["的"] > counts["码"] > 0
    common = search_readings.common_characters(counts)
    assert 5000 < len(common) < 8000  # about the mainland's list of common characters


def test_a_missing_package_is_one_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "pypinyin", None)  # import fails
    with pytest.raises(search_index.SearchIndexError) as error:
        search_readings.readings_of("马")
    assert " SRCH002 package pypinyin is not installed" in str(error.value)
