"""Link policy: readers follow our links to sign in to their seller account, so
every address must be one they can trust.

https only; Amazon addresses only on the allowlist in
data/official-amazon-hosts.txt; no look-alike or disguised hosts; no
`javascript:`/`data:` URLs; no active or third-party-loading raw HTML.
Links in the page body, raw HTML and the source registry (data/sources.yml)
are all checked; a registry URL is reported at its line in that file.
URL parsing is the standard library's; the host rules are ours because no
library knows which hosts are Amazon's.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from confusable_homoglyphs.confusables import confusables_data

from .. import ROOT
from ..findings import Severity, family, rule, rule_doc
from ..site.model import Docs, Page, source_lines
from ..site.sources import REGISTRY, Registry, registry_of
from .lk_links import shown

ALLOWLIST = Path("data/official-amazon-hosts.txt")
SHORTENERS = Path("data/url-shorteners.txt")
# A bare address in link text: `sellercentral.amazon.com/…` or `https://…`.
URL_TEXT = re.compile(
    r"^\s*(?:https?://)?((?:[a-z0-9\u00a1-\uffff-]+\.)+[a-z\u00a1-\uffff]{2,})(?:[/:?#]\S*)?\s*$",
    re.IGNORECASE,
)
# The repository's own list, used for trees without one (fixtures, bench corpus).
DEFAULT_ALLOWLIST = ROOT / ALLOWLIST
BRAND = re.compile(r"amazon|amzn")
HOST_LINE = re.compile(
    r"^(?:\*\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$"
)
# Browsers read 3232235777, 0x7f.1 or 127.1 as IPv4 addresses too.
NUMERIC_HOST = re.compile(r"^(?:0x[0-9a-f]*|\d+)(?:\.(?:0x[0-9a-f]*|\d+)){0,3}\.?$")
SAFE_SCHEMES = {"https", "mailto", "tel"}
SCRIPT_SCHEMES = {"javascript", "data", "vbscript"}
ACTIVE_TAGS = {"script", "iframe", "frame", "object", "embed", "applet"}
ATTR_LIST = re.compile(r"\{:?[ \t]*([^{}\n]*=[^{}\n]*)\}")
EVENT_ATTR = re.compile(r"(?:^|\s)(on[a-z]+)\s*=", re.IGNORECASE)
STYLE_URL = re.compile(r"url\s*\(|@import|expression\s*\(", re.IGNORECASE)


@dataclass
class Allowlist:
    path: str
    hosts: set[str] = field(default_factory=set)
    wildcards: set[str] = field(default_factory=set)  # "example.com" for `*.example.com`
    domains: set[str] = field(default_factory=set)
    errors: list[tuple[int, str]] = field(default_factory=list)

    def allows(self, host: str) -> bool:
        return host in self.hosts or any(d in self.wildcards for d in _parents(host)[1:])

    def is_amazon(self, host: str) -> bool:
        return any(d in self.domains for d in _parents(host))


def _parents(host: str) -> list[str]:
    """The host and each domain above it: a.b.c -> [a.b.c, b.c, c]."""
    labels = host.split(".")
    return [".".join(labels[i:]) for i in range(len(labels))]


def load_allowlist(root: Path) -> Allowlist:
    path = root / ALLOWLIST if (root / ALLOWLIST).is_file() else DEFAULT_ALLOWLIST
    shown = ALLOWLIST.as_posix() if path == root / ALLOWLIST else f"{path} (default)"
    allowlist = Allowlist(shown)
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as error:
        allowlist.errors.append((0, f"cannot read the Amazon host allowlist: {error}"))
        return allowlist
    section = None
    for number, line in enumerate(lines, start=1):
        entry = line.split("#", 1)[0].strip().lower()
        if not entry:
            continue
        if entry in ("[hosts]", "[amazon-domains]"):
            section = entry
        elif not HOST_LINE.match(entry) or section is None:
            where = "" if section else " (before a [hosts] or [amazon-domains] line)"
            allowlist.errors.append((number, f"`{entry}` is not a host name{where}"))
        elif section == "[amazon-domains]":
            allowlist.domains.add(entry.removeprefix("*."))
        elif entry.startswith("*."):
            allowlist.wildcards.add(entry[2:])
        else:
            allowlist.hosts.add(entry)
    return allowlist


@dataclass(frozen=True)
class Address:
    """One URL to judge, wherever it was written."""

    url: str
    line: int
    col: int
    # Registry sources: the registry's schema already requires https:// (CT006),
    # so only the host rules apply to them.
    source: bool = False


def source_addresses(registry: Registry) -> Iterator[Address]:
    """The `url` of every source in data/sources.yml, at the line it is written on."""
    for source in registry.sources.values():
        if isinstance(source.url, str):  # a missing URL is the registry schema's finding
            yield Address(source.url, source.url_line, source.url_col, source=True)


def addresses(page: Page) -> Iterator[Address]:
    if page.text is None:
        return
    for link in page.links:
        yield Address(link.target, link.line, link.col)


def _addresses(docs: Docs) -> Iterator[tuple[str, Iterator[Address]]]:
    """(file to report, its addresses): every page, then the source registry."""
    for page in docs.checked:
        yield page.display, addresses(page)
    yield REGISTRY.as_posix(), source_addresses(registry_of(docs.root))


@dataclass(frozen=True)
class Parsed:
    scheme: str
    host: str | None  # lowercased, no trailing dot; for mailto: the mail domain
    netloc: str
    error: str | None = None


def parse(url: str) -> Parsed:
    text = url.strip()
    try:
        parts = urlsplit(text)
        hostname = parts.hostname
    except ValueError as error:
        return Parsed("", None, "", f"cannot be read as an address ({error})")
    scheme = parts.scheme.lower()
    if scheme == "mailto":
        address = parts.path.split("?", 1)[0]
        domain = address.rsplit("@", 1)[1] if "@" in address else None
        return Parsed(scheme, domain.lower().rstrip(".") if domain else None, "")
    host = hostname.rstrip(".") if hostname else None
    return Parsed(scheme, host, parts.netloc)


def web_address(parsed: Parsed) -> bool:
    return parsed.host is not None and (
        parsed.scheme in ("http", "https", "") or bool(parsed.netloc)
    )


def _display_host(host: str) -> str:
    """`xn--` labels decoded, so the reader sees what a browser may show."""
    try:
        decoded = host.encode("ascii").decode("idna")
    except (UnicodeError, ValueError):
        return host
    return f"{host} (shown as {decoded})" if decoded != host else host


def _is_ip(host: str) -> bool:
    if not (host[:1].isdigit() or ":" in host):
        return False  # a name: IP addresses start with a digit or contain ":"
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return bool(NUMERIC_HOST.match(host))
    return True


def _ascii_look_alikes() -> tuple[dict[str, str], list[tuple[str, str]]]:
    """From Unicode's confusables (the confusable_homoglyphs package's copy of
    confusables.txt): each character that looks like a Latin letter or digit ->
    that lowercase letter, and each ASCII sequence that looks like one letter
    (`rn` -> `m`). Digits map to the letter they imitate (`0` -> `o`, `1` -> `l`)."""
    single: dict[str, str] = {}
    sequences: list[tuple[str, str]] = []
    for char, entries in confusables_data.items():
        letters = sorted(
            {
                e["c"].lower()
                for e in entries
                if len(e["c"]) == 1 and e["c"].isascii() and e["c"].isalpha()
            }
        )
        if (
            len(char) == 1
            and not (char.isascii() and char.isalpha() and char.islower())
            and letters
        ):
            single[char] = letters[0]
        elif len(char) == 1 and char.isascii() and char.isalpha() and char.islower():
            for entry in entries:
                if len(entry["c"]) > 1 and entry["c"].isascii() and entry["c"].isalpha():
                    sequences.append((entry["c"].lower(), char))
    return single, sorted(set(sequences), key=lambda pair: -len(pair[0]))


LOOK_ALIKE_CHARS, LOOK_ALIKE_SEQUENCES = _ascii_look_alikes()


def skeleton(text: str) -> str:
    """What a reader takes `text` for at a glance: amaz0n, arnazon and аmazon
    (Cyrillic а) all become amazon. A confusables skeleton in the spirit of
    Unicode TR39, reduced to Latin letters, which is what host names imitate."""
    text = "".join(LOOK_ALIKE_CHARS.get(char, char) for char in text.lower())
    for sequence, letter in LOOK_ALIKE_SEQUENCES:
        text = text.replace(sequence, letter)
    return text


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Levenshtein distance, stopping early above `limit` (short host labels:
    a dozen lines here beat a dependency)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


# Names compared by edit distance; `amzn` is too short (`amin`, `amen` are words).
BRAND_WORDS = ("amazon", "sellercentral")


def look_alike(host: str, allowlist: Allowlist) -> str | None:
    """Why `host` imitates an Amazon host, or None. Compared by skeleton, and by
    a small edit distance of each label to Amazon's names and of the whole host
    to each allowlisted host (sellercentral.amazon.corn, amazom.com)."""
    shown_host = skeleton(host)
    if BRAND.search(shown_host) and not BRAND.search(host):
        return f"reads as `{shown_host}` (look-alike letters or digits)"
    labels = re.split(r"[.-]", shown_host)
    for label in labels:
        if label == "sellercentral":
            return "uses the name `sellercentral` but is not an Amazon domain"
        for word in BRAND_WORDS:
            if label != word and edit_distance(label, word, 1) <= 1:
                return f"`{label}` is one letter away from `{word}`"
    for official in sorted(allowlist.hosts):
        # Two edits only on long hosts: amazowl.com (a real blog) is two from amazon.com.
        limit = 2 if len(official) >= 15 else 1
        if host != official and edit_distance(shown_host, official, limit) <= limit:
            return f"is a near miss of the official host {official}"
    return None


def load_shorteners(root: Path) -> set[str]:
    path = root / SHORTENERS if (root / SHORTENERS).is_file() else ROOT / SHORTENERS
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return set()
    return {entry for line in lines if (entry := line.split("#", 1)[0].strip().lower())}


def url_text_host(text: str) -> str | None:
    """The host that link text shows, if the text looks like an address."""
    match = URL_TEXT.match(text)
    if not match or " " in text.strip():
        return None
    host = match.group(1).lower().rstrip(".")
    # A file name such as `index.md` or `v1.2` is not an address.
    if host.rsplit(".", 1)[-1] in {
        "md",
        "html",
        "txt",
        "yml",
        "yaml",
        "json",
        "py",
        "js",
        "css",
        "png",
        "svg",
    }:
        return None
    return host


def policy_findings(docs: Docs) -> Iterator[tuple[str, str, Address, str]]:
    """(code, file, address, message) for every link breaking the policy.

    The rules below share this one pass and each keeps its own code.
    """
    allowlist = load_allowlist(docs.root)
    shorteners = load_shorteners(docs.root)
    for page in docs.checked:
        for link in page.links if page.text is not None else []:
            shown_host = url_text_host(link.text) if link.kind == "link" else None
            target = parse(link.target)
            if shown_host and target.host and shown_host != target.host.lower():
                yield (
                    "LP009",
                    page.display,
                    Address(link.target, link.line, link.col),
                    f"the link text shows {shown(shown_host)} but the link goes to "
                    f"{shown(target.host)}",
                )
    for page, found in _addresses(docs):
        for address in found:
            parsed = parse(address.url)
            if parsed.error:
                yield "LP004", page, address, f"`{shown(address.url)}` {parsed.error}"
                continue
            if address.source and parsed.scheme != "https":
                continue  # CT006's finding
            if parsed.scheme in SCRIPT_SCHEMES:
                yield (
                    "LP005",
                    page,
                    address,
                    f"`{shown(parsed.scheme)}:` URL: {shown(address.url, 60)}",
                )
                continue
            if parsed.scheme == "http":
                https = "https" + address.url.strip()[4:]
                yield (
                    "LP001",
                    page,
                    address,
                    f"`{shown(address.url)}` uses http://; use `{shown(https)}`",
                )
            elif parsed.scheme == "" and parsed.netloc:
                yield (
                    "LP001",
                    page,
                    address,
                    f"`{shown(address.url)}` has no scheme; write https://",
                )
            elif parsed.scheme and parsed.scheme not in SAFE_SCHEMES and len(parsed.scheme) > 1:
                yield "LP001", page, address, f"`{shown(address.url)}` is a {parsed.scheme}: link"
            if not parsed.host or not (web_address(parsed) or parsed.scheme == "mailto"):
                continue
            host = parsed.host
            if "@" in parsed.netloc:
                yield (
                    "LP004",
                    page,
                    address,
                    f"`{shown(address.url)}` has a user name before `@`: "
                    f"browsers go to {shown(host)}",
                )
                continue
            if _is_ip(host):
                yield "LP004", page, address, f"`{shown(address.url)}` uses an IP address as host"
                continue
            if not host.isascii() or "xn--" in host or "%" in host:
                yield (
                    "LP004",
                    page,
                    address,
                    f"host {shown(_display_host(host))} uses encoded or non-Latin letters that can "
                    "imitate another name",
                )
                continue
            if any(d in shorteners for d in _parents(host)):
                yield (
                    "LP008",
                    page,
                    address,
                    f"{shown(host)} is a URL shortener: it hides where the link goes",
                )
                continue
            if allowlist.allows(host):
                continue
            if allowlist.is_amazon(host):
                yield (
                    "LP002",
                    page,
                    address,
                    f"{shown(host)} is an Amazon host but not on the allowlist ({allowlist.path})",
                )
            elif BRAND.search(host):
                yield (
                    "LP003",
                    page,
                    address,
                    f"{shown(host)} looks like Amazon but is not an Amazon domain",
                )
            elif why := look_alike(host, allowlist):
                yield "LP007", page, address, f"{shown(host)} imitates an Amazon host: it {why}"


def _policy(docs: Docs, self, code: str):
    for found, path, address, message in _cached_policy(docs):
        if found == code:
            yield self.at(path, address.line, address.col, message)
    if code == "LP002":
        allowlist = load_allowlist(docs.root)
        for line, message in allowlist.errors:
            yield self.at(allowlist.path, line, 1 if line else 0, message)


_last_pass: tuple[Docs, list[tuple[str, str, Address, str]]] | None = None


def _cached_policy(docs: Docs) -> list[tuple[str, str, Address, str]]:
    """One pass over the links shared by LP001-LP005, kept for the last Docs only."""
    global _last_pass
    if _last_pass is None or _last_pass[0] is not docs:
        _last_pass = (docs, list(policy_findings(docs)))
    return _last_pass[1]


family(
    "LP",
    "link-policy",
    title={"en": "Link policy (LP)", "zh": "链接规范（LP）"},
    doc={
        "en": """\
