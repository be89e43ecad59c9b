"""Property tests (issue 6): numerals round-trip, rounding verdicts match exact fractions, and no
text makes extraction raise. Bounded and derandomized so the file is deterministic and fast."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lawaudit.arith import (
    MODES,
    Range,
    candidate_ks,
    decimal_places,
    fits,
    min_denominator,
    numerators_for,
)
from lawaudit.engine import audit
from lawaudit.extract import extract
from lawaudit.extract.numbers import find_quantities, parse_number, parse_quantity
from lawaudit.model import Origin
from lawaudit.readers.text import document_from_text
from lawaudit.rules.base import describe_range

FAST = settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# --- a reference writer of numerals, independent of the parser -------------------------------

DIGITS = "零一二三四五六七八九"


def _section(n: int, *, first: bool, two: bool, one_ten: bool) -> str:
    """0 < n < 10000 in Chinese: 2305 -> 二千三百零五; `first`: the numeral's leading section."""
    out, pending_zero, started = [], False, False
    for place, mark in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // place % 10
        if d == 0:
            pending_zero = started
            continue
        if pending_zero:
            out.append("零")
        pending_zero, started = False, True
        if mark == "十" and d == 1 and first and not out and not one_ten:
            out.append("十")  # 十九, not 一十九, at the start of a numeral
            continue
        digit = "两" if d == 2 and two and mark in ("千", "百") else DIGITS[d]
        out.append(digit + mark)
    return "".join(out)


def chinese(n: int, *, two: bool = False, one_ten: bool = False) -> str:
    """A non-negative integer below 10**12 in standard Chinese numerals: 一万零一, 两千三百零五."""
    if n == 0:
        return "零"
    parts = [(n // 10**8, "亿"), (n // 10**4 % 10**4, "万"), (n % 10**4, "")]
    out, higher, gap = [], False, False
    for value, mark in parts:
        if value == 0:
            gap = higher
            continue
        if higher and (value < 1000 or gap):
            out.append("零")
        text = _section(value, first=not higher, two=two, one_ten=one_ten)
        if two and mark and value == 2:
            text = "两"  # 两万, 两亿
        out.append(text + mark)
        higher, gap = True, False
    return "".join(out)


def arabic(n: int, sep: bool) -> str:
    return f"{n:,}" if sep else str(n)


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (119, "一百一十九"),
        (2305, "两千三百零五"),
        (12000, "一万二千"),
        (1001, "一千零一"),
        (10, "十"),
        (15, "十五"),
        (10010, "一万零一十"),
        (100000001, "一亿零一"),
        (100001000, "一亿零一千"),
        (120500, "十二万零五百"),
    ],
)
def test_reference_writer(n, text):
    assert chinese(n, two=text.startswith("两")) == text
    assert parse_number(text)[0] == n


INTEGERS = st.one_of(st.integers(0, 10**4), st.integers(0, 10**8), st.integers(0, 10**12 - 1))


@FAST
@given(INTEGERS, st.booleans(), st.booleans())
def test_chinese_integers_round_trip(n, two, one_ten):
    text = chinese(n, two=two, one_ten=one_ten)
    value, decimals, _ = parse_number(text)
    assert (value, decimals) == (n, 0), text
    if n:
        q = parse_quantity(text + "件")
        assert (q.value, q.decimals, q.unit) == (n, 0, "件"), text


@FAST
@given(INTEGERS, st.booleans())
def test_arabic_integers_round_trip(n, sep):
    text = arabic(n, sep)
    value, decimals, scale = parse_number(text)
    assert (value, decimals, scale) == (n, 0, 1), text
    q = parse_quantity(text + "人")
    assert (q.value, q.decimals, q.unit) == (n, 0, "人"), text


@FAST
@given(st.integers(0, 10**8), st.text("0123456789", min_size=1, max_size=6), st.booleans())
def test_decimals_round_trip(whole, digits, sep):
    expected = Decimal(f"{whole}.{digits}")
    places = len(digits)
    texts = [f"{arabic(whole, sep)}.{digits}"]
    if whole < 10**4:  # by design a Chinese decimal has no 万/亿 before 点 (一点二万 is scaled)
        texts.append(chinese(whole) + "点" + "".join(DIGITS[int(d)] for d in digits))
    for text in texts:
        value, decimals, _ = parse_number(text)
        assert value == expected and decimals == places, text
        assert value.as_tuple().exponent == -places, text  # trailing zeros kept as written
    if whole <= 100:
        for text in (f"{whole}.{digits}%", "百分之" + texts[-1]):
            q = parse_quantity(text)
            assert (q.value, q.decimals, q.unit) == (expected, places, "%"), text


@FAST
@given(st.integers(1, 9999), st.text("0123456789", max_size=2), st.sampled_from(["万", "亿"]))
def test_scaled_arabic(whole, digits, scale):
    text = f"{whole}.{digits}{scale}" if digits else f"{whole}{scale}"
    mult = 10**4 if scale == "万" else 10**8
    q = parse_quantity(text + "元")
    assert q.value == Decimal(f"{whole}.{digits or 0}") * mult, text
    assert (q.decimals, q.scale) == (len(digits), mult), text


