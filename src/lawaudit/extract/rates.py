"""Rate and share claims: a stated % and, where the text gives them, its part and its whole.

"共调处287起，调解成功284起，调处成功率98.96%": the rate's name (调处成功率) ends in a predicate
(成功) that names its numerator's clause (调解成功284起); the whole is an earlier count of the same
unit marked as a total or an intake (共调处287起). "投诉3751件，占比82.13%": a share's part is the
count just before it (or a 、-list of counts), its whole a total stated in the sentence or, failing
that, earlier in the report (then the claim is marked inferred).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from decimal import Decimal
from itertools import pairwise

from lawaudit.arith import range_of
from lawaudit.extract import bases as B
from lawaudit.extract import patterns as P
from lawaudit.extract.context import (
    Item,
    Sentence,
    bigrams,
    clause_before,
    opens_breakdown,
    place,
    strip_filler,
    time_frame,
    words_before,
)
from lawaudit.model import Claim, ClaimKind, Document, Quantity

NAME_PREFIX = re.compile(r"^(?:群众|综合|总体|整体|平均|社会|公众|当事人)")
INFER_WINDOW = 1500  # characters back a bare 占比's whole may be, roughly one section
NAMED_WINDOW = 6000  # a whole named in full ("一般公共预算支出") may be further back
REACH = 24  # numbers before a rate in its sentence that may be its part or whole
WITHIN_REACH = 200  # characters before a share where "在…中" may name its whole


def rate_names(text: str, item: Item, sentence_start: int) -> list[str]:
    """The rate names a % belongs to: one, or several for "办结率、满意率均为100%"."""
    label = item.label
    if P.ALL_EQUAL.search(label):
        clause = clause_before(text, item.q.start, sentence_start)
        return [strip_filler(n) for n in P.RATE_NAME.findall(clause)] or []
    last = label.rfind("率")
    extra = configured_name(label, last)
    if extra is not None:
        return extra
    if last < 0:
        return []
    if P.CHANGE_WORDS.search(label[last:]):
        return []  # "失业率比上年下降0.2%": the % is a change, not the rate
    names = P.RATE_NAME.findall(label[: last + 1])
    return [strip_filler(names[-1])] if names else []


RESPECTIVE_RATES = re.compile(r"分别(?:达到?|为|是|保持在?|提高到|稳定在)$")


def respective_rates(text: str, sent: Sentence) -> dict[int, str]:
    """ "适龄儿童入园率和普惠率分别达96%、88%": the k-th value belongs to the k-th rate named
    before 分别; one name before 分别 belongs to every value ("普及率分别达99.9%、98.7%").
    {value start: rate name}."""
    out: dict[int, str] = {}
    items = sent.items
    for i, item in enumerate(items):
        if not (item.q.is_percent and RESPECTIVE_RATES.search(item.label)):
            continue
        values = B.listed_percents(text, items, i)
        clause = clause_before(text, item.q.start, sent.start)
        names = [strip_filler(n) for n in P.RATE_NAME.findall(clause.rsplit("分别", 1)[0])]
        names = [re.sub(r"^[和及与、]", "", n) for n in names]
        if len(names) == len(values) or len(names) == 1:
            out.update({v.q.start: names[min(k, len(names) - 1)] for k, v in enumerate(values)})
    return out


def first_of_list(text: str, at: int, start: int) -> str:
    """ "先进制造业、高技术制造业增加值占规模以上工业增加值比重分别达56.2%、34.7%": the first
    value's subject is the first name with the words the names share ("先进制造业占规模以上
    工业增加值比重"), not the last name's."""
    clause = clause_before(text, at, start)
    clause = re.sub(r"分别(?:达到?|为|是|保持在?|提高到|稳定在)$", "", clause)
    names = clause.split("、")
    if "占" not in names[-1]:
        return strip_filler(clause)
    tail = "占" + names[-1].split("占", 1)[1]
    return strip_filler(names[0]) + tail


