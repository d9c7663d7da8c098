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

import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from kb import ROOT
from kb.site.pages import URL_PREFIX

# The shared reference folder sits beside the repository; SHARED_DIR points
# elsewhere (a second work tree of the same repository, say).
SHARED = Path(os.environ.get("SHARED_DIR") or ROOT.parent / "shared")
DEV_QUERIES = SHARED / "search" / "dev-queries.yaml"
HELDOUT_QUERIES = ROOT / "tests" / "browser" / "search_heldout.yaml"
FRESH_QUERIES = ROOT / "tests" / "browser" / "search_fresh.yaml"
# Written before a ranking round and never tuned on: reported apart.
VALIDATION_QUERIES = ROOT / "tests" / "browser" / "search_validation.yaml"
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


# The pages that answer each intent of the query sets (the development set
# names intents only). Where a section's overview page routes the reader to
# the answer in one step, it counts too.
INTENT_PAGES = {
    "login-wrong-credentials": {"sign-in/wrong-email-or-password", "sign-in/index"},
    "login-password-reset": {"sign-in/reset-password"},
    "login-browser-cookies": {"sign-in/browser-and-cookies"},
    "login-system-outage": {"sign-in/amazon-outage"},
    "login-account-suspended": {"sign-in/account-deactivated"},
    "login-after-bank-change": {"sign-in/after-changing-bank-account"},
    "login-contact-support": {"sign-in/contact-support"},
    "2sv-what-is": {"two-step-verification/index"},
    "2sv-setup-sms": {"two-step-verification/set-up-phone"},
    "2sv-setup-authenticator": {"two-step-verification/set-up-authenticator-app"},
    "2sv-code-not-received": {"two-step-verification/code-not-received"},
    "2sv-lost-phone": {"two-step-verification/lost-phone"},
    "2sv-change-phone": {"two-step-verification/change-phone-number"},
    "2sv-stale-code": {"two-step-verification/code-rejected"},
    "2sv-eu-mandatory": {"two-step-verification/index", "timeline"},
    "inform-what-is": {"inform-act/index"},
    "inform-who-must-verify": {"inform-act/who-must-verify", "inform-act/self-check"},
    "inform-thresholds": {"inform-act/who-must-verify", "inform-act/self-check"},
    "inform-required-info": {"inform-act/required-information"},
    "inform-individual-seller": {"inform-act/individual-sellers"},
    "inform-address-verification": {"inform-act/address-verification"},
    "inform-deadline-suspension": {"inform-act/deadlines-and-suspension"},
    "inform-annual-recertification": {"inform-act/annual-certification"},
    "phishing-security": {"security/phishing", "security/index"},
    "user-permissions": {"two-step-verification/user-permissions"},
    "inform-disclosure-20k": {"inform-act/buyer-disclosure"},
    "eu-dsa-trader-info": {"inform-act/eu-digital-services-act"},
}


@dataclass
class Query:
    text: str
    lang: str
    intent: str


@dataclass
class Answer:
    pages: list[str]  # result pages shown, in order, as source paths without .md
    milliseconds: float
    count: int = 0  # results found, as the count above the list says (all, not only shown)


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

    @classmethod
    def on(cls, page, lang: str, typed: str) -> SearchBox:
        """The box of a page already open, holding `typed`."""
        box = cls.__new__(cls)
        box.page, box.lang, box.last = page, lang, typed
        return box

    def search(self, text: str) -> Answer:
        if text == self.last:  # the box ignores a value it already has
            if not text:
                return Answer([], 0.0)
            self._type("")
        milliseconds = self._type(text)
        hrefs = self.page.evaluate(READ_RESULTS)
        pages = [page_of(href, self.lang) for href in hrefs]
        return Answer(pages, milliseconds, self.count(len(pages)))

    def count(self, shown: int) -> int:
        """The number in Material's result count ("12 个符合条件的结果"): it
        lists the first screen of results and the rest only on scrolling."""
        text = self.page.inner_text(".md-search-result__meta")
        number = re.search(r"\d+", text)
        return int(number.group(0)) if number and shown else shown

    def _type(self, text: str) -> float:
        self.page.evaluate(WATCH_NEXT_ANSWER, TIMEOUT_MS)
        self.page.fill(SEARCH_INPUT, text)
        self.page.press(SEARCH_INPUT, "End")
        self.last = text
        return float(self.page.evaluate("() => window.searchProbeAnswer"))
