"""Types queries into the site's own search box in Chromium, as a reader does,
and reads the result list. Used by tests/browser/test_search.py and
tests/bench/search.py.

Material's search box reacts to key events only, so each query is filled in
and followed by an `End` key press. The answer is complete when Material
rewrites the result count above the list (it does so for every answer, also
"no results"); the time from the key event to the next animation frame after
that is the reader's wait.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from kb import ROOT
from kb.site.pages import URL_PREFIX

DEV_QUERIES = ROOT.parent / "shared" / "search" / "dev-queries.yaml"
HELDOUT_QUERIES = ROOT / "tests" / "browser" / "search_heldout.yaml"
PREFIX = {lang: "/" + prefix for lang, prefix in URL_PREFIX.items()}
SEARCH_INPUT = "input[data-md-component=search-query]"
TIMEOUT_MS = 5000

# Resolves with the milliseconds from the next key event in the search box
# to the frame after Material has written its answer.
WATCH_NEXT_ANSWER = """timeout => {
  const meta = document.querySelector(".md-search-result__meta");
  window.searchProbeAnswer = new Promise((resolve, reject) => {
    let typedAt = null;
    const onKey = event => { typedAt = event.timeStamp; };
    document.addEventListener("keyup", onKey, true);
    const timer = setTimeout(() => reject(new Error("no search answer")), timeout);
    const observer = new MutationObserver(() => {
      if (typedAt === null) return;
      observer.disconnect();
      document.removeEventListener("keyup", onKey, true);
      clearTimeout(timer);
      requestAnimationFrame(() => resolve(performance.now() - typedAt));
    });
    observer.observe(meta, { childList: true, characterData: true, subtree: true });
  });
}"""

READ_RESULTS = """() => Array.from(
  document.querySelectorAll(".md-search-result__item"),
  item => item.querySelector("a.md-search-result__link").href
)"""

SEARCH_READY = """() => {
  const config = JSON.parse(document.getElementById("__config").textContent);
  const meta = document.querySelector(".md-search-result__meta");
  return meta && meta.textContent.trim() === config.translations["search.result.placeholder"];
}"""


@dataclass
class Query:
    text: str
    lang: str
    intent: str


@dataclass
class Answer:
    pages: list[str]  # result pages in order, as source paths without .md
    milliseconds: float


def load_queries(path: Path) -> list[Query]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Query(str(q["q"]), q["lang"], q["intent"]) for q in data["queries"]]


def page_of(href: str, lang: str) -> str:
    """'/en/sign-in/reset-password/?h=reset' -> 'sign-in/reset-password'."""
    path = urlsplit(href).path.removeprefix(PREFIX[lang]).strip("/")
    if not path or (ROOT / "docs" / lang / path / "index.md").is_file():
        return f"{path}/index".lstrip("/")
    return path


class SearchBox:
    """The search box of one language's home page in an open browser tab."""

    def __init__(self, page, base_url: str, lang: str):
        self.page = page
        self.lang = lang
        page.goto(f"{base_url}{PREFIX[lang]}")
        page.click(SEARCH_INPUT)
        page.wait_for_function(SEARCH_READY, timeout=15000)
        self.last = ""

    def search(self, text: str) -> Answer:
        if text == self.last:  # the box ignores a value it already has
            if not text:
                return Answer([], 0.0)
            self._type("")
        milliseconds = self._type(text)
        hrefs = self.page.evaluate(READ_RESULTS)
        return Answer([page_of(href, self.lang) for href in hrefs], milliseconds)

    def _type(self, text: str) -> float:
        self.page.evaluate(WATCH_NEXT_ANSWER, TIMEOUT_MS)
        self.page.fill(SEARCH_INPUT, text)
        self.page.press(SEARCH_INPUT, "End")
        self.last = text
        return float(self.page.evaluate("() => window.searchProbeAnswer"))
