"""What the 政府信息公开 template rules (LA111–LA114, LA411–LA413) share: a sum over named
cells, its arithmetic in the template's words, and the blank cells that make it unverifiable."""

from __future__ import annotations

from lawaudit.i18n import note, tr
from lawaudit.model import Claim, Quantity, Status
from lawaudit.rules.base import Outcome, base

BLANK_NOTE = "a blank, '/', '—' or '无' cell is not a zero"
BLANK_NOTE_ZH = "空白、“/”、“—”或“无”不视为0"


def noted(claim: Claim, prefix: str) -> list[str]:
    return [n.removeprefix(prefix) for n in claim.notes if n.startswith(prefix)]


def shown(claim: Claim, prefix: str) -> list[str]:
    """The notes with `prefix` as a person reads them: "line 12" in English (the prefix is
    the message's own words there), "表格第12行" in Chinese (through i18n.note)."""
    return [tr(n.removeprefix(prefix), note(n)) for n in claim.notes if n.startswith(prefix)]


def says(stated: Quantity) -> str:
    """What joins a sum to the table's own figure: "; the table says 13364" or "；表中为13364"."""
    return tr(f"; the table says {stated.raw}", f"；表中为{stated.raw}")


def blank_outcome(claim: Claim) -> Outcome | None:
    """Unverifiable, naming the cells, when the identity needs a blank cell."""
    blanks = noted(claim, "blank: ")
    if not blanks:
        return None
    cells = "a cell" if len(blanks) == 1 else f"{len(blanks)} cells"
    msg = tr(
        f"{claim.subject}: cannot be checked, {cells} blank or not found: {'; '.join(blanks)}"
        f" ({BLANK_NOTE})",
        f"{claim.subject}：无法核验，{len(blanks)}个单元格为空或未找到：{'；'.join(blanks)}"
        f"（{BLANK_NOTE_ZH}）",
    )
    values = {"missing": blanks, "cells": noted(claim, "cell: ")}
    return Outcome(Status.UNVERIFIABLE, msg, "", values)


def plus(qs: tuple[Quantity, ...]) -> str:
    return " + ".join(q.raw for q in qs) if qs else "0"


def total(qs: tuple[Quantity, ...]):
    return sum((q.value for q in qs), start=qs[0].value * 0) if qs else 0


def sum_outcome(claim: Claim, what: str) -> Outcome:
    """`claim.total` against the sum of `claim.parts`; `what` says which identity it is (in the
    language in force: the rule passes it through tr)."""
    if (out := blank_outcome(claim)) is not None:
        return out
    parts, stated = claim.parts, claim.total
    computed = total(parts)
    arithmetic = f"{plus(parts)} = {computed}{says(stated)}"
    values = {
        "total": base(stated),
        "parts": [base(p) for p in parts],
        "computed": str(computed),
        "cells": noted(claim, "cell: "),
    }
    if computed == stated.value:
        msg = tr(
            f"{claim.subject} = {what}: {plus(parts)} = {computed}",
            f"{claim.subject} = {what}：{plus(parts)} = {computed}，相符",
        )
        return Outcome(Status.PASS, msg, arithmetic, values)
    msg = tr(
        f"{claim.subject} = {what}: {plus(parts)} = {computed}, but the table says {stated.raw}",
        f"{claim.subject}应为{what}：{plus(parts)} = {computed}，表中为{stated.raw}",
    )
    return Outcome(Status.FAIL, msg, arithmetic, values)
