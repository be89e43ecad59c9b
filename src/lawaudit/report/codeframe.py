"""Each check that did not pass, shown on its source line with a caret under the stated number:

    seeds/report.txt:29:6: LA201 error rate-mismatch
       |
    29 | 处成功率 98.96%，群众满意率 99.07%，…
       |          ^^^^^^
       = 284 / 287 = 98.9547% → 98.95% (half-up, half-even); stated 98.96%
       = 调处成功率 98.96%: only rounding up (ceiling) gives it, …

The caret row is aligned by display width: a wide character (East Asian width W or F: Chinese
characters, full-width digits and punctuation) takes two columns, a combining mark none,
anything else one. A long line is cut to a window around the number (`...` marks a cut).

FileResult holds no source text, so the file is read again (lawaudit.readers.read, once per
file). When it cannot be (standard input, a claims file whose lines are the report's, a file
changed since) or the column does not point at a number, the frame shows the quote instead.
The underline runs to the check's end column when the engine gives one on the same line, else
over the number found at the column. Checks waived by a comment in the report or by the
--baseline file are left out.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise

from lawaudit.model import Check, Document, FileResult, Status
from lawaudit.report.lines import problems

BEFORE, AFTER = 36, 24  # characters kept each side of the number on a long line
NUMBER = re.compile(
    r"[0-9０-９][0-9０-９,.．]*[0-9０-９][%％]?|[0-9０-９][%％]?"
    r"|百分之[〇零一二三四五六七八九十百千点]+|[〇零一二三四五六七八九十两百千万亿]+"
)
CLAIMS_SUFFIXES = (".json", ".yaml", ".yml")


def char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    return sum(char_width(ch) for ch in text)


def frame(line: str, start: int, length: int) -> tuple[str, str]:
    """`line` cut to a window around line[start:start + length], and the caret row under it."""
    line = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in line)  # tab, \f
    a, b = max(start - BEFORE, 0), min(start + length + AFTER, len(line))
    head = ("..." if a else "") + line[a:start]
    number = line[start : start + length]
    shown = head + number + line[start + length : b] + ("..." if b < len(line) else "")
    return shown, " " * display_width(head) + "^" * max(display_width(number), 1)


def source_lines(path: str, encoding: str | None = None) -> list[str] | None:
    """The file's lines as lawaudit counts them, or None when they cannot be had again."""
    if path == "<stdin>" or path.lower().endswith(CLAIMS_SUFFIXES):
        return None
    from lawaudit.readers import ReadError, read

    try:
        doc: Document = read(path, encoding)
    except (ReadError, OSError, ValueError):
        return None
    starts = (*doc.line_starts, len(doc.source))
    return [doc.source[s:e].rstrip("\r\n") for s, e in pairwise(starts)]


def located(lines: list[str] | None, c: Check) -> tuple[str, int, int] | None:
    """(line text, start, length) of the stated number at the check's place, if it is there."""
    if not lines or not 0 < c.line <= len(lines) or c.column < 1:
        return None
    text = lines[c.line - 1]
    if c.end_line == c.line and c.column < c.end_column <= len(text) + 1:
        return text, c.column - 1, c.end_column - c.column  # the engine's own end
    m = NUMBER.match(text, c.column - 1)
    return (text, m.start(), len(m.group())) if m else None


def in_quote(c: Check) -> tuple[str, int, int] | None:
    """The fallback: the quote, with the stated value underlined when it appears in it."""
    stated = str(c.values.get("stated", ""))
    at = c.quote.find(stated) if stated else -1
    if at < 0:
        return None
    m = NUMBER.match(c.quote, at)
    return c.quote, at, len(m.group()) if m else len(stated)


def check_frame(path: str, c: Check, lines: list[str] | None) -> str:
    state = "unverifiable" if c.status is Status.UNVERIFIABLE else c.severity.value
    out = [f"{path}:{c.line}:{c.column}: {c.rule} {state} {c.name}"]
    found = located(lines, c)
    label = str(c.line) if found else "quote"
    gutter = " " * len(label)
    found = found or in_quote(c)
    out.append(f"{gutter} |")
    if found:
        shown, carets = frame(*found)
        out += [f"{label} | {shown}", f"{gutter} | {carets}"]
    else:
        out.append(f"{label} | {c.quote}")
    if c.arithmetic:
        out.append(f"{gutter} = {c.arithmetic}")
    out.append(f"{gutter} = {c.message}")
    return "\n".join(out) + "\n\n"


def file_lines(f: FileResult, encoding: str | None = None) -> str:
    if f.error:
        return f"{f.path}: error: {f.error}\n\n"
    shown = problems(f)
    if not shown:
        return ""
    read: dict[str, list[str] | None] = {}  # a claims file's checks point into its report

    def lines_of(path: str) -> list[str] | None:
        if path not in read:
            read[path] = source_lines(path, encoding)
        return read[path]

    return "".join(check_frame(c.path or f.path, c, lines_of(c.path or f.path)) for c in shown)
