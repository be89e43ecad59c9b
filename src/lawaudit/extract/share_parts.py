"""A share's part and its whole: "投诉3751件，占比82.13%", "783件、579件、562件，占…77%",
"…126件、城建41件、公安10件，上述三类案件占到收案总数的67.05%".

The part is the count just before the share, or a 、-list of counts, or the list 上述N类 names.
The whole is a total stated in the sentence (共, 受理 …), a whole the share names in words
(占申请总数的 → 共收到行政复议申请86件; matched on its head noun and the words before it), the
headline a 其中 breaks down, or — for a bare 占比 — the nearest total stated earlier (then the
claim is marked inferred). A count that carries its own share is never its siblings' whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from itertools import pairwise

from lawaudit.arith import range_of
from lawaudit.extract import bases as B
from lawaudit.extract import patterns as P
from lawaudit.extract.context import (
    Item,
    Sentence,
    clause_before,
    in_note,
    place,
    strip_filler,
)
from lawaudit.extract.counts import (
    BARE_NAMES,
    MEASURE_ENDS,
    at_least,
    generic_stripped,
    is_level,
    is_total,
    is_whole,
    kind_noun,
    names_bare_total,
    names_intake,
    same_unit,
    uncounted_each,
)
from lawaudit.model import Claim, ClaimKind, Document, Quantity

INFER_WINDOW = 1500  # characters back a bare 占比's whole may be, roughly one section


NAMED_WINDOW = 6000  # a whole named in full ("一般公共预算支出") may be further back


WITHIN_REACH = 200  # characters before a share where "在…中" may name its whole


def part_next_to_share(gap: str) -> bool:
    """Only changes ("，增长1.8%，", "比上年末增加10.24万人") may stand between a part and its
    share's label: in
    "12个断面水质优良(Ⅰ-Ⅲ类)比例100%" the words after the count name the share's own subject,
    so the count is its whole, not its part."""
    return all("%" in c or P.CHANGE_WORDS.search(c) for c in P.CLAUSE_BREAK.split(gap) if c)


REFERS_BACK = re.compile(r"(?:上述|以上|前述|这)")


def text_between(text: str, first: Item, end: int) -> str:
    """The words from an item's label to `end`: "上述三类案件" before its share's 占."""
    return text[first.q.start - len(first.label) : end].split("占", 1)[0]


def listed_before(before: list[Item], text: str) -> list[Item]:
    """ "…126件、城建41件、公安10件，上述三类案件占到收案总数的67.05%": the n counts of the
    、-list just before "上述 n 类" are the part, when there are exactly n of them."""
    n = before[0].q.value
    if n != int(n) or not 2 <= n <= len(before) - 1:
        return []
    items = before[1 : 1 + int(n)]  # nearest first
    for b, a in pairwise(items):  # a stands before b in the text
        gap = text[a.q.end : b.q.start - len(b.label)]
        if gap not in ("、", "和", "及", "，", ",") or a.q.unit != b.q.unit:
            return []
    return items[::-1]


KINDS = frozenset({"类", "种"})  # counted kinds, not items


def share_parts(before: list[Item], text: str, share_label: str, share_start: int) -> list[Item]:
    """The count just before a share, extended back over a 、-list of same-unit counts.

    None when the share names its own subject ("…，全社会研发投入占比6%"): the count before it
    belongs to another clause.
    """
    before = [it for it in before if not P.CHANGE_WORDS.search(it.label)]  # 比上年末增加10.24万人
    before = [it for it in before if not in_note(text, it, share_start)]  # "647家(其中…63家)，占"
    if before and REFERS_BACK.fullmatch(before[0].label):
        return listed_before(before, text)
    if before and before[0].q.unit in KINDS:
        return []  # "一类占88.5%，二类占11.5%": a kind's name or a count of kinds, not of items
    own = re.sub(r"^在[\u4e00-\u9fff]{2,12}?中", "", share_label.split("占", 1)[0])
    if not before or (len(own) > 2 and own not in before[0].label):
        return []  # "…，全社会研发投入占比6%": the share names a subject of its own
    if not part_next_to_share(B.NOTE_AFTER.sub("", text[before[0].q.end : share_start])):
        return []  # "合伙所647家(其中…63家)，占85.6%": the note between them does not count
    if text[before[0].q.end : share_start].lstrip("，,").startswith(("(", "（")):
        return [before[0]]  # "政策文件612条、政策解读458条（占政策文件数的74.8%）": 458's own
    parts = [before[0]]
    for it in before[1:]:
        nxt = parts[-1]
        gap = text[it.q.end : nxt.q.start]
        listed = gap.startswith(("、", "和", "及")) and not any(c.isdigit() for c in gap)
        if not same_unit(it.q, nxt.q) or not listed or is_whole(nxt):
            break
        if is_whole(it) or P.AMONG.search(nxt.label):
            break
        parts.append(it)
    if any(P.NOT_ADDITIVE.search(p.label) or uncounted_each(p) for p in parts):
        return []
    return parts[::-1]


ALL_OF = re.compile(r"(?:有|共|共有|全部|所有)$")


def all_of(name: str, label: str) -> bool:
    """The label says it counts all of `name` (全省有律师), not a kind of them (专职律师)."""
    at = label.rfind(name)
    return at > 0 and ALL_OF.search(label, 0, at) is not None


def whole_names(whole_name: str) -> list[str]:
    """The words a total's label must hold to be the whole a share names."""
    names = [n for n in dict.fromkeys((whole_name, generic_stripped(whole_name))) if n]
    return [n for n in names if len(n) >= 2 and not P.REGION_ONLY.match(n)]


