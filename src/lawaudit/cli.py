"""The command line: the only place that prints, writes files or exits.

Exit codes: 0 nothing at or above --fail-on; 1 something is; 2 usage, input or internal error.
"""

from __future__ import annotations

import os
import sys
import tempfile
from enum import StrEnum
from pathlib import Path

import typer

from lawaudit import __version__

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Audit the numbers in Chinese government reports: recompute every rate, total and "
    "breakdown, and show the arithmetic.",
    pretty_exceptions_enable=False,
)


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class OutFormat(StrEnum):
    table = "table"
    json = "json"


class ClaimsFormat(StrEnum):
    yaml = "yaml"
    json = "json"


def fail(message: str) -> None:
    """A one-line error and exit code 2: never a traceback for bad input."""
    typer.echo(f"lawaudit: error: {message}", err=True)
    raise typer.Exit(2)


def write_atomically(path: str, text: str) -> None:
    """Write to a temporary file beside `path`, then rename: a crash leaves the old file."""
    target = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(
            dir=target.parent or ".", prefix=f".{target.name}.", suffix=".tmp"
        )
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, target)
    except OSError as e:
        if "tmp" in locals() and os.path.exists(tmp):
            os.unlink(tmp)
        fail(f"cannot write {path}: {e.strerror or e}")


def parse_rounding(value: str) -> tuple[str, ...]:
    from lawaudit.arith import MODES

    modes = tuple(m.strip() for m in value.split(",") if m.strip())
    bad = [m for m in modes if m not in MODES]
    if bad or not modes:
        fail(f"--rounding: unknown mode {bad[0] if bad else value!r}; use {', '.join(MODES)}")
    return modes


def audit_one(path: str, encoding: str | None, settings, rules):
    """Read, extract and audit one input; an unreadable file becomes a FileResult with an error."""
    from lawaudit.engine import audit
    from lawaudit.extract import extract
    from lawaudit.model import FileResult
    from lawaudit.readers import ReadError, read
    from lawaudit.readers.claimsfile import ClaimsError, is_claims_path, load_claims

    shown = "<stdin>" if path == "-" else path
    try:
        if is_claims_path(path):
            return audit(shown, load_claims(path), (), settings, rules)
        found = extract(read(path, encoding))
        return audit(shown, found.claims, found.quantities, settings, rules, found.notable)
    except (ReadError, ClaimsError) as e:
        return FileResult(path=shown, error=str(e))
    except Exception as e:  # a bug must not stop the batch: report it in the file's place
        if os.environ.get("LAWAUDIT_DEBUG"):
            raise
        return FileResult(path=shown, error=f"internal error: {e.__class__.__name__}: {e}")


