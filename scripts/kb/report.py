"""Formatting findings: plain text for people, annotations for GitHub Actions."""

from __future__ import annotations

from collections.abc import Iterable

from .findings import Finding, Severity, family_of, prefix_of

RULES_URL = "https://seller-access-guide.github.io/en/contributing/rules/"


def rule_url(code: str) -> str:
    """The section of a code on its family's page of the rule reference (kb/rules_page.py)."""
    return f"{RULES_URL}{family_of(prefix_of(code)).id}/#{code.lower()}"


def _location(finding: Finding) -> str:
    parts = [finding.path]
    if finding.line:
        parts.append(str(finding.line))
        if finding.col:
            parts.append(str(finding.col))
    return ":".join(parts)


def format_text(findings: Iterable[Finding]) -> str:
    lines = []
    for finding in findings:
        lines.append(
            f"{_location(finding)}: {finding.code} {finding.severity.value}: {finding.message}"
        )
        if finding.fix:
            lines.append(f"    fix: {finding.fix}  ({rule_url(finding.code)})")
    return "\n".join(lines)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(findings: Iterable[Finding]) -> str:
    """GitHub Actions workflow commands: each finding appears on its line in the PR."""
    lines = []
    for finding in findings:
        level = "error" if finding.severity is Severity.ERROR else "warning"
        props = [f"file={_escape_property(finding.path)}"]
        if finding.line:
            props.append(f"line={finding.line}")
        if finding.col:
            props.append(f"col={finding.col}")
        props.append(f"title={_escape_property(finding.code)}")
        message = finding.message + (f"\nFix: {finding.fix}" if finding.fix else "")
        lines.append(f"::{level} {','.join(props)}::{_escape_data(message)}")
    return "\n".join(lines)


def summary(findings: list[Finding], pages: int) -> str:
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    warnings = len(findings) - errors
    return (
        f"{pages} pages checked: {errors} error{'s' * (errors != 1)}, "
        f"{warnings} warning{'s' * (warnings != 1)}"
    )
