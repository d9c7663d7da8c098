"""Files the repository generates from its own sources (CONTRIBUTING*.md from
the contributing pages, the rule reference of the rules pages): one command
line for all of them, which writes what is stale or, with --check, only names
it (make check runs the --check form, so a stale file fails the checks)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from . import ROOT


class SyncError(Exception):
    """Bad input: reported as `path:line: message`, never as a traceback."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")


def generated_main(
    description: str,
    generate: Callable[[Path], dict[str, str]],
    command: str,
    argv: list[str] | None = None,
    retired: Callable[[Path, dict[str, str]], list[str]] | None = None,
) -> int:
    """The command line of one generator: 0 written or up to date, 1 stale
    (with --check), 2 bad input (one `path:line: message` line). `retired`
    lists files the generator once wrote that it no longer writes: removed, or
    with --check named as stale."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if a file is out of date"
    )
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        generated = generate(args.root)
    except SyncError as error:
        print(error, file=sys.stderr)
        return 2
    status = write_or_check(args.root, generated, args.check, command)
    for name in retired(args.root, generated) if retired else []:
        if args.check:
            print(f"{name} is no longer generated: run {command}")
            status = 1
        else:
            (args.root / name).unlink()
            print(f"removed {name}")
    return status


def write_or_check(root: Path, generated: dict[str, str], check: bool, command: str) -> int:
    """Write each generated file that differs from its text (relative path -> text),
    or with `check` write nothing and name each stale file; 1 if any was stale.
    """
    stale = []
    for name, text in generated.items():
        path = root / name
        try:
            current = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            current = None
        if current == text:
            continue
        if check:
            stale.append(f"{name} is out of date: run {command}")
        else:
            path.write_text(text, encoding="utf-8", newline="\n")
            print(f"wrote {name}")
    for line in stale:
        print(line)
    return 1 if stale else 0
