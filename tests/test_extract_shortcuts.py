"""The cheap tests extractors run before their regular expressions give what the expressions
alone give: each shortcut is checked against the plain code it stands in for."""

from __future__ import annotations

import re
from decimal import Decimal
from re import _parser as sre_parse

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lawaudit.extract import extract
from lawaudit.extract import patterns as P
from lawaudit.extract.changes import (
    BASE,
    BASE_REACH,
    BY,
    DOWN,
    DOWN_WORDS,
    MONTHLY,
    NOT_PAIRED,
    NOT_PREV,
    PREV,
    UP,
    YEAR,
    YearsBefore,
    base_between,
    doubled_items,
    not_paired_from,
    prev_mark,
    statement,
    year_before,
)
from lawaudit.extract.context import (
    MAX_LABEL,
    NOTE,
    TIME_MARK,
    Item,
    Sentence,
    label_before,
    opens_breakdown,
    sentences,
    words_before,
)
from lawaudit.extract.listed import (
    _CLOSE,
    _OPEN,
    COUNT,
    MAX_LIST_SPAN,
    _bracket_close,
    _depth,
    _para_end,
    _sentence_end,
)
from lawaudit.extract.numbers import _scaled, find_quantities
from lawaudit.extract.repeats import LINE_BREAK, line_break_between
from lawaudit.extract.structure import WINDOW, in_window
from lawaudit.extract.totals import breakdown_markers, respectively
from lawaudit.model import Quantity
from lawaudit.readers.text import document_from_text