External links use https only; links to Amazon go only to official Amazon domains; pages contain no HTML that runs scripts.

Readers follow our links to sign in to their seller account, so every address must be one they can trust. These rules check every address in the text, in raw HTML and in the front-matter `sources`. The allowlist of official Amazon addresses is `data/official-amazon-hosts.txt`, with the source of each line. Whether external links still open is checked by maintainers with `make linkcheck-external` (it needs the internet, so it does not run in CI).
""",
        "zh": """\
外部链接只用 https；指向亚马逊的链接只能指向官方域名；页面里不能有会执行脚本的 HTML。

读者会顺着我们的链接去登录卖家账户，所以每个网址都必须可信。这些规则检查正文、原始 HTML 和 front matter 里 `sources` 的所有网址。亚马逊官方网址的白名单在 `data/official-amazon-hosts.txt`，每一行都注明了来源。外部链接是否还能打开，由维护者运行 `make linkcheck-external` 检查（需要联网，不在 CI 中运行）。
""",
    },
)


@rule(
    "LP001",
    "not-https",
    Severity.ERROR,
    "An external link does not use https://.",
    "Write the address with https:// (open it in a browser to check it works).",
    title={"en": "Not https", "zh": "没有使用 https"},
    doc={
        "en": """\
An external link uses `http://` or `ftp://`, or leaves out the scheme (`//example.com`).