def phrase_of(label: str, name: str) -> str:
    """The words the report uses for a rate: its name with the words before it in its clause
    ("行政机关负责人出庭应诉率", not "政机关负责人出庭应诉率"), but never another rate's name
    ("入园率和普惠率": 普惠率) nor what follows it ("…比重分别达")."""
    at = label.rfind(name)
    if at < 0:
        return name
    head = label[: at + len(name)]
    head = re.split(r"[和及与、]|率", head[:at])[-1] + name if at else name
    return strip_filler(head) or name


def configured_name(label: str, last: int) -> list[str] | None:
    """A configured rate word (满意度) later in the label than any 率: that rate's name."""
    words = P.EXTRA_WORDS.get()[0]
    if not words:
        return None  # the usual configuration: no extra rate words
    ends = [(label.rfind(w) + len(w), w) for w in words if w in label]
    if not ends or max(ends)[0] <= last + 1:
        return None
    end = max(ends)[0]
    if P.CHANGE_WORDS.search(label[end:]):
        return []
    name = re.search(r"[\u4e00-\u9fff]{0,10}$", label[:end])
    return [strip_filler(name.group())] if name else []


def same_unit(a: Quantity, b: Quantity) -> bool:
    return a.unit == b.unit


# Classifiers that count the same items in this family: "接听群众来电8947个，其中转办2274件".
ITEM_UNITS = frozenset({"件", "个", "宗", "起", "条", "单", "件次", "次", "份"})


def comparable(a: Quantity, b: Quantity) -> bool:
    """Counts of one kind of item: the same unit, or two generic item classifiers."""
    return a.unit == b.unit or (a.unit in ITEM_UNITS and b.unit in ITEM_UNITS)


def at_least(whole: Quantity, part_lo) -> bool:
    r = range_of(whole)
    return r.hi is None or r.hi >= part_lo


def is_whole(item: Item) -> bool:
    """Marked as a total (共, 合计, 全年) or an intake (受理, 收到 — but not 收入)."""
    return names_whole(item.label)


@functools.lru_cache(maxsize=4096)  # every builder asks it of the same counts
def names_whole(label: str) -> bool:
    return bool(
        P.TOTAL_MARK.search(label) or (P.INTAKE.search(label) and not P.NOT_INTAKE.search(label))
    )


def predicates(stem: str) -> tuple[str, ...]:
    """The verb a numerator's clause must name: 办结率 -> 办结; 化解成功率 -> 成功 or 化解."""
    last = P.PREDICATE_ALIAS.get(stem[-2:], stem[-2:])
    if last in P.GENERIC_PREDICATE and len(stem) >= 4:
        return (last, stem[-4:-2])
    return (last,)


