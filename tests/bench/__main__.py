"""`make bench`: print measured figures, one section per module.

Each section module in this folder (tests/bench/) has `run() -> list[tuple[str, str]]`
returning (figure, value) rows; this runner prints them under the module's
title. Figures are measured on this machine each time; nothing is hard-coded.
"""

from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    failed = 0
    for path in sorted(HERE.glob("[a-z]*.py")):
        module = importlib.import_module(f"bench.{path.stem}")
        title = (module.__doc__ or path.stem).strip().split("\n")[0]
        print(f"\n== {title}")
        started = time.perf_counter()
        try:
            rows = module.run()
        except Exception as error:  # noqa: BLE001 - one failing section must not hide the others
            print(f"   could not measure: {type(error).__name__}: {error}")
            failed += 1
            continue
        width = max((len(name) for name, _ in rows), default=0)
        for name, value in rows:
            print(f"   {name.ljust(width)}  {value}")
        print(f"   ({time.perf_counter() - started:.1f} s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
