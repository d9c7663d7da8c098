"""Shared fixtures for the docs-check tests: tiny fixture trees in tmp_path.

Fixtures (tests/browser/ has its own conftest module, so these functions are handed
out as fixtures rather than imported):
- `make_tree({"zh/index.md": page("首页"), "en/index.md": page("Home")})`
  writes docs/zh/..., docs/en/... and, unless the dict gives them, a minimal
  mkdocs.yml and mkdocs.en.yml whose nav lists the pages in the order given,
  into tmp_path, and returns that root. Keys starting with "zh/" or "en/" go
  under docs/; any other key (e.g. "mkdocs.yml", "data/published-pages.txt")
  is written relative to the root. Values are text (written as UTF-8 exactly
  as given) or bytes.
  Unless the dict gives it, data/sources.yml holds one source, FIXTURE_SOURCE,
  which the default page lists and cites.
- `page(title, body="", heading_id="page", **front_matter)`: the text of a
  valid page (an empty body cites the default source).
- `check(root, "LK001", ...)`: the sorted findings of those rule codes (all
  rules when none are given).
- `repo`: a fresh copy of the real docs, configs and data (support/docs_copy.py)
  whose `new(*codes)` lists the findings a planted mistake added; the real docs'
  own findings are computed once per run.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from kb.findings import Finding
from kb.runner import run_rules
from kb.site.model import load_docs
from support import docs_copy
from support.fixtures import FIXTURE_SOURCE

ROOT = Path(__file__).resolve().parent.parent

REGISTRY = f"""{FIXTURE_SOURCE}:
  url: https://sellercentral.amazon.com/help/hub/reference/external/G200123250
  title:
    zh: 卖家平台帮助
    en: Seller Central Help
  accessed: 2026-11
"""
PAGE_DEFAULTS = {
    "kind": "guide",
    "last_reviewed": "2026-11-28",
    "keywords": ["fixture"],
    "sources": [FIXTURE_SOURCE],
}


def make_page(title: str, body: str = "", heading_id: str = "page", **front_matter) -> str:
    """A page with front matter (description, kind, dates filled in) and an H1.

    The defaults pass every rule in either language (the description's length
    suits both); an empty body becomes one paragraph citing the default source.
    """
    meta = {
        "title": title,
        "description": "A page of the small fixture tree that the checks run on.",
    }
    meta.update(PAGE_DEFAULTS)
    meta.update(front_matter)
    header = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    body = body or f"Text [@{FIXTURE_SOURCE}].\n"
    return f"---\n{header}---\n\n# {title} {{ #{heading_id} }}\n\n{body}"


def _config(lang: str, pages: list[str]) -> str:
    if lang == "zh":
        head = (
            "site_name: 测试\nsite_url: https://seller-access-guide.github.io/\ndocs_dir: docs/zh\n"
        )
    else:
        head = (
            "INHERIT: mkdocs.yml\nsite_name: Test\n"
            "site_url: https://seller-access-guide.github.io/en/\ndocs_dir: docs/en\n"
        )
    return head + "nav:\n" + "".join(f"  - {rel}\n" for rel in pages)


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    nav: dict[str, list[str]] = {"zh": [], "en": []}
    for key, content in files.items():
        lang, _, rel = key.partition("/")
        if lang in nav:
            path = root / "docs" / key
            if rel.endswith(".md"):
                nav[lang].append(rel)
        else:
            path = root / key
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
    if "data/sources.yml" not in files:
        (root / "data").mkdir(exist_ok=True)
        (root / "data" / "sources.yml").write_text(REGISTRY, encoding="utf-8")
    for lang, name in (("zh", "mkdocs.yml"), ("en", "mkdocs.en.yml")):
        if name not in files:
            (root / name).write_text(_config(lang, nav[lang]), encoding="utf-8")
    return root


def run_checks(root: Path, *codes: str) -> list[Finding]:
    """Findings of the given rule codes (all rules when none given) on a tree."""
    return run_rules(load_docs(root), set(codes) or None)


@pytest.fixture
def make_tree(tmp_path):
    return lambda files: write_tree(tmp_path, files)


@pytest.fixture
def page():
    return make_page


@pytest.fixture
def line(page):
    """Line number of the n-th line (from 0) of a default `page(...)` body."""
    first = page("x", "BODY\n").split("\n").index("BODY") + 1
    return lambda n: first + n


@pytest.fixture
def check():
    return run_checks


@pytest.fixture(scope="session")
def real_docs(tmp_path_factory):
    """(a copy of the real docs, the findings it has before any mistake)."""
    root = docs_copy.copy_real_docs(tmp_path_factory.mktemp("real"))
    return root, docs_copy.keys(docs_copy.findings(root))


@pytest.fixture
def repo(real_docs, tmp_path):
    root, baseline = real_docs
    target = tmp_path / "repo"
    shutil.copytree(root, target, symlinks=True)
    return docs_copy.DocsCopy(target, baseline)
