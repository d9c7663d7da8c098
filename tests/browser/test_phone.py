"""Every page of both languages on two phone screens (360 x 740 and 390 x 844):
nothing in the article runs off the screen except inside a container that
scrolls and shows that it does, warnings and tables are at least 15 px, each
H1 and H2 is exactly as tall as its lines of text (the ¶ never adds a line),
and breadcrumbs say where the page belongs.

One tab visits every page once and measures it at both sizes."""

from __future__ import annotations

from support.built_site import PREFIX, built_pages, language_of

PHONES = {"360x740": {"width": 360, "height": 740}, "390x844": {"width": 390, "height": 844}}
MIN_TEXT_PX = 15

# Runs in the page; returns a list of problems (empty when the page is fine).
MEASURE = """(home) => {
  const problems = [];
  const width = document.documentElement.clientWidth;
  const article = document.querySelector("article.md-content__inner");
  const name = (el) => {
    const classes = typeof el.className === "string" ? el.className.trim().split(/\\s+/) : [];
    return el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
      + classes.filter(Boolean).map((c) => "." + c).join("");
  };

  // A container that scrolls sideways, lies on the screen, and shows that it
  // scrolls (the shadow gradients of extra.css).
  const scroller = (el) => {
    for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
      const style = getComputedStyle(box);
      if (/(auto|scroll)/.test(style.overflowX) && box.scrollWidth > box.clientWidth + 1) {
        const r = box.getBoundingClientRect();
        if (r.left < -1 || r.right > width + 1) return null;
        return style.backgroundImage.includes("gradient") ? box : "no-hint:" + name(box);
      }
    }
    return null;
  };
  for (const el of article.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.right <= width + 1 && r.left >= -1) continue;
    const box = scroller(el);
    const where = `${Math.round(r.left)} to ${Math.round(r.right)} px`;
    if (box === null) problems.push(`${name(el)} runs off the screen (${where})`);
    else if (typeof box === "string") {
      problems.push(`${name(el)} scrolls in ${box.slice(8)}, which shows no scroll hint`);
    }
  }

  // Text directly inside warnings and tables (footnote markers excepted).
  const boxes = article.querySelectorAll(".admonition, details, table:not([class])");
  for (const box of boxes) {
    for (const el of [box, ...box.querySelectorAll("*")]) {
      if (el.closest("sup, sub, .headerlink")) continue;
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (!own || !el.getClientRects().length) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < %(min)s - 0.05) {
        problems.push(`${name(el)} in ${name(box)}: ${size.toFixed(1)} px text`);
      }
    }
  }

  // H1 and H2: height = number of text lines x line height.
  for (const heading of article.querySelectorAll("h1, h2")) {
    const range = document.createRange();
    const tops = [];
    for (const node of heading.childNodes) {
      if (node.nodeType === 1 && node.classList.contains("headerlink")) continue;
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        if (rect.width > 0 && !tops.some((t) => Math.abs(t - rect.top) < 4)) tops.push(rect.top);
      }
    }
    const style = getComputedStyle(heading);
    const line = parseFloat(style.lineHeight);
    const padding = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
    const height = heading.getBoundingClientRect().height - padding;
    if (Math.abs(height - tops.length * line) > 2) {
      const lines = `${tops.length} line(s) of ${line} px`;
      problems.push(`${name(heading)} is ${Math.round(height)} px tall for ${lines}`);
    }
  }

  // Breadcrumbs, starting at the home page of the page's language.
  if (location.pathname !== home) {
    const crumbs = document.querySelectorAll(".md-content .md-path a.md-path__link");
    if (!crumbs.length || !crumbs[0].offsetParent) problems.push("no breadcrumbs");
    else if (new URL(crumbs[0].href).pathname !== home) {
      problems.push(`breadcrumbs start at ${crumbs[0].href}`);
    }
  }
  return problems;
}""".replace("%(min)s", str(MIN_TEXT_PX))


def test_every_page_fits_both_phones(new_page):
    # One tab loads each page once and measures it at both sizes (resizing
    # re-applies the media queries), which halves the cost of the module.
    first = next(iter(PHONES.values()))
    page, watch = new_page(viewport=first, is_mobile=True, has_touch=True)
    pages = built_pages()
    found = []
    for path in pages:
        page.set_viewport_size(first)
        page.goto(path)
        page.wait_for_load_state("load")
        for name, size in PHONES.items():
            page.set_viewport_size(size)
            for problem in page.evaluate(MEASURE, PREFIX[language_of(path)]):
                found.append(f"{path} at {name}: {problem}")
    assert len(pages) > 40
    assert not found, f"{len(found)} problems:\n" + "\n".join(found)
    assert watch.problems() == []


