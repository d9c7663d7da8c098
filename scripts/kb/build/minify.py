"""Minified copies of the site's own stylesheets and scripts (overrides/assets/),
and the pages' structured data with Chinese as it is.

Material ships its files minified; ours stay readable in the repository, with
comments for contributors, and are minified here in the built site. Comments
and white space are about 40 % of their compressed size, which every reader
downloads with the first page (make bench: at most 80 KB). rcssmin and rjsmin
remove only comments and white space; names and behaviour stay as written, so
what the Node tests check in the sources holds for the built files.
"""

from __future__ import annotations

import json
import re
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


# The JSON-LD blocks of head-meta.html: the template's `tojson` writes each
# Chinese character as a six-byte \uXXXX escape, on every Chinese page.
STRUCTURED_DATA = re.compile(r'(<script type="application/ld\+json">)(.*?)(</script>)', re.DOTALL)


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
    """Minify, in place, each built copy of our own assets in every language's
    build, and unescape the structured data of every page."""
    write_pages(site_dir)
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


def unescaped_json(text: str) -> str:
    """The same JSON with non-ASCII characters as they are, still safe inside
    <script> (<>&' escaped as `tojson` escapes them, U+2028/U+2029 too)."""
    dumped = json.dumps(json.loads(text), ensure_ascii=False, sort_keys=True)
    for char in "<>&'\u2028\u2029":
        dumped = dumped.replace(char, f"\\u{ord(char):04x}")
    return dumped


def compact_structured_data(html: str) -> str:
    def rewrite(match: re.Match) -> str:
        try:
            return match[1] + unescaped_json(match[2]) + match[3]
        except ValueError:
            return match[0]  # not JSON: left as the page has it

    return STRUCTURED_DATA.sub(rewrite, html)


def write_pages(site_dir: Path) -> None:
    for page in sorted(site_dir.rglob("*.html")):
        try:
            html = page.read_text(encoding="utf-8")
            compact = compact_structured_data(html)
            if compact != html:
                page.write_text(compact, encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise MinifyError(f"{page}:0: cannot rewrite its structured data: {error}") from None