Failing example:

```markdown
[FTC guidance](http://www.ftc.gov/legal-library/browse/statutes/inform-consumers-act)
```

Fix: use `https://`, and open the address in a browser to check that it works.

```markdown
[FTC guidance](https://www.ftc.gov/legal-library/browse/statutes/inform-consumers-act)
```
""",
        "zh": """\
外部链接使用了 `http://`、`ftp://`，或者省略了协议（`//example.com`）。

错误示例：

```markdown
[FTC 说明](http://www.ftc.gov/legal-library/browse/statutes/inform-consumers-act)
```

改法：改用 `https://`，并在浏览器里打开确认可以访问。

```markdown
[FTC 说明](https://www.ftc.gov/legal-library/browse/statutes/inform-consumers-act)
```
""",
    },
)
def not_https(docs, self):
    yield from _policy(docs, self, "LP001")


@rule(
    "LP002",
    "amazon-host-not-allowlisted",
    Severity.ERROR,
    "A link goes to an Amazon host that is not on the official-host allowlist.",
    "Link to a host listed in data/official-amazon-hosts.txt. If this host is genuinely "
    "Amazon's, add it there with a comment naming the Amazon page that shows it.",
    title={"en": "Amazon address not on the allowlist", "zh": "亚马逊网址不在白名单上"},
    doc={
        "en": """\
