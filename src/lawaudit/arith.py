"""Exact arithmetic for verdicts: ratios as Fractions, stated values as intervals.

A stated figure is evidence of an interval, not a point: "98.96%" written with two decimals
means some true value in [98.955, 98.965) under half-up rounding. A ratio is computed exactly
(Fraction), rounded once per rounding mode, and compared with what was written (scrutiny's way).
Approximate inputs ("300余", "近200") widen the inputs into ranges instead.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import lru_cache

from lawaudit.model import APPROX_ABOVE, APPROX_AROUND, APPROX_BELOW, Quantity

# Rounding modes, in the order a message lists them, with the words a reader understands.
MODES: dict[str, str] = {
    "half-up": ROUND_HALF_UP,
    "half-even": ROUND_HALF_EVEN,
    "truncate": ROUND_DOWN,
    "ceiling": ROUND_CEILING,
}
MODE_WORDS = {
    "half-up": "half-up",
    "half-even": "half-even",
    "truncate": "truncation",
    "ceiling": "rounding up (ceiling)",
}
DEFAULT_MODES = ("half-up", "half-even")


def decimal_places(f: Fraction, places: int, mode: str = "half-up") -> Decimal:
    """`f` rounded to `places` decimals with a named mode, exactly (no float on the way).

    In integers: f × 10^places = floor + rest / den with 0 ≤ rest < den, so the dropped part is
    compared with ½ as 2·rest against den, without building a Fraction for each step.
    """
    den = f.denominator
    floor, rest = divmod(f.numerator * 10**places, den)
    if not rest:
        n = floor
    elif mode == "truncate":
        n = floor if floor >= 0 else floor + 1  # toward zero
    elif mode == "ceiling" or 2 * rest > den:
        n = floor + 1
    elif 2 * rest < den:
        n = floor
    elif mode == "half-even":
        n = floor + (floor % 2)
    else:  # half-up: away from zero for positives
        n = floor + 1
    return Decimal(n).scaleb(-places)


def show(f: Fraction, places: int) -> str:
    """A computed value for display: `places` decimals, half-up, trailing zeros kept."""
    return format(decimal_places(f, places), "f")


def modes_giving(exact: Fraction, stated: Decimal, places: int) -> list[str]:
    """Every rounding mode that turns `exact` into the value as written."""
    return [m for m in MODES if decimal_places(exact, places, m) == stated]


@dataclass(frozen=True, slots=True)
class Range:
    """A closed range of possible true values, `hi` None for unbounded above."""

    lo: Fraction
    hi: Fraction | None

    @property
    def exact(self) -> bool:
        return self.hi is not None and self.lo == self.hi


def place_of(q: Quantity) -> Fraction:
    """One unit of the last written place, in base units (300 -> 100, 27.5万 -> 1000)."""
    if q.decimals > 0 or q.scale > 1:
        return Fraction(q.scale) / 10**q.decimals
    n = abs(int(q.value))
    if n == 0:
        return Fraction(1)
    zeros = len(str(n)) - len(str(n).rstrip("0"))
    return Fraction(10**zeros)


def range_of(q: Quantity) -> Range:
    """What the written quantity allows: exact counts are points, rounded or approximate are ranges.

    余/多/以上 mean "more than" (up to one unit of the last written place: 300余 < 400);
    近 means "nearly" (a little under); 约/左右 either side; 超过 has no upper bound.
    """
    if q.qualifier:
        v, step = Fraction(q.value), place_of(q)
        if q.qualifier in ("超过", "超", "逾", "以上", "过"):
            return Range(v, None)
        if q.qualifier in APPROX_ABOVE:
            return Range(v, v + step)
        if q.qualifier in APPROX_BELOW:
            return Range(v - step, v)
        if q.qualifier in APPROX_AROUND:
            return Range(v - step / 2, v + step / 2)
    if q.rounded and not q.is_percent:
        return _within_half_unit(q)
    v = Fraction(q.value)
    return Range(v, v)


def _within_half_unit(q: Quantity) -> Range:
    """value ± q.half_ulp (half a unit of the last written place), from integers.

    With value = n/d and half a unit = scale / (2·10^decimals), each end is one Fraction of an
    integer sum: the same exact bounds as converting the Decimal half_ulp and adding Fractions,
    in a third of the time. half_ulp is only exact within the decimal context (28 digits,
    exponents from -999999), so beyond that, far past any report, its value is kept as it was.
    """
    if not (0 <= q.decimals < 999_000 and q.scale < 10**27):
        v, h = Fraction(q.value), Fraction(q.half_ulp)
        return Range(v - h, v + h)
    n, d = q.value.as_integer_ratio()
    w = 2 * 10**q.decimals
    return Range(Fraction(n * w - q.scale * d, d * w), Fraction(n * w + q.scale * d, d * w))


def ratio_range(num: Range, den: Range) -> Range:
    """num / den × 100 as a range of percentages (den > 0)."""
    if den.lo <= 0:
        return Range(Fraction(0), None)
    lo = num.lo * 100 / (den.hi if den.hi is not None else den.lo)
    if den.hi is None:
        lo = Fraction(0)
    hi = None if num.hi is None else num.hi * 100 / den.lo
    return Range(lo, hi)


def stated_interval(q: Quantity, modes: tuple[str, ...] = DEFAULT_MODES) -> Range:
    """The true values that round to the stated one under the accepted modes (widest)."""
    v = Fraction(q.value)
    ulp = Fraction(1, 10**q.decimals)
    lo, hi = v - ulp / 2, v + ulp / 2
    if "truncate" in modes:
        hi = max(hi, v + ulp)
    if "ceiling" in modes:
        lo = min(lo, v - ulp)
    return Range(lo, hi)


def overlaps(a: Range, b: Range) -> bool:
    a_hi = a.hi if a.hi is not None else math.inf
    b_hi = b.hi if b.hi is not None else math.inf
    return a.lo <= b_hi and b.lo <= a_hi


def fits(k: int, n: int, stated: Decimal, places: int, modes: tuple[str, ...]) -> bool:
    """Does k/n, as a percentage rounded to `places` under one of `modes`, give `stated`?

    Exact integer inequalities, no Fractions: with x = 100·10^places·k / n and s the stated
    digits as an integer, half-up gives s when s − ½ ≤ x < s + ½, and so on for each mode.
    """
    if n <= 0 or k < 0 or stated < 0:
        return any(decimal_places(Fraction(100 * k, n), places, m) == stated for m in modes)
    return _fits_scaled(100 * 10**places * k, n, int(stated.scaleb(places)), modes)


def _fits_scaled(a: int, b: int, s: int, modes: tuple[str, ...]) -> bool:
    """`fits` in integers: does a / b, rounded to a whole under one of `modes`, give s?"""
    for mode in modes:
        if mode == "half-up" and (2 * s - 1) * b <= 2 * a < (2 * s + 1) * b:
            return True
        if mode == "half-even" and (
            (2 * s - 1) * b < 2 * a < (2 * s + 1) * b
            or (s % 2 == 0 and 2 * a in ((2 * s - 1) * b, (2 * s + 1) * b))
        ):
            return True
        if mode == "truncate" and s * b <= a < (s + 1) * b:
            return True
        if mode == "ceiling" and (s - 1) * b < a <= s * b:
            return True
    return False


NEAREST = 5  # how many nearest values a message lists: a handful, whatever the numbers


def numerators_for(
    n: int, stated: Decimal, places: int, modes: tuple[str, ...], limit: int = NEAREST
) -> list[int]:
    """The k with k/n rounding to the stated percentage, nearest the exact centre first: at
    most `limit` of them (`numerator_span` says how many there are in all)."""
    span = numerator_span(n, stated, places, modes)
    if span is None:
        return []
    centre = Fraction(stated) * n / 100
    c = int(centre)
    first, last = max(span[0], c - limit), min(span[1], c + limit + 1)
    return sorted(range(first, last + 1), key=lambda k: abs(k - centre))[:limit]


def numerator_span(
    n: int, stated: Decimal, places: int, modes: tuple[str, ...]
) -> tuple[int, int] | None:
    """The first and last k with k/n rounding to the stated percentage, or None if no k does.

    The fitting k are one run of consecutive integers (each mode's interval around the stated
    value holds the value itself, so their union is one interval), and when the run is not
    empty it holds the floor or the ceiling of n·stated/100. Its ends are then found by
    bisection: O(log n) tests, however many k fit (2,870,000,000 cases at 98.96% allow 574,001).
    """
    if n <= 0 or stated < 0:
        return None
    scale = 100 * 10**places
    s = int(stated.scaleb(places).to_integral_value())
    cand = _ks_near(n, s, scale, capped=stated <= 100)
    if not cand:
        return None
    c = s * n // scale
    ok = lambda k: cand.start <= k < cand.stop and _fits_scaled(scale * k, n, s, modes)  # noqa: E731
    m = next((k for k in (c, c + 1) if ok(k)), None)
    if m is None:
        return None
    return _run_end(ok, m, cand.start, -1), _run_end(ok, m, cand.stop - 1, 1)


def _run_end(ok, inside: int, bound: int, step: int) -> int:
    """The last integer from `inside` toward `bound` (inclusive) with ok() true, by bisection;
    ok is true on one run holding `inside`."""
    good, bad = inside, bound + step
    while abs(bad - good) > 1:
        mid = (good + bad) // 2
        if ok(mid):
            good = mid
        else:
            bad = mid
    return good


def denominators_for(
    k: int, stated: Decimal, places: int, modes: tuple[str, ...], limit: int = NEAREST
) -> list[int] | None:
    """The smallest wholes n (at most `limit`, ascending) with k / n rounding to the stated
    percentage: what the whole would have to be.

    None when more than 2,000 wholes are within a unit of it, so that the stated rate says
    little about the whole. The n that fit are one run (k / n falls as n grows), found by
    bisection around 100·k / stated, never by trying each n.
    """
    if k < 0 or stated <= 0:
        return None if stated <= 0 else []
    ulp = Fraction(1, 10**places)
    lo_n = max(1, math.floor(Fraction(100 * k) / (Fraction(stated) + ulp)))
    hi_n = math.ceil(Fraction(100 * k) / (Fraction(stated) - ulp)) if stated > ulp else None
    if hi_n is None or hi_n - lo_n > 2000:
        return None
    ok = lambda n: lo_n <= n <= hi_n and fits(k, n, stated, places, modes)  # noqa: E731
    c = math.floor(Fraction(100 * k) / Fraction(stated))
    m = next((n for n in (c, c + 1) if ok(n)), None)
    if m is None:
        return []
    first = _run_end(ok, m, lo_n, -1)
    return list(range(first, min(_run_end(ok, m, hi_n, 1), first + limit - 1) + 1))


def candidate_ks(n: int, stated: Decimal, places: int, modes: tuple[str, ...]) -> range:
    """The k whose k/n lies within one unit of the stated value: integers only, no Fractions.

    With s = stated × 10^places, k/n × 100 × 10^places must lie in [s - 1, s + 1] for any mode;
    the exact mode test (`fits`) then decides.
    """
    scale = 100 * 10**places
    s = int(stated.scaleb(places).to_integral_value())
    return _ks_near(n, s, scale, capped=stated <= 100)


def _ks_near(n: int, s: int, scale: int, capped: bool) -> range:
    """candidate_ks with the stated value as digits s at `scale`; `capped`: k ≤ n."""
    lo = max(0, -((-(s - 1) * n) // scale))  # ceil((s - 1) n / scale)
    hi = ((s + 1) * n) // scale
    if capped:
        hi = min(hi, n)  # a part no larger than its whole
    return range(lo, hi + 1)


@lru_cache(maxsize=4096)
def min_denominator(stated: Decimal, places: int, modes: tuple[str, ...]) -> int | None:
    """The smallest n for which some k/n rounds to the stated percentage (GRIM for %).

    Always exists for 0..100 with n ≤ 10**(places+2); None for values outside 0..100. Each mode
    admits one interval of ratios k/n (half-up: [s − ½, s + ½) units of the last place, and so
    on); the fraction with the smallest denominator inside an interval comes from the
    Stern–Brocot tree (`simplest_in`), in as many steps as the ends' continued fractions have
    terms: 99.99999% takes a dozen, where trying each n took 10^7.
    """
    if stated < 0 or stated > 100:
        return None
    scale = 100 * 10**places
    s = int(stated.scaleb(places).to_integral_value())
    best = None
    for mode in modes:
        lo, lo_closed, hi, hi_closed = _mode_interval(s, mode)
        lo, hi = Fraction(lo, 2 * scale), Fraction(hi, 2 * scale)
        if lo < 0:
            lo, lo_closed = Fraction(0), True
        if hi > 1:
            hi, hi_closed = Fraction(1), True  # a part no larger than its whole
        f = simplest_in(lo, lo_closed, hi, hi_closed)
        if f is not None and (best is None or f.denominator < best):
            best = f.denominator
    return best


def _mode_interval(s: int, mode: str) -> tuple[int, bool, int, bool]:
    """The values x (in halves of the last place: 2x) that `mode` rounds to s, as
    (low, low closed, high, high closed)."""
    if mode == "half-up":
        return 2 * s - 1, True, 2 * s + 1, False
    if mode == "half-even":
        even = s % 2 == 0
        return 2 * s - 1, even, 2 * s + 1, even
    if mode == "truncate":
        return 2 * s, True, 2 * s + 2, False
    return 2 * s - 2, False, 2 * s, True  # ceiling


def simplest_in(lo: Fraction, lo_closed: bool, hi: Fraction, hi_closed: bool) -> Fraction | None:
    """The fraction with the smallest denominator in the interval from lo to hi (each end
    closed or open), lo ≥ 0; None if the interval is empty.

    Stern–Brocot descent by continued fractions, without recursion: take the smallest integer
    in the interval if there is one; otherwise both ends share an integer part a, and the
    answer is a + 1 / y for the simplest y between the reciprocals of the ends' fractional
    parts (ends swapped). The map from y back to the answer is kept as a matrix of convergents.
    """
    if lo > hi or (lo == hi and not (lo_closed and hi_closed)):
        return None
    p1, p0, q1, q0 = 1, 0, 0, 1  # answer = (p1·y + p0) / (q1·y + q0)
    top: Fraction | None = hi
    while True:
        c = math.ceil(lo)
        if c == lo and not lo_closed:
            c += 1
        if top is None or c < top or (c == top and hi_closed):
            return Fraction(p1 * c + p0, q1 * c + q0)
        a = math.floor(lo)
        new_lo = 1 / (top - a)
        top = None if lo == a else 1 / (lo - a)
        lo, lo_closed, hi_closed = new_lo, hi_closed, lo_closed
        p1, p0, q1, q0 = p1 * a + p0, p1, q1 * a + q0, q1


GRANULARITY_EXACT = 20_000  # wholes up to this size have their test power counted exactly


def granularity_power(n: int, places: int, modes: tuple[str, ...]) -> Fraction:
    """Share of the values writable with `places` decimals in 0..100 that no k/n can produce.

    The test's power: 0 when every written value is reachable (n large), near 1 when few are.
    For a larger whole (only reached with three or more decimals) the share is estimated as if
    each k gave one value, as it does under any single mode (steps of 1/n are then coarser than
    the last place): an upper bound, off by the ties that two modes round apart. Counting each
    k cost a set of 12 million Decimals (1.9 GB) for 12345678 at six decimals.
    """
    values = 100 * 10**places + 1
    if n >= 10 ** (places + 2):
        return Fraction(0)  # steps of 1/n are finer than the written precision
    if n > GRANULARITY_EXACT:
        return Fraction(values - (n + 1), values)
    scale = 100 * 10**places
    reachable = {
        s
        for k in range(n + 1)
        for s in {scale * k // n, -(-scale * k // n)}
        if _fits_scaled(scale * k, n, s, modes)
    }
    return Fraction(values - len(reachable), values)


def implied_whole(counts, shares) -> tuple[Fraction, Fraction] | None:
    """The range of wholes that every (count, share %) pair allows: count / share, each share
    anywhere within its rounding. (lo > hi when the pairs agree on no whole.)"""
    lo, hi = Fraction(0), None
    for count, share in zip(counts, shares, strict=True):
        s, h = Fraction(share.value), Fraction(share.half_ulp)
        c = range_of(count)
        if s - h <= 0 or c.hi is None:
            return None
        lo = max(lo, c.lo * 100 / (s + h))
        top = c.hi * 100 / (s - h)
        hi = top if hi is None else min(hi, top)
    return (lo, hi) if hi is not None else None


def share_fits(count: Quantity, share: Quantity, whole: Quantity) -> bool:
    """count / whole rounds to the share (half-up or half-even, inputs within their precision)."""
    return overlaps(ratio_range(range_of(count), range_of(whole)), stated_interval(share))
