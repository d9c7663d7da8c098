"""Search: answers, result counts, index size, and time from typing to results
in Chromium at normal and 4x slower CPU, also on a generated 1,000-page site.

Answers (hit@1: the first result answers the query's intent; hit@3: one of
the first three does) use the shared development queries when
../shared/search/dev-queries.yaml is there, and always the held-out queries
(tests/browser/search_heldout.yaml, search_fresh.yaml) and the validation queries
(search_validation.yaml, reported apart: no ranking change was tuned on them).
"First query after load" is the wait of a reader who opens a page, and then
types a query into the search box:
  cold    types right away (the index is fetched when they click the box);
  reading moves the pointer, reads for 2 s, then types (the index is fetched
          in the first idle moment after the reader's first movement).
The 1,000-page site is the built site with each language's search index
replaced by one of 1,000 pages: the real pages' documents, repeated under
other addresses with their numbers changed, the build step's word list
recomputed for it, and its pieces written by the build step's own
write_pieces(). Bytes are those of search (pieces, scripts loaded when search
starts; Material's index, worker and lunr where they load): those the first
answer waited for, and all until the network is idle (text of results past
the first screen loads after the answer).
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import statistics
import tempfile
from pathlib import Path

from bench import links as bench_links
from kb.build import search_index, search_pieces
from support import static_server
from support.search_probe import (
    DEV_QUERIES,
    FRESH_QUERIES,
    HELDOUT_QUERIES,
    INTENT_PAGES,
    PREFIX,
    SEARCH_INPUT,
    VALIDATION_QUERIES,
    SearchBox,
    load_queries,
)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ROUNDS = 1  # each query typed this many times for the typing figures
# Chromium's CPU slow-down for the phone-like figure (Lighthouse's mobile
# preset uses 4x).
PHONE_CPU_SLOWDOWN = 4
# Fresh browser contexts (empty cache) per first-query figure: the median of
# 3 on the site, 1 on the generated site (each takes 10-40 s there).
FIRST_QUERY_RUNS = 3
BIG_SITE_RUNS = 1
READING_MS = 2000
GENERATED_PAGES = 1000
FIRST_QUERY = {"zh": "收不到验证码", "en": "code not received"}
# What search downloads: the engine's pieces (or, without them, the index,
# Material's worker and lunr's language scripts) and the scripts that load
# when search starts.
SEARCH_FILES = re.compile(
    r"/search/|/workers/search\.|/lunr/|/javascripts/search-(?:pipeline|engine|material)\.js"
)

# Resolves with the milliseconds from the first `input` event in the search
# box (what a reader's typing produces, also when the answer comes before the
# key is released) to the frame after Material has written a result count
# (not the "initialising" or "type to start" notes it shows meanwhile), and
# the time of that frame (to tell the downloads the answer waited for).
WATCH_FIRST_ANSWER = """timeout => {
  const config = JSON.parse(document.getElementById("__config").textContent);
  const t = config.translations;
  const counts = [t["search.result.none"], t["search.result.one"]];
  const other = new RegExp("^" + t["search.result.other"].replace("#", "\\\\d+") + "$");
  const meta = document.querySelector(".md-search-result__meta");
  window.searchProbeAnswer = new Promise((resolve, reject) => {
    let typedAt = null;
    const onInput = event => { if (typedAt === null) typedAt = event.timeStamp; };
    document.addEventListener("input", onInput, true);
    const timer = setTimeout(() => reject(new Error("no search answer")), timeout);
    const observer = new MutationObserver(() => {
      const text = meta.textContent.trim();
      if (typedAt === null || !(counts.includes(text) || other.test(text))) return;
      observer.disconnect();
      clearTimeout(timer);
      requestAnimationFrame(() => {
        const now = performance.now();
        resolve({ milliseconds: now - typedAt, at: now });
      });
    });
    observer.observe(meta, { childList: true, characterData: true, subtree: true });
  });
}"""

# Types a query as one keystroke does: the value and its `input` event, then
# the key release Material's search box reacts to, in one go. (Playwright's
# fill and press are two calls to the browser; on a loaded machine 100-500 ms
# passed between them, which the figure counted as the reader's wait.)
TYPE_QUERY = """([selector, text]) => {
  const box = document.querySelector(selector);
  box.value = text;
  box.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText" }));
  box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true, key: "End", code: "End" }));
}"""

# The search downloads so far, from the browser's resource timing: path,
# bytes transferred (gzip, as the bench's server sends it, like the real
# host), bytes decoded, and when each ended.
SEARCH_DOWNLOADS = """pattern => performance.getEntriesByType("resource")
  .filter(entry => new RegExp(pattern).test(entry.name))
  .map(entry => [new URL(entry.name).pathname, entry.encodedBodySize, entry.decodedBodySize,
                 entry.responseEnd])"""


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def index_path(site: Path, lang: str) -> Path:
    return site / PREFIX[lang].strip("/") / "search" / "search_index.json"


def pieces_dir(site: Path, lang: str) -> Path:
    return index_path(site, lang).parent / search_pieces.PIECES_DIR


def sizes(files) -> str:
    data = [path.read_bytes() for path in files]
    raw = sum(map(len, data))
    return f"{raw / 1024:.0f} KiB, {sum(map(gzip_size, data)) / 1024:.0f} KiB gzip"


def index_sizes(site: Path, label: str = "index") -> list[tuple[str, str]]:
    """Per language: the index (what finds the results: the manifest and the
    term pieces), the snippet texts (what shows them: fetched for the pages
    listed), the readings (fetched for a possible homophone slip only) and
    Material's own index, each raw and gzip."""
    rows = []
    for lang in PREFIX:
        pieces = pieces_dir(site, lang)
        manifest = pieces / "manifest.json"
        # The whole-index files repeat the pieces (one file per kind, small sites only).
        whole = {
            path.name.split(".")[0]: path
            for path in (pieces / search_pieces.WHOLE_DIR).glob("*.json")
        }
        kinds = []
        for kind, extra in (("terms", [manifest]), ("docs", [])):
            files = [*extra, *sorted((pieces / kind).glob("*.json"))]
            one = f"; in one file {sizes([*extra, whole[kind]])}" if kind in whole else ""
            kinds.append(f"{sizes(files)} in {len(files)} files{one}")
        rows.append(
            (
                f"{label} {lang}",
                f"index (manifest + term pieces) {kinds[0]}; snippet texts {kinds[1]}; "
                f"readings (homophone slips, on demand) {sizes(pieces.glob('readings.*.json'))}; "
                f"Material's single index (fallback, not downloaded) "
                f"{sizes([index_path(site, lang)])}",
            )
        )
    return rows


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def new_page(browser, base_url: str, slowdown: int):
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    if slowdown > 1:
        session = context.new_cdp_session(page)
        session.send("Emulation.setCPUThrottlingRate", {"rate": slowdown})
    return context, page


