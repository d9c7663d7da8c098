"""Writes one language's search index as pieces for the site's own search
engine (overrides/assets/javascripts/search-engine.js), so that a reader's
first query downloads only what it needs, however large the site grows.

Material's worker receives the whole index and builds a lunr index in the
reader's browser (0.7-1.5 s on a loaded machine for 38 pages, seconds for
1,000). Here the same index is computed once, at build time, and cut into
files beside search_index.json, in search/engine/:

- manifest.json: what every query needs: the query pipeline's lexicon
  (index words, Traditional-to-Simplified table, input-method slips, reader
  vocabulary), the tokenizer's separator, where each page's documents start,
  and the first term and file of every term piece and document piece;
- terms/N.HASH.json: the inverted index, terms in sorted order cut into
  pieces of about TERM_PIECE_BYTES; a term maps to its postings: documents
  and counts per field (see postings()); besides Material's fields, `parts` counts the words
  inside the title's and keywords' longer words (InnerWords), and `links`
  the words of links to other pages, taken out of `text`. Sorted pieces serve
  exact terms and prefixes (a prefix's terms lie in consecutive pieces);
- docs/N.HASH.json: [location, title, text] of whole pages' documents, in
  pieces of about DOC_PIECE_BYTES, for the snippets of the pages listed;
- whole/terms.HASH.json, whole/docs.HASH.json: a small index's pieces of
  each kind in one file (whole_files()), fetched at once by a reader who
  opens search on a good connection;
- readings.HASH.json: the characters' readings (search_readings.py), for
  the query side's homophone slips; not in the manifest's lexicon, as most
  queries never need it: a query fetches it only when a Chinese part of it
  is no index word;
- index-config.json: Material's own index with its `config` and no
  documents: what Material's page highlighting (?h=) reads.
File names carry a hash of their content, so a cached piece never mixes with
a newer manifest.

The query side computes lunr's weights, as Material configures it, so
ranking does not move:
BM25 with k1 = 1.2 and b = 0 (Material turns length normalisation off),
idf = ln(1 + |(N - n + 0.5) / (n + 0.5)|) with n counting (document, field)
pairs, each field's score rounded to 3 decimals, times the field's and the
document's boost. Tokens are cut as Material's tokenizer cuts them (text
outside tags, the index's separator, lower case), and the English index
drops lunr's stop words, as Material's English pipeline does.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import shutil
import unicodedata
from collections import Counter
from pathlib import Path

PIECES_DIR = "engine"  # beside search_index.json
# Piece sizes (raw bytes, before gzip), chosen by what the development
# queries fetch: a query's words fall in about 5 term pieces whatever their
# size (its Chinese words share first characters), so 4 KB pieces bring a
# median of 14 KiB where 12 KB pieces brought 47 KiB; text pieces of about one
# page bring the first screen's ten pages in 52 KiB (87 KiB with 16 KB pieces).
# More, smaller files cost little over HTTP/2, and each is cached.
TERM_PIECE_BYTES = 4_000
DOC_PIECE_BYTES = 6_000
# An index whose pieces of a kind come to at most this (raw bytes; about a
# quarter gzip) also gets them in one file (whole_files()). This site's are
# 264 KB and 513 KB (zh); a 1,000-page site's are ten times that.
WHOLE_DIR = "whole"
WHOLE_MAX_BYTES = {"terms": 300_000, "docs": 600_000}
# Counts per field are packed in one integer; a count this high or more is
# stored as TF_BASE - 1 (BM25 with k1 = 1.2 barely moves past it: 2.12 vs 2.2).
TF_BASE = 64
TAG = re.compile(r"<[^>]*>")
# Inner words of the title's and keywords' words (InnerWords) count in a
# field of their own, weighted between the text (1) and the keywords (500):
# the page is about them, less surely than about its whole words.
PARTS_FIELD = "parts"
# The words of a page's links to other pages (见[需要提供哪些信息](required-
# information.md)) name the page linked to: a page that links to an article
# matched that article's question as if it answered it. They count in a
# field of their own, weighted as little as this against the text's 1.
LINKS_FIELD = "links"
LINKS_BOOST = 0.2
PARTS_OF = ("title", "keywords")
# The fields where a word is mentioned rather than named (the title,
# keywords and tags name what a page is about).
BODY_FIELDS = ("text", LINKS_FIELD)
PARTS_BOOST = 100.0
HAN_WORD = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$")
# JavaScript's \s beyond ASCII: the separator is a JavaScript pattern, and it
# runs here with re.ASCII so that \b and \w mean what they mean there.
JS_SPACE = re.compile("[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]")
# lunr's English stop word filter (lunr 2.3.9, as bundled in Material's worker).
_LUNR_STOPWORDS_TEXT = (
    "a able about across after all almost also am among an and any are as at be because been "
    "but by can cannot could dear did do does either else ever every for from get got had has "
    "have he her hers him his how however i if in into is it its just least let like likely may "
    "me might most must my neither no nor not of off often on only or other our own rather said "
    "say says she should since so some than that the their them then there these they this tis "
    "to too twas us wants was we were what when where which while who whom why will with would "
    "yet you your"
)
LUNR_STOPWORDS = frozenset(_LUNR_STOPWORDS_TEXT.split())


def utf16_key(text: str) -> bytes:
    """Sort key matching JavaScript's string comparison (UTF-16 code units)."""
    return text.encode("utf-16-be")


