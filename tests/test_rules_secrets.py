"""SC001: secrets in any file under docs/, code blocks included."""

from __future__ import annotations

import pytest

SECRETS = [
    "AKIAIOSFODNN7EXAMPLA",
    "ghp_" + "a1B2" * 9,
    "github_pat_" + "A1b2C3d4E5" * 3,
    "-----BEGIN RSA PRIVATE KEY-----",
    "-----BEGIN OPENSSH PRIVATE KEY-----",
    "amzn1.application-oa2-client." + "0123456789abcdef" * 2,
    "amzn1.oa2-cs.v1." + "0123456789abcdef" * 4,
    "Atzr|" + "IwEBIA-x_" * 6,
    "password: Hunter2024!",
    'client_secret = "s3cr3tValue99"',
    "密码：Abc12345",
    "xoxb-1234567890-abcdefghij",
    "AIza" + "SyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY"[:35],
]
NOT_SECRETS = [
    "password: <your password>",
    "client_secret: <your LWA client secret>",
    "password: ********",
    "Enter your password: it is never sent to us.",
    "The client ID starts with `amzn1.application-oa2-client.` and is followed by 32 letters.",
    "密码：至少 8 个字符",
]


def tree(make_tree, page, body):
    return make_tree(
        {
            "zh/index.md": page("首页", "文字。\n", heading_id="home"),
            "en/index.md": page("Home", body, heading_id="home"),
        }
    )


@pytest.mark.parametrize("secret", SECRETS)
@pytest.mark.parametrize("in_code", [False, True])
def test_secret_is_found(make_tree, page, check, line, secret, in_code):
    body = f"```text\n{secret}\n```\n" if in_code else f"{secret}\n"
    findings = check(tree(make_tree, page, body), "SC001")
    assert [(f.path, f.line) for f in findings] == [("docs/en/index.md", line(1 if in_code else 0))]


@pytest.mark.parametrize("text", NOT_SECRETS)
def test_placeholder_or_prose_passes(make_tree, page, check, text):
    assert check(tree(make_tree, page, f"{text}\n"), "SC001") == []


def test_other_text_files_and_includes(make_tree, page, check):
    root = tree(make_tree, page, "Text.\n")
    (root / "docs" / "en" / "data.json").write_text('{"token": "ghp_' + "x1" * 18 + '"}')
    (root / "docs" / "includes").mkdir()
    (root / "docs" / "includes" / "abbreviations.en.md").write_text(
        "*[KEY]: AKIAIOSFODNN7EXAMPLA\n"
    )
    paths = sorted(f.path for f in check(root, "SC001"))
    assert paths == ["docs/en/data.json", "docs/includes/abbreviations.en.md"]


def _pair(page, zh_body="文字。\n", en_body="Text.\n", **meta):
    return {
        "zh/index.md": page("首页", zh_body, heading_id="home", **meta),
        "en/index.md": page("Home", en_body, heading_id="home", **meta),
    }


def test_secret_in_a_file_of_any_name_and_an_mws_token_are_found(make_tree, page, check, line):
    token = "amzn.mws.4ea38b7b-f563-7709-4bae-87aea1b2c3d4"
    files = _pair(page, en_body=f"{token}\n")
    files["en/sign-in/tools.env"] = "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLA\n"
    findings = check(make_tree(files), "SC001")
    assert sorted((f.path, f.line) for f in findings) == [
        ("docs/en/index.md", line(0)),
        ("docs/en/sign-in/tools.env", 1),
    ]
