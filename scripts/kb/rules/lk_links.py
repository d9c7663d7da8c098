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

from ..findings import Severity, family, rule
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


family(
    "LK",
    "links",
    title={"en": "Internal links (LK)", "zh": "内部链接（LK）"},
    doc={
        "en": """\
Links between pages, images and anchors point to files and headings that exist.

These rules check relative links, images and anchors between pages before any build, and give the line of the Markdown file. `mkdocs build --strict` checks them again when the site is built (the `validation` settings of `mkdocs.yml`) [@mkdocs-configuration-validation], and `make linkcheck` runs lychee over the built site, including links written by the templates.
""",
        "zh": """\
页面之间的链接、图片和锚点必须指向真实存在的文件和标题。

这些规则在构建之前检查页面之间的相对链接、图片和锚点，并给出 Markdown 文件的行号。构建时 `mkdocs build --strict` 会再检查一遍（`mkdocs.yml` 的 `validation` 设置）[@mkdocs-configuration-validation]；`make linkcheck` 用 lychee 检查构建好的网站，连模板里的链接也包括在内。
""",
    },
)


@rule(
    "LK001",
    "link-target-missing",
    Severity.ERROR,
    "A relative link or image points to a file that does not exist.",
    "Correct the path: it is relative to the page's own folder, and must stay "
    "inside the same language's folder (docs/zh or docs/en).",
    title={"en": "Linked file does not exist", "zh": "链接的文件不存在"},
    doc={
        "en": """\
A relative link or image points to a file that does not exist. The path starts from the page's own folder and must stay inside the same language's folder (`docs/zh` or `docs/en`).

Failing example (in `docs/en/sign-in/index.md`):

```markdown
[Reset your password](reset-pasword.md)
[中文](../../zh/sign-in/index.md)
```

Fix: correct the file name; link only to pages in the same language (readers switch language with the language selector).

```markdown
[Reset your password](reset-password.md)
```
""",
        "zh": """\
相对链接或图片指向的文件不存在。路径从当前页面所在的文件夹算起，而且只能指向同一语言文件夹（`docs/zh` 或 `docs/en`）里的文件。

错误示例（在 `docs/zh/sign-in/index.md` 中）：

```markdown
[重置密码](reset-pasword.md)
[English](../../en/sign-in/index.md)
```

改法：改正文件名；只链接本语言的页面，读者用语言切换按钮换语言。

```markdown
[重置密码](reset-password.md)
```
""",
    },
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
    title={"en": "Anchor does not exist", "zh": "锚点不存在"},
    doc={
        "en": """\
The `#anchor` of a link is not the ID of any heading of the target page, nor a `{ #id }` written in that page.

Failing example:

```markdown
[Steps](reset-password.md#step)
```

Fix: use the ID of the target heading. The target page's heading is `## Steps { #steps }`, so write:

```markdown
[Steps](reset-password.md#steps)
```
""",
        "zh": """\
链接里的 `#锚点` 不是目标页面任何标题的 ID，也不是页面里写的 `{ #id }`。

错误示例：

```markdown
[解决步骤](reset-password.md#step)
```

改法：使用目标标题的 ID。目标页面的标题是 `## 解决步骤 { #steps }`，所以写：

```markdown
[解决步骤](reset-password.md#steps)
```
""",
    },
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
    title={
        "en": "Link to a web address instead of the .md file",
        "zh": "链接指向网址而不是 .md 文件",
    },
    doc={
        "en": """\
A relative link is written as the built address (a folder ending in `/`, or an `.html` file). Such a link does not work in previews and MkDocs cannot check it.

Failing example:

```markdown
[Reset your password](reset-password/)
[Reset your password](reset-password.html)
```

Fix: link to the Markdown file; MkDocs turns it into the right address.

```markdown
[Reset your password](reset-password.md)
```
""",
        "zh": """\
相对链接写成了构建后的网址（以 `/` 结尾的文件夹或 `.html` 文件）。这样的链接在预览里打不开，MkDocs 也无法检查。

错误示例：

```markdown
[重置密码](reset-password/)
[重置密码](reset-password.html)
```

改法：链接 Markdown 文件，MkDocs 会把它转换成正确的网址。

```markdown
[重置密码](reset-password.md)
```
""",
    },
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
    title={"en": "Absolute address for one of our pages", "zh": "站内链接用了绝对地址"},
    doc={
        "en": """\
A link to one of our own pages uses an address starting with `/` or the site's full URL. It breaks when the site moves, in local previews and across languages.

Failing example (in `docs/en/sign-in/index.md`):

```markdown
[Phishing](/en/security/phishing/)
[Phishing](https://seller-access-guide.github.io/en/security/phishing/)
```

Fix: use a relative link to the .md file.

```markdown
[Phishing](../security/phishing.md)
```
""",
        "zh": """\
链接本站页面时用了以 `/` 开头的地址或网站的完整网址。网站换地址、在本地预览或切换语言时，这样的链接就会出错。

错误示例（在 `docs/zh/sign-in/index.md` 中）：

```markdown
[钓鱼邮件](/security/phishing/)
[钓鱼邮件](https://seller-access-guide.github.io/security/phishing/)
```

改法：改成指向 .md 文件的相对链接。

```markdown
[钓鱼邮件](../security/phishing.md)
```
""",
    },
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
