"""Claims that need a citation: the one classifier shared by the check (CT004,
on the Markdown) and the built-site measurement (tests/bench, on the HTML).

A *unit* is a sentence of a paragraph, a whole list item or a whole table
row: the places where the contributor guide asks for a citation. A unit
*states a fact* when it contains a date, an amount of money or a number of
days; it *is cited* when it holds a citation marker `[@id]` (the HTML reader
turns each `<a href="#source-…">` back into one, so both sides split and
classify the same text).

The sentence splitter is ours: the pages mix Chinese and English, the
general-purpose splitters are English-first or unmaintained, and ours only
has to know the full stops these pages use and the markers that follow them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser

# `[@id]` or `[@id-one; @id-two]`. Loose on purpose: a malformed id inside
# the brackets is still a citation the check reports (CT001).
CITATION = re.compile(r"(?<!\\)\[@([^\[\]\n]*)\]")
SOURCE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
ZH_NUMBER = "[一二两三四五六七八九十百]+"
FACT_PATTERNS = {
    "date": [
        r"\b(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b",  # 2023-06-27
        r"(?:19|20)\d\d\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?",  # 2023 年 6 月（27 日）
        r"\d{1,2}\s*月\s*\d{1,2}\s*日",  # 6 月 27 日
        rf"\b\d{{1,2}}\s+(?:{MONTHS})\s+(?:19|20)\d\d\b",  # 27 June 2023
        rf"\b(?:{MONTHS})\s+(?:\d{{1,2}},?\s+)?(?:19|20)\d\d\b",  # June 2023, June 27, 2023
    ],
    "money": [
        r"(?:US|USD\s?)?\$\s?\d[\d,]*(?:\.\d+)?",  # $5,000, US$5,000
        r"€\s?\d[\d,]*",
        rf"(?:\d[\d,]*(?:\.\d+)?|{ZH_NUMBER})\s*[万亿]?\s*(?:美元|欧元|美金)",  # 5,000 美元
        r"\b\d[\d,]*(?:\.\d+)?\s*(?:dollars|USD|euros?|EUR)\b",
    ],
    "days": [
        rf"(?:\d+|{ZH_NUMBER})\s*个?\s*(?:工作日|自然日|日历日|天)",  # 10 天, 3 个工作日
        r"\b\d+(?:\s|-)(?:business\s|calendar\s|working\s)?days?\b",  # 10 days, 3-day
        r"\b(?:one|two|three|four|five|six|seven|ten|fourteen|thirty|sixty|ninety)"
        r"(?:\s|-)(?:business\s|calendar\s|working\s)?days?\b",
    ],
}
FACT = re.compile("|".join(f"(?:{p})" for ps in FACT_PATTERNS.values() for p in ps))

# A full stop: Chinese ones end a sentence wherever they are; an English one
# only before a space (not in 5.5, example.com or e.g.). A semicolon (；) joins
# clauses of one sentence: a citation at the sentence's end covers them all.
TERMINATOR = re.compile(r"[。！？]+[”’」』）]*|[.!?]+[\"'”’)]*(?=\s|$)")
ABBREVIATION = re.compile(r"(?:\b(?:e\.g|i\.e|etc|vs|No|Inc|Ltd|Co|Mr|Ms|Dr|St|p|pp)|U\.S)\.$")
# Citations written just after a full stop still belong to that sentence.
TRAILING_CITATIONS = re.compile(r"(?:\s*\[@[^\[\]\n]*\])+")


@dataclass(frozen=True)
class Unit:
    kind: str  # "sentence", "list item" or "table row"
    text: str  # plain text, citation markers kept
    line: int = 0  # 1-based line in the Markdown file (0 for HTML)

    @property
    def states_fact(self) -> bool:
        return FACT.search(CITATION.sub(" ", self.text)) is not None

    @property
    def cited(self) -> bool:
        return CITATION.search(self.text) is not None

    @property
    def fact(self) -> str:
        """The date, amount or day count the unit states (for messages)."""
        found = FACT.search(CITATION.sub(" ", self.text))
        return found.group(0) if found else ""


def citation_ids(inner: str) -> list[str]:
    """`@a; @b` (inside `[...]`) -> ["a", "b"]; malformed parts kept as written."""
    return [part.strip().removeprefix("@").strip() for part in inner.split(";") if part.strip()]


def sentences(text: str) -> Iterator[tuple[int, str]]:
    """(offset, sentence) of each sentence in a paragraph's text."""
    start = 0
    position = 0
    while True:
        stop = TERMINATOR.search(text, position)
        if stop is None:
            break
        end = stop.end()
        position = end
        if stop.group(0)[0] == "." and ABBREVIATION.search(text[start : stop.start() + 1]):
            continue
        trailing = TRAILING_CITATIONS.match(text, end)
        if trailing:
            end = position = trailing.end()
        if text[start:end].strip():
            yield start, text[start:end]
        start = end
    if text[start:].strip():
        yield start, text[start:]


