"""LA203 rate-granularity: a rate must be reachable by whole counts (the GRIM test for %).

What: with a whole of n stated but no part, only the values k / n exist; a stated rate that
no k / n rounds to is impossible. With a part k but no whole, the same holds for k / n over all
n. With neither stated, the rate cannot be checked: the check is unverifiable and reports the
smallest whole that could produce it (99.07% needs at least 107 cases), so a reader who knows
the real count can judge.

Why: a rate the stated count cannot produce was miscomputed or copied from other data.

反例 (fails): 共调处矛盾纠纷287起，调处成功率98.96%。  no k / 287 rounds to 98.96%.
正例 (passes): 共调处矛盾纠纷287起，调处成功率98.95%。  284 / 287 = 98.9547% → 98.95%.

The pairing of a rate with a lone count comes from the words around it, so a failure here is a
warning. When n is so large that every value at the written precision is reachable, the test
has no power and the check is unverifiable rather than passed. A 满意率 after a count of handled
cases may be of fewer (those who rated), so there a rate the count cannot give is unverifiable.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from lawaudit.arith import (
    denominators_for,
    granularity_power,
    min_denominator,
    numerators_for,
    range_of,
    show,
)
from lawaudit.i18n import either, tr
from lawaudit.model import Claim, ClaimKind, Rule, Severity, Status
from lawaudit.rules.base import Outcome, Settings, base, stated_as

RULE = Rule(
    id="LA203",
    name="rate-granularity",
    severity=Severity.WARNING,
    summary="A stated rate that no whole count over its stated part or whole can produce.",
    doc=__doc__ or "",
)


def check(claim: Claim, settings: Settings) -> Iterator[Outcome]:
    if claim.kind is not ClaimKind.RATE or (claim.numerator and claim.denominator):
        return
    stated = claim.stated
    assert stated is not None
    places, modes = stated.decimals, settings.modes
    values: dict = {"stated": base(stated)}
    # a plan's 完成率 may pass 100% ("咨询11085人次，完成率116.68%"): with its part stated,
    # the wholes that give it are still whole numbers
    part_stated = claim.numerator is not None and range_of(claim.numerator).exact
    above = stated.value > 100 and (claim.capped or not part_stated)
    if stated.approximate or stated.value < 0 or above:
        why = "approximate" if stated.approximate else "outside 0–100%"
        zh = "是约数" if stated.approximate else "不在0–100%之间"
        msg = tr(f"{claim.subject} {stated.raw} is {why}", f"{claim.subject} {stated.raw} {zh}")
        yield Outcome(Status.UNVERIFIABLE, msg, "", values)
        return
    if claim.denominator is not None and claim.denominator.value <= 0:
        msg = tr(
            f"{claim.subject} {stated.raw}: the whole is zero",
            f"{claim.subject} {stated.raw}：分母为零",
        )
        yield Outcome(Status.UNVERIFIABLE, msg, "", values)
    elif claim.denominator is not None and range_of(claim.denominator).exact:
        yield from whole_only(claim, int(claim.denominator.value), values, settings)
    elif claim.numerator is not None and range_of(claim.numerator).exact:
        yield from part_only(claim, int(claim.numerator.value), values, settings)
    else:
        n = min_denominator(stated.value, places, modes)
        values["min_denominator"] = str(n)
        ks = numerators_for(n, stated.value, places, modes) if n else []
        example = f"{ks[0]} / {n} = {show(Fraction(100 * ks[0], n), places + 2)}%" if ks else ""
        msg = tr(
            f"{claim.subject} {stated.raw}: no part or whole stated; needs a whole of at least {n}",
            f"{claim.subject} {stated.raw}：未给出分子分母，分母至少为{n}才能得到",
        )
        smallest = tr(f"smallest whole: {example}", f"最小分母：{example}")
        yield Outcome(Status.UNVERIFIABLE, msg, smallest, values)


def whole_only(claim: Claim, n: int, values: dict, settings: Settings) -> Iterator[Outcome]:
    stated = claim.stated
    assert stated is not None
    places, modes = stated.decimals, settings.modes
    values["denominator"] = base(claim.denominator)
    power = granularity_power(n, places, modes) if n > 0 else Fraction(0)
    ks = numerators_for(n, stated.value, places, modes) if n > 0 else []
    if ks:
        values["numerator"] = str(ks[0])
        shown = f"{ks[0]} / {n} = {show(Fraction(100 * ks[0], n), places + 2)}%"
        if power == 0:
            msg = tr(
                f"any rate at this precision is reachable with a whole of {n}: no test",
                f"分母为{n}时，这一精度的任何比率都能得到，无从检验",
            )
            yield Outcome(Status.UNVERIFIABLE, msg, shown, values)
        else:
            msg = tr(
                f"{claim.subject} {stated.raw} is reachable: {shown} (part not stated)",
                f"{claim.subject} {stated.raw} 可以得到：{shown}（未给出分子）",
            )
            if claim.possible_whole:
                msg += tr(
                    f"; it may be of fewer than {n} (those who rated)",
                    f"；分母也可能少于{n}（参与评价的件数）",
                )
            power_text = tr(f"test power {float(power):.0%}", f"检验效力{float(power):.0%}")
            yield Outcome(Status.PASS, msg, f"{shown}{tr('; ', '；')}{power_text}", values)
        return
    centre = Fraction(stated.value) * n / 100
    lo = max(0, int(centre))
    near = [k for k in (lo, lo + 1) if k <= n]
    shown = ", ".join(f"{k} / {n} = {show(Fraction(100 * k, n), places)}%" for k in near)
    values["computed"] = show(Fraction(100 * near[0], n), places + 2) if near else ""
    n_min = min_denominator(stated.value, places, modes)
    values["min_denominator"] = str(n_min)
    if claim.possible_whole:
        msg = tr(
            f"{claim.subject} {stated.raw} is not reachable over all {n}; "
            "it may be of fewer (those who rated), which the text does not state",
            f"{claim.subject} {stated.raw}：以{n}为分母得不到这一比率；"
            "它可能以参与评价的件数为分母，原文未给出",
        )
        yield Outcome(Status.UNVERIFIABLE, msg, f"{shown}{stated_as()}{stated.raw}", values)
        return
    msg = tr(
        f"{claim.subject} {stated.raw} is impossible with a whole of {n}: no count k gives it",
        f"{claim.subject} {stated.raw}：分母为{n}时，任何整数分子都得不到这一比率",
    )
    yield Outcome(Status.FAIL, msg, f"{shown}{stated_as()}{stated.raw}", values)


def part_only(claim: Claim, k: int, values: dict, settings: Settings) -> Iterator[Outcome]:
    stated = claim.stated
    assert stated is not None
    values["numerator"] = base(claim.numerator)
    if stated.value == 0 or k == 0:
        msg = tr("a zero part or rate says nothing of the whole", "分子或比率为零，推不出分母")
        yield Outcome(Status.UNVERIFIABLE, msg, "", values)
        return
    ns = denominators_for(k, stated.value, stated.decimals, settings.modes)
    if ns is None:
        msg = tr(
            f"{claim.subject} {stated.raw}: the whole is not stated; many wholes give it",
            f"{claim.subject} {stated.raw}：未给出分母，许多分母都能得到",
        )
        yield Outcome(Status.UNVERIFIABLE, msg, "", values)
        return
    if ns:
        shown = either([str(n) for n in ns[:5]])
        msg = tr(
            f"{claim.subject} {stated.raw}: the whole is not stated; {k} out of {shown} gives it",
            f"{claim.subject} {stated.raw}：未给出分母；分子{k}、分母为{shown}时可以得到",
        )
        yield Outcome(Status.UNVERIFIABLE, msg, f"{k} / {ns[0]}", values)
        return
    lo_n = int(Fraction(100 * k) / Fraction(stated.value))
    shown = ", ".join(
        f"{k} / {n} = {show(Fraction(100 * k, n), stated.decimals)}%" for n in (lo_n, lo_n + 1) if n
    )
    msg = tr(
        f"{claim.subject} {stated.raw} is impossible for a part of {k}: no whole count gives it",
        f"{claim.subject} {stated.raw}：分子为{k}时，任何整数分母都得不到这一比率",
    )
    yield Outcome(Status.FAIL, msg, f"{shown}{stated_as()}{stated.raw}", values)
