"""The frozen values that flow between the five stages.

read() -> Document -> extract() -> Claim list -> audit() -> FileResult -> render() -> text

Every number is a `Quantity` parsed from the text exactly as written (never a float), so a
verdict can say what precision the author used. Every claim and check carries its place in the
file as given (1-based line and column, counted in characters after decoding).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from decimal import Decimal
from enum import StrEnum
from operator import attrgetter


class Status(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    UNVERIFIABLE = "unverifiable"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


APPROX_BELOW = frozenset({"近", "将近", "接近"})  # the true value is at most the written one
APPROX_ABOVE = frozenset({"余", "多", "超过", "超", "逾", "以上", "过"})  # at least the written one
APPROX_AROUND = frozenset({"约", "大约", "左右", "上下", "大概"})  # either side


def sent_between_processes(cls):
    """Pickle as `cls(*fields)`. A batch's workers send every FileResult to the parent, and the
    dataclass default for slots (a __setstate__ that looks up fields() for each object) cost the
    parent more than writing the results out, which kept --jobs 2 from doubling (issue 6).
    """
    get = attrgetter(*(f.name for f in fields(cls)))  # two or more fields: returns a tuple

    def __reduce__(self):
        return cls, get(self)

    cls.__reduce__ = __reduce__
    return cls


@sent_between_processes
@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as written: "1.2万件" -> value 12000, unit "件", decimals 1, scale 10000.

    `value` is in base units (万 and 亿 applied; a percentage stays in percent: "98.96%" -> 98.96).
    `decimals` counts the digits written after the decimal point of the mantissa, so "98.90"
    keeps 2 and "1.2万" has 1. `start`/`end` index `Document.text` (0, 0 when not from a text).
    """

    raw: str
    value: Decimal
    unit: str = ""
    decimals: int = 0
    scale: int = 1
    qualifier: str = ""
    start: int = 0
    end: int = 0

    @property
    def is_percent(self) -> bool:
        return self.unit == "%"

    @property
    def approximate(self) -> bool:
        return bool(self.qualifier)

    @property
    def rounded(self) -> bool:
        """True when the written digits are a rounding of the true value (1.2万, 98.96%)."""
        return self.decimals > 0 or self.scale > 1 or self.is_percent

    @property
    def half_ulp(self) -> Decimal:
        """Half of one unit in the last written place, in base units (0.005 for 98.96%)."""
        return Decimal(self.scale).scaleb(-self.decimals) / 2


class Origin:
    """Where each character of a cleaned text came from: `origin[i]` is the index in the
    source of `text[i]`.

    Cleaning deletes characters but never reorders them, so the map is a few runs of
    consecutive indexes (a report of 30,000 characters has about a hundred). Keeping the runs,
    not one integer per character, makes reading a file cheaper and its memory smaller.
    """

    __slots__ = ("_len", "_sources", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]]):
        """`spans`: the source ranges [a, b) that make up the text, in order."""
        starts: list[int] = []  # index in the text where each run begins
        sources: list[int] = []  # index in the source of that run's first character
        at = last_end = 0
        for a, b in spans:
            if b <= a:
                continue
            if not sources or a != last_end:  # a gap in the source: a new run
                starts.append(at)
                sources.append(a)
            at += b - a
            last_end = b
        self._starts, self._sources, self._len = starts, sources, at

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, i: int) -> int:
        if i < 0:
            i += self._len
        if not 0 <= i < self._len:
            raise IndexError("origin index out of range")
        run = bisect.bisect_right(self._starts, i) - 1
        return self._sources[run] + i - self._starts[run]

    def __iter__(self) -> Iterator[int]:
        ends = [*self._starts[1:], self._len] if self._starts else []
        for start, end, source in zip(self._starts, ends, self._sources, strict=True):
            yield from range(source, source + end - start)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Origin):
            return NotImplemented
        return (self._starts, self._sources, self._len) == (
            other._starts,
            other._sources,
            other._len,
        )

    __hash__ = None  # type: ignore[assignment]  # equal maps compare equal; not a dict key

    def __repr__(self) -> str:
        return f"Origin({len(self._starts)} runs, {self._len} characters)"


