"""Secrets pasted into a page: access keys, tokens, private keys, passwords
and Amazon Login with Amazon / SP-API client credentials. The patterns follow
gitleaks' rules for the same services (a pattern per credential format, plus
`password: …`-style assignments with a value that is not a placeholder).
Checked in every text file under docs/, code blocks included: a secret in a
code block is still published."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Severity, family, rule, rule_doc

SECRETS = (
    ("AWS access key ID", re.compile(r"\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b")),
    (
        "AWS secret access key",
        re.compile(r"(?i)aws.{0,20}secret.{0,20}[:=]\s*[\"']?[A-Za-z0-9/+=]{40}\b"),
    ),
    ("GitHub token", re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})")),
    ("private key", re.compile(r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----")),
    (
        "Login with Amazon (SP-API) client ID",
        re.compile(r"amzn1\.application-oa2-client\.[0-9a-f]{32}", re.IGNORECASE),
    ),
    ("Login with Amazon client secret", re.compile(r"amzn1\.oa2-cs\.v1\.[0-9a-f]{64}", re.I)),
    ("Login with Amazon refresh token", re.compile(r"Atzr\|[A-Za-z0-9_\-]{40,}")),
    (
        "Amazon MWS auth token",
        re.compile(
            r"amzn\.mws\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I
        ),
    ),
    ("Slack token", re.compile(r"\bxox[baprs]-[0-9A-Za-z-]{10,}")),
    ("Google API key", re.compile(r"\bAIza[0-9A-Za-z_\-]{35}\b")),
    ("Stripe secret key", re.compile(r"\b[sr]k_live_[0-9A-Za-z]{20,}")),
)
# `password: hunter22`, `client_secret = "…"`, `密码：abc12345`.
ASSIGNMENT = re.compile(
    r"(?i)(?<![\w-])(password|passwd|pwd|passcode|client[_ -]?secret|secret[_ -]?key|api[_ -]?key"
    r"|access[_ -]?token|refresh[_ -]?token|auth[_ -]?token|密码|口令|密钥)"
    r"[\"']?\s*[:=：]\s*[\"']?([^\s\"'`，。,;]{6,})"
)
# Values that show the shape of a secret, not a secret.
PLACEHOLDER = re.compile(
    r"^(?:[*x•.·_-]+|<[^>]*>|\{[^}]*\}|\$\{?\w+\}?|(?:your|my|example|sample|placeholder|"
    r"changeme|redacted|dummy|none|null|true|false)\b.*|.*(?:example|placeholder|redacted)\b.*"
    r"|.*[<>…].*)$",  # angle brackets or an ellipsis: a shape shown, not a value
    re.IGNORECASE,
)


def secrets_in(text: str) -> Iterator[tuple[int, int, str]]:
    for number, line in enumerate(text.split("\n"), start=1):
        for what, pattern in SECRETS:
            for match in pattern.finditer(line):
                yield number, match.start() + 1, what
        for match in ASSIGNMENT.finditer(line):
            value = match.group(2)
            if PLACEHOLDER.match(value) or not re.search(r"[A-Za-z0-9]", value):
                continue
            yield number, match.start() + 1, f"a {match.group(1).lower()} value"


family(
    "SC",
    "secrets",
    title={"en": "Secrets (SC)", "zh": "密钥（SC）"},
    doc={
        "en": """\
Nothing under `docs/` may hold a password, token, private key or API credential: the repository and the site are public, and a pasted secret is published the moment it is merged.
""",
        "zh": """\
`docs/` 下不能出现密码、令牌、私钥或 API 凭证：仓库和网站都是公开的，粘贴进来的密钥一合并就公开了。
""",
    },
)


@rule(
    "SC001",
    "secret-in-docs",
    Severity.ERROR,
    "A file under docs/ holds what looks like a secret: an access key, a token, a private key, "
    "a password or an Amazon LWA/SP-API client credential.",
    "Remove it and rotate it now (it is in the git history: treat it as leaked). Show the shape "
    "of a value with a placeholder such as `<client-secret>`.",
    title={"en": "Secret in the docs", "zh": "文档里有密钥或密码"},
    doc=rule_doc(
        "Everything under docs/ is published and stays in the git history; a pasted token or "
        "client secret gives anyone access to the account it belongs to.",
        "client_secret: amzn1.oa2-cs.v1.3f0c…(64 hex digits)",
        "client_secret: <your LWA client secret>",
        "docs/ 下的一切都会公开，并永久留在 git 历史中；"
        "粘贴的令牌或客户端密钥会让任何人进入对应的账号。",
        "client_secret: amzn1.oa2-cs.v1.3f0c……（64 位十六进制）",
        "client_secret: <你的 LWA 客户端密钥>",
    ),
)
def secret_in_docs(docs, self):
    for page in docs.checked:
        if page.text is None:
            continue
        for line, col, what in secrets_in(page.text):
            yield self.at(page.display, line, col, f"looks like {what}")
    for path in docs.other_files:
        # Every file that is text, whatever its name (.env, .toml, .py are
        # published too): a NUL byte marks a binary file (an image).
        try:
            raw = (docs.root / path).read_bytes()[:2_000_000]
        except OSError:
            continue  # IO002 reports unreadable files
        if b"\0" in raw[:8192]:
            continue
        text = raw.decode("utf-8", errors="replace")
        for line, col, what in secrets_in(text):
            yield self.at(path.as_posix(), line, col, f"looks like {what}")
