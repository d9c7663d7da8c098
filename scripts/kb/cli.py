"""The one command line of the project's tools: `python -m kb COMMAND ...`.

The Makefile calls it (with scripts/ on PYTHONPATH); each command is a module
of this package with a `main(argv) -> exit status`. Exit status 2 means a
usage error, as in every command here.
"""

from __future__ import annotations

import sys
from importlib import import_module

# command -> (module[:function, default main], what it does). Modules are imported only when run, so
# `python -m kb new` does not load the checks' dependencies.
COMMANDS = {
    "check": ("kb.check", "run the docs checks (make check)"),
    "contributing": (
        "kb.contributing",
        "write (or --check) CONTRIBUTING*.md",
    ),
    "prebuild": ("kb.build.prebuild", "stop pages MkDocs would build wrongly (make build)"),
    "postbuild": ("kb.build", "run the steps after `mkdocs build` on SITE_DIR (make build)"),
    "rules-page": ("kb.rules_page", "write (or --check) the rule reference of the rules pages"),
    "new": ("kb.scaffold", "scaffold a zh + en article pair (make new)"),
    "linkcheck": ("kb.linkcheck", "check links with lychee (make linkcheck)"),
    "zensical-config": ("kb.zensical:config_main", "write zensical.zh.yml and zensical.en.yml"),
    "zensical": ("kb.zensical", "build site-zensical/ with Zensical (make build-zensical)"),
}


def usage() -> str:
    lines = ["usage: python -m kb COMMAND [ARGS ...]", "", "commands:"]
    lines += [f"  {name:<14}{about}" for name, (_, about) in COMMANDS.items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] in ("-h", "--help"):
        print(usage())
        return 0 if argv else 2
    name, rest = argv[0], argv[1:]
    if name not in COMMANDS:
        print(f"kb: unknown command {name!r}\n\n{usage()}", file=sys.stderr)
        return 2
    module, _, function = COMMANDS[name][0].partition(":")
    try:
        return getattr(import_module(module), function or "main")(rest)
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # noqa: BLE001 - never show a contributor a traceback
        print(
            f"kb {name}: internal error: {type(error).__name__}: {error} "
            "(please report it with the command you ran)",
            file=sys.stderr,
        )
        return 2
