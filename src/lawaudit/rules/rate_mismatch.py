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
from lawaudit.i18n import either, mode_name, modes_list, note, tr
from lawaudit.model import Claim, ClaimKind, Rule, Severity, Status
from lawaudit.rules.base import Outcome, Settings, base, describe_range, stated_as, written

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
    return tr("; ", "；").join(
        f"{v}%{tr(' (', '（')}{modes_list(ms)}{tr(')', '）')}" for v, ms in by.items()
    )


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
            Status.UNVERIFIABLE,
            tr("the whole is zero", "分母为零"),
            f"{q_num.raw} / {q_den.raw}",
            values,
        )
        return
    where = tr(" ({})", "（{}）").format(tr("; ", "；").join(map(note, claim.notes)))
    where = where if claim.notes else ""
    if n_r.exact and d_r.exact and not stated.approximate:
        exact = n_r.lo * 100 / d_r.lo
        values["computed"] = show(exact, places + 2)
        arithmetic = (
            f"{written(q_num)} / {written(q_den)} = {show(exact, places + 2)}% → "
            f"{rounded_by(exact, places, settings.modes)}{stated_as()}{stated.raw}"
        )
        good = modes_giving(exact, stated.value, places)
        if set(good) & set(settings.modes):
            yield Outcome(
                Status.PASS,
                f"{claim.subject} {stated.raw} {tr('agrees', '相符')}{where}",
                arithmetic,
                values,
            )
            return
        if within_tolerance(exact, stated, settings):
            msg = tr(
                f"{claim.subject} {stated.raw} agrees within ±{settings.tolerance} points{where}",
                f"{claim.subject} {stated.raw} 在±{settings.tolerance}个百分点容差内相符{where}",
            )
            yield Outcome(Status.PASS, msg, arithmetic, values)
            return
        should = f"{decimal_places(exact, places, settings.modes[0])}%"
        if good:
            how = either([mode_name(m) for m in good])
            msg = tr(
                f"{claim.subject} {stated.raw}: only {how} gives it, not the accepted rounding",
                f"{claim.subject}：按所给分子分母计算应为{should}，报告写作{stated.raw}，"
                f"只有{how}才能得到",
            )
        else:
            ratio = f"{written(q_num)} / {written(q_den)}"
            msg = tr(
                f"{claim.subject} {stated.raw} is not {ratio} under any rounding",
                f"{claim.subject}：按所给分子分母计算应为{should}，报告写作{stated.raw}，"
                "任何舍入方式都得不到",
            )
        msg += nearest(int(n_r.lo), int(d_r.lo), stated.value, places, settings.modes)
        severity = Severity.WARNING if claim.inferred or claim.balanced else None
        if claim.balanced:
            msg += tr(
                "; the list's shares add to exactly 100%, so this one was likely adjusted to"
                " make them (尾数调整)",
                "；该组占比合计恰为100%，此项很可能是为凑足100%而作的尾数调整",
            )
        # an average (平均) may be a mean of rates, not this ratio: a doubt, never a failure
        status = Status.UNVERIFIABLE if claim.possible_whole else Status.FAIL
        yield Outcome(status, msg + where, arithmetic, values, severity)
        return
    # Approximate or rounded inputs: compare ranges, never a hard failure.
    r = ratio_range(n_r, d_r)
    s = range_of(stated) if stated.approximate else stated_interval(stated, settings.modes)
    if settings.tolerance:
        t = Fraction(settings.tolerance)
        s = Range(s.lo - t, None if s.hi is None else s.hi + t)
    values["computed"] = describe_range(r)
    arithmetic = (
        f"{written(q_num)} / {written(q_den)} = {describe_range(r)}%"
        f"{tr(' (inputs are rounded or approximate)', '（数据为约数或经过舍入）')}"
        f"{stated_as()}{stated.raw}"
    )
    if overlaps(r, s):
        msg = tr(
            f"{claim.subject} {stated.raw} is consistent within the precision of its inputs{where}",
            f"{claim.subject} {stated.raw} 在所给数据的精度范围内相符{where}",
        )
        yield Outcome(Status.PASS, msg, arithmetic, values)
    else:
        approximate = any(q.approximate for q in (q_num, q_den, stated))
        kind = "approximate" if approximate else "rounded"
        msg = tr(
            f"{claim.subject} {stated.raw} lies outside what its {kind} inputs allow{where}",
            f"{claim.subject} {stated.raw} 超出了所给{'约数' if approximate else '舍入后'}数据"
            f"允许的范围{where}",
        )
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
        part = tr(
            f"out of {n}, no whole count gives {stated}%",
            f"分母为{n}时，任何整数分子都得不到{stated}%",
        )
    elif span[1] - span[0] < NEAREST:
        ks = numerators_for(n, stated, places, modes)
        part = tr(
            f"out of {n}, {' or '.join(map(str, ks))} would give {stated}%",
            f"分母为{n}时，分子须为{'或'.join(map(str, ks))}才得{stated}%",
        )
    else:  # a long run: its ends, never every value (2870000000 at 98.96% allows 574,001)
        many = span[1] - span[0] + 1
        part = tr(
            f"out of {n}, any of {span[0]}–{span[1]} ({many:,} counts) would give {stated}%",
            f"分母为{n}时，分子为{span[0]}–{span[1]}中任一数（共{many:,}个）都得{stated}%",
        )
    if ns is None:
        whole = tr(
            f"for {k}, many whole counts would give {stated}%",
            f"分子为{k}时，许多分母都能得到{stated}%",
        )
    elif ns:
        whole = tr(
            f"{k} out of {' or '.join(map(str, ns[:5]))} would give {stated}%",
            f"分子为{k}时，分母须为{'或'.join(map(str, ns[:5]))}才得{stated}%",
        )
    else:
        whole = tr(
            f"for {k}, no whole count gives {stated}%",
            f"分子为{k}时，任何整数分母都得不到{stated}%",
        )
    sep = tr("; ", "；")
    return f"{sep}{part}{sep}{whole}"