def inferred_whole(
    unit: str | None,
    need,
    whole_name: str,
    earlier: Iterable[Item],
    start: int,
    frame=None,
    reading: tuple[Quantity, Quantity] | None = None,
    text: str = "",
) -> Item | None:
    """A total stated before the sentence: one whose label contains the share's named whole
    ("占一般公共预算收入的比重" -> "…一般公共预算收入192.1亿元"), or, for a bare "占比", a count
    marked 共/合计/总计 or an intake: the nearest, unless another gives the share exactly (given
    its `reading`, part and stated %) — "收到申请1113件…受理1033件。…339件，占比30%" is of 1113."""
    names = whole_names(whole_name)
    levels = []  # of the share's unit and period; whether they can hold the parts is asked last
    window = NAMED_WINDOW if len(whole_name) >= 4 else INFER_WINDOW
    here = frame(start) if frame else ""
    for it in earlier:
        if start - it.q.end > window:
            break
        if unit is not None and it.q.unit != unit:
            continue  # asked first: the cheapest test, and most counts fail it
        if frame and frame(it.q.start) != here:
            continue  # another period's total: "十四五"累计 is not 2025's
        if is_level(it):
            levels.append(it)
    for name in names:
        found = [it for it in levels if B.names_match(name, it.label) and at_least(it.q, need)]
        if found:  # "占律师总数的": 全省有律师9923人, not 专职律师8515人, a kind of them
            return next((it for it in found if all_of(name, it.label)), found[0])
    if text:  # "在办结的行政复议案件中": the count of that stage, its noun said before it
        found = next((it for it in levels if B.names_stage(whole_name, text, it)), None)
        if found is not None and at_least(found.q, need):
            return found
    stem = generic_stripped(whole_name)
    if not stem or P.INTAKE.fullmatch(stem):  # a bare 占比, 占总量; 占收案总数: the intake
        bare = [it for it in levels if names_bare_total(it.label) and at_least(it.q, need)]
        if reading is not None:
            part, stated = reading
            exact = next((it for it in bare if B.exact(part, it.q, stated)), None)
            return exact or next(iter(bare), None)
        return next(iter(bare), None)
    return None


# A whole no words name, guessed as the nearest total before: a share it is far from is more
# likely a wrong guess than a wrong report (rates.check_inferred_wholes).
GUESSED_WHOLE = "the share names no whole: the nearest total before it"


def guessed(whole_name: str, whole: Item, text: str) -> bool:
    named = any(B.names_match(n, whole.label) for n in whole_names(whole_name))
    return not named and not B.names_stage(whole_name, text, whole)


def bare_count(text: str, it: Item, share: Item) -> bool:
    """ "行政处罚2100，占收到申请总数的33.9%": an integer written without its unit, directly
    followed by its share, is a count (of whatever the share's whole counts)."""
    q = it.q
    return (
        not q.unit
        and not q.decimals
        and q.scale == 1
        and "占" in share.label
        and (B.next_to(text, it, share))
    )


def respective_share(
    doc, item: Item, count: Item, name: str, whole: Item | None, inferred: bool = True
) -> Claim:
    """The k-th share of a 分别占 list, paired with the k-th count listed before it; its whole is
    stated earlier (inferred) or opens the list in the same sentence."""
    inferred = inferred and whole is not None
    notes = (
        (f"whole {whole.q.raw} taken from line {doc.line_col(whole.q.start)[0]}",)
        if inferred
        else ()
    )
    return Claim(
        kind=ClaimKind.RATE,
        subject=f"{strip_filler(count.label)}占{name or '比'}",
        stated=item.q,
        numerator=count.q,
        denominator=whole.q if whole else None,
        capped=not P.PLAN_WORDS.search(name),
        inferred=inferred,
        notes=notes,
        **place(doc, item.q, item.q.start - len(item.label)),
    )


