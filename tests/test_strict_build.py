"""`make build` fails on any MkDocs warning: a broken link or a page missing
from the nav. The test takes the exact mkdocs commands `make build` runs
(`make -n`), and runs them on a tiny site with the real configuration's
`validation` settings, so it proves the Makefile's flags, not a copy of them.
(MkDocs 1.6.1 counts no warnings under --quiet: mkdocs/mkdocs#4126.)"""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

import pytest
import yaml
from kb.site.config import read_config

ROOT = Path(__file__).resolve().parents[1]


def build_commands() -> list[list[str]]:
    """The `mkdocs build` command lines of `make build`, as make would run them."""
    dry_run = subprocess.run(
        ["make", "--no-print-directory", "-n", "build"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    commands = [shlex.split(line) for line in dry_run.splitlines() if "mkdocs build" in line]
    assert len(commands) == 2, dry_run  # both languages
    return commands


def tiny_site(root: Path, pages: dict[str, str], nav: list[str]) -> Path:
    real = read_config(ROOT / "mkdocs.yml")
    config = {
        "site_name": "Strict build fixture",
        "site_url": "https://example.org/",
        "docs_dir": "docs",
        "site_dir": str(root / "out"),
        "theme": {"name": "mkdocs"},  # the theme does not matter for validation; it is fast
        "validation": real["validation"],
        "nav": nav,
    }
    for rel, text in pages.items():
        (root / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / rel).write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return root / "mkdocs.yml"


def run_build(config: Path) -> list[subprocess.CompletedProcess]:
    results = []
    for command in build_commands():
        command = [str(ROOT / command[0]) if "/" in command[0] else command[0], *command[1:]]
        index = command.index("-f")
        command[index + 1] = str(config)
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        results.append(
            subprocess.run(command, cwd=config.parent, capture_output=True, text=True, env=env)
        )
    return results


PAGES = {"index.md": "# Home\n\nSee [the other page](other.md).\n", "other.md": "# Other\n"}


def test_the_build_commands_are_strict_and_not_quiet():
    for command in build_commands():
        assert "--strict" in command
        assert "--quiet" not in command and "-q" not in command


def test_a_clean_site_builds(tmp_path):
    config = tiny_site(tmp_path, PAGES, ["index.md", "other.md"])
    assert [result.returncode for result in run_build(config)] == [0, 0]


@pytest.mark.parametrize(
    ("pages", "nav", "warning"),
    [
        (
            {**PAGES, "index.md": "# Home\n\nSee [a page](no-such-page.md).\n"},
            ["index.md", "other.md"],
            "no-such-page.md",
        ),
        ({**PAGES, "orphan.md": "# Orphan\n"}, ["index.md", "other.md"], "orphan.md"),
    ],
    ids=["broken-link", "page-missing-from-nav"],
)
def test_a_warning_fails_the_build(tmp_path, pages, nav, warning):
    config = tiny_site(tmp_path, pages, nav)
    for result in run_build(config):
        assert result.returncode != 0, result.stderr
        assert "WARNING" in result.stderr and warning in result.stderr
        assert "Traceback" not in result.stderr
