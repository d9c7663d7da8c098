"""The source registry, data/sources.yml: every source the pages cite, defined once.

The one reader of that file: the citation extension (kb.markdown.citations),
the citation and link-policy checks, the external link check and the tests
all call `load_registry`. Reading never raises on file content: problems are
recorded as `errors` (line, col, message) for the checks to report, and the
entries that can be read are still returned. jsonschema validates the entries
against schema/sources.schema.json.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator

from .config import TextLoader
from .model import yaml_positions

REGISTRY = Path("data/sources.yml")
SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schema" / "sources.schema.json"
SOURCE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
LANGUAGES = ("zh", "en")


@dataclass(frozen=True)
class Source:
    id: str
    line: int  # the line of the id in the registry
    url: str | None = None
    url_line: int = 0  # the line of its `url:`
    url_col: int = 0
    title: dict[str, str] = field(default_factory=dict)
    publisher: dict[str, str] = field(default_factory=dict)
    published: str | None = None
    accessed: str | None = None
    note: dict[str, str] = field(default_factory=dict)

    def title_in(self, lang: str) -> str:
        return _in(self.title, lang) or self.url or self.id

    def publisher_in(self, lang: str) -> str:
        return _in(self.publisher, lang)

    def note_in(self, lang: str) -> str:
        return _in(self.note, lang)


def _in(text: dict[str, str], lang: str) -> str:
    """The text in `lang`, else in the other language (a source read in one only)."""
    for candidate in (lang, *LANGUAGES):
        if text.get(candidate):
            return text[candidate]
    return ""


@dataclass
class Registry:
    path: Path
    sources: dict[str, Source] = field(default_factory=dict)
    errors: list[tuple[int, int, str]] = field(default_factory=list)  # (line, col, message)
    exists: bool = True

    def get(self, source_id: str) -> Source | None:
        return self.sources.get(source_id)

    def __contains__(self, source_id: object) -> bool:
        return source_id in self.sources


_VALIDATOR = Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
# (resolved path, mtime, size) -> Registry: the extension runs once per page,
# and MkDocs builds every page in one process.
_CACHE: dict[Path, tuple[tuple[int, int], Registry]] = {}


def _text(value: object) -> dict[str, str]:
    if isinstance(value, str):
        return {lang: value for lang in LANGUAGES}
    if isinstance(value, dict):
        return {str(k): v for k, v in value.items() if isinstance(v, str)}
    return {}


def _plain(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _where(path: tuple) -> str:
    if not path:
        return "the registry"
    if len(path) == 1:
        return f"source `{path[0]}`"
    return f"`{'.'.join(str(part) for part in path[1:])}` of source `{path[0]}`"


def _message(error) -> str:
    path = tuple(error.absolute_path)
    where = _where(path)
    if error.validator == "required":
        missing = [name for name in error.validator_value if name not in (error.instance or {})]
        return f"{where} lacks `{'`, `'.join(missing)}`"
    if error.validator == "additionalProperties":
        allowed = ", ".join(sorted(error.schema.get("properties", {})))
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        return f"{where} has unknown key `{'`, `'.join(map(str, extra))}` (allowed: {allowed})"
    if not path and isinstance(error.instance, str):  # from `propertyNames`
        return (
            f"source id `{error.instance}` must be lowercase letters and digits in "
            "hyphen-separated words, e.g. `sc-us-2sv-faq-202153510`"
        )
    key = path[-1] if path else None
    if key == "url":
        return f"{where} is not a full https:// address: `{error.instance}`"
    if key in ("published", "accessed"):
        shape = "YYYY-MM or YYYY-MM-DD" if key == "accessed" else "YYYY, YYYY-MM or YYYY-MM-DD"
        return f"{where} must be written {shape} (in quotes): found `{error.instance}`"
    return f"{where}: {error.message}"


def _read(path: Path) -> Registry:
    registry = Registry(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        registry.exists = False
        return registry
    except (OSError, UnicodeDecodeError) as error:
        registry.errors.append((0, 0, f"cannot read the source registry: {error}"))
        return registry
    try:
        loader = TextLoader(text)
        try:
            node = loader.get_single_node()
            positions = yaml_positions(node, first_line=1) if node is not None else {}
            data = loader.construct_document(node) if node is not None and positions else None
        finally:
            loader.dispose()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        if "flow" in (getattr(error, "context", None) or ""):
            mark = getattr(error, "context_mark", None) or mark  # where the [ or { opened
        problem = getattr(error, "problem", None) or str(error).split("\n")[0]
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        registry.errors.append((line, col, f"not valid YAML: {problem}"))
        return registry
    if positions is None:
        registry.errors.append((1, 1, "the registry must not use YAML anchors or aliases"))
        return registry
    if data is None:
        return registry
    if not isinstance(data, dict):
        registry.errors.append((1, 1, "the registry must be a list of `id:` entries"))
        return registry
    for error in _VALIDATOR.iter_errors(data):
        where = tuple(error.absolute_path)
        if not where and isinstance(error.instance, str):
            where = (error.instance,)  # a bad id (propertyNames): the id's own line
        elif error.validator == "additionalProperties" and isinstance(error.instance, dict):
            allowed = error.schema.get("properties", {})
            where += tuple(key for key in error.instance if key not in allowed)[:1]
        line, col = _position(positions, where)
        registry.errors.append((line, col, _message(error)))
    registry.errors.sort()
    for source_id, entry in data.items():
        entry = entry if isinstance(entry, dict) else {}
        line = positions.get((source_id,), (1, 1))[0]
        url_line, url_col = positions.get((source_id, "url"), (line, 1))
        if isinstance(entry.get("url"), str):
            # The position is the key's; the URL itself starts after `url: `.
            source_line = text.split("\n")[url_line - 1] if url_line else ""
            found = source_line.find(entry["url"])
            url_col = found + 1 if found >= 0 else url_col
        registry.sources[str(source_id)] = Source(
            id=str(source_id),
            line=line,
            url=_plain(entry.get("url")),
            url_line=url_line,
            url_col=url_col,
            title=_text(entry.get("title")),
            publisher=_text(entry.get("publisher")),
            published=_plain(entry.get("published")),
            accessed=_plain(entry.get("accessed")),
            note=_text(entry.get("note")),
        )
    return registry


def _position(positions: dict, path: tuple) -> tuple[int, int]:
    for end in range(len(path), 0, -1):
        if path[:end] in positions:
            return positions[path[:end]]
    return 1, 1


def load_registry(path: Path) -> Registry:
    """The registry at `path`, read once per process while the file is unchanged."""
    resolved = path.resolve()
    try:
        stat = resolved.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        stamp = (-1, -1)
    cached = _CACHE.get(resolved)
    if cached and cached[0] == stamp:
        return cached[1]
    registry = _read(resolved)
    registry.path = path
    _CACHE[resolved] = (stamp, registry)
    return registry


def registry_of(root: Path) -> Registry:
    """The registry of the repository (or fixture tree) at `root`."""
    return load_registry(root / REGISTRY)
