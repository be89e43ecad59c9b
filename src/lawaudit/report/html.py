"""The HTML report: one self-contained page, the report's text with every checked number marked.

Each file is a section: its findings (fails first) beside its text, where every number a check
used is marked green (pass), red (fail) or grey (unverifiable); hovering, focusing or following a
finding's link to a mark shows its arithmetic. Several files are sections of one page, under a
file list with their counts. The page has no script and loads nothing: its Content-Security-Policy
forbids both, and every piece of report text is escaped, since reports are untrusted input.

The text is read again here (`lawaudit.readers.read`) rather than carried in `FileResult`, so
workers send back small results and a batch streams file by file. A mark spans the check's
`line:column` to `end_line:end_column`; without an end (claims files), the number written at the
column. Claims files and standard input have no text to show: their findings are listed alone.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable

from lawaudit.i18n import severity_word, status_word, tr
from lawaudit.model import Check, Document, FileResult, Report, Status

WORST = {Status.FAIL: 3, Status.UNVERIFIABLE: 2, Status.PASS: 1}
SYMBOL = {Status.PASS: "✓", Status.FAIL: "✗", Status.UNVERIFIABLE: "?"}


def word(status: Status) -> str:
    return f"{SYMBOL[status]} {status_word(status.value)}"


NUMBER_AT = re.compile(r"[0-9０-９.．,%％‰〇零一二两三四五六七八九十百千万亿点分之]+")
CONTROLS = {c: "\ufffd" for c in [*range(0, 9), 11, *range(14, 32), 127]}
CONTROLS |= {12: "\u240c", 13: None}  # a PDF's page break shows as ␌; a CR is dropped


def esc(text: str) -> str:
    return html.escape(text, quote=True).translate(CONTROLS)


CSS = """
:root{--pass:#1a7f37;--pass-bg:#dafbe1;--fail:#cf222e;--fail-bg:#ffd8d3;--unv:#59636e;
--unv-bg:#e6e8eb;--line:#d0d7de;font-family:system-ui,"Noto Sans CJK SC","Noto Sans SC",
"WenQuanYi Micro Hei","Microsoft YaHei",sans-serif;color:#1f2328;background:#fff}
body{margin:0;padding:0 1.2rem 2rem}
h1{font-size:1.3rem;margin:1rem 0 .3rem}
h2{font-size:1.1rem;margin:0 0 .3rem;overflow-wrap:anywhere}
a{color:#0550ae}
.legend,.counts,.note{color:#59636e;font-size:.9rem;margin:.2rem 0 .6rem}
main{display:flex;flex-direction:column;gap:1.5rem}
nav.summary{order:-1}
table{border-collapse:collapse;font-size:.9rem}
th,td{border:1px solid var(--line);padding:.2rem .5rem;text-align:right}
th:first-child,td:first-child{text-align:left;overflow-wrap:anywhere}
tr.bad td:first-child a{color:var(--fail)}
section.file{border-top:2px solid var(--line);padding-top:.8rem}
.body{display:grid;grid-template-columns:minmax(0,1fr) minmax(16rem,26rem);gap:1rem;
align-items:start}
.findings{order:2;position:sticky;top:0;max-height:100vh;overflow:auto;margin:0;padding:0;
list-style:none;font-size:.85rem}
.findings li{border-left:4px solid var(--unv);background:#f6f8fa;margin:0 0 .4rem;
padding:.3rem .5rem}
.findings li.fail{border-color:var(--fail)}
.findings li.pass{border-color:var(--pass)}
.findings .head{font-weight:600}
.findings .quote{color:#59636e}
.arith{font-family:ui-monospace,"Noto Sans Mono CJK SC",monospace;font-size:.82rem;
overflow-wrap:anywhere}
.msg{font-style:italic}
.badge{font-weight:700}
.pass .badge{color:var(--pass)}
.fail .badge{color:var(--fail)}
.unverifiable .badge{color:var(--unv)}
.filter{font-size:.85rem;margin:0 0 .4rem}
section:has(.hide-pass:checked) li.pass{display:none}
section:has(.marked-only:checked) .l:not(:has(mark)){display:none}
.src{order:1;font-size:1rem;line-height:1.9;border:1px solid var(--line);border-radius:6px;
padding:.4rem 0;min-width:0}
.l{white-space:pre-wrap;overflow-wrap:anywhere;padding:0 .8rem 0 4.2rem;text-indent:-3.4rem;
min-height:1.9em}
.l::before{content:attr(data-n);display:inline-block;width:2.8rem;margin-right:.6rem;
text-align:right;color:#8c959f;font-size:.8rem;text-indent:0;user-select:none}
mark{position:relative;border-radius:3px;padding:0 1px;color:inherit;text-indent:0}
mark.pass{background:var(--pass-bg);box-shadow:inset 0 -2px var(--pass)}
mark.fail{background:var(--fail-bg);box-shadow:inset 0 -2px var(--fail);font-weight:600}
mark.unverifiable{background:var(--unv-bg);box-shadow:inset 0 -2px var(--unv)}
mark.unchecked{background:none;outline:1px dashed #8c959f}
mark.muted{opacity:.55}
.aside{color:#59636e;font-weight:400}
mark[tabindex]{cursor:pointer}
mark:target{outline:2px solid #0969da;outline-offset:1px}
.tip{display:none;position:absolute;left:0;top:1.7em;z-index:5;width:max-content;
max-width:min(34rem,80vw);background:#fff;border:1px solid var(--line);border-radius:6px;
box-shadow:0 4px 12px rgba(0,0,0,.15);padding:.4rem .6rem;font-weight:400;line-height:1.5;
white-space:normal;font-size:.85rem}
.tip .one+.one{border-top:1px solid var(--line);margin-top:.3rem;padding-top:.3rem}
mark:hover>.tip,mark:focus>.tip,mark:target>.tip{display:block}
.error{color:var(--fail);font-weight:600}
@media (max-width:60rem){.body{grid-template-columns:1fr}
.findings{order:0;position:static;max-height:none}}
@media (max-width:36rem){body{padding:0 .5rem 1.5rem}
nav.summary{overflow-x:auto}
table{font-size:.8rem}
th,td{padding:.15rem .3rem}
th:first-child,td:first-child{min-width:7rem;max-width:50vw}
.src{font-size:.95rem;line-height:1.8}
.l{padding:0 .4rem 0 2.6rem;text-indent:-2.1rem}
.l::before{width:1.7rem;margin-right:.4rem;font-size:.7rem}
.tip{position:fixed;left:.5rem;right:.5rem;top:auto;bottom:.5rem;width:auto;max-width:none;
max-height:45vh;overflow:auto}}
"""


def head() -> str:
    """The page's head and header, in the language in force."""
    title = tr("lawaudit report", "lawaudit 核查报告")
    legend = tr(
        "Every number a check used is marked: "
        '<mark class="pass">pass</mark> <mark class="fail">fail</mark> '
        '<mark class="unverifiable">unverifiable</mark>. Hover or click a mark, or a finding, for '
        "its arithmetic.",
        "每个参与核验的数字都已标出："
        '<mark class="pass">通过</mark> <mark class="fail">不符</mark> '
        '<mark class="unverifiable">无法核验</mark>。将鼠标移到或点击标记、发现，可查看算式。',
    )
    return (
        '<!DOCTYPE html>\n<html lang="zh-Hans">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">\n"
        f"<title>{title}</title>\n<style>" + CSS + "</style>\n</head>\n<body>\n"
        f'<header><h1>{title}</h1>\n<p class="legend">{legend}</p></header>\n<main>\n'
    )


HEAD = head()  # in English: what the page began with before it had a language
TAIL = "</main>\n</body>\n</html>\n"


class Mark:
    """A highlighted span of the source: the checks on it, and its id in the page."""

    __slots__ = ("checks", "end", "id", "start", "unchecked")

    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end
        self.checks: list[Check] = []
        self.unchecked = ""  # the raw number, for a mention no check used
        self.id = ""

    @property
    def status(self) -> str:
        """The class: the worst verdict on it; "muted" when every check on it is set aside."""
        if not self.checks:
            return "unchecked"
        worst = max((c.status for c in self.checks), key=WORST.__getitem__).value
        return worst + (" muted" if all(set_aside(c) for c in self.checks) else "")


def set_aside(c: Check) -> str:
    """Why a check does not count: suppressed by a comment in the report, or in the baseline."""
    if c.suppressed:
        return tr(f"suppressed: {c.suppressed}", f"已忽略：{c.suppressed}")
    return tr("in the baseline", "在基线中") if c.baselined else ""


def offset(doc: Document, line: int, column: int) -> int | None:
    """The index in `doc.source` of a 1-based line and column; None when outside the text."""
    if not 1 <= line <= len(doc.line_starts) or column < 1:
        return None
    pos = doc.line_starts[line - 1] + column - 1
    stop = doc.line_starts[line] if line < len(doc.line_starts) else len(doc.source)
    return pos if pos < stop else None


def check_span(doc: Document, c: Check) -> tuple[int, int] | None:
    start = offset(doc, c.line, c.column)
    if start is None:
        return None
    if c.end_line:
        end = offset(doc, c.end_line, c.end_column - 1)
        if end is not None and end >= start:
            return start, end + 1
    m = NUMBER_AT.match(doc.source, start)
    number = m.group().rstrip(".．,") if m else ""
    return start, start + max(1, len(number))


CELL = re.compile(r"(\d+):(\d+)-(\d+):(\d+)")


def cell_spans(doc: Document, c: Check) -> list[tuple[int, int]]:
    """The table cells a template identity used ("cells": ["84:1-84:3", …] in its values)."""
    out = []
    cells = c.values.get("cells") if isinstance(c.values, dict) else None
    for place in cells if isinstance(cells, list) else ():
        m = CELL.fullmatch(str(place))
        if m:
            line, col, end_line, end_col = map(int, m.groups())
            a, b = offset(doc, line, col), offset(doc, end_line, end_col - 1)
            if a is not None and b is not None and b >= a:
                out.append((a, b + 1))
    return out


def marks_for(doc: Document, f: FileResult, unchecked: bool) -> tuple[list[Mark], dict]:
    """Non-overlapping marks in text order, and the mark id of each check (by position)."""
    spans: dict[tuple[int, int], Mark] = {}
    placed: list[tuple[int, Check, tuple[int, int]]] = []
    for i, c in enumerate(f.checks):
        span = check_span(doc, c)
        if span is not None:
            spans.setdefault(span, Mark(*span)).checks.append(c)
            placed.append((i, c, span))
        if c.status is Status.FAIL:  # the numerator, denominator, parts … it used, marked too
            for other in used_spans(doc, c):
                if other != span:
                    spans.setdefault(other, Mark(*other)).checks.append(c)
        for cell in cell_spans(doc, c):  # the other cells of a table identity
            if cell != span:
                spans.setdefault(cell, Mark(*cell)).checks.append(c)
    if unchecked:
        for m in f.coverage.unchecked:
            q = m.quantity
            if q.end > q.start:
                a, b = doc.source_index(q.start), doc.source_index(q.end - 1) + 1
                if (a, b) not in spans:
                    spans[a, b] = Mark(a, b)
                    spans[a, b].unchecked = q.raw
    marks: list[Mark] = []
    for mark in sorted(spans.values(), key=lambda m: (m.start, -m.end)):
        last = marks[-1] if marks else None
        if last and mark.start < last.end:  # overlapping spans become one mark
            if mark.checks or not last.checks:
                last.end = max(last.end, mark.end)
                last.checks += mark.checks
            continue
        marks.append(mark)
    for n, mark in enumerate(marks, 1):
        mark.id = f"m{n}"

    def mark_at(span: tuple[int, int]) -> str:  # the mark holding a check's stated number
        return next(m.id for m in marks if m.start <= span[0] < m.end)

    return marks, {i: mark_at(span) for i, c, span in placed}


def used_spans(doc: Document, c: Check) -> list[tuple[int, int]]:
    """The source spans of every number a check used (its `uses`), those inside the text."""
    out = []
    for line, column, end_line, end_column in c.uses:
        a, b = offset(doc, line, column), offset(doc, end_line, end_column - 1)
        if a is not None and b is not None and b >= a:
            out.append((a, b + 1))
    return out


def aside(c: Check) -> str:
    why = set_aside(c)
    return f' <span class="aside">({esc(why)})</span>' if why else ""


def tip(mark: Mark) -> str:
    if not mark.checks:
        why = tr(": no check used this number", "：没有检查用到这个数字")
        return f'<span class="tip">{esc(mark.unchecked)}{why}</span>'
    rows = [
        f'<span class="one {c.status.value}"><span class="badge">{word(c.status)}</span> '
        f"<b>{esc(c.rule)}</b> {esc(c.name)}{aside(c)}<br>"
        f'<span class="arith">{esc(c.arithmetic)}</span><br>'
        f'<span class="msg">{esc(c.message)}</span></span>'
        for c in mark.checks
    ]
    return '<span class="tip" role="tooltip">' + "".join(rows) + "</span>"


def source_lines(doc: Document, marks: list[Mark], prefix: str) -> str:
    """The source, one div per line (numbered by CSS), with the marks; a mark that crosses a
    line break is continued on the next line, its id and tip on the first part only."""
    src = doc.source
    out: list[str] = ['<div class="src" lang="zh">']
    k = 0
    starts = doc.line_starts or (0,)
    for n, ls in enumerate(starts, 1):
        le = starts[n] if n < len(starts) else len(src)
        end = le - 1 if le > ls and src[le - 1] == "\n" else le
        parts = []
        pos = ls
        while k < len(marks) and marks[k].end <= ls:
            k += 1
        j = k
        while j < len(marks) and marks[j].start < end:
            m = marks[j]
            a, b = max(m.start, ls), min(m.end, end)
            parts.append(esc(src[pos:a]))
            if a == m.start:
                attrs = f' id="{prefix}{m.id}" tabindex="0"'
                parts.append(f'<mark class="{m.status}"{attrs}>{esc(src[a:b])}{tip(m)}</mark>')
            else:
                parts.append(f'<mark class="{m.status}">{esc(src[a:b])}</mark>')
            pos = b
            j += 1
        parts.append(esc(src[pos:end]))
        out.append(f'<div class="l" data-n="{n}">{"".join(parts)}</div>')
    out.append("</div>")
    return "\n".join(out)


def findings(f: FileResult, where: dict, prefix: str) -> str:
    """Every check, fails first, then unverifiable, then passes; each links to its mark."""
    order = sorted(range(len(f.checks)), key=lambda i: -WORST[f.checks[i].status])
    out = [
        '<ol class="findings"><li class="filter"><label><input type="checkbox" '
        f'class="hide-pass"> {tr("hide passes", "隐藏通过项")}</label> <label><input '
        f'type="checkbox" class="marked-only"> {tr("only lines with marks", "只看有标记的行")}'
        "</label></li>"
    ]
    for i in order:
        c = f.checks[i]
        at = f"{c.line}:{c.column}" + (f" p.{c.page}" if c.page else "")
        if i in where:
            at = f'<a href="#{prefix}{where[i]}">{at}</a>'
        severity = "" if c.status is Status.PASS else f" ({severity_word(c.severity.value)})"
        out.append(
            f'<li class="{c.status.value}"><div class="head"><span class="badge">'
            f"{word(c.status)}</span>{severity} {esc(c.rule)} {esc(c.name)} · {at}{aside(c)}</div>"
            f'<div class="quote">{esc(c.quote)}</div>'
            f'<div class="arith">{esc(c.arithmetic)}</div>'
            f'<div class="msg">{esc(c.message)}</div></li>'
        )
    out.append("</ol>")
    return "\n".join(out)


def reread(path: str, encoding: str | None) -> tuple[Document | None, str]:
    """The file's text as audited, or why it cannot be shown."""
    from lawaudit.readers import ReadError, read
    from lawaudit.readers.claimsfile import is_claims_path

    if path == "<stdin>":
        return None, tr(
            "read from standard input: the text is not shown", "从标准输入读取：不显示原文"
        )
    if is_claims_path(path):
        return None, tr(
            "a claims file: the report's text is not shown", "数字清单文件：不显示报告原文"
        )
    try:
        return read(path, encoding), ""
    except ReadError as e:
        return None, tr(f"the text cannot be shown: {e}", f"无法显示原文：{e}")


def counts(f: FileResult) -> str:
    by = {s: sum(c.status is s for c in f.checks) for s in Status}
    cov = f.coverage
    text = tr(
        f"{len(f.checks)} checks: {by[Status.FAIL]} fail, {by[Status.UNVERIFIABLE]} "
        f"unverifiable, {by[Status.PASS]} pass",
        f"{len(f.checks)} 项检查：不符 {by[Status.FAIL]}，无法核验 {by[Status.UNVERIFIABLE]}，"
        f"通过 {by[Status.PASS]}",
    )
    if cov.numbers:
        text += tr(
            f" · {cov.checked} of {cov.numbers} numbers checked",
            f" · {cov.numbers} 个数字中核验了 {cov.checked} 个",
        )
    return text


def file_section(
    f: FileResult, index: int, *, unchecked: bool = False, encoding: str | None = None
) -> str:
    """One file's section: heading, counts, findings and marked text (or its error)."""
    sid = f"file-{index}"
    prefix = f"f{index}-"
    out = [
        f'<section class="file" id="{sid}">',
        f'<h2><a href="#{sid}">{esc(f.path)}</a></h2>',
    ]
    if f.error:
        out += [f'<p class="error">{esc(f.error)}</p>', "</section>\n"]
        return "\n".join(out)
    out.append(f'<p class="counts">{esc(counts(f))}</p>')
    doc, why = reread(f.path, encoding)
    marks, where = marks_for(doc, f, unchecked) if doc else ([], {})
    if why:
        out.append(f'<p class="note">{esc(why)}</p>')
    if doc and len(where) < len(f.checks):
        out.append(f'<p class="note">{len(f.checks) - len(where)} checks have no place here.</p>')
    out.append('<div class="body">')
    out.append(
        findings(f, where, prefix)
        if f.checks
        else f'<p class="note">{tr("no checks", "没有检查")}</p>'
    )
    if doc:
        out.append(source_lines(doc, marks, prefix))
    out += ["</div>", "</section>\n"]
    return "\n".join(out)


def file_list(tally) -> str:
    """The summary: one row per file, linking to its section, then the totals."""
    s = tally.summary()
    out = [
        '<nav class="summary"><table>',
        "<tr>"
        + "".join(
            f"<th>{h}</th>"
            for h in (
                tr("file", "文件"),
                tr("checks", "检查"),
                severity_word("error"),
                severity_word("warning"),
                severity_word("info"),
                tr("numbers checked", "数字核验"),
            )
        )
        + "</tr>",
    ]
    for i, row in enumerate(tally.rows or (), 1):
        link = f'<a href="#file-{i}">{esc(row.path)}</a>'
        if row.error:
            out.append(f'<tr class="bad"><td>{link}</td><td colspan="5">{esc(row.error)}</td></tr>')
            continue
        cells = [row.checks, *(row.severity[k] for k in ("error", "warning", "info"))]
        cov = f"{row.checked} / {row.numbers}" if row.numbers else "—"
        bad = ' class="bad"' if row.severity["error"] else ""
        tds = "".join(f"<td>{v}</td>" for v in cells)
        out.append(f"<tr{bad}><td>{link}</td>{tds}<td>{cov}</td></tr>")
    total = [s["checks"], s["error"], s["warning"], s["info"]]
    cov = f"{s['numbers_checked']} / {s['numbers']}" if s["numbers"] else "—"
    files = tr(
        f"total: {s['files']} file{'s' if s['files'] != 1 else ''}", f"合计：{s['files']} 个文件"
    )
    tds = "".join(f"<th>{v}</th>" for v in total)
    out.append(f"<tr><th>{files}</th>{tds}<th>{cov}</th></tr>")
    out.append("</table></nav>\n")
    return "\n".join(out)


def stream(
    files: Iterable[FileResult],
    write: Callable[[str], object],
    *,
    unchecked: bool = False,
    encoding: str | None = None,
):
    """Write the page one file at a time; the file list, written last, shows first (CSS)."""
    from lawaudit.report import Tally

    tally = Tally(keep_rows=True)
    write(head())
    for f in files:
        tally.add(f)
        write(file_section(f, tally.files, unchecked=unchecked, encoding=encoding))
    write(file_list(tally))
    write(TAIL)
    return tally


def render(
    report: Report,
    *,
    color: bool = False,
    width: int | None = None,
    unchecked: bool = False,
    encoding: str | None = None,
) -> str:
    out: list[str] = []
    stream(report.files, out.append, unchecked=unchecked, encoding=encoding)
    return "".join(out)
