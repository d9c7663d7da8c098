"""Where a page lives: its language, its URL and its twin in the other language.

The one mapping from a source path to a built address (the Starlight way:
every tool uses these functions, and tests/test_site_pages.py tests them once).
Slugs are the same in both languages; the primary language (zh) is built at
the site root and English under /en/ (mkdocs.yml and mkdocs.en.yml).
"""

from __future__ import annotations

LANGUAGES = ("zh", "en")
PRIMARY = "zh"
# Each language's config file and where its pages are served, from the site root.
CONFIG_FILES = {"zh": "mkdocs.yml", "en": "mkdocs.en.yml"}
URL_PREFIX = {"zh": "", "en": "en/"}


def url_path(source: str) -> str:
    """The directory URL MkDocs builds for a docs-relative .md path, with any
    #fragment kept: index.md -> "", a/index.md -> "a/", a/b.md#x -> "a/b/#x"."""
    path, hash_, fragment = source.partition("#")
    if path.endswith(".md"):
        stem = path[: -len(".md")]
        if stem == "index" or stem.endswith("/index"):
            path = stem[: -len("index")]
        else:
            path = stem + "/"
    return path + hash_ + fragment


def source_candidates(address: str, suffixes: tuple[str, ...] = (".html", ".htm")) -> list[str]:
    """The .md paths a page address inside one language build may come from,
    most likely first: "a/b/" or "a/b.html" -> ["a/b.md", "a/b/index.md"]; "" -> ["index.md"]."""
    base = address.split("#", 1)[0].rstrip("/")
    for suffix in suffixes:
        if base.endswith(suffix):
            base = base[: -len(suffix)]
            if base == "index" or base.endswith("/index"):
                base = base[: -len("index")].rstrip("/")
    return [f"{base}.md", f"{base}/index.md"] if base else ["index.md"]


def page_url(lang: str, source: str) -> str:
    """A page's address relative to the site root: ("en", "a/b.md") -> "en/a/b/"."""
    return URL_PREFIX[lang] + url_path(source)


def language_of_url(url: str) -> str:
    """The language of a site-root-relative address ("en/a/" -> "en", "a/" -> "zh");
    a leading slash is allowed."""
    path = url.lstrip("/")
    for lang in LANGUAGES:
        prefix = URL_PREFIX[lang]
        if prefix and (path == prefix.rstrip("/") or path.startswith(prefix)):
            return lang
    return PRIMARY


def strip_language(url: str) -> str:
    """An address inside its language build: "/en/a/b/" -> "a/b/", "/a/" -> "a/"."""
    path = url.lstrip("/")
    prefix = URL_PREFIX[language_of_url(path)]
    return path[len(prefix) :] if path.startswith(prefix) else ""


def twin(lang: str) -> str:
    """The other language, whose page of the same source path is the twin."""
    return "en" if lang == "zh" else "zh"


def twin_url(url: str) -> str:
    """The same page in the other language: "/en/a/" -> "/a/", "/a/#x" -> "/en/a/#x"."""
    lang = language_of_url(url)
    return "/" + URL_PREFIX[twin(lang)] + strip_language(url)
