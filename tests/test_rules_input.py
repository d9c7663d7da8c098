"""IO and SZ: empty or unreadable docs/, huge pages, pathological lines, each
one clear finding, and the run goes on."""

from __future__ import annotations

import os
import subprocess

import pytest
from kb.site.model import MAX_LINE_CHARS, MAX_PAGE_BYTES
from support.commands import KB, kb_env


def run_check(root):
    return subprocess.run(
        [*KB, "check", "--root", str(root)], capture_output=True, text=True, env=kb_env()
    )


def test_empty_docs_gives_one_line(tmp_path):
    (tmp_path / "docs" / "zh").mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nnav:\n  - index.md\n")
    result = run_check(tmp_path)
    findings = [line for line in result.stdout.splitlines() if ": IO" in line or " error: " in line]
    assert result.returncode == 1
    assert findings == ["docs: IO001 error: no Markdown pages under docs/zh or docs/en"]
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder")
def test_unreadable_folder(make_tree, page, check):
    root = make_tree({"zh/index.md": page("首页"), "en/index.md": page("Home")})
    locked = root / "docs" / "en" / "sign-in"
    locked.mkdir()
    locked.chmod(0)
    try:
        assert [f.path for f in check(root, "IO002")] == ["docs/en/sign-in"]
    finally:
        locked.chmod(0o755)


def test_huge_page_is_one_finding_and_the_rest_is_checked(make_tree, page, check):
    huge = page("首页", "文字。\n" * (MAX_PAGE_BYTES // 8))
    root = make_tree({"zh/index.md": huge, "en/index.md": page("Home", "[x](missing.md)\n")})
    findings = check(root)
    assert ("docs/zh/index.md", 1, "SZ001") in [(f.path, f.line, f.code) for f in findings]
    assert "LK001" in {f.code for f in findings if f.path == "docs/en/index.md"}
    assert not [f for f in findings if f.path == "(checks)"]


def test_long_nested_inline_html_line(make_tree, page, check, line):
    nested = "<b><i>" * (MAX_LINE_CHARS // 6) + "x" + "</i></b>" * (MAX_LINE_CHARS // 6)
    root = make_tree(
        {
            "zh/index.md": page("首页", f"文字 {nested}\n"),
            "en/index.md": page("Home", f"Text {nested}\n"),
        }
    )
    findings = [(f.path, f.line, f.code) for f in check(root)]
    assert ("docs/en/index.md", line(0), "SZ002") in findings
    assert ("docs/zh/index.md", line(0), "SZ002") in findings
    assert not [f for f in findings if f[0] == "(checks)"]


def test_autocorrect_failure_is_one_finding(make_tree, page, check):
    """autocorrect gives up on deep nesting below the line limit (a real crash
    before): the page gets one TY001 line, the run goes on."""
    nested = "<b><i>" * 1500 + "x" + "</i></b>" * 1500
    root = make_tree({"zh/index.md": page("首页", f"文字 {nested}\n"), "en/index.md": page("Home")})
    findings = check(root, "TY001")
    assert len(findings) <= 3
    result = run_check(root)
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr + result.stdout