def named_whole(share: Claim) -> str:
    """The whole a share claim names in words ("收到申请总数"), "" for a bare 占比."""
    name = share.subject.rsplit("占", 1)[-1]
    return "" if name in ("比", "") else name


def opens_with_among(text: str, sent: Sentence) -> bool:
    """ "其中，税收收入…": the sentence breaks down the total that ended the previous one."""
    return P.AMONG.match(text, sent.start) is not None


INLINE_TAIL = re.compile(r"的?(?:比重|比例)?(?:为|是|达到?)?")


def inline_share(doc: Document, item: Item, before: list[Item]) -> Claim | None:
    """ "植树造林总面积7.85万亩，占总任务7.35万亩的106.8%": the whole stands inside the share."""
    if len(before) < 2 or not INLINE_TAIL.fullmatch(item.label):
        return None
    whole, part = before[0], before[1]
    head, _, name = whole.label.rpartition("占")
    if not _ or head or part.q.unit != whole.q.unit:
        return None
    if not part_next_to_share(doc.text[part.q.end : whole.q.start - len(whole.label)]):
        return None
    return Claim(
        kind=ClaimKind.RATE,
        subject=strip_filler(part.label) + "占" + name,
        stated=item.q,
        numerator=part.q,
        denominator=whole.q,
        capped=not P.PLAN_WORDS.search(name),
        **place(doc, item.q, part.q.start - len(part.label)),
    )


def hint_for_whole(text: str, item: Item, sent: Sentence, aliases: dict[str, str]) -> str:
    """A whole the words name elsewhere: a defined alias ("支出占比" -> 一般公共预算支出), or
    "在出口总额中，…占68.8%" earlier in the sentence."""
    for alias, whole in aliases.items():
        if alias in item.label:
            return whole
    lo = max(sent.start, item.q.start - WITHIN_REACH)  # bounded: a 5 MB sentence stays linear
    within = [m.group(1) for m in P.WITHIN.finditer(text, lo, item.q.start + 1)]
    return within[-1] if within else ""


def kind_of_total(label: str, before: list[Item]) -> Item | None:
    """ "共受理法律援助案件85685件，办结74617件，诉讼案件占比84%": a share of a kind of the
    items a total of its sentence counts (…案件 of …案件), with no count of its own, is a share
    of that total: some k out of 85685 must give it (LA203). Not "企业120家 … 企业产值占比":
    a measure of the items is not a kind of them."""
    own = strip_filler(label.split("占", 1)[0])
    total = next((it for it in before if is_total(it)), None)
    if total is None or len(own) < 2:
        return None
    return total if kind_noun(own, strip_filler(total.label)) else None


SCOPE = re.compile(r"^(?:在)?([\u4e00-\u9fff]{2,10}?)的?(案件|诉求|工单|申请|来信|纠纷|事项)中")


WIDER = re.compile(r"全(?:国|省|市|区|县|州)")
PART_OF_PLACE = re.compile(r"\d{1,3}个[\u4e00-\u9fff]{0,3}[市县区州]|市州|县区|各[市县区州]")


def wider_scope(whole_name: str, label: str) -> bool:
    """The share names a wider whole (全省…总数) than the count's words, which name some of
    its places (13个市州): "占全市总量" of a count with no place words is of that count."""
    m = WIDER.search(whole_name)
    return m is not None and m.group() not in label and PART_OF_PLACE.search(label) is not None


OWN_PERIOD = re.compile(r"^(?:当年|当月|当季度?|当期|同年|同期|本年度?|该年)")
PART_YEAR = re.compile(r"(?:19|20)\d\d年(?:\d{1,2}月)?")


def other_period(whole_name: str, part_label: str, whole_clause: str) -> bool:
    """A share "of that year's" whole (占当年…的) for a part dated to one year is of that year's
    total: not a count whose words do not name that year (a 2012-2014 total)."""
    year = PART_YEAR.search(part_label)
    if not OWN_PERIOD.match(whole_name) or year is None:
        return False
    return (
        year.group() not in whole_clause
        or re.search(r"\d年?\s*[-—–~至到]\s*\d", whole_clause) is not None
    )


INSTANCE = re.compile(r"一审|二审|再审|申诉")