def pair_rate(
    name: str, before: list[Item], used: set[int], text: str = "", stated: Quantity | None = None
) -> tuple[Item | None, Quantity | None, Item | None]:
    """(numerator's count, numerator, denominator) among the counts before a rate, nearest first.

    A count already used as another rate's numerator in the sentence is not reused: in
    "化解27.3万件，化解成功率99.2%，诉前纠纷化解率29.7%" the second rate has its own base. A
    count of the opposite outcome (不满意3人 for 满意率) gives the numerator as its complement;
    one of a lesser outcome (基本满意) is never the numerator. A numerator under 其中 is measured
    against the count the 其中 refers to.
    """
    stem = NAME_PREFIX.sub("", name[:-1])
    if len(stem) < 2:
        return None, None, None
    verbs = predicates(stem)
    topic = bigrams(stem[:-2]) if len(stem) > 2 else set()
    bare_verb = not B.TIMELY.search(stem)  # 结案率, not 按时结案率: 按时结案597件 is not its part

    def closes(it: Item) -> bool:
        if not (names_verb(it) or (P.CLOSED.search(stem) and P.CLOSED.search(it.label))):
            return False
        return comparable(it.q, numerator.q) and it.q.start not in used

    def names_verb(it: Item, words=B.OPPOSITE) -> bool:
        return any(v in it.label and not B.qualified(v, it.label, words) for v in verbs)

    def can_be_whole(it: Item) -> bool:
        clause = clause_before(text, it.q.start, 0) if text else ""  # across 、: 共受理A、B等诉求
        if is_whole(it) or names_whole(clause) or B.is_out_of(text, it):
            return True
        return bool(topic & bigrams(it.label))

    numerator = next(
        (
            it
            for it in before
            if names_verb(it)
            and not B.qualified(verbs[0], it.label, B.LESSER)
            and not (bare_verb and B.qualified(verbs[0], it.label, B.TIMELY))
            and not is_whole(it)
            and it.q.start not in used
            and not B.is_target(text, it)
        ),
        None,
    )
    negated = None
    if numerator is None:
        negated = next(
            (
                it
                for it in before
                if any(B.qualified(v, it.label) for v in verbs) and it.q.start not in used
            ),
            None,
        )
    part = numerator or negated
    if part is not None:
        lo = range_of(part.q).lo
        rest = before[before.index(part) + 1 :]
        whole = B.among_head(part, rest) if numerator is not None else None
        whole = whole or B.exact_parent(text, part, before)
        under_among = whole is not None
        whole = whole if whole is not None and at_least(whole.q, lo) else None
        whole = whole or next(
            (
                it
                for it in rest
                if comparable(it.q, part.q) and at_least(it.q, lo) and can_be_whole(it)
            ),
            None,
        )
        if whole is None and rest and just_before(text, rest[0], part):
            # "回访工单2713件，市民答复满意2617件，满意率96.5%": the count the numerator's
            # clause follows is what it was counted out of
            near = rest[0]
            ok = comparable(near.q, part.q) and at_least(near.q, lo) and is_level(near)
            ok = ok and not names_verb(near, B.LESSER)  # 非常满意802条，满意163条: siblings
            whole = near if ok and not P.CHANGE_WORDS.search(near.label) else None
        if negated is not None:
            if whole is None:
                return None, None, None
            return negated, B.complement(whole.q, negated.q), whole
        if whole is not None and stated is not None and not under_among:
            # "共受理7227宗，当场答复5113宗，转办2114宗，办结1898宗，办结率97.01%": when the
            # nearest reading fails, the outcomes of one kind together, over the sentence's total
            closers = [it for it in before if it is not whole and closes(it) and not is_whole(it)]
            totals = [
                it.q
                for it in rest
                if it is not whole and P.BARE_TOTAL.search(it.label) and comparable(it.q, part.q)
            ]
            num_q, den_q = B.best_reading(numerator.q, closers, whole.q, totals, stated)
            return numerator, num_q, next(it for it in before if it.q is den_q)
        return numerator, numerator.q, whole
    # No part stated: a whole that names the same activity ("共调处287起" for 调处成功率), or an
    # intake for a completion rate ("受理534件" for 办结率).
    for it in before:
        if topic & bigrams(it.label) and is_whole(it):
            return None, None, it
        if P.INTAKE.search(it.label) and P.CLOSED.search(verbs[0] + "率"):
            return None, None, it
    return None, None, None


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


def share_parts(before: list[Item], text: str, share_label: str, share_start: int) -> list[Item]:
    """The count just before a share, extended back over a 、-list of same-unit counts.

    None when the share names its own subject ("…，全社会研发投入占比6%"): the count before it
    belongs to another clause.
    """
    before = [it for it in before if not P.CHANGE_WORDS.search(it.label)]  # 比上年末增加10.24万人
    if before and REFERS_BACK.fullmatch(before[0].label):
        return listed_before(before, text)
    own = re.sub(r"^在[\u4e00-\u9fff]{2,12}?中", "", share_label.split("占", 1)[0])
    if not before or (len(own) > 2 and own not in before[0].label):
        return []  # "…，全社会研发投入占比6%": the share names a subject of its own
    if not part_next_to_share(text[before[0].q.end : share_start]):
        return []
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
    if any(P.NOT_ADDITIVE.search(p.label) for p in parts):
        return []
    return parts[::-1]


