"""Chinese typography: autocorrect-py's lint on every Chinese page (spaces
between Chinese and Latin letters or digits, full-width punctuation in Chinese
sentences). autocorrect does the work; this module turns each line it reports
into a finding with the changed part of the line."""

from __future__ import annotations

import difflib
import re

import autocorrect_py

from ..findings import Severity, family, rule
from ..parallel import parallel_map
from ..site.claims import CITATION

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


family(
    "TY",
    "typography",
    title={"en": "Chinese typography (TY)", "zh": "中文排版（TY）"},
    doc={
        "en": """\
Chinese pages are checked with AutoCorrect (`autocorrect-py`) [@github-autocorrect-rules-linter-cjk]: a space between Chinese and Latin letters or digits, and full-width punctuation in Chinese sentences. Code and URLs are left alone.
""",
        "zh": """\
中文页面用 AutoCorrect（`autocorrect-py`）检查排版[@github-autocorrect-rules-linter-cjk]：中文与英文字母或数字之间加空格，中文句子里用全角标点。代码和网址不检查。
""",
    },
)


@rule(
    "TY001",
    "chinese-typography",
    Severity.ERROR,
    "A line of a Chinese page does not follow the Chinese typography rules (autocorrect).",
    "Write it as suggested: a space between Chinese and Latin letters or digits, and full-width "
    "punctuation (，。：？！) in Chinese sentences.",
    title={"en": "Chinese typography", "zh": "中文排版"},
    doc={
        "en": """\
Each line AutoCorrect reports is a finding; the message shows the suggested text.

```
在Seller Central中等待60秒,然后刷新.
```

Fix:

```markdown
在 Seller Central 中等待 60 秒，然后刷新。
```
""",
        "zh": """\
AutoCorrect 报告的每一行都是一个问题，说明里给出建议的写法。

```
在Seller Central中等待60秒,然后刷新.
```

改法：

```markdown
在 Seller Central 中等待 60 秒，然后刷新。
```
""",
    },
)
def chinese_typography(docs, self):
    # Pages too large to parse are SZ001's finding; autocorrect aborts on them.
    pages = [
        page
        for page in docs.by_lang("zh")
        if page.text is not None and page.text.strip() and not page.too_large
    ]
    results = parallel_map(lint, [(page.display, prose_only(page)) for page in pages])
    for page, lines in zip(pages, results, strict=True):
        if isinstance(lines, str):
            yield self.at(page.display, 1, 1, f"autocorrect could not check this file: {lines}")
            continue
        for row, col, message, is_warning in lines:
            yield self.at(
                page.display, row, col, message, severity=Severity.WARNING if is_warning else None
            )


def prose_only(page) -> str:
    """The page text with `keywords` and citation markers blanked out, line
    numbers kept.

    Keywords are search terms, not sentences: in a YAML list such as
    `keywords: [登不上, 登录不了]` the half-width commas are YAML syntax, which
    autocorrect would otherwise ask to make full-width. A citation `[@id]` is
    markup the reader sees as a superscript number, so no space goes before
    it (`5,000 美元[@id]。`). Title, description and the body are prose and
    stay checked. (Columns after a citation on the same line shift left.)"""
    lines = CITATION.sub("", page.text).split("\n")
    start = page.front_matter_lines.get("keywords")
    if not start or page.body_start <= start:
        return "\n".join(lines)
    end = start  # the key's own line, then its indented or `- ` continuation lines
    while end < page.body_start - 2 and lines[end][:1] in (" ", "\t", "-"):
        end += 1
    for index in range(start - 1, end):
        lines[index] = ""
    return "\n".join(lines)


def lint(job: tuple[str, str]) -> list[tuple[int, int, str, bool]] | str:
    """(line, column, message, is a warning) for each line autocorrect reports,
    or why autocorrect failed on the file (its Rust parser gives up on some
    input, e.g. deep nesting, with a multi-line error: keep its first line)."""
    path, text = job
    found = []
    try:
        result = autocorrect_py.lint_for(text, path)
    except Exception as error:  # noqa: BLE001 - one file's failure is that file's finding
        where = re.search(r"-->\s*(\d+):\d+", str(error))
        limit = "call limit reached" in str(error)
        return (
            f"its parser stopped at line {where.group(1)}" if where else type(error).__name__
        ) + (" (nesting too deep)" if limit else "")
    for line in result.lines:
        # autocorrect reports `old` and `new` for the changed stretch of a line,
        # which may span lines; show and locate the first change.
        index, old, new = _excerpt(line.old, line.new)
        before = line.old[:index]
        row = line.line + before.count("\n")
        col = index - before.rfind("\n") if "\n" in before else line.col + index
        message = f"write `{new}` instead of `{old}`".replace("\n", "⏎")
        found.append((row, col, message, line.severity == autocorrect_py.Severity.Warning))
    return found
