"""Run every docs check: `make check` (`python -m kb check`).

Prints `path:line:col: CODE severity: message` and a fix for each finding,
sorted, then a summary. Exit status: 0 clean (warnings allowed), 1 errors,
2 usage or internal error.
"""

from __future__ import annotations

import argparse
import inspect
import sys
from pathlib import Path

from . import ROOT
from .findings import RULES, Severity, relative_path
from .report import format_github, format_text, summary
from .runner import check_tree


def _relative(root: Path, path: str) -> str:
    absolute = Path(path).resolve()
    try:
        return absolute.relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check the docs for links and structure.")
    parser.add_argument(
        "--root", type=Path, default=ROOT, help="repository root (default: this one)"
    )
    parser.add_argument("--format", choices=["text", "github"], default="text")
    parser.add_argument("--select", help="comma-separated rule codes to run (default: all)")
    parser.add_argument("--list-rules", action="store_true", help="print every rule code and exit")
    parser.add_argument(
        "paths",
        nargs="*",
        help="report only findings in these files (the whole tree is still read, "
        "since rules such as translations compare pages); used by pre-commit",
    )
    args = parser.parse_args(argv)

    if args.list_rules:
        # code, severity, name and the file that registers it (tab-separated).
        for code, rule in sorted(RULES.items()):
            source = relative_path(ROOT, Path(inspect.getsourcefile(rule.check) or "?"))
            print(f"{code}\t{rule.severity.value}\t{rule.name}\t{source}")
        return 0
    select = {code.strip().upper() for code in args.select.split(",")} if args.select else None
    if select and (unknown := select - RULES.keys()):
        print(f"error: unknown rule code(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    if not (args.root / "docs").is_dir():
        print(
            f"error: {args.root}/docs not found: run from the repository or pass --root",
            file=sys.stderr,
        )
        return 2

    docs, findings = check_tree(args.root, select)
    if args.paths:
        wanted = {_relative(args.root, path) for path in args.paths}
        findings = [finding for finding in findings if finding.path in wanted]
    if findings:
        print(format_github(findings) if args.format == "github" else format_text(findings))
    print(summary(findings, len(docs.pages)))
    return 1 if any(f.severity is Severity.ERROR for f in findings) else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # noqa: BLE001 - never show a contributor a traceback
        print(
            f"internal error in the docs checks: {type(error).__name__}: {error} "
            "(please report it with the command you ran)",
            file=sys.stderr,
        )
        sys.exit(2)