@FAST
@given(st.lists(st.integers(1, 10**6), min_size=1, max_size=6))
def test_quantities_found_in_a_sentence(values):
    text = "，".join(f"受理诉求{arabic(v, True)}件" for v in values) + "。"
    found = find_quantities(text)
    assert [q.value for q in found] == values
    assert all(text[q.start : q.end] == q.raw for q in found)


# --- rounding verdicts against exact Fraction arithmetic --------------------------------------


def reference_round(f: Fraction, places: int, mode: str) -> Decimal:
    """`f` rounded to `places` decimals, from Python's own Fraction operations."""
    x = f * 10**places
    if mode == "half-up":
        n = math.floor(x + Fraction(1, 2))
    elif mode == "half-even":
        n = round(x)  # Fraction.__round__ rounds half to even
    elif mode == "truncate":
        n = math.trunc(x)
    else:
        n = math.ceil(x)
    return Decimal(n).scaleb(-places)


@FAST
@given(
    st.integers(-(10**6), 10**6),
    st.sampled_from([1, 2, 3, 4, 7, 8, 20, 200, 287, 2000, 9973]),
    st.integers(0, 4),
    st.sampled_from(list(MODES)),
)
def test_decimal_places_agrees_with_fractions_for_either_sign(num, den, places, mode):
    f = Fraction(num, den)  # halves (den 2, 20, 200 …) hit the tie rules, negatives truncation
    assert str(decimal_places(f, places, mode)) == str(reference_round(f, places, mode))


@settings(FAST, max_examples=1000)
@given(
    st.integers(1, 5000).flatmap(lambda n: st.tuples(st.just(n), st.integers(0, n))),
    st.integers(0, 3),
    st.sampled_from(list(MODES)),
    st.integers(-2, 2),
)
def test_fits_agrees_with_fractions(nk, places, mode, offset):
    n, k = nk
    exact = Fraction(100 * k, n)
    assert decimal_places(exact, places, mode) == reference_round(exact, places, mode)
    # stated: the value some mode gives, nudged by a few units of the last place
    base = reference_round(exact, places, "half-up")
    stated = max(Decimal(0), base + Decimal(offset).scaleb(-places))
    for m in MODES:
        expect = reference_round(exact, places, m) == stated
        assert fits(k, n, stated, places, (m,)) is expect, (k, n, stated, places, m)
    assert fits(k, n, stated, places, tuple(MODES)) is any(
        reference_round(exact, places, m) == stated for m in MODES
    )


@settings(FAST, max_examples=150)
@given(
    st.integers(1, 300),
    st.integers(0, 2),
    st.sampled_from([("half-up",), ("half-even",), ("truncate",), ("ceiling",)]),
    st.data(),
)
def test_numerators_for_is_every_fitting_k(n, places, modes, data):
    k0 = data.draw(st.integers(0, n))
    stated = reference_round(Fraction(100 * k0, n), places, modes[0])
    stated += Decimal(data.draw(st.integers(-1, 1))).scaleb(-places)
    if stated < 0:
        return
    ks = range(n + 1) if stated <= 100 else range(2 * n + 2)  # a part is no larger than its whole
    brute = {k for k in ks if reference_round(Fraction(100 * k, n), places, modes[0]) == stated}
    assert set(numerators_for(n, stated, places, modes)) == brute


def _reachable_tables(places: int, mode: str) -> dict[Decimal, int]:
    """Brute force: the smallest n with some k in 0..n rounding to each value."""
    first: dict[Decimal, int] = {}
    for n in range(1, 10 ** (places + 2) + 1):
        for k in range(n + 1):
            v = reference_round(Fraction(100 * k, n), places, mode)
            first.setdefault(v, n)
    return first


@pytest.mark.parametrize("mode", list(MODES))
def test_min_denominator_is_the_smallest_whole_places_0(mode):
    first = _reachable_tables(0, mode)
    for s in range(101):
        stated = Decimal(s)
        assert min_denominator(stated, 0, (mode,)) == first[stated], (stated, mode)


def test_min_denominator_is_the_smallest_whole_places_1():
    """One decimal (n up to 1000): every value 0.0..100.0, half-up, against brute force over the
    k nearest each n·stated/100 (any other k is more than one unit away)."""
    mode = "half-up"
    for tenth in range(0, 1001, 7):
        stated = Decimal(tenth).scaleb(-1)
        want = None
        for n in range(1, 1001):
            c = tenth * n // 1000
            if any(
                reference_round(Fraction(100 * k, n), 1, mode) == stated
                for k in range(max(0, c - 1), min(n, c + 2) + 1)
            ):
                want = n
                break
        assert min_denominator(stated, 1, (mode,)) == want, stated


