"""How tests run the project's CLI in a subprocess, exactly as the Makefile does."""

from __future__ import annotations

import os
import sys

from kb import ROOT

KB = [sys.executable, "-m", "kb"]


def kb_env(base: dict[str, str] | None = None, **extra: str) -> dict[str, str]:
    """The environment for `python -m kb`: scripts/ on PYTHONPATH, as the Makefile sets it."""
    env = dict(os.environ if base is None else base)
    env["PYTHONPATH"] = str(ROOT / "scripts")
    env.update(extra)
    return env
