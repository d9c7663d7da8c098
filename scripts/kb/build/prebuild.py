"""The step before `mkdocs build` (`make build`): stop on input the builders
would not report.

MkDocs reads a page's front matter with PyYAML's SafeLoader, which turns
`last_reviewed: 2026-02-30` into an exception; MkDocs then drops the whole
front matter without a word and builds the page with no title, kind or
sources. So every page is read here the same way first, and any that would
lose its front matter fails the build with one line `path:line: CODE message`
(the same codes `make check` reports). So does a snippet line naming a file
the build cannot read (MD006), where pymdownx.snippets stops the build with a
traceback. Usage: python -m kb prebuild [ROOT]
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import yaml

from .. import ROOT
from ..runner import check_tree
from ..site.model import LANGUAGES, split_front_matter


def problems(root: Path) -> list[str]:
    found = []
    pages = 0
    for lang in LANGUAGES:
        base = root / "docs" / lang
        for path in sorted(base.rglob("*.md")) if base.is_dir() else []:
            pages += 1
            shown = path.relative_to(root).as_posix()
            try:
                text = path.read_bytes().decode("utf-8-sig")
            except (OSError, UnicodeDecodeError) as error:
                found.append(f"{shown}:1: ST002 cannot be read as UTF-8 text: {error}")
                continue
            source, _body_start, _body = split_front_matter(text.replace("\r\n", "\n"))
            if source is None:
                continue
            try:
                data = yaml.load(source, Loader=yaml.SafeLoader)  # what MkDocs does
            except yaml.YAMLError as error:
                mark = getattr(error, "problem_mark", None)
                line = mark.line + 2 if mark else 1
                found.append(f"{shown}:{line}: FM004 front matter is not valid YAML")
                continue
            except (ValueError, OverflowError) as error:
                # e.g. a date that does not exist: MkDocs would drop the front matter.
                line = _line_of_value(source, str(error))
                found.append(
                    f"{shown}:{line}: FM006 front matter holds a value that is not real "
                    f"({error}); MkDocs would drop the whole front matter"
                )
                continue
            if data is not None and not isinstance(data, dict):
                found.append(f"{shown}:2: FM004 front matter must be `key: value` lines")
    if pages == 0:
        found.insert(0, f"docs/: IO001 no pages found under docs/zh or docs/en in {root}")
        return found
    # A snippet line naming a file the build cannot read stops the build with
    # pymdownx.snippets' traceback: the model's own rule says where instead.
    _docs, snippets = check_tree(root, {"MD006"})
    found += [f"{f.path}:{f.line}: {f.code} {f.message}" for f in snippets]
    return found


def _line_of_value(source: str, _message: str) -> int:
    """The front-matter line whose date does not exist, else the first line."""
    for number, line in enumerate(source.split("\n"), start=2):
        match = re.search(r":\s*['\"]?(\d{4})-(\d{1,2})-(\d{1,2})\b", line)
        if match:
            try:
                dt.date(*(int(part) for part in match.groups()))
            except ValueError:
                return number
    return 1


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else ROOT
    found = problems(root)
    for line in found:
        print(line, file=sys.stderr)
    return 1 if found else 0
