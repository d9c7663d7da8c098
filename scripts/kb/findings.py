"""Findings and the rule registry."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Finding:
    path: str  # relative to the repository root, POSIX separators
    line: int  # 1-based; 0 when the finding is about the file as a whole
    col: int  # 1-based; 0 when unknown
    code: str
    severity: Severity = field(compare=False)
    message: str = ""  # compared too: two findings on one spot must not merge
    fix: str = field(default="", compare=False)


@dataclass(frozen=True)
class Rule:
    """A registered check. `code` is stable once published: retire, never reuse."""

    code: str
    name: str  # kebab-case, e.g. "heading-level-skipped"
    severity: Severity
    summary: str  # one sentence: what the rule requires
    fix: str  # one sentence: how to fix a finding
    check: Callable[..., Iterable[Finding]]
    # The rule's documentation, per language ("en", "zh"): Markdown saying what
    # it requires and why, a failing example and the fix. The contributor
    # rules pages (docs/*/contributing/rules/) are generated from it
    # (kb/rules_page.py), with `title` as the heading after the code.
    doc: dict[str, str] = field(default_factory=dict, compare=False)
    title: dict[str, str] = field(default_factory=dict, compare=False)

    def at(
        self,
        path: str,
        line: int = 0,
        col: int = 0,
        message: str = "",
        fix: str = "",
        severity: Severity | None = None,
    ) -> Finding:
        """A finding of this rule; `fix` defaults to the rule's own fix."""
        # One finding is one output line, whatever text (e.g. a setext heading) it quotes.
        message = " ".join((message or self.summary).splitlines())
        return Finding(
            path, line, col, self.code, severity or self.severity, message, fix or self.fix
        )


RULES: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    severity: Severity,
    summary: str,
    fix: str,
    doc: dict[str, str] | None = None,
    title: dict[str, str] | None = None,
):
    """Register `check(docs, rule) -> Iterable[Finding]` under a stable code."""

    def register(check: Callable[..., Iterable[Finding]]):
        if code in RULES:
            raise ValueError(f"rule code {code} registered twice")
        RULES[code] = Rule(code, name, severity, summary, fix, check, doc or {}, title or {})
        return check

    return register


@dataclass(frozen=True)
class Family:
    """The rules whose codes share a prefix (FM001 ... FM010): one section of the
    rules page, with `doc` (per language) introducing them."""

    prefix: str  # "FM"
    id: str  # heading ID of the section, e.g. "front-matter"
    title: dict[str, str]
    doc: dict[str, str]


FAMILIES: dict[str, Family] = {}
CODE_PREFIX = re.compile(r"[A-Z]+")


def family(prefix: str, id: str, title: dict[str, str], doc: dict[str, str]) -> None:
    """Register the family of codes starting with `prefix`."""
    if prefix in FAMILIES:
        raise ValueError(f"rule family {prefix} registered twice")
    FAMILIES[prefix] = Family(prefix, id, title, doc)


def family_of(prefix: str) -> Family:
    """The registered family, or a plain one for a prefix nobody introduced yet."""
    return FAMILIES.get(prefix) or Family(prefix, prefix.lower(), {}, {})


def prefix_of(code: str) -> str:
    """The family prefix of a code: FM001 -> FM, FEED001 -> FEED."""
    match = CODE_PREFIX.match(code)
    return match.group(0) if match else code


def once_per_tree(compute: Callable[[object], list]) -> Callable[[object], list]:
    """compute(docs), run once for the tree being checked: several codes whose
    findings come from one parse (the timeline, the vocabulary) share it."""
    last: dict[str, object] = {}

    def cached(docs: object) -> list:
        if last.get("docs") is not docs:
            last["docs"], last["value"] = docs, compute(docs)
        return last["value"]  # type: ignore[return-value]

    return cached


def relative_path(root: Path, path: Path) -> str:
    """`path` relative to the repository root, POSIX, as findings give it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def rule_doc(
    why_en: str, fails_en: str, fix_en: str, why_zh: str, fails_zh: str, fix_zh: str
) -> dict[str, str]:
    """A rule's `doc` in the agreed form: why, a failing example and the fix,
    in both languages (the examples are Markdown source)."""

    def one(why: str, fails: str, fix: str, words: tuple[str, str, str]) -> str:
        return (
            f"{words[0]}{why}\n\n{words[1]}\n\n```markdown\n{fails.strip()}\n```\n\n"
            f"{words[2]}\n\n```markdown\n{fix.strip()}\n```"
        )

    return {
        "en": one(why_en, fails_en, fix_en, ("Why: ", "Fails:", "Fix:")),
        "zh": one(why_zh, fails_zh, fix_zh, ("原因：", "不通过：", "修改：")),
    }
