"""LA201 rate-mismatch: a stated rate or share must be what its part and whole give.

What: a percentage whose numerator and denominator are both stated is recomputed exactly
(284 / 287 as a fraction) and rounded once to the decimals the report wrote. Half-up and
half-even rounding are accepted by default; `--rounding` can accept truncation or ceiling too.
A value only another rounding mode produces fails, and the message names that mode.

Why: a rate that its own counts cannot produce means one of the three numbers is wrong, or the
rate was computed from different data than the report states.

反例 (fails): 共调处矛盾纠纷287起，调解成功284起，调处成功率98.96%。
  284 / 287 = 98.9547% → 98.95% (half-up, half-even); only rounding up gives 98.96%.
正例 (passes): 共调处矛盾纠纷287起，调解成功284起，调处成功率98.95%。

Rounded figures (231.9万, 150.25万) become the range their written digits allow, and a rate
outside it fails. A `tolerance` in the configuration (percentage points, 0 by default) widens
the stated value's interval by that much on each side. Approximate counts (余, 近, 约) become
ranges too, but a rate outside them
fails as a warning, never as an error. A whole taken from an earlier sentence (a
share "占比" whose total was stated above) is a guess about the text, so its failure is a
warning too.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from lawaudit.arith import (
    MODE_WORDS,
    NEAREST,
    Range,
    decimal_places,
    denominators_for,
    modes_giving,
    numerator_span,
    numerators_for,
    overlaps,
    range_of,
    ratio_range,
    show,
    stated_interval,
)
from lawaudit.model import Claim, ClaimKind, Rule, Severity, Status
from lawaudit.rules.base import Outcome, Settings, base, describe_range, written

RULE = Rule(
    id="LA201",
    name="rate-mismatch",
    severity=Severity.ERROR,
    summary="A stated rate or share differs from its stated part divided by its stated whole.",
    doc=__doc__ or "",
)


def applies(claim: Claim) -> bool:
    return claim.kind is ClaimKind.RATE and bool(claim.numerator and claim.denominator)


def rounded_by(exact: Fraction, places: int, modes: tuple[str, ...]) -> str:
    """ "98.95% (half-up, half-even)", or several values when the modes disagree."""
    by: dict[str, list[str]] = {}
    for m in modes:
        by.setdefault(format(decimal_places(exact, places, m), "f"), []).append(m)
    return "; ".join(f"{v}% ({', '.join(ms)})" for v, ms in by.items())


def check(claim: Claim, settings: Settings) -> Iterator[Outcome]:
    if not applies(claim):
        return
    q_num, q_den, stated = claim.numerator, claim.denominator, claim.stated
    assert q_num and q_den and stated
    places = stated.decimals
    values = {"numerator": base(q_num), "denominator": base(q_den), "stated": base(stated)}
    n_r, d_r = range_of(q_num), range_of(q_den)
    if d_r.hi is not None and d_r.hi <= 0:
        yield Outcome(
            Status.UNVERIFIABLE, "the whole is zero", f"{q_num.raw} / {q_den.raw}", values
        )
        return
    where = f" ({'; '.join(claim.notes)})" if claim.notes else ""
    if n_r.exact and d_r.exact and not stated.approximate:
        exact = n_r.lo * 100 / d_r.lo
        values["computed"] = show(exact, places + 2)
        arithmetic = (
            f"{written(q_num)} / {written(q_den)} = {show(exact, places + 2)}% → "
            f"{rounded_by(exact, places, settings.modes)}; stated {stated.raw}"
        )
        good = modes_giving(exact, stated.value, places)
        if set(good) & set(settings.modes):
            yield Outcome(
                Status.PASS, f"{claim.subject} {stated.raw} agrees{where}", arithmetic, values
            )
            return
        if within_tolerance(exact, stated, settings):
            msg = f"{claim.subject} {stated.raw} agrees within ±{settings.tolerance} points{where}"
            yield Outcome(Status.PASS, msg, arithmetic, values)
            return
        if good:
            how = " or ".join(MODE_WORDS[m] for m in good)
            msg = f"{claim.subject} {stated.raw}: only {how} gives it, not the accepted rounding"
        else:
            ratio = f"{written(q_num)} / {written(q_den)}"
            msg = f"{claim.subject} {stated.raw} is not {ratio} under any rounding"
        msg += nearest(int(n_r.lo), int(d_r.lo), stated.value, places, settings.modes)
        severity = Severity.WARNING if claim.inferred else None
        yield Outcome(Status.FAIL, msg + where, arithmetic, values, severity)
        return
    # Approximate or rounded inputs: compare ranges, never a hard failure.
    r = ratio_range(n_r, d_r)
    s = range_of(stated) if stated.approximate else stated_interval(stated, settings.modes)
    if settings.tolerance:
        t = Fraction(settings.tolerance)
        s = Range(s.lo - t, None if s.hi is None else s.hi + t)
    values["computed"] = describe_range(r)
    arithmetic = (
        f"{written(q_num)} / {written(q_den)} = {describe_range(r)}% "
        f"(inputs are rounded or approximate); stated {stated.raw}"
    )
    if overlaps(r, s):
        msg = (
            f"{claim.subject} {stated.raw} is consistent within the precision of its inputs{where}"
        )
        yield Outcome(Status.PASS, msg, arithmetic, values)
    else:
        approximate = any(q.approximate for q in (q_num, q_den, stated))
        kind = "approximate" if approximate else "rounded"
        msg = f"{claim.subject} {stated.raw} lies outside what its {kind} inputs allow{where}"
        severity = Severity.WARNING if approximate or claim.inferred else None
        yield Outcome(Status.FAIL, msg, arithmetic, values, severity)


def within_tolerance(exact: Fraction, stated, settings: Settings) -> bool:
    """The configured tolerance (percentage points) widens the stated value's interval."""
    if not settings.tolerance:
        return False
    s = stated_interval(stated, settings.modes)
    t = Fraction(settings.tolerance)
    return s.lo - t <= exact <= s.hi + t


def nearest(k: int, n: int, stated, places: int, modes: tuple[str, ...]) -> str:
    """Which single change would make the three numbers agree (never which one is wrong)."""
    span = numerator_span(n, stated, places, modes)
    ns = denominators_for(k, stated, places, modes)
    if span is None:
        part = f"out of {n}, no whole count gives {stated}%"
    elif span[1] - span[0] < NEAREST:
        ks = numerators_for(n, stated, places, modes)
        part = f"out of {n}, {' or '.join(map(str, ks))} would give {stated}%"
    else:  # a long run: its ends, never every value (2870000000 at 98.96% allows 574,001)
        many = span[1] - span[0] + 1
        part = f"out of {n}, any of {span[0]}–{span[1]} ({many:,} counts) would give {stated}%"
    if ns is None:
        whole = f"for {k}, many whole counts would give {stated}%"
    elif ns:
        whole = f"{k} out of {' or '.join(map(str, ns[:5]))} would give {stated}%"
    else:
        whole = f"for {k}, no whole count gives {stated}%"
    return f"; {part}; {whole}"
