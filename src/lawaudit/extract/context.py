"""Where a number sits: its sentence and its label (the words just before it).

Chinese reports name a figure by the clause that precedes it ("调解成功284起"): the label is the
text since the last clause break or the previous number. Claim builders pair numbers by their
labels and never look past the sentence unless they say so (and then mark the claim inferred).
"""

from __future__ import annotations

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


def label_before(text: str, start: int, floor: int) -> str:
    """The clause text before `start`, back to a clause break or `floor`."""
    lo = max(floor, start - MAX_LABEL)
    chunk = text[lo:start]
    cut = 0
    for m in P.CLAUSE_BREAK.finditer(chunk):
        cut = m.end()
    return chunk[cut:]


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
    qi = 0
    for si, (s, e) in enumerate(spans):
        items: list[Item] = []
        prev_end = s
        while qi < len(quantities) and quantities[qi].start < e:
            q = quantities[qi]
            qi += 1
            if q.start < s:
                continue
            items.append(Item(q, label_before(text, q.start, prev_end), si))
            prev_end = q.end
        out.append(Sentence(s, e, tuple(items)))
    return out


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
    }