def compact_json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def letters(text: str) -> int:
    """Letters and digits, as the query side counts a title's share."""
    return sum(1 for char in text if unicodedata.category(char)[0] in "LN")


def tokens(value, separator: re.Pattern) -> list[str]:
    """A field's tokens as Material's tokenizer cuts them: the text between
    tags, split at the separator, lower case."""
    out = []
    for text in value if isinstance(value, list) else [value]:
        if not isinstance(text, str):
            continue
        for section in TAG.split(text):
            out += [token.lower() for token in separator.split(JS_SPACE.sub(" ", section)) if token]
    return out


def postings(index: dict) -> dict[str, list[int]]:
    """term -> its postings as one flat list of integers: per document that
    holds it, the gap from the previous document's number and the term's
    counts per field packed as sum(count * TF_BASE ** field). The query side
    computes lunr's weights from these counts."""
    config = index["config"]
    separator = re.compile(config.get("separator") or r"[\s\-]+", re.ASCII)
    stopwords = index_stopwords(config)
    body_stopwords = chinese_body_stopwords(config)
    fields = field_order(config)
    found: dict[str, dict[int, int]] = {}  # term -> doc -> packed counts
    inner = InnerWords(config.get("words") or [])
    for number, doc in enumerate(index["docs"]):
        for position, field in enumerate(fields):
            if field == PARTS_FIELD:
                counts = Counter()
                for whole in PARTS_OF:
                    counts += inner.parts(field_counts(doc, whole, separator, stopwords))
            else:
                counts = field_counts(doc, field, separator, stopwords)
            if field in BODY_FIELDS:
                counts = Counter({t: n for t, n in counts.items() if t not in body_stopwords})
            for term, tf in counts.items():
                packed = found.setdefault(term, {})
                packed[number] = packed.get(number, 0) + min(tf, TF_BASE - 1) * TF_BASE**position
    result = {}
    for term, docs in found.items():
        flat = []
        previous = 0
        for number in sorted(docs):
            flat += [number - previous, docs[number]]
            previous = number
        result[term] = flat
    return result


def index_stopwords(config: dict) -> frozenset[str]:
    """The words the pieces leave out, where the index drops stop words as
    lunr's English pipeline does: the query side's own stop words (the
    reader vocabulary's, which the build step put in the config), so that
    both sides drop the same words. lunr's list alone dropped words readers
    mean: `us` (the US marketplace), `after` (after changing the bank
    account), `off`, `only`, `other`, `since`."""
    if "stopWordFilter" not in config.get("pipeline", []):
        return frozenset()
    vocabulary = config.get("reader_vocabulary") or {}
    if not vocabulary.get("stopwords"):
        return LUNR_STOPWORDS
    return frozenset(word for word in vocabulary["stopwords"] if word.isascii())


def chinese_body_stopwords(config: dict) -> frozenset[str]:
    """The query side's Chinese stop words (的, 在, 怎么办, 亚马逊), which a
    Chinese index (no stop word filter) leaves out of its body fields: the
    query side searches them only in a query of nothing else, where a page
    whose title or keywords hold them is the answer, not every page that
    says 的. They were 13 % of the Chinese postings."""
    if "stopWordFilter" in config.get("pipeline", []):
        return frozenset()
    vocabulary = config.get("reader_vocabulary") or {}
    return frozenset(word for word in vocabulary.get("stopwords", ()) if not word.isascii())