@dataclass(frozen=True, slots=True)
class Document:
    """Decoded text of one input, and the cleaned text that extraction reads.

    `source` is the file's text as decoded (BOM removed). `text` is the cleaned text: full-width
    forms folded, line breaks inside sentences and page furniture removed, so "调\\n\\n处成功率"
    reads as one word. `origin[i]` is the index in `source` of `text[i]`, so every span found in
    `text` maps back to a line and column of the file as given.
    """

    path: str
    source: str
    text: str
    origin: Origin  # len(text) + 1 entries, the last is len(source)
    line_starts: tuple[int, ...]  # offsets in `source` where each line begins
    page_starts: tuple[int, ...] = ()  # offsets in `source` where each page begins (PDF)
    warnings: tuple[str, ...] = ()  # what reading it doubted: a damaged PDF may have lost text

    def source_index(self, i: int) -> int:
        return self.origin[min(max(i, 0), len(self.origin) - 1)]

    def line_col(self, i: int) -> tuple[int, int]:
        """1-based line and column in `source` of `text[i]`."""
        pos = self.source_index(i)
        line = bisect.bisect_right(self.line_starts, pos) - 1
        return line + 1, pos - self.line_starts[line] + 1

    def page(self, i: int) -> int | None:
        if not self.page_starts:
            return None
        return bisect.bisect_right(self.page_starts, self.source_index(i))

    def quote(self, start: int, end: int) -> str:
        """The source text from `text[start]` to `text[end-1]`, line breaks folded to spaces."""
        if end <= start:
            return ""
        a = self.source_index(start)
        b = self.source_index(end - 1) + 1
        return " ".join(self.source[a:b].split()).lstrip("，,、;；:：。)）")


class ClaimKind(StrEnum):
    RATE = "rate"  # a stated % with a part and/or a whole
    COMPLETION = "completion"  # 受理 N … 办结 M
    TOTAL = "total"  # a total with parts (其中, 分别为)
    CHANGE = "change"  # 同比增长12.5%, 比上年增加30件, 增长1.5倍: current against previous
    POINTS = "points"  # 提高2.3个百分点: the difference of two rates
    SHARES = "shares"  # several shares of one whole (parts are the stated %)
    LISTED = "listed"  # "四支队伍" followed by the items it names
    REPEAT = "repeat"  # the same subject stated twice in one report
    PERIOD = "period"  # the period a report covers against the dates it carries
    SUPPRESS = "suppress"  # <!-- lawaudit: ignore LA201 原因 --> before a paragraph
    # 政府信息公开工作年度报告 tables (extract/xxgk_claims.py): one kind per identity
    XXGK_ROW = "xxgk-row"  # 表三 a row: 总计 against 自然人 + 法人或其他组织 columns
    XXGK_COLUMN = "xxgk-column"  # 表三 a column: （七）总计 against （一）…（六）
    XXGK_BALANCE = "xxgk-balance"  # 表三 a column: 一 + 二 against （七）总计 + 四
    XXGK_REVIEW = "xxgk-review"  # 表四: 总计 against 维持 + 纠正 + 其他 + 尚未审结
    XXGK_NARRATIVE = "xxgk-narrative"  # a figure the prose states for a table cell
    XXGK_CARRY = "xxgk-carry"  # 二、上年结转 against last year's 四、结转下年度
    XXGK_IN_FORCE = "xxgk-in-force"  # 现行有效件数 against last year's + 制发 − 废止
    XXGK_UNALIGNED = "xxgk-unaligned"  # a table like the template's that could not be aligned


# A completion's note when its closed count includes cases carried over ("含上年结转45件"):
# then more closed than received is unverifiable, not a fail (rules/completion.py).
CARRIED_OVER_NOTE = "the text says cases were carried over"
# ... and when the closed count is of cases judged (审结, 结案): courts and review bodies close the
# cases pending from before (旧存) as well as new ones, so more closed than received is no error.
JUDGED_NOTE = "cases judged (审结) include those pending from before"