def answers(browser, base_url: str, lang: str, queries) -> list[tuple[str, str]]:
    """hit@1, hit@3 and result counts for one language's queries."""
    context, page = new_page(browser, base_url, 1)
    try:
        box = SearchBox(page, base_url, lang)
        first = top3 = 0
        counts = []
        for query in queries:
            answer = box.search(query.text)
            first += bool(INTENT_PAGES[query.intent] & set(answer.pages[:1]))
            top3 += bool(INTENT_PAGES[query.intent] & set(answer.pages[:3]))
            counts.append(answer.count)
    finally:
        context.close()
    counts.sort()
    return [
        (
            "hit@1, hit@3",
            f"{first / len(queries):.0%}, {top3 / len(queries):.0%} of {len(queries)} queries",
        ),
        (
            "results per query",
            f"median {statistics.median(counts):.0f}, max {counts[-1]}, "
            f"{counts.count(0)} with none",
        ),
    ]


def typing_times(browser, base_url: str, lang: str, texts: list[str], slowdown: int) -> list:
    """Milliseconds from key to results of every query, the index loaded."""
    context, page = new_page(browser, base_url, slowdown)
    try:
        box = SearchBox(page, base_url, lang)
        box.search(texts[0])  # warm: the figures are for a reader already searching
        times = []
        for _ in range(ROUNDS):
            for text in texts:
                times.append(box.search(text).milliseconds)
                box.search("")  # start each query from an empty box
        return times
    finally:
        context.close()


def first_query(browser, base_url: str, lang: str, slowdown: int, reading: bool):
    """(milliseconds or None, bytes the answer waited for (gzip, raw), bytes
    downloaded for search until the network is idle (gzip, raw)) of the
    first query after load."""
    from playwright.sync_api import Error as PlaywrightError

    context, page = new_page(browser, base_url, slowdown)

    def weigh(downloads) -> tuple[int, int]:
        return sum(d[1] for d in downloads), sum(d[2] for d in downloads)

    try:
        page.goto(f"{base_url}{PREFIX[lang]}", wait_until="load")
        if reading:
            page.mouse.move(200, 300)
            page.mouse.move(220, 340)
            page.wait_for_timeout(READING_MS)
        page.evaluate(WATCH_FIRST_ANSWER, 60000)
        page.click(SEARCH_INPUT)
        page.evaluate(TYPE_QUERY, [SEARCH_INPUT, FIRST_QUERY[lang]])
        try:
            answer = page.evaluate("() => window.searchProbeAnswer")
            milliseconds, answered_at = float(answer["milliseconds"]), answer["at"]
        except PlaywrightError:
            milliseconds = answered_at = None  # no answer within a minute: counted, not hidden
        page.wait_for_load_state("networkidle")
        downloads = page.evaluate(SEARCH_DOWNLOADS, SEARCH_FILES.pattern)
        before = [d for d in downloads if answered_at is not None and d[3] <= answered_at]
        return milliseconds, weigh(before), weigh(downloads)
    finally:
        context.close()


