"""Word (.docx) -> text: the body's paragraphs and tables in reading order.

Why walk the body's XML: paragraphs and tables must come out in the order they are written,
tables inside content controls (w:sdt) too, and a paragraph's text must include tracked
insertions and hyperlinks, which `Paragraph.text` leaves out. python-docx opens the package and
finds the main part; a macro-enabled .docm or a template, which it refuses, is read from
word/document.xml. Headers, footers, footnotes and comments live in other parts and are never
read; text boxes float outside the reading order and are skipped.

A table row becomes one line, its cells joined by " | " so the row's label and numbers stay
together; a cell merged across columns is one w:tc and is read once, a cell merged down rows is
read in its first row only. A one-column table is a frame around text (some reports put their
whole body in one): its paragraphs are read as paragraphs.
"""

from __future__ import annotations

import io

from lawaudit.i18n import tr
from lawaudit.readers.text import ReadError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
P, TBL, TR, TC, SDT, CONTENT, CUSTOM = (
    f"{W}{t}" for t in ("p", "tbl", "tr", "tc", "sdt", "sdtContent", "customXml")
)
TEXT = {f"{W}t": None, f"{W}tab": "\t", f"{W}br": "\n", f"{W}cr": "\n", f"{W}noBreakHyphen": "-"}
SKIP = {f"{W}txbxContent", f"{W}del", f"{W}moveFrom"}  # text boxes; tracked deletions
V_MERGE = f"{W}vMerge"
MAX_UNPACKED = 200 * 2**20  # bytes: a Word document 200 MB unpacked is no report
MAX_XML = 32 * 2**20  # one XML part: a 300-page report's document.xml is some 10 MB
CHUNK = 2**20  # bytes inflated at a time while counting


def docx_text(data: bytes) -> str:
    """The body text of a Word document: one paragraph or table row a line."""
    import docx
    from lxml import etree

    parts = _unpack(data)
    if parts is not None:
        data = _repack(parts)  # the libraries read what was inflated here, never more
    try:
        body = docx.Document(io.BytesIO(data)).element.body
    except Exception:  # not a .docx to python-docx: a .docm or .dotx has the same XML inside
        body = None
    if body is None:
        if parts is None:
            raise ReadError(
                tr(
                    "a damaged zip archive, not a readable Word document",
                    "zip压缩包已损坏，不是可读的Word文档",
                )
            )
        if "word/document.xml" not in parts:
            raise ReadError(
                tr(
                    "a zip archive without word/document.xml: not Word",
                    "zip压缩包中没有word/document.xml：不是Word文档",
                )
            )
        try:
            safe = etree.XMLParser(resolve_entities=False, no_network=True)
            body = etree.fromstring(parts["word/document.xml"], safe).find(f"{W}body")
        except Exception as e:  # damaged XML
            raise ReadError(
                tr(
                    f"not a readable Word document ({type(e).__name__})",
                    f"不是可读的Word文档（{type(e).__name__}）",
                )
            ) from None
    return "\n".join(_blocks(body)) if body is not None else ""


