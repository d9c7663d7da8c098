"""Property-based tests: whatever a file contains, parsing it and running every
rule returns findings; no exception escapes."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from kb.findings import Finding
from kb.runner import run_rules
from kb.site.model import load_docs, load_page

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CONFIGS = {
    "mkdocs.yml": "site_name: t\ndocs_dir: docs/zh\nnav:\n  - a.md\n",
    "mkdocs.en.yml": "INHERIT: mkdocs.yml\ndocs_dir: docs/en\nnav:\n  - a.md\n",
}
KEYS = ["title", "description", "kind", "last_reviewed", "keywords", "sources", "hide", "search"]


def check_content(zh: bytes, en: bytes | None = None, configs: dict | None = None):
    """Write one page pair and the configs into a fresh tree; parse and run every rule."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name, text in (configs or CONFIGS).items():
            (root / name).write_bytes(text if isinstance(text, bytes) else text.encode())
        for lang, content in (("zh", zh), ("en", zh if en is None else en)):
            (root / "docs" / lang).mkdir(parents=True)
            (root / "docs" / lang / "a.md").write_bytes(content)
        page = load_page(root, root / "docs" / "zh" / "a.md", "zh")
        assert page.rel == "a.md"
        findings = run_rules(load_docs(root))
    assert all(isinstance(finding, Finding) for finding in findings)
    for finding in findings:
        assert finding.line >= 0 and finding.col >= 0
        assert len(finding.message.splitlines()) == 1
    return findings


# Text that looks like Markdown and YAML: the characters that matter to both parsers.
PIECES = [
    *"#-*_`[]()!<>{}:|\\/'\"&.=~+ \t\n\r\u00a0\u200b\ufeff",
    *["登录", "a", "1", "---\n", "```\n", "{ #id }", "](x.md)", "<a href=", "\r\n", "\n## "],
]
markdownish = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=80).map("".join)

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True)
    | st.text(max_size=40),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.text(max_size=12) | st.sampled_from(KEYS), children, max_size=5)
    ),
    max_leaves=20,
)
front_matter_values = st.dictionaries(
    st.sampled_from([*KEYS, "url", "accessed", "title：", "last-reviewed"]) | st.text(max_size=10),
    json_values,
    max_size=8,
)


@SETTINGS
@given(st.binary(max_size=2000))
def test_arbitrary_bytes(content):
    check_content(content)


@SETTINGS
@given(st.binary(max_size=300), st.binary(max_size=300))
def test_arbitrary_bytes_after_a_valid_start(head, tail):
    check_content(b"---\ntitle: x\n" + head + b"\n---\n\n# x { #x }\n" + tail, head + tail)


@SETTINGS
@given(markdownish, markdownish)
def test_arbitrary_markdown_and_yaml_text(front, body):
    check_content(f"---\n{front}\n---\n{body}".encode(), f"{body}\n---\n{front}".encode())


@SETTINGS
@given(front_matter_values, markdownish)
def test_arbitrary_front_matter_values(values, body):
    try:
        dumped = yaml.safe_dump(values, allow_unicode=True)
    except (yaml.YAMLError, ValueError):
        return
    check_content(f"---\n{dumped}---\n\n{body}".encode())


@SETTINGS
@given(
    st.lists(
        st.tuples(
            st.sampled_from([*KEYS, "  - title", "    url", "  -", "\t"]),
            st.sampled_from([": ", ":", "：", " : ", ": [", ": {", ": '", ": |\n", ": &a", ": *a"]),
            markdownish,
        ),
        max_size=8,
    )
)
def test_yaml_ish_lines(lines):
    front = "\n".join(f"{key}{sep}{value}" for key, sep, value in lines)
    check_content(f"---\n{front}\n---\n\n# 标题 {{ #title }}\n".encode())


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=500), markdownish)
def test_arbitrary_configs(config_bytes, config_text):
    check_content(
        b"---\ntitle: x\n---\n\n# x { #x }\n",
        configs={"mkdocs.yml": config_bytes, "mkdocs.en.yml": config_text.encode()},
    )
