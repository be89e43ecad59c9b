"""Pathological text gets a verdict in work linear in its size.

Work is counted, not timed (timing belongs in bench/): the number of function calls the
interpreter makes, which is deterministic; where a regular expression rescanned a long text (one
call, whatever it reads), the characters handed to its searches. Each input is run at 1x and 4x
its size; linear work means about 4x the count, quadratic 16x. The full-size (5 MB) runs with
timings are in bench/adversarial.py.
"""

from __future__ import annotations

import dataclasses
import re
import sys

import pytest

from lawaudit.engine import audit
from lawaudit.extract import changes, extract, structure
from lawaudit.extract.context import sentences
from lawaudit.extract.listed import listed_claims
from lawaudit.extract.previous import previous_claims
from lawaudit.extract.repeats import repeat_claims
from lawaudit.extract.shares import respective_shares
from lawaudit.readers.text import document_from_text

CASES = {
    "digits": lambda n: "1234567890" * (n // 10),
    "其中 repeated": lambda n: "其中" * (n // 2),
    "one long sentence of claims": lambda n: (
        "共受理投诉100件，其中物业类60件，占60%，满意率98.5%，" * (n // 30)
    ),
    "shares in one sentence": lambda n: "咨询类占12.3%，" * (n // 9),
    "many short lines": lambda n: "共受理投诉100件，办结98件\n" * (n // 15),
    # Each change looks for last year's value among every earlier-period value named otherwise.
    "changes among last year's values": lambda n: (
        "受理100件，同比增长5%。上年办结90件。" * (n // 21)
    ),
    # Each change looked for its values among all the counts before it in the sentence.
    "counts, then changes, in one sentence": lambda n: (
        "办结9件，" * (n // 10) + "同比增长5%，" * (n // 14)
    ),
    # Each 翻一番 looked for the number before it among all the sentence's numbers.
    "翻一番 in one sentence": lambda n: "办结9件，翻一番，" * (n // 8),
    # Each count with a colon read the rest of the paragraph for its list.
    "counts with colons on one line": lambda n: "开展三项行动：" * (n // 7),
    # Each count with an open bracket read the rest of the line for the bracket's close.
    "counts with open brackets on one line": lambda n: "开展三项行动（" * (n // 7),
    # Each count after a list reads back a bounded reach for its list, never to the line's start.
    "lists before counts on one line": lambda n: "甲乙、丙丁、戊己三大“庚、辛”三级" * (n // 16),
    "从 frames on one line": lambda n: "从甲乙、丙丁三个方面" * (n // 10),
    # Each ranking reads a bounded sentence for its names; each heading the paragraphs after it.
    "rankings on one line": lambda n: "居前三位的是：甲、乙、丙" * (n // 12),
    "ranking headings and paragraphs": lambda n: "前三名单位如下：\n甲局：乙；\n" * (n // 14),
    "separators": lambda n: "1,234,5、6，" * (n // 10),
    "brackets": lambda n: "(" * (n // 2) + ")" * (n // 2),
}


def calls(text: str) -> int:
    count = 0

    def tally(frame, event, arg):
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(tally)
    try:
        found = extract(document_from_text("x.txt", text))
        audit("x.txt", found.claims, found.quantities, None, None, found.notable)
    finally:
        sys.setprofile(None)
    return count


@pytest.mark.parametrize("name", sorted(CASES))
def test_work_grows_linearly(name):
    make = CASES[name]
    small, large = calls(make(6_000)), calls(make(24_000))
    assert large <= 5 * small, (name, small, large)


class ReadCounted:
    """A compiled pattern whose searches tally the characters they are handed. One search that
    rescans a long gap is one call, so counting calls cannot show it; this can."""

    def __init__(self, pattern: re.Pattern) -> None:
        self.pattern, self.read = pattern, 0

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        self.read += min(endpos, len(text)) - pos
        return self.pattern.search(text, pos, endpos)


def characters_read(run, monkeypatch, pattern: re.Pattern) -> int:
    """Characters `run` hands to the searches of `pattern`, under whatever name a module of
    lawaudit holds it."""
    counted = ReadCounted(pattern)
    holders = [
        (module, name)
        for module_name, module in list(sys.modules.items())
        if module_name.startswith("lawaudit.")
        for name, value in vars(module).items()
        if value is pattern
    ]
    with monkeypatch.context() as patch:
        for module, name in holders:
            patch.setattr(module, name, counted)
        run()
    return counted.read


def lines_run(run, module) -> int:
    """Lines of `module` that `run` executes. A comprehension that filters a long list is one
    call however long the list, so counting calls cannot show it; this can."""
    count = 0

    def in_module(frame, event, arg):
        nonlocal count
        count += event == "line"
        return in_module

    def enter(frame, event, arg):
        return in_module if frame.f_code.co_filename == module.__file__ else None

    sys.settrace(enter)
    try:
        run()
    finally:
        sys.settrace(None)
    return count


def test_industry_structures_look_only_at_the_figures_before_them():
    """Many statements of the three shares: each looked at every figure of the document for the
    ones in the 2,000 characters before it."""

    def extracted(n):
        text = "生产总值100亿元，三次产业结构为5.8:41.6:52.6，" * (n // 33)
        return lambda: extract(document_from_text("x.txt", text))

    small, large = lines_run(extracted(6_000), structure), lines_run(extracted(24_000), structure)
    assert large <= 5 * small, (small, large)


class ItemsCounted(list):
    """A list that tallies the items it hands out, one for an index and all for a slice. A
    slice that copies the rest of a long list is no call of the interpreter's; this counts it."""

    read = 0

    def __getitem__(self, key):
        if isinstance(key, slice):
            self.read += len(range(*key.indices(len(self))))
        else:
            self.read += 1
        return super().__getitem__(key)


def test_respective_shares_read_only_their_list():
    """Many 分别为 lists of shares: each copied all the quantities after it to walk its list."""

    def items_read(n):
        doc = document_from_text("x.txt", "占总量的比重分别为1%、2%，" * (n // 15))
        quantities = ItemsCounted(extract(doc).quantities)
        respective_shares(doc, quantities)
        return quantities.read

    small, large = items_read(6_000), items_read(24_000)
    assert large <= 5 * small, (small, large)


class CountedText(str):
    """A text that tallies the characters its slices copy and its find() calls may scan (to
    `end`, or to the text's end): work done in C is no call of the interpreter's, so counting
    calls cannot show it growing; this can."""

    work = 0

    def __getitem__(self, key):
        piece = super().__getitem__(key)
        if isinstance(key, slice):
            self.work += len(piece)
        return piece

    def find(self, sub, start=0, end=None):
        self.work += (len(self) if end is None else min(end, len(self))) - start
        return super().find(sub, start, end)


def text_work(unit: str, claims, n: int) -> int:
    """Characters that `claims(doc, sentences)` copies or searches in `unit` repeated to about
    `n` characters."""
    doc = document_from_text("x.txt", unit * (n // len(unit)))
    sents = sentences(doc, extract(doc).quantities)
    text = CountedText(doc.text)
    list(claims(dataclasses.replace(doc, text=text), sents))
    return text.work


def test_repeats_in_one_paragraph_do_not_copy_the_text_since_the_first():
    """One figure restated many times in a paragraph: each restatement copied the text from the
    first mention to look for a line break."""
    small, large = (
        text_work("共受理投诉举报案件100件。", repeat_claims, n) for n in (6_000, 24_000)
    )
    assert large <= 5 * small, (small, large)


def test_counts_with_colons_on_one_line_do_not_search_to_its_end():
    """ "开展三项行动:" repeated on one line: each count looked for its paragraph's end, the
    text's end, so the whole rest of the line was scanned once per count."""
    small, large = (text_work("开展三项行动：", listed_claims, n) for n in (6_000, 24_000))
    assert large <= 5 * small, (small, large)


def test_changes_after_a_long_gap_read_it_once(monkeypatch):
    """Two counts far apart, then many changes: each change looked for 较上年… in the whole gap
    between the counts."""

    def extracted(n):
        text = "受理10件，" + "工作" * (n // 4) + "，办结9件，" + "同比增长5%，" * (n // 14)
        return lambda: extract(document_from_text("x.txt", text))

    small = characters_read(extracted(6_000), monkeypatch, changes.BASE)
    large = characters_read(extracted(24_000), monkeypatch, changes.BASE)
    assert large <= 5 * small, (small, large)


def test_changes_against_last_years_report_read_their_sentence_once(monkeypatch):
    """Many changes in one sentence, checked against last year's report: each change searched
    its sentence from the start for 年均, 分别, 目标…"""
    last_year = document_from_text("p.txt", "受理案件8件。")

    def checked(n):
        doc = document_from_text("x.txt", "受理案件10件，同比增长5%，" * (n // 15))
        return lambda: previous_claims(doc, last_year, "p.txt")

    small = characters_read(checked(6_000), monkeypatch, changes.NOT_PAIRED)
    large = characters_read(checked(24_000), monkeypatch, changes.NOT_PAIRED)
    assert large <= 5 * small, (small, large)


def test_empty_and_blank_texts_give_no_checks():
    for text in ("", "\n\n", "　 \t"):
        found = extract(document_from_text("x.txt", text))
        assert audit("x.txt", found.claims, found.quantities).checks == ()
