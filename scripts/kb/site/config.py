"""Reading the MkDocs configs (mkdocs.yml, mkdocs.en.yml) outside MkDocs.

Shared by the docs checks, the feed and the CONTRIBUTING generator, so that
all of them read the configs the same way: safe YAML that tolerates MkDocs'
application tags, and INHERIT merged the way MkDocs merges it.
"""

from __future__ import annotations

from pathlib import Path

import yaml


class TolerantLoader(yaml.SafeLoader):
    """Safe YAML (no code runs) that reads application tags such as MkDocs'
    `!ENV` or `!!python/name:...` as plain values instead of failing."""


def plain_value(loader: yaml.SafeLoader, _suffix: str, node: yaml.Node) -> object:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


TolerantLoader.add_multi_constructor("!", plain_value)
TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", plain_value)


class ConfigError(Exception):
    """A config that cannot be read, as `path:line: message`."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        self.path, self.line, self.message = path, line, message
        super().__init__(f"{path}:{line}: {message}")


def _merge(base: dict, override: dict) -> dict:
    """Deep merge of mappings (lists are replaced), as MkDocs applies INHERIT."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def read_config(path: Path, _seen: tuple[Path, ...] = ()) -> dict:
    """A MkDocs config as a dict, with INHERIT applied."""
    if path.resolve() in _seen:
        raise ConfigError(path, 1, "INHERIT points back to a config that inherits from it")
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=TolerantLoader)
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(path, 1, f"cannot read file: {error}") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ConfigError(path, mark.line + 1 if mark else 1, f"invalid YAML: {error}") from None
    if not isinstance(data, dict):
        raise ConfigError(path, 1, "a MkDocs config must be a YAML mapping")
    parent = data.pop("INHERIT", None)
    if isinstance(parent, str) and parent:
        data = _merge(read_config(path.parent / parent, (*_seen, path.resolve())), data)
    return data
