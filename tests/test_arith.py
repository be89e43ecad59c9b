"""Rounding verdicts from exact fractions, checked against hand-computed values."""

from decimal import Decimal as D
from fractions import Fraction as F

import pytest

from lawaudit.arith import (
    DEFAULT_MODES,
    Range,
    decimal_places,
    granularity_power,
    min_denominator,
    modes_giving,
    numerators_for,
    range_of,
)
from lawaudit.extract.numbers import parse_quantity
from lawaudit.model import Quantity
from lawaudit.rules.base import describe_range


@pytest.mark.parametrize(
    ("value", "places", "mode", "expected"),
    [
        (F(28400, 287), 2, "half-up", "98.95"),
        (F(28400, 287), 2, "ceiling", "98.96"),
        (F(28400, 287), 2, "truncate", "98.95"),
        (F(125, 10), 0, "half-up", "13"),
        (F(125, 10), 0, "half-even", "12"),
        (F(135, 10), 0, "half-even", "14"),
        (F(200, 3), 1, "truncate", "66.6"),
        (F(200, 3), 1, "half-up", "66.7"),
        (F(100), 2, "half-up", "100.00"),
    ],
)
def test_decimal_places(value, places, mode, expected):
    assert format(decimal_places(value, places, mode), "f") == expected


def test_modes_giving_names_only_ceiling_for_the_seed():
    assert modes_giving(F(28400, 287), D("98.96"), 2) == ["ceiling"]


@pytest.mark.parametrize(
    ("stated", "places", "n"),
    [("99.07", 2, 107), ("100", 0, 1), ("50", 0, 2), ("95", 0, 19), ("33.3", 1, 3)],
)
def test_min_denominator(stated, places, n):
    assert min_denominator(D(stated), places, DEFAULT_MODES) == n
    # and nothing smaller works: brute force over every k/m
    for m in range(1, n):
        assert not numerators_for(m, D(stated), places, DEFAULT_MODES)


def test_granularity_power_is_zero_for_large_wholes_and_high_for_small():
    assert granularity_power(10000, 2, DEFAULT_MODES) == 0
    assert granularity_power(7, 2, DEFAULT_MODES) > F(99, 100)


@pytest.mark.parametrize(
    ("raw", "lo", "hi"),
    [
        ("300余册", 300, 400),
        ("近200次", 100, 200),
        ("约300人", 250, 350),
        ("1.2万人", 11500, 12500),
        ("287起", 287, 287),
    ],
)
def test_ranges_of_written_quantities(raw, lo, hi):
    r = range_of(parse_quantity(raw))
    assert (r.lo, r.hi) == (lo, hi)


def test_beyond_has_no_upper_bound():
    assert range_of(parse_quantity("超过300人")).hi is None


@pytest.mark.parametrize(
    "quantity",
    [
        *(
            parse_quantity(raw)
            for raw in (
                "1.2万人",
                "两万人",
                "3.5亿元",
                "15737.82亿元",
                "-0.67‰",
                "0.5",
                "1.19亿亩次",
            )
        ),
        # half_ulp is a Decimal, so beyond the decimal context range_of keeps its answer:
        Quantity("1.5", D("1.5"), decimals=1_000_030),  # half_ulp underflows to 0
        Quantity("1", D(1), scale=10**30 + 1),  # not a power of ten: half_ulp is rounded
    ],
)
def test_rounded_range_is_the_value_plus_or_minus_half_ulp(quantity):
    v, h = F(quantity.value), F(quantity.half_ulp)
    assert range_of(quantity) == Range(v - h, v + h)


def brute_numerators(n, stated, places, modes):
    return sorted(
        k
        for k in range(n + 1)
        if any(decimal_places(F(100 * k, n), places, m) == stated for m in modes)
    )


@pytest.mark.parametrize("modes", [DEFAULT_MODES, ("truncate",), ("ceiling",), ("half-up",)])
@pytest.mark.parametrize("stated", ["0", "0.5", "12.34", "33.3", "66.67", "98.96", "99.9", "100"])
def test_fast_numerators_agree_with_brute_force(stated, modes):
    value = D(stated)
    places = -value.as_tuple().exponent
    for n in range(1, 120):
        assert sorted(numerators_for(n, value, places, modes)) == brute_numerators(
            n, value, places, modes
        )


@pytest.mark.parametrize(
    ("lo", "hi", "shown"),
    [
        # 509.96亿 / 3196.70亿: two decimals would show "15.95–15.95", a single value
        (F(509955, 3196705) * 100, F(509965, 3196695) * 100, "15.9525–15.9529"),
        (F(9894, 100), F(9902, 100), "98.94–99.02"),
        (F(98945, 1000), F(98961, 1000), "98.94–98.97"),  # ends move outward, never inward
        (F(1, 3), None, "0.33–∞"),
        (F(2), F(2), "2"),
    ],
)
def test_describe_range_rounds_outward_to_the_width(lo, hi, shown):
    assert describe_range(Range(lo, hi)) == shown
