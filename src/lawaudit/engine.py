"""Stage 4: run the selected rules over the claims; stamp id, severity and place; sort."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import replace
from itertools import accumulate

from lawaudit.i18n import language
from lawaudit.model import (
    Check,
    Claim,
    ClaimKind,
    Coverage,
    FileResult,
    Mention,
    Quantity,
    Rule,
    Severity,
    Status,
)
from lawaudit.rules import ALL_RULES
from lawaudit.rules.base import Outcome, Settings
from lawaudit.shown import pair


def selected(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> tuple:
    """Rules whose id starts with a selected prefix (all when none) and no ignored one."""
    sel, ign = tuple(select), tuple(ignore)
    return tuple(
        m
        for m in ALL_RULES
        if (not sel or m.RULE.id.startswith(sel) or m.RULE.name in sel)
        and not (m.RULE.id.startswith(ign) or m.RULE.name in ign)
    )


def audit(
    path: str,
    claims: Iterable[Claim],
    quantities: Iterable[Quantity] = (),
    settings: Settings | None = None,
    rules: tuple | None = None,
    notable: Iterable[Mention] = (),
    locate: Callable[[int], tuple[int, int]] | None = None,
) -> FileResult:
    """`locate` maps an index of the document's text to its line and column: with it, each
    check records every number it used (`Check.uses`), which the HTML report marks."""
    settings = settings or Settings()
    rules = ALL_RULES if rules is None else rules
    with language(settings.lang):
        return _audit(path, claims, quantities, settings, rules, notable, locate)


def _audit(path, claims, quantities, settings: Settings, rules: tuple, notable, locate=None):
    claims = tuple(claims)
    checks: list[Check] = []
    used: list[tuple[int, int]] = []
    too_long = 0
    for claim in claims:
        if any(oversized(q) for q in claim.quantities()):
            too_long += 1  # never checked: see oversized()
            continue
        made = False
        for module in rules:
            for out in module.check(claim, settings):
                made = True
                check = stamp(module.RULE, claim, out, settings)
                if locate is not None:
                    check = replace(check, uses=uses(claim, locate))
                checks.append(check)
        if made:
            used.extend((q.start, q.end) for q in claim.quantities() if q.end > q.start)
    if any(c.kind is ClaimKind.SUPPRESS for c in claims):
        from lawaudit.suppress import apply

        checks = apply(claims, checks, rules, settings)
    checks.sort(key=lambda c: (c.line, c.column, c.rule, c.subject))
    warnings = (
        (
            f"{too_long} claim{'s' * (too_long > 1)} with a number of over {MAX_DIGITS} digits"
            " not checked (no report figure is that long)",
        )
        if too_long
        else ()
    )
    return FileResult(
        path=path,
        checks=tuple(checks),
        coverage=coverage(quantities, used, notable),
        warnings=warnings,
    )


MAX_DIGITS = 40  # far past any report figure (亿 amounts have 12); claims files refuse more


def oversized(q: Quantity) -> bool:
    """A number with more than MAX_DIGITS digits before or after its point (issue 16): its
    claim is not checked, and the file says so. Such a number is no report figure, every
    message would carry it whole, and Python refuses to print an integer of 4,300 digits (a
    5,000-digit count in a text was an internal error)."""
    v = q.value
    return v.is_finite() and (v.adjusted() >= MAX_DIGITS or q.decimals > MAX_DIGITS)


def stamp(rule: Rule, claim: Claim, out: Outcome, settings: Settings) -> Check:
    """A rule's outcome as a Check: the rule's id and severity (or the configuration's, for a
    failure), and the claim's place."""
    severity = out.severity or (
        Severity.INFO if out.status is Status.UNVERIFIABLE else rule.severity
    )
    if out.status is Status.FAIL and settings.severity:
        severity = Severity(dict(settings.severity).get(rule.id, severity))
    return Check(
        rule=rule.id,
        name=rule.name,
        status=out.status,
        severity=severity,
        line=claim.line,
        column=claim.column,
        quote=claim.quote,
        message=out.message,
        arithmetic=out.arithmetic,
        values=out.values,
        subject=claim.subject,
        page=claim.page,
        end_line=claim.end_line,
        end_column=claim.end_column,
        shown=pair(claim, out.values),
        path=claim.path,
    )


def uses(claim: Claim, locate: Callable[[int], tuple[int, int]]) -> tuple:
    """Where each number of the claim is written: (line, column, end line, end column)."""
    other_file = any(
        n.startswith("stated in ") or (n.startswith("previous ") and " taken from line " not in n)
        for n in claim.notes
    )  # last year's figure is in last year's report, not in this text
    out = set()
    for q in claim.quantities():
        if q.end <= q.start or (other_file and q is claim.previous):
            continue
        (line, column), (end_line, end_column) = locate(q.start), locate(q.end - 1)
        out.add((line, column, end_line, end_column + 1))
    return tuple(sorted(out))


def coverage(
    quantities: Iterable[Quantity], used: list[tuple[int, int]], notable: Iterable[Mention]
) -> Coverage:
    """Numbers seen, numbers some check used, and the notable ones no check could use."""
    spans = sorted(used)
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))  # furthest end of a span so far

    def is_used(q: Quantity) -> bool:
        """Inside some used span: one that starts at or before it and reaches its end."""
        i = bisect.bisect_right(starts, q.start) - 1
        return i >= 0 and reach[i] >= q.end

    qs = [q for q in quantities if q.unit]
    checked = [q for q in qs if is_used(q)]
    unchecked = tuple(m for m in notable if not is_used(m.quantity))
    return Coverage(numbers=len(qs), checked=len(checked), unchecked=unchecked)
