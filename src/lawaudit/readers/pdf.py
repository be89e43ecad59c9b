"""PDF (text layer) -> text: one string per page, each page after a line break and a form feed.

The text goes through the same cleaning as a .txt file (`document_from_text`), so line:column
refer to this extracted text, and the form feeds give every check its page.

Why pdfplumber: it keeps Chinese text and table numbers intact and sees the rules a table is
drawn with. Government PDFs often draw tables open at the sides (horizontal rules only, inner
verticals): the outer verticals are added from the rules' ends so the table is found, and each
row is written on one line, its cells joined by " | ", so a row's label and numbers stay
together. A cell wrapped over two lines is read as one; the running header and footer (lines at
the top or bottom of most pages, equal but for their digits, such as "— 1 —") are left out.
A PDF without any text is a scan: that is a ReadError asking for OCR. What pdfminer logs about
a damaged file (dozens of lines such as "Data-loss while decompressing corrupted data") is
gathered into one warning for the file: numbers may be missing, and the user must know it.
"""

from __future__ import annotations

import io
import itertools
import logging
import os
import re
import statistics
import threading

from lawaudit.i18n import tr
from lawaudit.readers.text import ReadError

MARGIN = 0.12  # share of the page height at the top and bottom where running furniture sits
EDGE_TOL = 2.0  # points: rules that start and end within this belong to one table
GAP_FACTOR = 3  # a gap between rules this many times the typical row height splits two tables
MIN_GAP = 60.0  # points: ... and never a gap smaller than this
PROSE_CELL = 120  # a "cell" holding more text than this is a framed paragraph, not a table cell
CID = re.compile(r"\(cid:\d+\)")  # a glyph with no Unicode mapping
DIGITS = re.compile(r"\d+")
PAGE_NUMBER = re.compile(r"[-—–―−~_(（\[]*#(?:/#)?[-—–―−~_)）\]]*")  # after DIGITS: "—#—"
ALNUM_PAIR = re.compile(r"[0-9A-Za-z%.]$")
OCR = (
    "no text layer (a scanned PDF?): run OCR on it first; lawaudit reads only text",
    "没有文字层（扫描件？）：请先做OCR文字识别；lawaudit只读取文字",
)


def pdf_text(data: bytes) -> tuple[str, tuple[str, ...]]:
    """The text of a PDF's pages, "\\n\\f" between pages, and warnings about damage it found; a
    ReadError for a scan or a bad file.

    Any failure inside pdfminer is a ReadError (damaged files raise all kinds of exceptions);
    LAWAUDIT_DEBUG=1 lets it through with its traceback, as the CLI does for internal errors.
    """
    import pdfplumber

    damage = _Damage()
    try:
        with damage, pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [_page_lines(page) for page in pdf.pages]
    except ReadError:
        raise
    except Exception as e:
        if os.environ.get("LAWAUDIT_DEBUG"):
            raise
        inner = e.args[0] if e.args and isinstance(e.args[0], Exception) else e  # pdfplumber's
        kind = type(inner).__name__  # PdfminerException wraps pdfminer's own
        if "Password" in kind or "Encrypt" in kind:
            raise ReadError(
                tr("the PDF is encrypted: it needs a password", "PDF已加密：需要密码")
            ) from None
        raise ReadError(tr(f"not a readable PDF ({kind})", f"不是可读的PDF（{kind}）")) from None
    if not any(text.strip() for lines in pages for _, _, text in lines):
        raise ReadError(tr(*OCR))
    furniture = _running(pages)
    text = "\n\f".join(
        "\n".join(text for k, (_, _, text) in enumerate(lines) if (i, k) not in furniture)
        for i, lines in enumerate(pages)
    )
    return text, damage.summary()


class _Damage(logging.Handler):
    """Holds what pdfminer logs while a file is read, instead of letting it reach stderr.

    Readers in several threads (the Python API) each keep their own thread's records, and
    pdfminer's logger propagates again once the last of them is done.
    """

    _lock = threading.Lock()
    _active = 0  # readers holding pdfminer's log
    _propagate = True  # the logger's setting before the first of them

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []
        self.thread = threading.get_ident()
        self.logger = logging.getLogger("pdfminer")

    def __enter__(self) -> _Damage:
        with _Damage._lock:
            if not _Damage._active:
                _Damage._propagate, self.logger.propagate = self.logger.propagate, False
            _Damage._active += 1
            self.logger.addHandler(self)
        return self

    def __exit__(self, *exc) -> None:
        with _Damage._lock:
            self.logger.removeHandler(self)
            _Damage._active -= 1
            if not _Damage._active:
                self.logger.propagate = _Damage._propagate

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread:
            self.messages.append(record.getMessage())

    def summary(self) -> tuple[str, ...]:
        if not self.messages:
            return ()
        n, first = len(self.messages), self.messages[0][:120]
        return (
            f"the PDF is damaged, so numbers may be missing from this audit (pdfminer reported "
            f"{n} problem{'s' if n > 1 else ''}, the first: {first})",
        )


