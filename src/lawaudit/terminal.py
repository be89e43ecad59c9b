"""What the terminal shows besides the audit itself: a progress bar for a person, a mistake on
the command line as one line in the run's language, and the line a signal ends a run with."""

from __future__ import annotations

import os
import re
import sys
from contextlib import contextmanager

import typer

try:  # typer 0.28 carries its own copy of click; earlier ones use the click package
    from typer._click import exceptions as click
except ImportError:  # pragma: no cover
    from click import exceptions as click


def show_progress(stream=None, env=None) -> bool:
    """A progress bar only for a person: not in CI, not when stderr is piped or redirected."""
    stream = sys.stderr if stream is None else stream
    env = os.environ if env is None else env
    in_ci = env.get("CI", "").strip().lower() not in ("", "0", "false", "no")
    return not in_ci and stream.isatty()


@contextmanager
def progress_bar(total: int):
    """Yield a function to call once per file done; it draws a bar on stderr when it should.

    While the bar is drawn, text for stdout and stderr is printed above it (when stdout is the
    terminal too), so per-file tables and error lines do not tear it.
    """
    if total < 2 or not show_progress():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    columns = ("auditing", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    console = Console(stderr=True)
    redirect = sys.stdout.isatty()
    # Redrawn on each file done, not by a refresh thread: with no thread running, batch.py
    # can fork its workers from this warm process instead of starting a server.
    with Progress(
        *columns, console=console, transient=True, redirect_stdout=redirect, auto_refresh=False
    ) as bar:
        task = bar.add_task("auditing", total=total)
        yield lambda: bar.update(task, advance=1, refresh=True)


def local_lang() -> str:
    """The `lang` of the configuration file closest to the current folder, or ""."""
    from lawaudit.config import ConfigError, discover, load

    try:
        found = discover(["."])
        return load(found).lang if found else ""
    except (ConfigError, OSError):
        return ""


def usage_error(error: click.UsageError, file=None) -> None:
    """A mistake on the command line as one line in the run's language (click's own is four
    lines of English): `lawaudit: error: no such option: --bogus (--jobs?); try … -h`."""
    from lawaudit.i18n import language, locale_lang, tr

    argv = sys.argv[1:]
    chosen = next((a.split("=", 1)[1] for a in argv if a.startswith("--lang=")), "")
    if not chosen and "--lang" in argv[:-1]:
        chosen = argv[argv.index("--lang") + 1]
    with language(chosen or local_lang() or locale_lang()):
        if isinstance(error, click.NoSuchOption):
            near = " / ".join(error.possibilities or ())
            what = tr(f"no such option: {error.option_name}", f"没有这个选项：{error.option_name}")
            what += tr(f" (did you mean {near}?)", f"（是不是 {near}？）") if near else ""
        elif isinstance(error, click.MissingParameter):
            name = error.param.name if error.param else ""
            what = tr(f"missing {name}", f"缺少{name}")
        elif isinstance(error, click.BadParameter):
            hint = error.param.get_error_hint(error.ctx) if error.param and error.ctx else ""
            said = error.message.rstrip(".")
            what = tr(f"invalid value for {hint}: {said}", f"{hint}的值无效：{in_chinese(said)}")
        else:
            what = error.format_message()
        command = error.ctx.command_path if error.ctx else "lawaudit"
        help_ = tr(f"; try '{command} -h'", f"；用 {command} -h 查看用法")
        typer.echo(f"lawaudit: {tr('error: ', '错误：')}{what}{help_}", err=True)


def in_chinese(said: str) -> str:
    """click's two usual complaints about a value, in Chinese; others as click wrote them."""
    if m := re.fullmatch(r"('.*?') is not one of (.*)", said):
        return f"{m.group(1)}不是可选值之一（{m.group(2).replace(', ', '、')}）"
    if m := re.fullmatch(r"('.*?') is not a valid (?:integer|int range|float)", said):
        return f"{m.group(1)}不是有效的数字"
    return said


def stopped(signum: int) -> None:
    """A run stopped by a signal: workers ended now (not when the interpreter exits), one line."""
    from lawaudit.i18n import tr
    from lawaudit.output import signal_exit

    batch = sys.modules.get("lawaudit.batch")
    if batch is not None:
        batch.stop_workers()
    message, code = signal_exit(signum)
    done, total = batch.PROGRESS if batch is not None else (0, 0)
    if total > 1:  # what was finished: its results were written out as each file ended
        message += tr(f" after {done} of {total} files", f"（已完成{done}/{total}个文件）")
    typer.echo(message, err=True)
    sys.exit(code)
