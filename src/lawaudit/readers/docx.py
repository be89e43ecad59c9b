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

from lawaudit.readers.text import ReadError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
P, TBL, TR, TC, SDT, CONTENT, CUSTOM = (
    f"{W}{t}" for t in ("p", "tbl", "tr", "tc", "sdt", "sdtContent", "customXml")
)
TEXT = {f"{W}t": None, f"{W}tab": "\t", f"{W}br": "\n", f"{W}cr": "\n", f"{W}noBreakHyphen": "-"}
SKIP = {f"{W}txbxContent", f"{W}del", f"{W}moveFrom"}  # text boxes; tracked deletions
V_MERGE = f"{W}vMerge"
MAX_UNPACKED = 200 * 2**20  # bytes: a Word document 200 MB unpacked is no report


def docx_text(data: bytes) -> str:
    """The body text of a Word document: one paragraph or table row a line."""
    import docx
    from lxml import etree

    _check_unpacked_size(data)
    try:
        body = docx.Document(io.BytesIO(data)).element.body
    except Exception:  # not a .docx to python-docx: a .docm or .dotx has the same XML inside
        body = None
    if body is None:
        import zipfile

        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                xml = z.read("word/document.xml")
            safe = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
            body = etree.fromstring(xml, safe).find(f"{W}body")
        except zipfile.BadZipFile:
            raise ReadError("a damaged zip archive, not a readable Word document") from None
        except KeyError:
            raise ReadError("a zip archive without word/document.xml: not Word") from None
        except Exception as e:  # damaged XML
            raise ReadError(f"not a readable Word document ({type(e).__name__})") from None
    return "\n".join(_blocks(body)) if body is not None else ""


def _check_unpacked_size(data: bytes) -> None:
    """Refuse a zip bomb before inflating it: the sizes its entries declare, against a limit.

    zipfile never inflates an entry beyond its declared size (it fails the CRC check instead), so
    checking the declared sizes bounds the memory that reading the package can take.
    """
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            unpacked = sum(info.file_size for info in z.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return  # the readers below say what is wrong with it
    if unpacked > MAX_UNPACKED:
        raise ReadError(
            f"too large when unpacked ({unpacked // 2**20} MB, over {MAX_UNPACKED // 2**20} MB):"
            " not read (a zip bomb?)"
        )


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