def inferred_whole(
    unit: str | None, need, whole_name: str, earlier: Iterable[Item], start: int, frame=None
) -> Item | None:
    """A total stated before the sentence: one whose label contains the share's named whole
    ("占一般公共预算收入的比重" -> "…一般公共预算收入192.1亿元"), or, for a bare "占比", the
    nearest count marked 共/合计/总计."""
    names = [n for n in dict.fromkeys((whole_name, generic_stripped(whole_name))) if n]
    names = [n for n in names if not P.REGION_ONLY.match(n)]
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
        if len(name) >= 2:
            found = next(
                (it for it in levels if B.names_match(name, it.label) and at_least(it.q, need)),
                None,
            )
            if found:
                return found
    stem = generic_stripped(whole_name)
    if not stem or P.INTAKE.fullmatch(stem):  # a bare 占比, 占总量; 占收案总数: the intake
        bare = (it for it in levels if names_bare_total(it.label) and at_least(it.q, need))
        return next(bare, None)
    return None


def names_bare_total(label: str) -> bool:
    """What a bare 占比 may refer to: a count marked 共/合计/总计, or an intake (受理, 收到)."""
    if P.BARE_TOTAL.search(label):
        return True
    return bool(P.INTAKE.search(label)) and not P.NOT_INTAKE.search(label)


def generic_stripped(name: str) -> str:
    """ "出口总额" -> "出口", "全部工单" -> "工单": the noun a whole's label will contain."""
    return re.sub(r"^(?:全部|全)|(?:总量|总数|总额|总和|总)$", "", name)


def is_level(item: Item) -> bool:
    """A count that can be a whole: a level, not a change, an average or a subset."""
    return names_level(item.label)


@functools.lru_cache(maxsize=4096)  # asked again of the same counts by rates, totals, structure
def names_level(label: str) -> bool:
    return not (
        P.CHANGE_WORDS.search(label) or P.NOT_ADDITIVE.search(label) or P.SUBSET.search(label)
    )


def rate_claims(doc: Document, sentences: list[Sentence]) -> list[Claim]:
    counts = [it for sent in sentences for it in sent.items if it.is_count]
    carriers = B.share_carriers(doc.text, sentences)
    claims = list(find_rate_claims(doc, sentences, carriers))
    claims = B.one_whole_per_list(claims, doc.text, counts, carriers)
    return check_inferred_wholes(claims)


def check_inferred_wholes(claims: list[Claim]) -> list[Claim]:
    """Drop a guessed whole that most of its shares contradict.

    Shares whose whole was taken from earlier text are grouped by that whole; when most of a
    group's shares imply a different whole (part / share differs from it by more than 2%), the
    guess was wrong, not the report: the group is left unpaired, with a note.
    """
    groups: dict[int, list[int]] = {}
    for i, c in enumerate(claims):
        if c.inferred and c.denominator is not None:
            groups.setdefault(c.denominator.start, []).append(i)
    for members in groups.values():
        if len(members) < 2:
            continue
        off = [i for i in members if not agrees(claims[i])]
        if 2 * len(off) <= len(members):
            continue
        for i in members:
            c = claims[i]
            note = (
                f"whole {c.denominator.raw} from earlier text does not fit most shares; not paired"
            )
            claims[i] = replace(c, numerator=None, denominator=None, inferred=False, notes=(note,))
    return claims


def agrees(c: Claim) -> bool:
    if not (c.numerator and c.denominator and c.stated) or c.stated.value <= 0:
        return False
    implied = c.numerator.value * 100 / c.stated.value
    return abs(implied - c.denominator.value) <= c.denominator.value * Decimal("0.02")


