"""The command line: the only place that prints, writes files or exits.

Exit codes: 0 nothing at or above --fail-on; 1 something is; 2 usage, input or internal error.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from dataclasses import replace
from enum import StrEnum

import typer

try:  # typer 0.28 carries its own copy of click; earlier ones use the click package
    from typer._click import exceptions as click
except ImportError:  # pragma: no cover
    from click import exceptions as click

from lawaudit import __version__
from lawaudit import output as out_
from lawaudit.output import StdOut
from lawaudit.terminal import local_lang, progress_bar, stopped, usage_error

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Audit the numbers in Chinese government reports: recompute every rate, total and "
    "breakdown, and show the arithmetic.",
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,  # plain help: wraps cleanly at 80 columns, "[default: …]" kept
)


class Lang(StrEnum):
    zh = "zh"
    en = "en"


LANG_HELP = "Language of messages and tables: zh or en (default: from LC_ALL, LC_MESSAGES, LANG)."


def choose_lang(given: Lang | None, configured: str = "") -> str:
    """--lang, else the configuration's `lang`, else the locale; set for this process."""
    from lawaudit.i18n import locale_lang, set_lang

    lang = given.value if given else configured or locale_lang()
    set_lang(lang)
    return lang


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class OutFormat(StrEnum):
    table = "table"
    json = "json"
    html = "html"
    sarif = "sarif"
    github = "github"
    junit = "junit"
    jsonl = "jsonl"
    markdown = "markdown"
    concise = "concise"
    codeframe = "codeframe"


class ClaimsFormat(StrEnum):
    yaml = "yaml"
    json = "json"


def fail(message: str) -> None:
    """A one-line error and exit code 2: never a traceback for bad input. A file name's line
    break or control character is escaped, so the message stays one line."""
    from lawaudit.batch import printable
    from lawaudit.i18n import tr

    typer.echo(f"lawaudit: {tr('error: ', '错误：')}{printable(message)}", err=True)
    raise typer.Exit(2)


@contextmanager
def opened(path: str | None):
    """Standard output, or `path` written safely (output.py); a write that fails is one line
    and exit 2 here too, so typer's test runner sees what the command line does."""
    try:
        with out_.opened(path) as f:
            yield f
    except out_.OutputError as e:
        fail(str(e))


def write_atomically(path: str, text: str) -> None:
    with opened(path) as f:
        f.write(text)


def file_id(path: str | None) -> tuple[int, int] | None:
    """What names one file, whatever the path to it (a hard link, ./x, a symbolic link)."""
    if not path or path == "-":
        return None
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def refuse_empty_names(options: dict[str, str | None]) -> None:
    """Exit 2 on a file option given as "": an unset shell variable, most likely (`-o "$OUT"`),
    which would otherwise be ignored or fail as an odd write error."""
    for option, value in options.items():
        if value == "":
            fail(f"{option} needs a file name")


def refuse_to_overwrite(target: str | None, named, option: str) -> None:
    """Exit 2 when `target` is a file the user named: lawaudit never writes over what it reads."""
    out = file_id(target)
    for path in named if out else ():
        if file_id(path) == out:
            fail(f"{option} {target} is the input {path}: lawaudit never writes over its inputs")


def without_outputs(files: list[str], targets) -> list[str]:
    """The files a folder or glob found, less this run's output files: `check reports/ -o
    reports/audit.html` must not audit last run's audit.html as a report."""
    outputs = {i for t in targets if (i := file_id(t))}
    return [f for f in files if file_id(f) not in outputs] if outputs else files


def configuration(paths, path, select, ignore, fail_on, rounding, lang=None):
    """The configuration in force: the command line over the file over the defaults.

    --select replaces the file's `select`; --ignore adds to its `ignore`."""
    from lawaudit.config import CHECKS, Config, ConfigError, discover, load

    choose_lang(lang)  # until the file is read: --lang, else the locale (its errors too)
    try:
        found = path or discover(paths)
        cfg = load(found) if found else Config()
        level = fail_on.value if fail_on else None
        given = {"select": select, "ignore": ignore, "fail_on": level, "rounding": rounding}
        if lang:
            given["lang"] = lang.value
        changes = {k: CHECKS[k](v, f"--{k.replace('_', '-')}") for k, v in given.items() if v}
        if "ignore" in changes:
            changes["ignore"] = (*cfg.ignore, *changes["ignore"])
        return replace(cfg, **changes)
    except ConfigError as e:
        fail(str(e))


