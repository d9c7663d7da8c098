"""The single root 404.html, served for every missing address: under /en/ the
header, menu, footer and search are English; elsewhere, and with JavaScript
off, it is a Chinese page (the default language)."""

from __future__ import annotations

from urllib.parse import urlsplit

from kb.site.pages import language_of_url
from support.built_site import CONFIG


def test_english_address_gets_english_chrome(new_page, base_url):
    page, watch = new_page(viewport={"width": 390, "height": 844})
    address = "/en/no-such-page/"
    watch.expect_status.add(base_url + address)
    assert page.goto(address).status == 404
    menu_is_english = (
        "() => document.querySelector('.md-nav--primary').innerText.includes('Sign-in')"
    )
    page.wait_for_function(menu_is_english)
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.title() == "Page not found"
    header = page.locator(".md-header__topic").first.inner_text().strip()
    assert header == CONFIG["en"]["site_name"]
    assert page.locator(".md-search__input").get_attribute("placeholder") == "Search"
    menu = page.locator(".md-nav--primary").inner_text()
    for label in ("Sign-in problems", "Two-Step Verification", "INFORM Act"):
        assert label in menu
    assert "登录问题" not in menu
    assert "not affiliated with Amazon" in page.locator(".md-footer-meta").inner_text()
    assert page.locator(".md-select__link[aria-current]").get_attribute("hreflang") == "en"
    # Search looks in the English index and answers in English.
    page.locator('label.md-header__button[for="__search"]').click()
    box = page.locator("input.md-search__input")
    box.fill("password")
    box.press("End")
    results = page.locator(".md-search-result__item a")
    results.first.wait_for()
    assert language_of_url(urlsplit(results.first.get_attribute("href")).path) == "en"
    assert "matching" in page.locator(".md-search-result__meta").inner_text()
    assert watch.other_hosts == []
    assert watch.problems() == []


def test_chinese_address_and_no_javascript_get_the_default_language(new_page, base_url):
    for options in ({}, {"java_script_enabled": False}):
        page, watch = new_page(**options)
        address = "/no-such-page/"
        watch.expect_status.add(base_url + address)
        assert page.goto(address).status == 404
        assert page.locator("html").get_attribute("lang") == "zh-Hans"
        header = page.locator(".md-header__topic").first.inner_text().strip()
        assert header == CONFIG["zh"]["site_name"]
        assert page.locator('[data-kb-lang="zh-Hans"] h1').is_visible()
        assert "登录问题" in page.locator(".md-nav--primary").inner_text()
        assert watch.problems() == []
    # Without JavaScript the English text is there too, below the Chinese.
    page, watch = new_page(java_script_enabled=False)
    watch.expect_status.add(base_url + "/en/no-such-page/")
    page.goto("/en/no-such-page/")
    assert page.locator('[data-kb-lang="en"] h1').is_visible()


def test_the_missing_page_leads_to_the_three_questions_in_its_language(new_page, base_url):
    """A reader who followed a stale link is still locked out: the 404 page
    links the sign-in, two-step verification and INFORM sections of the
    address's language, one tap each, and each link lands on its page."""
    page, watch = new_page(viewport={"width": 390, "height": 844})
    for address, prefix in (("/two-step-verification/gone/", "/"), ("/en/sign-in/gone/", "/en/")):
        watch.expect_status.add(base_url + address)
        assert page.goto(address).status == 404
        shown = page.locator(".kb-not-found:visible li a")
        hrefs = [urlsplit(href).path for href in shown.evaluate_all("l => l.map(a => a.href)")]
        sections = ["sign-in/", "two-step-verification/", "inform-act/"]
        assert hrefs == [prefix + section for section in sections], address
        home = page.locator(".kb-not-found:visible p a").last.get_attribute("href")
        assert home == prefix
        for href in hrefs:
            assert page.request.get(base_url + href).status == 200
    assert watch.problems() == []