def other_instance(part_label: str, whole_clause: str) -> bool:
    """A part that names its court instance (一审, 二审) is a share of that instance's cases,
    not of a count whose words name none or another."""
    named = set(INSTANCE.findall(part_label))
    return bool(named) and not named & set(INSTANCE.findall(whole_clause))


def clause_of(text: str, it: Item) -> str:
    """A count's words back to its sentence's start: "全省13个市州新收…" keeps its 全省."""
    return clause_before(text, it.q.start, 0)


def scope_of(label: str) -> str:
    """The words of a share's scope ("受理的案件中…占3.56%": 受理案件), "" when it has none."""
    m = SCOPE.match(label.split("占", 1)[0])
    return m.group(1) + m.group(2) if m else ""


def other_stage(name: str, label: str) -> bool:
    """A share of the cases closed ("占审结数的66.89%") is not of a count of cases taken in
    ("受理1346件"): the words name another stage of the same cases."""
    closed = P.CLOSED.search(name) is not None
    return closed and names_intake(label) and not P.CLOSED.search(label)


def among_total(text: str, share: Item, before: list[Item]) -> Item | None:
    """ "全市共有调解委员会4598个，其中一类占88.5%，二类占11.5%": shares with no count of their
    own under a 其中 are shares of the count the 其中 follows (LA203: some k of 4598)."""
    head = next((it for it in before if it.q.unit not in KINDS), None)  # not 二类 itself
    if head is None or not is_level(head) or not is_total(head):
        return None
    own = strip_filler(share.label.split("占", 1)[0])
    if own[-1:] in MEASURE_ENDS:
        return None  # "企业120家，其中高新技术企业产值占比35.5%": a measure, not a kind
    return head if P.AMONG.search(text, head.q.end, share.q.start) else None


# A ranking's words before an item's name: "收案较多的有A领域", "其次是B领域"
RANK_WORDS = re.compile(
    r"^(?:[^，,；;]{0,8}的有|(?:其次|再次|排在?第[二三四五六七八九十]位?的?)是?)"
)
# What follows a share's whole: "的比重为", "比例最高，达" (a share's words may run over a comma).
SHARE_TAIL = re.compile(
    r"(?:的?(?:比重|比例)|比)(?:最高|最大|最多|最低|最小)?[，,]?(?:为|是|达到?)?$"
)


