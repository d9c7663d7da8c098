"""Spread per-page work over the machine's cores when there is enough of it.

Parsing Markdown and linting Chinese text are CPU-bound Python/Rust calls; with
thousands of pages a process pool divides the time by the number of cores. A
small tree (the real one has ~80 pages) stays in one process, where starting
workers would cost more than it saves. KB_WORKERS=1 turns the pool off.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")
MIN_ITEMS = 200


def workers() -> int:
    pinned = os.environ.get("KB_WORKERS", "")
    return int(pinned) if pinned.isdigit() and int(pinned) > 0 else min(os.cpu_count() or 1, 8)


def parallel_map(function: Callable[[T], R], items: Iterable[T]) -> list[R]:
    """`[function(item) for item in items]`, in worker processes when worthwhile.
    `function` must be a module-level function; items and results must pickle."""
    items = list(items)
    count = workers()
    if len(items) < MIN_ITEMS or count < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [function(item) for item in items]
    with multiprocessing.get_context("fork").Pool(count) as pool:
        return pool.map(function, items, chunksize=max(1, len(items) // (count * 4)))
