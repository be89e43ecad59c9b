"""Totals with parts, and intakes with their closed part.

"共办理行政复议案件15件，其中维持10件、撤销3件": a total, then "其中" and parts of the same unit.
A 其中 list names only some parts unless the text says it covers them all: a part named 其他/其余,
a pair like 满意/不满意, "分别为" after a total, or 办结 + 在办 after an intake. Only then is a
short sum an error. "受理119件……办结119件": the closed count of an intake is a completion claim.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import replace
from itertools import pairwise

from lawaudit.arith import range_of
from lawaudit.extract import bases as B
from lawaudit.extract import patterns as P
from lawaudit.extract.context import (
    Item,
    Sentence,
    bigrams,
    clause_before,
    in_note,
    opens_breakdown,
    place,
    strip_filler,
)
from lawaudit.extract.counts import (
    common_suffix,
    comparable,
    is_level,
    is_whole,
    kind_noun,
    names_all,
    names_whole,
    takes_in,
    uncounted_each,
)
from lawaudit.extract.rest_of import rest_of_total
from lawaudit.model import CARRIED_OVER_NOTE, JUDGED_NOTE, Claim, ClaimKind, Document, Quantity

BACK, AHEAD = 400, 1000  # characters around 其中 where its total and parts stand
STEPS = 30  # counts a 合计 or a 受理 looks along for its parts or its 办结


def near(items: list[Item], starts: list[int], lo: int, hi: int) -> list[Item]:
    """The items whose numbers lie in [lo, hi): a bounded look, so a 5 MB line stays linear."""
    return items[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]


def can_add(text: str, item: Item) -> bool:
    """A level that adds up: not a change ("增加0.69万亩"), an average, a rate, a subset
    ("含拖拉机2.72万辆") or a threshold ("站稳140万吨台阶")."""
    return is_level(item) and not P.THRESHOLD.match(text, item.q.end)


def breakdown_parts(
    text: str,
    after: list[Item],
    total: Item,
    among_at: int,
    guessed: bool = False,
    carriers: dict[int, Quantity] | frozenset[int] = frozenset(),
) -> list[Item]:
    """Same-unit counts after 其中 / 分别为 / 分产业看 that are parts of `total`.

    The first part stands in the first clause after the marker. The separator before the second
    part sets the list's style — 、 ("维持10件、撤销3件"), ， or ；
    ("其中，农业产值92.78亿元、增长3.3%；林业产值1.94亿元…") — and the list ends where the
    style changes, at the next total, intake,
    closed count or 其中, and at the ")" of a "(其中…)". Counts at another bracket depth, changes
    and subsets ("含…", and the 、-list that follows 含) are skipped. In a ，- or ；-list, a count
    that would carry the sum past the total starts a new topic ("其中招收随迁子女3.38万人，在校生
    40.96万人"): such lists often hold overlapping categories, so only a 、-list can show that
    its parts exceed the total. When the total was `guessed` from an earlier sentence, a first
    part larger than it shows the guess was wrong, and there is no list.
    """
    limit = range_of(total.q).hi
    closed_by_rest = rest_ends_list(text, after, among_at)
    parts: list[Item] = []
    mark = among_at  # where the last part (or the marker) ended
    style = ""
    skipping = False
    running = 0
    for it in after:
        between = text[mark : it.q.start]
        if depth(between) < 0 or (not parts and (";" in between or "；" in between)):
            break
        if depth(text[among_at : it.q.start]) != 0:
            continue  # inside brackets opened after 其中: a detail of a part
        listed = it.q.start in carriers and parts and parts[-1].q.start in carriers
        closes = P.CLOSED.search(it.label) and not P.CLOSED.search(total.label)
        closes = closes and not P.NOT_CLOSED.search(it.label)  # 尚未审结1件: the open part
        if parts and (P.AMONG.search(it.label) or closes):
            break  # "受理…，其中A、B，办结…": the closed count starts another list
        if parts and is_whole(it) and not listed:  # "A受理20915个，占40.5%；B受理19346个，占…"
            break
        if not comparable(it.q, total.q) or P.CHANGE_WORDS.search(it.label):
            continue
        if COMPARED.search(it.label):
            continue  # "撤回的4件，较上年1件上升300%": the base of a comparison, no part
        if parts and ASIDE.match(strip_filler(it.label)):
            break  # "其中不足98%的有14个，零答复的有9个，另有35个…": 另有 is beside the list
        if parts and P.NEXT_RANKED.match(strip_filler(it.label)):
            break  # "A领域635件，其中甲类369件；其次是B领域369件": the total's next sibling
        subset = P.SUBSET.search(it.label) and not (not parts and LIST_OPENER.match(it.label))
        if subset or (skipping and between.startswith(("、", "和", "及"))):
            skipping = True
            mark = it.q.end
            continue
        skipping = False
        if P.NOT_ADDITIVE.search(it.label) or uncounted_each(it):
            break
        lo = range_of(it.q).lo  # the least the part can be: what it adds to the running sum
        if parts:
            sep = separator(text, parts[-1], it)
            style = style or sep
            upgraded = (style, sep) == ("，", "；") and same_verb(
                total.label, parts[-1].label, it.label
            )
            upgraded = upgraded and limit is not None and running + lo <= limit
            if sep != style and not upgraded:
                break  # "其中A、B、C，D…": a list ends where its separator changes
            if style != "、" and other_action(parts[-1], it):
                break  # "其中开庭审结94件，负责人出庭6件": two acts on the cases, which overlap
            siblings = style == "，" and same_kind(total.label, parts[-1].label, it.label)
            siblings = siblings or bool(listed)  # "甲类200件，占40%，乙类…": each with its share
            siblings = siblings or cases_taken_in(total, parts[-1], it)  # "受理投诉300件，其中…"
            siblings = siblings or closed_by_rest  # "…，其中水电50件，交通30件，其他30件"
            if style != "、" and limit is not None and running + lo > limit and not siblings:
                break
        elif guessed and limit is not None and lo > limit:
            return []
        parts.append(it)
        running += lo
        mark = it.q.end
    return parts


# "其中包括政府文件11条": 包括 right after 其中 opens the list; elsewhere it marks a subset.
LIST_OPENER = re.compile(r"^[，,:：\s]*其中[，,:：]?(?:主要)?(?:包括|含)")
ASIDE = re.compile(r"^(?:另有|另外|此外|还有|另)")


def exact_prefix(parts: list[Item], total: Item) -> list[Item]:
    """ "总清单5156项，其中综合执法清单1779项、专业执法清单3377项、乡镇执法清单117项": when the
    first parts add up to the total exactly and the rest would carry it past, those first parts
    are the cut, and the rest another, overlapping one."""
    running = 0
    for k, p in enumerate(parts[:-1]):
        running += p.q.value
        if k >= 1 and running == total.q.value:
            return parts[: k + 1]
    return []


def cases_taken_in(total: Item, before: Item, part: Item) -> bool:
    """ "受理投诉300件，其中食品安全120件，价格欺诈100件", "共办理行政应诉案件203件，其中一审148件，
    二审51件": the parts of an intake or a total of cases, counted in 件/起/宗, are kinds of those
    cases, one list however far its sum runs. Not what was done with them ("其中开庭审理148件，
    负责人出庭应诉142件"): those counts may overlap."""
    if total.q.unit not in CASE_UNITS or part.q.unit != total.q.unit:
        return False
    if ACTION.search(before.label) or ACTION.search(part.label):
        return False
    return takes_in(total) or (is_whole(total) and CASES.search(total.label) is not None)


def other_action(a: Item, b: Item) -> bool:
    """Two counts of what was done with the same cases (开庭审结 and 出庭): no one list, unless
    both are ways the cases were closed (开庭审结90件，调解结案20件)."""
    done_a, done_b = set(ACTION.findall(a.label)), set(ACTION.findall(b.label))
    if P.CLOSED.search(a.label) and P.CLOSED.search(b.label):
        return False
    return bool(done_a and done_b and not done_a & done_b)


CASE_UNITS = frozenset({"件", "起", "宗", "人次", "件次"})
CASES = re.compile(r"案件|诉求|申请|纠纷|信访|来访|事项|工单|投诉|举报")  # what such a total counts
ACTION = re.compile(r"出庭|开庭|审理|应诉|调解|答复|回复|办理|处理|回访|转办|交办|督办")


def rest_ends_list(text: str, after: list[Item], among_at: int) -> bool:
    """A count named 其他/其余 in the sentence after 其中: it closes the list, so every count
    before it is a part, however far their sum runs ("其中水电50件，交通30件，其他30件")."""
    end = text.find("。", among_at)
    for it in after:
        if end >= 0 and it.q.start > end:
            return False
        if P.REST_OF.match(strip_filler(it.label)):
            return True
    return False


def same_kind(total: str, a: str, b: str) -> bool:
    """ "受理案件156件，其中民事案件140件，刑事案件20件": kinds of the very thing the total
    counts (each part names the total's noun, 案件), which a ，-list names whole however far
    its sum runs. Not measures ("保有量", "产量", "人数", "收入"): a 统计公报 cuts those along
    several dimensions in one list (私人汽车保有量, 轿车保有量), and such parts overlap."""
    a, b, total = strip_filler(a), strip_filler(b), strip_filler(total)
    noun = kind_noun(a, b, total)
    return bool(noun) and not P.INTAKE.search(noun)


def same_verb(total: str, a: str, b: str) -> bool:
    """ "共调解纠纷29757件。其中，司法所调解5068件，服务所调解5551件，均成功；调委会调解19138
    件": parts that end in the total's own verb are one list, though a remark between them
    (均成功；) changes its separator — as long as the total can still hold them."""
    verb = common_suffix(strip_filler(a), strip_filler(b))
    return len(verb) >= 2 and verb in total and not P.INTAKE.search(verb)


def separator(text: str, a: Item, b: Item) -> str:
    """How `b`'s clause is joined to the list: 、 (also 和/及), ， or ；."""
    gap = text[a.q.end : b.q.start - len(b.label)]
    if not b.label and gap.endswith(("、", ",", "，")):
        gap = gap[:-1]  # "3520户、10792人": the second measure of one clause takes its separator
    for ch in reversed(gap):
        if ch in "；;":
            return "；"
        if ch in "，,":
            return "，"
        if ch == "、":
            return "、"
    return "、"  # "A 10件和B 3件": joined by a word


def depth(s: str) -> int:
    """Brackets opened minus closed in `s` (negative: `s` leaves a bracket opened before it)."""
    return s.count("(") + s.count("（") - s.count(")") - s.count("）")


def overlapping(parts: list[Item]) -> bool:
    """ "法律援助案件1503件，其中残疾人169件、老年人197件、妇女492件": groups of people that
    one person may belong to several of (an old woman is counted twice), so each part is
    within the total but their sum need not be."""
    return sum(1 for p in parts if P.PEOPLE_GROUP.search(strip_filler(p.label))) >= 2


def covers_all(parts: list[Item]) -> bool:
    """The text marks the list as complete: 其他/其余, or a pair X / 不X."""
    return names_all([strip_filler(p.label) for p in parts])


def total_claims(doc: Document, sentences: list[Sentence]) -> Iterator[Claim]:
    text = doc.text
    carriers = B.share_carriers(text, sentences)
    headline: Item | None = None  # the first level of the last sentence that was not a breakdown
    recent: list[Item] = []  # the counts of the last sentence that had any
    lead: list[Item] = []  # … and of the last that was not a breakdown
    before_recent: list[Item] = []  # … and of the one before it
    for sent in sentences:
        if not sent.items:
            continue
        counts = [it for it in sent.items if it.is_count]
        if not counts:
            continue  # nothing here to be a total, a part or the next breakdown's headline
        starts = [it.q.start for it in counts]
        for m in breakdown_markers(text, sent.start, sent.end):
            window = near(counts, starts, m.start() - BACK, m.start())
            window = [it for it in window if not in_note(text, it, m.start())]  # "(含…5件)，其中"
            total, guessed = named_total(text, m, [*recent[-STEPS:], *window]), False
            total = total or last_level(text, window)
            after = near(counts, starts, m.end(), m.end() + AHEAD)
            if total is not None and after:  # "收到3652件，回复3640件；其中，投诉类1826件…"
                total = B.kinds_head(total, window, after[0])
            if total is None and m.start() - sent.start <= 2:
                # "…总产值132.62亿元，增长5.3%。其中，农业产值…": the headline of the sentence
                # before, or its first level counted like the parts ("开展6轮…，保留行政权力
                # 841项。其中，行政许可24项…")
                like = like_part(text, lead, after[0]) if after else None
                total, guessed = like or headline, True
            if total is None:
                continue
            if m.re is OUT_OF and total.q.end == m.start():  # named by its words: 诉前程序案件
                total = total.relabelled(
                    strip_filler(total.label).removeprefix("在") + m.group()[:-2]
                )
            parts = breakdown_parts(text, after, total, m.start(), guessed, carriers)
            if parts and exceeds(parts, total) and (whole := split_total(text, counts, total)):
                # "共收到3059条，A收到1904条，B收到1155条，其中咨询类1160条…": the 其中 after
                # the last of counts that add up to a total breaks down that total
                parts = breakdown_parts(text, after, whole, m.start(), guessed, carriers) or parts
                total = whole if not exceeds(parts, whole) else total
            if parts and exceeds(parts, total) and (prefix := exact_prefix(parts, total)):
                yield breakdown(doc, total, prefix, True, "the first parts add up to it exactly")
                continue
            if parts:
                complete = covers_all(parts) or B.shares_complete(parts, carriers)
                if not complete and overlapping(parts):
                    yield from (breakdown(doc, total, [p], False) for p in parts)
                    continue
                yield breakdown(doc, total, parts, complete)
        for m in respectively(text, sent.start, sent.end):
            if RANKING.search(text, max(sent.start, m.start() - 12), m.start()):
                continue  # "受案排名前五位分别为…": the top of a ranking, not a breakdown
            if EARLIER.search(text, max(sent.start, m.start() - 12), m.start()):
                continue  # "本月受理11000件，上月、去年同期分别为…": earlier periods' totals
            window = near(counts, starts, m.start() - BACK, m.start())
            # not a count of an earlier 分别 list ("甲区、乙区受理来信分别为10件、20件，…分别为…")
            wholes = [it for it in window if is_whole(it) and not listed_respectively(text, it)]
            total = last_level(text, wholes)
            after = near(counts, starts, m.end(), m.end() + AHEAD)
            if total is None and not window and m.start() - sent.start <= 2 and recent:
                # "全区共产生18件超期件，并被通报。分别为：A 1件、B 1件…": the last count of
                # the sentence before, when the list adds up to it exactly
                parts = breakdown_parts(text, after, recent[-1], m.start())
                if len(parts) >= 2 and sum(p.q.value for p in parts) == recent[-1].q.value:
                    claim = breakdown(doc, recent[-1], parts, True, "a 分别 list after its total")
                    yield replace(claim, inferred=True)
                continue
            if total is not None and (parts := breakdown_parts(text, after, total, m.start())):
                yield breakdown(doc, total, parts, True)
        yield from sums_after_parts(doc, counts)
        for total, parts, marked in rest_of_total(text, counts, can_add):
            rest = breakdown(doc, total, parts, True, "其余 is what the total leaves")
            yield rest if marked else replace(rest, inferred=True)
        yield from implicit_breakdowns(doc, counts, [*before_recent, *recent])
        label_at = counts[0].q.start - len(counts[0].label)
        opens = sent.items[0] is counts[0] and (
            label_at <= sent.start + 2 or AS_OF.fullmatch(text, sent.start, label_at) is not None
        )
        opens = opens and not opens_breakdown(text, sent)  # "其中审结94件" is a part, no outcome
        # the intake is of the last sentence that was no breakdown: "共受理4520件。其中，…。已办结…"
        yield from completion_claims(doc, counts, lead if opens else [])
        if not opens_breakdown(text, sent):
            headline = next((it for it in counts if can_add(text, it)), None)
            lead = counts
        before_recent, recent = recent, counts


# The characters a BY_DIMENSION match starts with (分产业看, 按城乡划分, 从构成看).
DIMENSION_START = re.compile("[分按从]")


def breakdown_markers(text: str, start: int, end: int) -> list[re.Match]:
    """The 其中 and 分…看 markers in text[start:end], in order. Most sentences have neither, and a
    look for 其中 or for 分/按/从 proves it for less than starting a finditer of each pattern."""
    markers = [*P.AMONG.finditer(text, start, end)] if text.find("其中", start, end) >= 0 else []
    if DIMENSION_START.search(text, start, end):
        markers += P.BY_DIMENSION.finditer(text, start, end)
    if text.find("中", start, end) >= 0:
        markers += (m for m in OUT_OF.finditer(text, start, end) if opens_with_in(text, m, start))
    return sorted(markers, key=lambda m: m.start())


# "在4026件诉前程序案件中，民事103件，行政3923件": the count inside 在…中 is the whole listed
OUT_OF = re.compile(r"(?<=[件起宗人项条个名])[^，,。；;\d]{0,24}?中[，,：:]")


def opens_with_in(text: str, m: re.Match, start: int) -> bool:
    """The clause of an OUT_OF match opens with 在 (or is the sentence's first), in a few words."""
    clause = max(text.rfind(c, start, m.start()) for c in "，,；;：:") + 1
    clause = max(clause, start)
    return text.startswith("在", clause) and m.start() - clause <= 16


RANKING = re.compile(r"前[一二三四五六七八九十\d]{1,2}(?:位|名)|排名|排在|位列|居前")


def listed_respectively(text: str, it: Item) -> bool:
    """A count of a 分别 list: its clause, back across 、, names 分别."""
    return "分别" in clause_before(text, it.q.start, 0)


def respectively(text: str, start: int, end: int) -> Iterator[re.Match]:
    """The 分别为 markers in text[start:end]: every RESPECTIVELY word starts with 分别."""
    if text.find("分别", start, end) < 0:
        return iter(())
    return P.RESPECTIVELY.finditer(text, start, end)


AMONG_NAMED = re.compile(r"[,，]?([\u4e00-\u9fff]{2,8})[:：]")


def same_level(text: str, whole: Item, part: Item) -> bool:
    return can_add(text, whole) and whole.q.unit == part.q.unit


def like_part(text: str, lead: list[Item], part: Item) -> Item | None:
    """The level of the sentence before that a sentence-opening 其中 breaks down: counted like
    its first part, and of the same outcome when one is ("新收73件，结案118件。其中开庭审结94件":
    the closed cases, not the new ones)."""
    same = [h for h in lead if same_level(text, h, part)]
    if P.CLOSED.search(part.label):
        closed = [h for h in same if P.CLOSED.search(h.label)]
        return (closed or same or [None])[0]
    return same[0] if same else None


def named_total(text: str, marker: re.Match, candidates: list[Item]) -> Item | None:
    """ "…转办热线事项2114宗，办结1898宗。其中转办事项：咨询类51宗、…": the words after 其中
    name the total the list breaks down, which need not be the count nearest before it."""
    named = AMONG_NAMED.match(text, marker.end())
    if named is None:
        return None
    name = named.group(1)
    found = [it for it in candidates if B.names_match(name, it.label) and can_add(text, it)]
    return found[-1] if found else None


def last_level(text: str, items: list[Item]) -> Item | None:
    """The level nearest before a marker: the total its parts belong to; not a figure stated
    to compare with ("共受理52318件，较上月的48263件增长8.4%，其中…": the 52318)."""
    return next(
        (it for it in reversed(items) if can_add(text, it) and not COMPARED.search(it.label)),
        None,
    )


# "截至1月31日，已办结4385件": a sentence that opens on the day its count stands at
AS_OF = re.compile(r"[ \n]?(?:截至|截止到?)[^，,。；;]{1,12}[，,]")
ITEMS_COUNTED = frozenset("项类个种")  # units of the number of items a 合计 sums ("三项合计")
COMPARED = re.compile(r"^(?:比|较|与)|(?:比|较)[^，,]{0,8}的$")
FROM_BASE = re.compile(r"(?:由|从)(?:(?:19|20)\d\d年(?:底|末)?的?|上年的?|去年的?)$")


def breakdown(doc, total: Item, parts: list[Item], exhaustive: bool, note: str = "") -> Claim:
    return Claim(
        kind=ClaimKind.TOTAL,
        subject=strip_filler(total.label) or total.q.raw,
        total=total.q,
        parts=tuple(p.q for p in parts),
        exhaustive=exhaustive,
        notes=(note,) if note else (),
        **place(doc, total.q, *span(total, parts)),
    )


def sums_after_parts(doc: Document, counts: list[Item]) -> Iterator[Claim]:
    """ "非常满意802条，满意163条，合计965条": a 合计 after its parts, which it must equal."""
    text = doc.text
    for i, it in enumerate(counts):
        if not P.SUM_AFTER.match(it.label) or i == 0:
            continue
        parts: list[Item] = []
        for prev in counts[max(0, i - STEPS) : i][::-1]:
            between = text[prev.q.end : (parts[-1] if parts else it).q.start]
            counted = prev.q.unit in ITEMS_COUNTED and prev.q.end == it.q.start - len(it.label)
            if counted and not parts:
                continue  # "…，三项合计1335件": the number of items summed, not one of them
            if (
                prev.q.unit != it.q.unit
                or ";" in between
                or "；" in between
                or not can_add(text, prev)
            ):
                break
            if P.SUM_AFTER.match(prev.label):
                break
            if COMPARED.search(prev.label) or FROM_BASE.search(prev.label):
                break  # "由2022年的1045条增加到…": the earlier value, not a part
            parts.append(prev)
        if len(parts) >= 2:
            yield sum_of_run(doc, it, parts[::-1])


def sum_of_run(doc: Document, total: Item, run: list[Item]) -> Claim:
    """A 合计 of the counts before it. "受理诉求500件，办结480件，咨询类120件，投诉类80件，合计
    200件": a total or an outcome in the run is no sibling of the kinds after it, so the parts
    may be only what follows the last of them. The whole run, or the run after such a count,
    that adds up exactly is the list; when none does and the run holds such a count, which
    counts the 合计 sums is a guess: its fail is inferred, and shown on the reading nearest the
    合计 ("城关镇收到来信36件，东坝镇28件…": 收到 there is every town's verb)."""
    note = "合计 of the parts before it"
    cuts = [i + 1 for i, p in enumerate(run) if is_whole(p) or P.CLOSED.search(p.label)]
    kind = strip_filler(run[1].label)[-2:]
    if cuts[:1] == [1] and len(kind) == 2 and kind in run[0].label:
        cuts = cuts[1:]  # "甲街道收到来信42件，乙街道31件": the first names a sibling (街道)
    tails = [run[i:] for i in (0, *cuts) if len(run) - i >= 2]
    gap, nearest = min(
        ((abs(sum(p.q.value for p in t) - total.q.value), t) for t in tails), key=lambda g: g[0]
    )
    if gap == 0 or not cuts:
        return breakdown(doc, total, nearest if gap == 0 else run, True, note)
    return replace(breakdown(doc, total, nearest, True, note), inferred=True)


COMPARISON = re.compile(r"比|较|同期|上年|去年|上月|^[多少]了?$")
# The clause before 分别为 names earlier periods: their totals, not this total's parts.
EARLIER = re.compile(P.EARLIER_PERIOD)


def implicit_breakdowns(
    doc: Document, counts: list[Item], recent: list[Item] = ()
) -> Iterator[Claim]:
    """ "本月共生成工单8210件，热线直接答复5105件，派发承办单位3105件": a total followed by counts
    that add up to it exactly, with no 其中 to say so — in its own sentence, or opening the
    next one ("共受理工单506件。交办二级单位495件，直办11件") or after a colon there ("工单分类：
    求决类460件、咨询类38件…"). Only an exact sum is read as a breakdown (the reading is
    inferred, so it can pass but never fail); the counts are then parts, never an intake and
    its outcome."""
    text = doc.text
    if len(counts) < 2:
        return  # most sentences: no two counts to be parts
    colons = [i for i, it in enumerate(counts) if i and COLON.search(it.label)]
    starts = [0, *colons[:3]]  # bounded, like the totals tried: a 5 MB line stays linear
    recent = [t for t in recent if names_total(text, t)][-3:]
    tries = [(t, 0, False) for t in recent]
    tries += [(t, s, False) for t in recent for s in starts if s]
    rest = [j for j, t in enumerate(counts) if P.REST_OF.search(t.label)]  # most: none
    for i, t in enumerate(counts[:-2]):
        if names_total(text, t):
            tries.append((t, i + 1, False))
        elif any(i + 3 <= j <= i + STEPS for j in rest):
            # no word marks it a total, but three counts or more after it, ending in 其他, may
            # add up to it ("结案71件，自动履行25件，强制执行29件，终结15件，其他2件")
            tries.append((t, i + 1, True))
    for total, first, unmarked in tries:
        parts = exact_run(text, total, counts[first : first + STEPS])
        if unmarked and not (len(parts) >= 3 and covers_all(parts)):
            continue
        if parts:
            note = "parts beside the total add up to it (no 其中)"
            yield replace(breakdown(doc, total, parts, True, note), inferred=True)


COLON = re.compile(r"[:：]")


def exceeds(parts: list[Item], total: Item) -> bool:
    """The parts add up to more than the total can hold, however they were rounded."""
    whole = range_of(total.q)
    return whole.hi is not None and sum(range_of(p.q).lo for p in parts) > whole.hi


def split_total(text: str, counts: list[Item], item: Item) -> Item | None:
    """The total that `item` and the counts just before it add up to exactly ("共收到网民留言
    3059条，市直部门收到1904条，各县区收到1155条": 3059 for the 1155): what a 其中 or an outcome
    after them may refer to when the nearest count cannot hold it."""
    at = next((i for i, it in enumerate(counts) if it is item), None)
    if at is None:
        return None
    for j in range(at - 2, max(-1, at - STEPS), -1):
        total = counts[j]
        if names_total(text, total):
            parts = exact_run(text, total, counts[j + 1 : at + 1])
            if parts and parts[-1] is item:
                return total
    return None


def names_total(text: str, item: Item) -> bool:
    """Marked as a total in its clause: "共受理来话、来信3177件" (a label cut at 、 keeps 共)."""
    marked = names_whole(item.label)
    cut = item.q.start - len(item.label) - 1  # where the label stops: at a 、 the clause goes on
    if not marked and cut >= 0 and text[cut] == "、":
        marked = names_whole(P.SENTENCE_END.split(clause_before(text, item.q.start, 0))[-1])
    return marked and can_add(text, item)


def exact_run(text: str, total: Item, run: list[Item]) -> list[Item]:
    """The first two or more counts of `run`, one list, that add up to `total` exactly."""
    if len(run) < 2 or not comparable(run[0].q, total.q) or not comparable(run[1].q, total.q):
        return []  # the cheap look first: most totals are followed by another kind of count
    whole = range_of(total.q)
    if whole.hi is None:
        return []
    lo = hi = 0
    parts: list[Item] = []
    stops = "。" if B.is_out_of(text, total) else "；;。"  # "受理的9230件中，A13件，占…；B…"
    for it in run:
        if parts:
            between = text[parts[-1].q.end : it.q.start]
            if any(ch in between for ch in stops) or P.AMONG.search(between):
                break
            if P.RESPECTIVELY.search(between):
                break
        if not comparable(it.q, total.q) or not can_add(text, it) or P.SUM_AFTER.match(it.label):
            break
        if COMPARISON.search(it.label) or it.q.start <= total.q.start:
            break  # "比2024年的400件多100件": last year's figure and the change
        parts.append(it)
        if it.q.rounded or it.q.qualifier:
            r = range_of(it.q)
            lo, hi = lo + r.lo, None if hi is None or r.hi is None else hi + r.hi
        else:  # a count as written (most): an int adds much faster than a Fraction
            lo, hi = lo + int(it.q.value), None if hi is None else hi + int(it.q.value)
        if hi is None or lo > whole.hi:
            break
        if len(parts) >= 2 and lo <= whole.hi and whole.lo <= hi:
            return parts
    return []


def span(total: Item, parts: list[Item]) -> tuple[int, int]:
    """From the first label to the last number, whichever comes first in the text."""
    items = [total, *parts]
    return min(i.q.start - len(i.label) for i in items), max(i.q.end for i in items)


def closed_right_after(text: str, before: Item, done: Item) -> bool:
    """ "急办工单3017件，已及时办理3004件": a 已-closed count one comma after another count,
    or after a clause that opens on its count ("344件已转有关部门办理，已办结328件")."""
    if not (done.label.startswith("已") and P.CLOSED.search(done.label)):
        return False
    gap = text[before.q.end : done.q.start - len(done.label)]
    if not strip_filler(before.label) and NUMBER_FIRST.fullmatch(gap):
        gap = gap[-1]  # "344件已转有关部门办理，已办结328件": the first clause's verb follows it
    if gap not in ("，", ",") or takes_in(before) or not comparable(before.q, done.q):
        return False
    return can_add(text, before)


NUMBER_FIRST = re.compile(r"[\u4e00-\u9fff]{2,16}[，,]")  # a clause's words after its count


def completion(doc: Document, intake: Item, closed: Item) -> Claim:
    """Closed out of received; "new only" when the intake counts new cases (新收) or the text
    says the closed ones include cases carried over ("办结951件（含上年结转45件）")."""
    text = doc.text
    near = text[intake.q.start : min(len(text), closed.q.end + 16)]
    carried = CARRIED_OVER.search(near) is not None
    judged = not carried and JUDGED.search(closed.label) is not None
    return Claim(
        notes=(CARRIED_OVER_NOTE,) if carried else (JUDGED_NOTE,) if judged else (),
        kind=ClaimKind.COMPLETION,
        subject=strip_filler(closed.label),
        numerator=closed.q,
        denominator=intake.q,
        new_only=carried or judged or NEW_ONLY.search(intake.label) is not None,
        **place(doc, closed.q, intake.q.start - len(intake.label)),
    )


def parts_only(gap: str) -> bool:
    """ "共收到申请15件，其中网络申请1件，信函申请14件；答复完毕15件": the clauses up to the ；
    only break the intake down (其中 right after it, no other intake in them), so what follows
    the ； still answers the intake."""
    head = gap.split("；")[0].split(";")[0]
    return P.AMONG.match(head.lstrip("，,、 ")) is not None and not P.INTAKE.search(head)


def same_topic(intake: Item, closed: Item) -> bool:
    """ "新收行政复议案件31.5万件…；依法办结行政复议案件29.3万件": both name one object."""
    return len(bigrams(intake.label) & bigrams(closed.label)) >= 2


NEW_ONLY = re.compile(r"新收|新受理|新增|新立")  # cases carried over are not in this intake
JUDGED = re.compile(r"审结|结案")  # closed by judgment: pending cases from before among them
CARRIED_OVER = re.compile(
    r"结转|旧存|上年未结|上年转入|上月转入|上期转入|(?:含|包括)上(?:周|月|期|季度|年度?)"
)


def before_among(text: str, counts: list[Item]) -> list[Item]:
    """The counts of a sentence before its 其中: after it come parts, not the sentence's total."""
    if not counts:
        return counts
    at = text.find("其中", counts[0].q.start, counts[-1].q.start)
    return counts if at < 0 else [it for it in counts if it.q.start < at]


def completion_claims(
    doc: Document, counts: list[Item], previous: list[Item] = ()
) -> Iterator[Claim]:
    """受理 N … 办结 M (… 在办 K): M ≤ N, and N = M + K when the open part is stated. A
    sentence that opens with its closed count ("…共收到申请1696件，较上年增长52%。已审结1550
    件，…") continues the intake of the sentence before; "急办工单3017件，已及时办理3004件":
    a count closed with 已 right after a count is that count's outcome."""
    first = counts[0] if counts else None
    carried = None  # the count of the sentence before that this one's closed count is out of
    if first is not None and P.CLOSED.search(first.label) and not is_whole(first):
        heads = before_among(doc.text, previous)  # not "…其中…网上受理68件": a part
        intake = next(
            (it for it in reversed(heads) if takes_in(it) or P.BARE_TOTAL.search(it.label)),
            None,
        )
        intake = None if intake is None or intake.q.approximate else intake  # 均不足500件
        if intake is not None and comparable(intake.q, first.q):
            counts, carried = [intake, *counts], intake
    taken: set[int] = set()  # closed counts already paired: one completion per fact
    for before, done in pairwise(counts):
        # "其中急办工单3017件，已及时办理3004件": 已 closes the count its clause follows
        if closed_right_after(doc.text, before, done):
            taken.add(done.q.start)
            yield completion(doc, before, done)
    for i, intake in enumerate(counts):
        if not (takes_in(intake) or intake is carried):  # "…案件共50件。目前审结43件"
            continue
        closed = open_ = None
        for it in counts[i + 1 : i + 1 + STEPS]:
            if in_note(doc.text, intake, it.q.start):
                break  # "受理28491件(热线受理28451件，多媒体受理40件)，办结28498件": a note's count
            # an intake carried from an earlier sentence: read from this sentence's start
            since = (
                intake.q.end if intake is not carried else counts[1].q.start - len(counts[1].label)
            )
            if depth(doc.text[since : it.q.start]) > 0:
                continue  # … and the counts in that note are no outcome of the intake
            gap = doc.text[since : it.q.start]
            new_group = (";" in gap or "；" in gap) and not same_topic(intake, it)
            still_open = closed is not None and P.STILL_OPEN.search(it.label)
            if new_group and not parts_only(gap) and not still_open:
                break  # a new clause group: 回复 there answers another intake
            if not comparable(it.q, intake.q):
                continue
            if P.INTAKE.search(it.label) and not P.CLOSED.search(it.label):
                break
            if closed is None and P.CLOSED.search(it.label) and not P.NOT_CLOSED.search(it.label):
                if P.PASSED_ON.search(intake.label) and P.CLOSED_AT_ONCE.search(it.label):
                    break  # "转派4898件，在线办结6273件": what was not passed on
                closed = it
            elif closed is not None and P.STILL_OPEN.search(it.label):
                open_ = it
                break
        if closed is None or closed.q.start in taken:
            continue
        if closed.q.value > intake.q.value and (whole := split_total(doc.text, counts, intake)):
            intake = whole if closed.q.value <= whole.q.value else intake  # 各级各部门答复3055条
        if open_ is not None and closed.q.value + open_.q.value != intake.q.value:
            # "受理839件，其中新收216件，旧存623件，结案180件，未结659件": what was closed and
            # is still open is of all the cases handled, old ones too — the count before 其中
            whole = next(
                (t for t in counts[:i] if t.q.value == closed.q.value + open_.q.value), None
            )
            if whole is None and any(CARRIED_OVER.search(t.label) for t in counts):
                open_ = None  # cases carried over are among them: no identity with 新收 alone
            intake = whole or intake
        yield completion(doc, intake, closed)
        if open_ is not None:
            split = breakdown(doc, intake, [closed, open_], True, "closed + still open = received")
            if intake is carried:  # "共受理4520件。……已办结4385件；正在办理135件": inferred
                here = place(doc, closed.q, closed.q.start - len(closed.label), open_.q.end)
                split = replace(split, inferred=True, **here)
            yield split
