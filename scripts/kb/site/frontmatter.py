"""The one front-matter reader: every tool that needs a page's front matter
(checks, post-build steps, the contributor-guide generator, tests) calls it."""

from __future__ import annotations

import yaml

from .config import TextLoader


def split_front_matter(text: str) -> tuple[str | None, int, str]:
    """Return (front matter source or None, first body line, body).

    The body keeps its line numbers: the front matter is replaced by blank
    lines. None when the text has no front matter, or no closing `---` line
    (then the whole text is the body; the checks report it).
    """
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None, 1, text
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            source = "\n".join(lines[1:index])
            body = "\n" * (index + 1) + "\n".join(lines[index + 1 :])
            return source, index + 2, body
    return None, 1, text


def read_front_matter(text: str) -> dict:
    """The front matter as a mapping; {} when it is missing or not valid YAML.

    For tools that only read values (search keywords, tests); `make check`
    reports malformed front matter with its line (model.parse_front_matter).
    """
    source, _, _ = split_front_matter(text)
    if source is None:
        return {}
    try:
        data = yaml.load(source, Loader=TextLoader)
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}