@app.command()
def check(
    paths: list[str] | None = typer.Argument(
        None,
        help="Report files (.txt, .md, .pdf, .docx, .html), folders of them, globs, claims "
        "files (.json, .yaml), or - for stdin.",
    ),
    format: OutFormat = typer.Option(
        OutFormat.table,
        "--format",
        "-f",
        metavar="FORMAT",
        show_choices=False,
        help="Output format: table, json, html, sarif, github, junit, jsonl, markdown, concise, "
        "codeframe.",
    ),
    output: str | None = typer.Option(
        None, "--output", "-o", help="Write the report here (atomically)."
    ),
    fail_on: FailOn | None = typer.Option(
        None,
        metavar="LEVEL",
        show_choices=False,
        help="Lowest severity that makes the exit code 1: error (default), warning, info, never.",
    ),
    rounding: str | None = typer.Option(
        None,
        metavar="MODES",
        help="Accepted rounding modes, comma-separated: half-up, half-even, truncate, ceiling "
        "(default: half-up and half-even).",
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
    lang: Lang | None = typer.Option(
        None, "--lang", metavar="LANG", help=LANG_HELP, show_choices=False
    ),
    show_unverifiable: bool = typer.Option(
        False,
        "--show-unverifiable",
        help="Table: list the checks that could not be verified, not only their count.",
    ),
    only_fails: bool = typer.Option(
        False, "--only-fails", help="Table: show the fails alone (the count of passes is kept)."
    ),
    show_unchecked: bool = typer.Option(
        False, "--show-unchecked", help="List the percentages and totals no check could use."
    ),
    jobs: int | None = typer.Option(
        None,
        "--jobs",
        "-j",
        min=1,
        help="Files audited at once (default: one per core, at most four per core; 1 audits in "
        "this process).",
    ),
    summary_only: bool = typer.Option(
        False, "--summary-only", help="Table format: only the summary table, not each file's."
    ),
    previous: str | None = typer.Option(
        None, "--previous", help="Last year's report, to check this year's growth figures against."
    ),
    previous_manifest: str | None = typer.Option(
        None, "--previous-manifest", help="Lines 'this year<TAB>last year' pairing a batch."
    ),
    previous_auto: bool = typer.Option(
        False,
        "--previous-auto",
        help="Pair each file with the file beside it named a year earlier (2025 for 2026).",
    ),
    config: str | None = typer.Option(
        None,
        "--config",
        help="Configuration file (default: the closest lawaudit.toml or "
        "pyproject.toml [tool.lawaudit] to the inputs).",
    ),
    print_config: bool = typer.Option(
        False, "--print-config", help="Print the configuration in force, as TOML, and exit."
    ),
    exit_zero: bool = typer.Option(
        False, "--exit-zero", help="Exit 0 even when checks fail (2 still means bad input)."
    ),
    baseline: str | None = typer.Option(
        None, "--baseline", help="Fail only on checks not in this baseline file."
    ),
    write_baseline: str | None = typer.Option(
        None, "--write-baseline", help="Record today's non-passing checks here; exit 0."
    ),
) -> None:
    """Audit reports and print every check with its arithmetic; folders and globs audit every
    report in them, in parallel, with a summary table at the end."""
    from lawaudit import batch
    from lawaudit.engine import selected
    from lawaudit.i18n import tr
    from lawaudit.model import Severity
    from lawaudit.report import Format, stream, summary_line

    paths = paths or []
    refuse_empty_names(
        {
            "--output": output,
            "--config": config,
            "--baseline": baseline,
            "--write-baseline": write_baseline,
            "--previous": previous,
            "--previous-manifest": previous_manifest,
        }
    )
    if not paths and not print_config:
        fail("no input: give report files, folders, globs, or - for standard input")
    cfg = configuration(paths, config, select, ignore, fail_on, rounding, lang)
    cfg = replace(cfg, lang=choose_lang(None, cfg.lang))
    if print_config:
        StdOut().write(cfg.to_toml())
        raise typer.Exit(0)
    if not selected(cfg.select, cfg.ignore):
        fail("--select/--ignore leave no rule to run")
    base = None
    if baseline:
        from lawaudit.baseline import Baseline, BaselineError

        try:
            base = Baseline.load(baseline)
        except BaselineError as e:
            fail(str(e))
    recorded: list[dict] | None = [] if write_baseline else None
    if paths.count("-") > 1:
        fail("standard input (-) can be given once")
    files = without_outputs(batch.expand(paths), (output, write_baseline))
    if previous and len(files) != 1:
        fail("--previous pairs one report; for a batch use --previous-manifest or --previous-auto")
    if previous and file_id(previous) is not None and file_id(previous) == file_id(files[0]):
        fail(
            tr(
                f"--previous {previous} is the report itself: give last year's report",
                f"--previous {previous} 就是本报告：请给出上一年的报告",
            )
        )
    try:
        pairs = batch.pair_previous(files, previous, previous_manifest, previous_auto)
    except batch.PairingError as e:
        fail(str(e))
    last_years = [p for _, p in pairs]
    refuse_to_overwrite(output, [*paths, *last_years, baseline, config], "--output")
    refuse_to_overwrite(write_baseline, [*paths, *last_years, config], "--write-baseline")
    options = batch.Options(
        encoding=encoding,
        modes=cfg.rounding,
        select=cfg.select,
        ignore=cfg.ignore,
        previous=pairs,
        severity=cfg.severity,
        tolerance=cfg.tolerance,
        rate_words=cfg.rate_words,
        capped_words=cfg.capped_words,
        lang=cfg.lang,
    )
    fmt = Format(format.value)
    color = output is None and sys.stdout.isatty() and fmt is Format.TABLE
    with opened(output) as out, progress_bar(len(files)) as advance:

        def results():
            for f in batch.audit_all(files, options, jobs or batch.default_jobs()):
                advance()
                if f.error:
                    typer.echo(f"lawaudit: {tr('error: ', '错误：')}{f.error}", err=True)
                for w in f.warnings:
                    typer.echo(f"lawaudit: {tr('warning: ', '警告：')}{f.path}: {w}", err=True)
                if base is not None:
                    f = base.mark(f)
                if recorded is not None:
                    from lawaudit.baseline import entries

                    recorded.extend(entries([f]))
                yield f

        opts = {"color": color, "unchecked": show_unchecked, "summary_only": summary_only}
        if fmt is Format.TABLE:
            from lawaudit.report.table import terminal_width

            opts |= {"width": terminal_width(), "show_unverifiable": show_unverifiable}
            opts["only_fails"] = only_fails
        if fmt in (Format.HTML, Format.CODEFRAME):
            opts["encoding"] = encoding  # these show each file's text, read again
        tally = stream(results(), fmt, out.write, **opts)
    typer.echo(summary_line(tally), err=True)
    for e in tally.stale:
        where = f"{e['path']}: {e['rule']} {e['subject']}".rstrip()
        stale = tr(
            "stale baseline entry (no check matches it): ", "过期的基线条目（没有检查与之对应）："
        )
        typer.echo(f"lawaudit: {stale}{where}", err=True)
    if write_baseline and recorded is not None:
        from lawaudit.baseline import dumps

        write_atomically(write_baseline, dumps(recorded))
        n = len(recorded)
        typer.echo(
            tr(
                f"{n} baseline entries written to {write_baseline}",
                f"已写入 {n} 条基线：{write_baseline}",
            ),
            err=True,
        )
    if tally.unreadable:
        raise typer.Exit(2)
    if exit_zero or write_baseline:
        raise typer.Exit(0)
    if cfg.fail_on != FailOn.never:
        floor = Severity(cfg.fail_on).rank
        bad = any(tally.severity[s.value] for s in Severity if s.rank >= floor)
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
    force: bool = typer.Option(False, "--force", help="Overwrite an existing -o file."),
) -> None:
    """Write the claims found in a report, to review and correct by hand, then `check` them."""
    from lawaudit.extract import extract as find_claims
    from lawaudit.i18n import tr
    from lawaudit.readers import ReadError, read
    from lawaudit.readers.claimsfile import dump_claims

    choose_lang(None, local_lang())
    if format is None:
        fmt = "json" if output and output.lower().endswith(".json") else "yaml"
    else:
        fmt = format.value
    refuse_empty_names({"--output": output})
    refuse_to_overwrite(output, [path], "--output")
    if output and os.path.lexists(output) and not force:
        fail(
            tr(
                f"{output} exists: it may hold claims corrected by hand; --force overwrites it",
                f"{output} 已存在，其中可能有人工改正的内容；用 --force 覆盖",
            )
        )
    try:
        found = find_claims(read(path, encoding))
    except ReadError as e:
        fail(str(e))
    claims = tuple(c for c in found.claims if c.kind != "suppress")  # a comment, not a claim
    text = dump_claims(claims, "<stdin>" if path == "-" else path, fmt)
    if output:
        write_atomically(output, text)
        n = len(claims)
        typer.echo(
            tr(f"{n} claims written to {output}", f"已将 {n} 条数字表述写入 {output}"), err=True
        )
    else:
        StdOut().write(text)


