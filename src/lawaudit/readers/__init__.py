"""Readers turn an input file into a `Document` (decoded source plus cleaned text).

`read` chooses the format by the file's content, not its name, because saved reports often
carry the wrong suffix (a .pdf that is an HTML error page, a .txt that is a web page) or none:
%PDF -> pdf.py, a zip holding word/document.xml -> docx.py, <html / <!DOCTYPE / a <meta charset>
-> html.py, anything else -> text.py (Markdown is text). Each reader yields the document's text,
which then goes through the same cleaning (`document_from_text`); the PDF, Word and HTML
readers import their libraries only when called, so reading a .txt file never loads them.
Claims files (.json, .yaml) are not read here: see claimsfile.py.
"""

from __future__ import annotations

import re
from dataclasses import replace

from lawaudit.i18n import tr
from lawaudit.model import Document
from lawaudit.readers.text import ReadError, decode, document_from_text, load
from lawaudit.readers.text import read as read_text

__all__ = ["ReadError", "decode", "document_from_text", "read", "sniff"]

HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")
PDF_HEADER = re.compile(rb"%PDF-[12]\.\d")
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of .doc and .xls
HTML_START = re.compile(
    rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|meta\s)",
    re.I | re.S,
)
META_CHARSET = re.compile(rb"<meta[^>]{0,200}charset", re.I)
ANY_TAG = re.compile(rb"<(?:[a-z][a-z0-9]*[\s/>]|!--|/[a-z])", re.I)


def sniff(path: str, data: bytes) -> str:
    """The format of `data`: "pdf", "docx", "html" or "text"; the suffix only breaks a tie."""
    if PDF_HEADER.search(data, 0, 1024):  # PDF readers accept junk before it
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"  # docx.py says so when the zip holds no Word document
    if data.startswith(OLE2):
        raise ReadError(
            tr(
                "an old binary Office file (.doc, .xls): save it as .docx or PDF first",
                "旧式二进制Office文件（.doc、.xls）：请先另存为.docx或PDF",
            )
        )
    head = _ascii_head(data)
    if HTML_START.match(head) or META_CHARSET.search(head):
        return "html"
    if path.lower().endswith(HTML_SUFFIXES) and ANY_TAG.search(head):
        return "html"
    return "text"


def _ascii_head(data: bytes) -> bytes:
    """The first 4 KB with a BOM dropped, and UTF-16 brought to bytes, for the tag tests."""
    head = data[:4096]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") and not head.startswith(b"\xff\xfe\x00\x00"):
        head = head.decode("utf-16", "ignore").encode("ascii", "ignore")
    return head.removeprefix(b"\xef\xbb\xbf")


def read(path: str, encoding: str | None = None) -> Document:
    """Read a report ("-": standard input) of any supported format; every failure a ReadError.

    `encoding` applies to text and HTML (overriding a page's <meta charset>), not to PDF or Word.
    """
    name = "standard input" if path == "-" else path
    data = load(path)
    try:
        kind = sniff(path, data)
    except ReadError as e:
        raise ReadError(tr(f"cannot read {name}: {e}", f"无法读取 {name}：{e}")) from None
    if kind == "text":
        return read_text(path, encoding, data)
    warnings: tuple[str, ...] = ()
    try:
        if kind == "pdf":
            from lawaudit.readers.pdf import pdf_text

            text, warnings = pdf_text(data)
        elif kind == "docx":
            from lawaudit.readers.docx import docx_text

            text = docx_text(data)
        else:
            from lawaudit.readers.html import html_text

            text = html_text(data, encoding)
    except ReadError as e:
        raise ReadError(tr(f"cannot read {name}: {e}", f"无法读取 {name}：{e}")) from None
    doc = document_from_text(path, text)
    return replace(doc, warnings=warnings) if warnings else doc
