"""A Content-Security-Policy on every built page, as the first element of
<head> (GitHub Pages sends no headers, so a <meta http-equiv> is the only way).

Runs LAST among the post-build steps, after every step that rewrites HTML:
the policy lists the sha256 hash of each inline <script> exactly as it is in
the page then, so whatever inline scripts the theme and templates emit at
build time keep working, and any script added to a page afterwards, or by a
contributor's content, does not run. Script files load only from the site
itself ('self'); nothing from another host.

Styles: the theme keeps its looks in self-hosted stylesheets, and the built
pages carry no inline style; 'self' alone is enough (the rules HT001/HT002
keep <style> and `style=` out of pages).
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

# The whole start tag, the text, and the end tag of each <script> element. The
# browser ends a script at the first `</script`, as this does.
SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
SRC = re.compile(r"\ssrc\s*=", re.IGNORECASE)
HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
EXISTING = re.compile(
    r"<meta\s+http-equiv=[\"']?content-security-policy[\"']?[^>]*>", re.IGNORECASE
)
REFERRER_POLICY = "strict-origin-when-cross-origin"


class CspError(Exception):
    pass


def script_hashes(html: str) -> list[str]:
    """'sha256-…' of every inline script's text (scripts with src= load from 'self')."""
    hashes = []
    for match in SCRIPT.finditer(html):
        if SRC.search(match.group(1)):
            continue
        digest = hashlib.sha256(match.group(2).encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy(hashes: list[str]) -> str:
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *hashes],
        "style-src": ["'self'"],
        # data: for the theme's inline SVG icons in its stylesheet.
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],  # the search index
        "worker-src": ["'self'"],  # search runs in a Web Worker from the site
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'none'"],  # the self-check form is read by its script, never sent
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def protect(html: str) -> str:
    """The page with the policy and referrer meta as the first children of <head>."""
    if EXISTING.search(html):
        raise CspError("already has a Content-Security-Policy meta (the step ran twice?)")
    head = HEAD.search(html)
    if not head:
        raise CspError("has no <head>, so no policy can be added")
    meta = (
        f'<meta http-equiv="Content-Security-Policy" content="{policy(script_hashes(html))}">'
        f'<meta name="referrer" content="{REFERRER_POLICY}">'
    )
    return html[: head.end()] + meta + html[head.end() :]


def write_all(site_dir: Path, _configs: tuple[Path, ...] = ()) -> None:
    pages = sorted(site_dir.rglob("*.html"))
    if not pages:
        raise CspError(f"{site_dir}:0: CSP001 no HTML pages to protect")
    for path in pages:
        text = path.read_text(encoding="utf-8")
        try:
            path.write_text(protect(text), encoding="utf-8")
        except CspError as error:
            raise CspError(f"{path}:1: CSP001 {error}") from None
