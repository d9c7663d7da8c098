"""Internal links: relative Markdown links, images and anchors resolve in the
source, so a contributor gets the answer with a line number before any build.

`mkdocs build --strict` (the `validation` settings in mkdocs.yml) is still the
build-time check and lychee (`make linkcheck`) covers the built HTML, including
links in templates and raw HTML; these rules give the same answer earlier.
Raw HTML `href`/`src` values are left to lychee: MkDocs does not rewrite them,
so they resolve against the built page's address, not the Markdown file.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from markdown.extensions.toc import slugify, unique

from ..findings import Severity, rule
from ..site.model import Docs, Link, Page
from ..site.pages import language_of_url, source_candidates, strip_language

# `{ #id .class key=value }` attribute lists (attr_list) on any block.
ATTR_LIST = re.compile(
    r"\{:?[ \t]*((?:[#.][\w:.-]+|[\w-]+=(?:\"[^\"\n]*\"|'[^'\n]*'|\S+))"
    r"(?:[ \t]+(?:[#.][\w:.-]+|[\w-]+=(?:\"[^\"\n]*\"|'[^'\n]*'|\S+)))*)[ \t]*\}"
)
ATTR_ID = re.compile(r"(?:^|\s)#([\w:.-]+)")
HTML_ID = re.compile(r"""\s(?:id|name)\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
WEB_PAGE_SUFFIXES = (".html", ".htm")


def shown(text: str, limit: int = 120) -> str:
    """Text for a one-line message: control characters escaped, long text cut."""
    text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class Target:
    """Where a relative link in a page points, resolved in the source tree."""

    rel: str  # relative to the language's docs dir, POSIX, normalised
    fragment: str
    outside: bool  # climbs above the language's docs dir


def anchors(page: Page) -> frozenset[str]:
    """Heading IDs (explicit, or generated as MkDocs' toc extension does),
    `{ #id }` attribute lists on other blocks, and `id`/`name` in raw HTML."""
    found: set[str] = set()
    for heading in page.headings:
        found.add(heading.id or unique(slugify(heading.text, "-"), found))
    for line in page.lines:
        if "{" in line:
            for attrs in ATTR_LIST.finditer(line):
                found.update(ATTR_ID.findall(attrs.group(1)))
    for html in page.html:
        found.update(HTML_ID.findall(html.text))
    return frozenset(found)


@lru_cache(maxsize=65536)
def is_external(target: str) -> bool:
    try:
        parts = urlsplit(target)
    except ValueError:
        return True  # unreadable as an address: the link policy reports it (LP004)
    return bool(parts.scheme or parts.netloc)


def resolve(page: Page, target: str) -> Target:
    return _resolve(page.rel, target)


@lru_cache(maxsize=65536)  # LK001-LK003 resolve the same links; pages share many
def _resolve(page_rel: str, target: str) -> Target:
    parts = urlsplit(target)
    path = unquote(parts.path)
    fragment = unquote(parts.fragment)
    if not path:
        return Target(page_rel, fragment, False)
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page_rel), path))
    if path.endswith("/") and joined != ".":
        joined += "/"
    outside = joined == ".." or joined.startswith("../")
    return Target("" if joined == "." else joined, fragment, outside)


def relative_to(page: Page, rel: str) -> str:
    """The relative link from `page` to `rel` (both in the same docs dir)."""
    return posixpath.relpath(rel, posixpath.dirname(page.rel) or ".")


def page_for(docs: Docs, lang: str, rel: str) -> str | None:
    """The page a directory-style or .html address stands for, if any."""
    candidates = source_candidates(rel, WEB_PAGE_SUFFIXES)
    return next((c for c in candidates if docs.page(lang, c)), None)


def _files(docs: Docs) -> frozenset[str]:
    return frozenset(path.as_posix() for path in docs.other_files)


def _suggestion(docs: Docs, page: Page, rel: str) -> str:
    names = [p.rel for p in docs.by_lang(page.lang)]
    folded = {name.casefold(): name for name in names}
    if rel.casefold() in folded:
        match = folded[rel.casefold()]
        return f" (the file is `{relative_to(page, match)}`: letter case differs)"
    close = difflib.get_close_matches(rel, names, n=1, cutoff=0.75)
    return f" (did you mean `{relative_to(page, close[0])}`?)" if close else ""


def markdown_links(page: Page) -> Iterator[Link]:
    """Markdown links and images (raw HTML is left to lychee, see above)."""
    if page.text is not None:
        yield from (link for link in page.links if link.kind in ("link", "image"))


@rule(
    "LK001",
    "link-target-missing",
    Severity.ERROR,
    "A relative link or image points to a file that does not exist.",
    "Correct the path: it is relative to the page's own folder, and must stay "
    "inside the same language's folder (docs/zh or docs/en).",
)
def link_target_missing(docs, self):
    files = _files(docs)
    for page in docs.pages:
        for link in markdown_links(page):
            target = link.target.strip()
            if not target:
                yield self.at(page.display, link.line, link.col, "link with an empty target")
                continue
            if is_external(target) or target.startswith(("/", "#", "?")):
                continue
            where = resolve(page, target)
            kind = "image" if link.kind == "image" else "link"
            if where.outside:
                yield self.at(
                    page.display,
                    link.line,
                    link.col,
                    f"{kind} `{shown(target)}` points outside docs/{page.lang}/, "
                    "which is not published",
                )
            elif where.rel.endswith(".md"):
                if docs.page(page.lang, where.rel) is None:
                    yield self.at(
                        page.display,
                        link.line,
                        link.col,
                        f"{kind} `{shown(target)}`: page docs/{page.lang}/{shown(where.rel)} "
                        "does not exist" + _suggestion(docs, page, where.rel),
                    )
            elif (
                not where.rel.endswith("/")
                and not where.rel.endswith(WEB_PAGE_SUFFIXES)
                and f"docs/{page.lang}/{where.rel}" not in files
                and page_for(docs, page.lang, where.rel) is None
            ):
                yield self.at(
                    page.display,
                    link.line,
                    link.col,
                    f"{kind} `{shown(target)}`: file docs/{page.lang}/{shown(where.rel)} "
                    "does not exist",
                )


