"""kb linkcheck (scripts/kb/linkcheck.py): lychee over a tiny built site (offline) and the
classification of lychee's online results (recorded, no network in tests)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from kb import linkcheck
from support.commands import KB, kb_env

ROOT = Path(__file__).resolve().parent.parent

# Recorded with lychee 0.24.2 (`--format json --scheme https --scheme http
# --timeout 2 --max-retries 0`) over two Markdown pages whose links went to a
# local test server answering 200, 301, 403, 404, 429, 500 and one slow page,
# a closed port, and a host name that does not resolve.
RECORDED = Path(__file__).parent / "fixtures" / "linkcheck" / "lychee-online.json"
# Recorded the same way, `--max-concurrency 1`, over three pages that each link
# twice to a 404 page and twice to a closed port: lychee checks each address
# once and reports the other occurrences as "Error (cached)".
RECORDED_CACHED = RECORDED.with_name("lychee-online-cached.json")

PAGE = """<!doctype html>
<html><head>
<link rel="canonical" href="https://seller-access-guide.github.io/{path}">
<link rel="stylesheet" href="{up}assets/main.css">
<script src="{up}assets/bundle.js"></script>
</head><body>
<h1 id="{id}">Title<a class="headerlink" href="#{id}">¶</a></h1>
<h2 id="steps">Steps</h2>
{body}
</body></html>
"""


def write_site(site: Path, pages: dict[str, str]) -> Path:
    """A built site: {"sign-in/index.html": body html, ...} plus shared assets."""
    (site / "assets").mkdir(parents=True, exist_ok=True)
    (site / "assets" / "main.css").write_text("body{}", encoding="utf-8")
    (site / "assets" / "bundle.js").write_text("", encoding="utf-8")
    for rel, body in pages.items():
        path = site / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        depth = rel.count("/")
        folder = rel[: -len("index.html")]  # the page's folder, as the fixture's <link> base
        html = PAGE.format(path=folder, up="../" * depth, id="page", body=body)
        path.write_text(html, encoding="utf-8")
    return site


GOOD_PAGES = {
    "index.html": '<a href="sign-in/">Sign-in</a> <a href="sign-in/#steps">Steps</a>',
    "sign-in/index.html": (
        '<a href="../">Home</a> <a href="#steps">Steps</a> <a href="/en/#page">English</a>'
        ' <a href="https://sellercentral.amazon.com/">external, not checked offline</a>'
    ),
    "en/index.html": '<a href="../">中文</a>',
}


@pytest.fixture
def site(tmp_path):
    return write_site(tmp_path / "site", GOOD_PAGES)


def test_good_site_passes(site):
    results, stats = linkcheck.offline(site)
    assert results == []
    assert stats["files"] == 3 and stats["links"] > 10


def test_broken_fragment_relative_link_canonical_and_script(tmp_path):
    pages = dict(GOOD_PAGES)
    pages["sign-in/index.html"] = (
        '<a href="../">Home</a>\n<a href="#no-such-heading">x</a>\n'
        '<a href="../security/">missing page</a>\n<a href="/en/#nowhere">y</a>'
    )
    site = write_site(tmp_path / "site", pages)
    (site / "assets" / "bundle.js").unlink()
    results, _ = linkcheck.offline(site)
    found = {(Path(r.path).relative_to(site).as_posix(), r.line, r.url) for r in results}
    assert found == {
        ("sign-in/index.html", 10, "/sign-in/index.html#no-such-heading"),
        ("sign-in/index.html", 11, "/security"),
        ("sign-in/index.html", 12, "/en#nowhere"),
        ("index.html", 5, "assets/bundle.js"),
        ("sign-in/index.html", 5, "../assets/bundle.js"),
        ("en/index.html", 5, "../assets/bundle.js"),
    }
    assert all(r.broken for r in results)


def test_material_search_worker_and_index_must_exist(tmp_path):
    config = (
        '<script id="__config" type="application/json">{"base": ".", "search": "w.js"}</script>'
    )
    site = write_site(tmp_path / "site", {**GOOD_PAGES, "index.html": config})
    results, _ = linkcheck.offline(site)
    assert {(r.url, r.reason) for r in results} == {
        ("w.js", "search worker not found"),
        ("./search/search_index.json", "search index not found"),
    }
    (site / "w.js").write_text("", encoding="utf-8")
    (site / "search").mkdir()
    (site / "search" / "search_index.json").write_text("{}", encoding="utf-8")
    assert linkcheck.offline(site)[0] == []


def test_own_absolute_urls_are_checked_against_the_built_files(tmp_path):
    site = write_site(tmp_path / "site", GOOD_PAGES)
    (site / "sitemap.xml").write_text(
        "<urlset><url><loc>https://seller-access-guide.github.io/removed/</loc></url></urlset>",
        encoding="utf-8",
    )
    results, _ = linkcheck.offline(site)
    assert [(Path(r.path).name, r.url) for r in results] == [
        ("sitemap.xml", "https://seller-access-guide.github.io/removed/")
    ]


def test_main_exit_codes_and_output(site, tmp_path, capsys):
    assert linkcheck.main(["--offline", str(site)]) == 0
    assert "0 broken" in capsys.readouterr().out
    (site / "sign-in" / "index.html").write_text('<a href="../gone/">x</a>', encoding="utf-8")
    assert linkcheck.main(["--offline", str(site)]) == 1
    out = capsys.readouterr().out
    assert "site/sign-in/index.html:1:10: broken: /gone (File not found" in out
    assert "site/index.html:9:41: broken: /sign-in#steps (Cannot find fragment)" in out
    assert out.endswith("10 links in 3 files: 2 broken\n")
    assert linkcheck.main(["--offline", str(tmp_path / "nothing")]) == 2
    assert "nothing/ not found: run `make build` first" in capsys.readouterr().err


def test_command_line_never_prints_a_traceback(tmp_path):
    process = subprocess.run(
        [*KB, "linkcheck", "--offline", str(tmp_path)],
        capture_output=True,
        text=True,
        env=kb_env(),
    )
    assert process.returncode == 2
    assert "Traceback" not in process.stderr


def test_source_page_names_the_markdown_file(tmp_path):
    docs = tmp_path / "docs"
    for rel in ("zh/sign-in/index.md", "zh/sign-in/reset-password.md", "en/index.md"):
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text("x", encoding="utf-8")
    site = tmp_path / "site"
    assert linkcheck.source_page(site, site / "sign-in/index.html", docs) == (
        "docs/zh/sign-in/index.md"
    )
    page = site / "sign-in/reset-password/index.html"
    assert linkcheck.source_page(site, page, docs) == "docs/zh/sign-in/reset-password.md"
    assert linkcheck.source_page(site, site / "en/index.html", docs) == "docs/en/index.md"
    assert linkcheck.source_page(site, site / "404.html", docs) is None


def test_online_classification_of_recorded_results():
    results = linkcheck.classify_online(json.loads(RECORDED.read_text(encoding="utf-8")))
    verdicts = {(r.path, r.line, r.url.rsplit("/", 1)[-1]): r.broken for r in results}
    assert verdicts == {
        # 404: the site answered that the page is not there
        ("docs/en/index.md", 3, "gone"): True,
        ("docs/zh/sign-in/index.md", 7, "gone"): True,  # a front-matter source
        # sites that turn checkers away, busy servers, no answer: could not check
        ("docs/zh/sign-in/index.md", 12, "forbidden"): False,
        ("docs/zh/sign-in/index.md", 13, "ratelimit"): False,
        ("docs/zh/sign-in/index.md", 14, "boom"): False,
        ("docs/zh/sign-in/index.md", 16, "slow"): False,
        ("docs/zh/sign-in/index.md", 17, "x"): False,  # connection refused
        ("docs/zh/sign-in/index.md", 18, "x"): False,  # host name does not resolve
    }
    assert results[0].broken and not results[-1].broken  # broken links are listed first


def test_online_report_counts_both_kinds(capsys):
    results = linkcheck.classify_online(json.loads(RECORDED.read_text(encoding="utf-8")))
    text = linkcheck.report(results, {"files": 2, "links": 11})
    assert "docs/zh/sign-in/index.md:7:10: broken: http://127.0.0.1:18766/gone (HTTP 404)" in text
    assert "could not check: http://127.0.0.1:18766/forbidden (HTTP 403" in text
    assert text.endswith("11 links in 2 files: 2 broken, 6 could not be checked")


def test_online_options_are_accepted_by_the_installed_lychee(tmp_path):
    # --dump lists the links lychee would check without sending any request.
    page = tmp_path / "page.md"
    page.write_text("[a](https://www.ftc.gov/)\n[b](other.md)\n", encoding="utf-8")
    process = subprocess.run(
        [linkcheck.lychee_binary(), *linkcheck.ONLINE_OPTIONS, "--dump", str(page)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert process.returncode == 0, process.stderr
    assert process.stdout.split() == ["https://www.ftc.gov/"]  # relative links are not its job


def test_cached_repeats_keep_their_verdict_and_reason():
    results = linkcheck.classify_online(json.loads(RECORDED_CACHED.read_text(encoding="utf-8")))
    gone = [r for r in results if r.url.endswith("/gone")]
    refused = [r for r in results if r.url.endswith("/x")]
    assert len(gone) == 6 and all(r.broken and r.reason == "HTTP 404" for r in gone)
    assert len(refused) == 6 and not any(r.broken for r in refused)
    assert {r.reason for r in refused} == {
        "Connection refused - server may be down or port blocked"
    }


def test_online_check_reads_the_source_registry(monkeypatch):
    """Source URLs are written once, in data/sources.yml: the online check reads it too."""
    seen = {}

    def fake_lychee(options, inputs, cwd):
        seen["inputs"] = inputs
        return {"total": 0}

    monkeypatch.setattr(linkcheck, "run_lychee", fake_lychee)
    linkcheck.online(linkcheck.ROOT / "docs")
    assert "data/sources.yml" in seen["inputs"]
    assert "docs/zh/index.md" in seen["inputs"]
