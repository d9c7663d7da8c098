"""The steps that run after `mkdocs build` of both languages (`make build`).

Kept here rather than in MkDocs hooks or plugins so that any builder reading
the same mkdocs.yml (Zensical among them) can produce the same site.
Usage: python -m kb postbuild SITE_DIR [CONFIG ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

from . import csp, feed, search_index

# The steps, in the order they run. Each takes the built site's folder; a
# failure is a one-line `path:line: CODE message` error and stops the build.
STEPS = (
    ("Atom feed of the policy timeline", feed.write_all, feed.FeedError),
    (
        "search index keywords and reader vocabulary",
        search_index.write_all,
        search_index.SearchIndexError,
    ),
    # LAST: it hashes the inline scripts as the steps above left them.
    ("Content-Security-Policy on every page", csp.write_all, csp.CspError),
)


def main(argv: list[str]) -> int:
    if not argv or not Path(argv[0]).is_dir():
        print(
            "usage: python -m kb postbuild SITE_DIR [CONFIG ...] (after mkdocs build)",
            file=sys.stderr,
        )
        return 2
    site_dir, configs = Path(argv[0]), tuple(Path(arg) for arg in argv[1:])
    for _about, step, error_type in STEPS:
        try:
            step(site_dir, configs) if configs else step(site_dir)
        except error_type as error:
            print(error, file=sys.stderr)
            return 1
    return 0