@app.command()
def check(
    paths: list[str] = typer.Argument(
        ..., help="Report files (.txt, .md), claims files (.json, .yaml), or - for stdin."
    ),
    format: OutFormat = typer.Option(OutFormat.table, "--format", "-f", help="Output format."),
    output: str | None = typer.Option(
        None, "--output", "-o", help="Write the report here (atomically)."
    ),
    fail_on: FailOn = typer.Option(
        FailOn.error, help="Lowest severity that makes the exit code 1."
    ),
    rounding: str = typer.Option(
        "half-up,half-even", help="Accepted rounding modes: half-up, half-even, truncate, ceiling."
    ),
    encoding: str | None = typer.Option(
        None, help="Decode input with this encoding instead of detecting it."
    ),
    select: list[str] = typer.Option(
        [], help="Only rules with this ID prefix or name (repeatable)."
    ),
    ignore: list[str] = typer.Option(
        [], help="Skip rules with this ID prefix or name (repeatable)."
    ),
    show_unchecked: bool = typer.Option(
        False, "--show-unchecked", help="List the percentages and totals no check could use."
    ),
) -> None:
    """Audit reports and print every check with its arithmetic."""
    from lawaudit.engine import selected
    from lawaudit.model import Report, Severity, Status
    from lawaudit.report import Format, render, summary_line
    from lawaudit.rules.base import Settings

    settings = Settings(modes=parse_rounding(rounding))
    rules = selected(select, ignore)
    if not rules:
        fail("--select/--ignore leave no rule to run")
    if paths.count("-") > 1:
        fail("standard input (-) can be given once")
    report = Report(tuple(audit_one(p, encoding, settings, rules) for p in paths))
    for f in report.files:
        if f.error:
            typer.echo(f"lawaudit: error: {f.error}", err=True)
    to_terminal = output is None and sys.stdout.isatty()
    fmt = Format(format.value)
    text = render(report, fmt, color=to_terminal and fmt is Format.TABLE, unchecked=show_unchecked)
    if output:
        write_atomically(output, text)
    elif text.strip() or fmt is not Format.TABLE:
        sys.stdout.write(text)
    typer.echo(summary_line(report), err=True)
    if any(f.error for f in report.files):
        raise typer.Exit(2)
    if fail_on is not FailOn.never:
        floor = Severity(fail_on.value).rank
        bad = any(c.status is not Status.PASS and c.severity.rank >= floor for c in report.checks())
        raise typer.Exit(1 if bad else 0)


@app.command()
def extract(
    path: str = typer.Argument(..., help="Report file, or - for stdin."),
    output: str | None = typer.Option(
        None, "--output", "-o", help="Claims file to write (.yaml or .json)."
    ),
    format: ClaimsFormat | None = typer.Option(
        None, "--format", "-f", help="yaml or json (default: by -o suffix, else yaml)."
    ),
    encoding: str | None = typer.Option(None, help="Decode input with this encoding."),
) -> None:
    """Write the claims found in a report, to review and correct by hand, then `check` them."""
    from lawaudit.extract import extract as find_claims
    from lawaudit.readers import ReadError, read
    from lawaudit.readers.claimsfile import dump_claims

    if format is None:
        fmt = "json" if output and output.lower().endswith(".json") else "yaml"
    else:
        fmt = format.value
    try:
        found = find_claims(read(path, encoding))
    except ReadError as e:
        fail(str(e))
    text = dump_claims(found.claims, "<stdin>" if path == "-" else path, fmt)
    if output:
        write_atomically(output, text)
        typer.echo(f"{len(found.claims)} claims written to {output}", err=True)
    else:
        sys.stdout.write(text)


@app.command()
def rules() -> None:
    """List every rule: ID, name, severity and what it checks."""
    from lawaudit.rules import ALL_RULES

    for m in ALL_RULES:
        r = m.RULE
        typer.echo(f"{r.id}  {r.name:<20} {r.severity.value:<8} {r.summary}")


@app.command()
def explain(
    rule_id: str = typer.Argument(..., help="A rule ID (LA201) or name (rate-mismatch)."),
) -> None:
    """Show a rule's documentation, with a failing and a passing example."""
    from lawaudit.rules import ALL_RULES

    key = rule_id.strip()
    for m in ALL_RULES:
        if key.upper() == m.RULE.id or key == m.RULE.name:
            r = m.RULE
            typer.echo(f"{r.id} {r.name} (default severity: {r.severity.value})\n")
            typer.echo(r.doc.strip())
            return
    fail(f"unknown rule {rule_id!r}; `lawaudit rules` lists them")


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"lawaudit {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(
        False, "--version", callback=version_callback, is_eager=True, help="Show the version."
    ),
) -> None:
    """lawaudit: audit the numbers in Chinese government reports."""


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("lawaudit: interrupted", err=True)
        sys.exit(2)
    except Exception as e:
        if os.environ.get("LAWAUDIT_DEBUG"):
            raise
        typer.echo(f"lawaudit: internal error: {e.__class__.__name__}: {e}", err=True)
        sys.exit(2)
