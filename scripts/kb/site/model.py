"""The parsed model of the docs that every rule reads.

Each page is read once: bytes, decoded text, front matter, headings, links,
images and raw HTML, each with its line number. Parsing never raises on file
content: what cannot be read is recorded on the page (`decode_error`,
`front_matter_error`) for the rules to report.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from html.parser import HTMLParser
from pathlib import Path

import yaml
from markdown_it import MarkdownIt
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin
from .config import ConfigError, ConfigFile, TextLoader, read_file
from .frontmatter import split_front_matter
from .pages import CONFIG_FILES as CONFIGS
from .pages import LANGUAGES

from ..parallel import parallel_map

# Larger pages are not parsed (SZ001): no article is near this, and parsing a
# multi-megabyte paste would stall every check. Longer lines are left out of
# the Markdown parse (SZ002): deeply nested inline HTML on one line is what
# makes parsers recurse without bound.
MAX_PAGE_BYTES = 512 * 1024
MAX_LINE_CHARS = 10_000

# `## 两步验证 { #two-step-verification }` (Python-Markdown attr_list syntax).
HEADING_ATTRS = re.compile(r"\s*\{:?\s*([^}]*)\}\s*$")
HEADING_ID = re.compile(r"(?:^|\s)#([^\s}]+)")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str  # without the `{ #id }` attribute block
    id: str | None
    line: int
    has_link: bool
    has_content: bool  # any block other than a heading before the next heading
    # Token types of the top-level blocks before the next heading, e.g. "ordered_list_open".
    blocks: tuple[str, ...] = ()


@dataclass(frozen=True)
class Link:
    kind: str  # "link", "image" or "html" (href/src in raw HTML)
    target: str
    text: str  # link text, or image alt text
    line: int
    col: int
    tag: str = ""  # for kind "html": the element, e.g. "a" or "img" (text is then its alt)
    title: str = ""  # a Markdown link's or image's "title", shown as a tooltip


@dataclass(frozen=True)
class RawHtml:
    line: int
    text: str


@dataclass
class Page:
    root: Path
    path: Path  # relative to root, e.g. docs/zh/sign-in/index.md
    lang: str
    rel: str  # relative to the language's docs dir, POSIX, e.g. sign-in/index.md
    raw: bytes
    text: str | None = None
    decode_error: str | None = None
    front_matter: dict | None = None
    front_matter_error: tuple[int, str] | None = None
    front_matter_lines: dict[str, int] = field(default_factory=dict)
    # (line, col) of every key and list item, by path: ("sources", 0, "url") -> (12, 5).
    front_matter_positions: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    front_matter_unterminated: bool = False  # starts with --- but never closes it
    body_start: int = 1  # line number of the first line after the front matter
    headings: list[Heading] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    html: list[RawHtml] = field(default_factory=list)
    include: bool = False  # a docs/includes/ file, appended to pages by the build
    too_large: bool = False  # over MAX_PAGE_BYTES: read, not parsed
    long_lines: list[int] = field(default_factory=list)  # over MAX_LINE_CHARS: not parsed
    parse_error: str | None = None  # the Markdown parser gave up on the body
    # markdown-it's block tokens of the body, kept so that no rule parses again.
    tokens: list = field(default_factory=list, repr=False)

    @property
    def display(self) -> str:
        return self.path.as_posix()

    @property
    def meta(self) -> dict:
        return self.front_matter if isinstance(self.front_matter, dict) else {}

    @property
    def title(self) -> str | None:
        title = self.meta.get("title")
        return title if isinstance(title, str) else None

    @property
    def images(self) -> list[Link]:
        return [link for link in self.links if link.kind == "image"]

    @cached_property
    def lines(self) -> list[str]:
        return (self.text or "").split("\n")

    def meta_line(self, key: str) -> int:
        """Line of a front-matter key, or of the front matter's start."""
        return self.front_matter_lines.get(key, 1)


