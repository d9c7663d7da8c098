"""Redirects: an address we published keeps working after a page moves.

Readers bookmark pages and other sites link to them. When a page is renamed,
moved or removed, `plugins: redirects: redirect_maps:` in mkdocs.yml (the
mkdocs-redirects plugin; mkdocs.en.yml inherits it, as slugs are the same in
both languages) must send its old address to a page that exists.

"Ever published" comes from data/published-pages.txt, a list committed in the
repository, not from git history: a contributor editing in the browser can open
it and see why the check asks for a redirect, reviewers see any change to it in
the pull request, and it works the same in a shallow CI checkout (git history
would need `fetch-depth: 0`) or in a downloaded archive. `make new` adds new
pages to it (see `record_published`); RD004 catches pages added another way.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from ..findings import Severity, family, rule
from ..site.model import CONFIGS, LANGUAGES, Docs
from ..site.pages import url_path
from .lk_links import shown

MANIFEST = Path("data/published-pages.txt")
MANIFEST_ENTRY = re.compile(r"^docs/(zh|en)/([^\s#]+\.md)$")
MANIFEST_HEADER = """\
# Every page address ever published, one source path per line (rules RD001, RD004).
#
# Never delete a line: when a page is renamed, moved or removed, keep its line
# and add a redirect from its old path in mkdocs.yml, under
#   plugins: > redirects: > redirect_maps:   'old/path.md': 'new/path.md'
# `make new` adds the pages it creates; add a line for a page you create by hand.
"""


@dataclass(frozen=True)
class Redirect:
    old: str  # page path relative to docs/<lang>, e.g. sign-in/old-name.md
    new: str
    config: str  # the file that defines it
    line: int


@dataclass
class RedirectMaps:
    lang: str
    config: str  # where a missing redirect should be added
    line: int  # of `redirect_maps:` (or of `plugins:`), 0 when absent
    entries: dict[str, Redirect]


def _mapping(node: yaml.Node | None) -> dict[str, yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return {str(key.value): value for key, value in node.value}
    return {}


def _redirects_node(plugins: yaml.Node | None) -> yaml.Node | None:
    """The `redirects` plugin's options, whether plugins is a list or a mapping."""
    if isinstance(plugins, yaml.MappingNode):
        return _mapping(plugins).get("redirects")
    if isinstance(plugins, yaml.SequenceNode):
        for item in plugins.value:
            if isinstance(item, yaml.MappingNode) and "redirects" in _mapping(item):
                return _mapping(item)["redirects"]
    return None


def _entries(name: str, plugins: yaml.Node | None) -> tuple[int, dict[str, Redirect]]:
    options = _mapping(_redirects_node(plugins))
    maps = options.get("redirect_maps")
    line = (maps or plugins).start_mark.line + 1 if (maps or plugins) else 0
    entries = {}
    for key, value in maps.value if isinstance(maps, yaml.MappingNode) else []:
        old, new = str(key.value), str(getattr(value, "value", ""))
        entries[old] = Redirect(old, new, name, key.start_mark.line + 1)
    return line, entries


def redirect_maps(docs: Docs) -> dict[str, RedirectMaps]:
    """Each language's effective redirect_maps, as MkDocs builds it.

    mkdocs.en.yml INHERITs mkdocs.yml: MkDocs merges mappings key by key and
    replaces lists, so a plugins mapping in both files merges, a list replaces.
    """
    plugins = {}
    for lang in LANGUAGES:
        config = docs.config_files.get(lang)  # an unreadable config is the model's finding
        plugins[lang] = config.node_at("plugins") if config else None
    zh_line, zh_entries = _entries(CONFIGS["zh"], plugins["zh"])
    result = {"zh": RedirectMaps("zh", CONFIGS["zh"], zh_line, zh_entries)}
    en_line, en_entries = _entries(CONFIGS["en"], plugins["en"])
    if plugins["en"] is None:
        result["en"] = RedirectMaps("en", CONFIGS["zh"], zh_line, zh_entries)
    elif isinstance(plugins["en"], yaml.MappingNode) and isinstance(
        plugins["zh"], yaml.MappingNode
    ):
        merged = {**zh_entries, **en_entries}
        where = (CONFIGS["zh"], zh_line) if zh_line else (CONFIGS["en"], en_line)
        result["en"] = RedirectMaps("en", where[0], where[1], merged)
    else:
        result["en"] = RedirectMaps("en", CONFIGS["en"], en_line, en_entries)
    return result


def read_manifest(root: Path) -> list[tuple[int, str]] | None:
    """(line, text) of each entry of data/published-pages.txt; None if absent."""
    try:
        text = (root / MANIFEST).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    entries = []
    for number, line in enumerate(text.split("\n"), start=1):
        entry = line.split("#", 1)[0].strip()
        if entry:
            entries.append((number, entry))
    return entries


