"""kb contributing (scripts/kb/contributing.py): CONTRIBUTING.md and CONTRIBUTING.zh.md are
generated from the contributing pages, the same way every time, with links that
work outside the site; `--check` reports a file that has drifted."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from kb import contributing as sync_contributing
from markdown_it import MarkdownIt
from support.commands import KB, kb_env

ROOT = Path(__file__).resolve().parents[1]
STALE = "{} is out of date: run make contributing"
ZH_SITE = "https://seller-access-guide.github.io/"
EN_SITE = "https://seller-access-guide.github.io/en/"

PAGE = """\
---
title: {title}
kind: guide
---

# {title} {{ #contributing }}

See [the rules](rules.md#fm001), [home](../index.md), [a section](#run-locally)
and [an article](../sign-in/reset-password.md#steps), or [GitHub](https://github.com/).

| Page | Link |
|---|---|
| Sign-in | [Sign-in](../sign-in/index.md) |

- An item with [a link](../two-step-verification/code-not-received.md) that
  goes on to [another line](rules.md).

Written as code, `[Reset](reset-password.md)` and [the rules](rules.md) stay apart.

```markdown
## Symptoms {{ #symptoms }}
[Reset your password](reset-password.md#steps)
```

## Run locally {{ #run-locally }}

Text.
"""


def write_repo(root: Path, en: str | None = None, zh: str | None = None) -> Path:
    (root / "mkdocs.yml").write_text(f"site_name: 测试\nsite_url: {ZH_SITE}\n", encoding="utf-8")
    (root / "mkdocs.en.yml").write_text(
        f"INHERIT: mkdocs.yml\nsite_name: Test\nsite_url: {EN_SITE}\n", encoding="utf-8"
    )
    for lang, text in (("en", en), ("zh", zh)):
        page = root / "docs" / lang / "contributing" / "index.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(PAGE.format(title=lang.upper()) if text is None else text, "utf-8")
    return root


def run(root: Path, *args: str) -> int:
    return sync_contributing.main(["--root", str(root), *args])


def outputs(root: Path) -> dict[str, bytes]:
    return {name: (root / name).read_bytes() for name in ("CONTRIBUTING.md", "CONTRIBUTING.zh.md")}


def links(markdown: str) -> list[str]:
    """Every link target, as a Markdown renderer sees it."""
    found = []
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        for child in token.children or []:
            if child.type == "link_open":
                found.append(child.attrs["href"])
    return found


def test_generation_is_deterministic(tmp_path):
    repo = write_repo(tmp_path)
    assert run(repo) == 0
    first = outputs(repo)
    assert run(repo) == 0
    assert outputs(repo) == first
    assert run(repo, "--check") == 0


def test_header_front_matter_and_heading_ids(tmp_path):
    repo = write_repo(tmp_path)
    run(repo)
    english = (repo / "CONTRIBUTING.md").read_text(encoding="utf-8")
    first, blank, title = english.split("\n")[:3]
    assert "docs/en/contributing/index.md" in first
    assert "edit docs/en/contributing/index.md instead" in first
    assert (blank, title) == ("", "# EN")
    assert "kind: guide" not in english
    assert "## Run locally\n" in english
    # Inside a code block the text is left as written, attribute block included.
    assert "## Symptoms { #symptoms }\n[Reset your password](reset-password.md#steps)" in english
    chinese = (repo / "CONTRIBUTING.zh.md").read_text(encoding="utf-8")
    assert "docs/zh/contributing/index.md" in chinese.split("\n")[0]
    assert chinese.split("\n")[2] == "# ZH"


def test_relative_links_become_site_addresses(tmp_path):
    repo = write_repo(tmp_path)
    run(repo)
    for name, site in (("CONTRIBUTING.md", EN_SITE), ("CONTRIBUTING.zh.md", ZH_SITE)):
        text = (repo / name).read_text(encoding="utf-8")
        assert links(text) == [
            f"{site}contributing/rules/#fm001",
            site,
            f"{site}contributing/#run-locally",
            f"{site}sign-in/reset-password/#steps",
            "https://github.com/",
            f"{site}sign-in/",
            f"{site}two-step-verification/code-not-received/",
            f"{site}contributing/rules/",
            f"{site}contributing/rules/",
        ]
        # Code spans are not links and stay as written.
        assert "`[Reset](reset-password.md)` and [the rules](" in text


def test_check_reports_each_stale_file_and_writes_nothing(tmp_path, capsys):
    repo = write_repo(tmp_path)
    run(repo)
    before = outputs(repo)
    page = repo / "docs" / "en" / "contributing" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA new paragraph.\n", "utf-8")
    (repo / "CONTRIBUTING.zh.md").write_text("edited by hand\n", encoding="utf-8")
    capsys.readouterr()
    assert run(repo, "--check") == 1
    assert capsys.readouterr().out.splitlines() == [
        STALE.format("CONTRIBUTING.md"),
        STALE.format("CONTRIBUTING.zh.md"),
    ]
    assert (repo / "CONTRIBUTING.md").read_bytes() == before["CONTRIBUTING.md"]
    assert run(repo) == 0
    assert run(repo, "--check") == 0
    assert "A new paragraph." in (repo / "CONTRIBUTING.md").read_text(encoding="utf-8")


def test_check_reports_a_missing_file(tmp_path, capsys):
    repo = write_repo(tmp_path)
    run(repo)
    (repo / "CONTRIBUTING.md").unlink()
    capsys.readouterr()
    assert run(repo, "--check") == 1
    assert capsys.readouterr().out.splitlines() == [STALE.format("CONTRIBUTING.md")]


def test_command_line_check_as_make_runs_it(tmp_path):
    repo = write_repo(tmp_path)
    command = [*KB, "contributing", "--root", str(repo), "--check"]
    stale = subprocess.run(command, capture_output=True, text=True, env=kb_env())
    assert stale.returncode == 1
    assert STALE.format("CONTRIBUTING.md") in stale.stdout.splitlines()
    subprocess.run([*KB, "contributing", "--root", str(repo)], check=True, env=kb_env())
    assert subprocess.run(command, capture_output=True, text=True, env=kb_env()).returncode == 0


@pytest.mark.parametrize(
    ("page", "message"),
    [
        ("# EN { #contributing }\n", "docs/en/contributing/index.md:1: the page must start"),
        ("---\ntitle: EN\n# EN\n", "docs/en/contributing/index.md:1: the front matter is not"),
        (
            "---\ntitle: EN\n---\n\n# EN { #contributing }\n\nSee [rules][r].\n\n[r]: rules.md\n",
            "docs/en/contributing/index.md:7: cannot rewrite the link to `rules.md`",
        ),
        (
            "---\ntitle: EN\n---\n\n# EN { #contributing }\n\n[Up](../../README.md)\n",
            "docs/en/contributing/index.md:7: `../../README.md` points outside the docs folder",
        ),
    ],
)
def test_bad_page_is_one_line_error(tmp_path, page, message):
    repo = write_repo(tmp_path, en=page)
    result = subprocess.run(
        [*KB, "contributing", "--root", str(repo)], capture_output=True, text=True, env=kb_env()
    )
    assert result.returncode == 2
    assert result.stderr.startswith(message)
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert not (repo / "CONTRIBUTING.md").exists()


def test_real_pages_have_only_absolute_links(tmp_path):
    """The repository's own contributing pages convert, with no link left relative."""
    for lang in ("zh", "en"):
        source = ROOT / "docs" / lang / "contributing" / "index.md"
        target = tmp_path / "docs" / lang / "contributing" / "index.md"
        target.parent.mkdir(parents=True)
        shutil.copy(source, target)
    for name in ("mkdocs.yml", "mkdocs.en.yml"):
        shutil.copy(ROOT / name, tmp_path / name)
    assert run(tmp_path) == 0
    for name in ("CONTRIBUTING.md", "CONTRIBUTING.zh.md"):
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert links(text), name
        assert all(href.startswith("https://") for href in links(text)), name


def test_citations_become_numbered_links_to_the_sources(tmp_path):
    page = PAGE.format(title="EN").replace(
        "Text.\n",
        "Ten days [@ftc-law]. Both [@sc-help; @ftc-law], not `[@ftc-law]`, nor [@unknown].\n",
    )
    repo = write_repo(tmp_path, en=page)
    (repo / "data").mkdir()
    (repo / "data" / "sources.yml").write_text(
        "ftc-law:\n  url: https://www.ftc.gov/law\n  title: {en: Law}\n  accessed: 2026-11\n"
        "sc-help:\n  url: https://sellercentral.amazon.com/help\n  title: {en: Help}\n"
        "  accessed: 2026-11\n",
        encoding="utf-8",
    )
    run(repo)
    text = (repo / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert (
        "Ten days [[1]](https://www.ftc.gov/law). Both [[2]](https://sellercentral.amazon.com/help)"
        "[[1]](https://www.ftc.gov/law), not `[@ftc-law]`, nor [@unknown]." in text
    )
