"""Chinese typography: autocorrect-py's lint on every Chinese page (spaces
between Chinese and Latin letters or digits, full-width punctuation in Chinese
sentences). autocorrect does the work; this module turns each line it reports
into a finding with the changed part of the line."""

from __future__ import annotations

import difflib

import autocorrect_py

from ..findings import Severity, rule

CONTEXT = 6  # characters shown on either side of a change
MAX_SHOWN = 80


def _excerpt(old: str, new: str) -> tuple[int, str, str]:
    """(index of the first change in `old`, old excerpt, new excerpt)."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    changes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    if not changes:
        return 0, old, new
    first, last = changes[0], changes[-1]
    if last[2] - first[1] > MAX_SHOWN:
        last = first  # changes far apart: show the first one only
    a0, a1 = max(first[1] - CONTEXT, 0), min(last[2] + CONTEXT, len(old))
    b0, b1 = max(first[3] - CONTEXT, 0), min(last[4] + CONTEXT, len(new))

    def cut(text: str, start: int, end: int) -> str:
        return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")

    return first[1], cut(old, a0, a1), cut(new, b0, b1)


@rule(
    "TY001",
    "chinese-typography",
    Severity.ERROR,
    "A line of a Chinese page does not follow the Chinese typography rules (autocorrect).",
    "Write it as suggested: a space between Chinese and Latin letters or digits, and full-width "
    "punctuation (，。：？！) in Chinese sentences.",
)
def chinese_typography(docs, self):
    for page in docs.by_lang("zh"):
        if page.text is None or not page.text.strip():
            continue
        result = autocorrect_py.lint_for(page.text, page.path.name)
        for line in result.lines:
            # autocorrect reports `old` and `new` for the changed stretch of a
            # line, which may span lines; show and locate the first change.
            index, old, new = _excerpt(line.old, line.new)
            row = line.line + line.old.count("\n", 0, index)
            col = index - line.old.rfind("\n", 0, index) if "\n" in line.old[:index] else None
            col = col if col is not None else line.col + index
            severity = (
                Severity.WARNING if line.severity == autocorrect_py.Severity.Warning else None
            )
            yield self.at(
                page.display,
                row,
                col,
                f"write `{new}` instead of `{old}`".replace("\n", "⏎"),
                severity=severity,
            )
