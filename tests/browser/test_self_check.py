"""The INFORM threshold self-check: its logic (inform-self-check.js, run in
Chromium as the page runs it) and the form on both language pages.

Threshold (15 U.S.C. § 45f(f)(3)): in any continuous 12-month period within
the last 24 months, 200 or more sales AND US$5,000 or more in revenue."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from hypothesis import given, settings
from hypothesis import strategies as st
from support.built_site import ROOT

SCRIPT = ROOT / "overrides" / "assets" / "javascripts" / "inform-self-check.js"
EMPTY = {"orders": "", "revenue": ""}


@pytest.fixture(scope="module")
def logic(browser):
    """A blank tab with the self-check script loaded, as the page loads it."""
    context = browser.new_context()
    tab = context.new_page()
    tab.set_content("<!doctype html><title>self-check</title>")
    tab.add_script_tag(path=str(SCRIPT))
    yield tab
    context.close()


def evaluate(logic, rows):
    return logic.evaluate("rows => informSelfCheck.evaluate(rows)", rows)


def months(*filled, total=24):
    """24 empty months with some filled in: months((index, orders, revenue), ...)."""
    rows = [dict(EMPTY) for _ in range(total)]
    for index, orders, revenue in filled:
        rows[index] = {"orders": orders, "revenue": revenue}
    return rows


def every_month(orders="0", revenue="0", total=24):
    return [{"orders": orders, "revenue": revenue} for _ in range(total)]


# ---- the rule --------------------------------------------------------------


def test_exactly_200_sales_and_exactly_5000_dollars_meet_the_threshold(logic):
    rows = every_month()
    rows[23] = {"orders": "200", "revenue": "5000"}
    result = evaluate(logic, rows)
    assert result["ok"]
    assert result["latest"] == {
        "start": 12,
        "end": 23,
        "orders": 200,
        "cents": 500000,
        "meets": True,
    }


@pytest.mark.parametrize(
    ("orders", "revenue"),
    [("199", "5000"), ("200", "4999.99"), ("199", "4999.99"), ("10000", "0"), ("0", "100000")],
)
def test_one_threshold_alone_is_not_enough(logic, orders, revenue):
    rows = every_month()
    rows[23] = {"orders": orders, "revenue": revenue}
    result = evaluate(logic, rows)
    assert result["ok"]
    assert result["latest"] is None
    assert result["qualifying"] == []


def test_both_thresholds_spread_over_twelve_months(logic):
    # 12 x 17 = 204 sales; 12 x 416.67 = 5,000.04 dollars (exact in cents).
    rows = every_month()
    for index in range(6, 18):
        rows[index] = {"orders": "17", "revenue": "416.67"}
    result = evaluate(logic, rows)
    assert result["latest"] == {
        "start": 6,
        "end": 17,
        "orders": 204,
        "cents": 500004,
        "meets": True,
    }
    assert [w["start"] for w in result["qualifying"]] == [6]


def test_months_twelve_apart_are_never_in_one_window(logic):
    # Month 0 and month 12 are 13 months apart counting both: no 12-month window has both.
    rows = every_month()
    rows[0] = rows[12] = {"orders": "150", "revenue": "3000"}
    assert evaluate(logic, rows)["latest"] is None
    # Months 0 and 11 fit in the first window, and only there.
    rows = every_month()
    rows[0] = rows[11] = {"orders": "150", "revenue": "3000"}
    result = evaluate(logic, rows)
    assert [(w["start"], w["end"]) for w in result["qualifying"]] == [(0, 11)]


def test_windows_stay_inside_the_24_months(logic):
    # The oldest and the newest month together would qualify, but they are
    # 24 months apart; the windows are months 1-12 ... 13-24, nothing wider.
    rows = every_month()
    rows[0] = rows[23] = {"orders": "100", "revenue": "2500"}
    result = evaluate(logic, rows)
    assert result["latest"] is None
    assert [(w["start"], w["end"]) for w in result["windows"]] == [
        (start, start + 11) for start in range(13)
    ]


def test_most_recent_qualifying_window_is_reported(logic):
    rows = every_month("30", "800")  # every window: 360 sales, 9,600 dollars
    result = evaluate(logic, rows)
    assert len(result["qualifying"]) == 13
    assert (result["latest"]["start"], result["latest"]["end"]) == (12, 23)


def test_leading_empty_months_count_as_not_yet_selling(logic):
    rows = months((20, "120", "3000"), (21, "0", "0"), (22, "50", "1000"), (23, "30", "1000"))
    result = evaluate(logic, rows)
    assert result["ok"]
    assert result["firstEntered"] == 20
    assert result["latest"]["orders"] == 200
    assert result["latest"]["cents"] == 500000


def test_fewer_than_24_rows_and_fewer_than_12(logic):
    result = evaluate(logic, every_month("40", "1000", total=5))
    assert result["ok"]
    assert [(w["start"], w["end"]) for w in result["windows"]] == [(0, 4)]
    assert result["latest"]["orders"] == 200


def test_highest_figures_are_reported_when_not_met(logic):
    rows = every_month()
    rows[2] = {"orders": "150", "revenue": "100"}
    rows[20] = {"orders": "10", "revenue": "4900"}
    result = evaluate(logic, rows)
    assert result["latest"] is None
    assert result["best"]["orders"]["orders"] == 150
    assert result["best"]["revenue"]["cents"] == 490000


# ---- broken input: an error, never a verdict -------------------------------


def assert_error(result, *expected):
    assert result["ok"] is False
    assert "latest" not in result and "qualifying" not in result
    assert [(e["month"], e["field"], e["code"]) for e in result["errors"]] == list(expected)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("abc", "not-a-number"),
        ("12a", "not-a-number"),
        ("1e3", "not-a-number"),
        ("1,25", "not-a-number"),
        ("-5", "negative"),
        ("－5", "negative"),
        ("−5", "negative"),
        ("12.5", "not-whole"),
        ("10000000000", "too-large"),
    ],
)
def test_unreadable_sales_count(logic, text, code):
    rows = every_month()
    rows[5] = {"orders": text, "revenue": "10"}
    assert_error(evaluate(logic, rows), (5, "orders", code))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("five thousand", "not-a-number"),
        ("5.000,00", "not-a-number"),
        ("-1", "negative"),
        ("10.001", "too-precise"),
        ("$", "empty"),
    ],
)
def test_unreadable_revenue(logic, text, code):
    rows = every_month()
    rows[7] = {"orders": "3", "revenue": text}
    assert_error(evaluate(logic, rows), (7, "revenue", code))


@pytest.mark.parametrize(
    ("orders", "revenue", "sales", "cents"),
    [
        ("２００", "５０００", 200, 500000),  # full-width digits from a Chinese input method
        ("1,200", "$5,000.00", 1200, 500000),
        (" 200 ", "US$ 5,000.5", 200, 500050),
        ("200.0", "5000.10", 200, 500010),
    ],
)
def test_numbers_as_people_type_them(logic, orders, revenue, sales, cents):
    rows = every_month()
    rows[23] = {"orders": orders, "revenue": revenue}
    latest = evaluate(logic, rows)["latest"]
    assert (latest["orders"], latest["cents"]) == (sales, cents)


def test_missing_months_after_the_first_are_errors(logic):
    rows = months((3, "10", "100"), (5, "10", ""), (23, "", "100"))
    assert_error(
        evaluate(logic, rows),
        *[(m, f, "empty") for m in (4,) for f in ("orders", "revenue")],
        (5, "revenue", "empty"),
        *[(m, f, "empty") for m in range(6, 23) for f in ("orders", "revenue")],
        (23, "orders", "empty"),
    )


def test_empty_and_invalid_input(logic):
    assert_error(evaluate(logic, months()), (None, None, "no-months"))
    assert_error(evaluate(logic, []), (None, None, "no-months"))
    assert_error(evaluate(logic, every_month(total=25)), (None, None, "too-many-months"))


def test_month_labels(logic):
    labels = logic.evaluate("() => informSelfCheck.monthLabels('2026-02', 24)")
    assert labels[0] == "2024-03" and labels[-1] == "2026-02"
    assert labels[10:13] == ["2025-01", "2025-02", "2025-03"]
    assert labels[-3:] == ["2025-12", "2026-01", "2026-02"]
    for bad in ("2026-13", "2026-00", "26-01", "", "next month"):
        assert logic.evaluate("m => informSelfCheck.monthLabels(m, 24)", bad) is None


def reference_latest(rows):
    """The rule written out plainly: every 12-month window inside the months."""
    sales = [int(r["orders"] or 0) for r in rows]
    cents = [round(float(r["revenue"] or 0) * 100) for r in rows]
    found = None
    for start in range(max(1, len(rows) - 11)):
        end = min(start + 12, len(rows))
        if sum(sales[start:end]) >= 200 and sum(cents[start:end]) >= 500000:
            found = (start, end - 1)
    return found


month = st.tuples(st.integers(0, 60), st.integers(0, 150_000)).map(
    lambda m: {"orders": str(m[0]), "revenue": f"{m[1] // 100}.{m[1] % 100:02d}"}
)


@settings(max_examples=150, deadline=None)
@given(
    rows=st.integers(0, 23).flatmap(
        lambda blank: st.lists(month, min_size=24 - blank, max_size=24 - blank).map(
            lambda filled: [dict(EMPTY)] * blank + filled
        )
    )
)
def test_agrees_with_the_rule_written_out(logic, rows):
    result = evaluate(logic, rows)
    assert result["ok"]
    latest = result["latest"]
    assert ((latest["start"], latest["end"]) if latest else None) == reference_latest(rows)


# ---- the form on the page --------------------------------------------------

PAGES = {"zh": "/inform-act/self-check/", "en": "/en/inform-act/self-check/"}
CHECK = {"zh": "检查", "en": "Check"}
MEETS = {22: ("100", "2500"), 23: ("100", "2500")}  # 200 sales, 5,000 dollars


@pytest.fixture
def form(new_page):
    def open_form(lang):
        page, watch = new_page()
        page.clock.set_fixed_time("2026-11-28T10:00:00")
        page.goto(PAGES[lang])
        watch.settle(page)
        return page, watch

    return open_form


def fill(page, rows: dict[int, tuple[str, str]]):
    inputs = page.locator("form.kb-self-check tbody tr")
    for index, (orders, revenue) in rows.items():
        inputs.nth(index).locator("input").nth(0).fill(orders)
        inputs.nth(index).locator("input").nth(1).fill(revenue)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_form_lists_24_months_oldest_first_ending_last_month(form, lang):
    page, watch = form(lang)
    assert page.locator("[data-kb-needs-script]").is_hidden()
    assert page.locator("input[name=newest]").input_value() == "2026-10"
    heads = page.locator("form.kb-self-check tbody th .kb-month").all_inner_texts()
    assert len(heads) == 24
    assert heads[0] == "2024-11" and heads[-1] == "2026-10"
    inputs = page.locator("form.kb-self-check tbody input")
    assert inputs.count() == 48
    assert all(value == "" for value in inputs.evaluate_all("l => l.map(i => i.value)"))
    labels = inputs.evaluate_all("l => l.map(i => i.getAttribute('aria-label'))")
    assert all(label and "20" in label for label in labels)
    page.locator("input[name=newest]").fill("2025-03")
    assert page.locator("form.kb-self-check tbody th .kb-month").last.inner_text() == "2025-03"
    assert watch.problems() == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_form_names_the_qualifying_window_and_sends_nothing(form, lang):
    page, watch = form(lang)
    fill(page, MEETS)
    # The first focus started Material's scripts (theme-start.js), whose own
    # requests (the empty alternate sitemap of partials/head-meta.html) may
    # still be under way: they come from starting, not from checking.
    page.wait_for_function("() => document.documentElement.classList.contains('js')")
    watch.settle(page)
    watch.requests.clear()
    before = page.url
    page.get_by_role("button", name=CHECK[lang], exact=True).click()
    result = page.locator("form.kb-self-check .kb-result")
    assert result.get_attribute("data-state") == "meets"
    text = result.inner_text()
    assert "2025-11" in text and "2026-10" in text  # the 12 months that qualify
    assert "200" in text and "5,000.00" in text
    assert ("不是法律意见" if lang == "zh" else "not legal advice") in text
    assert result.locator(".kb-verify-anyway").count() == 0  # only with "not met"
    assert page.url == before
    # The site's own search (its scripts and index pieces; Material's worker and
    # lunr where the pieces are absent) may load once the reader moves the pointer
    # (its idle prefetch, overrides/assets/javascripts/search.js); that is not the
    # check, which must send nothing.
    search = (
        "/search/",
        "/assets/javascripts/search-",
        "/assets/javascripts/lunr/",
        "/assets/javascripts/workers/",
    )
    sent = [url for url in watch.requests if not any(part in url for part in search)]
    assert sent == [], "checking sent a request"
    assert watch.problems() == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_form_below_threshold(form, lang):
    page, _ = form(lang)
    fill(page, {22: ("60", "3000"), 23: ("60", "3000")})  # 120 sales, 6,000 dollars
    page.get_by_role("button", name=CHECK[lang], exact=True).click()
    result = page.locator("form.kb-self-check .kb-result")
    assert result.get_attribute("data-state") == "below"
    assert "120" in result.inner_text()
    # "Not met" says plainly to verify anyway when Seller Central asks, and why.
    why = result.locator(".kb-verify-anyway a")
    assert why.count() == 1
    assert why.get_attribute("href").endswith("/inform-act/who-must-verify/#amazon-or-wording")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(
    ("rows", "bad", "fixed"),
    [
        (MEETS | {22: ("abc", "2500")}, (22, 0), "100"),
        (MEETS | {23: ("100", "-2500")}, (23, 1), "2500"),
        ({20: ("0", "0"), **MEETS}, (21, 0), "0"),  # month 21 left empty
    ],
    ids=["letters", "negative", "missing-month"],
)
def test_broken_input_gets_a_message_and_no_verdict(form, lang, rows, bad, fixed):
    page, watch = form(lang)
    fill(page, rows)
    page.get_by_role("button", name=CHECK[lang], exact=True).click()
    result = page.locator("form.kb-self-check .kb-result")
    assert result.get_attribute("data-state") == "error"
    row, column = bad
    label = page.locator("form.kb-self-check tbody th .kb-month").nth(row).inner_text()
    assert label in result.inner_text()  # says which month
    inputs = page.locator("form.kb-self-check tbody tr").nth(row).locator("input")
    assert inputs.nth(column).get_attribute("aria-invalid") == "true"
    for verdict in ("meets", "below"):
        assert page.locator(f'form.kb-self-check .kb-result[data-state="{verdict}"]').count() == 0
    # Correcting the entry gives the verdict.
    for field in (inputs.nth(0), inputs.nth(1)):
        if field.get_attribute("aria-invalid"):
            field.fill(fixed)
    page.get_by_role("button", name=CHECK[lang], exact=True).click()
    assert result.get_attribute("data-state") == "meets"
    assert page.locator("form.kb-self-check [aria-invalid]").count() == 0
    assert watch.problems() == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_fill_empty_with_zero_starts_at_the_first_month_entered(form, lang):
    page, _ = form(lang)
    fill(page, {10: ("5", "50"), 23: ("7", "")})
    page.locator("[data-kb-fill-zero]").click()
    values = page.locator("form.kb-self-check tbody input").evaluate_all("l => l.map(i => i.value)")
    assert values[:20] == [""] * 20
    assert values[20:22] == ["5", "50"]
    assert values[22:46] == ["0"] * 24
    assert values[46:] == ["7", "0"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_form_with_errors_is_accessible(new_page, scheme):
    page, _ = new_page(color_scheme=scheme)
    page.goto(PAGES["zh"])
    fill(page, {22: ("abc", "-1"), 23: ("5", "5")})
    page.get_by_role("button", name=CHECK["zh"], exact=True).click()
    violations = [
        v["id"]
        for v in Axe().run(page).response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert violations == []
