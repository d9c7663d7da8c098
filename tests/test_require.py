"""A missing tool stops `make` with one line saying what is missing and how to
get it, never a traceback."""

from __future__ import annotations

import subprocess
from pathlib import Path

REQUIRE = Path(__file__).resolve().parents[1] / "scripts" / "require.sh"


def require(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["bash", str(REQUIRE), *args],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", **(env or {})},
    )


def test_python_present_and_recent_passes():
    assert require("python", "python3").returncode == 0


def test_missing_python_is_one_line():
    result = require("python", "python3.99")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "python3.99 not found" in result.stderr and "install" in result.stderr


def test_old_python_is_one_line(tmp_path: Path):
    fake = tmp_path / "python3"
    fake.write_text("#!/bin/sh\n[ \"$1\" = --version ] && echo 'Python 3.8.10'; exit 1\n")
    fake.chmod(0o755)
    result = require("python", str(fake))
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "error: Python 3.8.10 is too old: install Python 3.11 or newer, "
        "or run make PYTHON=python3.11"
    )


def test_missing_chromium_is_one_line():
    result = require("chromium", env={"CHROMIUM": "/nonexistent/chromium"})
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "apt-get install chromium" in result.stderr


def test_missing_npm_is_one_line(tmp_path: Path):
    result = subprocess.run(
        ["/bin/bash", str(REQUIRE), "npm"], capture_output=True, text=True,
        env={"PATH": str(tmp_path)},
    )  # fmt: skip
    assert result.returncode == 1
    assert "npm not found" in result.stderr and result.stderr.count("\n") == 1


def fake_fonts(tmp_path: Path, listing: str) -> dict:
    """A PATH whose fc-list lists `listing` and that has no apt-get."""
    (tmp_path / "fc-list").write_text(f"#!/bin/sh\nprintf '{listing}'\n")
    (tmp_path / "fc-list").chmod(0o755)
    (tmp_path / "grep").symlink_to("/bin/grep")
    return {"PATH": str(tmp_path)}


def test_chinese_font_present_passes(tmp_path: Path):
    env = fake_fonts(tmp_path, "/usr/share/fonts/NotoSansCJK.ttc: Noto Sans CJK SC\\n")
    result = subprocess.run(
        ["/bin/bash", str(REQUIRE), "cjk-font"], capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stderr


def test_missing_chinese_font_is_one_line(tmp_path: Path):
    env = fake_fonts(tmp_path, "")
    result = subprocess.run(
        ["/bin/bash", str(REQUIRE), "cjk-font"], capture_output=True, text=True, env=env
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "apt-get install fonts-noto-cjk" in result.stderr