@dataclass
class NavEntry:
    lang: str
    config: str  # e.g. mkdocs.en.yml
    target: str  # a page path relative to docs_dir, or an external URL
    title: str | None
    line: int


@dataclass
class Docs:
    root: Path
    pages: list[Page]
    nav: list[NavEntry]
    configs: dict[str, dict]  # lang -> parsed config (INHERIT not resolved)
    config_errors: list[tuple[str, int, str]]  # (config path, line, message)
    # lang -> the config file as parsed (values and the line of every key)
    config_files: dict[str, ConfigFile] = field(default_factory=dict)
    other_files: list[Path] = field(default_factory=list)  # non-Markdown files under docs/
    # Files outside docs/zh and docs/en that reach the build (docs/includes/ snippets).
    includes: list[Page] = field(default_factory=list)
    symlinks: list[Path] = field(default_factory=list)  # under docs/, not followed
    read_errors: list[tuple[str, str]] = field(default_factory=list)  # (path, why)

    @property
    def checked(self) -> list[Page]:
        """Pages and includes: every Markdown file whose text reaches the site."""
        return [*self.pages, *self.includes]

    def page(self, lang: str, rel: str) -> Page | None:
        return self._index.get((lang, rel))

    def by_lang(self, lang: str) -> list[Page]:
        return [page for page in self.pages if page.lang == lang]

    @cached_property
    def _index(self) -> dict[tuple[str, str], Page]:
        return {(page.lang, page.rel): page for page in self.pages}


def _markdown() -> MarkdownIt:
    md = (
        MarkdownIt("commonmark", {"html": True})
        .enable("table")
        .use(admon_plugin)
        .use(deflist_plugin)
        .use(footnote_plugin)
    )
    # markdown-it drops `javascript:`/`data:` links, but Python-Markdown renders
    # them: keep every link so the link-policy rules can report them.
    md.validateLink = lambda url: True
    md.core.ruler.at("inline", _parse_inline_with_links)
    return md


def _parse_inline_with_links(state) -> None:
    """markdown-it's inline step, skipped for text that cannot hold a link, an
    image or inline HTML (no `[` and no `<`): nothing reads that text's tokens,
    and inline parsing is most of the parsing time (see make bench)."""
    for token in state.tokens:
        if token.type == "inline":
            token.children = token.children or []
            if "[" in token.content or "<" in token.content:
                state.md.inline.parse(token.content, state.md, state.env, token.children)


MD = _markdown()

# The opening or closing line of a fenced code block, also inside list items and quotes.
FENCE = re.compile(r"^\s*(?:[>*+-]\s+|\d+[.)]\s+)*(`{3,}|~{3,})")
# An inline code span within one line.
CODE_SPAN = re.compile(r"(`+).*?\1")


def source_lines(page: Page) -> Iterator[tuple[int, str, bool]]:
    """(line number, text with code spans blanked, inside fenced code) of the
    body: the one reading of code blocks that every line-based rule shares."""
    fence = None
    start = 1 if page.include else page.body_start
    for number, line in enumerate(page.lines[start - 1 :], start=start):
        opening = FENCE.match(line)
        if opening:
            marker = opening.group(1)
            if fence is None:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                fence = None
            yield number, line, True
            continue
        if fence is not None:
            yield number, line, True
        else:
            yield number, CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line), False


# Mistakes people make when typing YAML by hand, checked when the YAML does not
# parse, so the message names the line and the fix rather than the parser's term.
YAML_HINTS = (
    (re.compile(r"^\s*(?:-\s*)?[A-Za-z_][\w-]*\s*："), "uses a full-width colon '：'; type ':'"),
    (re.compile(r"^\t|^ *-? *\t"), "is indented with a tab; YAML needs spaces"),
    (re.compile(r"^\s*(?:-\s*)?[A-Za-z_][\w-]*:(?!//)\S"), "needs a space after the colon"),
)


