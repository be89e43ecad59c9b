"""Issue 16: the arithmetic searches are logarithmic in the numbers, never linear.

The smallest whole comes from the Stern–Brocot tree, the fitting parts and wholes from a
bisection over their run, and the test power of a large whole is not counted k by k. Each
search is checked against brute force on small numbers, and the reported cases run through the
real command under a time limit (a regression fails instead of hanging CI; the timings
themselves are in bench/adversarial.py).
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lawaudit.arith import (
    DEFAULT_MODES,
    MODES,
    decimal_places,
    denominators_for,
    fits,
    granularity_power,
    min_denominator,
    numerator_span,
    numerators_for,
    simplest_in,
)

ANY_MODES = st.sets(st.sampled_from(sorted(MODES)), min_size=1).map(lambda ms: tuple(sorted(ms)))


def brute_simplest(lo, lo_closed, hi, hi_closed, max_n=60):
    """Every n in turn (the ends' own denominators are at most 60), every k near the interval."""
    for n in range(1, max_n + 1):
        for k in range(math.floor(lo * n), math.ceil(hi * n) + 1):
            f = Fraction(k, n)
            if (lo < f or (lo_closed and f == lo)) and (f < hi or (hi_closed and f == hi)):
                return n
    return None


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(
    st.fractions(min_value=0, max_value=3, max_denominator=60),
    st.fractions(min_value=0, max_value=1, max_denominator=60),
    st.booleans(),
    st.booleans(),
)
def test_simplest_in_has_the_smallest_denominator(lo, width, lo_closed, hi_closed):
    hi = lo + width
    got = simplest_in(lo, lo_closed, hi, hi_closed)
    want = brute_simplest(lo, lo_closed, hi, hi_closed)
    assert (got.denominator if got is not None else None) == want


def window(k, stated, places):
    """Every whole n with 100·k / n within one unit of the last place of the stated rate."""
    ulp = Fraction(1, 10**places)
    lo = max(1, math.floor(Fraction(100 * k) / (Fraction(stated) + ulp)))
    return lo, math.ceil(Fraction(100 * k) / (Fraction(stated) - ulp))


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.integers(1, 400), st.integers(0, 2), ANY_MODES, st.integers(1, 10_000))
def test_denominators_for_are_the_smallest_fitting_wholes(k, places, modes, digits):
    stated = Decimal(digits).scaleb(-places)
    got = denominators_for(k, stated, places, modes)
    if stated <= Fraction(1, 10**places):
        assert got is None  # any whole from some size up gives it
        return
    lo, hi = window(k, stated, places)
    if hi - lo > 2000:
        assert got is None  # so many wholes that the rate says little of the whole
        return
    brute = [
        n
        for n in range(lo, hi + 1)
        if any(decimal_places(Fraction(100 * k, n), places, m) == stated for m in modes)
    ]
    assert got == brute[:5]


# Hypothesis: long digit strings and many decimals. Every k the search names fits, the k just
# outside its run do not, and the smallest whole admits a part while the whole below it admits
# none that the plain nearest-k test finds.
BIG_N = st.integers(1, 10**30)
PLACES = st.integers(0, 12)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(BIG_N, PLACES, ANY_MODES, st.data())
def test_numerator_span_is_exactly_the_run_of_fitting_parts(n, places, modes, data):
    k0 = data.draw(st.integers(0, n))
    stated = decimal_places(Fraction(100 * k0, n), places, modes[0])
    stated += Decimal(data.draw(st.integers(-1, 1))).scaleb(-places)
    if stated < 0:
        return
    span = numerator_span(n, stated, places, modes)
    near = [k for k in range(k0 - 3, k0 + 4) if 0 <= k <= n]
    if span is None:
        assert not any(fits(k, n, stated, places, modes) for k in near)
        return
    first, last = span
    assert fits(first, n, stated, places, modes) and fits(last, n, stated, places, modes)
    assert first == 0 or not fits(first - 1, n, stated, places, modes)
    assert last == n or not fits(last + 1, n, stated, places, modes)
    ks = numerators_for(n, stated, places, modes)
    assert 1 <= len(ks) <= 5 and all(first <= k <= last for k in ks)


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(st.integers(0, 10**14), st.integers(2, 12), ANY_MODES)
def test_min_denominator_of_many_decimals_admits_a_part(digits, places, modes):
    stated = Decimal(digits % (100 * 10**places + 1)).scaleb(-places)
    min_denominator.cache_clear()
    n = min_denominator(stated, places, modes)
    assert n is not None and 1 <= n <= 10 ** (places + 2)
    assert numerator_span(n, stated, places, modes) is not None
    if n <= 2000:  # every smaller whole, by the plain search
        assert all(numerator_span(m, stated, places, modes) is None for m in range(1, n))


