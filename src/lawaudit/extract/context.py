"""Where a number sits: its sentence and its label (the words just before it).

Chinese reports name a figure by the clause that precedes it ("调解成功284起"): the label is the
text since the last clause break or the previous number. Claim builders pair numbers by their
labels and never look past the sentence unless they say so (and then mark the claim inferred).
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from lawaudit.extract import patterns as P
from lawaudit.model import Document, Quantity

MAX_LABEL = 24  # characters of label kept: enough for "受理12345便民服务平台民生诉求件"


@dataclass(frozen=True, slots=True)
class Item:
    """A quantity with its label and the index of its sentence."""

    q: Quantity
    label: str
    sentence: int

    @property
    def is_count(self) -> bool:
        """An amount of something (件, 人, 元 …): what rates and totals are made of."""
        return self.q.unit not in NOT_COUNTS

    def relabelled(self, label: str) -> Item:
        """The same quantity read with other words (itself when they are the same): what
        dataclasses.replace gives, several times faster, as builders relabel every count."""
        return self if label == self.label else Item(self.q, label, self.sentence)


NOT_COUNTS = frozenset({"", "%", "‰", "百分点", "倍", "岁", "周岁"})  # ratios and ages


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    items: tuple[Item, ...]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in P.SENTENCE_END.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


# The text up to the last clause break, in one match: the greedy run backs off to the last break.
LAST_BREAK = re.compile(rf"(?s:.{{0,{MAX_LABEL}}}){P.CLAUSE_BREAK.pattern}")


def label_before(text: str, start: int, floor: int) -> str:
    """The clause text before `start`, back to a clause break or `floor`."""
    lo = max(floor, start - MAX_LABEL)
    last = LAST_BREAK.match(text, lo, start)
    return text[last.end() if last else lo : start]


NOTE = re.compile(r"[(（][^()（）]{1,30}[)）]$")


def words_before(text: str, item: Item, floor: int) -> tuple[str, int]:
    """The label, read through a bracketed note, and where those words start:
    "占一般公共预算支出的比重(以下简称“支出占比”)为" reads as "占一般公共预算支出的比重为",
    so the share is still seen as one."""
    start = item.q.start - len(item.label)
    if start <= floor or text[start - 1] not in ")）\n":
        return item.label, start  # NOTE ends at `start` (or before a line break there): no note
    note = NOTE.search(text, max(floor, start - 32), start)
    if not note:
        return item.label, start
    head = label_before(text, note.start(), floor)
    return head + item.label, note.start() - len(head)


def in_note(text: str, item: Item, end: int) -> bool:
    """The item stands in brackets that close before `end`: a note ("合伙所647家(其中外省分所
    63家)，占85.6%") whose figures are no whole, level or part of what follows the note."""
    gap = text[item.q.end : end]
    return gap.count(")") + gap.count("）") > gap.count("(") + gap.count("（")


def clause_before(text: str, start: int, floor: int, limit: int = 40) -> str:
    """Like label_before, but crossing 、 so "办结率、满意率均为" is seen whole."""
    lo = max(floor, start - limit)
    chunk = text[lo:start]
    cut = 0
    for i, ch in enumerate(chunk):
        if ch in ",，;；:：()（）":
            cut = i + 1
    return chunk[cut:]


def sentences(doc: Document, quantities: list[Quantity]) -> list[Sentence]:
    """Group the quantities into sentences, each with its label."""
    text = doc.text
    spans = sentence_spans(text)
    out: list[Sentence] = []
    qi, n = 0, len(quantities)
    for si, (s, e) in enumerate(spans):
        if qi == n or quantities[qi].start >= e:
            out.append(Sentence(s, e, ()))  # most sentences: no number
            continue
        items: list[Item] = []
        prev_end = s
        while qi < n and quantities[qi].start < e:
            q = quantities[qi]
            qi += 1
            if q.start < s:
                continue
            label = label_before(text, q.start, prev_end)
            each = each_at(label)
            if each is not None:  # "乙局、丙局及丁办各1件", "甲局、乙局各收到决定3件"
                clause = clause_before(text, q.start, prev_end)
                q = each_times(q, clause[: len(clause) - len(label) + each + 1])
                label = clause if " × " in q.raw else label  # the names it multiplies
            items.append(Item(q, label, si))
            prev_end = q.end
        out.append(Sentence(s, e, tuple(items)))
    return out


# 各 closing a list of names, maybe with a verb and its object after it ("各收到纠错决定"), not
# 各类, 各级, 各地 (every kind of …).
EACH = re.compile(r"各(?:收到|受理|办理|办结|有|为|达|发生|作出|提出)?[\u4e00-\u9fff]{0,6}$")
NOT_EACH = re.compile(r"各[类级地项种个部门单位乡镇街道县市区]")


