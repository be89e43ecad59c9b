"""Change claims: a stated change with both of the values it compares.

A change (增长25%, 增加24件, 增长1.5倍, 是上年的1.25倍, 翻一番, 提高2.3个百分点) is a claim only
when the current and the previous value are both stated: most changes in a report (every line
of a 统计公报) compare with a figure it never gives, and a wrong pairing reports an error that
is not there. So pairing is strict:
- 由/从 A 增加到 B, or B，较上年的 A 增加, right before the change: A before, B now;
- else one value in the clause run marked as the earlier period (上年同期为96件, 去年受理96件,
  2023年受理96件) and exactly one other value of its unit naming the same thing;
- else the value just before the change and an earlier sentence's value marked as the earlier
  period with the same words, period aside (上年受理行政复议案件96件): the claim is inferred.
A change whose own words name another subject, an average yearly rate (年均增长), growth at
comparable prices (可比价) or a respective list (分别) is never paired.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal

from lawaudit.extract import patterns as P
from lawaudit.extract.context import (
    Item,
    Sentence,
    in_note,
    label_before,
    place,
    strip_filler,
)
from lawaudit.extract.period_dates import number
from lawaudit.model import Claim, ClaimKind, Document, Quantity

UP = "增长|增加|上升|提高|上涨|扩大|提升|高出|多出"
DOWN = "下降|减少|降低|回落|下跌|缩小|收窄"
DOWN_WORDS = frozenset(DOWN.split("|"))
# a value after them is a change
VERBS = re.compile(rf"{UP}|{DOWN}|{P.CHANGE_RATE}|增速|拉动")
PERIOD = (
    r"(?:上年同期|去年同期|上一?年度|上年|去年|上个?月|上期|上周|上一?季度|上半年|(?:19|20)\d\d年"
    r"|第[0-9一二三四五六七八九十]{1,3}周|(?:[0-9]{1,2}|十[一二]?|[一二三四五六七八九])月份?)"
)  # the period a change compares with: "较上年", "较第2周的", "较4月份的"
# "同比增长", "比上年增加", "增幅为", "比上年多": the number after it is the change itself.
BY = re.compile(
    rf"(?:(?P<verb>{UP}|{DOWN})了?|(?P<rate>{P.CHANGE_RATE})(?:为|达到?|是)?"
    rf"|(?:比|较){PERIOD}[^，,]{{0,4}}?(?P<more>多|少|高|低)了?)$"
)
# The last characters BY can end a label with (before a final line break, where $ also matches):
# a verb's (增长, 减少 …), 了, 幅, 为/达/到/是 after a rate word, and 多/少/高/低. Built from the
# verb lists, so a verb added to UP or DOWN is covered; keep the rest in step with BY.
BY_LAST = frozenset(w[-1] for w in f"{UP}|{DOWN}".split("|")) | frozenset("了幅率为达到是多少高低")
# "提高到", "升至", "增加到2025年的": the number after it is the current value.
TO = re.compile(rf"(?:{UP}|{DOWN}|[升降增减涨跌])(?:到|至|为)(?:(?:19|20)\d\d年(?:底|末)?的?)?$")
# "是上年的1.5倍": the current value as a multiple of the previous one.
RATIO = re.compile(rf"(?:是|为|相当于|达到?){PERIOD}?(?:底|末)?的$")
FROM = re.compile(
    r"(?:^|[^理自经缘任])(?:由|从)(?:上年度?的?|去年的?|(?:19|20)\d\d年(?:底|末)?的?)?$"
)
MORE_ONLY = re.compile(r"[多少高低]了?")  # the rest of "比上年的A多B": A stands between
DOUBLED = re.compile(r"翻了?([一两二三四])番")
EARLIER = P.EARLIER_PERIOD
# The value for an earlier period; not 比上年 (a comparison), 上年结转 (carried over) or 去年以来.
PREV = re.compile(rf"(?<![比较与和同])(?:{EARLIER})")
NOT_PREV = re.compile(r"结转|结余|遗留|以上年|以来|基期|基数|力争|目标|预计|计划")
# "较“十三五”末2020年88.23亿元增加", "比“十三五”541亿元增加": a comparison stating its base.
PLAN_PERIOD = r"十[一二三四五六七八九]?五(?:时期|期间)?"
BASE = re.compile(
    rf"(?:较|比)[^，,；;。]{{0,12}}(?:{PERIOD}|{PLAN_PERIOD})[”\"]?(?:底|末|同期)?[”\"]?的?"
    # what is compared, named again: "比上半年日均2311.2个", "比上半年平均接通率98.12%"; never
    # a change's own verb ("比上年增加30件" states the change, not the base)
    r"(?:(?![增减提降升多少高低])[\u4e00-\u9fff]){0,6}$"
)
# BASE ends in $ and matches at most 23 characters, so it lies in the last 24 of the text searched
# ($ also matches before a final line break): a longer gap between two levels need not be read.
BASE_REACH = 32
MONTHLY = re.compile(r"环比|上月|上期|上季度")
YEAR = re.compile(r"((?:19|20)\d\d)年(?!度?以来|以前|以后|起)")
LOOKAHEAD_CHARACTERS = frozenset("度以来前后起")  # of YEAR's lookahead: see YearsBefore
# Words that rule a change out: an average yearly rate, a respective list, a plan.
# Not 平均 anywhere in the sentence: only in the change's own words ("平均增长8%", an average
# rate of change); elsewhere it names averages compared with averages ("平均接通率98.78%，比
# 上半年平均接通率98.12%高出…").
NOT_PAIRED_WORDS = ("年均", "每年", "分别", "力争", "目标", "预期", "预计")
NOT_PAIRED = re.compile("|".join(NOT_PAIRED_WORDS))
# Growth at comparable prices or on a like-for-like basis is not the change of the values stated,
# and output and value added (生产总值, 增加值) always grow at comparable prices.
REAL_TERMS = re.compile(r"可比|不变价|实际增长|扣除价格|口径")
REAL_GROWTH = re.compile(r"生产总值|增加值|GDP|总产值")
COMPARED = re.compile(rf"同比|环比|(?:比|较|与){PERIOD}(?:底|末)?(?:相比)?|累计")
TIME_WORDS = re.compile(
    rf"{EARLIER}|(?:19|20)\d\d年(?:底|末|度)?|今年|本年度?|当年|本月|当月|同期|年末|年底|全年"
)
# Words after a subject that say how it came about: 收入完成 and 收入安排 name the same 收入.
# No word is two others (共计 is 共 + 计): an ambiguous (a|b|ab)+$ backtracks exponentially.
TRAILING = re.compile(r"(?:的|为|是|达到|达|有|共|计|累计|完成|安排|实现)+$")
WINDOW = 3000  # characters back 上年's value may be, a few sections (a year's may be anywhere)
# Levels a change looks back over in its sentence: it compares values of its own clause or of the
# few clauses before it. Generous: the longest run of levels before a change in the corpus is 11,
# and none pairs with one before the last two. Bounded, n counts and then n changes in one
# sentence take n steps, not n * n.
LEVELS_BACK = 24


@functools.lru_cache(maxsize=4096)  # asked again for the same labels, by several pairings
def topic(label: str) -> str:
    """The words naming what a value counts, period and filler removed: "上年同期受理" -> "受理"."""
    words = TIME_WORDS.sub("", re.sub(r"[^\u4e00-\u9fff0-9]", "", label))
    return TRAILING.sub("", strip_filler(strip_filler(words.lstrip("末初底"))))


def prev_mark(item: Item) -> str | None:
    """ "month", "year" or a year ("2023") when the label marks an earlier period's value."""
    label = item.label
    if "上" not in label and "年" not in label:
        return None  # every word PREV and YEAR look for has one of them: most labels have neither
    if NOT_PREV.search(label) or P.CHANGE_WORDS.search(label.replace("增加值", "")):
        return None
    m = PREV.search(label)
    if m:
        return "month" if MONTHLY.search(m.group()) else "year"
    years = YEAR.findall(label)
    return years[-1] if years else None