def _yaml_hint(source: str) -> tuple[int, str] | None:
    for number, line in enumerate(source.split("\n"), start=2):
        for pattern, hint in YAML_HINTS:
            if pattern.search(line):
                return number, f"front matter line {number} {hint}"
    return None


def yaml_positions(root: yaml.Node, first_line: int = 2) -> dict[tuple, tuple[int, int]] | None:
    """(line, col) of every key and list item; None if a node is reached twice
    (a YAML alias, which front matter never needs and which could expand without bound).
    `first_line` is the file line of the YAML's first line (2: after front matter's ---)."""
    positions: dict[tuple, tuple[int, int]] = {}
    seen: set[int] = set()
    stack: list[tuple[tuple, yaml.Node]] = [((), root)]
    while stack:
        path, node = stack.pop()
        if id(node) in seen:
            return None
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            children = [(key.value, key, value) for key, value in node.value]
        elif isinstance(node, yaml.SequenceNode):
            children = [(index, item, item) for index, item in enumerate(node.value)]
        else:
            continue
        for name, mark_node, value in children:
            child = (*path, name if isinstance(name, str | int) else str(name))
            mark = mark_node.start_mark
            positions.setdefault(child, (mark.line + first_line, mark.column + 1))
            stack.append((child, value))
    return positions


def parse_front_matter(page: Page, source: str) -> None:
    try:
        loader = TextLoader(source)
        try:
            node = loader.get_single_node()
            positions = yaml_positions(node) if node is not None else {}
            if positions is None:
                page.front_matter_error = (2, "front matter must not use YAML anchors or aliases")
                return
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error).split("\n")[0]
        context = getattr(error, "context", None) or ""
        if "flow" in context or "quoted" in context:
            # An unclosed [ { or quote: the line that opened it is the one to fix.
            mark = getattr(error, "context_mark", None) or mark
            opener = "a quote" if "quoted" in context else "`{`" if "mapping" in context else "`[`"
            problem = (
                f"{opener} on this line is not closed properly "
                "(put a value that starts with [ or { in quotes)"
            )
        line = mark.line + 2 if mark else 1  # +1 for the opening ---, +1 for 1-based
        page.front_matter_error = _yaml_hint(source) or (
            line,
            f"front matter is not valid YAML: {problem}",
        )
        return
    except RecursionError:
        page.front_matter_error = (1, "front matter is nested too deeply to read")
        return
    except Exception as error:  # noqa: BLE001 - e.g. an integer too long to convert
        page.front_matter_error = (1, f"front matter cannot be read: {error}")
        return
    if data is None:
        data = {}
    if not isinstance(data, dict):
        page.front_matter_error = _yaml_hint(source) or (
            2,
            "front matter must be a list of `key: value` lines",
        )
        return
    page.front_matter = data
    page.front_matter_positions = positions
    for path, (line, _col) in positions.items():
        if len(path) == 1 and isinstance(path[0], str):
            page.front_matter_lines[path[0]] = line


