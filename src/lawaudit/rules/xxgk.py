"""What the 政府信息公开 template rules (LA111–LA114, LA411–LA413) share: a sum over named
cells, its arithmetic in the template's words, and the blank cells that make it unverifiable."""

from __future__ import annotations

from lawaudit.model import Claim, Quantity, Status
from lawaudit.rules.base import Outcome, base

BLANK_NOTE = "a blank, '/', '—' or '无' cell is not a zero"


def noted(claim: Claim, prefix: str) -> list[str]:
    return [n.removeprefix(prefix) for n in claim.notes if n.startswith(prefix)]


def blank_outcome(claim: Claim) -> Outcome | None:
    """Unverifiable, naming the cells, when the identity needs a blank cell."""
    blanks = noted(claim, "blank: ")
    if not blanks:
        return None
    cells = "a cell" if len(blanks) == 1 else f"{len(blanks)} cells"
    listed = "; ".join(blanks)
    msg = f"{claim.subject}: cannot be checked, {cells} blank or not found: {listed} ({BLANK_NOTE})"
    values = {"missing": blanks, "cells": noted(claim, "cell: ")}
    return Outcome(Status.UNVERIFIABLE, msg, "", values)


def plus(qs: tuple[Quantity, ...]) -> str:
    return " + ".join(q.raw for q in qs) if qs else "0"


def total(qs: tuple[Quantity, ...]):
    return sum((q.value for q in qs), start=qs[0].value * 0) if qs else 0


def sum_outcome(claim: Claim, what: str) -> Outcome:
    """`claim.total` against the sum of `claim.parts`; `what` says which identity it is."""
    if (out := blank_outcome(claim)) is not None:
        return out
    parts, stated = claim.parts, claim.total
    computed = total(parts)
    arithmetic = f"{plus(parts)} = {computed}; the table says {stated.raw}"
    values = {
        "total": base(stated),
        "parts": [base(p) for p in parts],
        "computed": str(computed),
        "cells": noted(claim, "cell: "),
    }
    if computed == stated.value:
        return Outcome(
            Status.PASS, f"{claim.subject} = {what}: {plus(parts)} = {computed}", arithmetic, values
        )
    msg = f"{claim.subject} = {what}: {plus(parts)} = {computed}, but the table says {stated.raw}"
    return Outcome(Status.FAIL, msg, arithmetic, values)