A link goes to an Amazon domain, but the host is not on the allowlist in `data/official-amazon-hosts.txt`. Malformed lines of the allowlist file are reported with this code too.

Failing example:

```markdown
[AWS](https://aws.amazon.com/)
```

Fix: link to an official address on the allowlist. If the host really is Amazon's, add a line to the allowlist with a comment naming the official page that shows it is Amazon's, and have a second reviewer confirm it.
""",
        "zh": """\
链接指向亚马逊的域名，但这个主机不在 `data/official-amazon-hosts.txt` 的白名单上。白名单文件里写错的行也用这个代码报告。

错误示例：

```markdown
[AWS](https://aws.amazon.com/)
```

改法：改用白名单上的官方网址。如果这个主机确实属于亚马逊，就在白名单里加一行，并在注释里写明证明它属于亚马逊的官方页面，由另一位审阅者确认。
""",
    },
)
def amazon_host_not_allowlisted(docs, self):
    yield from _policy(docs, self, "LP002")


@rule(
    "LP003",
    "amazon-look-alike-host",
    Severity.ERROR,
    "A link goes to a host that contains “amazon” but is not an Amazon domain.",
    "Remove the link: a look-alike address is how phishing works. Link to the official "
    "Amazon page instead (hosts in data/official-amazon-hosts.txt); to show a fake address "
    "as an example, write it as code, not as a link.",
    title={"en": "Amazon look-alike host", "zh": "仿冒亚马逊的域名"},
    doc={
        "en": """\