def is_level(item: Item) -> bool:
    """A stated amount or rate, not a change: what a change compares."""
    if not (item.is_count or item.q.is_percent):
        return False
    return bool(TO.search(item.label)) or not VERBS.search(item.label.replace("增加值", ""))


def statement(item: Item, doubled: bool = False) -> tuple[str, str] | None:
    """(form, direction) of a change: form is "by" (增长25%) or "ratio" (是上年的1.5倍)."""
    label, unit = item.label, item.q.unit
    if unit == "倍" and (RATIO.search(label) or TO.search(label) or doubled):
        return "ratio", ""
    if not unit or unit == "‰":
        return None
    if label[-1:] not in BY_LAST and not label.endswith("\n"):
        return None  # most labels: BY cannot end there
    m = BY.search(label)
    if not m:
        return None
    word = m.group("verb") or m.group("rate") or m.group("more")
    down = word in DOWN_WORDS or word in ("降幅", "减幅", "跌幅", "减少率", "下降率", "少", "低")
    return "by", "down" if down else "up"


@functools.lru_cache(maxsize=4096)  # change labels repeat: 同比增长, 比上年增加 …
def own_topic(label: str) -> str:
    """What the change's own words name: "投诉量同比增长" -> "投诉量", "同比增长" -> ""."""
    for pattern in (BY, RATIO, TO):
        label = pattern.sub("", label)
    return topic(COMPARED.sub("", label)).removeprefix("实现").removeprefix("均")


