"""What the browser tests know about the built site: where it is, which source
file each page comes from, the settings in mkdocs.yml, and a recorder of what
a browser page did (console errors, failed requests, requests to other hosts).

Imported by the browser tests and the bench (tests/ is on the import path:
pyproject.toml's pytest `pythonpath`, the Makefile's PYTHONPATH)."""

from __future__ import annotations

import fcntl
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from kb import ROOT
from kb.site.config import read_config
from kb.site.frontmatter import read_front_matter
from kb.site.pages import (
    CONFIG_FILES,
    URL_PREFIX,
    language_of_url,
    page_url,
    strip_language,
)
from kb.site.pages import LANGUAGES as LANGUAGES  # re-exported for the browser tests

# SITE_DIR lets a test run use a build elsewhere (e.g. a temporary one).
SITE = Path(os.environ.get("SITE_DIR") or ROOT / "site").resolve()

CONFIG = {lang: read_config(ROOT / name) for lang, name in CONFIG_FILES.items()}
ALTERNATE_BASE = CONFIG["zh"]["extra"]["alternate_base"]
ISSUE_URL = CONFIG["zh"]["extra"]["issue_url"]
REPO_URL = CONFIG["zh"]["repo_url"].rstrip("/")
PREFIX = {lang: "/" + prefix for lang, prefix in URL_PREFIX.items()}
# <html lang> and hreflang of each build: zh-Hans so that phones pick Simplified glyphs.
HTML_LANG = {"zh": "zh-Hans", "en": "en"}

# An init script that records every Content-Security-Policy violation in
# window.__violations, before any of the page's own scripts run.
RECORD_CSP_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  (event) => window.__violations.push(event.violatedDirective + ' ' + event.blockedURI));
"""


def ensure_built() -> Path:
    """The built site, running `make build` first when it is missing. Test
    workers run in parallel: a lock lets one build while the others wait."""
    with open(ROOT / ".site-build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        built = (SITE / "index.html").is_file() and (SITE / "en" / "index.html").is_file()
        if not built and not os.environ.get("SITE_DIR"):
            subprocess.run(["make", "--no-print-directory", "build"], cwd=ROOT, check=True)
    return SITE


def built_pages(site: Path = SITE) -> list[str]:
    """Every page of both builds, as URL paths ("/", "/en/sign-in/", ...)."""
    pages = []
    for html in sorted(site.rglob("index.html")):
        text = html.read_text(encoding="utf-8", errors="replace")
        if '<meta http-equiv="refresh"' in text:  # redirect stubs (page text shows it escaped)
            continue
        rel = html.parent.relative_to(site).as_posix()
        pages.append("/" if rel == "." else f"/{rel}/")
    return pages


language_of = language_of_url
page_path = strip_language  # "/en/a/b/" -> "a/b/"


def source_pages(lang: str) -> dict[str, Path]:
    """The pages MkDocs builds from docs/<lang>, as {URL path: source file}."""
    docs = ROOT / "docs" / lang
    pages = {}
    for source in sorted(docs.rglob("*.md")):
        pages["/" + page_url(lang, source.relative_to(docs).as_posix())] = source
    return pages


def front_matter(source: Path) -> dict:
    return read_front_matter(source.read_text(encoding="utf-8"))


def canonical_url(path: str) -> str:
    return ALTERNATE_BASE[language_of(path)] + page_path(path)


@dataclass
class PageWatch:
    """Records, for the pages of one browser tab, everything that went wrong:
    console errors, uncaught exceptions, failed requests and requests to any
    host other than the site's own. `expect_status` lists addresses whose
    error status is expected (the 404 page)."""

    origin: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    other_hosts: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    expect_status: set[str] = field(default_factory=set)

    in_flight: int = 0

    def attach(self, page) -> PageWatch:
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        page.on("request", self._on_request)
        page.on("requestfailed", self._on_failed)
        page.on("requestfinished", self._on_finished)
        page.on("response", self._on_response)
        return self

    def settle(self, page, quiet_ms: int = 200, timeout_ms: int = 10_000) -> None:
        """Waits until no request has been in flight for `quiet_ms`: Material
        fetches the sitemap and starts search after the load event. (Shorter
        than Playwright's networkidle, which waits 500 ms on every page.)"""
        quiet = waited = 0
        while quiet < quiet_ms and waited < timeout_ms:
            page.wait_for_timeout(50)
            waited += 50
            quiet = quiet + 50 if self.in_flight <= 0 else 0

    def clear(self) -> None:
        for found in (
            self.console_errors,
            self.page_errors,
            self.failed_requests,
            self.other_hosts,
            self.requests,
        ):
            found.clear()

    def problems(self) -> list[str]:
        return (
            [f"console error: {text}" for text in self.console_errors]
            + [f"script error: {text}" for text in self.page_errors]
            + [f"failed request: {text}" for text in self.failed_requests]
            + [f"request to another host: {url}" for url in self.other_hosts]
        )

    def _on_console(self, message) -> None:
        if message.type == "error" and not self._expected_error(message):
            self.console_errors.append(message.text)

    def _expected_error(self, message) -> bool:
        # Chromium logs the expected 404 of the not-found page as a console error.
        location = message.location.get("url", "") if message.location else ""
        return location in self.expect_status

    def _on_request(self, request) -> None:
        self.in_flight += 1
        self.requests.append(request.url)
        parts = urlsplit(request.url)
        if parts.scheme in ("data", "blob", "about"):
            return
        if f"{parts.scheme}://{parts.netloc}" != self.origin:
            self.other_hosts.append(request.url)

    def _on_finished(self, request) -> None:
        self.in_flight -= 1

    def _on_failed(self, request) -> None:
        self.in_flight -= 1
        # Requests cancelled because the tab moved on to another page fail
        # with ERR_ABORTED; that is the test's doing, not the site's.
        if request.failure == "net::ERR_ABORTED":
            return
        if request.url.startswith(self.origin + "/"):  # other hosts are reported as such
            self.failed_requests.append(f"{request.url} ({request.failure})")

    def _on_response(self, response) -> None:
        if response.status >= 400 and response.url not in self.expect_status:
            self.failed_requests.append(f"{response.url} (HTTP {response.status})")