FAST = settings(
    max_examples=400,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
# Characters the shortcuts and the patterns they stand in for turn on, and some that are neither.
ALPHABET = "上年去月同期末底度一2023以来比较增长结转受理的为(（)）\n，、。"


def item_at(text: str, start: int, label: str) -> Item:
    q = Quantity("96件", 96, "件", 0, 1, "", start, start + 3)
    return Item(q, label, 0)


def prev_mark_plain(label: str) -> str | None:
    if NOT_PREV.search(label) or P.CHANGE_WORDS.search(label.replace("增加值", "")):
        return None
    m = PREV.search(label)
    if m:
        return "month" if MONTHLY.search(m.group()) else "year"
    years = YEAR.findall(label)
    return years[-1] if years else None


def words_before_plain(text: str, it: Item, floor: int) -> tuple[str, int]:
    start = it.q.start - len(it.label)
    note = NOTE.search(text, max(floor, start - 32), start)
    if not note:
        return it.label, start
    head = label_before(text, note.start(), floor)
    return head + it.label, note.start() - len(head)


@FAST
@given(st.text(alphabet=ALPHABET, max_size=24))
def test_prev_mark_shortcut(label):
    assert prev_mark(item_at(label, len(label), label)) == prev_mark_plain(label)


@FAST
@given(st.text(alphabet=ALPHABET, max_size=60), st.data())
def test_words_before_shortcut(text, data):
    at = data.draw(st.integers(0, len(text)))
    floor = data.draw(st.integers(0, at))
    label = text[data.draw(st.integers(floor, at)) : at]
    it = item_at(text, at, label)
    assert words_before(text, it, floor) == words_before_plain(text, it, floor)


def test_words_before_sees_a_note_before_a_final_line_break():
    """NOTE ends in $, which also matches before a line break that ends the searched text."""
    for text in ("收入(不含债务)\n", "收入(不含债务)", "收入（不含债务）\n", "收入不含债务\n"):
        it = item_at(text, len(text), "")
        assert words_before(text, it, 0) == words_before_plain(text, it, 0)
    assert words_before("收入(不含债务)\n", item_at("收入(不含债务)\n", 9, ""), 0) == ("收入", 0)


def joined(words: str, max_size: int):
    """Text made of up to `max_size` of these space-separated words, in any order."""
    return st.lists(st.sampled_from(words.split()), max_size=max_size).map("".join)


YEAR_TEXT = joined("2023年 2024年 1999 度 以来 以前 以后 起 以 前 受理", 12)
NOT_PAIRED_TEXT = joined("年均 平均 每年 分别 目标 年 均 平 增长 ，", 12)


@FAST
@given(YEAR_TEXT, st.data())
def test_years_before_is_year_before_at_every_position(text, data):
    start = data.draw(st.integers(0, len(text)))
    year_at = YearsBefore(text, Sentence(start, len(text), ()))
    for at in range(start, len(text) + 1):
        assert year_at(at) == year_before(text, start, at), at


@FAST
@given(NOT_PAIRED_TEXT, st.data())
def test_not_paired_from_is_a_search_from_the_sentence_start(text, data):
    start = data.draw(st.integers(0, len(text)))
    stop = not_paired_from(text, Sentence(start, len(text), ()))
    for at in range(start, len(text) + 1):
        ruled_out = stop is not None and stop <= at
        assert ruled_out == bool(NOT_PAIRED.search(text, start, at)), at


BASE_TEXT = joined("较 比 上年 2023年 十四五 时期 末 同期 ” 的 ，", 16)


def test_base_fits_in_its_reach():
    """The longest BASE match, and a final line break its $ may stand before."""
    assert sre_parse.parse(BASE.pattern, BASE.flags).getwidth()[1] + 1 <= BASE_REACH


@FAST
@given(BASE_TEXT, st.integers(0, 40), st.sampled_from(["", "\n"]))
def test_base_between_is_a_search_of_the_whole_gap(words, filler, end):
    text = "受理10件" + "工作" * filler + words + end + "96件"
    c, p = item_at(text, 2, "受理"), item_at(text, len(text) - 3, "")
    plain = bool(BASE.search(text, c.q.end, p.q.start))
    assert base_between(text, c, p) == plain


DOUBLED_TEXT = joined("办结9件 翻一番 翻两番 增长12% ， 实现 9", 12)


@FAST
@given(DOUBLED_TEXT)
def test_doubled_items_label_goes_back_to_the_number_before(text):
    """The bisection finds the floor the plain scan of the sentence's numbers found."""
    doc = document_from_text("x.txt", text)
    text = doc.text
    for sent in sentences(doc, find_quantities(text)):
        if not sent.items:
            continue
        for it in doubled_items(text, sent):
            ends = [i.q.end for i in sent.items if i.q.end <= it.q.start] or [sent.start]
            assert it.label == label_before(text, it.q.start, max(ends))


LABEL_TEXT = st.text(alphabet='受理件,，、:：;；()（）[]【】“”"|\n。的', max_size=80)


def label_before_plain(text: str, start: int, floor: int) -> str:
    lo = max(floor, start - MAX_LABEL)
    chunk = text[lo:start]
    cut = 0
    for m in P.CLAUSE_BREAK.finditer(chunk):
        cut = m.end()
    return chunk[cut:]


@FAST
@given(LABEL_TEXT, st.data())
def test_label_before_is_the_text_after_the_last_clause_break(text, data):
    start = data.draw(st.integers(0, len(text)))
    floor = data.draw(st.integers(0, start))
    assert label_before(text, start, floor) == label_before_plain(text, start, floor)


COUNT_PLAIN = re.compile(COUNT.pattern.removeprefix("(?=[二两三四五六七八九十1-9])"))
PIECES = [
    ["", "第", "每", "、", "“", "0", "1", "一", "开展"],  # before the numeral
    ["二", "十", "十一", "两", "三", "九", "二十", "1", "2", "9", "10", "19", "20", "0", "一"],
    ["个", "项", "方面", "支", "大", "名", "年"],  # the unit
    ["队伍", "工作", "行动", "", "五年规划"],  # the noun
    ["(", ":", "”(", "，", ""],  # what follows
]
COUNT_TEXT = st.lists(
    st.tuples(*(st.sampled_from(p) for p in PIECES)).map("".join), max_size=4
).map("".join)


@FAST
@given(COUNT_TEXT)
def test_count_lookahead_only_skips_positions_that_cannot_match(text):
    assert COUNT.pattern != COUNT_PLAIN.pattern
    found = [(m.span(), m.groupdict()) for m in COUNT.finditer(text)]
    assert found == [(m.span(), m.groupdict()) for m in COUNT_PLAIN.finditer(text)]


SENTENCE_TEXT = st.text(alphabet="开展行动。!?(“”)《》,、\n", max_size=60)


@FAST
@given(SENTENCE_TEXT, st.data())
def test_sentence_end_is_the_first_stop_at_depth_zero(text, data):
    at = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(at, len(text)))
    plain = next((i for i in range(at, end) if text[i] in "。!?" and _depth(text, at, i) == 0), end)
    assert _sentence_end(text, at, end) == plain


