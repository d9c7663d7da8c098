"""The six commonest situations, walked on a phone: from the home page, one tap
on the entry link must land on a page whose first numbered step is on the
first screen (issue 11, "Must show" 1).

Each walk is named by the page and anchor the home page must link to, and the
link is found by where it leads (its resolved href), not by its wording, so a
walk fails if the home page stops offering that entry."""

from __future__ import annotations

import pytest
from support.built_site import PREFIX

PHONE = {"width": 390, "height": 844}

# situation -> (target page, relative to the language root; anchor)
WALKS = {
    "wrong-password": ("sign-in/wrong-email-or-password/", "steps"),
    "reset-email-never-arrives": ("sign-in/reset-password/", "reset-email-missing"),
    "code-not-arriving-on-86": ("two-step-verification/code-not-received/", "steps"),
    "lost-phone-with-2sv": ("two-step-verification/lost-phone/", "steps"),
    "inform-individual-without-licence": ("inform-act/individual-sellers/", "steps"),
    "suspicious-verify-email": ("security/phishing/", "steps"),
}

# The first <li> of the first <ol> in the section the anchor opens: from the
# heading with that id up to the next heading of the same or a higher level.
FIRST_STEP_TOP = """anchor => {
    const heading = document.getElementById(anchor);
    if (!heading || !/^H[1-6]$/.test(heading.tagName)) return null;
    const level = Number(heading.tagName[1]);
    for (let el = heading.nextElementSibling; el; el = el.nextElementSibling) {
        if (/^H[1-6]$/.test(el.tagName) && Number(el.tagName[1]) <= level) break;
        const ol = el.matches("ol") ? el : el.querySelector("ol");
        const li = ol && ol.querySelector(":scope > li");
        if (li) {
            const box = li.getBoundingClientRect();
            return box.height > 0 ? box.top : null;
        }
    }
    return null;
}"""


@pytest.fixture(scope="module")
def phone(browser, base_url):
    """One phone-sized tab for all twelve walks (one browser, fast)."""
    context = browser.new_context(base_url=base_url, viewport=PHONE, is_mobile=True, has_touch=True)
    # The walks measure layout only: skip search (its scripts and index pieces,
    # which a tap schedules; Material's worker and index where those are absent).
    context.route("**/search/**", lambda route: route.abort())
    context.route("**/assets/javascripts/search-*.js", lambda route: route.abort())
    context.route("**/workers/search.*.js", lambda route: route.abort())
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("situation", WALKS)
def test_one_tap_from_home_reaches_a_numbered_step_on_screen(phone, base_url, lang, situation):
    target, anchor = WALKS[situation]
    home = PREFIX[lang]
    expected = f"{base_url}{home}{target}#{anchor}"
    phone.goto(home, wait_until="domcontentloaded")  # only its links are needed
    links = phone.locator(".md-content a[href]")
    hrefs = links.evaluate_all("links => links.map(link => link.href)")
    assert expected in hrefs, f"{lang} home page has no link to {home}{target}#{anchor}"

    links.nth(hrefs.index(expected)).tap()
    phone.wait_for_url(expected)
    phone.wait_for_load_state("load")
    top = phone.evaluate(FIRST_STEP_TOP, anchor)
    assert top is not None, f"{home}{target}: no numbered step under #{anchor}"
    # Below the fixed header and above the bottom of the screen.
    header = phone.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    # The browser scrolls to the anchor on load; allow it a moment to settle.
    if not header <= top < PHONE["height"]:
        phone.wait_for_timeout(300)
        top = phone.evaluate(FIRST_STEP_TOP, anchor)
    assert header <= top < PHONE["height"], (
        f"{home}{target}#{anchor}: first step at y={top:.0f}, "
        f"visible area is {header:.0f}-{PHONE['height']}"
    )
