"""Issue 11, "Must show 2", on the built site (run `make build` first): in each
language, at least 95% of the articles' sentences, list items and table rows
that state a date, an amount of money or a number of days carry a link into
the page's source list, and every listed source is cited in its built page.
The classifier is CT004's (kb.site.claims); `make bench` prints the figures."""

from __future__ import annotations

from collections import Counter

import markdown
import pytest
from kb import ROOT
from kb.markdown.citations import CitationsExtension
from kb.runner import check_tree
from kb.site.claims import html_units
from support.built_site import SITE, source_pages
from support.citation_coverage import coverage

THRESHOLD = 0.95
needs_site = pytest.mark.skipif(
    not (SITE / "index.html").is_file(), reason="no built site: run `make build` first"
)


@needs_site
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_claims_with_a_date_amount_or_days_are_cited(lang):
    found = coverage(SITE, lang)
    assert found.facts > 0
    examples = "\n".join(f"{page}: {unit.text[:80]}" for page, unit in found.uncited[:20])
    assert found.share >= THRESHOLD, (
        f"{lang}: {found.cited} of {found.facts} ({found.share:.1%}) cited; uncited:\n{examples}"
    )


@needs_site
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_listed_source_is_cited_in_the_built_page(lang):
    missing = coverage(SITE, lang).sources_missing
    assert missing == [], "\n".join(f"{page}: {source}: {why}" for page, source, why in missing)


def test_html_units_count_cited_and_uncited_claims():
    """The HTML side of the classifier, on what the extension renders."""
    text = (
        "法案于 2023 年 6 月 27 日生效[@ftc-inform-consumers-act-federal]。须在 10 天内回复。"
        "没有事实的一句。\n\n"
        "- 5,000 美元[@ftc-inform-consumers-act-federal]\n- 10 天\n\n"
        "| 期限 | 说明 |\n|---|---|\n| 10 天 | 法律[@ftc-inform-consumers-act-federal] |\n"
    )
    extension = CitationsExtension(registry=str(ROOT / "data" / "sources.yml"))
    body = markdown.markdown(text, extensions=[extension, "tables"])
    html = f'<article class="md-content__inner"><h1>2023-06-27</h1>{body}</article><p>10 天</p>'
    facts = [(unit.kind, unit.cited) for unit in html_units(html) if unit.states_fact]
    assert facts == [
        ("sentence", True),
        ("sentence", False),
        ("list item", True),
        ("list item", False),
        ("table row", True),
    ]


@needs_site
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_check_and_built_site_find_the_same_uncited_claims(lang):
    """CT004 on the Markdown and the measurement on the HTML agree, page by page."""
    _docs, findings = check_tree(ROOT, {"CT004"})
    from_markdown = Counter(f.path for f in findings if f.path.startswith(f"docs/{lang}/"))
    sources = source_pages(lang)
    from_html = Counter(
        sources[page].relative_to(ROOT).as_posix() for page, _ in coverage(SITE, lang).uncited
    )
    assert from_html == from_markdown