def field_counts(doc: dict, field: str, separator: re.Pattern, stopwords) -> Counter:
    """A document's token counts in one field. The words of its links to
    other pages (`linked`, marked by the build step) count in the field
    `links`, not in `text`: they name the page linked to."""
    source = "text" if field == LINKS_FIELD else field
    counts = Counter(t for t in tokens(doc.get(source), separator) if t not in stopwords)
    if source != "text" or not doc.get("linked"):
        return counts if field != LINKS_FIELD else Counter()
    linked = Counter(t for t in tokens(doc["linked"], separator) if t not in stopwords)
    return counts & linked if field == LINKS_FIELD else counts - linked


class InnerWords:
    """The words inside a longer Chinese word, as a search-mode segmenter
    gives them (钓鱼邮件: 钓鱼, 邮件): the index's own Chinese words of two
    letters or more that the longer one holds. Where a title says 识别钓鱼
    邮件和短信, a reader who types 邮件 finds it. The query side scores each
    part of a query by its best matching word only, so the whole word still
    counts more than its parts (search-engine.js, search())."""

    def __init__(self, words):
        self.words = {word for word in words if HAN_WORD.match(word)}
        self.longest = max((len(word) for word in self.words), default=0)
        self.known: dict[str, list[str]] = {}

    def of(self, token: str) -> list[str]:
        if token not in self.known:
            found = []
            if len(token) >= 3 and HAN_WORD.match(token):
                for start in range(len(token)):
                    for end in range(start + 2, min(len(token), start + self.longest) + 1):
                        part = token[start:end]
                        if part != token and part in self.words:
                            found.append(part)
            self.known[token] = found
        return self.known[token]

    def parts(self, counts: Counter) -> Counter:
        """Counts of the inner words of the words counted in `counts`."""
        result = Counter()
        for token, tf in counts.items():
            for part in self.of(token):
                result[part] += tf
        return result


# The order fields are packed in, the most frequent first: a count of 1 in
# the text packs as 1, in the title as 64, in the sixth field as 64 ** 5
# (10 digits). On this site's index, most frequent first saves 2 % gzip.
PACKING_ORDER = ("text", "title", LINKS_FIELD, "twin", "keywords", PARTS_FIELD, "tags")


def field_order(config: dict) -> list[str]:
    """The fields in the order their counts are packed (PACKING_ORDER, then
    any other field by name): Material's, `parts` (the inner words of title
    and keywords) where the build step gave the query side its word list,
    and `links` (the words of links to other pages) where it marked them."""
    fields = set(config["fields"])
    fields |= {PARTS_FIELD} if config.get("words") else set()
    fields |= {LINKS_FIELD} if config.get("link_words") else set()
    rank = {name: number for number, name in enumerate(PACKING_ORDER)}
    return sorted(fields, key=lambda name: (rank.get(name, len(rank)), name))


def field_boost(config: dict, name: str) -> float:
    if name == PARTS_FIELD and name not in config["fields"]:
        return PARTS_BOOST
    if name == LINKS_FIELD and name not in config["fields"]:
        return LINKS_BOOST
    return config["fields"][name].get("boost") or 1


def page_starts(docs: list[dict]) -> list[int]:
    """The first document of each page (a page's sections follow it), and the end."""
    starts = []
    previous = None
    for number, doc in enumerate(docs):
        page = doc["location"].split("#")[0]
        if page != previous:
            starts.append(number)
            previous = page
    return [*starts, len(docs)]