@FAST
@given(st.integers(0, 3 * MAX_LIST_SPAN), st.lists(st.integers(0, 3 * MAX_LIST_SPAN)), st.data())
def test_para_end_is_the_line_break_or_too_far(length, breaks, data):
    """Bounded, the paragraph's end is the plain one, or "too far" (past MAX_LIST_SPAN) where
    the plain one is too far."""
    chars = ["字"] * length
    for b in breaks:
        if b < length:
            chars[b] = "\n"
    text = "".join(chars)
    i = data.draw(st.integers(0, length))
    plain = text.find("\n", i) % (len(text) + 1)
    bounded = _para_end(text, i)
    if plain - i <= MAX_LIST_SPAN:
        assert bounded == plain
    else:
        assert MAX_LIST_SPAN < bounded - i <= plain - i


def bracket_close_plain(text: str, at: int, reach: int) -> int | None:
    depth, i = 1, at
    while i < reach and depth and text[i] != "\n":
        depth += (text[i] in _OPEN) - (text[i] in _CLOSE)
        i += 1
    return None if depth else i - 1


@FAST
@given(SENTENCE_TEXT, st.data())
def test_bracket_close_is_the_plain_scan_of_every_character(text, data):
    at = data.draw(st.integers(0, len(text)))
    reach = data.draw(st.integers(at, len(text)))
    assert _bracket_close(text, at, reach) == bracket_close_plain(text, at, reach)


