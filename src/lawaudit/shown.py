"""What a check stated and what arithmetic gives, written as the report writes numbers.

The JSON contract keeps `values` in base units ("57515000000" for 575.15亿元), which programs
want; a person reading the table wants "575.15亿元 → 575.15亿元". The engine calls `pair()`
with the claim a check came from, which still has every Quantity as written (its raw text,
unit and scale), and stores the result on the Check for the table and the other formats
people read.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from fractions import Fraction

from lawaudit.i18n import tr
from lawaudit.model import Claim, ClaimKind, Quantity
from lawaudit.rules.base import SCALE_WORD

RANGE_DASH = "–"


def pair(claim: Claim, values: dict) -> tuple[str, str]:
    """(stated, computed) as written: ("98.96%", "98.9547%"), ("575.15亿元", "575.10亿元")."""
    computed = str(values.get("computed", "") or "")
    kind = claim.kind
    if kind is ClaimKind.RATE and claim.stated:
        if not computed and values.get("min_denominator"):
            need = values["min_denominator"]
            return claim.stated.raw, tr(f"needs n≥{need}", f"分母≥{need}")
        return claim.stated.raw, _percent(computed)
    if kind is ClaimKind.COMPLETION and claim.numerator and claim.denominator:
        return f"{claim.numerator.raw} / {claim.denominator.raw}", _percent(computed)
    if kind is ClaimKind.TOTAL and claim.total:
        return claim.total.raw, _like(computed, claim.total, claim.parts)
    if kind in (ClaimKind.CHANGE, ClaimKind.POINTS) and claim.stated:
        s = claim.stated
        if s.unit in ("%", "倍", "百分点", "个百分点") or not s.unit:
            unit = s.unit or ""
            if unit == "%" or unit == "倍" or "百分点" in unit:
                return s.raw, _with_unit(computed, unit)
        return s.raw, _like(computed, s, (claim.current, claim.previous))
    if kind is ClaimKind.SHARES:
        if claim.total is not None and "total" in values:  # LA206: the whole the shares imply
            return claim.total.raw, _like(computed, claim.total, claim.counts)
        return " + ".join(p.raw for p in claim.parts), _percent(computed)
    if kind is ClaimKind.LISTED and claim.stated:
        return claim.stated.raw, tr(f"{computed} items", f"{computed}项") if computed else ""
    if kind is ClaimKind.REPEAT and claim.stated and claim.previous:
        return claim.stated.raw, claim.previous.raw
    if kind is ClaimKind.PERIOD and claim.items:
        return claim.items[0], claim.items[1] if len(claim.items) > 1 else ""
    return "", ""


def _percent(computed: str) -> str:
    return _with_unit(computed, "%")


def _with_unit(computed: str, unit: str) -> str:
    if not computed:
        return ""
    return computed + unit


def _like(computed: str, like: Quantity, others=()) -> str:
    """A base-unit decimal (or a range "a–b") in the scale and unit `like` was written in,
    grouped by thousands when the report grouped its figures."""
    if not computed:
        return ""
    ends = _split_range(computed)
    if ends is None:
        return computed
    group = any("," in q.raw for q in (like, *others) if q is not None)
    shown = [in_scale_of(v, like, group) for v in ends]
    return RANGE_DASH.join(shown) + like.unit


def _split_range(text: str) -> list[Decimal] | None:
    try:
        return [Decimal(p) for p in text.split(RANGE_DASH)]
    except InvalidOperation:
        return None


def in_scale_of(value: Decimal, like: Quantity, group: bool = False) -> str:
    """`value` (base units) in the scale `like` used: 57510000000 like 575.15亿 -> "575.10亿"."""
    word = SCALE_WORD.get(like.scale, "")
    scale = like.scale if word else 1
    v = Fraction(value) / scale
    places = max(like.decimals, 0) if word or v.denominator != 1 else 0
    if v.denominator != 1:
        places = max(places, 1)
    text = f"{Decimal(v.numerator) / Decimal(v.denominator):.{places}f}"
    if group:
        head, _, tail = text.partition(".")
        text = f"{int(head):,}" + (f".{tail}" if tail else "")
    return text + word
