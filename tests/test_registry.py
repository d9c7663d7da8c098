"""Every code any tool can print is registered, so it is listed by
`make check ARGS=--list-rules` (code, severity, name, file) and documented on
the generated rules page."""

from __future__ import annotations

import io
import re
import subprocess
import tokenize
from pathlib import Path

from kb.findings import RULES, prefix_of
from support.commands import KB, kb_env

ROOT = Path(__file__).resolve().parents[1]
CODE = re.compile(r"\b[A-Z]{2,5}[0-9]{3}\b")


def code_literals(text: str) -> set[str]:
    """Codes written in the string literals of Python source (not in comments)."""
    tokens = tokenize.generate_tokens(io.StringIO(text).readline)
    return {
        code
        for token in tokens
        if token.type in (tokenize.STRING, getattr(tokenize, "FSTRING_MIDDLE", -1))
        for code in CODE.findall(token.string)
    }


def test_scan_finds_codes_in_strings_not_comments():
    source = 'x = f"{path}: AB123 bad"  # CD456\ny = "no XYZW12 or ABCDEF123"\n'
    assert code_literals(source) == {"AB123"}


def test_every_code_in_the_tools_source_is_registered():
    found = {}
    for path in sorted((ROOT / "scripts").rglob("*.py")):
        for code in code_literals(path.read_text(encoding="utf-8")):
            found.setdefault(code, path.relative_to(ROOT).as_posix())
    unregistered = {code: path for code, path in found.items() if code not in RULES}
    assert unregistered == {}
    assert {"FEED001", "FEED021", "VOC001", "VOC003", "SRCH001"} <= set(found)


def test_rule_modules_are_named_by_code_prefix():
    for code, rule in RULES.items():
        module = rule.check.__module__.rsplit(".", 1)[-1]
        assert module.split("_")[0] == prefix_of(code).lower(), (code, module)


def test_list_rules_prints_code_severity_name_and_file():
    result = subprocess.run(
        [*KB, "check", "--list-rules"],
        capture_output=True,
        text=True,
        env=kb_env(),
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert [row[0] for row in rows] == sorted(RULES)
    for code, severity, name, path in rows:
        rule = RULES[code]
        assert (severity, name) == (rule.severity.value, rule.name)
        assert path == f"scripts/kb/rules/{rule.check.__module__.rsplit('.', 1)[-1]}.py"
        assert (ROOT / path).is_file()
