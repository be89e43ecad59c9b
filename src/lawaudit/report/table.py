"""The terminal audit table: every check, its place, what was stated and what arithmetic gives."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table
from rich.text import Text

from lawaudit.model import Check, Report, Status

MARK = {
    Status.PASS: ("✓ pass", "green"),
    Status.FAIL: ("✗ fail", "bold red"),
    Status.UNVERIFIABLE: ("? unverifiable", "bright_black"),
}


def stated_vs_computed(c: Check) -> str:
    v = c.values
    stated = v.get("stated") or v.get("total") or v.get("numerator", "")
    computed = v.get("computed", "")
    if "min_denominator" in v and not computed:
        return f"{stated} (n ≥ {v['min_denominator']})"
    return f"{stated} → {computed}" if computed else str(stated)


def file_table(path: str, checks: tuple[Check, ...]) -> Table:
    table = Table(title=path, title_justify="left", show_lines=True, expand=True)
    table.add_column("verdict", no_wrap=True)
    table.add_column("rule", no_wrap=True)
    table.add_column("at", no_wrap=True)
    table.add_column("quote", ratio=3)
    table.add_column("stated → computed", ratio=2)
    table.add_column("arithmetic and reason", ratio=5)
    for c in checks:
        word, style = MARK[c.status]
        verdict = Text(word, style=style)
        if c.status is not Status.PASS:
            verdict.append(f"\n{c.severity.value}", style="dim")
        where = f"{c.line}:{c.column}" + (f"\np.{c.page}" if c.page else "")
        body = Text(c.arithmetic)
        body.append(f"\n{c.message}", style="italic")
        table.add_row(verdict, c.rule, where, c.quote, stated_vs_computed(c), body)
    return table


def render(
    report: Report, *, color: bool = False, width: int | None = None, unchecked: bool = False
) -> str:
    out = io.StringIO()
    console = Console(
        file=out, force_terminal=color, no_color=not color, width=width or 160, highlight=False
    )
    for f in report.files:
        if f.error:
            console.print(Text(f"{f.path}: {f.error}", style="bold red"))
        elif not f.checks:
            console.print(f"{f.path}: no checkable claims found")
        else:
            console.print(file_table(f.path, f.checks))
        cov = f.coverage
        if not f.error and cov.numbers:
            console.print(
                f"{f.path}: {cov.checked} of {cov.numbers} numbers checked; "
                f"{len(cov.unchecked)} percentages and totals no check could use",
                style="dim",
            )
        if unchecked and cov.unchecked:
            for m in cov.unchecked:
                console.print(f"  unchecked {m.line}:{m.column}  {m.quantity.raw}  {m.quote}")
    return out.getvalue()
