"""A copy of the real docs, configs and data in a temporary folder, for tests
that plant one mistake and ask the checks what it added.

The findings the real docs already have are computed once per test run
(`baseline_findings`), so that each test pays for one check, not two.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from kb import ROOT
from kb.findings import Finding
from kb.runner import run_rules
from kb.site.model import load_docs

COPIED = ("docs", "data", "mkdocs.yml", "mkdocs.en.yml")

Key = tuple[str, int, str]  # (path, line, code) of a finding


def copy_real_docs(target: Path) -> Path:
    for name in COPIED:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, target / name, symlinks=True)
        elif (ROOT / name).is_file():
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy(ROOT / name, target / name)
    return target


def findings(root: Path, *codes: str) -> list[Finding]:
    """Findings of those rule codes (every rule when none are given)."""
    return run_rules(load_docs(root), set(codes) or None)


def keys(found: list[Finding]) -> list[Key]:
    return [(f.path, f.line, f.code) for f in found]


class DocsCopy:
    """One fresh copy; `new(*codes)` lists the findings a planted mistake added
    (of those codes, or of every rule), as (path, line, code)."""

    def __init__(self, path: Path, baseline: list[Key]):
        self.path = path
        self.baseline = baseline

    def text(self, rel: str) -> str:
        return (self.path / rel).read_text(encoding="utf-8")

    def write(self, rel: str, content: str | bytes) -> None:
        target = self.path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8", newline="")

    def edit(self, rel: str, old: str, new: str) -> str:
        """Replace the first `old`; the new text of the file."""
        text = self.text(rel)
        assert old in text, f"{old!r} not in {rel}: the article changed; pick another line"
        text = text.replace(old, new, 1)
        self.write(rel, text)
        return text

    def replace(self, rel: str, old: str, new: str) -> int:
        """Replace the first `old`; the line number where it was."""
        line = self.text(rel).split(old, 1)[0].count("\n") + 1
        self.edit(rel, old, new)
        return line

    def append(self, rel: str, text: str) -> int:
        """Add lines at the end of a file; the line number of the first one."""
        old = self.text(rel).rstrip("\n")
        self.write(rel, old + "\n\n" + text)
        return old.count("\n") + 3

    def findings(self, *codes: str) -> list[Finding]:
        return findings(self.path, *codes)

    def new(self, *codes: str) -> list[Key]:
        before = {key for key in self.baseline if not codes or key[2] in codes}
        return [key for key in keys(self.findings(*codes)) if key not in before]