def first_query_rows(browser, base_url: str, label: str, runs: int) -> list:
    rows = []
    for slowdown in (1, PHONE_CPU_SLOWDOWN):
        cpu = "normal CPU" if slowdown == 1 else f"CPU {slowdown}x slower"
        for lang in PREFIX:
            cells = []
            for reading in (False, True):
                measured = [
                    first_query(browser, base_url, lang, slowdown, reading) for _ in range(runs)
                ]
                answered = [run[0] for run in measured if run[0] is not None]
                needed = [statistics.median(run[1][k] for run in measured) / 1024 for k in (0, 1)]
                total = [statistics.median(run[2][k] for run in measured) / 1024 for k in (0, 1)]
                mode = "reading" if reading else "cold"
                if answered:
                    cell = f"{mode} {statistics.median(answered):.0f} ms"
                else:
                    cell = f"{mode} no answer"
                if len(answered) < len(measured):
                    cell += f" ({len(measured) - len(answered)} of {len(measured)} runs unanswered)"
                cell += (
                    f" (the answer waited for {needed[0]:.0f} KiB gzip, {needed[1]:.0f} KiB raw;"
                    f" {total[0]:.0f} KiB gzip by network idle)"
                )
                cells.append(cell)
            rows.append((f"{label} {lang}, {cpu}", "; ".join(cells)))
    return rows


def generate_big_site(site: Path, big: Path, pages: int = GENERATED_PAGES) -> None:
    """The built site, with each language's index grown to `pages` pages."""
    shutil.copytree(site, big)
    for lang in PREFIX:
        path = index_path(big, lang)
        index = json.loads(path.read_text(encoding="utf-8"))
        by_page: dict[str, list[dict]] = {}
        for doc in index["docs"]:
            by_page.setdefault(doc["location"].split("#")[0], []).append(doc)
        originals = list(by_page.values())
        docs = [doc for group in originals for doc in group]
        for number in range(len(originals), pages):
            for doc in originals[number % len(originals)]:
                copy = dict(doc)
                copy["location"] = f"generated/{number:04d}/{doc['location']}"
                for field in ("title", "text"):
                    copy[field] = re.sub(r"\d+", lambda m, n=number: str(int(m[0]) + n), doc[field])
                docs.append(copy)
        index["docs"] = docs
        index["config"]["words"] = search_index.index_words(index)
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")
        # The built site's readings table (its characters cover the copies').
        manifest = json.loads((pieces_dir(big, lang) / "manifest.json").read_text("utf-8"))
        readings = None
        if manifest.get("readings"):
            readings = json.loads((pieces_dir(big, lang) / manifest["readings"]).read_text("utf-8"))
        search_pieces.write_pieces(index, path.parent, readings)


def run() -> list[tuple[str, str]]:
    from playwright.sync_api import sync_playwright

    # Times depend on what else runs: the machine's load goes with them.
    rows = [("machine load at start (1-min average)", f"{os.getloadavg()[0]:.1f}")]
    heldout = load_queries(HELDOUT_QUERIES)
    fresh = load_queries(FRESH_QUERIES)
    validation = load_queries(VALIDATION_QUERIES)
    dev = load_queries(DEV_QUERIES) if DEV_QUERIES.is_file() else None
    if dev is None:
        rows.append(("development queries", f"skipped: {DEV_QUERIES} not found"))
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp, "site")
        bench_links.build(site)
        rows += index_sizes(site)
        big = Path(tmp, "big")
        generate_big_site(site, big)
        rows += index_sizes(big, f"index, {GENERATED_PAGES} pages,")
        server, base_url = static_server.start(site)
        big_server, big_url = static_server.start(big)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                sets = (
                    ("development", dev),
                    ("held-out", heldout),
                    ("fresh held-out", fresh),
                    ("validation (never tuned on)", validation),
                )
                for name, queries in sets:
                    for lang in PREFIX if queries else ():
                        mine = [query for query in queries if query.lang == lang]
                        for figure, value in answers(browser, base_url, lang, mine):
                            rows.append((f"{name} {lang} {figure}", value))
                typed = dev or heldout
                for slowdown in (1, PHONE_CPU_SLOWDOWN):
                    cpu = "normal CPU" if slowdown == 1 else f"CPU {slowdown}x slower"
                    for lang in PREFIX:
                        texts = [query.text for query in typed if query.lang == lang]
                        times = typing_times(browser, base_url, lang, texts, slowdown)
                        rows.append(
                            (
                                f"typing to results {lang}, {cpu}",
                                f"median {statistics.median(times):.0f} ms, "
                                f"p95 {percentile(times, 0.95):.0f} ms ({len(times)} queries)",
                            )
                        )
                rows += first_query_rows(
                    browser, base_url, "first query after load", FIRST_QUERY_RUNS
                )
                rows += first_query_rows(
                    browser, big_url, f"first query, {GENERATED_PAGES} pages,", BIG_SITE_RUNS
                )
                browser.close()
        finally:
            server.shutdown()
            big_server.shutdown()
    rows.append(("machine load at end (1-min average)", f"{os.getloadavg()[0]:.1f}"))
    return rows
