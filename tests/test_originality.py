"""No page may copy sentences from the reference material in shared/.

The articles are written from shared/facts.md and the trade-press article in
shared/seed/; both must be re-phrased, never pasted. This test compares every
line of every page (body, title and description) with every line of those
sources and fails on a long shared run:

- 15 or more Chinese characters in a row (punctuation, spaces, Latin letters
  and digits are dropped first, so changing only punctuation or spacing does
  not hide a copy);
- 12 or more English words in a row (lower-cased, punctuation dropped).

No library does this kind of verbatim-run search over our own sources (difflib
finds one longest match per pair, not every run), so it is a small shingle
index written by hand.

shared/ is not part of the repository: it sits next to it (CI clones the
repository into another folder with a copy of shared/ beside it). Without it
the test is skipped, and says why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DOCS = ROOT / "docs"

CJK_RUN = 15  # Chinese characters
WORD_RUN = 12  # English words

# Names, titles and interface labels that must be quoted exactly; a run inside
# one of them is not a copy.
QUOTED_NAMES = (
    "Integrity, Notification, and Fairness in Online Retail Marketplaces for Consumers Act",
    "What Third Party Sellers Need to Know About the INFORM Consumers Act",
    "Informing Businesses about the INFORM Consumers Act",
    # The address-verification path as the seed reports the Chinese interface.
    "设置 > 账户信息 > 业务信息 > 公司地址和电话号码",
)

CJK_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# Link targets and bare URLs are addresses, not prose; facts.md lists the same URLs.
URL = re.compile(r"\]\([^)]*\)|<?https?://[^\s)>]+>?")
FRONT_MATTER_PROSE = re.compile(r"^(title|description):\s*(.*)$")


def cjk_text(line: str) -> str:
    return "".join(CJK_CHAR.findall(line))


def words(line: str) -> list[str]:
    return WORD.findall(line.lower().replace("\u2019", "'"))


def without_urls(line: str) -> str:
    return URL.sub(" ", line)


BREAK = "|"  # never part of a source shingle, so no run can cross it


def without_quoted_cjk(hanzi: str) -> str:
    for name in QUOTED_NAMES:
        if quoted := cjk_text(name):
            hanzi = hanzi.replace(quoted, BREAK)
    return hanzi


def without_quoted_words(tokens: list[str]) -> list[str]:
    for name in QUOTED_NAMES:
        quoted = words(name)
        if not quoted:
            continue
        start = 0
        while start <= len(tokens) - len(quoted):
            if tokens[start : start + len(quoted)] == quoted:
                tokens = [*tokens[:start], BREAK, *tokens[start + len(quoted) :]]
            start += 1
    return tokens


@dataclass(frozen=True)
class SourceLine:
    file: str
    line: int


class ShingleIndex:
    """Every run of `size` units (characters or words) in the sources, with where it is."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.shingles: dict[tuple | str, SourceLine] = {}

    def add(self, units: str | list[str], where: SourceLine) -> None:
        for start in range(len(units) - self.size + 1):
            key = units[start : start + self.size]
            self.shingles.setdefault(key if isinstance(key, str) else tuple(key), where)

    def copied_runs(self, units: str | list[str]) -> list[tuple[int, int, SourceLine]]:
        """Maximal runs of `units` made only of shingles found in the sources:
        (start, end, first source line seen)."""
        runs: list[tuple[int, int, SourceLine]] = []
        for start in range(len(units) - self.size + 1):
            key = units[start : start + self.size]
            where = self.shingles.get(key if isinstance(key, str) else tuple(key))
            if where is None:
                continue
            if runs and start <= runs[-1][1] - self.size + 1:
                runs[-1] = (runs[-1][0], start + self.size, runs[-1][2])
            else:
                runs.append((start, start + self.size, where))
        return runs


def source_files() -> list[Path]:
    return [SHARED / "facts.md", *sorted((SHARED / "seed").glob("*.txt"))]


def build_indexes() -> tuple[ShingleIndex, ShingleIndex]:
    cjk, english = ShingleIndex(CJK_RUN), ShingleIndex(WORD_RUN)
    for path in source_files():
        name = path.relative_to(SHARED).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = SourceLine(name, number)
            line = without_urls(line)
            cjk.add(cjk_text(line), where)
            english.add(words(line), where)
    return cjk, english


def prose_lines(path: Path) -> list[tuple[int, str]]:
    """(line number, text) of the page's body lines and its title and description."""
    lines = path.read_text(encoding="utf-8").split("\n")
    result: list[tuple[int, str]] = []
    in_front_matter = bool(lines) and lines[0].strip() == "---"
    for number, line in enumerate(lines, 1):
        if in_front_matter:
            if number > 1 and line.strip() == "---":
                in_front_matter = False
            elif match := FRONT_MATTER_PROSE.match(line):
                result.append((number, match.group(2)))
            continue
        result.append((number, line))
    return result


def copied_runs_in(path: Path, cjk: ShingleIndex, english: ShingleIndex) -> list[str]:
    """One message per copied run: `page:line: ... copied from source:line: "run"`."""
    found = []
    display = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name
    for number, line in prose_lines(path):
        line = without_urls(line)
        hanzi = without_quoted_cjk(cjk_text(line))
        for start, end, where in cjk.copied_runs(hanzi):
            found.append(
                f"{display}:{number}: {end - start} Chinese characters copied from "
                f"{where.file}:{where.line}: “{hanzi[start:end]}”"
            )
        tokens = without_quoted_words(words(line))
        for start, end, where in english.copied_runs(tokens):
            found.append(
                f"{display}:{number}: {end - start} words copied from "
                f'{where.file}:{where.line}: "{" ".join(tokens[start:end])}"'
            )
    return found


def pages() -> list[Path]:
    return sorted(DOCS.glob("*/**/*.md"))


@pytest.fixture(scope="module")
def indexes() -> tuple[ShingleIndex, ShingleIndex]:
    if not (SHARED / "facts.md").is_file() or not list((SHARED / "seed").glob("*.txt")):
        pytest.skip(f"reference material not found: expected {SHARED}/facts.md and seed/*.txt")
    return build_indexes()


@pytest.mark.parametrize("path", pages(), ids=lambda path: path.relative_to(DOCS).as_posix())
def test_page_copies_no_sentence_from_the_sources(path: Path, indexes) -> None:
    copied = copied_runs_in(path, *indexes)
    assert not copied, "re-phrase in your own words:\n" + "\n".join(copied)


def test_the_check_finds_a_pasted_sentence(tmp_path: Path, indexes) -> None:
    """The check itself works: a line pasted from the seed, with its punctuation
    and spacing changed, and one pasted from facts.md, are both caught."""
    seed = source_files()[1].read_text(encoding="utf-8")
    chinese = max((cjk_text(line) for line in seed.splitlines()), key=len)[:20]
    facts = source_files()[0].read_text(encoding="utf-8")
    english = " ".join(max((words(line) for line in facts.splitlines()), key=len)[:14])
    fixture = tmp_path / "copied.md"
    fixture.write_text(
        f"---\ntitle: 示例\n---\n\n{' '.join(chinese)}。\n\n{english.upper()}!\n", encoding="utf-8"
    )
    copied = copied_runs_in(fixture, *indexes)
    assert [message.split(":")[1] for message in copied] == ["5", "7"]
    assert chinese in copied[0] and english in copied[1]