The host contains "amazon" or "amzn" but is not an Amazon domain. This is how phishing sites fool people: the real domain is at the end of the host name.

Failing example:

```markdown
[Sign in to Seller Central](https://sellercentral.amazon.com.account-check.example/)
[Sign in to Seller Central](https://amazon-seller-login.com/)
```

Fix: remove the link and link to the official page on the allowlist instead. To show a fake address as an example, write it as code, not as a link:

```markdown
A fake address: `sellercentral.amazon.com.account-check.example`
```
""",
        "zh": """\
主机名里有“amazon”或“amzn”，但不属于亚马逊的域名。钓鱼网站正是这样骗人的：真正的域名在主机名的最后。

错误示例：

```markdown
[登录卖家平台](https://sellercentral.amazon.com.account-check.example/)
[登录卖家平台](https://amazon-seller-login.com/)
```

改法：删除这个链接，改为链接白名单上的官方页面。如果要展示仿冒网址作为例子，用代码格式写出来，不要做成链接：

```markdown
仿冒网址示例：`sellercentral.amazon.com.account-check.example`
```
""",
    },
)
def amazon_look_alike_host(docs, self):
    yield from _policy(docs, self, "LP003")


@rule(
    "LP004",
    "disguised-address",
    Severity.ERROR,
    "A link hides its real host: a user name before `@`, an IP address, or encoded "
    "(punycode, non-Latin or %-encoded) host letters.",
    "Link to the plain address of the site, e.g. https://sellercentral.amazon.com/; to show "
    "a disguised address as an example, write it as code, not as a link.",
    title={"en": "Disguised address", "zh": "伪装的网址"},
    doc={
        "en": """\
The address hides its real host: a plausible name before `@` (the browser goes to the host after the `@`), an IP address instead of a domain, or encoded host letters (punycode starting with `xn--`, letters of other scripts that look Latin, `%` encoding).

Failing example:

```markdown
[Sign in](https://sellercentral.amazon.com@evil.example/)
[Sign in](https://203.0.113.7/signin)
[Sign in](https://xn--mazon-3ve.com/)
```

Fix: link to the site's plain address, for example `https://sellercentral.amazon.com/`. To show a disguised address as an example, write it as code.
""",
        "zh": """\
网址隐藏了真正的主机：`@` 前面放了一个像样的名字（浏览器实际会去 `@` 后面的主机）、用 IP 地址代替域名，或者主机名用了编码字母（以 `xn--` 开头的 punycode、看起来像拉丁字母的其他文字、`%` 编码）。

错误示例：

