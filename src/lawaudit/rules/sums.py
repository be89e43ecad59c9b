"""Sum a breakdown's parts as ranges, so rounding in the written digits is allowed for."""

from __future__ import annotations

from fractions import Fraction

from lawaudit.arith import Range, range_of, show
from lawaudit.model import Quantity
from lawaudit.rules.base import in_scale, written


def sum_range(parts: tuple[Quantity, ...]) -> Range:
    ranges = [range_of(p) for p in parts]
    lo = sum((r.lo for r in ranges), Fraction(0))
    hi = None if any(r.hi is None for r in ranges) else sum((r.hi for r in ranges), Fraction(0))
    return Range(lo, hi)


def sum_text(total: Quantity, parts: tuple[Quantity, ...]) -> tuple[str, str]:
    """("10 + 3 = 13", "13") shown in the scale the total was written in."""
    value = sum((Fraction(p.value) for p in parts), Fraction(0))
    if len(parts) == 1:
        return written(parts[0]), format_base(value)
    shown = in_scale(value, total)
    if any("," in q.raw for q in (total, *parts)) and shown.isdigit():  # grouped as written
        shown = f"{int(shown):,}"
    return f"{' + '.join(written(p) for p in parts)} = {shown}", format_base(value)


def format_base(f: Fraction) -> str:
    if f.denominator == 1:
        return str(f.numerator)
    return show(f, 4).rstrip("0").rstrip(".")
