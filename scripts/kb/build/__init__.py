"""The steps that run after `mkdocs build` of both languages (`make build`).

Kept here rather than in MkDocs hooks or plugins so that any builder reading
the same mkdocs.yml (Zensical among them) can produce the same site.
Usage: python -m kb postbuild SITE_DIR [CONFIG ...] [--skip STEP]
"""

from __future__ import annotations

import sys
from pathlib import Path

from . import csp, feed, minify, search_index

# The steps, in the order they run, by name. Each takes the built site's folder;
# a failure is a one-line `path:line: CODE message` error and stops the build.
STEPS = (
    ("feed", "Atom feed of the policy timeline", feed.write_all, feed.FeedError),
    (
        "search-index",
        "search index keywords, reader vocabulary and the engine's pieces",
        search_index.write_all,
        search_index.SearchIndexError,
    ),
    ("minify", "our own stylesheets and scripts, minified", minify.write_all, minify.MinifyError),
    # LAST: it hashes the inline scripts as the steps above left them.
    ("csp", "Content-Security-Policy on every page", csp.write_all, csp.CspError),
)
USAGE = "usage: python -m kb postbuild SITE_DIR [CONFIG ...] [--skip STEP] (after mkdocs build)"


def main(argv: list[str]) -> int:
    argv = list(argv)
    skip = set()
    while "--skip" in argv:  # e.g. the Zensical build has no Material search index
        at = argv.index("--skip")
        if at + 1 >= len(argv) or argv[at + 1] not in {name for name, *_ in STEPS}:
            print(USAGE, file=sys.stderr)
            return 2
        skip.add(argv.pop(at + 1))
        argv.pop(at)
    if not argv or not Path(argv[0]).is_dir():
        print(USAGE, file=sys.stderr)
        return 2
    site_dir, configs = Path(argv[0]), tuple(Path(arg) for arg in argv[1:])
    for name, _about, step, error_type in STEPS:
        if name in skip:
            continue
        try:
            step(site_dir, configs) if configs else step(site_dir)
        except error_type as error:
            print(error, file=sys.stderr)
            return 1
    return 0
