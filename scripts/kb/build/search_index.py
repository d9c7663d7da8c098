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
- writes the index as UTF-8 rather than \\u escapes (Chinese text takes half
  the bytes).

Done after the build, not in a MkDocs hook or plugin, so that the site stays
buildable by any builder that reads mkdocs.yml (see kb/build/__init__.py).
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from pathlib import Path

import jsonschema
import yaml

from .. import ROOT
from ..site.frontmatter import read_front_matter
from ..site.pages import url_path

VOCABULARY = ROOT / "data" / "reader-vocabulary.yml"
# The same file mkdocs.yml gives Material as `jieba_dict_user`
# (tests/test_reader_vocabulary.py checks that they agree).
USER_DICT = ROOT / "data" / "jieba-user-dict.txt"
# Built index (relative to the site directory) and the pages it was built from.
BUILDS = {
    "zh": (Path("search/search_index.json"), ROOT / "docs" / "zh"),
    "en": (Path("en/search/search_index.json"), ROOT / "docs" / "en"),
}
# Material boosts titles 1000 and text 1. Keywords are chosen by the writer
# for exactly the reader's question, so they weigh as much as a title.
KEYWORDS_BOOST = 1000.0
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


def load_vocabulary(path: Path = VOCABULARY) -> dict[str, dict]:
    """The reader vocabulary per language, validated and normalized."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise SearchIndexError(path, 1, "VOC001", f"cannot read file: {error}") from None
    try:
        data = yaml.safe_load(text)
        tree = yaml.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise SearchIndexError(path, line, "VOC001", f"not valid YAML: {error}") from None
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

    def keyword_text(self, keyword: str) -> str:
        """Each run of Chinese segmented, and also kept whole when it splits."""

        def segment(match: re.Match) -> str:
            run = match.group(0)
            words = [word for word in self.tokenizer.cut(run) if word.strip()]
            if len(words) > 1:
                words.insert(0, run)
            return ZERO_WIDTH_SPACE + ZERO_WIDTH_SPACE.join(words) + ZERO_WIDTH_SPACE

        return HAN.sub(segment, keyword).strip(ZERO_WIDTH_SPACE)


def enrich(index: dict, docs_dir: Path, vocabulary: dict, segmenter: Segmenter) -> int:
    """Adds keywords and vocabulary to a loaded index; returns pages with keywords."""
    keywords = {}
    for page in sorted(docs_dir.rglob("*.md")):
        # Malformed front matter is `make check`'s finding; search goes without keywords.
        words = read_front_matter(page.read_text(encoding="utf-8")).get("keywords") or []
        if isinstance(words, list):
            words = [str(word) for word in words if isinstance(word, (str, int, float))]
            if words:
                keywords[location_of(page, docs_dir)] = words
    enriched = 0
    for entry in index["docs"]:
        words = keywords.get(entry["location"])
        if words:
            entry["keywords"] = [segmenter.keyword_text(word) for word in words]
            enriched += 1
    index["config"]["fields"]["keywords"] = {"boost": KEYWORDS_BOOST}
    index["config"]["reader_vocabulary"] = vocabulary
    return enriched


def write_all(site_dir: Path, configs: tuple[Path, ...] = ()) -> None:
    """Enriches every language's index under site_dir, in place."""
    vocabulary = load_vocabulary()
    # Readers mix languages ("2FA 怎么开", "OTP 收不到"), so each index drops
    # the stop words of both; synonyms stay per language.
    stopwords = sorted({word for part in vocabulary.values() for word in part["stopwords"]})
    segmenter = Segmenter()
    for lang, (index_rel, docs_dir) in BUILDS.items():
        vocabulary[lang]["stopwords"] = stopwords
        path = site_dir / index_rel
        if not path.is_file():
            raise SearchIndexError(path, 1, "SRCH001", "search index missing (run mkdocs build)")
        index = json.loads(path.read_text(encoding="utf-8"))
        enrich(index, docs_dir, vocabulary[lang], segmenter)
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        path.write_text(text, encoding="utf-8")