def fits(stated: Quantity, cur: Quantity, prev: Quantity) -> bool:
    if cur.unit != prev.unit:
        return False
    if stated.unit == "百分点":
        return cur.is_percent
    return stated.unit in ("%", "倍") or stated.unit == cur.unit


def year_before(text: str, start: int, at: int) -> int | None:
    years = YEAR.findall(text, start, at)
    return int(years[-1]) if years else None


class YearsBefore:
    """year_before(text, sent.start, at) for positions of one sentence, from one scan of it:
    searching from the sentence start for each change reads a long sentence once per change.

    A search stopped at `at` finds the sentence's matches that end by `at`, unless a word of
    YEAR's lookahead (度以来, 以前, 以后, 起) stands across `at`, which puts one of its characters
    at `at`: never a number's first character; there the search is made as before."""

    def __init__(self, text: str, sent: Sentence) -> None:
        self.text, self.start, self.end = text, sent.start, sent.end
        self.found: list[re.Match] | None = None  # the sentence's years, read when first asked
        self.ends: list[int] = []

    def __call__(self, at: int) -> int | None:
        if self.text[at : at + 1] in LOOKAHEAD_CHARACTERS:
            return year_before(self.text, self.start, at)
        if self.found is None:
            self.found = list(YEAR.finditer(self.text, self.start, self.end))
            self.ends = [m.end() for m in self.found]
        i = bisect.bisect_right(self.ends, at) - 1
        return int(self.found[i].group(1)) if i >= 0 else None


def not_paired_from(text: str, sent: Sentence) -> int | None:
    """Where the sentence's first NOT_PAIRED word ends: a change there or later is not paired.
    The same as NOT_PAIRED.search(text, sent.start, at) for each change, without reading the
    sentence again for each."""
    if not NOT_PAIRED.search(text, sent.start, sent.end):
        return None  # most sentences: none of the words
    return min(
        i + len(w) for w in NOT_PAIRED_WORDS if (i := text.find(w, sent.start, sent.end)) >= 0
    )


def period_ok(mark: str, stmt_label: str, cur_year: int | None) -> bool:
    """The earlier value's period is the one the change compares with."""
    if mark.isdigit():
        said = YEAR.findall(stmt_label)
        return int(said[-1]) == int(mark) if said else cur_year == int(mark) + 1
    monthly = bool(MONTHLY.search(stmt_label))
    yearly = bool(re.search(r"同比|上年|去年", stmt_label))
    return (mark == "month") == monthly if monthly or yearly else True