class _HtmlLinks(HTMLParser):
    """Collects href/src attributes from a raw HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        # (line offset, col, tag, value, alt text of an <img>)
        self.found: list[tuple[int, int, str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        line, col = self.getpos()
        alt = next((value or "" for name, value in attrs if name == "alt"), "")
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.found.append((line - 1, col, tag, value, alt if tag == "img" else ""))


def _html_links(fragment: str, first_line: int) -> list[Link]:
    parser = _HtmlLinks()
    try:
        parser.feed(fragment)
        parser.close()
    except Exception:  # noqa: BLE001 - HTMLParser may choke on garbage; links are best effort
        return []
    return [
        Link("html", value, alt, first_line + offset, col + 1, tag)
        for offset, col, tag, value, alt in parser.found
    ]


def _column(line_text: str, needle: str) -> int:
    index = line_text.find(needle) if needle else -1
    return index + 1 if index >= 0 else 1


def parse_body(page: Page, body: str) -> None:
    lines = body.split("\n")
    if any(len(line) > MAX_LINE_CHARS for line in lines):
        page.long_lines = [n for n, line in enumerate(lines, 1) if len(line) > MAX_LINE_CHARS]
        body = "\n".join("" if len(line) > MAX_LINE_CHARS else line for line in lines)
        lines = body.split("\n")
    try:
        tokens = MD.parse(body)
    except RecursionError:
        page.parse_error = "nesting too deep to parse"
        return
    except Exception as error:  # noqa: BLE001 - any text is data: report, never crash
        page.parse_error = f"the Markdown parser failed: {type(error).__name__}"
        return
    page.tokens = tokens
    open_heading: dict | None = None
    headings: list[dict] = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            inline = tokens[index + 1]
            raw = inline.content
            attrs = HEADING_ATTRS.search(raw)
            heading_id = None
            if attrs:
                id_match = HEADING_ID.search(attrs.group(1))
                heading_id = id_match.group(1) if id_match else None
                raw = raw[: attrs.start()]
            has_link = any(child.type == "link_open" for child in inline.children or [])
            open_heading = {
                "level": int(token.tag[1]),
                "text": raw.strip(),
                "id": heading_id,
                "line": token.map[0] + 1 if token.map else 0,
                "has_link": has_link,
                "has_content": False,
                "blocks": [],
            }
            headings.append(open_heading)
        elif token.type == "heading_close":
            continue
        elif open_heading is not None and token.level == 0 and token.nesting >= 0:
            open_heading["has_content"] = True  # a block (not a heading) under the heading
            if token.nesting == 1 or token.type in ("fence", "code_block", "html_block", "hr"):
                open_heading["blocks"].append(token.type)
        if token.type == "inline" and token.children and token.map:
            line = token.map[0]
            for child in token.children:
                if child.type in ("softbreak", "hardbreak"):
                    line += 1
                elif child.type == "link_open":
                    href = str(child.attrs.get("href", ""))
                    col = _column(lines[line] if line < len(lines) else "", href)
                    title = str(child.attrs.get("title", ""))
                    text = _link_text(token.children, child)
                    page.links.append(Link("link", href, text, line + 1, col, title=title))
                elif child.type == "image":
                    src = str(child.attrs.get("src", ""))
                    col = _column(lines[line] if line < len(lines) else "", src)
                    title = str(child.attrs.get("title", ""))
                    page.links.append(Link("image", src, child.content, line + 1, col, title=title))
                elif child.type == "html_inline":
                    page.html.append(RawHtml(line + 1, child.content))
                    page.links.extend(_html_links(child.content, line + 1))
        elif token.type == "html_block" and token.map:
            page.html.append(RawHtml(token.map[0] + 1, token.content))
            page.links.extend(_html_links(token.content, token.map[0] + 1))
    page.headings = [Heading(**{**h, "blocks": tuple(h["blocks"])}) for h in headings]


def links_in(text: str) -> list[Link]:
    """The links of a page's Markdown text (front matter skipped), for a
    build step that has a page's text but not the whole model."""
    page = Page(root=Path(), path=Path(), lang="", rel="", raw=b"")
    _, _, body = split_front_matter(text.replace("\r\n", "\n").replace("\r", "\n"))
    parse_body(page, body)
    return page.links


def _link_text(children: list, opening) -> str:
    """The plain text between a link_open token and its link_close."""
    start = children.index(opening) + 1
    text = []
    for child in children[start:]:
        if child.type == "link_close":
            break
        if child.type in ("text", "code_inline"):
            text.append(child.content)
    return "".join(text)


