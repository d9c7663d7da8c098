"""The scaffold: a new article pair passes the checks at once, and a typical
contributor mistake afterwards is reported with file, line, code and fix."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from kb import scaffold as new_article
from support.commands import KB, kb_env

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def today(monkeypatch):
    """The scaffold writes today's date; the checks below run with the same pinned day."""
    monkeypatch.setenv("KB_TODAY", "2026-11-28")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of the real docs and configs, so the scaffold edits the real nav."""
    for name in ("docs", "data"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, tmp_path / name)
    for name in ("mkdocs.yml", "mkdocs.en.yml"):
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


def run_check(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*KB, "check", "--root", str(root)],
        capture_output=True,
        text=True,
        env=kb_env({"PATH": "/usr/bin:/bin"}, KB_TODAY="2026-11-28"),
    )


def scaffold(repo: Path, slug="code-expired", kind="troubleshooting", title_en="Code expired"):
    return new_article.main(
        [
            "--root", str(repo), "--section", "two-step-verification", "--slug", slug,
            "--kind", kind, "--title-zh", "验证码过期：怎么办", "--title-en", title_en,
        ]
    )  # fmt: skip


@pytest.mark.parametrize("kind", ["troubleshooting", "guide", "reference"])
def test_scaffolded_pair_passes_the_checks(repo: Path, kind: str):
    assert scaffold(repo, kind=kind, title_en="Code expired: what now") == 0
    for lang in ("zh", "en"):
        page = repo / "docs" / lang / "two-step-verification" / "code-expired.md"
        assert page.is_file()
        text = page.read_text(encoding="utf-8")
        assert "{ #code-expired }" in text
        # Sources are ids of data/sources.yml, listed and cited (CT001-CT003).
        assert "sources:\n  - sc-us-2sv-methods-202110760\n" in text
        assert "[@sc-us-2sv-methods-202110760]" in text
    assert "two-step-verification/code-expired.md" in (repo / "mkdocs.yml").read_text()
    assert "two-step-verification/code-expired.md" in (repo / "mkdocs.en.yml").read_text()
    published = (repo / "data" / "published-pages.txt").read_text().split("\n")
    assert "docs/zh/two-step-verification/code-expired.md" in published
    assert "docs/en/two-step-verification/code-expired.md" in published
    result = run_check(repo)
    new_findings = [
        line for line in result.stdout.splitlines() if "code-expired" in line and " error" in line
    ]
    # The only errors are the placeholders the author must still replace (PL001):
    # a page committed as scaffolded is a mistake the checks catch.
    assert new_findings, result.stdout
    assert all(" PL001 error: " in line for line in new_findings), result.stdout
    assert result.returncode == 1, result.stdout


def test_make_new_passes_titles_literally(repo: Path, tmp_path: Path):
    """`make new TITLE_EN='The US$5,000 threshold'` keeps the `$5`, and a
    backtick in a title is text, not a command (values go through the
    environment, never through a shell or make expansion). Runs the real
    Makefile on the copy, with its own copy of scripts/ (kb writes next to it)."""
    shutil.copy(ROOT / "Makefile", repo / "Makefile")
    shutil.copytree(ROOT / "scripts", repo / "scripts")
    for name in ("requirements.txt", "pyproject.toml"):
        shutil.copy2(ROOT / name, repo / name)  # keeps the date: make must not reinstall
    marker = tmp_path / "ran"
    title_en = f"The US$5,000 threshold `touch {marker}` $(touch {marker}) $$HOME"
    title_zh = f"5,000 美元门槛 `touch {marker}`"
    result = subprocess.run(
        [
            "make", "--no-print-directory", "new", f"VENV={(ROOT / '.venv').absolute()}",
            "SECTION=inform-act", "SLUG=us-threshold",
            f"TITLE_EN={title_en}", f"TITLE_ZH={title_zh}",
        ],
        cwd=repo,
        capture_output=True,
        text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert not marker.exists()
    en = (repo / "docs" / "en" / "inform-act" / "us-threshold.md").read_text(encoding="utf-8")
    zh = (repo / "docs" / "zh" / "inform-act" / "us-threshold.md").read_text(encoding="utf-8")
    assert f"# {title_en} {{ #us-threshold }}" in en
    assert f"# {title_zh} {{ #us-threshold }}" in zh


def test_a_typical_mistake_names_file_line_code_and_fix(repo: Path):
    assert scaffold(repo) == 0
    page = repo / "docs" / "en" / "two-step-verification" / "code-expired.md"
    text = page.read_text(encoding="utf-8")
    # The contributor deletes the heading ID while rewording a heading.
    text = text.replace("## Causes { #causes }", "## Why this happens")
    page.write_text(text, encoding="utf-8")
    line = text.split("\n").index("## Why this happens") + 1

    result = run_check(repo)
    assert result.returncode == 1
    location = f"docs/en/two-step-verification/code-expired.md:{line}:"
    output = result.stdout.splitlines()
    hits = [i for i, row in enumerate(output) if row.startswith(location)]
    assert hits, result.stdout
    assert re.search(r": [A-Z]{2}\d{3} error: ", output[hits[0]])
    assert output[hits[0] + 1].strip().startswith("fix:")
    assert "Traceback" not in result.stdout + result.stderr


def test_refuses_to_overwrite_and_rejects_bad_slugs(repo: Path, capsys):
    assert scaffold(repo) == 0
    before = (repo / "mkdocs.yml").read_text()
    assert scaffold(repo) == 2
    assert "already exists" in capsys.readouterr().err
    assert (repo / "mkdocs.yml").read_text() == before
    assert scaffold(repo, slug="Code_Expired") == 2
    assert "lowercase" in capsys.readouterr().err
