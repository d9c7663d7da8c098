"""axe-core on one page of each kind (front matter `kind`) and the not-found
page, in both languages and both colour schemes: no serious or critical
violation."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from support.built_site import LANGUAGES, front_matter, source_pages

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


@pytest.fixture(scope="module", params=list(SCHEMES))
def scheme_tab(request, browser, base_url):
    """One tab per colour scheme, with axe-core loaded into every page."""
    context = browser.new_context(base_url=base_url, color_scheme=request.param)
    context.add_init_script(script=Axe().axe_script)
    yield request.param, context.new_page()
    context.close()


def serious_violations(page) -> list[str]:
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(str(node["target"]) for node in v["nodes"][:5])
        for v in results["violations"]
        if v["impact"] in BLOCKING
    ]


@pytest.mark.parametrize(
    ("kind", "path"), one_page_per_kind(), ids=[f"{p}:{k}" for k, p in one_page_per_kind()]
)
def test_no_serious_accessibility_violations(scheme_tab, kind, path):
    scheme, page = scheme_tab
    page.goto(path)
    assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[scheme]
    blocking = serious_violations(page)
    assert not blocking, "\n".join(blocking)