def share_claim(
    doc,
    item: Item,
    before: list[Item],
    earlier: Iterable[Item],  # counts of previous sentences, nearest first
    previous: list[Item],
    among: bool,
    hint: str = "",
    frame=None,
    label_start: int | None = None,
    carriers: Mapping[int, Quantity] = B.NO_CARRIERS,
) -> Claim:
    if label_start is None:
        label_start = item.q.start - len(item.label)
    before = [it for it in before if not in_note(doc.text, it, item.q.start)]  # a note's count
    parts = share_parts(before, doc.text, item.label, label_start)
    # "迈上4个万亿元台阶": a count of steps passed is no whole
    earlier = (it for it in earlier if not P.THRESHOLD.match(doc.text, it.q.end))
    need = sum(range_of(p.q).lo for p in parts) if parts else 0
    whole, inferred = None, False
    after = item.label.split("占", 1)[-1].removeprefix("到").removeprefix("据")  # 占到, 占据
    if "占" not in item.label:  # "…覆盖人口比例达90.5%": a share of no named whole
        after = ""
    whole_name = re.sub(SHARE_TAIL, "", after).removesuffix("的")
    bare = not whole_name  # a bare 占比: the name, if any, is the list's (`hint`)
    whole_name = whole_name or hint
    named = generic_stripped(whole_name)
    if parts:
        unit = parts[0].q.unit or None  # None: a bare integer, of the whole's unit
        rest = [
            it
            for it in before[len(parts) :]
            if (it.q.unit == unit or (unit is None and it.is_count))
            and B.may_be_whole_of(doc.text, it, parts[0].q.start, carriers)
            and not in_note(doc.text, it, parts[0].q.start)  # "11件(含…5件刑事案件)…其中良好4件"
        ]
        heads = [it for it in before[len(parts) :] if not it.label.startswith("占")]
        # "A 635件，占16%，其中B 369件，占比58.1%": the count before its own 其中, share or not;
        # a bare 占比 is of it, a named whole only when no count bears the name
        head = B.among_head(parts[0], heads)
        whole = head if bare else None
        if whole is not None:  # named in the message by the head's words, not the list's
            whole_name = RANK_WORDS.sub("", strip_filler(whole.label))
        if whole is None and len(named) >= 2 and not P.REGION_ONLY.match(named):  # 申请总数: 申请
            whole = next(
                (it for it in rest if B.names_match(named, it.label) and is_level(it)), None
            )
            whole = whole or next(
                (it for it in rest if B.names_stage(whole_name, doc.text, it) and is_level(it)),
                None,
            )
        if P.NEXT_RANKED.match(strip_filler(parts[0].label)):
            rest = []  # "A领域635件，占16%…；其次是B领域369件，占…的9.3%": A is B's sibling
        whole = whole or head
        # "调解员1254名，其中专职372名，占29.7%，兼职…": the count its 其中 refers to
        whole = whole or B.list_head(doc.text, parts[0], before[len(parts) :], carriers)
        whole = whole or next((it for it in rest if B.is_out_of(doc.text, it)), None)  # 在N件中
        whole = whole or next(
            (it for it in rest if is_total(it) and not other_stage(named, it.label)), None
        )
        whole = whole if whole and at_least(whole.q, need) else None
        if whole is None and among:  # "…总产值132.62亿元。其中：农业产值92.78亿元，占…"
            first = next((it for it in previous if it.q.unit == unit and is_level(it)), None)
            first = first if unit is not None else None
            whole = first if first and at_least(first.q, need) else None
        if whole is None:
            earlier = (
                it
                for it in earlier
                if it.q.start not in carriers
                or (named and not B.share_of_named(doc.text, it, carriers, named))
            )
            part = parts[0].q if len(parts) == 1 else B.sum_of([p.q for p in parts])
            whole = inferred_whole(
                unit, need, whole_name, earlier, item.q.start, frame, (part, item.q), doc.text
            )
            inferred = whole is not None
        if whole is not None and wider_scope(whole_name, clause_of(doc.text, whole)):
            whole, inferred = None, False  # "13个市州新收4377件。其中武汉市…，占全省…总数的"
        if whole is not None and other_period(
            whole_name, parts[0].label, clause_of(doc.text, whole)
        ):
            whole, inferred = None, False  # "2012-2014年受理74件。其中：2012年8件，占当年…的0.78%"
        if whole is not None and other_instance(parts[0].label, clause_of(doc.text, whole)):
            whole, inferred = None, False  # "开庭审结662件，其中…一审…撤诉150件，占比21.77%"
    elif (named and not P.REGION_ONLY.match(named)) or whole_name in BARE_NAMES:
        # "其中以市政府各部门为主，占总量的94.11%": no part, but a named whole — its rate
        # must be reachable out of that whole (LA203)
        whole = inferred_whole(None, 0, whole_name, earlier, item.q.start, frame, None, doc.text)
        inferred = whole is not None
    elif scope := scope_of(item.label):
        # "受理的案件中乡镇政府为被申请人的占3.56%": the share is of the count its scope names,
        # and so are the shares after it in its list (named so)
        whole_name = scope
        whole = inferred_whole(None, 0, scope, earlier, item.q.start, frame, None, doc.text)
        inferred = whole is not None
    else:
        whole = kind_of_total(item.label, before) or among_total(doc.text, item, before)
        inferred = False
    notes: tuple[str, ...] = ()
    numerator = None
    if parts:  # with no whole, the part still bounds the wholes that can give the share (LA203)
        numerator = parts[0].q if len(parts) == 1 else B.sum_of([p.q for p in parts])
        if len(parts) > 1:
            notes += ("part is the sum of " + " + ".join(p.q.raw for p in parts),)
    if whole is not None and inferred:
        notes += (f"whole {whole.q.raw} taken from line {doc.line_col(whole.q.start)[0]}",)
        if parts and guessed(whole_name, whole, doc.text):
            notes += (GUESSED_WHOLE,)
    own = strip_filler(parts[0].label) if parts else item.label.split("占", 1)[0]
    if parts and before and REFERS_BACK.fullmatch(before[0].label):  # 上述三类案件
        own = text_between(doc.text, before[0], label_start)
    subject = own + "占" + (whole_name or "比")
    if "占" not in item.label:  # "覆盖人口比例达90.5%": the phrase itself, once
        subject = re.sub(r"(?:分别)?(?:达到?|为|是|保持在?)$", "", strip_filler(own)) or subject
    start = parts[0].q.start - len(parts[0].label) if parts else label_start
    return Claim(
        kind=ClaimKind.RATE,
        subject=subject,
        stated=item.q,
        numerator=numerator,
        denominator=whole.q if whole else None,
        capped=not P.PLAN_WORDS.search(whole_name),
        inferred=inferred,
        notes=notes,
        **place(doc, item.q, start),
    )