def _lstrip_offset(text: str, offset: int) -> int:
    return offset + len(text) - len(text.lstrip())


# --- Markdown -------------------------------------------------------------

CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1", re.DOTALL)
IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
# A link, inline or by reference; not two citations side by side ([@a][@b]).
LINK = re.compile(r"\[(?!@)((?:[^\[\]]|\[[^\]]*\])*)\](?:\([^)]*\)|\[(?!@)[^\]]*\])")
HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
ATTR_LIST = re.compile(r"\{\s*:?\s*[#.][^}]*\}")
EMPHASIS = re.compile(r"\*\*|\*|~~")


def plain_markdown(text: str) -> str:
    """Inline Markdown as the reader reads it, citation markers kept, code and
    link targets dropped (an address or an example is not a claim). Keeps the
    newlines so offsets map to lines."""
    text = CODE_SPAN.sub(
        lambda m: " " * len(m.group(0).replace("\n", "")) + "\n" * m.group(0).count("\n"), text
    )
    text = IMAGE.sub(lambda m: m.group(1), text)
    text = LINK.sub(lambda m: m.group(1), text)
    text = HTML_TAG.sub("", text)
    text = ATTR_LIST.sub("", text)
    return EMPHASIS.sub("", text)


def markdown_units(tokens: list, first_line: int = 1) -> Iterator[Unit]:
    """Units of a page from markdown-it block tokens (see kb.site.model.MD).

    `first_line` is the file line of the tokens' line 0. Headings, code,
    raw HTML blocks and front matter hold no units.
    """
    containers: list[list] = []  # [kind, line, parts]: open list items and table rows
    previous = None
    for token in tokens:
        after, previous = previous, token.type
        if token.type in ("list_item_open", "tr_open"):
            kind = "list item" if token.type == "list_item_open" else "table row"
            line = (token.map[0] if token.map else 0) + first_line
            containers.append([kind, line, []])
        elif token.type in ("list_item_close", "tr_close"):
            kind, line, parts = containers.pop()
            text = " ".join(part for part in parts if part.strip())
            if text.strip():
                yield Unit(kind, " ".join(text.split()), line)
        elif token.type in ("blockquote_open", "admonition_open", "dd_open"):
            containers.append(["block", 0, []])  # its paragraphs are sentences
        elif token.type in ("blockquote_close", "admonition_close", "dd_close"):
            containers.pop()
        elif token.type == "inline":
            if after in ("heading_open", "dt_open", "admonition_title_open"):
                continue  # a heading, a defined term or a box's title is not a claim
            text = plain_markdown(token.content)
            owner = containers[-1] if containers else None
            if owner and owner[0] in ("list item", "table row"):
                owner[2].append(text)
                continue
            line = (token.map[0] if token.map else 0) + first_line
            for offset, sentence in sentences(text):
                offset = _lstrip_offset(sentence, offset)
                yield Unit(
                    "sentence", " ".join(sentence.split()), line + text.count("\n", 0, offset)
                )


# --- HTML -----------------------------------------------------------------

