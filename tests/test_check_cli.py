"""`python -m kb check` as contributors and CI run it: output format, sorting,
summary, GitHub annotations and exit codes, on fixture trees, in a subprocess."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from kb import rules  # noqa: F401 - registers the rules and their families
from kb.findings import FAMILIES, prefix_of
from support.commands import KB, kb_env

FINDING = re.compile(
    r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): "
    r"(?P<code>[A-Z]{2}\d{3}) (?P<severity>error|warning): \S.*$"
)
SUMMARY = re.compile(r"^\d+ pages checked: \d+ errors?, \d+ warnings?$")


def run(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*KB, "check", "--root", str(root), *args],
        capture_output=True,
        text=True,
        env=kb_env(KB_TODAY="2026-11-28"),
        timeout=120,
    )


def finding_lines(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if FINDING.match(line)]


@pytest.fixture
def clean_tree(make_tree, page):
    return make_tree(
        {
            "zh/index.md": page("首页", kind="home"),
            "en/index.md": page("Home", kind="home"),
            "zh/a.md": page("登录问题"),
            "en/a.md": page("Sign-in problems"),
        }
    )


@pytest.fixture
def broken_tree(clean_tree):
    zh = clean_tree / "docs" / "zh" / "a.md"
    text = zh.read_text(encoding="utf-8")
    zh.write_text(
        text.replace("kind: guide", "kind: guide\ntittle: x").replace(
            "# 登录问题 {", "# 登录失败 {"
        ),
        encoding="utf-8",
    )
    en = clean_tree / "docs" / "en" / "index.md"
    en.write_text(
        en.read_text(encoding="utf-8").replace("2026-11-28", "2026-04-01"), encoding="utf-8"
    )
    return clean_tree


def test_clean_tree_exits_0_with_only_a_summary(clean_tree):
    result = run(clean_tree)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == ["4 pages checked: 0 errors, 0 warnings"]
    assert result.stderr == ""


def test_errors_exit_1_sorted_with_fix_and_summary(broken_tree):
    result = run(broken_tree)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    findings = finding_lines(result.stdout)
    assert [FINDING.match(line)["code"] for line in findings] == [
        "FR001",
        "TR004",
        "FM008",
        "ST008",
    ]
    keys = [
        (m["path"], int(m["line"]), int(m["col"]), m["code"]) for m in map(FINDING.match, findings)
    ]
    assert keys == sorted(keys)
    # every finding is followed by its fix and the link to the rule's documentation
    for index, line in enumerate(lines[:-1]):
        if FINDING.match(line):
            code = FINDING.match(line)["code"].lower()
            assert lines[index + 1].startswith("    fix: ")
            family = FAMILIES[prefix_of(code.upper())].id  # the code's family page
            assert lines[index + 1].endswith(f"/contributing/rules/{family}/#{code})")
    assert SUMMARY.match(lines[-1])
    assert lines[-1] == "4 pages checked: 2 errors, 2 warnings"


def test_warnings_alone_exit_0(clean_tree):
    en = clean_tree / "docs" / "en" / "a.md"
    en.write_text(
        en.read_text(encoding="utf-8").replace("2026-11-28", "2026-04-01"), encoding="utf-8"
    )
    result = run(clean_tree)
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1] == "4 pages checked: 0 errors, 2 warnings"


def test_github_format_prints_annotations(broken_tree):
    result = run(broken_tree, "--format", "github")
    assert result.returncode == 1
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert len(annotations) == 4
    assert annotations[2].startswith("::error file=docs/zh/a.md,line=5,col=1,title=FM008::")
    assert annotations[0].startswith("::warning file=docs/en/index.md,line=")
    assert all("%0AFix: " in line for line in annotations)
    assert SUMMARY.match(result.stdout.splitlines()[-1])


def test_select_runs_only_those_codes(broken_tree):
    result = run(broken_tree, "--select", "fm008")
    assert [FINDING.match(line)["code"] for line in finding_lines(result.stdout)] == ["FM008"]
    assert result.returncode == 1


@pytest.mark.parametrize("args", [["--select", "FM999"], ["--select", "FM001,XX1"], ["--bogus"]])
def test_usage_errors_exit_2_with_one_line(clean_tree, args):
    result = run(clean_tree, *args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    if args[0] == "--select":
        assert result.stderr.strip().count("\n") == 0
        assert "unknown rule code" in result.stderr


def test_missing_root_exits_2(tmp_path):
    result = run(tmp_path / "nowhere")
    assert result.returncode == 2
    assert "docs not found" in result.stderr
    assert "Traceback" not in result.stderr


def test_list_rules_lists_every_code(clean_tree):
    result = run(clean_tree, "--list-rules")
    assert result.returncode == 0
    codes = [line.split("\t")[0] for line in result.stdout.splitlines()]
    assert codes == sorted(codes)
    assert {"FM001", "ST001", "TR001", "TY001", "FR001"} <= set(codes)


def test_garbage_never_produces_a_traceback(clean_tree):
    (clean_tree / "docs" / "zh" / "a.md").write_bytes(bytes(range(256)) * 4)
    (clean_tree / "docs" / "en" / "a.md").write_bytes(b"---\n\t: [\n" + "\u00a0".encode() * 9)
    (clean_tree / "docs" / "zh" / "Bad Name.md").write_bytes(b"\xef\xbb\xbf\r\n# \r\n")
    (clean_tree / "mkdocs.en.yml").write_bytes(b"nav: [\x00\xff")
    result = run(clean_tree)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stderr == ""
    for line in result.stdout.splitlines()[:-1]:
        assert FINDING.match(line) or line.startswith("    fix: "), line
