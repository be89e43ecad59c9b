"""LA206 shares-base: the whole that a list of shares was computed from.

What: when every share of a list states its count ("投诉3751件，占比82.13%"), each share narrows
the whole it was divided by: 3751 / 82.13% lies between 4,567.0 and 4,567.3. The shares together
imply a whole; when that whole is not the total the report states, the shares were computed from
another total (a stale base, or a wrong total) and the check says which whole fits.

Why: a whole that none of the shares used is the strongest sign that the total, or the base of the
shares, is wrong — and it names the number to look for.

反例 (fails): 全年共受理投诉4600件。其中物业类3751件，占比82.13%；交通类298件，占比6.53%。
正例 (passes): 全年共受理投诉4567件。其中物业类3751件，占比82.13%；交通类298件，占比6.53%。
"""

from __future__ import annotations

from collections.abc import Iterator

from lawaudit.arith import implied_whole, share_fits
from lawaudit.i18n import tr
from lawaudit.model import Claim, ClaimKind, Rule, Severity, Status
from lawaudit.rules.base import Outcome, Settings, base, in_scale, num, stated_as, written

RULE = Rule(
    id="LA206",
    name="shares-base",
    severity=Severity.WARNING,
    summary="A list of shares computed from a different whole than the total the report states.",
    doc=__doc__ or "",
)


def check(claim: Claim, settings: Settings) -> Iterator[Outcome]:
    if claim.kind is not ClaimKind.SHARES or not claim.counts or claim.total is None:
        return
    whole = claim.total
    span = implied_whole(claim.counts, claim.parts)
    values = {"total": base(whole), "parts": [base(p) for p in claim.parts]}
    if span is None:
        return
    lo, hi = span
    pairs = zip(claim.counts, claim.parts, strict=True)
    shown = ", ".join(f"{written(c)} / {written(p)}%" for c, p in pairs)
    fitting = sum(
        1 for c, p in zip(claim.counts, claim.parts, strict=True) if share_fits(c, p, whole)
    )
    if 2 * fitting >= len(claim.parts):
        msg = tr(
            f"{fitting} of {len(claim.parts)} shares fit the stated whole {whole.raw}",
            f"{len(claim.parts)}个占比中有{fitting}个与所述总数{whole.raw}相符",
        )
        yield Outcome(Status.PASS, msg, f"{shown}{stated_as()}{whole.raw}", values)
        return
    if lo > hi:
        msg = tr(
            "the shares do not agree on the stated whole or on any other one",
            "各占比推出的总数既不是所述总数，彼此也不一致",
        )
        yield Outcome(Status.UNVERIFIABLE, msg, shown, values)
        return
    found = f"{in_scale(lo, whole)}–{in_scale(hi, whole)}"
    values["computed"] = f"{num(lo, 1)}–{num(hi, 1)}"
    arithmetic = f"{shown} → {tr('a whole of ', '总数')}{found}{stated_as()}{whole.raw}"
    msg = tr(
        f"the shares were computed from a whole of {found}, not the stated {whole.raw}",
        f"这些占比是按总数{found}计算的，而不是所述的{whole.raw}",
    )
    summed = sum(c.value for c in claim.counts)
    if lo <= summed <= hi:
        short = whole.value - summed
        msg = tr(
            f"the shares were computed from the sum of the parts, {summed} (a whole of {found}),"
            f" not the stated {whole.raw}: the parts are {abs(short)}"
            f" {'short of' if short > 0 else 'more than'} the total",
            f"这些占比是按各项之和{summed}（总数{found}）计算的，而不是所述的{whole.raw}："
            f"各项合计比总数{'少' if short > 0 else '多'}{abs(short)}",
        )
    yield Outcome(Status.FAIL, msg, arithmetic, values)