SKIP_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "pre", "code", "script", "style", "dt", "summary"}
# Parts of the article that are not its text: the byline and the print
# header (independence line, review date), the source list, the report link, the edit button, admonition titles, permalinks.
SKIP_CLASSES = {
    "kb-byline",
    "kb-print-header",
    "kb-reviewed",
    "kb-sources",
    "kb-report",
    "md-content__button",
    "admonition-title",
    "headerlink",
    "md-source-file",
}
VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source"}
BLOCKS = {"p", "div", "ul", "ol", "table", "blockquote", "details", "summary", "dl", "dd"}


class _ArticleUnits(HTMLParser):
    """Units of the `<article>` of a built page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.units: list[Unit] = []
        self.depth = 0  # inside <article> when > 0
        self.skip = 0  # depth of skipped elements
        self.stack: list[tuple[str, bool]] = []  # (tag, skipping)
        self.containers: list[list] = []  # [kind, parts]
        self.paragraph: list[str] | None = None
        self.citing = False

    def _text(self, text: str) -> None:
        if self.containers and self.containers[-1][0] in ("list item", "table row"):
            self.containers[-1][1].append(text)
        elif self.paragraph is not None:
            self.paragraph.append(text)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "article":
            self.depth += 1
        if not self.depth or tag in VOID:
            return
        classes = set((attributes.get("class") or "").split())
        skipping = (
            tag in SKIP_TAGS or bool(classes & SKIP_CLASSES) or attributes.get("id") == "sources"
        )
        self.stack.append((tag, skipping))
        if skipping:
            self.skip += 1
        if self.skip:
            return
        href = attributes.get("href") or ""
        if tag == "a" and href.startswith("#source-"):
            self._text(f" [@{href.removeprefix('#source-')}]")
            self.citing = True
        elif tag in ("li", "tr"):
            self._flush()
            self.containers.append(["list item" if tag == "li" else "table row", []])
        elif tag in BLOCKS:
            self._flush()
            if tag == "p" and not (self.containers and self.containers[-1][0] != "block"):
                self.paragraph = []
            elif tag in ("blockquote", "details", "dd", "div"):
                self.containers.append(["block", []])
        elif tag in ("td", "th"):
            self._text(" ")

    def handle_endtag(self, tag):
        if not self.depth or tag in VOID:
            return
        if tag == "article":
            self.depth -= 1
            return
        # Pop to the matching element (the HTML is well formed; be lenient anyway).
        while self.stack:
            opened, skipping = self.stack.pop()
            if skipping:
                self.skip -= 1
            if not self.skip and not skipping:
                self._close(opened)
            if opened == tag:
                break

    def _close(self, tag: str) -> None:
        if tag == "a" and self.citing:
            self.citing = False
        elif tag in ("li", "tr"):
            self._flush()
            kind, parts = self.containers.pop()
            text = " ".join("".join(parts).split())
            if text:
                self.units.append(Unit(kind, text))
        elif tag == "p":
            self._flush()
        elif tag in ("blockquote", "details", "dd", "div") and self._in_block():
            self._flush()
            self.containers.pop()

    def _in_block(self) -> bool:
        return bool(self.containers) and self.containers[-1][0] == "block"

    def _flush(self) -> None:
        if self.paragraph is not None:
            text = "".join(self.paragraph)
            self.units.extend(Unit("sentence", " ".join(s.split())) for _, s in sentences(text))
        self.paragraph = None

    def handle_data(self, data):
        if not self.depth or self.skip or self.citing:
            return
        if self.paragraph is None and not self.containers:
            return  # text outside paragraphs, items and rows: not a claim
        if self.paragraph is None and self.containers[-1][0] == "block":
            self.paragraph = []  # loose text directly in a block (e.g. <details>)
        self._text(data)


def html_units(html: str) -> list[Unit]:
    """Units of the article of a built page (the same kinds as the Markdown's)."""
    parser = _ArticleUnits()
    parser.feed(html)
    parser.close()
    parser._flush()
    return parser.units
