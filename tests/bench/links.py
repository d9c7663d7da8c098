"""Link check: time of lychee's offline run (`make linkcheck`) on the built site."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kb import ROOT, linkcheck

MKDOCS = Path(sys.executable).with_name("mkdocs")
RUNS = 3


def build(site: Path) -> None:
    """Both languages and the post-build steps, as `make build` does, into `site`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for config, out in (("mkdocs.yml", site), ("mkdocs.en.yml", site / "en")):
        command = [str(MKDOCS), "build", "--strict", "--quiet", "-f", config, "-d", str(out)]
        subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)
    postbuild = [sys.executable, "-m", "kb", "postbuild", str(site)]
    subprocess.run(postbuild, cwd=ROOT, check=True, capture_output=True)


def run() -> list[tuple[str, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp, "site")
        build(site)
        times = []
        for _ in range(RUNS):
            started = time.perf_counter()
            results, stats = linkcheck.offline(site)
            times.append(time.perf_counter() - started)
    return [
        (
            "lychee --offline --include-fragments",
            f"{statistics.median(times):.2f} s median of {RUNS} "
            f"({stats['files']} files, {stats['links']} links, {len(results)} broken)",
        )
    ]