def _page_lines(page) -> list[tuple[float, float, str]]:
    """(top, share of page height, text) for each line, table rows in their place."""
    chars = page.chars
    slanted = sum(1 for c in chars if not c.get("upright", True))
    page = page.filter(_keep if slanted < len(chars) / 2 else _mapped)
    tables = _tables(page)
    body = page
    if tables:
        boxes = [t.bbox for t in tables]
        body = page.filter(lambda o: not any(_inside(o, b) for b in boxes))
    height = float(page.height) or 1.0
    lines = [
        (ln["top"], ln["top"] / height, ln["text"])
        for ln in body.extract_text_lines(return_chars=False)
    ]
    for t in tables:
        top = t.bbox[1]
        lines += [(top + k * 1e-3, top / height, row) for k, row in enumerate(_rows(t))]
    lines.sort(key=lambda x: x[0])  # stable: a table's rows keep their order
    return lines


def _keep(obj) -> bool:
    """Drop glyphs with no Unicode mapping, and rotated text when most text is not rotated (a
    watermark or a stamp; a page set sideways keeps its text)."""
    return _mapped(obj) and obj.get("upright", True)


def _mapped(obj) -> bool:
    return obj.get("object_type") != "char" or not CID.fullmatch(obj.get("text", ""))


def _inside(obj, box) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _tables(page) -> list:
    """Tables drawn with rules, open sides closed; framed paragraphs are not tables."""
    settings = {
        "vertical_strategy": "lines",
        "horizontal_strategy": "lines",
        "explicit_vertical_lines": _side_lines(page.horizontal_edges),
    }
    found = page.find_tables(settings)
    return [t for t in found if _is_table(t.extract())]


def _side_lines(edges) -> list[dict]:
    """A vertical line at each end of every group of horizontal rules of one width."""
    groups: list[list[dict]] = []
    for e in sorted(edges, key=lambda e: (e["x0"], e["x1"], e["top"])):
        for g in groups:
            if abs(g[0]["x0"] - e["x0"]) <= EDGE_TOL and abs(g[0]["x1"] - e["x1"]) <= EDGE_TOL:
                g.append(e)
                break
        else:
            groups.append([e])
    lines = []
    for g in groups:
        for run in _runs(sorted(g, key=lambda e: e["top"])):
            if len(run) < 2:
                continue
            top, bottom = run[0]["top"], run[-1]["bottom"]
            for x in (min(e["x0"] for e in run), max(e["x1"] for e in run)):
                line = {"x0": x, "x1": x, "top": top, "bottom": bottom, "width": 0}
                lines.append({**line, "height": bottom - top, "object_type": "line"})
    return lines


def _runs(rules: list[dict]) -> list[list[dict]]:
    """Split rules of one width where a gap is far wider than the rows: two tables, not one."""
    if len(rules) < 3:
        return [rules]
    gaps = [b["top"] - a["top"] for a, b in itertools.pairwise(rules)]
    limit = max(MIN_GAP, GAP_FACTOR * statistics.median(gaps))
    runs = [[rules[0]]]
    for gap, rule in zip(gaps, rules[1:], strict=True):
        if gap > limit:
            runs.append([])
        runs[-1].append(rule)
    return runs


def _is_table(rows: list[list[str | None]]) -> bool:
    cells = [c for row in rows for c in row if c]
    wide = any(sum(1 for c in row if c) >= 2 for row in rows)
    return len(rows) >= 2 and wide and all(len(c) <= PROSE_CELL for c in cells)


def _rows(table) -> list[str]:
    """Each row as "label | number | number"; a cell's wrapped lines joined, merged cells once.

    In a table ruled only above and below its body (三线表), one cell holds several rows'
    values, one per line: when every filled cell of a row has the same number of lines, the
    row is split into that many rows.
    """
    out = []
    for row in table.extract():
        cells = [c.strip() for c in row if c and c.strip()]
        counts = {c.count("\n") + 1 for c in cells}
        if len(cells) >= 2 and len(counts) == 1 and (n := counts.pop()) > 1:
            split = [c.split("\n") for c in cells]
            out += [" | ".join(s[k].strip() for s in split) for k in range(n)]
        elif cells:
            out.append(" | ".join(_join_wrapped(c) for c in cells))
    return out


def _join_wrapped(cell: str) -> str:
    """A cell's lines as one: no space between Chinese characters, one between numbers."""
    parts = [p.strip() for p in cell.split("\n") if p.strip()]
    text = parts[0] if parts else ""
    for p in parts[1:]:
        text += (" " if ALNUM_PAIR.search(text) and p[0].isascii() else "") + p
    return text


def _running(pages: list[list[tuple[float, float, str]]]) -> set[tuple[int, int]]:
    """Running headers, footers and page numbers: (page, line index) pairs to leave out.

    A candidate is among the first or last two lines of a page and inside the top or bottom
    margin; it is furniture when the same line, digits aside, is a candidate on at least half
    the pages (and two), or when it is a bare page number ("— 3 —", "3/16").
    """
    seen: dict[str, set[int]] = {}
    candidates: list[tuple[int, int, str]] = []
    for i, lines in enumerate(pages):
        ends = {*range(min(2, len(lines))), *range(max(0, len(lines) - 2), len(lines))}
        for k in sorted(ends):
            _, share, text = lines[k]
            if (share < MARGIN or share > 1 - MARGIN) and " | " not in text:  # not table rows
                key = DIGITS.sub("#", "".join(text.split()))
                candidates.append((i, k, key))
                seen.setdefault(key, set()).add(i)
    need = max(2, (len(pages) + 1) // 2)
    return {
        (i, k)
        for i, k, key in candidates
        if len(seen[key]) >= need or (len(pages) > 1 and PAGE_NUMBER.fullmatch(key))
    }
