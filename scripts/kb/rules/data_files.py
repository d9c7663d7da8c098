"""What the rules of the search's data files share (VOC, IMC, YUE): each
file is validated by the search-index build step's own loader
(kb/build/search_index.py), which raises a SearchIndexError with the rule's
code at the first problem, so `make check` and `make build` report the same
error. Registers no rule of its own."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from ..build import search_index
from ..findings import Finding, once_per_tree, relative_path


def loader_findings(relative: str, load: Callable[[Path], object]) -> Callable:
    """The findings function for the rules of the data file `relative` (from
    the repository root): the loader's error, under the rule of its code. A
    tree without the file (a fixture) has none: the build reads the
    project's own."""

    @once_per_tree
    def errors(docs) -> list[search_index.SearchIndexError]:
        path = docs.root / relative
        if not path.exists():
            return []
        try:
            load(path)
        except search_index.SearchIndexError as error:
            return [error]
        return []

    def findings(docs, self) -> Iterator[Finding]:
        for error in errors(docs):
            if error.code == self.code:
                yield self.at(relative_path(docs.root, error.path), error.line, 0, error.message)

    return findings