def doubled_items(text: str, sent: Sentence) -> list[Item]:
    """翻一番 / 翻两番 as a multiple of the previous value (2.0倍, 4.0倍: doubling, not 1.5倍).
    Its label goes back to the number before it, found by bisection: a sentence of many 翻一番
    would read all its numbers for each."""
    found = list(DOUBLED.finditer(text, sent.start, sent.end))
    if not found:
        return []  # most sentences
    ends = [it.q.end for it in sent.items]  # ascending: quantities do not overlap
    out = []
    for m in found:
        n = 2 ** ("一二三四".index(m.group(1).replace("两", "二")) + 1)
        q = Quantity(f"{n}.0倍", Decimal(f"{n}.0"), "倍", 1, 1, "", m.start(), m.end())
        before = bisect.bisect_right(ends, m.start())
        floor = ends[before - 1] if before else sent.start
        out.append(Item(q, label_before(text, m.start(), floor), sent.items[0].sentence))
    return out


class EarlierValues:
    """The values of previous sentences marked as an earlier period (上年受理96件), kept by their
    naming words and unit so a change finds the nearest one named like its value without reading
    them all (a report of many such sentences would take quadratic time): the latest of each,
    and the latest dated one (2023年受理…), the only kind still used beyond WINDOW."""

    def __init__(self) -> None:
        self.latest: dict[tuple[str, str], tuple[Item, str]] = {}  # (value, its prev_mark)
        self.dated: dict[tuple[str, str], tuple[Item, str]] = {}

    def add(self, item: Item, mark: str) -> None:
        key = (topic(item.label), item.q.unit)
        self.latest[key] = (item, mark)
        if mark.isdigit():
            self.dated[key] = (item, mark)

    def nearest(self, subject: str, unit: str, at: int) -> tuple[Item, str] | None:
        """The nearest value named `subject` in `unit` before `at`, within WINDOW or dated."""
        found = self.latest.get((subject, unit))
        if found and at - found[0].q.end > WINDOW and not found[1].isdigit():
            found = self.dated.get((subject, unit))  # the others are further back still
        return found


def change_claims(doc: Document, sentences: list[Sentence]) -> Iterator[Claim]:
    text = doc.text
    earlier = EarlierValues()
    for sent in sentences:
        if not sent.items:
            continue
        items = sent.items
        if doubled := doubled_items(text, sent):
            items = sorted([*items, *doubled], key=lambda it: it.q.start)
        if not REAL_TERMS.search(text, sent.start, sent.end):
            yield from sentence_changes(doc, sent, items, earlier)
        for it in sent.items:
            mark = prev_mark(it)
            if mark and is_level(it):
                earlier.add(it, mark)


