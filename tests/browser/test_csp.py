"""The Content-Security-Policy (kb/build/csp.py) in Chromium: every page has
it first in <head>, the site's own features work under it with no violation,
and a script planted into a built page does not run. That no page breaks its
own policy is checked on the one walk of every page, in test_pages.py."""

from __future__ import annotations

import re

import pytest
from support.built_site import HTML_LANG, RECORD_CSP_VIOLATIONS, SITE, built_pages

CSP_META = re.compile(r'<head[^>]*><meta http-equiv="Content-Security-Policy" content="([^"]*)">')
PLANTED = (
    "<script>window.__planted = 'inline script ran';</script>"
    '<img src="/missing.png" onerror="window.__planted_handler = \'event handler ran\'">'
)


def _html_files():
    return sorted(SITE.rglob("*.html"))


def test_every_page_has_the_policy_first_in_head(site_dir):
    pages = _html_files()
    assert len(pages) >= len(built_pages()) > 0
    for path in pages:
        text = path.read_text(encoding="utf-8")
        match = CSP_META.search(text)
        assert match, f"{path}: no Content-Security-Policy as the first element of <head>"
        script_src = next(d for d in match.group(1).split("; ") if d.startswith("script-src"))
        assert "'unsafe-inline'" not in script_src and "http" not in script_src
        assert '<meta name="referrer" content="strict-origin-when-cross-origin">' in text


def _open(page, url):
    page.add_init_script(RECORD_CSP_VIOLATIONS)
    page.goto(url)
    page.wait_for_load_state("load")


@pytest.mark.parametrize("home", ["/", "/en/"])
def test_search_palette_tooltips_and_language_switch_work_under_the_policy(new_page, home):
    page, watch = new_page()
    _open(page, home)
    # Search: runs in a Web Worker from the site itself.
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("2SV" if home == "/en/" else "两步验证")
    box.press("End")
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    page.keyboard.press("Escape")
    # Colour scheme toggle.
    chosen = "JSON.stringify(__md_get('__palette'))"
    before = page.evaluate(chosen)
    page.locator("form[data-md-component=palette] label:visible").click()
    # A function, not an expression: Playwright polls an expression with
    # eval, which the policy forbids (the click is carried out once Material
    # has started, so it may take a poll).
    page.wait_for_function(f"before => {chosen} !== before", arg=before)
    # Glossary tooltips (abbreviations) on an article.
    _open(page, home + "two-step-verification/")
    abbreviation = page.locator("article abbr").first
    abbreviation.hover()
    page.locator(".md-tooltip2, .md-tooltip").first.wait_for(state="attached", timeout=5_000)
    # The self-check tool page runs its own script.
    _open(page, home + "inform-act/self-check/")
    page.locator("[data-kb-needs-script]").first.wait_for(state="hidden", timeout=5_000)
    # Language switch.
    other, lang = ("/", "zh") if home == "/en/" else ("/en/", "en")
    page.locator(".md-select > button").click()
    page.locator(f'.md-select__link[hreflang="{HTML_LANG[lang]}"]').click()
    page.wait_for_url(f"**{other}inform-act/self-check/")
    assert page.evaluate("window.__violations") == []
    assert [p for p in watch.problems() if "Content Security Policy" in p] == []


def _serve_planted(page, base_url, keep_policy: bool):
    original = (SITE / "index.html").read_text(encoding="utf-8")
    html = original.replace("</body>", PLANTED + "</body>")
    if not keep_policy:
        html = CSP_META.sub(lambda m: m.group(0).split("<meta")[0], html)
    page.route(
        f"{base_url}/planted/",
        lambda route: route.fulfill(status=200, content_type="text/html", body=html),
    )


def test_a_planted_inline_script_does_not_run(new_page, base_url):
    page, _watch = new_page()
    _serve_planted(page, base_url, keep_policy=True)
    _open(page, "/planted/")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__planted") is None
    assert page.evaluate("window.__planted_handler") is None
    blocked = page.evaluate("window.__violations")
    assert any(v.startswith("script-src") for v in blocked), blocked
    # The site's own inline scripts still ran (the theme read its config).
    assert page.evaluate("typeof window.__md_get") == "function"


def test_without_the_policy_the_planted_script_would_run(new_page, base_url):
    """The control: the same page with the policy removed runs both."""
    page, _watch = new_page()
    _serve_planted(page, base_url, keep_policy=False)
    _open(page, "/planted/")
    page.wait_for_function("window.__planted_handler !== undefined", timeout=5_000)
    assert page.evaluate("window.__planted") == "inline script ran"