```markdown
[登录](https://sellercentral.amazon.com@evil.example/)
[登录](https://203.0.113.7/signin)
[登录](https://xn--mazon-3ve.com/)
```

改法：链接网站的普通地址，例如 `https://sellercentral.amazon.com/`。要展示伪装网址作为例子，用代码格式写出来。
""",
    },
)
def disguised_address(docs, self):
    yield from _policy(docs, self, "LP004")


@rule(
    "LP005",
    "script-or-data-url",
    Severity.ERROR,
    "A link or image uses a `javascript:`, `vbscript:` or `data:` URL.",
    "Link to an https:// page; put images in the docs folder and link to the file.",
    title={"en": "javascript: or data: URL", "zh": "javascript: 或 data: 链接"},
    doc={
        "en": """\
A link or image uses a `javascript:`, `vbscript:` or `data:` URL.

Failing example:

```markdown
[Click here](javascript:alert(1))
![Screenshot](data:image/png;base64,iVBORw0KGgo=)
```

Fix: link to an `https://` page; save images in the docs folder and link to the file.
""",
        "zh": """\
链接或图片使用了 `javascript:`、`vbscript:` 或 `data:` 网址。

错误示例：

```markdown
[点这里](javascript:alert(1))
![截图](data:image/png;base64,iVBORw0KGgo=)
```

改法：链接 `https://` 页面；图片保存在 docs 文件夹里，再链接这个文件。
""",
    },
)
def script_or_data_url(docs, self):
    yield from _policy(docs, self, "LP005")


class _ActiveHtml(HTMLParser):
    """Collects (line offset, col, problem) for active or URL-loading HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[tuple[int, int, str]] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        line, col = self.getpos()
        if tag in ACTIVE_TAGS:
            self.problems.append((line - 1, col, f"raw <{tag}> element"))
        self._in_style = tag == "style"
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append((line - 1, col, f"inline event handler `{name}=` on <{tag}>"))
            elif name == "style" and value and STYLE_URL.search(value):
                self.problems.append((line - 1, col, f"`style` attribute on <{tag}> loads a URL"))

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style and STYLE_URL.search(data):
            line, col = self.getpos()
            self.problems.append((line - 1, col, "<style> element loads a URL"))


def _attr_list_problems(page: Page) -> Iterator[tuple[int, int, str]]:
    """attr_list can put any attribute on Markdown elements: `[x](y){ onclick=… }`."""
    for number, visible, in_code in source_lines(page):
        if in_code or "{" not in visible or "=" not in visible:
            continue
        for attrs in ATTR_LIST.finditer(visible):
            for handler in EVENT_ATTR.finditer(attrs.group(1)):
                col = attrs.start(1) + handler.start(1) + 1
                yield number, col, f"inline event handler `{handler.group(1)}=` in `{{ … }}`"
            if re.search(r"(?:^|\s)style\s*=", attrs.group(1)) and STYLE_URL.search(attrs.group(1)):
                yield number, attrs.start() + 1, "`style` attribute in `{ … }` loads a URL"


@rule(
    "LP006",
    "active-html",
    Severity.ERROR,
    "The page uses raw <script>, <iframe>, <object> or <embed>, an inline event handler "
    "(`onclick=` …) or a `style` that loads a URL.",
    "Remove it and write the content in Markdown. The site runs no page scripts and loads "
    "nothing from other hosts; if a page really needs a feature, propose it in an issue.",
    title={
        "en": "HTML that runs scripts or loads other sites",
        "zh": "会执行脚本或加载外部资源的 HTML",
    },
    doc={
        "en": """\
The page contains a raw `<script>`, `<iframe>`, `<object>` or `<embed>`, an inline event handler (such as `onclick=`, also inside a `{ … }` attribute list), or a `style` that loads a URL (`url(…)`). The site runs no page scripts and loads nothing from other sites.

Failing example:

```html
<iframe src="https://www.youtube.com/embed/xyz"></iframe>
<p onclick="track()">Contact us</p>
<div style="background: url(https://example.com/bg.png)">Tip</div>
```

Fix: remove the HTML and write the content in Markdown (make a video a plain link). If a page really needs a feature, open an issue first.
""",
        "zh": """\
页面里写了原始的 `<script>`、`<iframe>`、`<object>` 或 `<embed>`，内联事件处理属性（如 `onclick=`，包括写在 `{ … }` 属性列表里的），或者会加载网址的 `style`（`url(…)`）。本站不运行页面脚本，也不从其他网站加载任何内容。

错误示例：

```html
<iframe src="https://www.youtube.com/embed/xyz"></iframe>
<p onclick="track()">联系我们</p>
<div style="background: url(https://example.com/bg.png)">提示</div>
```

改法：删除这些 HTML，用 Markdown 写内容（视频改为普通链接）。如果页面确实需要某项功能，请先开 issue 讨论。
""",
    },
)
def active_html(docs, self):
    for page in docs.checked:
        if page.text is None:
            continue
        for html in page.html:
            parser = _ActiveHtml()
            try:
                parser.feed(html.text)
                parser.close()
            except Exception:  # noqa: BLE001 - HTMLParser on garbage; report what was found
                pass
            for offset, col, problem in parser.problems:
                yield self.at(page.display, html.line + offset, col + 1, problem)
        for line, col, problem in _attr_list_problems(page):
            yield self.at(page.display, line, col, problem)