def sentence_changes(doc, sent: Sentence, items: Sequence[Item], earlier: EarlierValues):
    forms = [statement(it, doc.text.startswith("翻", it.q.start)) for it in items]
    for i in range(2, len(items)):  # "比2024年的451件多153件": 多 closes the comparison
        it = items[i]
        bare = forms[i] is None and it.is_count and MORE_ONLY.fullmatch(it.label)
        if bare and base_between(doc.text, items[i - 2], items[i - 1]):
            forms[i] = ("by", "down" if it.label[0] in "少低" else "up")
    if not any(forms):
        return  # no change stated: the levels found would pair with nothing
    stop = not_paired_from(doc.text, sent)
    year_at = YearsBefore(doc.text, sent)
    levels: list[Item] = []
    closed = False
    by_count = None  # a count change no earlier value paired with, and the level before it
    by_pct = None  # the same for a % change, which a count change after it may explain
    prev_item = None
    aside: dict[int, Item] = {}  # a level's start -> its earlier value in brackets after it
    asides: list[tuple[Item, Item]] = []  # … in order, for 同比分别增长 X% 和 Y%
    skip: set[int] = set()  # the changes a 分别 list already paired
    for k, (it, form) in enumerate(zip(items, forms, strict=True)):
        if form is None and it.q.is_percent and "占" in it.label:
            continue  # "受理359件，占总诉求量的56.09%，比上月增加33件": a share, aside
        prev_item, last = it, prev_item
        if form is None:
            if (
                last is not None
                and levels
                and levels[-1] is last
                and bracketed_earlier(doc.text, last, it, sent.start)
            ):
                aside[last.q.start] = it  # "7976件(2019年6593件)": 6593 is 7976's base
                asides.append((last, it))
                continue
            if is_level(it):
                levels, closed = ([] if closed else levels), False
                levels.append(it)
            continue
        closed = True
        if it.q.start in skip:
            continue
        if asides and RESPECTIVE.search(it.label):
            run = respective_run(doc.text, items, k)
            if len(run) == len(asides):  # "…同比分别增长20.98%和17.33%": in order
                for (cur, prev), stmt in zip(asides, run, strict=True):
                    skip.add(stmt.q.start)
                    if fits(stmt.q, cur.q, prev.q):
                        yield claim(doc, stmt, form, cur, prev, topic(cur.label), False)
            continue
        if levels and aside.get(levels[-1].q.start) is last:  # the change right after them
            cur, prev = levels[-1], aside[levels[-1].q.start]
            if fits(it.q, cur.q, prev.q):
                yield claim(doc, it, form, cur, prev, topic(cur.label), False)
            continue
        if stop is not None and stop <= it.q.start:
            continue  # 年均, 分别, 目标 … before the change
        if "平均" in it.label:
            continue  # "平均增长8%"
        outside = [lv for lv in levels[-LEVELS_BACK:] if not in_note(doc.text, lv, it.q.start)]
        found = pair(doc.text, year_at, outside, it, earlier)  # not "(不合并计算则为1005家)"
        follows = by_count is not None and by_count[1] is last and it.q.is_percent
        if found is None and follows and form[0] == "by" and not own_topic(it.label):
            found = derived_previous(
                doc.text, *by_count
            )  # "受理71266件，同比增加7181件，增幅11.2%"
        if found is None and levels and levels[-1] is last:
            found = stated_after(doc.text, last, it, items[k + 1 : k + 3])  # "（上年为287件）"
        real = found and it.q.unit in ("%", "倍") and REAL_GROWTH.search(found[0].label + found[2])
        if found and not real:
            yield claim(doc, it, form, *found)
        if found is None and by_pct is not None and by_pct[1] is last and it.is_count:
            # "办理1580件，同比增长12.80%，较上年增加154件": the % over 1580 − 154
            level, pct, pct_form = by_pct
            derived = derived_previous(doc.text, level, it, form[1]) if form[0] == "by" else None
            if derived is not None and not own_topic(pct.label):
                yield claim(doc, pct, pct_form, *derived)
        by_count = by_pct = None
        if found is None and form[0] == "by" and levels and levels[-1] is last:
            # "959家(注:…不合并计算则为1005家)，较上年增加49家": the level before the note
            level = outside[-1] if outside else None
            if level is not None and it.is_count:
                by_count = (level, it, form[1])
            elif level is not None and it.q.is_percent:
                by_pct = (level, it, form)


