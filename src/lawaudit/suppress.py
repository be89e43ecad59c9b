"""Suppressions: `<!-- lawaudit: ignore LA201 原因 -->` before a paragraph of a Markdown or HTML
source silences the named rules' findings on that paragraph, and must say why.

The comment is found in `Document.source` (the file as decoded; for an HTML page the HTML
reader keeps such comments as their own lines of the extracted text) and becomes a claim of
kind `suppress` covering the next paragraph (the lines up to the next blank line). After the
rules have run, `apply` marks each non-passing check of a named rule on those lines as
`suppressed` (the reason): it stays in the output with its status, and is not counted for the
exit code. A suppression without a reason suppresses nothing and is a finding (LA901); one that
suppresses nothing, or names no rule, is a finding too (LA902).

Grammar: `<!-- lawaudit: ignore ID[, ID …] reason -->`. IDs are rule IDs (LA201), ID prefixes
(LA2) or names (rate-mismatch), separated by spaces or commas; the reason is the rest.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import replace

from lawaudit.model import Check, Claim, ClaimKind, Document, Status

COMMENT = re.compile(r"<!--\s*lawaudit\s*[:：]\s*(?P<body>.*?)-->", re.S)
IGNORE = re.compile(r"ignore(?P<rest>.*)", re.S)
RULE_WORD = re.compile(r"[\s,，、:：]*(LA\d{1,3}\b|[a-z]+(?:-[a-z]+)+)", re.I)
BLANK = re.compile(r"\s*")


def suppression_claims(doc: Document) -> list[Claim]:
    """A `suppress` claim for each lawaudit comment in the source."""
    source = doc.source
    if "lawaudit" not in source:
        return []
    out = []
    for m in COMMENT.finditer(source):
        body = " ".join(m["body"].split())
        ids, reason = parse(body)
        line, column = _line_col(doc, m.start())
        end_line = _line_col(doc, m.end())[0]
        out.append(
            Claim(
                kind=ClaimKind.SUPPRESS,
                subject="ignore " + ", ".join(ids) if ids else body,
                line=line,
                column=column,
                quote=" ".join(m[0].split()),
                items=tuple(ids),
                notes=(reason,) if reason else (),
                covers=paragraph_after(doc, end_line),
            )
        )
    return out


def parse(body: str) -> tuple[list[str], str]:
    """ "ignore LA201, LA203 数据口径不同" -> (["LA201", "LA203"], "数据口径不同")."""
    m = IGNORE.match(body)
    if not m:
        return [], ""
    rest, ids = m["rest"], []
    while w := RULE_WORD.match(rest):
        ids.append(w[1].upper() if w[1].upper().startswith("LA") else w[1].lower())
        rest = rest[w.end() :]
    return ids, rest.strip(" ,，、:：;；-—")


def _line_col(doc: Document, pos: int) -> tuple[int, int]:
    line = bisect.bisect_right(doc.line_starts, pos) - 1
    return line + 1, pos - doc.line_starts[line] + 1


def paragraph_after(doc: Document, line: int) -> tuple[int, int]:
    """The first and last line (1-based) of the paragraph that follows line `line`."""
    lines = doc.source.splitlines()
    i = line  # 0-based index of the line after the comment
    while i < len(lines) and BLANK.fullmatch(lines[i]):
        i += 1
    first = i
    while i < len(lines) and not BLANK.fullmatch(lines[i]):
        i += 1
    return (first + 1, i) if i > first else (0, 0)


def matches(names: Iterable[str], check: Check) -> bool:
    return any(check.rule.startswith(n) or check.name == n for n in names)


def apply(claims: Iterable[Claim], checks: list[Check], rules: tuple, settings) -> list[Check]:
    """Mark suppressed checks; add LA902 for suppressions that suppressed nothing."""
    from lawaudit.engine import stamp
    from lawaudit.rules import unused_suppression

    ran = {m.RULE.id for m in rules}
    out = list(checks)
    made = []
    for claim in claims:
        if claim.kind is not ClaimKind.SUPPRESS or not claim.notes:
            continue  # no reason: LA901 reports it, and it silences nothing
        first, last = claim.covers
        used: set[str] = set()
        for i, c in enumerate(out):
            if c.status is Status.PASS or c.suppressed or not first <= c.line <= last:
                continue
            hit = [n for n in claim.items if matches([n], c)]
            if hit and c.rule in ran:
                out[i] = replace(c, suppressed=claim.notes[0])
                used.update(hit)
        if unused_suppression in rules:
            for outcome in unused_suppression.judge(claim, used, ran):
                made.append(stamp(unused_suppression.RULE, claim, outcome, settings))
    return out + made
