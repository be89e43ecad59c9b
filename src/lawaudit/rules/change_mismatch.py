"""LA301 change-mismatch: a stated change must be what its two stated values give.

What: a change whose current and previous values are both stated ("受理120件，上年同期为96件，
同比增长25%") is recomputed exactly: (120 − 96) / 96 for a %, 120 / 96 − 1 for 增长N倍, 120 / 96
for 是上年的N倍 and 翻一番 (2.0倍), 120 − 96 for 增加24件. The result is rounded to the decimals
written, under the accepted rounding modes, and its sign must match the direction word
(增长/提高 up, 下降/减少 down).

Why: a change that its own two values cannot produce means one of the three numbers is wrong;
a rise reported as a fall (or the reverse) misleads more than any rounding.

反例 (fails): 受理行政复议案件120件，上年同期为96件，同比增长20%。
  (120 − 96) / 96 = 25.00% → 25%; stated up 20%.
正例 (passes): 受理行政复议案件120件，上年同期为96件，同比增长25%。

Each rate is allowed its rounding, and counts written rounded (1.2万, 360亿元) are compared as
the range their digits allow, so a change outside it fails as an error, as it does for exact
counts: the same sentence gets the same severity in 件 or in 亿元. Approximate counts (余, 近,
约) and a previous value from an earlier sentence make a failure a warning. 百分点 written as %
is left to LA302. In a claims file, a 倍 with direction up is 增长N倍, with none N times.
`computed` is in the direction word's terms, like `stated` (下降20%: stated 20, computed 20.00).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction

from lawaudit.arith import decimal_places, modes_giving, range_of, show
from lawaudit.i18n import either, mode_name, tr
from lawaudit.i18n import note as i18n_note
from lawaudit.model import Claim, ClaimKind, Quantity, Rule, Severity, Status
from lawaudit.rules.base import SCALE_WORD, Outcome, Settings, base, in_scale, stated_as, written

RULE = Rule(
    id="LA301",
    name="change-mismatch",
    severity=Severity.ERROR,
    summary="A stated change (增长12.5%, 增加30件, 增长1.5倍) differs from its two stated values.",
    doc=__doc__ or "",
)

Bound = Fraction | None  # None: unbounded on that side
UNIT = {"pct": "%", "times": "倍", "ratio": "倍", "diff": "", "points": "个百分点"}


@dataclass(frozen=True, slots=True)
class Verdict:
    level: str  # "exact": the written values give it; "within": only their rounding does; ""
    head: str  # the arithmetic, without what was stated
    values: dict
    stated: str = ""
    note: str = ""  # why it disagrees
    certain: bool = True  # exact counts or rates: a failure is a certain error
    wrong_way: bool = False  # the arithmetic goes the other way from the direction word

    @property
    def arithmetic(self) -> str:
        return f"{self.head}{stated_as()}{self.stated}"


def reading(meant: Verdict, other: Verdict | None) -> str:
    """Which reading the stated value fits, the written values deciding before their rounding:
    "meant" (the unit as written), "other" (百分点 for %, or % for 百分点) or ""."""
    for level in ("exact", "within"):
        if meant.level == level:
            return "meant"
        if other is not None and other.level == level:
            return "other"
    return ""


def form_of(claim: Claim) -> str | None:
    s, cur, prev = claim.stated, claim.current, claim.previous
    if s is None or cur is None or prev is None:
        return None
    if claim.kind is ClaimKind.POINTS:
        return "points"
    if s.unit == "%":
        return "pct"
    if s.unit == "倍":
        return "times" if claim.direction else "ratio"
    return "diff"


def is_between_rates(claim: Claim) -> bool:
    return all(q is not None and q.is_percent for q in (claim.current, claim.previous))


def span(q: Quantity) -> tuple[Fraction, Bound]:
    """A value as written: a rate is the rounding of its true value; counts as range_of says."""
    if q.is_percent and not q.approximate:
        v, h = Fraction(q.value), Fraction(q.half_ulp)
        return v - h, v + h
    r = range_of(q)
    return r.lo, r.hi


def stated_span(q: Quantity, modes: tuple[str, ...]) -> tuple[Fraction, Bound]:
    """The magnitudes the stated change allows (its written precision, or its qualifier)."""
    v = abs(Fraction(q.value))
    if q.approximate:
        r = range_of(q)
        return abs(r.lo), (None if r.hi is None else abs(r.hi))
    if q.unit and q.unit not in ("%", "倍", "百分点"):
        h = Fraction(q.half_ulp) if q.rounded else Fraction(0)
        return v - h, v + h
    ulp = Fraction(1, 10**q.decimals)
    lo = v - (ulp if "ceiling" in modes else ulp / 2)
    return lo, v + (ulp if "truncate" in modes else ulp / 2)


def apply(form: str, c: Fraction, p: Fraction) -> Fraction:
    if form == "pct":
        return (c - p) * 100 / p
    if form == "times":
        return c / p - 1
    if form == "ratio":
        return c / p
    return c - p


def value_span(form: str, c: tuple[Fraction, Bound], p: tuple[Fraction, Bound]):
    """The change over every pair of true values: rising in c, falling in p (p > 0)."""
    lo = apply(form, c[0], p[1]) if p[1] is not None else None
    if lo is None and form in ("pct", "times", "ratio"):
        lo = apply(form, c[0] * 0, Fraction(1))  # c / ∞ = 0
    hi = None if c[1] is None else apply(form, c[1], p[0])
    return lo, hi


def formula(form: str, cur: Quantity, prev: Quantity) -> str:
    c, p = written(cur), written(prev)
    return {
        "pct": f"({c} − {p}) / {p}",
        "times": f"{c} / {p} − 1",
        "ratio": f"{c} / {p}",
    }.get(form, f"{c} − {p}")


def said(claim: Claim) -> str:
    word = tr(
        {"up": "up ", "down": "down "}.get(claim.direction, ""),
        {"up": "上升", "down": "下降"}.get(claim.direction, ""),
    )
    note = "".join(
        tr(" ({})", "（{}）").format(i18n_note(n))
        for n in claim.notes
        if not n.startswith("previous")
    )
    return f"{word}{claim.stated.raw}{note}"


def places_for(form: str, claim: Claim) -> int:
    """Decimals to show a computed value with, in base units (125.27亿 has none)."""
    if form in ("diff", "points"):
        qs = (claim.current, claim.previous)
        return max(0, *(q.decimals - len(str(q.scale)) + 1 for q in qs))
    return claim.stated.decimals + 2


def shown_as(value: Fraction, form: str, claim: Claim) -> str:
    """A computed value as the text would write it: 125.27亿 rather than 12527000000."""
    s = claim.stated
    if form == "diff" and s.scale > 1:
        same = [q for q in (s, claim.current, claim.previous) if q.scale == s.scale]
        return in_scale(value, max(same, key=lambda q: q.decimals))
    return show(value, places_for(form, claim))


def judge(claim: Claim, form: str, settings: Settings) -> Verdict:
    """Recompute the change in `form` and compare it with what the text states."""
    s, cur, prev = claim.stated, claim.current, claim.previous
    dsign = -1 if claim.direction == "down" else 1
    sign = -dsign if s.value < 0 else dsign  # +1 when the stated magnitude is a rise
    target, places, shown, unit = abs(s.value), s.decimals, places_for(form, claim), UNIT[form]
    values = {"current": base(cur), "previous": base(prev), "stated": base(s)}
    approximate = any(q.approximate for q in (s, cur, prev))
    rounded = any(q.rounded and not q.is_percent for q in (cur, prev))
    certain = not (approximate or claim.inferred)  # rounding is in the ranges compared
    head, note = f"{formula(form, cur, prev)} = ", ""
    if not approximate:
        raw = apply(form, Fraction(cur.value), Fraction(prev.value))
        exact = raw * sign
        values["computed"] = show(raw * dsign, shown)
        head += f"{shown_as(raw, form, claim)}{unit}"
        if form == "diff" and not s.rounded:
            good = ["exact"] if exact == target else []
        else:  # rounded in the stated scale: 1.25万 − 1.00万 = 0.25万 → 0.3万
            k = s.scale if form == "diff" else 1
            good = modes_giving(exact / k, target / k, places)
            by = decimal_places(abs(raw) / k, places) * (-1 if raw < 0 else 1)
            by_text = format(by, "f") + SCALE_WORD.get(k, "")
            head += f" → {by_text}{unit}" if by_text != shown_as(raw, form, claim) else ""
        if set(good) & {"exact", *settings.modes}:
            return Verdict("exact", head, values, said(claim))
        if good:
            how = either([mode_name(m) for m in good])
            note = tr(f"only {how} gives it", f"只有{how}才能得到")
        if not (rounded or cur.is_percent or prev.is_percent):
            return Verdict("", head, values, said(claim), note, certain, exact < 0 < target)
        head += tr(", and within the inputs' rounding ", "，按所给数据的舍入范围为")
    lo, hi = value_span(form, span(cur), span(prev))
    if sign < 0:
        lo, hi = (None if hi is None else -hi), (None if lo is None else -lo)

    def between(a: Bound, b: Bound, say) -> str:
        return f"{'−∞' if a is None else say(a)}–{'∞' if b is None else say(b)}"

    head += f"{between(lo, hi, lambda v: shown_as(v, form, claim))}{unit}"
    head += tr(" in the stated direction", "（按所述方向）")
    flip = s.value < 0  # values are in the direction word's terms, like `stated`
    neg = (None if hi is None else -hi), (None if lo is None else -lo)
    values["computed"] = between(*(neg if flip else (lo, hi)), lambda v: show(v, shown))
    lo_s, hi_s = stated_span(s, settings.modes)
    above = lo is not None and hi_s is not None and lo > hi_s
    if not above and (hi is None or hi >= lo_s):
        return Verdict("within", head, values, said(claim))
    wrong = hi is not None and hi < 0 < target
    return Verdict("", head, values, said(claim), note, certain, wrong)


def check(claim: Claim, settings: Settings) -> Iterator[Outcome]:
    form = form_of(claim)
    if claim.kind is not ClaimKind.CHANGE or form is None:
        return
    why = ""
    if form == "diff" and claim.stated.unit != claim.current.unit:
        why = tr(
            f"{claim.stated.raw} is not in the unit of {claim.current.raw}",
            f"{claim.stated.raw}与{claim.current.raw}的单位不同",
        )
    elif form != "diff" and not has_base(claim):
        why = tr("the previous value is zero", "上期数值为零")
    elif form == "times" and claim.direction == "down":
        why = tr(
            f"下降{claim.stated.raw}: a fall by a multiple has no agreed arithmetic",
            f"下降{claim.stated.raw}：按倍数下降没有公认的算法",
        )
    if why:
        values = {r: base(getattr(claim, r)) for r in ("current", "previous", "stated")}
        yield Outcome(Status.UNVERIFIABLE, why, "", values)
        return
    v = judge(claim, form, settings)
    points = judge(claim, "points", settings) if form == "pct" and is_between_rates(claim) else None
    found = reading(v, points)
    if found == "meant":
        msg = f"{claim.subject} {said(claim)} {tr('agrees', '相符')}{taken(claim)}"
        yield Outcome(Status.PASS, msg, v.arithmetic, v.values)
        return
    if found == "other":
        return  # 百分点 written as %: LA302 says so
    yield Outcome(Status.FAIL, failure(claim, v, "values"), v.arithmetic, v.values, weight(v))


def has_base(claim: Claim) -> bool:  # a relative change needs a previous value above zero
    return span(claim.previous)[0] > 0


def taken(claim: Claim) -> str:
    """Where a previous value from an earlier sentence was found, for the message."""
    return "".join(
        tr(" ({})", "（{}）").format(i18n_note(n)) for n in claim.notes if n.startswith("previous")
    )


def weight(v: Verdict) -> Severity | None:
    return None if v.certain else Severity.WARNING


def failure(claim: Claim, v: Verdict, what: str) -> str:
    """Why a change fails, with where a guessed previous value came from."""
    where = taken(claim)
    if v.wrong_way:
        says = "down" if (claim.direction == "down") != (claim.stated.value < 0) else "up"
        other = "up" if says == "down" else "down"
        zh_way = {"up": "上升", "down": "下降"}
        return tr(
            f"{claim.subject}: the text says {says}, the {what} go {other}{where}",
            f"{claim.subject}：文中说{zh_way[says]}，但两个"
            f"{'比率' if what == 'rates' else '数值'}是{zh_way[other]}的{where}",
        )
    gives = formula(form_of(claim) or "diff", claim.current, claim.previous)
    msg = tr(
        f"{claim.subject} {said(claim)} is not what {gives} gives",
        f"{claim.subject} {said(claim)} 与 {gives} 的计算结果不符",
    )
    return msg + (tr(f": {v.note}", f"：{v.note}") if v.note else "") + where