@dataclass(frozen=True, slots=True)
class Claim:
    """One numeric statement that arithmetic can test.

    The roles used depend on `kind`:
    - rate: `stated` (a % Quantity), `numerator` and/or `denominator` when the text gives them;
      `capped` when the rate's name says it cannot exceed 100% (满意率, 办结率 …).
    - completion: `numerator` (办结) and `denominator` (受理).
    - total: `total` and `parts`; `exhaustive` when the parts claim to cover the whole.
    - change / points: `stated` (the % , 倍, count or 百分点 written), `current`, `previous`,
      and `direction` ("up" or "down", from the verb: 增长/提高 or 下降/减少).
    - shares: `parts` are the stated shares (%), `counts` the amounts they share out (when
      stated, aligned with `parts`), `total` the whole when stated.
    - listed: `stated` the count written ("四支"), `items` the names that follow it.
    - repeat: `stated` the later value, `previous` the earlier one for the same `subject`.
    - period: `items` holds the period and the date found, as written.
    - suppress: `items` the rule IDs or names, `notes` the reason (empty when none), `covers`
      the first and last line of the paragraph it applies to.
    `inferred` marks a role the extractor took from outside the claim's own sentence (a share
    whose whole was stated earlier): a failure then weighs less, because the pairing is a guess.
    `possible_whole` marks a rate's denominator that is only one reading of the text (a 满意率
    after a count of handled cases: who rated is seldom stated): a rate it cannot give is then a
    doubt, never a failure.
    `line`, `column`, `quote` locate the stated number in the file as given; `end_line` and
    `end_column` (one past its last character) end it, 0 when unknown (claims files).
    """

    kind: ClaimKind
    subject: str
    line: int
    column: int
    quote: str
    stated: Quantity | None = None
    numerator: Quantity | None = None
    denominator: Quantity | None = None
    total: Quantity | None = None
    parts: tuple[Quantity, ...] = ()
    exhaustive: bool = False
    capped: bool = False
    inferred: bool = False
    possible_whole: bool = False
    page: int | None = None
    notes: tuple[str, ...] = ()
    current: Quantity | None = None
    previous: Quantity | None = None
    direction: str = ""
    counts: tuple[Quantity, ...] = ()
    items: tuple[str, ...] = ()
    end_line: int = 0  # just past the stated number (exclusive column); 0 when unknown
    end_column: int = 0
    covers: tuple[int, int] = (0, 0)  # suppress: the lines of the paragraph it applies to
    balanced: bool = False  # rate: one share of a list nudged so the list adds to 100 (尾数调整)
    new_only: bool = False  # completion: the intake is new cases only (新收): carry-overs close too
    path: str = ""  # the file `line` and `column` count in, when not the one audited (claims)

    def quantities(self) -> tuple[Quantity, ...]:
        roles = (self.stated, self.numerator, self.denominator, self.total, self.current)
        return tuple(q for q in (*roles, self.previous) if q is not None) + self.parts + self.counts


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule's identity and documentation; `check` lives in the rule's module."""

    id: str
    name: str
    severity: Severity
    summary: str
    doc: str


@sent_between_processes
@dataclass(frozen=True, slots=True)
class Check:
    """One verdict: what was stated, what arithmetic gives, and how sure we are."""

    rule: str
    name: str
    status: Status
    severity: Severity
    line: int
    column: int
    quote: str
    message: str
    arithmetic: str
    values: dict = field(default_factory=dict)  # str -> str | list[str]
    subject: str = ""
    page: int | None = None
    end_line: int = 0  # where the stated number ends (column exclusive); 0 when unknown
    end_column: int = 0
    suppressed: str = ""  # the reason a <!-- lawaudit: ignore --> comment gave; not counted
    baselined: bool = False  # in the --baseline file: reported, not counted
    shown: tuple[str, str] = ("", "")  # (stated, computed) as the report writes numbers
    path: str = ""  # the file `line` and `column` point into when not the audited one: the
    # report a claims file's claims came from
    uses: tuple[tuple[int, int, int, int], ...] = ()  # every number the check used, as
    # (line, column, end line, end column exclusive) in the file; () when unknown (claims files)


@sent_between_processes
@dataclass(frozen=True, slots=True)
class Mention:
    """A number worth checking, with its place: shown when no check could use it."""

    quantity: Quantity
    line: int
    column: int
    quote: str


@sent_between_processes
@dataclass(frozen=True, slots=True)
class Coverage:
    """How much of the file's numbers the checks used (statcheck's coverage figure)."""

    numbers: int = 0  # quantities seen
    checked: int = 0  # quantities that took part in at least one check
    unchecked: tuple[Mention, ...] = ()  # percentages and totals that no check used


@sent_between_processes
@dataclass(frozen=True, slots=True)
class FileResult:
    path: str
    checks: tuple[Check, ...] = ()
    error: str | None = None
    coverage: Coverage = Coverage()
    baseline_stale: tuple[dict, ...] = ()  # --baseline entries for this file no check matched
    warnings: tuple[str, ...] = ()  # the Document's: the audit may have missed numbers


@dataclass(frozen=True, slots=True)
class Report:
    files: tuple[FileResult, ...]

    def checks(self):
        for f in self.files:
            yield from f.checks
