"""Images: readers are often on phones with slow connections, some use screen
readers, and the site loads nothing from other hosts. A missing image file is
LK001 (the same check as any relative link)."""

from __future__ import annotations

import math
import posixpath
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

from ..findings import Severity, rule
from ..site.model import Link, Page
from .lk_links import shown

MAX_BYTES = 300 * 1024


def _split(target: str):
    try:
        return urlsplit(target.strip())
    except ValueError:
        return None  # an unreadable address is the link policy's finding (LP004)


def page_images(page: Page) -> Iterator[Link]:
    """Markdown images and raw HTML <img> elements."""
    if page.text is not None:
        yield from (link for link in page.links if link.kind == "image" or link.tag == "img")


@rule(
    "IM001",
    "image-alt-missing",
    Severity.ERROR,
    "An image has no alt text.",
    "Describe what the image shows inside the brackets: `![设置页面的两步验证开关](2sv.png)` "
    "(screen readers read it, and it shows when the image cannot load).",
)
def image_alt_missing(docs, self):
    for page in docs.pages:
        for image in page_images(page):
            if not image.text.strip():
                yield self.at(
                    page.display,
                    image.line,
                    image.col,
                    f"image `{shown(image.target)}` has no alt text",
                )


@rule(
    "IM002",
    "image-too-large",
    Severity.ERROR,
    f"An image file is larger than {MAX_BYTES // 1024} KB.",
    "Crop the screenshot to what matters and save it smaller (PNG with fewer colours, "
    "or WebP/JPEG for photos), then commit the smaller file.",
)
def image_too_large(docs, self):
    sizes: dict[str, int | None] = {}  # pages share images: stat each file once
    for page in docs.pages:
        for image in page_images(page):
            parts = _split(image.target)
            if parts is None or parts.scheme or parts.netloc or not parts.path:
                continue
            rel = posixpath.join(posixpath.dirname(page.path.as_posix()), unquote(parts.path))
            rel = posixpath.normpath(rel)
            if rel not in sizes:
                try:
                    sizes[rel] = (docs.root / rel).stat().st_size
                except (OSError, ValueError):
                    sizes[rel] = None  # a missing or unreadable file is LK001's finding
            size = sizes[rel]
            if size is not None and size > MAX_BYTES:
                yield self.at(
                    page.display,
                    image.line,
                    image.col,
                    f"image `{shown(image.target)}` is {math.ceil(size / 1024)} KB "
                    f"(at most {MAX_BYTES // 1024} KB)",
                )


@rule(
    "IM003",
    "image-not-local",
    Severity.ERROR,
    "An image is loaded from another website.",
    "Save the image in the docs folder next to the page and link to the file: the site "
    "must not make requests to other hosts (readers in mainland China may not reach them).",
)
def image_not_local(docs, self):
    for page in docs.pages:
        for image in page_images(page):
            parts = _split(image.target)
            if parts and (parts.netloc or parts.scheme in ("http", "https")):
                yield self.at(
                    page.display,
                    image.line,
                    image.col,
                    f"image `{shown(image.target)}` is loaded from "
                    + shown(parts.hostname or "another host"),
                )
