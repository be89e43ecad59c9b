"""Rankings that name their top N: "居于前五位的是：A…；B…；…", "排名前三名的单位分别是A、B、C".

A ranking states how many it names ("前五位") and then names them, so the names are a counted
list. Only a ranking that says where its names begin is read: 是/为 or a colon right after
"前N位/名" (and a few words: "前三位的单位分别是"); "居全国前5位。" names nothing. The names run
to the sentence's end when split at ; (each with its figures: "行政处罚2100,占…"), else they are
the 、 list of the first clause ("A226宗、B180宗、C139宗,占…"). A heading "前五名单位…如下:"
counts the paragraphs after it, one a name ("市公安局:…;"), the last closed by 。.

As many names as N passes. Fewer says nothing: the rest may follow in other words or a table.
More fails only when each name carries its own figure (the ranking's measure), so that the
names are plainly the ranked things, and no 并列 (a tie) is stated. Paragraphs after 如下 are
a closed list (; between them, 。 after the last): any other number fails.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lawaudit.extract.listed import split_top
from lawaudit.extract.numbers import parse_number
from lawaudit.model import Claim, ClaimKind, Document, Quantity

_NUMERAL = r"二十|十[一二三四五六七八九]?|[两二三四五六七八九]|1[0-9]|20|[2-9]"
RANK = re.compile(
    rf"前(?P<num>{_NUMERAL})(?P<unit>位|名)(?:的[\u4e00-\u9fff]{{0,6}}?)?"
    r"(?P<lead>(?:分别|依次)?[是为]:?|:)"
)
HEADING = re.compile(rf"前(?P<num>{_NUMERAL})(?P<unit>位|名)[^\n:。]{{0,20}}如下:[ \t]*$", re.M)
PARAGRAPH_HEAD = re.compile(r"[\u4e00-\u9fff()]{2,16}:")  # "市公安局:噪音扰民…等;"
JOINER = re.compile(r"和|及|与")
FIGURE = re.compile(r"\d")
NOT_NAME = re.compile(r"^(?:其中|占|合计|共计|共|分别|均)")
SENTENCE_STOP = re.compile(r"[。!?\n]")
MAX_SENTENCE = 400  # a ranking's names run at most this far (the corpus's longest: 114)


def ranking_claims(doc: Document) -> Iterator[Claim]:
    text = doc.text
    for m in RANK.finditer(text):
        if text[m.start() - 1 : m.start()] in ("第", "前"):
            continue
        readings = _names(text, m.end())
        if not readings:
            continue
        n = parse_number(m["num"])[0]
        items = next((r for r in readings if len(r) == n), readings[0])
        if len(items) == n or (len(items) > n and _sure(items, text, m.end())):
            yield _claim(doc, m, items, "the names after 前N位")
    for m in HEADING.finditer(text):
        if names := _paragraphs(text, m.end()):
            yield _claim(doc, m, names, "one paragraph a name after 如下, the last closed by 。")


def _claim(doc: Document, m: re.Match, items: list[str], note: str) -> Claim:
    n = parse_number(m["num"])[0]
    at = m.start("num")
    line, column = doc.line_col(at)
    return Claim(
        kind=ClaimKind.LISTED,
        subject=doc.text[m.start() : m.end("unit")],
        line=line,
        column=column,
        quote=doc.quote(m.start(), min(m.end() + 60, len(doc.text))),
        stated=Quantity(m["num"], n, m["unit"], start=at, end=m.end("num")),
        items=tuple(items),
        notes=(note,),
        page=doc.page(at),
    )


def _sentence(text: str, at: int) -> str:
    """From `at` to the first 。!? or line break (or the text's end); empty when that lies
    more than MAX_SENTENCE characters on (not plainly a list)."""
    reach = at + MAX_SENTENCE
    stop = SENTENCE_STOP.search(text, at, min(len(text), reach))
    return text[at : stop.start()] if stop else text[at:reach] if len(text) <= reach else ""


def _names(text: str, at: int) -> list[list[str]] | None:
    """The readings of the names after the ranking's lead: the ; pieces of the sentence, else
    the 、 list of its first clause; and the same with its last item split at 和/及/与 when
    both halves carry a figure or end alike ("劳动和社会保障" stays one name)."""
    sentence = _sentence(text, at)
    pieces = [p for p in split_top(sentence, ";") if p]
    if len(pieces) < 2:
        pieces = split_top(split_top(sentence, ",")[0], "、")
    if len(pieces) < 2 or any(not p or NOT_NAME.match(p) for p in pieces):
        return None
    if pieces[-1].endswith("等"):
        return None  # "A、B、C等": the ranking's names may go on
    last = [p for p in JOINER.split(pieces[-1]) if p]
    if len(last) == 2 and (all(FIGURE.search(p) for p in last) or last[0][-1] == last[1][-1]):
        return [pieces, [*pieces[:-1], *last]]  # "汨罗市(2570件)和临湘市(2328件)", "甲区和乙区"
    return [pieces]


def _paragraphs(text: str, at: int) -> list[str] | None:
    """The names heading the paragraphs after the line ending at `at`, up to the one closed by
    。; None when a paragraph in between is not of that shape. Blank lines are skipped; the
    walk stops at the first other line, so each line is read once."""
    names: list[str] = []
    pos = text.find("\n", at)
    while pos >= 0 and len(names) <= 20:
        end = text.find("\n", pos + 1)
        line = text[pos + 1 : end if end >= 0 else len(text)].strip()
        pos = end
        if not line:
            continue
        head = PARAGRAPH_HEAD.match(line)
        if head is None or not line.endswith((";", "。")):
            return None
        names.append(head.group()[:-1])
        if line.endswith("。"):
            return names if len(names) >= 2 else None
    return None


def _sure(items: list[str], text: str, at: int) -> bool:
    """More names than the ranking's N fail only when each carries a figure and no tie is
    stated."""
    return all(FIGURE.search(i) for i in items) and "并列" not in _sentence(text, at)
