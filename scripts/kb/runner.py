"""Run every registered rule over the model and collect sorted findings."""

from __future__ import annotations

from pathlib import Path

from . import rules  # noqa: F401 - importing registers the rules
from .findings import RULES, Finding
from .site.model import Docs, load_docs


def run_rules(docs: Docs, select: set[str] | None = None) -> list[Finding]:
    findings: list[Finding] = []
    for code, rule in sorted(RULES.items()):
        if select and code not in select:
            continue
        findings.extend(rule.check(docs, rule))
    return sorted(set(findings))


def check_tree(root: Path, select: set[str] | None = None) -> tuple[Docs, list[Finding]]:
    docs = load_docs(root)
    return docs, run_rules(docs, select)