@rule(
    "LK002",
    "anchor-missing",
    Severity.ERROR,
    "A link's `#anchor` is not a heading ID (or `{ #id }`) of the page it points to.",
    "Use an ID that the target page's heading carries, e.g. `page.md#steps` for "
    "`## 解决步骤 { #steps }`, or add the `{ #id }` to the heading.",
)
def anchor_missing(docs, self):
    known: dict[str, frozenset[str]] = {}
    for page in docs.pages:
        for link in markdown_links(page):
            target = link.target.strip()
            if link.kind != "link" or is_external(target) or target.startswith("/"):
                continue
            where = resolve(page, target)
            if not where.fragment or where.outside:
                continue
            linked = docs.page(page.lang, where.rel)
            if linked is None or linked.text is None:
                continue  # a missing page is LK001's finding
            if linked.display not in known:
                known[linked.display] = anchors(linked)
            available = known[linked.display]
            if where.fragment not in available:
                ids = [h.id for h in linked.headings if h.id]
                hint = f"; its heading IDs: {', '.join(ids[:12])}" if ids else ""
                yield self.at(
                    page.display,
                    link.line,
                    link.col,
                    f"anchor `#{where.fragment}` not found in {linked.display}{hint}",
                )


@rule(
    "LK003",
    "link-not-to-markdown",
    Severity.ERROR,
    "A relative link points to a built address (`.html` or a folder) instead of the .md file.",
    "Link to the Markdown file, e.g. `reset-password.md` rather than `reset-password/` "
    "or `reset-password.html`: MkDocs turns it into the right address and checks it.",
)
def link_not_to_markdown(docs, self):
    for page in docs.pages:
        for link in markdown_links(page):
            target = link.target.strip()
            if link.kind != "link" or not target or is_external(target):
                continue
            if target.startswith(("/", "#", "?")):
                continue
            where = resolve(page, target)
            if where.outside or where.rel.endswith(".md"):
                continue
            web = where.rel.endswith("/") or where.rel.endswith(WEB_PAGE_SUFFIXES)
            linked = page_for(docs, page.lang, where.rel)
            if web or (linked and posixpath.splitext(where.rel)[1] == ""):
                fix = ""
                if linked:
                    anchor = f"#{where.fragment}" if where.fragment else ""
                    fix = f"link to `{relative_to(page, linked)}{anchor}` instead"
                yield self.at(
                    page.display,
                    link.line,
                    link.col,
                    f"link `{shown(target)}` points to a built address, not a .md file",
                    fix=fix,
                )


def _own_site(docs: Docs) -> dict[str, str]:
    """Language -> the site address path prefix, from each config's site_url."""
    prefixes = {}
    for lang, config in docs.configs.items():
        site_url = config.get("site_url") if isinstance(config, dict) else None
        if isinstance(site_url, str) and site_url:
            prefixes[lang] = site_url
    return prefixes


def _page_for_address(docs: Docs, path: str) -> tuple[str, str | None]:
    """(language, page) for a path on our site such as /en/sign-in/ or /sign-in/x/."""
    path = unquote(path)
    lang = language_of_url(path)
    return lang, page_for(docs, lang, strip_language(path))


@rule(
    "LK004",
    "absolute-site-link",
    Severity.ERROR,
    "A link to one of our own pages uses an absolute address (`/…` or the site's URL).",
    "Use a relative link to the .md file, e.g. `../security/phishing.md`: it keeps "
    "working in previews, in both languages and if the site moves.",
)
def absolute_site_link(docs, self):
    site_urls = _own_site(docs)
    own_hosts = {urlsplit(url).hostname for url in site_urls.values()}
    for page in docs.pages:
        for link in markdown_links(page):
            target = link.target.strip()
            if is_external(target) and not target.startswith(("http:", "https:", "//")):
                continue
            try:
                parts = urlsplit(target)
            except ValueError:
                continue
            own = parts.scheme in ("http", "https", "") and (
                (parts.netloc and parts.hostname in own_hosts)
                or (not parts.netloc and not parts.scheme and target.startswith("/"))
            )
            if not own:
                continue
            lang, linked = _page_for_address(docs, parts.path)
            fix = ""
            if linked and lang == page.lang:
                anchor = f"#{parts.fragment}" if parts.fragment else ""
                fix = f"link to `{relative_to(page, linked)}{anchor}` instead"
            elif linked:
                counterpart = docs.page(page.lang, linked)
                if counterpart:
                    fix = (
                        f"link to the page in this page's own language, "
                        f"`{relative_to(page, linked)}`; readers switch language with the "
                        "language selector"
                    )
            yield self.at(
                page.display,
                link.line,
                link.col,
                f"`{shown(target)}` is an absolute address of this site; use a relative link",
                fix=fix,
            )