def record_published(root: Path, paths: Iterable[str]) -> None:
    """Add page paths (docs/zh/x.md) to the manifest, kept sorted (used by `make new`)."""
    entries = {entry for _, entry in read_manifest(root) or []}
    entries.update(paths)
    manifest = root / MANIFEST
    manifest.parent.mkdir(parents=True, exist_ok=True)
    manifest.write_text(MANIFEST_HEADER + "".join(f"{e}\n" for e in sorted(entries)), "utf-8")


def _languages(docs: Docs) -> dict[Redirect, list[str]]:
    """Each redirect line and the languages whose build uses it (en inherits zh's)."""
    uses: dict[Redirect, list[str]] = {}
    for lang, maps in redirect_maps(docs).items():
        for redirect in maps.entries.values():
            uses.setdefault(redirect, []).append(lang)
    return uses


def _published(docs: Docs) -> Iterator[tuple[int, str, str]]:
    """(manifest line, language, page path) of every valid manifest entry."""
    for number, entry in read_manifest(docs.root) or []:
        match = MANIFEST_ENTRY.match(entry)
        if match:
            yield number, match.group(1), match.group(2)


def _target_page(new: str) -> str | None:
    """The page a redirect target names, or None for an external address."""
    try:
        parts = urlsplit(new)
    except ValueError:
        return None
    if parts.scheme or parts.netloc or new.startswith("/"):
        return None
    return parts.path


family(
    "RD",
    "redirects",
    title={"en": "Redirects (RD)", "zh": "重定向（RD）"},
    doc={
        "en": """\
A published address keeps working: a page that is renamed or removed leaves a redirect behind.

Readers bookmark pages and other sites link to them. When a page is renamed, moved or removed, its old address must lead to the new page. Redirects go in `mkdocs.yml` under `plugins:` > `redirects:` > `redirect_maps:` (the mkdocs-redirects plugin; the English build inherits the same settings). Published pages are listed in `data/published-pages.txt`.
""",
        "zh": """\
已经发布的网址不能失效：页面改名或删除时要留下重定向。

读者会收藏页面，其他网站也会链接本站。页面改名、移动或删除后，旧地址必须跳转到新页面。跳转写在 `mkdocs.yml` 的 `plugins:` > `redirects:` > `redirect_maps:` 下（mkdocs-redirects 插件，英文版继承同一份设置）。发布过的页面记录在 `data/published-pages.txt` 里。
""",
    },
)


@rule(
    "RD001",
    "redirect-missing",
    Severity.ERROR,
    "A page that was published no longer exists and its old address has no redirect.",
    "In mkdocs.yml, under `plugins:` > `redirects:` > `redirect_maps:`, add a line from the "
    "old page to its new one, e.g. `'sign-in/old-name.md': 'sign-in/new-name.md'`.",
    title={"en": "Published page without a redirect", "zh": "已发布的页面没有重定向"},
    doc={
        "en": """\
A page listed in `data/published-pages.txt` no longer exists, and its old address has no redirect.

Failing example: `docs/en/sign-in/old-name.md` was renamed to `new-name.md` without adding a redirect.

Fix: add a line in `mkdocs.yml` from the old page to the new one; keep the old line in `data/published-pages.txt`. A page moved so that its address stays the same (`contributing/rules.md` to `contributing/rules/index.md`, both `/contributing/rules/`) needs no redirect.

```yaml
plugins:
  redirects:
    redirect_maps:
      'sign-in/old-name.md': 'sign-in/new-name.md'
```
""",
        "zh": """\
`data/published-pages.txt` 里的页面已经不存在，而且它的旧地址没有重定向。

错误示例：把 `docs/zh/sign-in/old-name.md` 改名为 `new-name.md`，却没有添加重定向。

改法：在 `mkdocs.yml` 里添加一行，从旧页面指向新页面；不要删除 `data/published-pages.txt` 里的旧行。如果页面移动后地址不变（例如从 `contributing/rules.md` 移到 `contributing/rules/index.md`，地址都是 `/contributing/rules/`），就不需要重定向。

```yaml
plugins:
  redirects:
    redirect_maps:
      'sign-in/old-name.md': 'sign-in/new-name.md'
```
""",
    },
)
def redirect_missing(docs, self):
    maps = redirect_maps(docs)
    for line, lang, rel in _published(docs):
        if docs.page(lang, rel) is not None or rel in maps[lang].entries:
            continue
        pages = [page.rel for page in docs.by_lang(lang)]
        # Moved without changing its address (a.md -> a/index.md): nothing to redirect.
        if url_path(rel) in {url_path(page) for page in pages}:
            continue
        same_name = [p for p in pages if posixpath.basename(p) == posixpath.basename(rel)]
        close = same_name or difflib.get_close_matches(rel, pages, n=1, cutoff=0.6)
        new = close[0] if close else "NEW/PAGE.md"
        yield self.at(
            MANIFEST.as_posix(),
            line,
            1,
            f"docs/{lang}/{rel} was published but no longer exists, and has no redirect",
            fix=f"add `'{rel}': '{new}'` under `plugins:` > `redirects:` > `redirect_maps:` "
            f"in {maps[lang].config}" + ("" if close else " (NEW/PAGE.md: its new page)"),
        )


