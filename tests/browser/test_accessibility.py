"""axe-core on one page of each kind (front matter `kind`) and the not-found
page, in both languages and both colour schemes: no serious or critical
violation."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from built_site import LANGUAGES, front_matter, source_pages

SCHEMES = {"light": "default", "dark": "slate"}  # emulated preference -> Material scheme
BLOCKING = {"serious", "critical"}


def one_page_per_kind() -> list[tuple[str, str]]:
    """(kind, path) for each kind used in each language, plus the 404 page."""
    cases = []
    for lang in LANGUAGES:
        seen = set()
        for path, source in source_pages(lang).items():
            kind = front_matter(source).get("kind")
            if kind and kind not in seen:
                seen.add(kind)
                cases.append((kind, path))
        cases.append(("not-found", "/en/no-such-page/" if lang == "en" else "/no-such-page/"))
    return cases


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize(
    ("kind", "path"), one_page_per_kind(), ids=[f"{p}:{k}" for k, p in one_page_per_kind()]
)
def test_no_serious_accessibility_violations(new_page, axe, kind, path, scheme):
    page, _ = new_page(color_scheme=scheme)
    page.goto(path)
    assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[scheme]
    results = axe.run(page)
    blocking = [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(str(node["target"]) for node in v["nodes"][:5])
        for v in results.response["violations"]
        if v["impact"] in BLOCKING
    ]
    assert not blocking, "\n".join(blocking)
