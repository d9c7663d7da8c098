"""Citations in the built site: cited share of the articles' date, amount and day claims.

Per language: of the sentences, list items and table rows that state a date,
an amount of money or a number of days, how many link into the page's source
list (issue 11 asks for at least 95%); and how many listed sources the built
pages never cite.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench.links import build
from support.built_site import SITE
from support.citation_coverage import coverage


def rows(site: Path) -> list[tuple[str, str]]:
    rows = []
    for lang in ("zh", "en"):
        found = coverage(site, lang)
        rows.append(
            (
                f"{lang}: cited fact units",
                f"{found.cited} of {found.facts} ({found.share:.1%}) in {found.pages} articles",
            )
        )
        listed = len(found.sources_missing)
        rows.append((f"{lang}: listed sources not cited in the built page", str(listed)))
    return rows


def run() -> list[tuple[str, str]]:
    if (SITE / "index.html").is_file():
        return rows(SITE)  # the site `make build` wrote
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp, "site")
        build(site)
        return rows(site)