@settings(max_examples=200, deadline=None)
@given(
    st.integers(0, 10_000),
    st.sets(st.sampled_from(sorted(MODES)), min_size=1).map(lambda ms: tuple(sorted(ms))),
)
def test_min_denominator_agrees_with_the_plain_search(hundredths, modes):
    """Two decimals, any modes: the loop with the stated digits hoisted out, against the plain
    search over n with candidate_ks and fits."""
    stated = Decimal(hundredths).scaleb(-2)
    plain = next(
        n
        for n in range(1, 10**4 + 1)
        if any(fits(k, n, stated, 2, modes) for k in candidate_ks(n, stated, 2, modes))
    )
    min_denominator.cache_clear()
    assert min_denominator(stated, 2, modes) == plain


def test_min_denominator_outside_0_to_100():
    assert min_denominator(Decimal("100.1"), 1, ("half-up",)) is None
    assert min_denominator(Decimal("-1"), 0, ("half-up",)) is None


# --- no text makes the pipeline raise ---------------------------------------------------------

REPORT_CHARS = (
    "0123456789.,，、。%％‰万亿余近约共其中受理办结率占比增长下降（）()“”第是\n 　"
    "一二三四五六七八九十百千零两点分之件人次起项个元比上年同期合计总计分别为"
    "０１２３４５６７８９．，％：；"
)
REPORT_WORDS = [
    "受理",
    "办结",
    "办结率",
    "满意率",
    "其中",
    "共",
    "合计",
    "占",
    "比重",
    "同比增长",
    "下降",
    "比上年",
    "上年",
    "2025年",
    "百分之",
    "个百分点",
    "约",
    "近",
    "余",
    "以上",
    "分别为",
    "（一）",
    "1.",
    "《",
    "》",
    "“",
    "”",
    "共计",
    "累计",
]
TEXTS = st.one_of(
    st.text(st.sampled_from(REPORT_CHARS), max_size=200),
    st.text(st.one_of(st.sampled_from(REPORT_CHARS), st.characters()), max_size=200),
    st.lists(
        st.one_of(
            st.sampled_from(REPORT_WORDS),
            st.integers(0, 10**6).map(str),
            st.decimals(0, 100, places=2).map(str),
            # long digit strings and many decimals (issue 16): searches stay logarithmic
            st.integers(10**8, 10**40).map(str),
            st.decimals(0, 100, places=12).map(str),
            st.builds("{}.{}".format, st.integers(0, 100), st.text("0123456789", max_size=30)),
            st.text(st.sampled_from(REPORT_CHARS), max_size=3),
            st.characters(),
        ),
        max_size=60,
    ).map("".join),
)


@settings(FAST, max_examples=250)
@given(TEXTS)
def test_no_text_makes_extraction_raise(text):
    doc = document_from_text("f.txt", text)
    found = extract(doc)
    result = audit("f.txt", found.claims, found.quantities, None, None, found.notable)
    for check in result.checks:
        assert check.status.value in ("pass", "fail", "unverifiable")
    for q in find_quantities(doc.text):
        assert doc.text[q.start : q.end] == q.raw


# --- the JSON writer ---------------------------------------------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=6), inner, max_size=4)
        | st.dictionaries(st.integers(), inner, max_size=2)
    ),  # keys json.dumps turns into strings
    max_leaves=20,
)


@FAST
@given(JSON_VALUES, st.integers(0, 3))
def test_json_writer_gives_the_bytes_of_json_dumps(value, depth):
    """report/json.py indents with its own code for speed; the bytes must be the standard's."""
    import json

    from lawaudit.report.json import dumps

    expected = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)
    assert dumps(value, depth) == expected


@given(
    st.fractions(min_value=-1000, max_value=1000, max_denominator=10**7),
    st.fractions(min_value=Fraction(1, 10**5), max_value=50, max_denominator=10**7),
)
def test_a_shown_range_holds_the_true_one_and_its_ends_differ(lo, width):
    shown_lo, _, shown_hi = describe_range(Range(lo, lo + width)).rpartition("–")
    assert Fraction(shown_lo) <= lo and Fraction(shown_hi) >= lo + width
    assert shown_lo != shown_hi


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 5)), max_size=30))
def test_origin_runs_map_each_character_like_a_plain_list(gaps_and_lengths):
    spans, at = [], 0
    for gap, length in gaps_and_lengths:  # ordered source ranges, some empty, some touching
        spans.append((at + gap, at + gap + length))
        at += gap + length
    plain = [i for a, b in spans for i in range(a, b)]
    origin = Origin(spans)
    assert len(origin) == len(plain) and list(origin) == plain
    assert [origin[i] for i in range(len(plain))] == plain
    assert [origin[-i] for i in range(1, len(plain) + 1)] == [
        plain[-i] for i in range(1, len(plain) + 1)
    ]
    with pytest.raises(IndexError):
        origin[len(plain)]
    touching = [(i, i + 1) for i in plain]  # the same map cut into one-character spans
    assert Origin(touching) == origin
