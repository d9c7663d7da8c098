"""Pages: first-view weight (gzip) and Lighthouse mobile scores, served like a real host.

The site is built into a temporary directory and served by static_server.py,
which compresses as GitHub Pages does. Weights are what Chromium downloads for
a first visit with an empty cache: the page, its stylesheets, scripts and
fonts (compressed sizes), without search (worker, language files, index),
which loads after the page and only matters once the reader searches.
Lighthouse (npm lighthouse, mobile preset) runs several times per page and the
median of each score is printed, as Lighthouse's documentation advises, since
single runs vary with the machine's load.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

from bench import links as bench_links
from kb import ROOT
from support import static_server
from support.built_site import built_pages

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
RUNS = 5

# The pages Lighthouse scores: each home page and one article per language.
ARTICLE = "sign-in/wrong-email-or-password/"
LIGHTHOUSE_PAGES = {
    "home zh": "/",
    "home en": "/en/",
    "article zh": f"/{ARTICLE}",
    "article en": f"/en/{ARTICLE}",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Issue 13's targets: 100 in every category, and at most 80 KB (gzip) for the
# first view of every page.
TARGETS = {"performance": 100, "accessibility": 100, "best-practices": 100, "seo": 100}
WEIGHT_BUDGET_KB = 80
SEARCH_PARTS = (
    "/search/search_index.json",
    "/assets/javascripts/workers/",
    "/assets/javascripts/lunr/",
)
FIRST_VIEW_TYPES = {"document", "stylesheet", "script", "font"}


def first_view(browser, url: str) -> dict[str, int]:
    """Compressed bytes Chromium downloads for `url` with an empty cache, by part."""
    context = browser.new_context()
    sizes: dict[str, int] = {"first view": 0, "search": 0, "other": 0}
    try:
        page = context.new_page()
        responses = []
        page.on("response", lambda response: responses.append(response))
        page.goto(url, wait_until="load")
        page.wait_for_load_state("networkidle")
        for response in responses:
            body = max(0, response.request.sizes()["responseBodySize"])  # -1: from cache
            if any(part in response.url for part in SEARCH_PARTS):
                sizes["search"] += body
            elif response.request.resource_type in FIRST_VIEW_TYPES:
                sizes["first view"] += body
            else:
                sizes["other"] += body
    finally:
        context.close()
    return sizes


def weights(site: Path, base_url: str) -> list[tuple[str, str]]:
    from playwright.sync_api import sync_playwright

    pages = built_pages(site)
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        measured = {path: first_view(browser, base_url + path) for path in pages}
        browser.close()
    for name, path in LIGHTHOUSE_PAGES.items():
        size = measured[path]
        rows.append(
            (
                f"first view {name}",
                f"{kb(size['first view'])} (budget {WEIGHT_BUDGET_KB} KB)"
                f"; then search {kb(size['search'])}, other {kb(size['other'])}  {path}",
            )
        )
    heaviest = max(measured, key=lambda path: measured[path]["first view"])
    over = [path for path, size in measured.items() if size["first view"] > WEIGHT_BUDGET_KB * 1024]
    rows.append(
        (
            f"first view, heaviest of {len(measured)} pages",
            f"{kb(measured[heaviest]['first view'])}  {heaviest}",
        )
    )
    rows.append(("pages over the budget", ", ".join(over) if over else "none"))
    return rows


def kb(size: int) -> str:
    return f"{size / 1024:.1f} KB"


def lighthouse(url: str, report: Path) -> dict:
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
    ]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=180)
    return json.loads(report.read_text(encoding="utf-8"))


def scores(base_url: str, tmp: Path) -> list[tuple[str, str]]:
    rows = []
    for name, path in LIGHTHOUSE_PAGES.items():
        runs = [lighthouse(base_url + path, tmp / f"lighthouse-{i}.json") for i in range(RUNS)]
        median = {
            category: round(
                statistics.median(r["categories"][category]["score"] for r in runs) * 100
            )
            for category in CATEGORIES
        }
        low = [c for c in CATEGORIES if median[c] < TARGETS[c]]
        summary = "  ".join(f"{c} {median[c]}" for c in CATEGORIES)
        verdict = "meets targets" if not low else "BELOW TARGET: " + ", ".join(low)
        rows.append((f"lighthouse {name}", f"{summary}  ({verdict}; median of {RUNS})"))
        for category in low:
            rows.append((f"  failing in {category}", failing_audits(runs[-1], category)))
    return rows


def failing_audits(report: dict, category: str) -> str:
    audits = report["audits"]
    failing = [
        f"{ref['id']} ({audits[ref['id']].get('displayValue') or audits[ref['id']]['score']})"
        for ref in report["categories"][category]["auditRefs"]
        if ref["weight"] and (audits[ref["id"]]["score"] or 0) < 1
    ]
    return ", ".join(failing) or "none in the last run"


def run() -> list[tuple[str, str]]:
    if not LIGHTHOUSE.exists():
        raise RuntimeError("node_modules/.bin/lighthouse is missing: run npm ci")
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp, "site")
        bench_links.build(site)
        server, base_url = static_server.start(site)
        try:
            return weights(site, base_url) + scores(base_url, Path(tmp))
        finally:
            server.shutdown()