def pair(text: str, year_at: YearsBefore, levels: list[Item], stmt: Item, earlier: EarlierValues):
    """(current, previous, subject, inferred) for a change, or None.

    The change's own words (own_topic) are read only where a pairing is found: most changes
    pair with nothing, and reading them is a good part of what a change costs."""
    q = stmt.q
    if len(levels) >= 2:  # 由A增加到B, right before the change
        a, b = levels[-2:]
        m = FROM.search(a.label)
        if m and TO.search(b.label) and fits(q, b.q, a.q):
            subject = topic(a.label[: m.start() + 1].rstrip("由从"))
            own = own_topic(stmt.label)
            return (b, a, subject, False) if not own or own in subject else None
    bare = MORE_ONLY.fullmatch(stmt.label) or not own_topic(stmt.label)
    if len(levels) >= 2 and bare:
        # A，较上年的B增加…: the base is named in the comparison itself; A is the level before
        # B counted as B is ("处罚决定5326件，罚没款1287.65万元，较上年的4870件增加")
        p = levels[-1]
        c = next((it for it in reversed(levels[:-1]) if it.q.unit == p.q.unit), None)
        if c is not None and base_between(text, c, p):
            # "共受理52318件，其中咨询类31047件、投诉类21271件，较上月的48263件增长8.4%": a
            # part listed last cannot have grown from the whole month before; the level the
            # change's direction allows, nearest first, is the current one
            up = statement(stmt) == ("by", "up")
            same = [it for it in reversed(levels[:-1]) if it.q.unit == p.q.unit]
            c = next((it for it in same if not up or it.q.value > p.q.value), c)
            return (c, p, topic(c.label), False) if fits(q, c.q, p.q) else None
    if (
        len(levels) >= 2
        and earlier_month(levels[-2], levels[-1])
        and fits(q, *[x.q for x in levels[-2:]])
    ):
        c, p = levels[-2:]  # "5月份受理52890件，4月份为50210件，环比增长5.07%"
        return c, p, topic(c.label), False
    marks = {id(it): prev_mark(it) for it in levels}
    words = [it for it in levels if marks[id(it)] in ("month", "year")]
    years = [it for it in levels if (marks[id(it)] or "").isdigit()]
    if len(words) > 1:
        return None
    if words or years:
        low = min((int(marks[id(it)]) for it in years), default=0)
        p = words[0] if words else min(years, key=lambda it: int(marks[id(it)]))
        found = in_sentence(year_at, levels, stmt, p, marks[id(p)], own_topic(stmt.label))
        if found or words or sum(1 for it in years if int(marks[id(it)]) == low) > 1:
            return found
    return from_earlier(year_at, levels, stmt, earlier)


RESPECTIVE = re.compile(r"分别")


BRACKETED = re.compile(r"[（(][^（）()]*[)）]")


def bracketed_earlier(text: str, level: Item, it: Item, start: int) -> bool:
    """ "受理7976件(2019年6593件)", "新收3326件（2023年为867件）": a value in brackets right
    after a level, named by an earlier year (or 上年, 上月), is that level's base."""
    if text[level.q.end : it.q.start - len(it.label)] not in ("(", "（"):
        return False
    if text[it.q.end : it.q.end + 1] not in (")", "）") or it.q.unit != level.q.unit:
        return False
    mark = prev_mark(it)
    if mark in ("year", "month"):
        return True
    outside = BRACKETED.sub("", text[start : level.q.start])  # not another level's aside
    years = YEAR.findall(outside)
    return mark is not None and (not years or int(mark) < int(years[-1]))


def respective_run(text: str, items: Sequence[Item], k: int) -> list[Item]:
    """The change at k and the ones listed after it ("分别增长20.98%和17.33%")."""
    run = [items[k]]
    for it in items[k + 1 :]:
        if it.q.unit != run[0].q.unit or text[run[-1].q.end : it.q.start] not in ("和", "、", "及"):
            break
        run.append(it)
    return run


def stated_after(text: str, level: Item, change: Item, after: Sequence[Item]):
    """(current, previous, subject, inferred) when the earlier period's value follows the
    change it is the base of: "收到申请318件，比上年增加41件（上年为287件）", "…同比增长15.3%，
    上年为2563件". The value must be marked as the earlier period's and count as the level does."""
    for p in after:
        if p.q.unit != level.q.unit or p.q.scale != level.q.scale:
            continue
        mark = prev_mark(p)
        earlier = mark in ("year", "month") or earlier_month(level, p)
        if earlier and fits(change.q, level.q, p.q):
            return level, p, topic(level.label), False
    return None


MONTH_NAMED = re.compile(r"(\d{1,2}|十[一二]?|[一二三四五六七八九])月份?")


def earlier_month(level: Item, p: Item) -> bool:
    """ "5月份受理52890件…（4月份为50210件）": `p` is named by a month before the level's."""
    named = MONTH_NAMED.match(p.label)
    if named is None or not re.fullmatch(
        r"为|是|共?受理[\u4e00-\u9fff]{0,4}|", p.label[named.end() :]
    ):
        return False
    mine = MONTH_NAMED.search(level.label)
    if mine is None:
        return False
    return number(named.group(1)) < number(mine.group(1))


