"""A saved web page (HTML) -> the article's text: title, date line, paragraphs, table rows.

Why lxml and no readability library: government sites run a few CMSs whose article body sits
in a known container (TRS_Editor, zoom, d_article …); when none holds most of the text, the body
is found by descending from <body> into the child that does, which leaves navigation, sidebars
and footers behind without scoring heuristics. Scripts, styles, forms, hidden elements, share
and print bars and visit counters go first. The title and the date line above the article are
kept (a report's date is evidence: see rule LA402); the title is the page's ArticleTitle meta
tag (the government-site metadata standard), else its <h1>, else its <title>.

Blocks are separated by blank lines and a <br> is a line break, as a page's text is copied; a
table row is one line with its cells joined by " | ". The encoding is the one the user gave, else
a byte-order mark, else the page's <meta charset>, else the text reader's detection.
"""

from __future__ import annotations

import codecs
import re

from lawaudit.i18n import tr
from lawaudit.readers.text import ReadError, decode

META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
GB = frozenset({"gb2312", "gbk", "gb18030"})  # as codecs.lookup names them
DROP = frozenset((
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
    "form", "button", "select", "input", "textarea", "audio", "video", "head",
))  # fmt: skip
# Tags, classes and ids of page furniture: navigation, share and print bars, counters, footers.
FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:nav|aside|menu|breadcrumb|crumbs?|sidebar|share|print|toolbar|fontsize|footer|"
    r"foot|copyright|visit|counter|hits|clicks?|comment|related|search|login|pager|pagination|"
    r"qrcode|ewm)(?:$|[\s_\d-])",
    re.I,
)
HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# Article containers of common government CMSs (TRS, Hanweb, …), tried before descending.
CONTAINERS = frozenset((
    "TRS_Editor", "TRS_UEDITOR", "Custom_UnionStyle", "zoom", "Zoom", "d_article",
    "article-content", "article_content", "art_con", "artCon", "news_content", "newsContent",
    "xxgk_content", "pages_content", "detail-content", "detail_content", "content-text", "zwnr",
    "zw", "conBox",
))  # fmt: skip
DOMINANT = 0.7  # a child holding this share of its parent's text is where the article is
BLOCKS = frozenset((
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "table",
    "section", "article", "main", "header", "footer", "blockquote", "pre", "center", "address",
    "figure", "figcaption", "caption", "hr", "aside", "tr", "td", "th",  # of layout tables
))  # fmt: skip
HEADER_BLOCKS = BLOCKS | {"span"}  # "发布机构：… 发布时间：…": items set apart by styling
HEADER_CJK = 200  # more text than this between the title and the article is not a header
COUNTER = re.compile(r"(?:阅读|浏览|访问|点击)(?:次数|人数|量|数)?\s*[:：]?\s*\d*\s*次?")
ICONS = re.compile(r"[\ue000-\uf8ff]")  # icon-font glyphs (print, font size, share buttons)
SPACE = re.compile(r"[ \t\r\n\f]+")
CJK = re.compile(r"[\u4e00-\u9fff]")
SUPPRESSION = re.compile(r"\s*lawaudit\s*[:：]", re.I)
TITLE_SPLIT = re.compile(r"\s*(?:[_|｜]|\s[-–—]\s)\s*")  # "标题_栏目_站点", "标题 - 站点"


def html_text(data: bytes, encoding: str | None = None) -> str:
    """The article text of an HTML page."""
    import lxml.html
    from lxml import etree

    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", _decode(data, encoding))  # lxml rejects it in str
    parser = lxml.html.HTMLParser()
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError):
        return ""  # nothing but white space
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        # libxml2 stops at 256 nested elements and drops the rest of the page without a word
        raise ReadError(
            tr(
                "HTML nested too deeply (over 255 elements): the page cannot be read",
                "HTML嵌套过深（超过255层）：无法读取该网页",
            )
        )
    title = _title(root)
    for el in list(root.iter(etree.Comment, etree.ProcessingInstruction)):
        if isinstance(el, etree._Comment) and SUPPRESSION.match(el.text or ""):
            _keep_comment(el)  # <!-- lawaudit: ignore … -->: a line of its own (suppress.py)
        else:
            _remove(el)
    total = _cjk(root)
    for el in [e for e in root.iter() if isinstance(e.tag, str) and _furniture(e, total)]:
        _remove(el)
    body = root.find("body")
    body = root if body is None else body
    article = _article(body)
    lines: list[str] = []
    for el in _header(body, article, title):
        _emit(el, lines, HEADER_BLOCKS)
        lines[-1] += SPACE.sub(" ", el.tail or "")
    lines = [COUNTER.sub("", ln) for ln in lines]
    _emit(article, lines)
    out = "\n".join(ln.strip() for ln in ICONS.sub("", "\n".join(lines)).split("\n")).strip()
    out = re.sub(r"\n{3,}", "\n\n", out)
    if title and _squash(title) not in _squash(out[: 4 * len(title) + 200]):
        out = f"{title}\n\n{out}" if out else title
    return out + "\n"


