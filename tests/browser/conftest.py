"""Shared fixtures for the browser tests: serve the built site on 127.0.0.1
and drive Debian's Chromium with Playwright (no browser download)."""

from __future__ import annotations

import functools
import os
import subprocess
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

pytestmark = pytest.mark.browser


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves site/ like a static host: the root 404.html for missing paths."""

    def log_message(self, format, *args):
        pass

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


def built_pages() -> list[str]:
    """Every page of both builds, as URL paths ("/", "/en/sign-in/", ...)."""
    pages = []
    for html in sorted(SITE.rglob("index.html")):
        text = html.read_text(encoding="utf-8", errors="replace")
        if 'http-equiv="refresh"' in text:  # redirect stubs from renamed pages
            continue
        rel = html.parent.relative_to(SITE).as_posix()
        pages.append("/" if rel == "." else f"/{rel}/")
    return pages


@pytest.fixture(scope="session")
def site_dir() -> Path:
    if not (SITE / "index.html").is_file() or not (SITE / "en" / "index.html").is_file():
        subprocess.run(["make", "--no-print-directory", "build"], cwd=ROOT, check=True)
    return SITE


@pytest.fixture(scope="session")
def base_url(site_dir: Path):
    handler = functools.partial(SiteHandler, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
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
