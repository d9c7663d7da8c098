"""What a reader does: switch language, switch colour scheme, use the site on
a phone (menu, table of contents, search), land on a missing address, report
a problem, print an article. Pages are picked from the built site, so the
tests do not depend on any article's wording."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from support.built_site import CONFIG, HTML_LANG, ISSUE_URL, PREFIX, SITE, canonical_url

PHONE = {"width": 375, "height": 812}


def nav_files(items) -> list[str]:
    """The source files in the nav of mkdocs.yml, in reading order."""
    files = []
    for item in items:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        files.extend(nav_files(value) if isinstance(value, list) else [value])
    return files


def an_article(lang: str = "zh") -> str:
    """The first article in the menu (a page inside a section, not a section's
    index) with an external link in its content (its sources, or the report link)."""
    for source in nav_files(CONFIG["zh"]["nav"]):
        if source.count("/") != 1 or source.endswith("index.md"):
            continue
        path = PREFIX[lang] + source.removesuffix(".md") + "/"
        html = SITE / path.strip("/") / "index.html"
        text = html.read_text("utf-8") if html.is_file() else ""
        if 'href="https://' in text.partition('class="md-content"')[2]:
            return path
    raise AssertionError(f"no {lang} article with an external link in the built site")


def in_view(locator) -> bool:
    """On screen (Material's phone menu is moved off screen when closed)."""
    box = locator.bounding_box()
    return bool(box) and box["x"] + box["width"] > 0 and box["x"] < PHONE["width"]


@pytest.mark.parametrize("viewport", [None, PHONE], ids=["desktop", "phone"])
def test_language_menu_keeps_the_reader_on_the_same_article(new_page, viewport):
    options = {"viewport": viewport} if viewport else {}
    page, watch = new_page(**options)
    path = an_article("zh")
    page.goto(path)
    for lang, name, expected in (("en", "English", f"/en{path}"), ("zh", "简体中文", path)):
        page.locator(".md-select > button").click()  # opens the menu (focus)
        page.locator(f'.md-select__link[hreflang="{HTML_LANG[lang]}"]').click()
        page.wait_for_url(f"**{expected}")
        assert urlsplit(page.url).path == expected, name
        assert page.locator("html").get_attribute("lang") == HTML_LANG[lang]
        assert page.locator(".md-content h1").count() == 1
    assert watch.problems() == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_material_script_starts_on_the_readers_first_touch(new_page, scheme):
    """A page that is only read downloads none of Material's script; the search
    button and the colour toggle show anyway, and the reader's phone's colour
    scheme is applied before Material starts. The first touch starts it."""
    page, watch = new_page(viewport=PHONE, has_touch=True, color_scheme=scheme)
    scripts = []
    page.on("request", lambda request: scripts.append(request.url))
    page.goto(an_article("zh"), wait_until="load")
    page.wait_for_load_state("networkidle")
    assert not [url for url in scripts if "/bundle." in url], "Material's script loaded unasked"
    assert page.locator("html").get_attribute("class").split() == ["no-js", "kb-js"]
    assert page.locator('label.md-header__button[for="__search"]').is_visible()
    assert page.locator("form[data-md-component=palette] label:not([hidden])").count() == 1
    expected = {"light": "default", "dark": "slate"}[scheme]
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    page.touchscreen.tap(200, 400)
    page.wait_for_function("() => document.documentElement.classList.contains('js')")
    assert [url for url in scripts if "/bundle." in url]
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    assert watch.problems() == []


def test_phone_search_button_opens_the_box_with_the_cursor_in_it(new_page):
    """The reader's first tap may be on the search button, before Material has
    started: the box opens with the cursor in it (the phone's keyboard opens),
    and what is typed is answered once Material runs."""
    page, watch = new_page(viewport=PHONE, has_touch=True, is_mobile=True)
    page.goto(an_article("zh"), wait_until="load")
    page.wait_for_load_state("networkidle")
    page.locator('label.md-header__button[for="__search"]').tap()
    assert page.evaluate("document.activeElement.matches('[data-md-component=search-query]')")
    page.keyboard.type("验证码")
    page.keyboard.press("End")  # Material's search box reacts to key events
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    assert watch.problems() == []


def test_search_key_is_the_first_action(new_page):
    """Material's search key (/) pressed before Material has started opens
    the search box with the cursor in it, the key not typed into it, and what
    the reader types next is answered."""
    page, watch = new_page()
    page.goto(an_article("en"), wait_until="load")
    page.wait_for_load_state("networkidle")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.matches('[data-md-component=search-query]')")
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.type("reset password")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    assert page.input_value("[data-md-component=search-query]") == "reset password"
    assert watch.problems() == []


def test_a_page_opened_from_search_starts_material_at_once(new_page):
    """Material marks the searched words (?h=) on the page a result opens."""
    page, watch = new_page()
    page.goto(an_article("en") + "?h=amazon")
    page.wait_for_function("() => document.documentElement.classList.contains('js')")
    assert watch.problems() == []


def test_a_search_link_opens_search_with_its_query(new_page):
    """A link with ?q= (one a colleague sends) opens the search box with the
    query answered, though nobody has touched the page yet."""
    page, watch = new_page()
    page.goto(an_article("zh") + "?q=验证码")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    assert page.input_value("input[data-md-component=search-query]") == "验证码"
    assert watch.problems() == []


def toggle_colour_scheme(page) -> None:
    """One tap on the colour toggle, and the wait for its button to change:
    the first tap on a page also starts Material's script (theme-start.js),
    which then carries the tap out."""
    visible = "form[data-md-component=palette] label:not([hidden])"
    before = page.get_attribute(visible, "for")
    page.locator(visible).click()
    page.wait_for_function(
        "([selector, before]) => document.querySelector(selector).htmlFor !== before",
        arg=[visible, before],
    )


def test_colour_scheme_toggle_switches_and_persists(new_page):
    page, watch = new_page(color_scheme="light")
    page.goto(an_article("en"))
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    light_background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    for _ in range(3):  # automatic -> light -> dark, in Material's order
        if body.get_attribute("data-md-color-scheme") == "slate":
            break
        toggle_colour_scheme(page)
    assert body.get_attribute("data-md-color-scheme") == "slate"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != light_background
    page.goto(an_article("zh"))  # the choice is kept across pages
    assert body.get_attribute("data-md-color-scheme") == "slate"
    toggle_colour_scheme(page)
    assert body.get_attribute("data-md-color-scheme") != "slate"
    assert watch.problems() == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_phone_navigation_menu(new_page, lang):
    page, watch = new_page(viewport=PHONE)
    page.goto(an_article(lang))
    drawer = page.locator(".md-sidebar--primary")
    assert not in_view(drawer), "the menu is open before the reader asks for it"
    page.locator('label.md-header__button[for="__drawer"]').click()
    page.wait_for_function(
        "() => document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= 0"
    )
    # A link to another page that the reader can tap: on top at its centre
    # (Material slides section menus over their parents). It is marked so
    # that the click goes to that very element.
    address = page.wait_for_function(
        """() => {
          const link = [...document.querySelectorAll('.md-sidebar--primary a.md-nav__link[href]')]
            .filter(a => !a.getAttribute("href").startsWith("#") && a.href !== location.href)
            .find(a => {
              const box = a.getBoundingClientRect();
              const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
              return box.width > 0 && top && a.contains(top);
            });
          if (!link) return null;
          link.setAttribute("data-test-target", "");
          return link.href;
        }""",
        timeout=5000,
    ).json_value()
    drawer.locator("a[data-test-target]").click()
    page.wait_for_url(address)
    assert page.locator(".md-content h1").count() == 1
    assert watch.problems() == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_phone_table_of_contents(new_page, lang):
    page, watch = new_page(viewport=PHONE)
    page.goto(an_article(lang))
    assert not page.locator(".md-sidebar--secondary").is_visible()  # no side column on phones
    page.locator('label.md-header__button[for="__drawer"]').click()
    page.locator('.md-sidebar--primary label.md-nav__link--active[for="__toc"]').click()
    entries = page.locator(".md-sidebar--primary .md-nav--secondary a.md-nav__link")
    assert entries.count() >= 2
    entry = entries.nth(1)
    anchor = entry.get_attribute("href")
    entry.click()
    assert urlsplit(page.url).fragment == anchor.lstrip("#")
    heading = page.locator(f"[id='{anchor.lstrip('#')}']")
    assert heading.is_visible()
    box = heading.bounding_box()
    assert box and 0 <= box["y"] < PHONE["height"], "the heading is not scrolled into view"
    assert watch.problems() == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_phone_search_finds_an_article_by_its_title(new_page, lang):
    page, watch = new_page(viewport=PHONE)
    path = an_article(lang)
    page.goto(path)
    title = page.locator(".md-content h1").inner_text().replace("¶", "").strip()
    watch.settle(page)
    page.goto("/en/" if lang == "en" else "/")  # search from the home page
    page.locator('label.md-header__button[for="__search"]').click()
    box = page.locator("input.md-search__input")
    assert box.is_visible()
    box.fill(title)
    box.press("End")  # Material's search reacts to key events
    results = page.locator(".md-search-result__item a")
    results.first.wait_for()
    hrefs = [urlsplit(results.nth(i).get_attribute("href")).path for i in range(results.count())]
    assert any(h.rstrip("/").endswith(path.rstrip("/")) for h in hrefs), (title, hrefs)
    assert watch.problems() == []


@pytest.mark.parametrize(
    ("address", "lang", "home"),
    [("/no-such-page/", "zh-Hans", "/"), ("/en/no-such-page/", "en", "/en/")],
)
def test_not_found_page_speaks_the_language_of_the_address(new_page, base_url, address, lang, home):
    page, watch = new_page()
    watch.expect_status.add(base_url + address)
    response = page.goto(address)
    assert response.status == 404
    visible = page.locator("[data-kb-lang]:visible")
    assert visible.count() == 1
    assert visible.get_attribute("data-kb-lang") == lang
    assert page.locator("html").get_attribute("lang") == lang
    assert visible.locator("h1").is_visible()
    link = visible.locator("a").last  # after the links to the three sections
    assert urlsplit(link.evaluate("a => a.href")).path == home
    link.click()
    page.wait_for_url(f"{base_url}{home}")
    assert page.locator("html").get_attribute("lang") == lang
    assert watch.problems() == []


def test_report_link_opens_a_prefilled_github_issue(new_page, base_url):
    page, watch = new_page()
    path = an_article("en")
    opened = []

    def github(route):  # stands in for github.com, which the tests never reach
        opened.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<title>issue</title>")

    page.context.route(re.compile(r"^https://github\.com/"), github)
    page.goto(path)
    title = page.locator(".md-content h1").inner_text().replace("¶", "").strip()
    page.locator(".kb-report a").click()
    page.wait_for_url("https://github.com/**")
    url = urlsplit(opened[-1])
    assert f"{url.scheme}://{url.netloc}{url.path}" == ISSUE_URL
    query = parse_qs(url.query)
    assert title in query["title"][0]
    assert query["page"] == [canonical_url(path)]
    # Before the click the page made no request to GitHub or anyone else.
    assert [u for u in watch.other_hosts if not u.startswith("https://github.com/")] == []
    assert watch.other_hosts == opened


def test_printed_article_has_no_navigation_and_shows_link_addresses(new_page):
    page, watch = new_page()
    page.goto(an_article("zh"))
    page.emulate_media(media="print")
    for chrome in (
        ".md-header",
        ".md-sidebar--primary",
        ".md-sidebar--secondary",
        ".md-footer",
        ".md-search",
        ".kb-report",
        ".md-content__button",
    ):
        shown = page.locator(chrome).evaluate_all(
            "nodes => nodes.filter(n => getComputedStyle(n).display !== 'none').length"
        )
        assert shown == 0, f"{chrome} is printed"
    external = page.locator('.md-content a[href^="https://"]').first
    href = external.get_attribute("href")
    after = external.evaluate("a => getComputedStyle(a, '::after').content")
    assert href in after
    internal = page.locator('.md-content a[href]:not([href^="http"]):not([href^="#"])')
    if internal.count():
        assert internal.first.evaluate("a => getComputedStyle(a, '::after').content") in (
            "none",
            "normal",
        )
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")
    assert watch.problems() == []
