"""Site build: time of `mkdocs build --strict` per language, and output size."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kb import ROOT

MKDOCS = Path(sys.executable).with_name("mkdocs")


def _size(path: Path) -> int:
    return sum(file.stat().st_size for file in path.rglob("*") if file.is_file())


def run() -> list[tuple[str, str]]:
    rows = []
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        for lang, config, out in (("zh", "mkdocs.yml", "site"), ("en", "mkdocs.en.yml", "site/en")):
            started = time.perf_counter()
            subprocess.run(
                [str(MKDOCS), "build", "--strict", "--quiet", "-f", config, "-d", f"{tmp}/{out}"],
                cwd=ROOT, env=env, check=True, capture_output=True,
            )  # fmt: skip
            seconds = time.perf_counter() - started
            pages = len(list(Path(tmp, out).rglob("index.html")))
            rows.append((f"build {lang}", f"{seconds:.2f} s ({pages} pages)"))
        rows.append(("site size (both languages)", f"{_size(Path(tmp, 'site')) / 1e6:.1f} MB"))
    return rows