@app.command()
def rules(
    lang: Lang | None = typer.Option(
        None, "--lang", metavar="LANG", help=LANG_HELP, show_choices=False
    ),
) -> None:
    """List every rule: ID, name, severity and what it checks."""
    from rich.cells import cell_len

    from lawaudit.i18n import severity_word
    from lawaudit.rules import ALL_RULES
    from lawaudit.rules.zh import summary

    choose_lang(lang, local_lang())
    rows = [
        (m.RULE.id, m.RULE.name, severity_word(m.RULE.severity.value), summary(m.RULE))
        for m in ALL_RULES
    ]
    widths = [max(cell_len(row[i]) for row in rows) for i in range(3)]
    out = StdOut()
    for row in rows:
        cells = [c + " " * (w - cell_len(c)) for c, w in zip(row, widths, strict=False)]
        out.write("  ".join([*cells, row[3]]) + "\n")


@app.command()
def explain(
    rule_id: str = typer.Argument(..., help="A rule ID (LA201) or name (rate-mismatch)."),
    lang: Lang | None = typer.Option(
        None, "--lang", metavar="LANG", help=LANG_HELP, show_choices=False
    ),
) -> None:
    """Show a rule's documentation, with a failing and a passing example."""
    from lawaudit.i18n import severity_word, tr
    from lawaudit.rules import ALL_RULES
    from lawaudit.rules.zh import doc

    choose_lang(lang, local_lang())
    key = rule_id.strip()
    for m in ALL_RULES:
        if key.upper() == m.RULE.id or key == m.RULE.name:
            r = m.RULE
            level = severity_word(r.severity.value)
            head = f"{r.id} {r.name} ({tr('default severity: ', '默认严重程度：')}{level})"
            StdOut().write(head + "\n\n")
            StdOut().write(doc(r).strip() + "\n")
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
    """The console script: typer's app, with the ways a run can end besides its verdict —
    output that cannot be written, a signal, a bug — each one line and its own exit code."""
    from lawaudit.output import OutputError, Stopped, flush_stdout, guard_streams, handle_signals

    click.UsageError.show = usage_error  # one line, in the run's language (click's: four)
    guard_streams()
    handle_signals()
    try:
        try:
            app()
        finally:
            flush_stdout()  # a full disk shows here; a reader gone (| head) ends output quietly
    except OutputError as e:
        from lawaudit.batch import printable

        typer.echo(f"lawaudit: error: {printable(str(e))}", err=True)
        sys.exit(2)
    except (Stopped, KeyboardInterrupt) as e:
        stopped(e.signum if isinstance(e, Stopped) else 2)
    except Exception as e:
        if os.environ.get("LAWAUDIT_DEBUG"):
            raise
        typer.echo(f"lawaudit: internal error: {e.__class__.__name__}: {e}", err=True)
        sys.exit(2)
