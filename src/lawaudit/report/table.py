"""The terminal audit table: findings first, numbers as the report wrote them, any width.

What a reviewer sees for each file: the fails (most severe first, then in reading order), then
the checks that verified a figure; the checks that could not be verified are one line that says
how many and how to list them (`--show-unverifiable`). Identical checks of one sentence ("满意率
均为100%") are one row. The layout follows the terminal: columns at 110 and more, below that
one small block per finding. Text is wrapped by display width (a Chinese character takes two
columns) between words or characters, never inside a number.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import sys
from collections.abc import Iterable

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from lawaudit.i18n import severity_word, status_word, tr
from lawaudit.model import Check, FileResult, Report, Status
from lawaudit.report import Tally

STACK_BELOW = 110  # columns: narrower terminals get one block per finding
DEFAULT_WIDTH = 100  # not a terminal and no COLUMNS: a width that reads well in a log or file
MIN_WIDTH = 40
SYMBOL = {Status.PASS: "✓", Status.FAIL: "✗", Status.UNVERIFIABLE: "?"}
STYLE = {Status.PASS: "32", Status.FAIL: "1;31", Status.UNVERIFIABLE: "90"}

# A token is never split across lines: a number with its decimals, grouping, % and scale
# ("98.9547%", "2,495", "575.15亿", "1.2万"), a Latin word, a run of spaces, or one other
# character (each Chinese character may end a line). Closing punctuation joins the token before
# it, so no line starts with "，" or "）".
TOKEN = re.compile(
    r"(?:[-−+]?[0-9０-９][0-9０-９.,，:·/]*[0-9０-９]|[0-9０-９])(?:%|‰|万亿|千万|百万|亿|万|千)?"
    r"(?:[件起人个项次家户元名所条份篇场批宗台辆套倍年月日]|个百分点)?"
    r"|[A-Za-z][A-Za-z0-9_'.\-]*|\s+|."
)
CLOSING = frozenset("，。；：、）)」』”’,.;:!?！？%…")
OPENING = frozenset("（(「『“‘《")  # joins the token after it: no line ends with "（"


def terminal_width(stream=None, env=None) -> int:
    """COLUMNS when set, else the terminal's width, else 100 (a file, a pipe, CI)."""
    env = os.environ if env is None else env
    stream = sys.stdout if stream is None else stream
    cols = env.get("COLUMNS", "").strip()
    if cols.isdigit() and int(cols) > 0:
        return max(int(cols), MIN_WIDTH)
    try:
        if stream.isatty():
            return max(shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns, MIN_WIDTH)
    except (AttributeError, ValueError, OSError):
        pass
    return DEFAULT_WIDTH


