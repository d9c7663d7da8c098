"""The one reader of the MkDocs configs (mkdocs.yml, mkdocs.en.yml).

Every tool (checks, post-build steps, scaffold, contributor-guide generator,
link check, tests, bench) reads the configs through `read_config` or
`read_chain`: safe YAML that tolerates MkDocs' application tags, each file
parsed once (values and the line of every key from one parse), and INHERIT
merged once, the way MkDocs merges it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml


class TextLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Safe YAML (no code runs) that keeps dates as text (the schemas check
    their format) and reads application tags such as MkDocs' `!ENV` or
    `!!python/name:...` as plain values instead of failing. Uses libyaml's
    parser when PyYAML has it (about 8 times faster)."""


TextLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def plain_value(loader: yaml.SafeLoader, _suffix: str, node: yaml.Node) -> object:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


TextLoader.add_multi_constructor("!", plain_value)
TextLoader.add_multi_constructor("tag:yaml.org,2002:python/", plain_value)


class ConfigError(Exception):
    """A config that cannot be read, as `path:line: message`."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        self.path, self.line, self.message = path, line, message
        super().__init__(f"{path}:{line}: {message}")


@dataclass(frozen=True)
class ConfigFile:
    """One config file as written: its own values (INHERIT not applied) and
    the composed node tree, which knows the line of every key."""

    path: Path
    data: dict
    node: yaml.MappingNode

    def node_at(self, *keys: str) -> yaml.Node | None:
        """The node of a nested key, e.g. node_at("plugins", "redirects")."""
        node: yaml.Node | None = self.node
        for key in keys:
            if not isinstance(node, yaml.MappingNode):
                return None
            node = next((value for k, value in node.value if str(k.value) == key), None)
        return node


def read_file(path: Path) -> ConfigFile:
    """Parse one config file (once: the values are constructed from the nodes)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(path, 0, f"{path.name} not found") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(path, 0, f"cannot read {path.name}: {error}") from None
    loader = TextLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        # One line: the parser's own message repeats the position on extra lines.
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise ConfigError(path, mark.line + 1 if mark else 0, f"invalid YAML: {problem}") from None
    finally:
        loader.dispose()
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise ConfigError(path, 1, "a MkDocs config must be a YAML mapping")
    return ConfigFile(path, data, node)


def read_chain(path: Path) -> list[ConfigFile]:
    """The config and every config it INHERITs, nearest first."""
    chain: list[ConfigFile] = []
    while True:
        if any(path.resolve() == seen.path.resolve() for seen in chain):
            raise ConfigError(path, 1, "INHERIT points back to a config that inherits from it")
        config = read_file(path)
        chain.append(config)
        parent = config.data.get("INHERIT")
        if not (isinstance(parent, str) and parent):
            return chain
        path = path.parent / parent


def merge(base: dict, override: dict) -> dict:
    """Deep merge of mappings (lists are replaced), as MkDocs applies INHERIT."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def resolve(chain: list[ConfigFile]) -> dict:
    """The effective config of a chain from read_chain, INHERIT applied."""
    data: dict = {}
    for config in reversed(chain):
        data = merge(data, config.data)
    data.pop("INHERIT", None)
    return data


def read_config(path: Path) -> dict:
    """A MkDocs config as MkDocs sees it: a dict, with INHERIT applied."""
    return resolve(read_chain(path))
