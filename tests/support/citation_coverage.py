"""Citations in the built site (issue 11, "Must show 2"), measured on the HTML.

Per language, over the articles (the kinds CT004 checks): how many sentences,
list items and table rows state a date, an amount of money or a number of
days, and how many of those carry a link into the page's source list
(`a[href^="#source-"]`). The classifier is kb.site.claims, the one CT004
uses on the Markdown. Also: every source a page lists in its front matter is
cited, and has its entry, in the built page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kb import ROOT
from kb.rules.ct_citations import POLICY_KINDS
from kb.site.claims import Unit, html_units
from kb.site.model import load_page
from support.built_site import source_pages


@dataclass
class Coverage:
    lang: str
    pages: int = 0
    facts: int = 0  # units stating a date, an amount or a number of days
    cited: int = 0  # of those, units with a link into the source list
    uncited: list[tuple[str, Unit]] = field(default_factory=list)  # (page, unit)
    # (page, source id, what is missing) for listed sources not cited in the built page.
    sources_missing: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.cited / self.facts if self.facts else 1.0


def built_html(site: Path, url_path: str) -> Path:
    return site / url_path.lstrip("/") / "index.html"


def coverage(site: Path, lang: str) -> Coverage:
    result = Coverage(lang)
    for url_path, source in source_pages(lang).items():
        page = load_page(ROOT, source, lang)
        html_file = built_html(site, url_path)
        if not html_file.is_file():
            continue
        html = html_file.read_text(encoding="utf-8")
        for source_id in page.meta.get("sources") or []:
            if f'href="#source-{source_id}"' not in html:
                result.sources_missing.append((url_path, source_id, "no citation links to it"))
            elif f'id="source-{source_id}"' not in html:
                result.sources_missing.append((url_path, source_id, "no entry in the list"))
        if page.meta.get("kind") not in POLICY_KINDS:
            continue
        result.pages += 1
        for unit in html_units(html):
            if unit.states_fact:
                result.facts += 1
                if unit.cited:
                    result.cited += 1
                else:
                    result.uncited.append((url_path, unit))
    return result
