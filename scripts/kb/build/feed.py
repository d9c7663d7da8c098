"""Atom feed of the policy timeline: docs/<lang>/timeline.md -> <built site>/timeline.xml.

timeline.md is written in a fixed, machine-readable form (see docs/zh/timeline.md):

    ## 2017 { #y2017 }
    ### 2017-11-01 Entry title { #e2017-11-01-short-slug }
    One-paragraph summary (becomes the entry's summary).
    A line with the confidence label.
    A link to the article that explains it (becomes the entry's related link).

One H2 per year, newest first, and one H3 per entry, newest first. Each entry's id and
link are the timeline page's URL + "#" + the heading ID, and its `updated` is the entry date,
so the feed only changes when the timeline does.

Run by `python -m kb postbuild SITE_DIR [CONFIG ...]` (kb/build/__init__.py) for every
language (default configs: mkdocs.yml mkdocs.en.yml).
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from .. import ROOT
from ..site.claims import CITATION
from ..site.config import ConfigError, TextLoader, read_config
from ..site.frontmatter import split_front_matter
from ..site.pages import CONFIG_FILES, url_path

# The primary (Chinese) build first: the other languages' site_dir lies inside its site_dir.
CONFIGS = tuple(ROOT / name for name in CONFIG_FILES.values())
TIMELINE = "timeline.md"
FEED_NAME = "timeline.xml"
ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = {"zh": "zh-Hans"}

# Headings carry Python-Markdown attr_list IDs (`{ #id }`), which markdown-it-py leaves in the
# heading text; these patterns read them (mdit's attrs plugin expects a different placement).
YEAR_HEADING = re.compile(r"^(?P<year>\d{4})\s*\{\s*#(?P<id>[^\s}]+)\s*\}$")
ENTRY_HEADING = re.compile(
    r"^(?P<date>\d{4}-\d{2}-\d{2})\s*(?P<title>.*?)\s*\{\s*#(?P<id>[^\s}]+)\s*\}$"
)
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class FeedError(Exception):
    """Bad input, reported as `path:line: CODE message` (never a traceback).
    `make check` reports the same errors as findings (kb/rules/feed_timeline.py)."""

    def __init__(self, path: Path, line: int, code: str, message: str) -> None:
        self.path, self.line, self.code, self.message = path, line, code, message
        if path.resolve().is_relative_to(Path.cwd()):
            path = path.resolve().relative_to(Path.cwd())
        super().__init__(f"{path}:{line}: {code} {message}")


@dataclass(frozen=True)
class Entry:
    date: dt.date
    anchor: str
    title: str
    summary: str
    article: str | None  # href of the first link after the summary, as written in Markdown
    line: int


@dataclass(frozen=True)
class Timeline:
    title: str
    description: str
    entries: list[Entry]


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise FeedError(path, 1, "FEED001", f"cannot read file: {error}") from None


def _load_yaml(path: Path, text: str, line_offset: int = 0) -> object:
    try:
        return yaml.load(text, Loader=TextLoader)  # a SafeLoader: no code runs
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = line_offset + (mark.line + 1 if mark else 1)
        raise FeedError(path, line, "FEED002", f"invalid YAML: {error}") from None


def load_config(path: Path) -> dict:
    """A MkDocs config with INHERIT applied (deep merge, like MkDocs does)."""
    try:
        config = read_config(path)
    except ConfigError as error:
        raise FeedError(error.path, error.line, "FEED002", error.message) from None
    for key in ("site_url", "docs_dir", "site_dir"):
        if not isinstance(config.get(key), str) or not config[key]:
            raise FeedError(path, 1, "FEED003", f"config has no `{key}` (needed for the feed)")
    return config


def _plain_text(children: list[Token] | None) -> str:
    parts = []
    for token in children or []:
        if token.type in ("text", "code_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts).strip()


def _first_link(children: list[Token] | None) -> str | None:
    for token in children or []:
        if token.type == "link_open":
            return str(token.attrs.get("href", ""))
    return None


def parse_timeline(path: Path, text: str | None = None) -> Timeline:
    """The timeline at `path` (its `text` when already read), or the first FeedError."""
    source, _, body = split_front_matter(_read_text(path) if text is None else text)
    # The body keeps its line numbers, so token lines are the file's lines.
    md = MarkdownIt("commonmark").enable("table")
    tokens = md.parse(body)

    meta: object = {}
    if source is not None:
        meta = _load_yaml(path, source, line_offset=1)
    if not isinstance(meta, dict) or not meta.get("title"):
        raise FeedError(path, 1, "FEED004", "front matter needs a `title`")

    entries: list[Entry] = []
    seen: dict[str, int] = {}
    year: int | None = None
    current: dict | None = None  # the entry being read: heading fields, then summary and link

    def finish(entry: dict | None) -> None:
        if entry is None:
            return
        if not entry["summary"]:
            raise FeedError(
                path, entry["line"], "FEED017", "entry needs a summary paragraph after its heading"
            )
        if not entry["article"]:
            raise FeedError(
                path, entry["line"], "FEED018", "entry needs a link to the article explaining it"
            )
        entries.append(Entry(**entry))

    for index, token in enumerate(tokens):
        line = token.map[0] + 1 if token.map else 1
        if token.type == "heading_open" and token.tag in ("h2", "h3"):
            text = tokens[index + 1].content.strip()
            if token.tag == "h2":
                finish(current)
                current = None
                match = YEAR_HEADING.match(text)
                if not match or match["id"] != f"y{match['year']}":
                    raise FeedError(
                        path,
                        line,
                        "FEED011",
                        f"year heading must read `## YYYY {{ #yYYYY }}`: {text}",
                    )
                new_year = int(match["year"])
                if year is not None and new_year >= year:
                    raise FeedError(
                        path, line, "FEED019", f"years must be newest first: {new_year}"
                    )
                year = new_year
                continue
            finish(current)
            current = None
            match = ENTRY_HEADING.match(text)
            if not match or not match["title"]:
                raise FeedError(
                    path,
                    line,
                    "FEED012",
                    "entry heading must read `### YYYY-MM-DD Title { #eYYYY-MM-DD-slug }`: " + text,
                )
            try:
                date = dt.date.fromisoformat(match["date"])
            except ValueError:
                raise FeedError(path, line, "FEED013", f"not a date: {match['date']}") from None
            if year is None:
                raise FeedError(path, line, "FEED010", "entry before the first year heading")
            if date.year != year:
                raise FeedError(path, line, "FEED014", f"entry dated {date} is under year {year}")
            anchor = match["id"]
            prefix = f"e{match['date']}-"
            if not anchor.startswith(prefix) or not SLUG.match(anchor[len(prefix) :]):
                raise FeedError(
                    path,
                    line,
                    "FEED015",
                    f"entry ID must be `{prefix}` + a lowercase slug, not `{anchor}`",
                )
            if anchor in seen:
                raise FeedError(
                    path, line, "FEED016", f"ID `{anchor}` already used on line {seen[anchor]}"
                )
            seen[anchor] = line
            if entries and date > entries[-1].date:
                raise FeedError(path, line, "FEED019", f"entries must be newest first: {date}")
            title = _plain_text(md.parseInline(match["title"])[0].children)
            current = {"date": date, "anchor": anchor, "title": title, "line": line}
            current.update(summary="", article=None)
        elif current is not None and token.type == "inline":
            # Only paragraphs count (this also skips the entry heading's own text).
            if tokens[index - 1].type != "paragraph_open":
                continue
            if not current["summary"]:
                # Citation markers stay out of the feed: a feed reader has no
                # source list; the entry links to the timeline, which has one.
                summary = CITATION.sub("", _plain_text(token.children))
                current["summary"] = re.sub(r"\s+([。，；：、.,;:])", r"\1", summary).strip()
            elif current["article"] is None:
                current["article"] = _first_link(token.children)
        elif current is not None and token.type == "heading_open":
            # A deeper heading (H4 ...) ends the entry's own text.
            finish(current)
            current = None
    finish(current)

    if not entries:
        raise FeedError(path, 1, "FEED020", "no timeline entries (### YYYY-MM-DD ...) found")
    return Timeline(str(meta["title"]), str(meta.get("description", "")), entries)


def page_url(config: dict, source: str) -> str:
    """Built URL of a docs-relative .md path (with any #fragment), as MkDocs would make it."""
    return urljoin(config["site_url"].rstrip("/") + "/", url_path(source))


def _stamp(date: dt.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"


def build_feed(timeline: Timeline, config: dict) -> bytes:
    page = page_url(config, TIMELINE)
    feed_url = urljoin(config["site_url"].rstrip("/") + "/", FEED_NAME)
    language = str((config.get("theme") or {}).get("language", ""))
    ET.register_namespace("", ATOM)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        element.text = text
        return element

    feed = ET.Element(f"{{{ATOM}}}feed")
    if language:
        feed.set("{http://www.w3.org/XML/1998/namespace}lang", XML_LANG.get(language, language))
    site_name = str(config.get("site_name", "")).strip()
    sub(feed, "title", f"{timeline.title} · {site_name}" if site_name else timeline.title)
    if timeline.description:
        sub(feed, "subtitle", timeline.description)
    sub(feed, "id", feed_url)
    sub(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    sub(feed, "link", rel="alternate", type="text/html", href=page)
    sub(feed, "updated", _stamp(max(entry.date for entry in timeline.entries)))
    author = sub(feed, "author")
    sub(author, "name", str(config.get("site_author") or site_name or "contributors"))

    for entry in timeline.entries:
        link = f"{page}#{entry.anchor}"
        item = sub(feed, "entry")
        sub(item, "title", entry.title)
        sub(item, "id", link)
        sub(item, "link", rel="alternate", type="text/html", href=link)
        if entry.article:
            related = entry.article
            if not re.match(r"^[a-z][a-z0-9+.-]*:", related):
                related = page_url(config, related)
            sub(item, "link", rel="related", type="text/html", href=related)
        sub(item, "updated", _stamp(entry.date))
        sub(item, "summary", entry.summary, type="text")

    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def write_feed(config_path: Path, out_dir: Path) -> Path:
    """Write out_dir/timeline.xml from the timeline of the build that config_path describes."""
    config = load_config(config_path)
    timeline = parse_timeline(config_path.parent / config["docs_dir"] / TIMELINE)
    if not out_dir.is_dir():
        raise FeedError(out_dir, 1, "FEED021", "built site not found (run mkdocs build first)")
    target = out_dir / FEED_NAME
    target.write_bytes(build_feed(timeline, config))
    return target


def write_all(site_root: Path, configs: tuple[Path, ...] = CONFIGS) -> list[Path]:
    """One feed per language. Each build's output directory is its site_dir relative to the
    primary build's site_dir, applied to site_root (so a build into /tmp/x/site works too)."""
    primary = configs[0]
    primary_site = (primary.parent / load_config(primary)["site_dir"]).resolve()
    written = []
    for config_path in configs:
        site_dir = (config_path.parent / load_config(config_path)["site_dir"]).resolve()
        try:
            relative = site_dir.relative_to(primary_site)
        except ValueError:
            raise FeedError(
                config_path, 1, "FEED003", f"site_dir must lie inside {primary_site}"
            ) from None
        written.append(write_feed(config_path, site_root / relative))
    return written
