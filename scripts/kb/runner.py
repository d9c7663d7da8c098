"""Run every registered rule over the model and collect sorted findings."""

from __future__ import annotations

from pathlib import Path

from . import rules  # noqa: F401 - importing registers the rules
from .findings import RULES, Finding, Severity
from .site.model import Docs, load_docs


def run_rules(docs: Docs, select: set[str] | None = None) -> list[Finding]:
    findings: list[Finding] = []
    for code, rule in sorted(RULES.items()):
        if select and code not in select:
            continue
        try:
            findings.extend(rule.check(docs, rule))
        except Exception as error:  # noqa: BLE001 - one broken rule must not hide the others
            findings.append(
                Finding(
                    "(checks)",
                    0,
                    0,
                    code,
                    Severity.ERROR,
                    f"the rule crashed ({type(error).__name__}: {error}); "
                    "please report it with the file that caused it",
                )
            )
    return sorted(set(findings))


def check_tree(root: Path, select: set[str] | None = None) -> tuple[Docs, list[Finding]]:
    docs = load_docs(root)
    if not docs.pages:
        # Nothing to check: one line saying so, not a finding per missing page.
        select = {code for code in RULES if code.startswith("IO")}
    return docs, run_rules(docs, select)
