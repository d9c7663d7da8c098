"""Steps that run after `mkdocs build` of both languages (make build).

Kept here rather than in MkDocs hooks or plugins so that any builder reading
the same mkdocs.yml can produce the same site.
Usage: python scripts/postbuild.py SITE_DIR
"""

from __future__ import annotations

import sys
from pathlib import Path

import feed
import search_index


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0], "index.html").is_file():
        print("usage: postbuild.py SITE_DIR (run after mkdocs build)", file=sys.stderr)
        return 2
    site_dir = Path(argv[0])
    try:
        feed.write_all(site_dir)  # timeline.xml for every language
    except feed.FeedError as error:
        print(error, file=sys.stderr)
        return 1
    try:
        search_index.write_all(site_dir)  # page keywords and reader vocabulary
    except search_index.SearchIndexError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