@rule(
    "LP007",
    "amazon-confusable-host",
    Severity.ERROR,
    "A link goes to a host that imitates an Amazon host with look-alike letters or digits "
    "(amaz0n, arnazon, аmazon) or a near miss of an official host.",
    "Remove the link and link to the official host (data/official-amazon-hosts.txt); to show "
    "a fake address as a warning example, write it as code, not as a link.",
    title={"en": "Look-alike Amazon host", "zh": "仿冒亚马逊的网址"},
    doc=rule_doc(
        "Phishing pages use hosts that read as Amazon's at a glance: `0` for `o`, `rn` for "
        "`m`, a Cyrillic `а`, one letter changed. Hosts are compared by their Unicode "
        "confusables skeleton and by edit distance to the allowlisted hosts.",
        "[Sign in](https://sellercentral.arnazon.com/)",
        "[Sign in](https://sellercentral.amazon.com/)",
        "钓鱼页面使用乍看像亚马逊的域名：用 `0` 代替 `o`、`rn` 代替 `m`、"
        "西里尔字母 `а`、改一个字母。"
        "检查按 Unicode 易混淆字符骨架和与允许列表中域名的编辑距离比较。",
        "[登录](https://sellercentral.arnazon.com/)",
        "[登录](https://sellercentral.amazon.com/)",
    ),
)
def amazon_confusable_host(docs, self):
    yield from _policy(docs, self, "LP007")


@rule(
    "LP008",
    "url-shortener",
    Severity.ERROR,
    "A link goes through a URL shortener (data/url-shorteners.txt).",
    "Link to the full address the short link leads to (open it in a private window to see it).",
    title={"en": "URL shortener", "zh": "短网址"},
    doc=rule_doc(
        "A short link hides where it goes and can be pointed elsewhere after review; "
        "phishing messages to sellers use them.",
        "[Seller Central help](https://bit.ly/3abcdef)",
        "[Seller Central help](https://sellercentral.amazon.com/help/hub/reference/external/G200123250)",
        "短链接隐藏了真实去向，审阅后还能被改指别处；给卖家的钓鱼消息常用短链接。",
        "[卖家平台帮助](https://bit.ly/3abcdef)",
        "[卖家平台帮助](https://sellercentral.amazon.com/help/hub/reference/external/G200123250)",
    ),
)
def url_shortener(docs, self):
    yield from _policy(docs, self, "LP008")


@rule(
    "LP009",
    "link-text-host-mismatch",
    Severity.ERROR,
    "Link text that looks like an address shows a different host from the one the link goes to.",
    "Make the text and the target the same address, or write the text in words.",
    title={"en": "Link text shows another host", "zh": "链接文字显示的网址与实际不同"},
    doc=rule_doc(
        "Readers trust the address they can read; a link that shows one host and opens "
        "another is how phishing mail works, and the site teaches readers to check it.",
        "[sellercentral.amazon.com](https://sellercentral.amazon.com.example.io/)",
        "[sellercentral.amazon.com](https://sellercentral.amazon.com/)",
        "读者相信自己看到的地址；显示一个域名却打开另一个，正是钓鱼邮件的手法，本站也教读者检查这一点。",
        "[sellercentral.amazon.com](https://sellercentral.amazon.com.example.io/)",
        "[sellercentral.amazon.com](https://sellercentral.amazon.com/)",
    ),
)
def link_text_host_mismatch(docs, self):
    yield from _policy(docs, self, "LP009")
