"""Citations: `[@id]` and `[@id-one; @id-two]` become numbered superscript
links to the page's source list, which this extension renders at the end of
the content from data/sources.yml (kb.site.sources).

    markdown_extensions:
      kb.markdown.citations: {registry: data/sources.yml, lang: zh}

Sources are numbered by their first citation on the page; each entry links
back to every citation of it. An id that is not in the registry renders as a
visible marker and logs a warning (so `mkdocs build --strict` fails); `make
check` reports it too (CT001). Inside code spans and blocks `[@id]` stays text.
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as etree
from pathlib import Path

from markdown import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from .. import ROOT
from ..site.claims import CITATION, SOURCE_ID, citation_ids
from ..site.sources import REGISTRY, Registry, Source, load_registry

# MkDocs' strict mode counts warnings of the "mkdocs" logger and its children
# only; Python-Markdown's own logger ("MARKDOWN") would not fail the build.
log = logging.getLogger("mkdocs.kb.citations")

CITE_ATTR = "data-kb-cite"
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WORDS = {
    "zh": {
        "heading": "来源",
        "accessed": "访问于",
        "missing": "来源缺失：",
        "back": "回到正文第 {n} 处引用",
        "open": "（",
        "close": "）",
        "comma": "，",
        "stop": "。",
    },
    "en": {
        "heading": "Sources",
        "accessed": "Accessed",
        "missing": "missing source: ",
        "back": "Back to citation {n} in the text",
        "open": " (",
        "close": ")",
        "comma": ", ",
        "stop": ". ",
    },
}


def format_date(value: str, lang: str) -> str:
    """`2023-06-27` as 2023 年 6 月 27 日 / 27 June 2023 (also YYYY-MM and YYYY)."""
    parts = [int(part) for part in value.split("-") if part.isdigit()]
    if not parts or len(parts) > 3 or len(parts) != len(value.split("-")):
        return value
    if lang == "zh":
        return " ".join(
            f"{number} {unit}" for number, unit in zip(parts, "年月日", strict=False)
        ).strip()
    if not 1 <= (parts[1] if len(parts) > 1 else 1) <= 12:
        return value
    words = [str(parts[0])]
    if len(parts) > 1:
        words.insert(0, MONTHS[parts[1] - 1])
    if len(parts) > 2:
        words.insert(0, str(parts[2]))
    return " ".join(words)


def _sentence(text: str, lang: str) -> str:
    """`text` ended with one full stop of the language."""
    text = text.strip().rstrip("。．.;；")
    if not text:
        return ""
    if lang == "zh":
        return text if text[-1] in "！？" else text + "。"
    return text if text[-1] in "!?" else text + "."


class CitationInline(InlineProcessor):
    """`[@a; @b]` -> <sup class="cite"> with one placeholder <a> per id; the
    tree processor numbers them, since inline processing does not run in
    document order."""

    def handleMatch(self, match, data):
        sup = etree.Element("sup", {"class": "cite"})
        for source_id in citation_ids(match.group(1)) or [""]:
            link = etree.SubElement(sup, "a", {CITE_ATTR: source_id})
            link.text = AtomicString("")
        return sup, match.start(0), match.end(0)


class CitationTree(Treeprocessor):
    def __init__(self, md, extension: CitationsExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def _page(self) -> str:
        """The page being converted, when MkDocs says (for the warning)."""
        try:
            return f" in {self.md.treeprocessors['relpath'].file.src_uri}"
        except (KeyError, AttributeError):
            return ""

    def run(self, root: etree.Element) -> None:
        registry = self.extension.registry()
        lang = self.extension.lang
        words = WORDS[lang]
        numbers: dict[str, int] = {}  # source id -> its number on this page
        backlinks: dict[str, list[str]] = {}  # source id -> ids of its citations
        for link in [element for element in root.iter("a") if CITE_ATTR in element.attrib]:
            source_id = link.attrib.pop(CITE_ATTR)
            if not SOURCE_ID.fullmatch(source_id) or source_id not in registry:
                log.warning(
                    "citation [@%s]%s: no source with this id in %s",
                    source_id,
                    self._page(),
                    registry.path,
                )
                link.tag = "span"
                link.attrib["class"] = "cite-missing"
                link.text = AtomicString(f"[{words['missing']}{source_id}]")
                continue
            number = numbers.setdefault(source_id, len(numbers) + 1)
            anchor = f"cite-{source_id}-{len(backlinks.setdefault(source_id, [])) + 1}"
            backlinks[source_id].append(anchor)
            link.attrib.update({"href": f"#source-{source_id}", "id": anchor})
            link.text = AtomicString(f"[{number}]")
        if numbers:
            self._source_list(root, registry, numbers, backlinks)

    def _source_list(self, root, registry: Registry, numbers, backlinks) -> None:
        lang = self.extension.lang
        words = WORDS[lang]
        heading = etree.SubElement(root, "h2", {"id": "sources"})
        heading.text = words["heading"]
        listing = etree.SubElement(root, "ol", {"class": "kb-sources"})
        for source_id in sorted(numbers, key=numbers.get):
            item = etree.SubElement(listing, "li", {"id": f"source-{source_id}"})
            self._entry(item, registry.sources[source_id], lang, words)
            self._backlinks(item, backlinks[source_id], words)

    @staticmethod
    def _entry(item: etree.Element, source: Source, lang: str, words: dict) -> None:
        title = etree.SubElement(item, "a", {"href": source.url or ""})
        title.text = source.title_in(lang)
        details = [
            part
            for part in (
                source.publisher_in(lang),
                format_date(source.published, lang) if source.published else "",
            )
            if part
        ]
        tail = ""
        if details:
            tail += words["open"] + words["comma"].join(details) + words["close"]
        sentences = [_sentence(source.note_in(lang), lang)]
        if source.accessed:
            accessed = format_date(source.accessed, lang)
            sentences.append(_sentence(f"{words['accessed']} {accessed}", lang))
        joiner = "" if lang == "zh" else " "
        tail += ("。" if lang == "zh" else ". ") + joiner.join(s for s in sentences if s)
        title.tail = tail.rstrip()

    @staticmethod
    def _backlinks(item: etree.Element, anchors: list[str], words: dict) -> None:
        """↩ after the entry: one link, or ↩ 1 2 3 for a source cited several times."""
        item[-1].tail = (item[-1].tail or "") + " "
        if len(anchors) == 1:
            label = words["back"].format(n=1)
            back = etree.SubElement(
                item, "a", {"href": f"#{anchors[0]}", "class": "cite-back", "aria-label": label}
            )
            back.text = "↩"
            return
        group = etree.SubElement(item, "span", {"class": "cite-back"})
        group.text = "↩ "
        for n, anchor in enumerate(anchors, start=1):
            label = words["back"].format(n=n)
            back = etree.SubElement(group, "a", {"href": f"#{anchor}", "aria-label": label})
            back.text = str(n)
            back.tail = " " if n < len(anchors) else ""


class CitationsExtension(Extension):
    def __init__(self, **kwargs) -> None:
        self.config = {
            "registry": [
                REGISTRY.as_posix(),
                "the source registry (YAML), relative to the current folder or to the repository",
            ],
            "lang": ["zh", "language of the rendered source list: zh or en"],
        }
        super().__init__(**kwargs)

    @property
    def lang(self) -> str:
        lang = self.getConfig("lang")
        return lang if lang in WORDS else "en"

    def registry(self) -> Registry:
        path = Path(self.getConfig("registry"))
        if not path.is_absolute() and not path.is_file() and (ROOT / path).is_file():
            path = ROOT / path
        registry = load_registry(path)
        if not registry.exists:
            log.warning("source registry %s not found", path)
        return registry

    def extendMarkdown(self, md) -> None:
        # Above `reference` (170), which would read `[@id]` as a reference link;
        # below `backtick` (190), so code spans keep `[@id]` as text.
        md.inlinePatterns.register(CitationInline(CITATION.pattern, md), "kb-citation", 172)
        # After inline (20), before toc (5): the 来源 / Sources heading joins the
        # table of contents.
        md.treeprocessors.register(CitationTree(md, self), "kb-citations", 12)


def makeExtension(**kwargs) -> CitationsExtension:
    return CitationsExtension(**kwargs)
