"""LA902 unused-suppression: a `<!-- lawaudit: ignore … -->` comment that silences nothing.

What: a suppression names rules (LA201, a prefix such as LA2, or a name such as rate-mismatch)
and applies to the paragraph after it. When a named rule ran and found nothing to silence on
that paragraph, or the name matches no rule, the suppression is stale: the number was
corrected, the text moved, or the ID was mistyped. A rule left out by --select or --ignore is
not judged.

Why: a stale suppression would silently hide the next real finding on that paragraph.

反例 (fails): <!--lawaudit:ignore,LA999,旧规则-->\n调解成功284起，调处成功率98.95%。
正例 (passes): <!--lawaudit:ignore,LA201,上级通报口径-->\n调解成功284起，调处成功率98.96%。

The verdict needs the other rules' checks, so the engine gives it after them (suppress.py).
"""

from __future__ import annotations

from collections.abc import Iterator

from lawaudit.i18n import tr
from lawaudit.model import Claim, Rule, Severity, Status
from lawaudit.rules.base import Outcome, Settings

RULE = Rule(
    id="LA902",
    name="unused-suppression",
    severity=Severity.WARNING,
    summary="A suppression comment whose rules found nothing on its paragraph, or no rule.",
    doc=__doc__ or "",
)


def check(claim: Claim, settings: Settings) -> Iterator[Outcome]:
    return iter(())  # judged after the other rules: see judge()


def judge(claim: Claim, used: set[str], ran: set[str]) -> Iterator[Outcome]:
    """One verdict per suppression: which of its names silenced nothing."""
    from lawaudit.rules import ALL_RULES

    ids = [m.RULE for m in ALL_RULES]
    unknown, idle = [], []
    for name in claim.items:
        named = {r.id for r in ids if r.id.startswith(name) or r.name == name}
        if not named:
            unknown.append(name)
        elif named & ran and name not in used:
            idle.append(name)
    first, last = claim.covers
    lines = tr(f" on lines {first}–{last}", f"：第{first}–{last}行")
    arithmetic = f"{claim.subject}{lines}" if first else claim.subject
    values: dict = {}
    if not claim.items:
        msg = tr(f"{claim.quote}: names no rule", f"{claim.quote}：未写规则编号")
        yield Outcome(Status.FAIL, msg, arithmetic, values)
    elif unknown or idle:
        why = [tr(f"no rule is {n}", f"没有规则{n}") for n in unknown]
        why += [tr(f"{n} found nothing here", f"{n}在此处没有发现问题") for n in idle]
        msg = tr(f"unused suppression: {'; '.join(why)}", f"多余的忽略注释：{'；'.join(why)}")
        yield Outcome(Status.FAIL, msg, arithmetic, values)
    elif used:
        msg = tr(
            f"suppresses {', '.join(sorted(used))}: {claim.notes[0]}",
            f"忽略{'、'.join(sorted(used))}：{claim.notes[0]}",
        )
        yield Outcome(Status.PASS, msg, arithmetic, values)
