"""Listed counts: "成立“四支队伍”（A、B、C、D）", "开展三项行动：一是……二是……三是……".

A report that says how many things it lists and then lists another number has slipped: an item
dropped in editing, a count not updated. Only a list that plainly is the counted things is read:
a bracket or a colon right after the count, in the same paragraph, items split at the top level
(the 、 in “黄、赌、毒、邪” or in a bracket is not a split). Nothing is claimed when the list may be
partial (等, 包括), when its items carry counts of their own (a breakdown, LA102's business), for
一 (一支队伍 is an article) or for counts above 20, which reports seldom list in full.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from lawaudit.extract.context import Sentence
from lawaudit.extract.numbers import parse_number
from lawaudit.model import Claim, ClaimKind, Document, Quantity

Reading = tuple[list[str], str]  # items, and a note on how they were read
Readings = tuple[Reading | None, list[Reading]]  # (sure enough to fail, others that pass)
SPLIT_NOTE = "the last item split at 和/及/与"
_NUMERAL = "二十|十[一二三四五六七八九]?|[二两三四五六七八九]|1[0-9]|20|[2-9]"  # 2 to 20
# Its own regex, not find_quantities: that one skips numerals in quotes (“四支队伍”).
COUNT = re.compile(
    r"(?=[二两三四五六七八九十1-9])"  # a numeral's first character: most positions fail at once
    rf"(?<![零〇一二两三四五六七八九十百千万第几数每前0-9.])(?P<num>{_NUMERAL})"
    r"(?P<unit>方面|个|项|支|条|类|种|件|张|篇|批|套|大|名|家|所|座)"
    r"(?P<noun>[\u4e00-\u9fff]{0,8})(?:”[\u4e00-\u9fff]{0,4})?(?P<after>[(:])"  # “五个方面”工作:
)
NOT_NOUN = re.compile(r"五年|以上|以内|左右|多|余|月|年|工作日|小时|百分点|倍")  # 十五个五年规划
PARTIAL = re.compile(  # "(包括A、B)", "A、B等"
    r"^(?:包括|包含|含|如|例如|比如|其中|主要|涉及)|(?<![平同对均高中初上次优])等\w{0,4}$"
)
RESPECTIVE = ("分别是", "分别为", "即")
LEAD = re.compile(r"^(?:分别是|分别为|分别|是指|即|指|是|为)")
CONJUNCTION = re.compile(r"以及|和|及|与")
NOTE_MARK = re.compile(r"^(?:\[\d{1,2}\]|\d{1,2}[.、])?")  # glossary entries: [2]四大主导产业:
_OPEN, _CLOSE = "“‘(《【「『[〔", "”’)》】」』]〕"
# What a scan for a list's end stops at; the characters between are skipped in one search.
BRACKET_OR_BREAK = re.compile(f"[{re.escape(_OPEN + _CLOSE)}\n]")
BRACKET_OR_STOP = re.compile(f"[{re.escape(_OPEN + _CLOSE)}。!?]")
MARKERS = (  # the kind of marker right after the colon is the kind counted
    re.compile(r"(?<=[;,。:!?\n])(?P<n>[一二三四五六七八九十]{1,3})[是要]"),  # not "统一是"
    re.compile(r"\((?P<n>[一二三四五六七八九十]{1,3})\)"),
    re.compile(r"\((?P<n>\d{1,2})\)"),
    re.compile(r"(?P<n>[①-⑳])"),
    re.compile(r"(?<=[;,。:!?\n])(?P<n>\d{1,2})[.、](?!\d)"),
    re.compile(r"(?<=[;,。:!?\n])第(?P<n>[一二三四五六七八九十]{1,3})(?=[,是])"),
)
# The farthest a list may run after its colon or bracket. In the corpus the longest list claimed
# runs 382 characters after a colon ("一是……二是……" items), 59 in a bracket, and no paragraph
# runs more than 480 after a count's colon; a list that does not end within 1,000 is not plainly
# the counted things. Without the bound each count read the rest of its paragraph for its list,
# quadratic in a long one.
MAX_LIST_SPAN = 1_000


def listed_claims(doc: Document, sentences: list[Sentence]) -> Iterator[Claim]:
    """A claim for each count followed by the list it names.

    `sentences` is the builders' common input; a count in quotes is not among its quantities,
    so the text is read directly.
    """
    text = doc.text
    for m in COUNT.finditer(text):
        start = m.start()
        before = text[max(0, start - 2) : start].removesuffix("“")[-1:]
        if NOT_NOUN.match(m["noun"]) or (before and before in "、和与及”"):
            continue  # "两个基地、两个网络:", “三大高地”“五大战略”: two lists share one colon
        if not m["noun"] and not (m["after"] == "(" and text.startswith(RESPECTIVE, m.end())):
            continue  # "有8个(分别是…)" names its list; "5个(区)" does not
        found = _after_bracket(text, m.end()) if m["after"] == "(" else _after_colon(text, m)
        value = parse_number(m["num"])[0]
        chosen = _choose(found[0], value) if found else None
        if chosen is None and found and m["after"] == ":":
            chosen = _longer_plain(text[m.end() : found[1]], value)
        if chosen is None:
            continue
        q_end = m.start("noun")
        line, column = doc.line_col(start)
        yield Claim(
            kind=ClaimKind.LISTED,
            subject=text[start : m.end("noun")],
            line=line,
            column=column,
            quote=doc.quote(start, min(found[1], start + 60)),
            stated=Quantity(text[start:q_end], value, m["unit"], start=start, end=q_end),
            items=tuple(chosen[0]),
            notes=tuple(n for n in (found[2], chosen[1]) if n),
            page=doc.page(start),
        )


def split_top(s: str, seps: str) -> list[str]:
    """`s` split at `seps` outside quotes and brackets; pieces stripped of edge punctuation."""
    out, depth, cur, ascii_quote = [], 0, [], False
    for ch in s:
        ascii_quote ^= ch == '"'
        depth += (ch in _OPEN) - (ch in _CLOSE)
        if ch in seps and depth <= 0 and not ascii_quote:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    return [p.strip(" 。;,:") for p in out]


def _depth(text: str, a: int, b: int) -> int:
    return sum((c in _OPEN) - (c in _CLOSE) for c in text[a:b])


def _after_bracket(text: str, at: int) -> tuple[Readings, int, str] | None:
    """The readings of a bracketed list "(A、B、C)" that opens at `text[at-1]` and closes within
    MAX_LIST_SPAN characters."""
    close = _bracket_close(text, at, min(len(text), at + MAX_LIST_SPAN))
    readings = None if close is None else _list_readings(text[at:close])
    return (readings, close + 1, "") if readings else None


def _bracket_close(text: str, at: int, reach: int) -> int | None:
    """Where the bracket open before `at` closes in `text[at:reach]`; None if not before a line
    break. Only brackets and breaks are looked at, one by one."""
    depth = 1
    for m in BRACKET_OR_BREAK.finditer(text, at, reach):
        if m.group() == "\n":
            return None
        depth += 1 if m.group() in _OPEN else -1
        if not depth:
            return m.start()
    return None


def _after_colon(text: str, m: re.Match) -> tuple[Readings, int, str] | None:
    """The readings of what follows "开展三项行动:": a run of markers, or a 、 / ; / , list."""
    at = m.end()
    end = _para_end(text, at)
    if at == end:  # a glossary heading "[2]四大主导产业:" with its list alone on the next line
        head = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
        nxt = _para_end(text, end + 1)
        if nxt - end > MAX_LIST_SPAN:
            return None  # a whole paragraph, not a list
        body = text[end + 1 : nxt].rstrip("。")
        if len(head) - NOTE_MARK.match(head).end() > 3 or not body or "。" in body:
            return None
        if text.startswith(body[:2], nxt + 1):
            return None  # "做到:\n坚持A,坚持B。\n坚持C…": the items are paragraphs
        readings = _list_readings(body, sure_only=True)
        return (readings, nxt, "list on the next line") if readings else None
    pattern = next((p for p in MARKERS if p.match(text, at)), None)
    if pattern is not None:  # counted by its markers, or not at all
        if end - at > MAX_LIST_SPAN:  # the run goes on to the paragraph's end
            return None
        run = _marker_run(pattern, text, at, end)
        return (((run[0], "items counted by their markers"), []), run[1], "") if run else None
    stop = _sentence_end(text, at, min(end, at + MAX_LIST_SPAN + 1))
    if stop - at > MAX_LIST_SPAN:
        return None
    readings = _list_readings(text[at:stop])
    return (readings, stop, "") if readings else None


def _sentence_end(text: str, at: int, end: int) -> int:
    """The first 。!? outside brackets in `text[at:end]`, else `end`: one pass keeping the depth,
    not a count of the brackets from `at` at each 。; only brackets and stops are looked at."""
    depth = 0
    for m in BRACKET_OR_STOP.finditer(text, at, end):
        if m.group() in "。!?":
            if not depth:
                return m.start()
        else:
            depth += 1 if m.group() in _OPEN else -1
    return end


def _para_end(text: str, i: int) -> int:
    """Where the paragraph holding `text[i]` ends (its line break, or the text's end), looked for
    only up to MAX_LIST_SPAN + 1 characters on: a paragraph longer than that ends "too far" for
    a list. Searching to the end of a long one-line text for each count was quadratic."""
    reach = i + MAX_LIST_SPAN + 1
    found = text.find("\n", i, reach)
    return found if found >= 0 else min(len(text), reach)


def _list_readings(s: str, sure_only: bool = False) -> Readings | None:
    """Ways to read `s` as a list; None when it is not plainly one.

    The first reading, when not None, is sure enough to fail a count: a ; or , or 、 list whose
    items are parallel (they share their first or last characters: "坚持…、坚持…", "…队、…队";
    two characters for a , list). The others — the 、-list of the first clause, every top-level
    piece, a last item split at 和/及/与 — only let a count pass.
    """
    s = LEAD.sub("", s.strip())
    if not s or PARTIAL.search(s) or re.search(r"[0-9]", s):
        return None
    semi, comma = split_top(s, ";"), split_top(s, ",")
    whole, n = (semi, 1) if len(semi) > 1 else (comma, 2) if len(comma) > 1 else (None, 1)
    whole = whole or split_top(s, "、")
    first = split_top(split_top(s, ";,")[0], "、")  # "坚持A、坚持B、坚持C,确保…"
    flat = split_top(s, "、;,")  # "A制度、B制度,C制度": mixed punctuation
    flat = flat if _items(flat) and _parallel(flat, 1) else []
    others = [x for r in (whole, first, flat) if _items(r) for x in _with_split(r)]
    sure = _with_split(whole)[0] if _items(whole) else None
    sure = sure if sure and _parallel(sure[0], n) else None
    if sure_only and (len(semi) > 1 or len(comma) > 1):  # a paragraph, unless plainly a list
        return (sure, [sure]) if sure else None
    return (sure, others) if others else None


def _items(r: list[str]) -> bool:
    return len(r) > 1 and min(map(len, r)) >= 2


def _with_split(items: list[str]) -> list[Reading]:
    """`items`, and its last item split at 和: only the split when its items are parallel
    ("权力清单、责任清单和负面清单" is three), else both ("化解和调处" may be one item)."""
    split = _split_last(items)
    if split and _parallel(split, 1):
        return [(split, SPLIT_NOTE)]
    return [(items, "")] + ([(split, SPLIT_NOTE)] if split else [])


def _split_last(items: list[str]) -> list[str] | None:
    """ "A、B和C" read as three items: the last one split at its last top-level 和/及/与."""
    last = items[-1]
    cuts = [m for m in CONJUNCTION.finditer(last) if _depth(last, 0, m.start()) == 0]
    if not cuts or cuts[-1].start() == 0 or cuts[-1].end() == len(last):
        return None
    return [*items[:-1], last[: cuts[-1].start()], last[cuts[-1].end() :]]


def _parallel(items: list[str], n: int) -> bool:
    """Items that share their first or last `n` characters."""
    heads = {i[:n] for i in items}
    tails = {i[-n:] for i in items}
    return min(map(len, items)) > n and (len(heads) == 1 or len(tails) == 1)


def _longer_plain(s: str, value: Decimal) -> Reading | None:
    """One 、-list after a count's colon, longer than the count ("三项专项整治：食品安全、安全
    生产、生态环境、校外培训。"): the colon opens exactly this list, so more items than stated
    fail even when the items are not parallel. Fewer stay unread: a list one item short may be
    phrased as one item ("推进民生实事、招商引资")."""
    s = LEAD.sub("", s.strip())
    if PARTIAL.search(s) or re.search(r"[0-9;,]", s):
        return None
    items = split_top(s, "、")
    return (items, "") if _items(items) and len(items) > value else None


def _choose(readings: Readings, value: Decimal) -> Reading | None:
    """A reading whose length is the count (a pass), else the sure reading (a fail), else None."""
    sure, others = readings
    return next((r for r in ([sure] if sure else []) + others if len(r[0]) == value), sure)


def _marker_run(pattern: re.Pattern, text: str, at: int, end: int) -> tuple[list[str], int] | None:
    """Items after ":一是……二是……三是……" in this paragraph, counted by consecutive markers.

    None when the count is unclear: a gap or a repeat, fewer than two markers, or a next
    paragraph that opens with the next marker (the run may go on there).
    """
    spans: list[tuple[int, int]] = []
    for m in pattern.finditer(text, at, end):
        if _depth(text, at, m.start()) != 0:
            continue
        n = _marker_value(m["n"])
        if n == len(spans) + 1:
            spans.append(m.span())
        elif n == 1 and len(spans) > 1:
            break  # a new list starts
        else:
            return None
    nxt = pattern.match(text, end + 1)
    if len(spans) < 2 or (nxt and _marker_value(nxt["n"]) == len(spans) + 1):
        return None
    tail = text.find("。", spans[-1][1], end) % (end + 1)  # not found: the paragraph's end
    bounds = [s for s, _ in spans[1:]] + [tail]
    return [text[e:b].strip(" 。;,") for (_, e), b in zip(spans, bounds, strict=True)], tail


def _marker_value(n: str) -> int:
    """The number a marker gives; 0 for characters that are no numeral ("六四是"), so that a
    run holding one is unclear and no count is claimed."""
    if "①" <= n <= "⑳":
        return ord(n) - ord("①") + 1
    if n.isdigit():
        return int(n)
    try:
        return int(parse_number(n)[0])
    except ValueError:
        return 0