def test_known_smallest_wholes():
    assert min_denominator(Decimal("99.99999"), 5, DEFAULT_MODES) == 6666667
    assert min_denominator(Decimal("99.07"), 2, DEFAULT_MODES) == 107


def test_a_long_run_of_parts_is_two_ends_not_a_list():
    span = numerator_span(2870000000, Decimal("98.96"), 2, DEFAULT_MODES)
    assert span == (2840008500, 2840295500)  # 98.955% to 98.965% (half-even keeps the end)
    assert len(numerators_for(2870000000, Decimal("98.96"), 2, DEFAULT_MODES)) == 5


def test_granularity_power_of_a_large_whole_is_not_counted_part_by_part():
    power = granularity_power(12345678, 6, DEFAULT_MODES)
    assert 0 < power < 1
    # small wholes are still counted exactly: the same as rounding every k
    for n in (7, 107, 287):
        reach = {
            decimal_places(Fraction(100 * k, n), 2, m) for k in range(n + 1) for m in DEFAULT_MODES
        }
        assert granularity_power(n, 2, DEFAULT_MODES) == Fraction(10001 - len(reach), 10001)


CASES = {
    "ten digits each": "共调处纠纷2870000000起，调解成功2840000000起，调处成功率98.96%。",
    "twelve digits each": "共调处纠纷287000000000起，调解成功284000000000起，调处成功率98.96%。",
    "seven decimals": "群众满意率99.9999999%。",
    "twelve decimals": "群众满意率99.999999999999%。",
    "a whole and six decimals": "共调处矛盾纠纷12345678起，调处成功率98.123457%。",
    "a whole and six decimals, impossible": "共调处矛盾纠纷12345678起，调处成功率98.123456%。",
    "a part and six decimals": "调解成功12345678起，调处成功率98.123456%。",
}


@pytest.mark.parametrize("text", CASES.values(), ids=CASES.keys())
def test_reported_numbers_are_audited_quickly_with_short_messages(tmp_path, text):
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "lawaudit", "check", str(path), "-f", "concise", "--fail-on=never"],
        capture_output=True,
        text=True,
        timeout=20,  # each takes well under a second; minutes before issue 16
        env={**os.environ, "CI": "true"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout or "1 unverifiable" in result.stderr or "pass" in result.stderr
    assert all(len(line) < 600 for line in result.stdout.splitlines()), result.stdout


@pytest.mark.parametrize("digits", [41, 5000, 100_000])
def test_a_claim_with_an_absurdly_long_number_is_set_aside_with_a_warning(tmp_path, digits):
    """5,000 digits was an internal error (Python will not print such an integer); 1,000 were
    echoed whole in every message."""
    path = tmp_path / "r.txt"
    long = "1" * digits
    path.write_text(
        f"共调处纠纷{long}起，调解成功{long}起，调处成功率98.96%。\n"
        f"群众满意率99.{'9' * digits}%。\n共调处纠纷287起，调解成功284起，调处成功率98.95%。\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "lawaudit", "check", str(path), "-f", "json"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "CI": "true"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    [report] = json.loads(result.stdout)["files"]
    assert [c["status"] for c in report["checks"]] == ["pass"]  # the ordinary claim only
    assert "2 claims with a number of over 40 digits not checked" in report["warnings"][0]
    assert len(result.stdout) < 5000 and "internal error" not in result.stderr


def test_forty_digits_are_still_checked():
    from lawaudit.engine import audit
    from lawaudit.extract import extract
    from lawaudit.readers.text import document_from_text

    n = "9" * 40
    doc = document_from_text("r.txt", f"共调处纠纷{n}起，调解成功{n}起，调处成功率100%。")
    found = extract(doc)
    result = audit("r.txt", found.claims, found.quantities)
    assert [c.status.value for c in result.checks if c.rule == "LA201"] == ["pass"]
    assert result.warnings == ()


def test_a_file_of_numbers_is_read_up_to_the_cap_with_one_warning():
    """Past MAX_NUMBERS numbers the rest is left unread, with one warning naming the line:
    time and memory stay bounded whatever a file holds (issue 16, text made only of numbers)."""
    from lawaudit.extract import MAX_NUMBERS, extract
    from lawaudit.readers.text import document_from_text

    head = "共受理投诉300件，其中物业类60件，占20%。\n"
    text = head + "1234567、" * (MAX_NUMBERS + 10) + "\n" + head
    found = extract(document_from_text("x.txt", text))
    assert len(found.quantities) == MAX_NUMBERS
    assert len(found.warnings) == 1 and "line 2" in found.warnings[0]
    assert [c.line for c in found.claims if c.kind.value == "rate"] == [1]  # the last line unread