def find_rate_claims(
    doc: Document, sentences: list[Sentence], carriers: set[int]
) -> Iterator[Claim]:
    text = doc.text
    earlier: list[Item] = []  # counts of previous sentences, in order (read from the end)
    used: set[int] = set()  # numerators already taken in this sentence
    aliases = {m.group(2): m.group(1) for m in P.WHOLE_ALIAS.finditer(text)}
    frame = time_frame(text)
    previous: list[Item] = []  # counts of the last sentence that had any, in order
    for sent in sentences:
        if not sent.items:
            continue
        list_whole = ""
        listed = B.respective_pairs(text, sent.items)
        respective = respective_rates(text, sent)
        for idx, item in enumerate(sent.items):
            if not item.q.is_percent:
                continue
            if item.q.start in listed:  # "A 1269件；…B 570件，分别占…的15.0%、…、4.5%"
                count, name = listed[item.q.start]
                earlier_counts = reversed(earlier)
                whole = inferred_whole(
                    None, count.q.value, name, earlier_counts, item.q.start, frame
                )
                yield respective_share(doc, item, count, name, whole)
                continue
            nearby = sent.items[max(0, idx - REACH) : idx]  # a claim's numbers stand close together
            before = [it for it in nearby[::-1] if it.is_count or bare_count(text, it, item)]
            if not before and is_integer_run(nearby):
                # "审结4696，其中纠错191，纠错率4.1%": no units at all
                before = [it for it in nearby[::-1] if not it.q.is_percent]
            inline = inline_share(doc, item, before)
            if inline is not None:
                yield inline
                continue
            words, words_start = words_before(text, item, sent.start)
            named = item.relabelled(words)
            if P.NOT_A_CLAIM.search(named.label):
                continue
            names = rate_names(text, named, sent.start)
            share = not names and P.SHARE_WORDS.search(named.label)
            if item.q.start in respective:
                names = [respective[item.q.start]]  # "入园率和普惠率分别达96%、88%": by position
            if names:
                for name in names:
                    by, num, den = pair_rate(name, before, used, text, item.q)
                    if by is not None:
                        used.add(by.q.start)
                    claim = rate_claim(doc, item, name, by, num, den)
                    yield replace(claim, subject=phrase_of(named.label, name))
            elif share and B.RESPECTIVE_SHARE.search(named.label):
                continue  # 分别占 with lists of unequal length (cut off): no pairing to trust
            elif share and not P.CHANGE_WORDS.search(named.label):
                among = opens_with_among(text, sent)
                whole_hint = hint_for_whole(text, named, sent, aliases) or list_whole
                recent = reversed(earlier)  # nearest first
                claim = share_claim(
                    doc,
                    named,
                    before,
                    recent,
                    previous,
                    among,
                    whole_hint,
                    frame,
                    words_start,
                    carriers,
                )
                # "A 60件，占收到申请总数的1%；B 421件，占6.8%": a bare 占 later in the list
                # shares the whole its first item named.
                list_whole = list_whole or named_whole(claim)
                if RESPECTIVE_RATES.search(named.label):  # "A、B…占…比重分别达X%、Y%": X is A's
                    claim = replace(claim, subject=first_of_list(text, item.q.start, sent.start))
                yield claim
        used.clear()
        counts = [it for it in sent.items if it.is_count]
        # Appended, not put in front: the list holds every count of the document so far.
        earlier += [  # read through notes: "支出(含上级转移支付支出)完成352亿元"
            it.relabelled(words_before(text, it, sent.start)[0]) for it in counts
        ]
        if counts and not opens_breakdown(text, sent):  # 其中 refers to the headline
            previous = counts


def just_before(text: str, whole: Item, part: Item) -> bool:
    """Only one clause break between the whole's number and the part's label."""
    gap = text[whole.q.end : part.q.start - len(part.label)]
    return len(gap) <= 1 and gap in ("", "，", ",", "；", ";")


def is_integer_run(items: list[Item]) -> bool:
    """Two or more plain integers with no unit and nothing else counted in the sentence."""
    plain = [it for it in items if not it.q.is_percent]
    return len(plain) >= 2 and all(
        not it.q.unit and not it.q.decimals and it.q.scale == 1 and not it.q.qualifier
        for it in plain
    )


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


BARE_NAMES = frozenset({"总量", "总数", "总额", "全部", "总和"})  # 占总量的: the total in scope


def respective_share(doc, item: Item, count: Item, name: str, whole: Item | None) -> Claim:
    """The k-th share of a 分别占 list, paired with the k-th count listed before it."""
    notes = (
        (f"whole {whole.q.raw} taken from line {doc.line_col(whole.q.start)[0]}",) if whole else ()
    )
    return Claim(
        kind=ClaimKind.RATE,
        subject=f"{strip_filler(count.label)}占{name}",
        stated=item.q,
        numerator=count.q,
        denominator=whole.q if whole else None,
        capped=not P.PLAN_WORDS.search(name),
        inferred=whole is not None,
        notes=notes,
        **place(doc, item.q, item.q.start - len(item.label)),
    )