@rule(
    "RD002",
    "redirect-target-missing",
    Severity.ERROR,
    "A redirect in `redirect_maps` points to a page that does not exist.",
    "Point the redirect at an existing page, as a path relative to the docs folder "
    "(`sign-in/new-name.md`).",
    title={"en": "Redirect target does not exist", "zh": "重定向目标不存在"},
    doc={
        "en": """\
A redirect in `redirect_maps` points to a page that does not exist (it must exist in both languages), or to an external address.

Failing example:

```yaml
      'sign-in/old-name.md': 'sign-in/new-nam.md'
```

Fix: point the redirect at an existing page, as a path from the docs folder, for example `sign-in/new-name.md`.
""",
        "zh": """\
`redirect_maps` 里的重定向指向一个不存在的页面（两种语言都要有这个页面），或者指向外部网址。

错误示例：

```yaml
      'sign-in/old-name.md': 'sign-in/new-nam.md'
```

改法：指向一个存在的页面，路径从 docs 文件夹算起，例如 `sign-in/new-name.md`。
""",
    },
)
def redirect_target_missing(docs, self):
    for redirect, langs in _languages(docs).items():
        target = _target_page(redirect.new)
        missing = [f"docs/{lang}/{target}" for lang in langs if not docs.page(lang, target or "")]
        if target is None:
            problem = "is not a page of this site"
        elif missing:
            problem = f"does not exist: {shown(', '.join(missing))}"
        else:
            continue
        yield self.at(
            redirect.config,
            redirect.line,
            1,
            f"redirect `{shown(redirect.old)}` -> `{shown(redirect.new)}`: the target {problem}",
        )


@rule(
    "RD003",
    "redirect-hides-page",
    Severity.ERROR,
    "A redirect's old address is a page that exists, so the redirect would replace it.",
    "Remove the redirect line, or rename the page it would hide.",
    title={"en": "Redirect would replace a page", "zh": "重定向会覆盖现有页面"},
    doc={
        "en": """\
The old address of a redirect is a page that still exists, and the redirect would replace it.

Failing example: `docs/en/index.md` exists, and the map says:

```yaml
      'index.md': 'sign-in/index.md'
```

Fix: remove the redirect, or first rename the page it would replace.
""",
        "zh": """\
重定向的旧地址是一个仍然存在的页面，重定向会把它替换掉。

错误示例：`docs/zh/index.md` 存在，却写了：

```yaml
      'index.md': 'sign-in/index.md'
```

改法：删除这条重定向，或者先给被覆盖的页面改名。
""",
    },
)
def redirect_hides_page(docs, self):
    for redirect, langs in _languages(docs).items():
        hidden = [f"docs/{lang}/{redirect.old}" for lang in langs if docs.page(lang, redirect.old)]
        if hidden:
            yield self.at(
                redirect.config,
                redirect.line,
                1,
                f"redirect from `{shown(redirect.old)}`, but {shown(', '.join(hidden))} exists",
            )


@rule(
    "RD004",
    "page-not-recorded",
    Severity.ERROR,
    "A page is missing from data/published-pages.txt, the list of published addresses.",
    "Add the page's path (e.g. `docs/zh/sign-in/new-page.md`) as a line in "
    "data/published-pages.txt, so that a later rename gets a redirect.",
    title={"en": "Page not in the list of published pages", "zh": "页面未登记在已发布列表中"},
    doc={
        "en": """\
The page is not listed in `data/published-pages.txt`, so a later rename could not be caught. Pages created with `make new` are added automatically; malformed lines of that file are reported with this code too.

Failing example: `docs/en/sign-in/new-page.md` was created in the browser without changing `data/published-pages.txt`.

Fix: add the page's path to `data/published-pages.txt` (one line per language):

```text
docs/en/sign-in/new-page.md
```
""",
        "zh": """\
页面没有列在 `data/published-pages.txt` 里，以后改名时就无法提醒添加重定向。`make new` 创建的页面会自动登记；这个文件里写错格式的行也用这个代码报告。

错误示例：在浏览器里新建了 `docs/zh/sign-in/new-page.md`，没有修改 `data/published-pages.txt`。

改法：在 `data/published-pages.txt` 里添加一行页面路径（每种语言一行）：

```text
docs/zh/sign-in/new-page.md
```
""",
    },
)
def page_not_recorded(docs, self):
    manifest = read_manifest(docs.root)
    if manifest is None:
        return  # trees without a manifest (test fixtures) do not track publishing
    recorded = {entry for _, entry in manifest}
    for page in docs.pages:
        if page.display not in recorded:
            yield self.at(
                page.display, 0, 0, f"{shown(page.display)} is not listed in {MANIFEST.as_posix()}"
            )
    for number, entry in manifest:
        if not MANIFEST_ENTRY.match(entry):
            yield self.at(
                MANIFEST.as_posix(),
                number,
                1,
                f"`{entry}` is not a page path like docs/zh/sign-in/index.md",
                fix="Write the page's path from the repository root: docs/zh/… or docs/en/…, "
                "ending in .md.",
            )
