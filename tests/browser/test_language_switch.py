"""The language menu keeps the reader's place: the same page in the other
language, at the same #anchor (both languages share heading IDs)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from support.built_site import HTML_LANG


@pytest.mark.parametrize(
    "viewport", [None, {"width": 390, "height": 844}], ids=["desktop", "phone"]
)
def test_language_menu_keeps_the_anchor(new_page, viewport):
    page, watch = new_page(**({"viewport": viewport} if viewport else {}))
    page.goto("/sign-in/reset-password/")
    anchor = page.locator("article h2[id]").nth(1).get_attribute("id")
    page.goto(f"/sign-in/reset-password/#{anchor}")
    for lang, expected in (
        ("en", "/en/sign-in/reset-password/"),
        ("zh", "/sign-in/reset-password/"),
    ):
        page.locator(".md-select > button").click()
        page.locator(f'.md-select__link[hreflang="{HTML_LANG[lang]}"]').click()
        page.wait_for_url(f"**{expected}#{anchor}")
        url = urlsplit(page.url)
        assert (url.path, url.fragment) == (expected, anchor)
        heading = page.locator(f"[id='{anchor}']")
        box = heading.bounding_box()
        assert box and 0 <= box["y"] < page.viewport_size["height"], "not scrolled to the section"
    assert watch.problems() == []