def named_whole(share: Claim) -> str:
    """The whole a share claim names in words ("收到申请总数"), "" for a bare 占比."""
    name = share.subject.rsplit("占", 1)[-1]
    return "" if name in ("比", "") else name


def rate_claim(
    doc, item: Item, name: str, by: Item | None, num: Quantity | None, den: Item | None
) -> Claim:
    first = den or by or item
    label_start = first.q.start - len(first.label)
    notes: tuple[str, ...] = ()
    if num is not None and " − " in num.raw:
        notes = (f"the numerator is the whole less the count of the opposite: {num.raw}",)
    elif num is not None and " + " in num.raw:
        notes = (f"the numerator is the outcomes of its kind together: {num.raw}",)
    return Claim(
        kind=ClaimKind.RATE,
        subject=name,
        stated=item.q,
        notes=notes,
        numerator=num,
        denominator=den.q if den else None,
        capped=P.is_capped(name),
        **place(doc, item.q, label_start),
    )


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
    carriers: frozenset[int] | set[int] = frozenset(),
) -> Claim:
    if label_start is None:
        label_start = item.q.start - len(item.label)
    parts = share_parts(before, doc.text, item.label, label_start)
    need = sum(range_of(p.q).lo for p in parts) if parts else 0
    whole, inferred = None, False
    after = item.label.split("占", 1)[-1].removeprefix("到").removeprefix("据")  # 占到, 占据
    if "占" not in item.label:  # "…覆盖人口比例达90.5%": a share of no named whole
        after = ""
    whole_name = re.sub(r"(?:的?(?:比重|比例)|比)(?:为|是|达到?)?$", "", after).removesuffix("的")
    whole_name = whole_name or hint
    named = generic_stripped(whole_name)
    if parts:
        unit = parts[0].q.unit or None  # None: a bare integer, of the whole's unit
        rest = [
            it
            for it in before[len(parts) :]
            if (it.q.unit == unit or (unit is None and it.is_count))
            and B.may_be_whole_of(doc.text, it, parts[0].q.start, carriers)
        ]
        if len(named) >= 2 and not P.REGION_ONLY.match(named):  # "占申请总数的": 申请
            whole = next(
                (it for it in rest if B.names_match(named, it.label) and is_level(it)), None
            )
        else:
            whole = None
        whole = whole or next((it for it in rest if is_total(it)), None)
        whole = whole if whole and at_least(whole.q, need) else None
        if whole is None and among:  # "…总产值132.62亿元。其中：农业产值92.78亿元，占…"
            first = next((it for it in previous if it.q.unit == unit and is_level(it)), None)
            first = first if unit is not None else None
            whole = first if first and at_least(first.q, need) else None
        if whole is None:
            earlier = (it for it in earlier if it.q.start not in carriers or named)
            whole = inferred_whole(unit, need, whole_name, earlier, item.q.start, frame)
            inferred = whole is not None
    elif (named and not P.REGION_ONLY.match(named)) or whole_name in BARE_NAMES:
        # "其中以市政府各部门为主，占总量的94.11%": no part, but a named whole — its rate
        # must be reachable out of that whole (LA203)
        whole = inferred_whole(None, 0, whole_name, earlier, item.q.start, frame)
        inferred = whole is not None
    notes: tuple[str, ...] = ()
    numerator = None
    if parts:  # with no whole, the part still bounds the wholes that can give the share (LA203)
        numerator = parts[0].q if len(parts) == 1 else B.sum_of([p.q for p in parts])
        if len(parts) > 1:
            notes += ("part is the sum of " + " + ".join(p.q.raw for p in parts),)
    if whole is not None and inferred:
        notes += (f"whole {whole.q.raw} taken from line {doc.line_col(whole.q.start)[0]}",)
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


def is_total(item: Item) -> bool:
    """A count marked as a total that can be a whole."""
    return is_whole(item) and is_level(item)
