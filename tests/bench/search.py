"""Search: index size per language, and time from typing to results in Chromium."""

from __future__ import annotations

import gzip
import statistics
import tempfile
from pathlib import Path

from bench import links as bench_links
from support import static_server
from support.search_probe import DEV_QUERIES, PREFIX, SearchBox, load_queries

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ROUNDS = 3  # each development query typed this many times
# Chromium's CPU slow-down for the phone-like figure (Lighthouse's mobile
# preset uses 4x).
PHONE_CPU_SLOWDOWN = 4


def index_sizes(site: Path) -> list[tuple[str, str]]:
    rows = []
    for lang, prefix in PREFIX.items():
        data = (site / prefix.strip("/") / "search" / "search_index.json").read_bytes()
        packed = len(gzip.compress(data, compresslevel=6, mtime=0))
        rows.append((f"index {lang}", f"{len(data) / 1024:.0f} KiB, {packed / 1024:.0f} KiB gzip"))
    return rows


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def typing_times(browser, base_url: str, lang: str, texts: list[str], slowdown: int) -> tuple:
    """(first query ms, every later query's ms) for one language."""
    context = browser.new_context(base_url=base_url)
    try:
        page = context.new_page()
        if slowdown > 1:
            session = context.new_cdp_session(page)
            session.send("Emulation.setCPUThrottlingRate", {"rate": slowdown})
        box = SearchBox(page, base_url, lang)
        # The first query also builds the list of the index's words.
        first = box.search(texts[0]).milliseconds
        times = []
        for _ in range(ROUNDS):
            for text in texts:
                times.append(box.search(text).milliseconds)
                box.search("")  # start each query from an empty box
        return first, times
    finally:
        context.close()


def run() -> list[tuple[str, str]]:
    from playwright.sync_api import sync_playwright

    queries = load_queries(DEV_QUERIES)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp, "site")
        bench_links.build(site)
        rows += index_sizes(site)
        server, base_url = static_server.start(site)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                for slowdown, label in (
                    (1, ""),
                    (PHONE_CPU_SLOWDOWN, f", CPU {PHONE_CPU_SLOWDOWN}x slower"),
                ):
                    for lang in PREFIX:
                        texts = [query.text for query in queries if query.lang == lang]
                        first, times = typing_times(browser, base_url, lang, texts, slowdown)
                        rows.append(
                            (
                                f"typing to results {lang}{label}",
                                f"median {statistics.median(times):.0f} ms, "
                                f"p95 {percentile(times, 0.95):.0f} ms "
                                f"({len(times)} queries; first query {first:.0f} ms)",
                            )
                        )
                browser.close()
        finally:
            server.shutdown()
    return rows