def test_wide_tables_become_cards_with_their_column_names(new_page):
    """On a phone, a table of 3+ columns shows one card per row, every cell
    under its column's name, so the column with the link is never cut off."""
    page, _ = new_page(viewport=PHONES["360x740"], is_mobile=True)
    for path in ("/sign-in/", "/en/sign-in/"):
        page.goto(path)
        table = page.locator("article table[data-kb-cards]").first
        heads = table.locator("thead th").all_inner_texts()
        assert len(heads) >= 3
        first_row = table.locator("tbody tr").first
        cells = first_row.locator("td")
        for i in range(cells.count()):
            cell = cells.nth(i)
            assert cell.get_attribute("data-label") == heads[i].strip()
            label = cell.evaluate("td => getComputedStyle(td, '::before').content")
            assert heads[i].strip() in label
        # Cards stack: every cell of a row starts at the same left edge.
        lefts = {round(cells.nth(i).bounding_box()["x"]) for i in range(cells.count())}
        assert len(lefts) == 1
        assert table.locator("a").first.bounding_box()["x"] + 10 < PHONES["360x740"]["width"]


def test_a_tapped_section_link_is_copied_on_touch_screens(new_page, base_url):
    page, watch = new_page(viewport=PHONES["390x844"], is_mobile=True, has_touch=True)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page.goto("/sign-in/")
    link = page.locator("article h2 .headerlink").first
    assert link.evaluate("a => getComputedStyle(a).opacity") == "1"  # visible without hover
    anchor = link.get_attribute("href")
    link.tap()
    page.locator(".kb-toast").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == f"{base_url}/sign-in/{anchor}"
    assert page.locator(".kb-toast").inner_text() == "已复制本节链接。"
    assert watch.problems() == []


def test_message_templates_wrap_and_copy_on_a_phone(new_page, base_url):
    """The support message templates (```text blocks) are read and copied on
    a phone: every line wraps inside the screen, and a copy button puts the
    whole template on the clipboard."""
    page, watch = new_page(viewport=PHONES["390x844"], is_mobile=True, has_touch=True)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    for path, first_line in (
        ("/sign-in/contact-support/", "主题："),
        ("/en/sign-in/contact-support/", "Subject:"),
    ):
        page.goto(path)
        blocks = page.locator('article div.highlight:not([class*="language-"]) > pre > code')
        assert blocks.count() >= 1, path
        overflow = blocks.evaluate_all("els => els.map(c => c.scrollWidth - c.clientWidth)")
        assert max(overflow) <= 1, f"{path}: a template line runs off the screen by {overflow} px"
        page.mouse.move(20, 200)  # Material, which adds the copy buttons, starts on a first action
        button = page.locator("article .md-code__button").first
        button.wait_for()
        button.tap()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert (
            copied.startswith(first_line) and copied.strip() == blocks.first.inner_text().strip()
        ), copied[:80]
    assert watch.problems() == []


def test_links_back_to_citations_are_a_finger_wide(new_page):
    """Each source's links back to where it is cited ("↩ 1 2 3") are tap
    targets of at least 24 x 24 px (WCAG 2.2, target size minimum)."""
    page, watch = new_page(viewport=PHONES["390x844"], is_mobile=True, has_touch=True)
    page.goto("/two-step-verification/code-not-received/")
    sizes = page.locator("article .cite-back a").evaluate_all(
        "links => links.map(a => a.getBoundingClientRect()).map(r => [r.width, r.height])"
    )
    assert sizes and min(min(size) for size in sizes) >= 24, sizes[:5]
    assert watch.problems() == []


def test_menu_chevrons_only_where_a_sub_menu_opens(new_page):
    """In the phone menu, a ">" means "opens a sub-menu": it is shown on the
    open section's toggle, never on a plain link to a section's first page."""
    page, watch = new_page(viewport=PHONES["390x844"], is_mobile=True, has_touch=True)
    for path in ("/", "/en/sign-in/reset-password/"):
        page.goto(path)
        page.locator('label.md-header__button[for="__drawer"]').click()
        on_links = page.locator(".md-nav--primary a.md-nav__link .md-nav__icon")
        shown = "l => l.filter(i => getComputedStyle(i).display !== 'none').length"
        assert on_links.evaluate_all(shown) == 0, path
        if path != "/":
            toggles = page.locator(".md-nav--primary label.md-nav__link .md-nav__icon")
            assert toggles.evaluate_all(shown) >= 1
    assert watch.problems() == []


def test_text_put_in_the_search_box_without_keys_is_answered(new_page):
    """A phone's input method commits a Chinese word, a paste or dictation
    puts text in: `input` events and no key press. The box answers it."""
    page, watch = new_page(viewport=PHONES["390x844"], is_mobile=True, has_touch=True)
    page.goto("/")
    page.locator("label[for=__search].md-header__button").tap()
    page.locator("input[data-md-component=search-query]:focus").wait_for()
    # Once Material's search runs (it writes its prompt above the list), it
    # no longer reads the box when it starts.
    page.locator(".md-search-result__meta", has_text="键入以开始搜索").wait_for()
    page.keyboard.insert_text("找回密码")
    first = page.locator(".md-search-result__item a.md-search-result__link").first
    first.wait_for()
    assert "/sign-in/reset-password/" in (first.get_attribute("href") or "")
    assert watch.problems() == []
