"""Minified copies of the site's own stylesheets and scripts (overrides/assets/).

Material ships its files minified; ours stay readable in the repository, with
comments for contributors, and are minified here in the built site. Comments
and white space are about 40 % of their compressed size, which every reader
downloads with the first page (make bench: at most 80 KB). rcssmin and rjsmin
remove only comments and white space; names and behaviour stay as written, so
what the Node tests check in the sources holds for the built files.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

from .. import ROOT
from ..site.pages import URL_PREFIX

OWN_ASSETS = ROOT / "overrides" / "assets"
MINIFIERS = {
    ".css": rcssmin.cssmin,
    # keep_bang_comments: /*! ... */ is where licences are kept.
    ".js": lambda source: rjsmin.jsmin(source, keep_bang_comments=True),
}


class MinifyError(Exception):
    pass


def own_assets(assets: Path = OWN_ASSETS) -> list[Path]:
    """The stylesheets and scripts of `assets`, relative to its parent ("assets/...")."""
    return [
        path.relative_to(assets.parent)
        for path in sorted(assets.rglob("*"))
        if path.suffix in MINIFIERS and path.is_file()
    ]


def write_all(site_dir: Path, _configs: tuple[Path, ...] = (), assets: Path = OWN_ASSETS) -> None:
    """Minify, in place, each built copy of our own assets in every language's build."""
    for rel in own_assets(assets):
        for prefix in URL_PREFIX.values():
            built = site_dir / prefix / rel
            if not built.is_file():
                continue
            # Bytes in, bytes out: the minifiers never decode, so any encoding passes.
            try:
                built.write_bytes(MINIFIERS[built.suffix](built.read_bytes()))
            except OSError as error:
                raise MinifyError(f"{built}:0: cannot minify: {error.strerror}") from None
