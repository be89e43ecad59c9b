"""The engine's coverage figure: which numbers some check used."""

from __future__ import annotations

from decimal import Decimal

from lawaudit.engine import coverage
from lawaudit.model import Mention, Quantity


def q(start: int, end: int, unit: str = "件") -> Quantity:
    return Quantity(raw="1件", value=Decimal(1), unit=unit, start=start, end=end)


def test_a_number_inside_a_used_span_counts_as_checked():
    used = [(10, 30)]  # a summed part "783件、…" covering several numbers
    numbers = [q(10, 14), q(16, 20), q(26, 30), q(31, 35), q(0, 4)]
    cov = coverage(numbers, used, [Mention(numbers[3], 1, 32, "…")])
    assert (cov.numbers, cov.checked) == (5, 3)  # the first starts where the span does
    assert [m.quantity for m in cov.unchecked] == [numbers[3]]


def test_a_long_span_counts_however_many_short_spans_follow_it():
    used = [(0, 1000)] + [(i, i + 4) for i in range(100, 200, 5)]
    assert coverage([q(900, 904)], used, ()).checked == 1
    assert coverage([q(998, 1002)], used, ()).checked == 0  # reaches past every span


def test_numbers_without_a_unit_are_not_counted():
    assert coverage([q(0, 2, unit="")], [(0, 2)], ()).numbers == 0