def derived_previous(text: str, level: Item, change: Item, direction: str):
    """(current, previous, subject, inferred) when a level is followed by its own change in
    units and then in %: the earlier value is the level less the change, so the % must be
    the change over that ("受理71266件，同比增加7181件，增幅11.2%": 7181 / 64085)."""
    cur, d = level.q, change.q
    if d.unit != cur.unit or d.scale != cur.scale or d.approximate or cur.approximate:
        return None
    mark = prev_mark(level)
    said = YEAR.findall(change.label)
    if mark and mark.isdigit() and said and int(said[-1]) < int(mark):
        mark = None  # "2020年…新收5422件，比2019年增加842件": 2020 is this year, not the base
    if BASE.search(text, max(0, cur.start - BASE_REACH), cur.start) or mark:
        return None  # "较“十三五”末的9323.1亿元增加4374.4亿元": that level is the earlier one
    value = cur.value - d.value if direction == "up" else cur.value + d.value
    if value <= 0:
        return None
    sign = "−" if direction == "up" else "+"
    raw = f"({cur.raw.removesuffix(cur.unit)} {sign} {d.raw.removesuffix(d.unit)})"
    places, scale = max(cur.decimals, d.decimals), min(cur.scale, d.scale)
    prev = Quantity(raw, value, cur.unit, places, scale, "", d.start, d.end)
    prev_item = Item(prev, "", level.sentence)
    return level, prev_item, topic(level.label), False


def base_between(text: str, c: Item, p: Item) -> bool:
    """ "较上年的" right before `p`: BASE searched in the end of the gap after `c` it can reach,
    not the whole gap, which every change after the two levels would read again."""
    return bool(BASE.search(text, max(c.q.end, p.q.start - BASE_REACH), p.q.start))


def in_sentence(year_at: YearsBefore, levels, stmt, p: Item, mark: str, own: str):
    """The one other value of the earlier period's unit that names the same thing."""
    want = topic(p.label)
    cands = [c for c in levels if c is not p and fits(stmt.q, c.q, p.q)]
    cands = [c for c in cands if want in topic(c.label)]  # 受理 in 受理行政复议案件
    if len(cands) != 1:
        return None
    c = cands[0]
    subject = topic(c.label) or want
    if own and own not in subject:
        return None
    if not period_ok(mark, stmt.label, year_at(c.q.start)):
        return None
    return c, p, subject, False


def from_earlier(year_at: YearsBefore, levels, stmt, earlier: EarlierValues):
    """The value just before the change, and the nearest earlier-period value named the same
    (when the change's own words name a subject, it must be that one)."""
    if not levels:
        return None
    c = levels[-1]
    subject = topic(c.label)
    if len(subject) < 2:
        return None
    found = earlier.nearest(subject, c.q.unit, c.q.start)
    if found is None or not fits(stmt.q, c.q, found[0].q):
        return None
    if found[0].q.raw == c.q.raw:
        return (
            None  # the same figure in the same words: one fact (a headline's 去年), not two years
        )
    own = own_topic(stmt.label)
    if own and own != subject:
        return None
    p, mark = found
    if period_ok(mark, stmt.label, year_at(c.q.start)):
        return c, p, subject, True
    return None


def claim(doc, stmt: Item, form: tuple[str, str], cur: Item, prev: Item, subject, inferred):
    kind = ClaimKind.POINTS if stmt.q.unit == "百分点" else ClaimKind.CHANGE
    notes: tuple[str, ...] = ()
    if stmt.q.raw != doc.text[stmt.q.start : stmt.q.end]:
        notes += (f"{doc.text[stmt.q.start : stmt.q.end]} = {stmt.q.raw}",)
    if inferred:
        notes += (f"previous {prev.q.raw} taken from line {doc.line_col(prev.q.start)[0]}",)
    first = cur if inferred else min(cur, prev, key=lambda it: it.q.start)
    return Claim(
        kind=kind,
        subject=subject or "change",
        stated=stmt.q,
        current=cur.q,
        previous=prev.q,
        direction=form[1],
        inferred=inferred,
        notes=notes,
        **place(doc, stmt.q, first.q.start - len(first.label)),
    )
