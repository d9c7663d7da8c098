"""A printout says where it came from: site name, page address, print date,
last-reviewed date and the independence line, above the title."""

from __future__ import annotations

import datetime as dt

import pytest
from support.built_site import CONFIG, canonical_url, front_matter, source_pages

PAGES = {"zh": "/sign-in/reset-password/", "en": "/en/sign-in/reset-password/"}
INDEPENDENT = {
    "zh": "独立社区指南 · 非亚马逊官方",
    "en": "Independent community guide · not Amazon",
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_print_header(new_page, lang):
    page, watch = new_page()
    page.clock.set_fixed_time("2026-12-01T10:00:00")
    page.goto(PAGES[lang])
    header = page.locator(".kb-print-header")
    assert not header.is_visible()  # paper only
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    assert header.is_visible()
    text = header.inner_text()
    # kb.site.frontmatter keeps a YAML date as its text (TextLoader).
    reviewed = dt.date.fromisoformat(
        str(front_matter(source_pages(lang)[PAGES[lang]])["last_reviewed"])
    )
    if lang == "zh":
        expected_reviewed = f"{reviewed.year} 年 {reviewed.month} 月 {reviewed.day} 日"
    else:
        expected_reviewed = reviewed.strftime("%-d %B %Y")
    for part in (
        CONFIG[lang]["site_name"],
        canonical_url(PAGES[lang]),
        "2026 年 12 月 1 日" if lang == "zh" else "1 December 2026",
        expected_reviewed,
        INDEPENDENT[lang],
    ):
        assert part in text, part
    # Above the title, and the screen-only lines are not printed twice.
    assert header.bounding_box()["y"] < page.locator("article h1").bounding_box()["y"]
    assert page.locator(".kb-byline").is_hidden()
    assert page.locator(".kb-feedback").is_hidden()
    assert page.pdf().startswith(b"%PDF")
    assert watch.problems() == []


def test_without_javascript_the_print_date_line_is_left_out(new_page):
    page, _ = new_page(java_script_enabled=False)
    page.goto(PAGES["zh"])
    page.emulate_media(media="print")
    assert page.locator(".kb-print-header").is_visible()
    assert page.locator(".kb-print-header__printed").is_hidden()