def tokens(text: str) -> list[str]:
    out: list[str] = []
    for t in TOKEN.findall(text):
        if out and not out[-1].isspace() and (t in CLOSING or out[-1][-1] in OPENING):
            out[-1] += t
        else:
            out.append(t)
    return out


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` display columns, broken between tokens (never in a number);
    a token wider than a whole line (a long path) is cut by character as a last resort."""
    width = max(width, 4)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, used = "", 0
        for t in tokens(paragraph):
            w = cell_len(t)
            if t.isspace():
                if line:
                    line, used = line + " ", used + 1
                continue
            if used + w > width and line.strip():
                lines.append(line.rstrip())
                line, used = "", 0
            while w > width:  # a single token that cannot fit any line
                head, rest = _cut(t, width - used)
                lines.append((line + head).rstrip())
                line, used, t = "", 0, rest
                w = cell_len(t)
            line, used = line + t, used + w
        lines.append(line.rstrip())
    return lines


def _cut(t: str, room: int) -> tuple[str, str]:
    used = 0
    for i, ch in enumerate(t):
        used += cell_len(ch)
        if used > room:
            return t[: max(i, 1)], t[max(i, 1) :]
    return t, ""


def pad(text: str, width: int) -> str:
    return text + " " * max(width - cell_len(text), 0)


def paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color and code and text else text


def verdict(c: Check) -> str:
    """ "✗ 不符（错误）", "✓ pass", "? unverifiable (info)"."""
    word = f"{SYMBOL[c.status]} {status_word(c.status.value)}"
    if c.status is not Status.PASS:
        notes = [severity_word(c.severity.value)]
        if c.suppressed or c.baselined:
            notes.append(tr("suppressed", "已忽略") if c.suppressed else tr("baselined", "基线"))
        word += tr(f" ({', '.join(notes)})", f"（{'，'.join(notes)}）")
    return word


def place(c: Check) -> str:
    where = f"{c.path}:{c.line}:{c.column}" if c.path else f"{c.line}:{c.column}"
    return f"{where} p.{c.page}" if c.page else where


def numbers(c: Check) -> str:
    """Stated → computed, as the report writes numbers (engine: shown.pair)."""
    stated, computed = c.shown if any(c.shown) else _from_values(c)
    return f"{stated} → {computed}" if computed else stated


def _from_values(c: Check) -> tuple[str, str]:
    """For checks built without a claim (claims made by hand, older callers): the values."""
    v = c.values
    stated = v.get("stated") or v.get("total") or v.get("numerator", "")
    return str(stated), str(v.get("computed", ""))


class Row:
    """One row of the table: a check, and how many identical checks of its sentence it stands
    for."""

    __slots__ = ("check", "count", "others")

    def __init__(self, check: Check) -> None:
        self.check, self.count = check, 1
        self.others: list[str] = []  # the subjects of the identical checks it stands for


def rows(
    checks: Iterable[Check], *, show_unverifiable: bool, only_fails: bool
) -> tuple[list[Row], dict[str, int]]:
    """The rows to show, fails first (most severe, then by place), and what was left out."""
    fails, unverifiable, passes = [], [], []
    hidden = {"unverifiable": 0, "no_base": 0, "pass": 0}
    for c in checks:
        if c.status is Status.FAIL:
            fails.append(c)
        elif c.status is Status.UNVERIFIABLE:
            if show_unverifiable and not only_fails:
                unverifiable.append(c)
            else:
                hidden["unverifiable"] += 1
                v = c.values
                hidden["no_base"] += "min_denominator" in v and "denominator" not in v
        elif only_fails:
            hidden["pass"] += 1
        else:
            passes.append(c)
    fails.sort(key=lambda c: (-c.severity.rank, c.line, c.column))
    out: list[Row] = []
    seen: dict[tuple, Row] = {}
    for c in (*fails, *unverifiable, *passes):
        key = (c.rule, c.status, c.severity, c.line, c.quote, c.arithmetic, c.shown)
        if key in seen:
            seen[key].count += 1
            if c.subject and c.subject not in (seen[key].check.subject, *seen[key].others):
                seen[key].others.append(c.subject)
            continue
        seen[key] = row = Row(c)
        out.append(row)
    return out, hidden


def reason(row: Row) -> str:
    c = row.check
    text = c.message
    if row.count > 1:
        also = row.others
        text += tr(
            f" (×{row.count}, the same check" + (f" also for {', '.join(also)})" if also else ")"),
            f"（同一句中{row.count}项相同" + (f"，另有{'、'.join(also)}）" if also else "）"),
        )
    return text


def wide(checks: list[Row], width: int, color: bool) -> list[str]:
    heads = (
        tr("verdict", "结论"),
        tr("rule", "规则"),
        tr("at", "位置"),
        tr("quote", "原文"),
        tr("stated → computed", "报告值 → 计算值"),
        tr("arithmetic and reason", "算式与说明"),
    )
    cells = [
        (verdict(r.check), r.check.rule, place(r.check), r.check.quote, numbers(r.check), r)
        for r in checks
    ]
    fixed = [max([cell_len(heads[i])] + [cell_len(row[i]) for row in cells]) for i in range(3)]
    gap = 2
    rest = width - sum(fixed) - gap * 5
    share = [max(rest * 3 // 10, 10), max(rest * 2 // 10, 10)]
    share.append(max(rest - sum(share), 16))
    widths = [*fixed, *share]
    # ASCII rules: box-drawing characters are "ambiguous" in width, and a terminal set up for
    # Chinese draws them two columns wide, which would break every line
    out = [_line(heads, widths, gap, color, bold=True), "-" * min(width, sum(widths) + gap * 5)]
    for n, (v, rule, at, quote, nums, r) in enumerate(cells):
        c = r.check
        body = wrap(c.arithmetic, widths[5]) if c.arithmetic else []
        body += wrap(reason(r), widths[5])
        columns = [
            wrap(v, widths[0]),
            [rule],
            wrap(at, widths[2]),
            wrap(quote, widths[3]),
            wrap(nums, widths[4]),
            body,
        ]
        height = max(len(col) for col in columns)
        for i in range(height):
            parts = []
            for j, col in enumerate(columns):
                text = col[i] if i < len(col) else ""
                cell = pad(text, widths[j]) if j < 5 else text
                if j == 0 and i == 0:
                    cell = paint(cell, STYLE[c.status], color)
                parts.append(cell)
            out.append((" " * gap).join(parts).rstrip())
        if n < len(cells) - 1:
            out.append("")
    return out


def _line(cells, widths, gap, color, bold=False) -> str:
    text = (" " * gap).join(pad(c, w) for c, w in zip(cells, widths, strict=True)).rstrip()
    return paint(text, "1", color and bold)


def stacked(checks: list[Row], width: int, color: bool) -> list[str]:
    """One block per finding: a head line, then labelled lines with a hanging indent."""
    labels = (tr("quote", "原文"), tr("values", "数值"), tr("arith.", "算式"), tr("reason", "说明"))
    lw = max(cell_len(x) for x in labels)
    indent = 2
    out: list[str] = []
    for n, r in enumerate(checks):
        c = r.check
        head = f"{verdict(c)}  {c.rule} {c.name}  {place(c)}"
        first, *more = wrap(head, width)
        out.append(paint(first, STYLE[c.status], color))
        out += more
        for label, text in zip(labels, (c.quote, numbers(c), c.arithmetic, reason(r)), strict=True):
            if not text:
                continue
            lines = wrap(text, width - indent - lw - 2)
            out.append(" " * indent + paint(pad(label, lw), "2", color) + "  " + lines[0])
            out += [" " * (indent + lw + 2) + line for line in lines[1:]]
        if n < len(checks) - 1:
            out.append("")
    return out


def file_block(
    f: FileResult,
    *,
    color: bool = False,
    width: int | None = None,
    unchecked: bool = False,
    show_unverifiable: bool = False,
    only_fails: bool = False,
) -> str:
    """One file's part of the output: its findings (or its error), then what was left out and
    the coverage line."""
    width = max(width or DEFAULT_WIDTH, MIN_WIDTH)
    lines: list[str] = []
    if f.error:
        return ""  # said once, on standard error, by the command line (and in the summary table)
    if not f.checks:
        lines += wrap(f"{f.path}: " + tr("no checkable claims found", "未找到可核验的数字"), width)
    else:
        shown, hidden = rows(f.checks, show_unverifiable=show_unverifiable, only_fails=only_fails)
        lines.append(paint(f.path, "1", color))
        if shown:
            layout = wide if width >= STACK_BELOW else stacked
            lines += layout(shown, width, color)
        else:
            lines.append(tr("no fails", "没有不符项"))
        for note in left_out(hidden):
            lines += [paint(x, "2", color) for x in wrap(note, width)]
    cov = f.coverage
    if cov.numbers:
        note = tr(
            f"{f.path}: {cov.checked} of {cov.numbers} numbers checked; "
            f"{len(cov.unchecked)} percentages and totals no check could use",
            f"{f.path}：{cov.numbers}个数字中核验了{cov.checked}个；"
            f"{len(cov.unchecked)}个百分比和总数无法核验",
        )
        lines += [paint(x, "2", color) for x in wrap(note, width)]
    if unchecked and cov.unchecked:
        word = tr("unchecked", "未核验")
        for m in cov.unchecked:
            lines += wrap(f"  {word} {m.line}:{m.column}  {m.quantity.raw}  {m.quote}", width)
    return "\n".join(lines) + "\n"


def left_out(hidden: dict[str, int]) -> list[str]:
    notes = []
    n, no_base = hidden["unverifiable"], hidden["no_base"]
    if n:
        if no_base == n:
            notes.append(
                tr(
                    f"{n} rate{'s' if n != 1 else ''} with no part or whole stated; "
                    "--show-unverifiable lists them",
                    f"{n} 个比率未给出分子分母，用 --show-unverifiable 查看",
                )
            )
        else:
            notes.append(
                tr(
                    f"{n} unverifiable check{'s' if n != 1 else ''} "
                    f"({no_base} rates with no part or whole stated); "
                    "--show-unverifiable lists them",
                    f"{n} 项无法核验（其中 {no_base} 个比率未给出分子分母），"
                    "用 --show-unverifiable 查看",
                )
            )
    if hidden["pass"]:
        p = hidden["pass"]
        notes.append(
            tr(
                f"{p} pass{'es' if p != 1 else ''} not shown (--only-fails)",
                f"{p} 项通过未列出（--only-fails）",
            )
        )
    return notes


def _console(out: io.StringIO, color: bool, width: int | None) -> Console:
    # Report text, paths and messages are shown as written: with markup on, "[b]" in a quote would
    # vanish and "[/i]" would raise; with emoji on, ":dog:" would become a picture.
    return Console(
        file=out,
        force_terminal=color,
        no_color=not color,
        width=width or DEFAULT_WIDTH,
        highlight=False,
        markup=False,
        emoji=False,
    )


def _coverage(checked: int, numbers: int) -> str:
    return f"{checked} / {numbers} ({checked * 100 // numbers}%)" if numbers else "—"


def summary_table(tally: Tally, *, color: bool = False, width: int | None = None) -> str:
    """Per file: checks, non-passing checks by severity, numbers checked of those seen; totals.

    A batch of hundreds is read here first, so an unreadable file shows its reason in its row.
    """
    # ASCII borders, as in the file tables: box-drawing characters are drawn two columns wide
    # in a terminal set up for Chinese
    table = Table(title=tr("summary", "汇总"), title_justify="left", expand=False, box=box.ASCII)
    table.add_column(tr("file", "文件"), overflow="fold")
    for name in ("checks", "error", "warning", "info"):
        heading = tr(name, "检查" if name == "checks" else severity_word(name))
        table.add_column(heading, justify="right")
    table.add_column(tr("numbers checked", "数字核验"), justify="right", overflow="fold")
    for row in tally.rows or ():
        if row.error:
            table.add_row(row.path, "—", "", "", "", Text(row.error, style="red", justify="left"))
            continue
        counts = [str(row.severity[s]) for s in ("error", "warning", "info")]
        style = "red" if row.severity["error"] else None
        table.add_row(
            row.path, str(row.checks), *counts, _coverage(row.checked, row.numbers), style=style
        )
    s = tally.summary()
    table.add_section()
    files = tr(f"total: {s['files']} files", f"合计：{s['files']} 个文件")
    if s["unreadable"]:
        files += tr(f", {s['unreadable']} unreadable", f"，{s['unreadable']} 个无法读取")
    total = [str(s[k]) for k in ("checks", "error", "warning", "info")]
    table.add_row(files, *total, _coverage(s["numbers_checked"], s["numbers"]), style="bold")
    out = io.StringIO()
    _console(out, color, width).print(table)
    return out.getvalue()


def render(
    report: Report,
    *,
    color: bool = False,
    width: int | None = None,
    unchecked: bool = False,
    show_unverifiable: bool = False,
    only_fails: bool = False,
) -> str:
    """Each file's table, then a summary table when there are several files."""
    from lawaudit.report import Format, stream

    parts: list[str] = []
    stream(
        report.files,
        Format.TABLE,
        parts.append,
        color=color,
        width=width,
        unchecked=unchecked,
        show_unverifiable=show_unverifiable,
        only_fails=only_fails,
    )
    return "".join(parts)
