"""Every built page, in both languages, opened once in Chromium: it loads with
no console error, no failed request and no request to another host, and its
head and links carry what search engines, link previews and readers need.

One tab visits all pages in one pass (the slow part); each test then checks
one property over the records and lists every page that fails it."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from support.built_site import (
    ALTERNATE_BASE,
    CONFIG,
    HTML_LANG,
    ISSUE_URL,
    LANGUAGES,
    RECORD_CSP_VIOLATIONS,
    REPO_URL,
    ROOT,
    PageWatch,
    built_pages,
    canonical_url,
    front_matter,
    language_of,
    page_path,
    source_pages,
)

# Everything the checks need, read from the page in one call.
READ_PAGE = """() => {
  const all = (selector, read) => [...document.querySelectorAll(selector)].map(read);
  const attr = (selector, name) => {
    const node = document.querySelector(selector);
    return node ? node.getAttribute(name) : null;
  };
  const heading = node => node.textContent.replace(/\\u00b6$/, "").trim();
  const hreflang = {};
  all('head link[rel="alternate"][hreflang]', link => {
    hreflang[link.getAttribute("hreflang")] = link.getAttribute("href");
  });
  const menu = {};
  all(".md-select__link[hreflang]", link => {
    menu[link.getAttribute("hreflang")] = new URL(link.getAttribute("href"), location.href).href;
  });
  const faq = document.querySelector(".md-content h2#faq");
  const questions = [];
  for (let node = faq && faq.nextElementSibling; node && node.tagName !== "H2";
       node = node.nextElementSibling) {
    if (node.tagName === "H3") questions.push(heading(node));
  }
  return {
    htmlLang: document.documentElement.lang,
    h1: all(".md-content h1", heading),
    description: attr('meta[name="description"]', "content"),
    canonical: all('link[rel="canonical"]', link => link.getAttribute("href")),
    hreflang,
    ogTitle: attr('meta[property="og:title"]', "content"),
    ogDescription: attr('meta[property="og:description"]', "content"),
    ogUrl: attr('meta[property="og:url"]', "content"),
    jsonld: all('script[type="application/ld+json"]', script => script.textContent),
    edit: all('a[rel="edit"]', link => link.getAttribute("href")),
    report: all(".kb-report a", link => link.getAttribute("href")),
    menu,
    faqQuestions: faq ? questions : null,
    scripts: [...document.scripts].filter(script => script.src).map(script => script.src),
  };
}"""


@pytest.fixture(scope="module")
def pages(browser, base_url) -> dict[str, dict]:
    """Opens every page once; returns {path: record}."""
    context = browser.new_context(base_url=base_url)
    tab = context.new_page()
    tab.add_init_script(RECORD_CSP_VIOLATIONS)
    watch = PageWatch(base_url).attach(tab)
    records = {}
    for path in built_pages():
        watch.clear()
        response = tab.goto(path, wait_until="load")
        watch.settle(tab)
        records[path] = {
            "status": response.status if response else None,
            "problems": watch.problems(),
            "violations": tab.evaluate("window.__violations"),
            **tab.evaluate(READ_PAGE),
        }
    context.close()
    return records


def assert_every_page(pages: dict[str, dict], check) -> None:
    """Runs check(path, record), which yields problems, over every page and
    fails with the full list."""
    found = [
        f"{path}: {problem}" for path, record in pages.items() for problem in check(path, record)
    ]
    assert not found, f"{len(found)} problems:\n" + "\n".join(found)


def test_every_page_of_both_languages_is_built_and_visited(pages):
    expected = {path for lang in LANGUAGES for path in source_pages(lang)}
    assert sorted(expected - set(pages)) == [], "source pages missing from the built site"
    assert sorted(set(pages) - expected) == [], "built pages without a source page"
    for lang in LANGUAGES:
        assert any(language_of(path) == lang for path in pages), f"no {lang} page was visited"


def test_pages_load_cleanly_from_the_site_alone(pages, base_url):
    """No console error, no failed request, no request to any other host."""

    def check(path, record):
        if record["status"] != 200:
            yield f"HTTP {record['status']}"
        yield from record["problems"]
        for src in record["scripts"]:
            if not src.startswith(base_url + "/"):
                yield f"third-party script {src}"

    assert_every_page(pages, check)


def test_no_page_breaks_its_own_policy(pages):
    """Under the site's Content-Security-Policy (kb/build/csp.py), nothing the
    page loads or runs is refused."""

    def check(path, record):
        yield from record["violations"]
        yield from (p for p in record["problems"] if "Content Security Policy" in p)

    assert_every_page(pages, check)


def test_one_title_and_the_page_language(pages):
    def check(path, record):
        if len(record["h1"]) != 1:
            yield f"{len(record['h1'])} H1 headings"
        if record["htmlLang"] != HTML_LANG[language_of(path)]:
            yield f'<html lang="{record["htmlLang"]}">'

    assert_every_page(pages, check)


def test_meta_description_and_link_preview_come_from_front_matter(pages):
    def check(path, record):
        meta = front_matter(source_pages(language_of(path))[path])
        if not meta.get("description"):
            yield "no description in front matter"
        if record["description"] != meta.get("description"):
            yield f"meta description {record['description']!r} is not the front matter's"
        if record["ogTitle"] != meta.get("title"):
            yield f"og:title {record['ogTitle']!r} is not the title {meta.get('title')!r}"
        if record["ogDescription"] != meta.get("description"):
            yield "og:description is not the front matter's description"
        if record["ogUrl"] != canonical_url(path):
            yield f"og:url {record['ogUrl']}"

    assert_every_page(pages, check)


def test_canonical_and_hreflang_alternates(pages):
    def check(path, record):
        if record["canonical"] != [canonical_url(path)]:
            yield f"canonical {record['canonical']}, expected {canonical_url(path)}"
        rel = page_path(path)
        expected = {
            "zh-Hans": ALTERNATE_BASE["zh"] + rel,
            "en": ALTERNATE_BASE["en"] + rel,
            "x-default": ALTERNATE_BASE["zh"] + rel,
        }
        if record["hreflang"] != expected:
            yield f"hreflang {record['hreflang']}, expected {expected}"

    assert_every_page(pages, check)


def test_language_menu_links_to_the_same_page_in_each_language(pages, base_url):
    def check(path, record):
        rel = page_path(path)
        for lang, prefix in (("zh", "/"), ("en", "/en/")):
            target = f"{base_url}{prefix}{rel}"
            linked = record["menu"].get(HTML_LANG[lang])
            if linked != target:
                yield f"language menu {lang} -> {linked}, expected {target}"
            elif f"{prefix}{rel}" not in pages:
                yield f"language menu {lang} -> {target}, which is not a built page"

    assert_every_page(pages, check)


def test_edit_link_points_to_the_page_source(pages):
    def check(path, record):
        lang = language_of(path)
        source = source_pages(lang)[path].relative_to(ROOT).as_posix()
        expected = (
            f"{REPO_URL}/{CONFIG[lang]['edit_uri'].strip('/')}/"
            + source.split(f"docs/{lang}/", 1)[1]
        )
        if record["edit"] != [expected]:
            yield f"edit link {record['edit']}, expected [{expected}] ({source})"

    assert_every_page(pages, check)


def issue_form_fields(template: str) -> set[str]:
    form = ROOT / ".github" / "ISSUE_TEMPLATE" / template
    if not form.is_file():
        return set()
    body = yaml.safe_load(form.read_text(encoding="utf-8")).get("body", [])
    return {item.get("id") for item in body if isinstance(item, dict)}


def test_report_link_prefills_a_github_issue(pages):
    def check(path, record):
        if len(record["report"]) != 1:
            yield f"{len(record['report'])} report links"
            return
        link = urlsplit(record["report"][0])
        if f"{link.scheme}://{link.netloc}{link.path}" != ISSUE_URL:
            yield f"report link goes to {link.scheme}://{link.netloc}{link.path}"
        query = parse_qs(link.query)
        title = query.get("title", [""])[0]
        if record["h1"] and record["h1"][0] not in title:
            yield f"issue title {title!r} lacks the page title"
        if query.get("page") != [canonical_url(path)]:
            yield f"issue page field {query.get('page')}"
        if canonical_url(path) not in query.get("body", [""])[0]:
            yield "issue body lacks the page address"
        template = query.get("template", [""])[0]
        if "page" not in issue_form_fields(template):
            yield f"issue form {template!r} does not exist or has no `page` field"

    assert_every_page(pages, check)


def json_ld(record) -> dict[str, dict]:
    found = {}
    for text in record["jsonld"]:
        data = json.loads(text)
        assert data.get("@context") == "https://schema.org"
        found[data["@type"]] = data
    return found


def test_structured_data(pages):
    """WebPage on every page; BreadcrumbList below the home page; FAQPage
    exactly where a page has a question-and-answer section (`## … { #faq }`)."""

    def check(path, record):
        try:
            data = json_ld(record)
        except (ValueError, KeyError, AssertionError) as error:
            yield f"unreadable JSON-LD: {error}"
            return
        if data.get("WebPage", {}).get("url") != canonical_url(path):
            yield "no WebPage with the page's address"
        crumbs = data.get("BreadcrumbList", {}).get("itemListElement", [])
        if page_path(path):
            if len(crumbs) < 2 or crumbs[-1].get("item") != canonical_url(path):
                yield f"breadcrumbs {crumbs}"
            elif [c["position"] for c in crumbs] != list(range(1, len(crumbs) + 1)):
                yield "breadcrumb positions are not 1, 2, ..."
            elif crumbs[0]["item"] != ALTERNATE_BASE[language_of(path)]:
                yield "breadcrumbs do not start at the home page"
        elif crumbs:
            yield "breadcrumbs on the home page"
        faq = data.get("FAQPage")
        if record["faqQuestions"]:
            names = [q["name"] for q in faq["mainEntity"]] if faq else None
            if names != record["faqQuestions"]:
                yield f"FAQPage questions {names}, expected {record['faqQuestions']}"
            elif not all(q["acceptedAnswer"]["text"].strip() for q in faq["mainEntity"]):
                yield "FAQPage question without an answer"
        elif faq:
            yield "FAQPage without a question-and-answer section"

    assert_every_page(pages, check)


def test_some_page_has_a_question_and_answer_section(pages):
    """Keeps the FAQPage check above from passing vacuously."""
    assert any(record["faqQuestions"] for record in pages.values())


SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def read_sitemap(path) -> dict[str, dict[str, str]]:
    urls = {}
    for url in ET.parse(path).getroot().iter(f"{SITEMAP}url"):
        links = {link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")}
        urls[url.find(f"{SITEMAP}loc").text] = links
    return urls


def test_sitemaps_cover_both_languages_with_alternates(site_dir):
    pages = built_pages()
    everything = {canonical_url(path) for path in pages}
    english = {canonical_url(path) for path in pages if language_of(path) == "en"}
    root = read_sitemap(site_dir / "sitemap.xml")
    assert set(root) == everything
    # A sitemap may only list addresses under its own folder.
    assert set(read_sitemap(site_dir / "en" / "sitemap.xml")) == english
    for url, links in root.items():
        rel = url.removeprefix(ALTERNATE_BASE["en"]).removeprefix(ALTERNATE_BASE["zh"])
        assert links == {
            "zh-Hans": ALTERNATE_BASE["zh"] + rel,
            "en": ALTERNATE_BASE["en"] + rel,
            "x-default": ALTERNATE_BASE["zh"] + rel,
        }, url
    robots = (site_dir / "robots.txt").read_text(encoding="utf-8")
    assert re.search(rf"^Sitemap: {re.escape(ALTERNATE_BASE['zh'])}sitemap.xml$", robots, re.M)