def test_a_list_that_runs_past_its_span_is_not_read():
    """The bound on the scan: a list whose end lies beyond MAX_LIST_SPAN gives no claim, one
    just within it does."""
    items = ["坚持" + "改革" * (MAX_LIST_SPAN // 4), "坚持发展", "坚持创新"]
    for opening, closing in (("：", "。"), ("（", "）")):
        within = "开展三项行动" + opening + "、".join(items) + closing
        beyond = "开展三项行动" + opening + "、".join(items[:1] * 3) + closing
        assert listed_claims_of(within) and not listed_claims_of(beyond), opening


def listed_claims_of(text: str) -> list:
    return [c for c in extract(document_from_text("x.txt", text)).claims if c.kind == "listed"]


@FAST
@given(st.lists(st.integers(0, 3 * WINDOW), max_size=30), st.integers(0, 3 * WINDOW))
def test_in_window_is_a_filter_of_every_item(ends, at):
    ends.sort()  # items come in text order
    items = [item_at("", end - 3, "") for end in ends]
    plain = [it for it in items if at - WINDOW <= it.q.end <= at]
    assert in_window(items, ends, at) == plain


@FAST
@given(st.text(alphabet="受理件\n\r。", max_size=40), st.data())
def test_line_break_between_is_a_look_at_the_text_between(text, data):
    end = data.draw(st.integers(0, len(text)))
    start = data.draw(st.integers(0, end))
    breaks = [m.start() for m in LINE_BREAK.finditer(text)]
    assert line_break_between(breaks, start, end) == ("\n" in text[start:end])


TIME_MARK_PLAIN = re.compile(
    r"(?:19|20)\d\d年|今年|明年|过去一年|过去五年|这五年|五年来|十[一二三四五六七八九]五"
)
TIME_TEXT = joined("19 20 23 2025 年 今 明 过去 一 五 这 来 十四五 十 四 受理 1999年 ，", 16)


@FAST
@given(TIME_TEXT)
def test_time_mark_with_plain_first_characters_finds_what_the_grouped_pattern_finds(text):
    found = [(m.span(), m.group()) for m in TIME_MARK.finditer(text)]
    assert found == [(m.span(), m.group()) for m in TIME_MARK_PLAIN.finditer(text)]


@FAST
@given(st.from_regex(r"[0-9]{1,12}(?:\.[0-9]{1,6})?", fullmatch=True))
def test_scaled_by_one_is_the_digits_with_their_exponent_written_out(mantissa):
    whole, _, frac = mantissa.partition(".")
    plain = Decimal(f"{whole}{frac}E-{len(frac)}")
    value, decimals, scale = _scaled(mantissa, 1)
    assert (value.as_tuple(), str(value), decimals, scale) == (
        plain.as_tuple(),
        str(plain),
        len(frac),
        1,
    )


def statement_plain(item: Item) -> tuple[str, str] | None:
    """changes.statement without the look at the label's last character, for "by" changes."""
    if not item.q.unit or item.q.unit in ("‰", "倍"):
        return None
    m = BY.search(item.label)
    if not m:
        return None
    word = m.group("verb") or m.group("rate") or m.group("more")
    down = word in DOWN_WORDS or word in ("降幅", "跌幅", "少", "低")
    return "by", "down" if down else "up"


OTHER_WORDS = [
    "增幅",
    "涨幅",
    "降幅",
    "跌幅",
    "比上年多",
    "较去年低",
    "比上年",
    "同比",
    "收入",
    "年",
    "增",
]
CHANGE_WORD = st.sampled_from([*UP.split("|"), *DOWN.split("|"), *OTHER_WORDS, "多", "高"])
CHANGE_TAIL = st.sampled_from(["", "了", "为", "达", "达到", "是", "\n", "了\n", "的", "，"])
CHANGE_LABEL = st.tuples(st.sampled_from(["", "收入", "同比", "，"]), CHANGE_WORD, CHANGE_TAIL).map(
    "".join
)


@FAST
@given(CHANGE_LABEL, st.sampled_from(["%", "件", "亿元", "百分点"]))
def test_statement_looks_at_the_last_character_only_to_skip_a_search(label, unit):
    q = Quantity("5" + unit, 5, unit, 0, 1, "", 100, 101 + len(unit))
    assert statement(Item(q, label, 0)) == statement_plain(Item(q, label, 0))


BREAKDOWN_TEXT = joined("其中 分产业看 按城乡划分 从构成看 ， ： 受理 分 按 从", 5)


@FAST
@given(BREAKDOWN_TEXT, st.data())
def test_opens_breakdown_skips_only_sentences_no_marker_can_start(text, data):
    start = data.draw(st.integers(0, len(text)))
    sent = Sentence(start, len(text), ())
    head = text[start : start + 16]
    assert opens_breakdown(text, sent) == bool(P.AMONG.match(head) or P.BY_DIMENSION.match(head))


MARKER_TEXT = joined(
    "其中 分产业看 按城乡划分 从构成看 分别为 分别达 分别 其 中 分 按 从 看 产业 ， ： 受理10件", 4
)


@FAST
@given(MARKER_TEXT, st.data())
def test_breakdown_markers_are_the_matches_of_the_plain_searches(text, data):
    end = data.draw(st.integers(0, len(text)))
    start = data.draw(st.integers(0, end))
    plain = [*P.AMONG.finditer(text, start, end), *P.BY_DIMENSION.finditer(text, start, end)]
    plain.sort(key=lambda m: m.start())
    assert [m.span() for m in breakdown_markers(text, start, end)] == [m.span() for m in plain]
    found = [m.span() for m in respectively(text, start, end)]
    assert found == [m.span() for m in P.RESPECTIVELY.finditer(text, start, end)]


def change_pairs(text: str) -> list[tuple[str, str, str, bool]]:
    claims = extract(document_from_text("x.txt", text)).claims
    return [(c.subject, c.current.raw, c.previous.raw, c.inferred) for c in claims if c.current]


def test_a_change_naming_another_subject_is_not_paired_though_its_words_are_read_last():
    """pair reads the change's own words only once a pairing is found: each way of pairing still
    drops a change whose words name something else, and keeps one naming the same thing."""
    earlier = "上年受理行政复议案件96件。今年受理行政复议案件120件，"
    assert change_pairs(earlier + "同比增长25%。") == [("受理行政复议案件", "120件", "96件", True)]
    assert change_pairs(earlier + "受理行政复议案件同比增长25%。") == change_pairs(
        earlier + "同比增长25%。"
    )
    assert change_pairs(earlier + "投诉量同比增长25%。") == []
    in_sentence = "受理行政复议案件120件，上年同期受理行政复议案件96件，"
    assert change_pairs(in_sentence + "同比增长25%。") == [
        ("受理行政复议案件", "120件", "96件", False)
    ]
    assert change_pairs(in_sentence + "投诉量同比增长25%。") == []
    assert change_pairs("受理案件由96件增加到120件，增长25%。") == [
        ("受理案件", "120件", "96件", False)
    ]
    assert change_pairs("受理案件由96件增加到120件，投诉增长25%。") == []