def _write_piece(folder: Path, number: int, text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
    name = f"{folder.name}/{number}.{digest}.json"
    (folder / f"{number}.{digest}.json").write_text(text, encoding="utf-8")
    return name


def whole_files(out: Path, term_pieces: list, doc_pieces: list) -> dict[str, str | None]:
    """Where a kind's pieces come to at most WHOLE_MAX_BYTES, all of them in
    one file, whole/KIND.HASH.json (a list of the pieces, in order), for the
    query side to fetch in one request (search.js, loadWhole()); the kind ->
    its name, or None. A reader on a good connection who opens search gets a
    small index whole at once, and their first query waits for no piece: a
    hundred separate pieces would hold up, on six connections, the few that
    query needs. A large site has none, and is answered piece by piece."""
    folder = out / WHOLE_DIR
    names: dict[str, str | None] = {}
    for kind, pieces in (("terms", term_pieces), ("docs", doc_pieces)):
        texts = [(out / name).read_text(encoding="utf-8") for _, name in pieces]
        if sum(len(text.encode("utf-8")) for text in texts) > WHOLE_MAX_BYTES[kind]:
            names[kind] = None
            continue
        folder.mkdir(exist_ok=True)
        text = "[" + ",".join(texts) + "]"
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
        (folder / f"{kind}.{digest}.json").write_text(text, encoding="utf-8")
        names[kind] = f"{WHOLE_DIR}/{kind}.{digest}.json"
    return names


def write_pieces(index: dict, search_dir: Path, readings: dict[str, str] | None = None) -> Path:
    """Writes the pieces of one (enriched) index into search_dir/engine/,
    with the readings table (syllable -> characters) where given; returns
    that folder."""
    out = search_dir / PIECES_DIR
    shutil.rmtree(out, ignore_errors=True)
    (out / "terms").mkdir(parents=True)
    (out / "docs").mkdir()
    config = index["config"]
    docs = index["docs"]

    term_pieces = []
    piece: dict[str, list] = {}
    size = 0
    for term, entries in sorted(postings(index).items(), key=lambda item: utf16_key(item[0])):
        if piece and size >= TERM_PIECE_BYTES:
            term_pieces.append(
                [
                    next(iter(piece)),
                    _write_piece(out / "terms", len(term_pieces), compact_json(piece)),
                ]
            )
            piece, size = {}, 0
        piece[term] = entries
        size += len(compact_json(entries)) + len(term.encode("utf-8")) + 4
    if piece:
        term_pieces.append(
            [next(iter(piece)), _write_piece(out / "terms", len(term_pieces), compact_json(piece))]
        )

    starts = page_starts(docs)
    doc_pieces = []
    rows: list[list[str]] = []
    first = 0
    size = 0
    for page_start, page_end in itertools.pairwise(starts):
        if rows and size >= DOC_PIECE_BYTES:
            doc_pieces.append(
                [first, _write_piece(out / "docs", len(doc_pieces), compact_json(rows))]
            )
            rows, size, first = [], 0, page_start
        for doc in docs[page_start:page_end]:
            row = [doc["location"], doc.get("title") or "", doc.get("text") or ""]
            rows.append(row)
            size += len(compact_json(row).encode("utf-8"))
    if rows:
        doc_pieces.append([first, _write_piece(out / "docs", len(doc_pieces), compact_json(rows))])

    boosts = {}
    for page, page_start in enumerate(starts[:-1]):
        boost = docs[page_start].get("boost")
        if boost not in (None, 1, 1.0):
            boosts[page] = boost
    material_config = {
        key: config[key] for key in ("lang", "separator", "pipeline", "fields") if key in config
    }
    readings_piece = None
    if readings:
        text = compact_json(readings)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
        readings_piece = f"readings.{digest}.json"
        (out / readings_piece).write_text(text, encoding="utf-8")
    manifest = {
        "format": 2,
        "config": material_config,
        "lexicon": {
            "words": config.get("words", []),
            "phrases": config.get("phrases", []),
            "t2s": config.get("t2s", {}),
            "confusions": config.get("confusions", []),
            "vocabulary": config.get("reader_vocabulary", {"stopwords": [], "synonyms": []}),
        },
        # Query terms that are stop words get no "missing" note (as in Material).
        "stopwords": sorted(index_stopwords(config) or LUNR_STOPWORDS),
        "fields": [[name, field_boost(config, name)] for name in field_order(config)],
        "tf_base": TF_BASE,
        "pages": starts,
        # Each document's title letters (letters()), for the query side's
        # share of a title a query matched.
        "title_letters": [letters(TAG.sub("", doc.get("title") or "")) for doc in docs],
        # Page boosts (kind, section) other than 1, by page number.
        "boosts": boosts,
        "terms": term_pieces,
        "docs": doc_pieces,
        # The characters' readings (homophone slips), fetched on demand.
        "readings": readings_piece,
        # A small index's pieces of each kind in one file (whole_files()).
        "whole": whole_files(out, term_pieces, doc_pieces),
        # Raw bytes of all term and text pieces.
        "bytes": {
            kind: sum((out / name).stat().st_size for _, name in pieces)
            for kind, pieces in (("terms", term_pieces), ("docs", doc_pieces))
        },
    }
    (out / "manifest.json").write_text(compact_json(manifest), encoding="utf-8")
    (out / "index-config.json").write_text(
        compact_json({"config": material_config, "docs": []}), encoding="utf-8"
    )
    return out