def each_at(label: str) -> int | None:
    """Where the 各 of "A、B各(收到…)N件" stands in a count's label, or None."""
    if "各" not in label:
        return None  # nearly every label
    m = EACH.search(label)
    return m.start() if m and not NOT_EACH.match(label, m.start()) else None


def each_times(q: Quantity, clause: str) -> Quantity:
    """ "乙局、丙局及丁办各1件" is 3 × 1件, a part like any other. When the names cannot be
    counted ("两区各1件", or a last 和 that may be inside a name: 住房和城乡建设局) the count
    stays as written, and counts.uncounted_each keeps it out of every sum."""
    names = clause[:-1].split("、")
    k = len(names)
    if "及" in names[-1]:
        k += 1
    elif "和" in names[-1] or "与" in names[-1]:
        return q
    if k < 2 or q.is_percent or q.decimals or q.scale != 1 or q.qualifier:
        return q
    return Quantity(
        raw=f"{k} × {q.raw}",
        value=q.value * k,
        unit=q.unit,
        start=q.start,
        end=q.end,
    )


def bigrams(s: str) -> set[str]:
    return {s[i : i + 2] for i in range(len(s) - 1) if "\u4e00" <= s[i] <= "\u9fff"}


def strip_filler(label: str) -> str:
    return P.FILLER.sub("", label)


def place(doc: Document, at: Quantity, quote_from: int, quote_to: int | None = None) -> dict:
    """Line, column, page and a short quote for a claim whose stated number is `at`."""
    end = at.end if quote_to is None else quote_to
    start = max(quote_from, end - 60)
    line, column = doc.line_col(at.start)
    return {
        "line": line,
        "column": column,
        "quote": doc.quote(start, end),
        "page": doc.page(at.start),
        **end_of(doc, at),
    }


def end_of(doc: Document, q: Quantity) -> dict:
    """Where `q` ends in the file as given: the line and column just past its last character."""
    if q.end <= q.start:
        return {"end_line": 0, "end_column": 0}
    line, column = doc.line_col(q.end - 1)
    return {"end_line": line, "end_column": column + 1}


# Every alternative starts with a plain character ("19", not "(?:19|20)"), so the search skips
# in C to the next 1, 2, 今 … instead of trying the pattern at every position of the document.
TIME_MARK = re.compile(
    r"19\d\d年|20\d\d年|今年|明年|过去一年|过去五年|这五年|五年来|十[一二三四五六七八九]五"
)


# "比2024年的451件", "与2024年同期相比": a year named only to compare with, not a new frame.
COMPARED_WITH = re.compile(r"[比较与同]$|[比较与]上?$")
# "案件总量和2019年基本持平", "与2023年相比": the words after the year say it is compared with.
COMPARED_AFTER = re.compile(r"(?:[^，,。；;\d]{0,4}?)(?:基本持平|持平|相比|相较|相当)")


def time_frame(text: str):
    """A function giving the period a position in the text speaks of: the nearest year or period
    marker before it (2025年, 今年, 过去五年, 十四五). Not 上年/去年: "比上年增长" compares, it
    does not move the text to last year. Figures of different frames are different
    facts even when their words are the same."""
    marks, found = time_marks(text)

    def frame(at: int) -> str:
        i = bisect.bisect_right(marks, at) - 1
        return found[i] if i >= 0 else ""

    return frame


@functools.lru_cache(maxsize=4)
def time_marks(text: str) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """Where the time markers stand and what they say. Remembered for the last few texts: the
    rate, repeat and structure builders each need them for the same document, and the scan of
    a whole document is a good part of what those builders cost."""
    found = [
        (m.start(), m.group())
        for m in TIME_MARK.finditer(text)
        if not COMPARED_WITH.search(text, max(0, m.start() - 2), m.start())
        and not text.startswith("同期", m.end())
        and not COMPARED_AFTER.match(text, m.end())
    ]
    return tuple(p for p, _ in found), tuple(w for _, w in found)


BREAKDOWN_FIRST = frozenset("其分按从")  # the characters AMONG and BY_DIMENSION start with


def opens_breakdown(text: str, sent: Sentence) -> bool:
    """ "其中，…" or "分产业看，…" at the start of a sentence: a breakdown of an earlier total."""
    if text[sent.start : sent.start + 1] not in BREAKDOWN_FIRST:
        return False  # most sentences: neither marker can start here
    head = text[sent.start : sent.start + 16]
    if REPORTED.match(head):
        return False  # "其中提到，去年共审结…": what a document says, no breakdown
    return bool(P.AMONG.match(head) or P.BY_DIMENSION.match(head))


REPORTED = re.compile(r"其中(?:提到|指出|显示|明确|强调|写道|介绍|称)")