def _unpack(data: bytes) -> dict[str, bytes] | None:
    """Every entry of the zip inflated, in chunks of CHUNK bytes, its real size counted as it
    comes out; None when `data` is not a zip at all (issue 16).

    The sizes entries declare are not trusted for memory: zipfile stops an entry at its
    declared size, but only after inflating up to 2 GB in one call, and python-docx reads every
    part whole (an entry declaring 1,000 bytes that inflated to 1 GB peaked at 2 GB). So the
    entries are inflated here, bounded while inflating, and the libraries are given them
    repacked without compression. All parts together may inflate to MAX_UNPACKED; one XML part,
    which python-docx parses into a tree of Python objects (some 11 bytes of memory per byte),
    to MAX_XML: 190 MB of XML in a 606 KB file took 171 s and 6 GB.
    """
    import zipfile
    import zlib

    too_large = "too large when unpacked ({}): not read (a zip bomb?)"
    parts: dict[str, bytes] = {}
    total = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            declared = sum(info.file_size for info in z.infolist())
            if declared > MAX_UNPACKED:  # refused without inflating anything
                raise ReadError(
                    too_large.format(f"{declared >> 20} MB, over {MAX_UNPACKED >> 20} MB")
                )
            for info in z.infolist():
                chunks = []
                size = 0
                xml = info.filename.endswith((".xml", ".rels"))
                with z.open(info) as entry:
                    while chunk := entry.read(CHUNK):
                        size += len(chunk)
                        if xml and size > MAX_XML:
                            what = f"{info.filename} is over {MAX_XML >> 20} MB"
                            raise ReadError(too_large.format(what))
                        if total + size > MAX_UNPACKED:
                            raise ReadError(too_large.format(f"over {MAX_UNPACKED >> 20} MB"))
                        chunks.append(chunk)
                total += size
                parts[info.filename] = b"".join(chunks)
    except zipfile.BadZipFile as e:
        if not parts and "File is not a zip file" in str(e):
            return None  # not a zip at all: python-docx says what is wrong with it
        raise ReadError(
            tr(
                f"a damaged zip archive ({e}), not a readable Word document",
                f"zip压缩包已损坏（{e}），不是可读的Word文档",
            )
        ) from None
    except (ValueError, OSError, zlib.error, NotImplementedError, RuntimeError, EOFError) as e:
        raise ReadError(
            tr(
                f"a damaged zip archive ({type(e).__name__}), not readable",
                f"zip压缩包已损坏（{type(e).__name__}），无法读取",
            )
        ) from None
    return parts


def _repack(parts: dict[str, bytes]) -> bytes:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        for name, content in parts.items():
            z.writestr(name, content)
    return out.getvalue()


def _blocks(parent) -> list[str]:
    """Lines for the paragraphs and tables directly in `parent`, in order."""
    out: list[str] = []
    for child in parent:
        if child.tag == P:
            out.append(_paragraph(child))
        elif child.tag == TBL:
            out += _table(child)
        elif child.tag in (SDT, CUSTOM):
            content = child.find(CONTENT) if child.tag == SDT else child
            if content is not None:
                out += _blocks(content)
    return out


def _paragraph(p) -> str:
    parts = []
    for el in p.iter(*TEXT):
        if any(a.tag in SKIP for a in el.iterancestors()):
            continue
        parts.append((el.text or "") if TEXT[el.tag] is None else TEXT[el.tag])
    return "".join(parts)


def _table(tbl) -> list[str]:
    trs = _rows(tbl)
    rows = [[tc for tc in _cells(tr) if not _continues(tc)] for tr in trs]
    if all(len(_cells(tr)) <= 1 for tr in trs):  # a frame: read what it holds
        return [line for row in rows for tc in row for line in _blocks(tc)]
    out = []
    for row in rows:
        cells = [" ".join(s for s in (ln.strip() for ln in _blocks(tc)) if s) for tc in row]
        if any(cells):
            out.append(" | ".join(c for c in cells if c))
    return out


def _rows(tbl) -> list:
    return [el for el in _flatten(tbl) if el.tag == TR]


def _cells(tr) -> list:
    return [el for el in _flatten(tr) if el.tag == TC]


def _flatten(parent):
    """Children, looking through content controls and custom XML wrappers around rows/cells."""
    for child in parent:
        if child.tag in (SDT, CUSTOM):
            content = child.find(CONTENT) if child.tag == SDT else child
            if content is not None:
                yield from _flatten(content)
        else:
            yield child


def _continues(tc) -> bool:
    """True for the lower parts of a cell merged down rows: their text was read above."""
    props = tc.find(f"{W}tcPr")
    merge = props.find(V_MERGE) if props is not None else None
    return merge is not None and merge.get(f"{W}val", "continue") == "continue"
