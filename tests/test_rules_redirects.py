"""RD: every published address keeps working (redirects via mkdocs-redirects)."""

from __future__ import annotations

import pytest
from kb.rules.rd_redirects import read_manifest, record_published  # scripts/ is on sys.path

RD = ("RD001", "RD002", "RD003", "RD004")

ZH_CONFIG = """\
site_name: 测试
docs_dir: docs/zh
plugins:
  search: {{}}
  redirects:
    redirect_maps:
{maps}
nav:
  - index.md
  - sign-in/new-name.md
"""
EN_CONFIG = """\
INHERIT: mkdocs.yml
docs_dir: docs/en
plugins:
  search:
    lang: en
nav:
  - index.md
  - sign-in/new-name.md
"""
MANIFEST = """\
# published pages
docs/en/index.md
docs/en/sign-in/new-name.md
docs/en/sign-in/old-name.md
docs/zh/index.md
docs/zh/sign-in/new-name.md
docs/zh/sign-in/old-name.md
"""


@pytest.fixture
def tree(make_tree, page):
    """sign-in/old-name.md was renamed to sign-in/new-name.md in both languages."""

    def build(maps: str, manifest: str = MANIFEST, extra: dict | None = None):
        files = {
            "mkdocs.yml": ZH_CONFIG.format(maps=maps),
            "mkdocs.en.yml": EN_CONFIG,
            "data/published-pages.txt": manifest,
            "zh/index.md": page("首页", heading_id="home"),
            "zh/sign-in/new-name.md": page("新页面", heading_id="new-name"),
            "en/index.md": page("Home", heading_id="home"),
            "en/sign-in/new-name.md": page("New page", heading_id="new-name"),
        }
        files.update(extra or {})
        return make_tree(files)

    return build


GOOD_MAPS = "      'sign-in/old-name.md': 'sign-in/new-name.md'"


def test_renamed_page_with_redirect_passes(tree, check):
    assert check(tree(GOOD_MAPS), *RD) == []


def test_renamed_page_without_redirect(tree, check):
    findings = check(tree("      {}"), *RD)
    assert [(f.code, f.path, f.line) for f in findings] == [
        ("RD001", "data/published-pages.txt", 4),  # docs/en/sign-in/old-name.md
        ("RD001", "data/published-pages.txt", 7),  # docs/zh/sign-in/old-name.md
    ]
    assert "docs/en/sign-in/old-name.md was published" in findings[0].message
    # the fix names the page with the same file name... or the closest one
    assert "'sign-in/old-name.md': 'sign-in/new-name.md'" in findings[1].fix
    assert "mkdocs.yml" in findings[1].fix


def test_page_moved_to_the_same_address_needs_no_redirect(tree, check, page):
    # sign-in/old-name.md -> sign-in/old-name/index.md: still /sign-in/old-name/.
    moved = {
        "zh/sign-in/old-name/index.md": page("旧页面", heading_id="old-name"),
        "en/sign-in/old-name/index.md": page("Old page", heading_id="old-name"),
    }
    manifest = MANIFEST + "docs/en/sign-in/old-name/index.md\ndocs/zh/sign-in/old-name/index.md\n"
    assert check(tree("      {}", manifest, moved), "RD001") == []


def test_english_build_inherits_the_map_from_mkdocs_yml(tree, check):
    # Only mkdocs.yml has the redirect; mkdocs.en.yml's plugins mapping merges with it.
    assert check(tree(GOOD_MAPS), "RD001") == []


def test_english_plugins_list_replaces_the_inherited_ones(tree, check):
    en_config = EN_CONFIG.replace("plugins:\n  search:\n    lang: en\n", "plugins:\n  - search\n")
    findings = check(tree(GOOD_MAPS, extra={"mkdocs.en.yml": en_config}), "RD001")
    assert [f.message.split()[0] for f in findings] == ["docs/en/sign-in/old-name.md"]


def test_redirect_to_missing_page(tree, check):
    maps = "      'sign-in/old-name.md': 'sign-in/gone.md'"
    findings = check(tree(maps), *RD)
    assert [(f.code, f.path, f.line) for f in findings] == [("RD002", "mkdocs.yml", 7)]
    assert "docs/zh/sign-in/gone.md, docs/en/sign-in/gone.md" in findings[0].message


def test_redirect_target_in_one_language_only(tree, check):
    maps = GOOD_MAPS + "\n      'sign-in/older.md': 'sign-in/zh-only.md'"
    root = tree(maps, extra={"zh/sign-in/zh-only.md": "---\ntitle: x\n---\n\n# x\n"})
    [finding] = check(root, "RD002")
    assert finding.line == 8
    assert "does not exist: docs/en/sign-in/zh-only.md" in finding.message


def test_redirect_to_an_external_address(tree, check):
    findings = check(tree("      'sign-in/old-name.md': 'https://example.com/'"), "RD002")
    assert "not a page of this site" in findings[0].message


def test_redirect_that_would_hide_an_existing_page(tree, check):
    maps = GOOD_MAPS + "\n      'index.md': 'sign-in/new-name.md'"
    findings = check(tree(maps), *RD)
    assert [(f.code, f.line) for f in findings] == [("RD003", 8)]
    assert "docs/zh/index.md, docs/en/index.md exists" in findings[0].message


def test_page_missing_from_the_manifest(tree, check, page):
    root = tree(GOOD_MAPS, extra={"zh/sign-in/added.md": page("新增", heading_id="added")})
    findings = check(root, *RD)
    assert [(f.code, f.path, f.line) for f in findings] == [
        ("RD004", "docs/zh/sign-in/added.md", 0)
    ]


def test_malformed_manifest_line(tree, check):
    findings = check(tree(GOOD_MAPS, manifest=MANIFEST + "sign-in/old-name.md\n"), *RD)
    assert [(f.code, f.path, f.line) for f in findings] == [
        ("RD004", "data/published-pages.txt", 8)
    ]


def test_tree_without_manifest_checks_only_the_maps(make_tree, page, check):
    root = make_tree({"zh/index.md": page("首页"), "en/index.md": page("Home")})
    assert check(root, *RD) == []


def test_unreadable_config_gives_no_traceback(tree, check):
    root = tree(GOOD_MAPS, extra={"mkdocs.yml": "plugins: [\n  - redirects: {"})
    check(root, *RD)  # the model reports the YAML error; these rules just find no maps


def test_record_published_keeps_the_list_sorted_and_unique(tmp_path):
    record_published(tmp_path, ["docs/zh/b.md", "docs/en/b.md"])
    record_published(tmp_path, ["docs/zh/a.md", "docs/zh/b.md"])
    entries = [entry for _, entry in read_manifest(tmp_path) or []]
    assert entries == ["docs/en/b.md", "docs/zh/a.md", "docs/zh/b.md"]
