"""The second builder: Zensical builds the same sources (`make build-zensical`,
kb/zensical.py) into site-zensical/, compared with the MkDocs build in site/:
the same pages in both languages, the same heading IDs, every internal link
resolving, and no request to another host.

While overrides/ uses template code MiniJinja cannot run, the build with the
project's templates fails: that test is an expected failure naming the error,
and the comparison runs on a build with the static files of overrides/ but none
of its templates (so MkDocs' template-made headings, such as the sources list,
are left out of the comparison, and found by reading overrides/).
"""

from __future__ import annotations

import html
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
from support.built_site import ROOT, SITE, built_pages, language_of, page_path
from support.commands import KB, kb_env

ZENSICAL = Path(sys.executable).parent / "zensical"
pytestmark = pytest.mark.skipif(
    not ZENSICAL.exists() and shutil.which("zensical") is None,
    reason="zensical is not installed (it is in requirements.in: run make test to install)",
)
SITE_HOST = "seller-access-guide.github.io"
TEMPLATE_HEADING = re.compile(r"<h[1-6][^>]*\bid=\"([^\"{]+)\"")


# Start tags and their attributes. A regular expression rather than an HTML
# parser: the pages are the builders' own well-formed output, and html.parser
# took most of this test's time on them.
START_TAG = re.compile(r"""<([a-zA-Z][a-zA-Z0-9]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""")
ATTRIBUTE = re.compile(r"([^\s=>]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+)))?")
LOADS = {"script", "img", "iframe", "source", "audio", "video"}


@dataclass
class PageScan:
    """IDs, heading IDs, links and the addresses a browser would load."""

    ids: set[str] = field(default_factory=set)
    heading_ids: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    loads: list[str] = field(default_factory=list)


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
    return page


def pages(site: Path) -> dict[str, PageScan]:
    """Every built page (redirect stubs left out), by URL path: "/", "/en/sign-in/"."""
    return {path: scan(site / path.lstrip("/") / "index.html") for path in built_pages(site)}


@pytest.fixture(scope="module")
def builds() -> dict:
    if not ((SITE / "index.html").is_file() and (SITE / "en" / "index.html").is_file()):
        subprocess.run(["make", "--no-print-directory", "build"], cwd=ROOT, check=True)

    def build(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*KB, "zensical", *args], cwd=ROOT, env=kb_env(), capture_output=True, text=True
        )

    with_templates = build()
    template_error = None
    if with_templates.returncode != 0:
        template_error = with_templates.stderr.strip()
        without = build("--without-templates")
        assert without.returncode == 0, without.stderr
    site = ROOT / zensical.SITE_DIR
    return {
        "template_error": template_error,
        "mkdocs": pages(SITE),
        "zensical": pages(site),
        "site": site,
    }


def test_project_templates_build_with_zensical(builds):
    error = builds["template_error"]
    if error and re.match(r"overrides/\S+:\d+: ", error):  # kb.zensical.where()
        pytest.xfail(f"overrides/ uses what MiniJinja cannot run: {error}")
    assert error is None


def test_same_pages_in_both_languages(builds):
    mkdocs, other = builds["mkdocs"], builds["zensical"]
    assert sorted(other) == sorted(mkdocs)
    by_lang = {
        lang: sorted(page_path(path) for path in other if language_of(path) == lang)
        for lang in ("zh", "en")
    }
    assert len(by_lang["zh"]) > 30
    assert by_lang["en"] == by_lang["zh"]  # the same addresses in both languages


def template_heading_ids() -> set[str]:
    """Heading IDs written into the project's templates (not made from Markdown)."""
    return {
        match
        for template in (ROOT / "overrides").rglob("*.html")
        for match in TEMPLATE_HEADING.findall(template.read_text(encoding="utf-8"))
    }


def test_same_heading_ids(builds):
    left_out = template_heading_ids() if builds["template_error"] else set()
    differing = {}
    for path, page in builds["mkdocs"].items():
        expected = [id_ for id_ in page.heading_ids if id_ not in left_out]
        got = builds["zensical"][path].heading_ids
        if got != expected:
            differing[path] = (expected, got)
    assert differing == {}


# A known difference: Zensical rewrites relative URLs in raw HTML as if they
# were Markdown links, relative to the source file, so the timeline's
# `<a href="../timeline.xml">` (docs/*/timeline.md) becomes ../../timeline.xml.
# MkDocs leaves raw HTML as written. See README.md, "Moving past Material for MkDocs".
RAW_HTML_FEED_LINK = {"timeline/index.html: ../../timeline.xml"}


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
    if broken and broken <= RAW_HTML_FEED_LINK:
        pytest.xfail(f"Zensical rewrites relative URLs in raw HTML: {sorted(broken)}")
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
