"""What a rule returns, and the few helpers every rule uses to show its arithmetic."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from lawaudit.arith import DEFAULT_MODES, Range, show
from lawaudit.i18n import tr
from lawaudit.model import Quantity, Severity, Status

SCALE_WORD = {
    1000: "千",
    10000: "万",
    1000000: "百万",
    10000000: "千万",
    100000000: "亿",
    10**12: "万亿",
}


@dataclass(frozen=True, slots=True)
class Settings:
    """What the user chose: accepted rounding modes (half-up and half-even by default), a
    tolerance in percentage points added to each side of a stated rate's interval (LA201), and
    severities the configuration gives rules, as (rule id, severity) pairs, and the language."""

    modes: tuple[str, ...] = DEFAULT_MODES
    tolerance: Decimal = Decimal(0)
    severity: tuple[tuple[str, str], ...] = ()
    lang: str = "en"  # the language of messages and arithmetic (i18n.py): en or zh


@dataclass(frozen=True, slots=True)
class Outcome:
    """A rule's verdict on one claim; the engine adds the rule id, severity and place."""

    status: Status
    message: str
    arithmetic: str
    values: dict = field(default_factory=dict)
    severity: Severity | None = None  # None: the rule's own (info when unverifiable)


def stated_as() -> str:
    """What joins the arithmetic to the report's own figure: "; stated " or "；报告写作 "."""
    return tr("; stated ", "；报告写作 ")


def num(f: Fraction | Decimal, places: int = 4) -> str:
    """A number for a message: exact integers plain, others to `places` decimals, no exponent."""
    f = Fraction(f)
    if f.denominator == 1:
        return str(f.numerator)
    return show(f, places)


def written(q: Quantity) -> str:
    """How the text wrote it, without its unit: "1.2万", "300余", "98.96". A sum of several
    figures (a numerator a claims file lists, "783+579+562") is parenthesised, so that
    "(783 + 579 + 562) / 2495" reads as the sum divided, not the last term."""
    if q.raw.startswith("(") and q.raw.endswith(")"):
        return q.raw  # already written as a sum or difference: "(5113 + 1898)", "(200 − 3)"
    if "+" in q.raw.lstrip("+"):
        terms = (t.strip().removesuffix(q.unit) if q.unit else t.strip() for t in q.raw.split("+"))
        return "(" + " + ".join(terms) + ")"
    return q.raw.removesuffix(q.unit) if q.unit and q.raw.endswith(q.unit) else q.raw


def in_scale(value: Fraction, like: Quantity) -> str:
    """A base-unit value shown in the scale the text used ("179.99万" next to "180.00万")."""
    if like.scale in SCALE_WORD:
        scaled = Fraction(value) / like.scale
        return show(scaled, like.decimals) + SCALE_WORD[like.scale]
    return num(value, max(like.decimals, 0) if Fraction(value).denominator != 1 else 0)


def base(q: Quantity) -> str:
    """Decimal string in base units, as the JSON contract wants ("1.2万" -> "12000")."""
    s = format(q.value, "f")
    if "." in s and q.scale > 1:
        s = s.rstrip("0").rstrip(".")
    return s


def listed_parts(parts) -> list[str]:
    """The parts as the text names them: "乙区、丙区各3件" (read as 2 × 3件) is two parts of 3."""
    out = []
    for p in parts:
        k, times, _ = p.raw.partition(" × ")
        if times and k.isdigit() and int(k) > 1:
            out += [format(p.value / int(k), "f")] * int(k)
        else:
            out.append(base(p))
    return out


RANGE_PLACES = (2, 3, 4, 5, 6)  # decimals for a range: the fewest that resolve its width


def describe_range(r: Range) -> str:
    """A range rounded outward, its low end down and its high end up, so what is shown holds
    every value the inputs allow, to as many decimals as its width needs: "15.9525–15.9529",
    where two decimals would show "15.95–15.95" (one value?) or "15.95–15.96" (too wide)."""
    if r.exact:
        return num(r.lo)
    width = None if r.hi is None else r.hi - r.lo
    places = next(
        (p for p in RANGE_PLACES if width is None or width * 10**p >= 1), RANGE_PLACES[-1]
    )
    hi = "∞" if r.hi is None else _outward(r.hi, places, up=True)
    return f"{_outward(r.lo, places, up=False)}–{hi}"


def _outward(f: Fraction, places: int, up: bool) -> str:
    """`f` to `places` decimals, rounded up or down (not toward zero): a range's shown end."""
    scaled = f * 10**places
    n = -(-scaled.numerator // scaled.denominator) if up else scaled.numerator // scaled.denominator
    return format(Decimal(n).scaleb(-places), "f")
