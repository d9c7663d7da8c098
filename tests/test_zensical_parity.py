"""The second builder: Zensical builds the same sources (`make build-zensical`,
kb/zensical.py) into site-zensical/, compared with the MkDocs build in site/:
the same pages in both languages, the same heading IDs, every internal link
resolving, and no request to another host; and, from the project's
templates (overrides/), the same addresses in <head> and the same structured
data (JSON-LD) on every page.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from kb import zensical
from support.built_site import ROOT, SITE, built_pages, ensure_built, language_of, page_path
from support.commands import KB, kb_env

ZENSICAL = Path(sys.executable).parent / "zensical"
pytestmark = pytest.mark.skipif(
    not ZENSICAL.exists() and shutil.which("zensical") is None,
    reason="zensical is not installed (it is in requirements.in: run make test to install)",
)
SITE_HOST = "seller-access-guide.github.io"


# Start tags and their attributes. A regular expression rather than an HTML
# parser: the pages are the builders' own well-formed output, and html.parser
# took most of this test's time on them.
START_TAG = re.compile(r"""<([a-zA-Z][a-zA-Z0-9]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""")
ATTRIBUTE = re.compile(r"([^\s=>]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+)))?")
LOADS = {"script", "img", "iframe", "source", "audio", "video"}
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@dataclass
class PageScan:
    """IDs, heading IDs, links and the addresses a browser would load."""

    ids: set[str] = field(default_factory=set)
    heading_ids: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    loads: list[str] = field(default_factory=list)
    head_links: list[tuple[str, str, str]] = field(default_factory=list)
    json_ld: list[dict] = field(default_factory=list)


def scan(path: Path) -> PageScan:
    page = PageScan()
    text = path.read_text(encoding="utf-8", errors="replace")
    for tag_match in START_TAG.finditer(text):
        tag = tag_match.group(1).lower()
        attr = {
            name.lower(): html.unescape(next((v for v in values if v is not None), ""))
            for name, *values in ATTRIBUTE.findall(tag_match.group(2))
        }
        if attr.get("id"):
            page.ids.add(attr["id"])
            if re.fullmatch(r"h[1-6]", tag):
                page.heading_ids.append(attr["id"])
        if tag == "a" and attr.get("href"):
            page.links.append(attr["href"])
        if tag in LOADS and attr.get("src"):
            page.loads.append(attr["src"])
        rel = set(attr.get("rel", "").split())
        if tag == "link" and attr.get("href") and not rel & {"canonical", "alternate"}:
            page.loads.append(attr["href"])  # stylesheets, icons, preloads
        elif tag == "link" and attr.get("href"):
            # The builders write relative addresses differently ("x.xml", "./x.xml").
            href = attr["href"] if "://" in attr["href"] else posixpath.normpath(attr["href"])
            page.head_links.append((attr["rel"], attr.get("hreflang", ""), href))
    page.json_ld = [json.loads(data) for data in JSON_LD.findall(text)]
    return page


def pages(site: Path) -> dict[str, PageScan]:
    """Every built page (redirect stubs left out), by URL path: "/", "/en/sign-in/"."""
    return {path: scan(site / path.lstrip("/") / "index.html") for path in built_pages(site)}


@pytest.fixture(scope="module")
def builds() -> dict:
    ensure_built()
    build = subprocess.run(
        [*KB, "zensical"], cwd=ROOT, env=kb_env(), capture_output=True, text=True
    )
    assert build.returncode == 0, build.stderr  # e.g. overrides/404.html:11: ... (MiniJinja)
    site = ROOT / zensical.SITE_DIR
    return {"mkdocs": pages(SITE), "zensical": pages(site), "site": site}


def test_same_pages_in_both_languages(builds):
    mkdocs, other = builds["mkdocs"], builds["zensical"]
    assert sorted(other) == sorted(mkdocs)
    by_lang = {
        lang: sorted(page_path(path) for path in other if language_of(path) == lang)
        for lang in ("zh", "en")
    }
    assert len(by_lang["zh"]) > 30
    assert by_lang["en"] == by_lang["zh"]  # the same addresses in both languages


def test_same_heading_ids(builds):
    differing = {}
    for path, page in builds["mkdocs"].items():
        got = builds["zensical"][path].heading_ids
        if got != page.heading_ids:
            differing[path] = (page.heading_ids, got)
    assert differing == {}


def test_same_head_links_and_structured_data(builds):
    """Canonical, hreflang and feed links, and the JSON-LD (WebPage,
    BreadcrumbList, FAQPage) that overrides/ and kb.markdown.faq write."""
    differing = {}
    for path, page in builds["mkdocs"].items():
        other = builds["zensical"][path]
        if (other.head_links, other.json_ld) != (page.head_links, page.json_ld):
            differing[path] = {"mkdocs": page.head_links, "zensical": other.head_links}
    assert differing == {}
    types = {data["@type"] for page in builds["mkdocs"].values() for data in page.json_ld}
    assert types == {"WebPage", "BreadcrumbList", "FAQPage"}


def test_every_internal_link_resolves(builds):
    site = builds["site"]
    scans = {path: scan(path) for path in site.rglob("*.html")}
    broken = set()
    for source, page in sorted(scans.items()):
        where = source.relative_to(site).as_posix().removeprefix("en/")
        for href in page.links + page.loads:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc:
                continue
            path = unquote(parts.path)
            target = site / path.lstrip("/") if path.startswith("/") else source.parent / path
            target = Path(posixpath.normpath(target)) if path else source
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.add(f"{where}: {href}")
            elif (
                target in scans
                and parts.fragment
                and unquote(parts.fragment) not in scans[target].ids
            ):
                broken.add(f"{where}: {href} (no such ID)")
    assert sorted(broken) == []


@pytest.mark.parametrize("builder", ["mkdocs", "zensical"])
def test_no_third_party_request(builds, builder):
    requests = sorted(
        f"{path}: {address}"
        for path, page in builds[builder].items()
        for address in page.loads
        if urlsplit(address).scheme in ("http", "https") and urlsplit(address).netloc != SITE_HOST
    )
    assert requests == []
