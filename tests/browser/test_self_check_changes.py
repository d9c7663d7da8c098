"""The self-check's reader aids: a result disappears as soon as any figure
changes, each error is a link that puts the cursor in its field, the quick
check takes two 12-month totals, and a "meets" result says what to do next.
The rule itself is tested in test_self_check.py (and tests/js/)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_self_check import CHECK, MEETS, PAGES, SCRIPT, fill

QUICK = {"zh": "快速检查", "en": "Quick check"}
NEXT = ("/inform-act/required-information/", "/inform-act/individual-sellers/")


@pytest.fixture
def form(new_page):
    def open_form(lang):
        page, watch = new_page()
        page.clock.set_fixed_time("2026-11-28T10:00:00")
        page.goto(PAGES[lang])
        watch.settle(page)
        return page, watch

    return open_form


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_result_is_cleared_when_any_input_changes(form, lang):
    page, watch = form(lang)
    fill(page, MEETS)
    result = page.locator("form.kb-self-check .kb-result")
    page.get_by_role("button", name=CHECK[lang], exact=True).click()
    assert result.get_attribute("data-state") == "meets"
    page.locator("input[name=newest]").fill("2025-03")  # the rows now mean other months
    assert result.inner_text() == ""
    page.get_by_role("button", name=CHECK[lang], exact=True).click()
    assert result.get_attribute("data-state") == "meets"
    page.locator("form.kb-self-check tbody tr").nth(5).locator("input").first.fill("7")
    assert result.inner_text() == ""
    assert watch.problems() == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_error_is_a_link_to_its_field(form, lang):
    page, watch = form(lang)
    fill(page, MEETS | {22: ("1,250.50", "12a")})
    page.get_by_role("button", name=CHECK[lang], exact=True).click()
    links = page.locator("form.kb-self-check .kb-result li a")
    assert links.count() == 2
    text = links.all_inner_texts()
    assert "1,250.50" not in text[0]  # the whole-number message gives a whole-number example
    assert "1250" in text[0]
    row = page.locator("form.kb-self-check tbody tr").nth(22).locator("input")
    for i, field in enumerate((row.nth(0), row.nth(1))):
        links.nth(i).click()
        assert field.evaluate("el => el === document.activeElement")
        assert field.get_attribute("aria-invalid") == "true"
    assert watch.problems() == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_meets_result_links_to_the_next_steps(form, lang):
    page, _ = form(lang)
    fill(page, MEETS)
    page.get_by_role("button", name=CHECK[lang], exact=True).click()
    links = page.locator("form.kb-self-check .kb-result .kb-next a")
    hrefs = links.evaluate_all("l => l.map(a => a.pathname)")
    prefix = "/en" if lang == "en" else ""
    assert hrefs == [prefix + path for path in NEXT]
    for href in hrefs:
        assert page.request.get(href).status == 200


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_quick_check_with_two_totals(form, lang):
    page, watch = form(lang)
    quick = page.locator("form.kb-quick-check")
    assert quick.is_visible()
    assert quick.locator("input").count() == 2
    result = quick.locator(".kb-result")
    button = quick.get_by_role("button", name=QUICK[lang], exact=True)
    quick.locator("[name=orders]").fill("200")
    quick.locator("[name=revenue]").fill("5,000")
    button.click()
    assert result.get_attribute("data-state") == "meets"
    assert quick.locator(".kb-next a").count() == 2
    quick.locator("[name=revenue]").fill("4,999.99")
    assert result.inner_text() == ""
    button.click()
    assert result.get_attribute("data-state") == "below"
    assert quick.locator(".kb-verify-anyway a").count() == 1
    quick.locator("[name=orders]").fill("abc")
    button.click()
    assert result.get_attribute("data-state") == "error"
    result.locator("li a").first.click()
    assert quick.locator("[name=orders]").evaluate("el => el === document.activeElement")
    assert watch.problems() == []


def test_without_javascript_the_page_explains_the_hand_method(new_page):
    page, _ = new_page(java_script_enabled=False)
    page.goto(PAGES["zh"])
    note = page.locator("[data-kb-needs-script]")
    assert note.is_visible()
    assert note.locator("ol li").count() >= 3
    assert page.locator("form.kb-self-check").is_hidden()
    assert page.locator("form.kb-quick-check").is_hidden()


@pytest.fixture(scope="module")
def logic(browser):
    context = browser.new_context()
    tab = context.new_page()
    tab.set_content("<!doctype html><title>self-check</title>")
    tab.add_script_tag(path=str(SCRIPT))
    yield tab
    context.close()


@settings(max_examples=100, deadline=None)
@given(orders=st.integers(0, 100_000), cents=st.integers(0, 10_000_000))
def test_quick_check_agrees_with_the_rule_written_out(logic, orders, cents):
    revenue = f"{cents // 100}.{cents % 100:02d}"
    result = logic.evaluate(
        "([o, r]) => informSelfCheck.evaluateTotals(o, r)", [str(orders), revenue]
    )
    assert result["ok"]
    assert result["meets"] == (orders >= 200 and cents >= 500_000)