def _decode(data: bytes, encoding: str | None) -> str:
    """The user's encoding, a BOM, the page's <meta charset>, else detection.

    A page declared GB2312/GBK that is valid UTF-8 is UTF-8 (re-saved pages keep their old
    declaration, and GBK Chinese is practically never valid UTF-8); GBK and GB2312 are read as
    GB18030, their superset; a declaration that does not decode or names no codec is ignored.
    """
    if encoding or data[:3] == codecs.BOM_UTF8 or data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return decode(data, encoding)
    m = META_CHARSET.search(data[:16384])
    try:
        codec = codecs.lookup(m[1].decode("ascii")).name if m else ""
        if codec in GB:
            try:
                return data.decode("utf-8") if not data.isascii() else data.decode("ascii")
            except UnicodeDecodeError:
                codec = "gb18030"
        if codec:
            return data.decode(codec)
    except (LookupError, UnicodeDecodeError):
        pass
    return decode(data)


def _furniture(el, total: int) -> bool:
    """Scripts and hidden elements; navigation, share bars and footers by their tag, class or
    id, unless they hold most of the page's text (a "print-content" wrapper is the article)."""
    if el.tag in DROP or HIDDEN.search(el.get("style", "")):
        return True
    names = f"{el.tag} {el.get('id', '')} {el.get('class', '')}"
    return bool(FURNITURE.search(names)) and _cjk(el) < total / 2


def _keep_comment(el) -> None:
    """Replace a lawaudit comment by a paragraph that reads as the comment did."""
    import lxml.html

    p = lxml.html.Element("p")
    p.text = f"<!--{el.text}-->"
    p.tail = el.tail
    el.getparent().replace(el, p)


def _remove(el) -> None:
    """Remove an element but keep the text after it (lxml stores that on the element)."""
    parent = el.getparent()
    if parent is None:
        return
    prev = el.getprevious()
    if prev is not None:
        prev.tail = (prev.tail or "") + (el.tail or "")
    else:
        parent.text = (parent.text or "") + (el.tail or "")
    parent.remove(el)


def _cjk(el) -> int:
    return len(CJK.findall(el.text_content()))


def _article(body):
    """A known CMS container holding most of the text, else the dominant-child descent."""
    names = lambda el: {el.get("id", ""), *el.get("class", "").split()}  # noqa: E731
    known = [el for el in body.iter() if isinstance(el.tag, str) and names(el) & CONTAINERS]
    best = max(known, key=_cjk, default=None)
    if best is not None and _cjk(best) >= 0.5 * _cjk(body):
        return best
    node = body
    while children := [c for c in node if isinstance(c.tag, str)]:
        top = max(children, key=_cjk)
        if _cjk(top) < DOMINANT * max(_cjk(node), 1):
            break
        node = top
    return node


def _header(body, article, title: str) -> list:
    """The page's visible title and, when short, what stands between it and the article: the
    date and source line. The title is the last element before the article that reads as it."""
    want = _squash(title)
    above = set(article.iterancestors())
    heading = None
    for el in body.iter():
        if el is article:
            break
        text = _squash(el.text_content()) if isinstance(el.tag, str) else ""
        if want and el not in above and want in text and len(text) <= len(want) + 10:
            heading = el
    if heading is None:
        return []
    between, taken = [], set()
    for el in heading.xpath("following::*"):  # document order, the heading's own text excluded
        if el is article:
            break
        if el.getparent() in taken:
            taken.add(el)
        elif el not in above:
            between.append(el)
            taken.add(el)
    return [heading] + (between if sum(map(_cjk, between)) <= HEADER_CJK else [])


def _squash(text: str) -> str:
    return "".join(text.split())


def _title(root) -> str:
    meta = root.xpath("//meta[translate(@name,'ARTICLETI','articleti')='articletitle']/@content")
    if meta and meta[0].strip():
        return SPACE.sub(" ", meta[0]).strip()
    for tag in ("h1", "title"):
        el = root.find(f".//{tag}")
        if el is not None and el.text_content().strip():
            text = SPACE.sub(" ", el.text_content()).strip()
            return TITLE_SPLIT.split(text)[0] if tag == "title" else text
    return ""


def _emit(el, lines: list[str], blocks: frozenset[str] = BLOCKS) -> None:
    """Append the element's text to `lines`: blocks apart by a blank line, <br> a new line."""
    if el.tag == "table" and _is_data_table(el):
        rows = (" | ".join(c for c in map(_cell, tr) if c) for tr in el.iter("tr"))
        lines += ["", *(row for row in rows if row), ""]
        return
    block = el.tag in blocks
    if block or not lines:
        lines.append("")
    if el.tag == "br":
        lines.append("")
    lines[-1] += SPACE.sub(" ", el.text or "")
    for child in el:
        if isinstance(child.tag, str):
            _emit(child, lines, blocks)
        lines[-1] += SPACE.sub(" ", child.tail or "")
    if block:
        lines.append("")


def _is_data_table(table) -> bool:
    """A table of figures, not a layout grid: no table inside, and more than one column."""
    if table.find(".//table") is not None:
        return False
    return any(len(tr.findall("td") + tr.findall("th")) >= 2 for tr in table.iter("tr"))


def _cell(td) -> str:
    """A cell's text; a cell spanning rows or columns is one element, so it is read once."""
    return SPACE.sub(" ", td.text_content()).strip() if td.tag in ("td", "th") else ""