def load_page(root: Path, path: Path, lang: str, include: bool = False) -> Page:
    base = root / "docs" / ("includes" if include else lang)
    rel = path.relative_to(base).as_posix()
    page = Page(root=root, path=path.relative_to(root), lang=lang, rel=rel, raw=b"")
    page.include = include
    try:
        page.raw = path.read_bytes()
    except OSError as error:
        page.decode_error = f"cannot read file: {error.strerror}"
        return page
    if len(page.raw) > MAX_PAGE_BYTES:
        page.too_large = True
        page.text = page.raw.decode("utf-8", errors="replace")
        return page
    raw = page.raw[3:] if page.raw.startswith(b"\xef\xbb\xbf") else page.raw
    try:
        page.text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        page.decode_error = f"not valid UTF-8 (byte {error.start})"
        return page
    text = page.text.replace("\r\n", "\n").replace("\r", "\n")
    source, page.body_start, body = split_front_matter(text)
    if include:
        parse_body(page, text)  # snippets have no front matter
        return page
    if source is not None:
        parse_front_matter(page, source)
    elif text.split("\n", 1)[0].rstrip() == "---":
        page.front_matter_unterminated = True
    parse_body(page, body)
    return page


def _nav_entries(node: yaml.Node, lang: str, config: str, title: str | None = None):
    """Walk a composed `nav:` node, yielding every page or link with its line."""
    if isinstance(node, yaml.ScalarNode):
        yield NavEntry(lang, config, str(node.value), title, node.start_mark.line + 1)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _nav_entries(item, lang, config)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _nav_entries(value, lang, config, str(key.value))


def load_config(root: Path, lang: str, docs: Docs) -> None:
    name = CONFIGS[lang]
    try:
        config = read_file(root / name)
    except ConfigError as error:
        docs.config_errors.append((name, error.line, error.message))
        return
    docs.configs[lang] = config.data
    docs.config_files[lang] = config
    nav = config.node_at("nav")
    if nav is not None:
        docs.nav.extend(_nav_entries(nav, lang, name))


def _load_page(job: tuple[Path, Path, str, bool]) -> Page:
    return load_page(*job)


def _walk(docs: Docs, folder: Path) -> list[Path]:
    """Every regular file under `folder`, sorted; symlinks are recorded, never
    followed (the build would copy whatever they point to into the site), and
    unreadable folders are recorded rather than skipped in silence."""
    files: list[Path] = []

    def unreadable(error: OSError) -> None:
        where = Path(error.filename or folder)
        shown = where.relative_to(docs.root).as_posix() if where.is_relative_to(docs.root) else str(where)
        docs.read_errors.append((shown, error.strerror or str(error)))

    for current, folders, names in os.walk(folder, onerror=unreadable, followlinks=False):
        here = Path(current)
        for name in [*folders, *names]:
            if (here / name).is_symlink():
                docs.symlinks.append((here / name).relative_to(docs.root))
        folders[:] = sorted(name for name in folders if not (here / name).is_symlink())
        files += [here / name for name in names if not (here / name).is_symlink()]
    return sorted(files)


def include_language(path: Path) -> str:
    """abbreviations.zh.md -> zh; an include named for neither language -> zh."""
    suffixes = path.name.split(".")[1:-1]
    return next((lang for lang in LANGUAGES if lang in suffixes), "zh")


def load_docs(root: Path) -> Docs:
    """Parse docs/zh, docs/en, docs/includes and both MkDocs configs under `root`."""
    docs = Docs(root=root, pages=[], nav=[], configs={}, config_errors=[])
    jobs = []
    for lang in LANGUAGES:
        load_config(root, lang, docs)
    language_folders = {root / "docs" / lang for lang in LANGUAGES}
    for path in _walk(docs, root / "docs") if (root / "docs").is_dir() else []:
        lang_folder = next((f for f in language_folders if path.is_relative_to(f)), None)
        if lang_folder is not None and path.suffix.lower() == ".md":
            jobs.append((root, path, lang_folder.name, False))
        elif path.is_relative_to(root / "docs" / "includes") and path.suffix.lower() == ".md":
            jobs.append((root, path, include_language(path), True))
        else:
            docs.other_files.append(path.relative_to(root))
    loaded = parallel_map(_load_page, jobs)
    docs.pages = [page for page in loaded if not page.include]
    docs.includes = [page for page in loaded if page.include]
    return docs
