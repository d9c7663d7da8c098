"""Shared fixtures for the browser tests: serve the built site on 127.0.0.1
and drive Debian's Chromium with Playwright (no browser download).

Fixtures: `site_dir`, `base_url` (the site served with a static host's 404
fallback), `browser` (one Chromium for the whole run), `page` (a fresh tab),
`new_page(**context_options)` (a fresh tab with its own options and a
PageWatch attached, returned as (page, watch)). `built_pages()` lists every
page; helpers about the site are in built_site.py."""

from __future__ import annotations

import functools
import os
import threading
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

import pytest
from support.built_site import SITE, PageWatch, built_pages, ensure_built
from support.static_server import QuietServer

__all__ = ["built_pages"]

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(item.fspath).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.browser)


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves site/ like a static host: the root 404.html for missing paths,
    and a cache lifetime (GitHub Pages gives 10 minutes) so that the browser
    does not ask for the same stylesheet again on every page."""

    def log_message(self, format, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        if code == 404 and (SITE / "404.html").is_file():
            body = (SITE / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


@pytest.fixture(scope="session")
def site_dir() -> Path:
    return ensure_built()


@pytest.fixture(scope="session")
def base_url(site_dir: Path):
    handler = functools.partial(SiteHandler, directory=str(site_dir))
    server = QuietServer(("127.0.0.1", 0), handler)  # a closed tab is not an error
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.exit(f"Chromium not found at {CHROMIUM}: apt-get install chromium", returncode=1)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def new_page(browser, base_url):
    contexts = []

    def open_page(**options):
        context = browser.new_context(base_url=base_url, **options)
        contexts.append(context)
        page = context.new_page()
        return page, PageWatch(base_url).attach(page)

    yield open_page
    for context in contexts:
        context.close()
