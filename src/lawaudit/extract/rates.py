"""Rate and share claims: a stated % and, where the text gives them, its part and its whole.

"共调处287起，调解成功284起，调处成功率98.96%": the rate's name (调处成功率) ends in a predicate
(成功) that names its numerator's clause (调解成功284起); the whole is an earlier count of the same
items marked as a total or an intake (共调处287起), what a 其中 refers to, or the count the
numerator's clause follows. A count of the opposite outcome gives the numerator as a complement
(不满意3人 → (200 − 3) / 200). Shares ("占比82.13%") take their part and whole in share_parts.py;
bases.py has the rules that choose a base by meaning and by the arithmetic of a whole list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from lawaudit.arith import DEFAULT_MODES, numerators_for, range_of
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
from lawaudit.extract.counts import (
    at_least,
    comparable,
    is_level,
    is_whole,
    names_whole,
    takes_in,
)
from lawaudit.extract.lone_whole import handled_whole, verb_after
from lawaudit.extract.share_parts import (
    GUESSED_WHOLE,
    bare_count,
    hint_for_whole,
    inferred_whole,
    inline_share,
    named_whole,
    opens_with_among,
    respective_share,
    share_claim,
)
from lawaudit.model import Claim, ClaimKind, Document, Quantity

NAME_PREFIX = re.compile(r"^(?:群众|综合|总体|整体|平均|社会|公众|当事人)")
OF_DECIDED = re.compile(f"{B.DECIDED.pattern}|化解")  # rates of the cases decided
CHANGE_RATE = re.compile(f"(?:{P.CHANGE_RATE})$")
REACH = 24  # numbers before a rate in its sentence that may be its part or whole


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
    if names and CHANGE_RATE.search(names[-1]):
        return []  # "比10月份增加33件，环比增加率为10.12%": a change (changes.py)
    if names and SHARE_RATE.fullmatch(strip_filler(names[-1])):
        return []  # "投诉类2954件，占比率达80.80%": a share, read as one
    return [strip_filler(names[-1])] if names else []


def banded(text: str, q: Quantity) -> bool:
    """ "回复满意率90%以下的单位4家", "满意率在80%-90%的单位": the % bounds a band of units."""
    if q.qualifier in ("以上", "以下") and BAND_OWNER.match(text, q.end):
        return True
    return BAND.match(text, q.end) is not None


BAND_OWNER = re.compile(r"[^，,。；;\d]{0,8}?的")
BAND = re.compile(r"(?:及?以上|及?以下|以内|[-—~至][\d.%]{0,6})[^，,。；;\d]{0,8}?的")
SHARE_RATE = re.compile(r"(?:所?占)?(?:比率|比例率|占有率)|占比率")


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
    head = re.split(r"[和与、]|及(?!时)|率", head[:at])[-1] + name if at else name
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


COMPOUND = re.compile(r"[\u4e00-\u9fff][及和与][\u4e00-\u9fff]")
LESSER_RATE = re.compile(r"(?:基本|比较)[\u4e00-\u9fff]{2}$")
NEGATED_RATE = re.compile(r"(?:不|未|逾期|超期)(?:按期|按时|及时)?[\u4e00-\u9fff]{2}$")


def predicates(stem: str) -> tuple[str, ...]:
    """The verb a numerator's clause must name: 办结率 -> 办结; 化解成功率 -> 成功 or 化解; a rate
    of the opposite outcome names it whole: 不满意率 -> 不满意, 未办结率 -> 未办结 (its part is
    that count itself, never the whole less it)."""
    negated = NEGATED_RATE.search(stem) or LESSER_RATE.search(stem)
    if negated and not COMPOUND.search(stem):  # 不满意率 -> 不满意; 基本满意率 -> 基本满意
        return (negated.group(),)
    last = stem[-2:]
    if last in P.GENERIC_PREDICATE and len(stem) >= 4:
        return (last, stem[-4:-2])
    alias = P.PREDICATE_ALIAS.get(last)
    return (alias, last) if alias else (last,)


def bracket_outcomes(label: str, name: str, before: list[Item]) -> list[Item]:
    """ "维持1313件、驳回572件，维持率(驳回、维持)为61.08%": the outcomes a rate's bracket names
    are its part together, each the nearest count so named."""
    m = re.search(re.escape(name) + r"[(（]([\u4e00-\u9fff、和及与]{4,24})[)）]", label)
    if m is None:
        return []
    found = []
    for word in re.split("[、和及与]", m.group(1)):
        it = next((it for it in before if word and strip_filler(it.label).endswith(word)), None)
        if it is None or (found and not comparable(it.q, found[0].q)):
            return []
        found.append(it)
    return sorted(found, key=lambda it: it.q.start) if len(found) >= 2 else []


def stated_total_of(it: Item, part: Quantity, lo) -> bool:
    """A count named a total (总数, 合计, 共) between a rate's part and the rate: its whole."""
    return comparable(it.q, part) and at_least(it.q, lo) and bool(P.BARE_TOTAL.search(it.label))


SCOPE_WORDS = re.compile(r"全年|全[镇县市区省]")


def marked_whole(it: Item) -> bool:
    """Marked as a total or an intake by more than its scope: "全年全县行政机关负责人出庭应诉案件
    87件" is the part of an 出庭应诉率, though 全年 marks totals elsewhere."""
    return is_whole(it) and names_whole(SCOPE_WORDS.sub("", it.label))


PLAN_DONE = re.compile(r"[，,]\s*完成率(?:为|达到?|是)?")


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
        named = names_verb(it) or (P.CLOSED.search(stem) and P.CLOSED.search(it.label))
        # "良好4件、合格7件，合格率100%": a better grade passes too (合格以上)
        better = stem.endswith("合格") and BETTER_GRADE.search(it.label)
        if not (named or better):
            return False
        return comparable(it.q, numerator.q) and it.q.start not in used

    def names_verb(it: Item, words=B.OPPOSITE) -> bool:
        return any(v in it.label and not B.qualified(v, it.label, words) for v in verbs)

    decided = bool(B.DECIDED.search(stem))  # 纠错率: out of the cases decided
    surveyed = bool(P.SURVEYED.search(stem))  # 满意率: out of those asked (回访)
    # "满意及基本满意率": two outcomes together; its first may be another rate's part too
    compound = bool(COMPOUND.search(stem[:-2]))

    def can_be_whole(it: Item) -> bool:
        clause = clause_before(text, it.q.start, 0) if text else ""  # across 、: 共受理A、B等诉求
        if is_whole(it) or names_whole(clause) or B.is_out_of(text, it):
            return True
        if surveyed and P.ASKED.search(it.label):
            return True  # "回访3216件…基本满意118件，基本满意率3.7%": of those asked
        return bool(topic & bigrams(it.label))

    def names_part(it: Item) -> bool:
        if text and verb_after(text, it, verbs):
            return True  # "累计42人持证，持证率80.8%"
        return (
            names_verb(it)
            and not B.qualified(verbs[0], it.label, B.LESSER)
            and not (bare_verb and B.qualified(verbs[0], it.label, B.TIMELY))
            and (bare_verb or B.TIMELY.search(it.label) is not None)  # 按期办结率: 按期办结…
            and (not marked_whole(it) or closed_total(it) or names_intake_rate(verbs[0], it))
        )

    numerator = next(
        (
            it
            for it in before
            if names_part(it) and (it.q.start not in used or compound) and not B.is_target(text, it)
        ),
        None,
    )
    if numerator is None and stem == "完成" and before and stated is not None:
        # "法律援助案件办结89件，完成率82.21%": a bare 完成率 right after a count is of that
        # count, against a plan the text may not state
        numerator = before[0] if PLAN_DONE.fullmatch(text, before[0].q.end, stated.start) else None
    if numerator is None and P.CLOSED.search(stem):  # 结案率 of "审结402件": one closing, two words
        numerator = next(
            (
                it
                for it in before
                if closed_count(it)
                and not is_whole(it)
                and not B.OPPOSITE.search(it.label)  # 逾期办结: the opposite, a complement
                and bool(B.TIMELY.search(it.label)) != bare_verb  # 按时结案 only for 按时结案率
                and it.q.start not in used
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
        whole = B.among_head(part, rest)  # "办结1000件，其中逾期办结15件": of the 1000
        whole = whole or B.exact_parent(text, part, before)
        under_among = whole is not None  # the whole is fixed: no other reading is tried
        # "…，其中满意3052件、基本满意118件": a later part of the list, of the same count; but
        # other readings stay open ("其中开庭审理148件，负责人出庭应诉142件": 142 / 148)
        whole = whole or B.among_before(text, part, rest)
        if whole is None and decided:  # "受理45件，审结42件，…纠错7件，纠错率16.7%": 7 / 42
            whole = first_closed(rest, part.q)
        whole = whole if whole is not None and at_least(whole.q, lo) else None
        # "举报270件，…，占受理总量的7.2%；截至目前已办结反馈176件，办结反馈率65.2%": the
        # category the clause before names, its share beside it
        whole = whole or category_before(text, part, rest, lo)
        whole = whole or next(
            (
                it
                for it in rest
                if comparable(it.q, part.q)
                and at_least(it.q, lo)
                and can_be_whole(it)
                and not same_measure(it, part, verbs)  # 投诉…已办结反馈595件；举报…已办结反馈176件
            ),
            None,
        )
        if whole is None and rest and just_before(text, rest[0], part):
            # "回访工单2713件，市民答复满意2617件，满意率96.5%": the count the numerator's
            # clause follows is what it was counted out of
            near = rest[0]
            ok = comparable(near.q, part.q) and at_least(near.q, lo) and is_level(near)
            ok = ok and not names_verb(near, B.LESSER)  # 非常满意802条，满意163条: siblings
            ok = ok and not (surveyed and P.SURVEYED.search(near.label))  # 满意3052件，基本满意…
            whole = near if ok and not P.CHANGE_WORDS.search(near.label) else None
        if whole is None:  # "出庭应诉案件87件，行政诉讼案件总数92件，出庭应诉率94.6%"
            after_part = before[: before.index(part)]
            whole = next((it for it in after_part if stated_total_of(it, part.q, lo)), None)
        if negated is not None:
            if whole is None:
                return None, None, None
            return negated, B.complement(whole.q, negated.q), whole
        if whole is not None and stated is not None:
            # "共受理7227宗，当场答复5113宗，转办2114宗，办结1898宗，办结率97.01%": when the
            # nearest reading fails, the outcomes of one kind together, over the sentence's total
            closers = [it for it in before if it is not whole and closes(it) and not is_whole(it)]
            opposite = next(
                (it.q for it in before if any(B.qualified(v, it.label) for v in verbs)), None
            )
            # under 其中 the whole is fixed ("审结140件，其中纠错31件，纠错率19.9%" fails on 140,
            # though 31 / 156 would give it); only the numerator may be read otherwise
            totals = [] if under_among else other_wholes(text, part, whole, rest, bare_verb, verbs)
            withdrawn = None
            if B.JUDGED_RATE.search(stem):
                withdrawn = next((it.q for it in before if B.WITHDRAWN.search(it.label)), None)
            num_q, den_q = B.best_reading(
                numerator.q, closers, whole.q, totals, stated, opposite, withdrawn
            )
            den_item = next((it for it in before if it.q is den_q), None)
            return numerator, num_q, den_item or Item(den_q, whole.label, whole.sentence)
        return numerator, numerator.q, whole
    # No part stated: a whole that names the same activity ("共调处287起" for 调处成功率), or an
    # intake for a completion rate ("受理534件" for 办结率); the cases decided for the rate of
    # a decision ("审结1198件，…败诉率8.6%").
    if decided and (done := first_closed(before, None)):
        near = before[0] if before else None
        head = B.among_before(text, near, before[1:]) if near and near is not done else None
        if head is not None and head.q.start == done.q.start == before[1].q.start:
            # "审结1393件，其中改判、发回重审…1041件，改变率74.7%": the one outcome its 其中 lists
            return near, near.q, done
        return None, None, reachable_whole(done, before, stated)
    timely = bool(B.TIMELY.search(stem)) and P.CLOSED.search(verbs[0] + "率") is not None
    for it in before:
        if topic & bigrams(it.label) and is_whole(it):
            return None, None, it
        if timely and closed_count(it) and not B.TIMELY.search(it.label) and not is_whole(it):
            return None, None, it  # "办结241件，…按期办结率74.69%": of the cases closed
        if P.INTAKE.search(it.label) and P.CLOSED.search(verbs[0] + "率"):
            return None, None, it
    return None, None, None


def rate_claims(doc: Document, sentences: list[Sentence]) -> list[Claim]:
    counts = [it for sent in sentences for it in sent.items if it.is_count]
    carriers = B.share_carriers(doc.text, sentences)
    claims = list(find_rate_claims(doc, sentences, carriers))
    claims = B.one_whole_per_list(claims, doc.text, counts, carriers)
    return [averaged(doc.text, c) for c in check_inferred_wholes(claims)]


SUCCESS_RATE = re.compile(r"([\u4e00-\u9fff]{2,4})成功率$")


def unstated_activity(name: str, whole: Item) -> bool:
    """A success rate (调解成功率) is of the cases that activity took on; a whole whose words
    do not name the activity (受理183件) is the nearest stand-in, not what the rate names."""
    m = SUCCESS_RATE.search(name)
    return m is not None and m.group(1) not in whole.label


def category_before(text: str, part: Item, rest: list[Item], lo) -> Item | None:
    """The count opening the ；-clause just before a closed count's clause, when that count is
    no outcome itself: the category whose cases the part closed."""
    if not rest or not P.CLOSED.search(part.label):
        return None
    near = rest[0]
    gap = text[near.q.end : part.q.start - len(part.label)]
    if gap.count("；") + gap.count(";") != 1 or "。" in gap or P.CLOSED.search(near.label):
        return None
    return near if comparable(near.q, part.q) and at_least(near.q, lo) else None


def same_measure(it: Item, part: Item, verbs: tuple[str, ...]) -> bool:
    """Another count named by the part's own verb, with no intake or total word of its own
    ("已办结反馈595件" before "已办结反馈176件"): the same measure of an earlier category,
    never the whole the part is a share of."""
    return (
        verbs[0] in it.label
        and verbs[0] in part.label
        and not is_whole(it)
        and not P.INTAKE.search(it.label)
    )


def check_inferred_wholes(claims: list[Claim]) -> list[Claim]:
    """Drop a guessed whole that most of its shares contradict.

    Shares whose whole was taken from earlier text are grouped by that whole; when most of a
    group's shares imply a different whole (part / share differs from it by more than 2%), the
    guess was wrong, not the report: the group is left unpaired, with a note. So is a lone
    share of the nearest total before it, when no words name its whole and the whole it
    implies is more than a quarter off.
    """
    groups: dict[int, list[int]] = {}
    for i, c in enumerate(claims):
        if c.inferred and c.denominator is not None and c.numerator is not None:
            groups.setdefault(c.denominator.start, []).append(i)  # a share with no part: LA203
    for members in groups.values():
        if len(members) < 2:
            # one share: a whole its words name is the report's, and so is a guess it is
            # near; a quarter off, the guess was wrong (a typo rarely moves a share so far)
            lone = claims[members[0]]
            if GUESSED_WHOLE not in lone.notes or agrees(lone, Decimal("0.25")):
                continue
        off = [i for i in members if not agrees(claims[i])]
        if 2 * len(off) <= len(members) or counts_make(claims, members):
            continue  # most fit, or the counts add up to the whole: the shares are wrong
        for i in members:
            c = claims[i]
            note = (
                f"whole {c.denominator.raw} from earlier text does not fit most shares; not paired"
            )
            claims[i] = replace(c, numerator=None, denominator=None, inferred=False, notes=(note,))
    return claims


def counts_make(claims: list[Claim], members: list[int]) -> bool:
    """The shares' counts add up exactly to their guessed whole ("收到来信139件…住房保障43件
    (30.2%)；…感谢信1件(0.7%)": 43 + … + 1 = 139): the list is that whole's breakdown, so a
    share that does not fit it is the report's error, not the guess's."""
    whole = claims[members[0]].denominator
    lists: dict[int, list] = {}  # one list a line: two lists may cut the same whole
    for i in members:
        lists.setdefault(claims[i].line, []).append(claims[i].numerator)
    for nums in lists.values():
        if whole is None or any(n is None or n.rounded or n.approximate for n in nums):
            return False
        if len(nums) < 2 or sum(n.value for n in nums) != whole.value:
            return False
    return True


def agrees(c: Claim, within: Decimal = Decimal("0.02")) -> bool:
    """The whole the share implies (part / share) is within `within` of the claim's whole."""
    if not (c.numerator and c.denominator and c.stated) or c.stated.value <= 0:
        return False
    implied = c.numerator.value * 100 / c.stated.value
    return abs(implied - c.denominator.value) <= c.denominator.value * within


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
        counted_after = B.counts_after_shares(text, sent.items)  # "…占13.38%，分别为N件…"
        listed.update(counted_after)
        respective = respective_rates(text, sent)
        for idx, item in enumerate(sent.items):
            if not item.q.is_percent:
                continue
            if item.q.start in listed:  # "A 1269件；…B 570件，分别占…的15.0%、…、4.5%"
                count, name, head = listed[item.q.start]
                if head is not None:  # "受理200件，甲类120件、乙类80件，分别占60%和40%"
                    yield respective_share(doc, item, count, name, head, inferred=False)
                    continue
                earlier_counts = reversed(earlier)
                whole = inferred_whole(
                    None, count.q.value, name, earlier_counts, item.q.start, frame
                )
                claim = respective_share(doc, item, count, name, whole)
                if item.q.start in counted_after:  # named by the share's words, not the count's
                    own = strip_filler(item.label.split("占", 1)[0])
                    claim = replace(claim, subject=f"{own}占{name or '比'}")
                yield claim
                continue
            nearby = sent.items[max(0, idx - REACH) : idx]  # a claim's numbers stand close together
            before = [it for it in nearby[::-1] if it.is_count or bare_count(text, it, item)]
            # "其中纠错(含撤销、确认违法)29件": a count's words read through the note before it
            before = [noted(text, it, sent.start) for it in before]
            if not before and is_integer_run(nearby):
                # "审结4696，其中纠错191，纠错率4.1%": no units at all
                before = [it for it in nearby[::-1] if not it.q.is_percent]
            inline = inline_share(doc, item, before)
            if inline is not None:
                yield inline
                continue
            words, words_start = words_before(text, item, sent.start)
            if bracketed_share(text, item, before):
                words = "占"  # "住房保障43件(30.2%)": a count's share in brackets, 占 unwritten
            elif share_head := share_clause_before(text, words_start, item, sent.start):
                words, words_start = share_head + words, words_start - len(share_head)
            named = item.relabelled(words)
            if P.NOT_A_CLAIM.search(named.label) or banded(text, item.q):
                continue  # "满意率90%以下的单位4家": a band that counts units, no claim
            names = rate_names(text, named, sent.start)
            share = not names and P.SHARE_WORDS.search(named.label)
            if item.q.start in respective:
                names = [respective[item.q.start]]  # "入园率和普惠率分别达96%、88%": by position
            if names:
                for name in names:
                    by, num, den = pair_rate(name, before, used, text, item.q)
                    written = text[words_start : item.q.start]  # its notes too
                    if together := bracket_outcomes(written, name, before):
                        by, num = together[0], B.sum_of([it.q for it in together])
                    possible = False
                    if by is None:  # "接听2772个，转办451件，按期办结率97%": of the 451
                        near, possible = handled_whole(text, name, before, words_start)
                        den = near or den
                    if by is not None:
                        used.add(by.q.start)
                    scoped = None
                    if by is not None and den is None:  # "在办结的…案件中，维持…，维持率62%"
                        den = scoped = B.scope_whole(text, sent.start, earlier)
                    if by is not None and den is None and name.endswith("受理率"):
                        den = scoped = B.received_before(by, earlier)  # 新收…。受理…
                    if by is not None and den is None and OF_DECIDED.search(name):
                        # "共审结12195件。直接纠错1639件，直接纠错率13.4%": of those decided
                        done = first_closed(previous[::-1], by.q)
                        gap = text[done.q.end : sent.start] if done else ""
                        if done and "\n" not in gap and gap.count("。") <= 1:  # the sentence before
                            den = scoped = done
                    claim = rate_claim(doc, item, name, by, num, den)
                    if by is not None and den is not None and unstated_activity(name, den):
                        # "受理183件，…调解成功92件，调解成功率38.17%": of those mediated, unstated
                        note = (
                            f"the cases of {name[:-3]} are not stated; measured against {den.q.raw}"
                        )
                        claim = replace(claim, inferred=True, notes=(*claim.notes, note))
                    if scoped is not None:
                        line = doc.line_col(scoped.q.start)[0]
                        note = f"whole {scoped.q.raw} taken from line {line}"
                        claim = replace(claim, inferred=True, notes=(*claim.notes, note))
                    if by is not None and num is by.q and den and timely_of_closed(name, den):
                        note = f"whole: the {den.q.raw} closed, of which {by.q.raw} in time"
                        claim = replace(claim, notes=(*claim.notes, note))
                    if possible:
                        note = f"{den.q.raw} handled; {name} may be of fewer (those who rated)"
                        claim = replace(claim, possible_whole=True, notes=(*claim.notes, note))
                    if by is not None and den is None and opens(sent, by) and P.CLOSED.search(name):
                        claim = intake_before(doc, claim, previous)
                    yield replace(claim, subject=phrase_of(named.label, name))
            elif share and B.RESPECTIVE_SHARE.search(named.label):
                # "A、B两类，分别占案件总数84.6%、15.6%": with no counts, each share is only
                # bounded by the whole it names (LA203); with counts of another number than
                # the shares (a list cut off), there is no pairing to trust
                if not before and NAMED_RESPECTIVE.search(named.label):
                    for it in share_run(text, sent.items, idx):
                        yield share_claim(
                            doc,
                            it.relabelled(named.label),
                            [],
                            reversed(earlier),
                            previous,
                            False,
                            "",
                            frame,
                            words_start,
                            carriers,
                        )
                continue
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


SHARE_HEAD = re.compile(r"占[^，,。；;：:%\d]{1,16}[，,]$")
BARE_VERB = ("达", "达到", "为", "是")


def share_clause_before(text: str, start: int, item: Item, floor: int) -> str:
    """ "140件，占受理案件数比例最高，达92.71%": the share's 占 stands in the clause before the
    bare verb of its figure; the two clauses are one share's words ("" when they are not)."""
    if text[start : item.q.start] not in BARE_VERB:
        return ""
    head = SHARE_HEAD.search(text, max(floor, start - 20), start)
    return text[head.start() : start] if head else ""


NAMED_RESPECTIVE = re.compile(r"分别占[^，,。；;%\d]{2,20}")  # 分别占 and the whole it names


BETTER_GRADE = re.compile(r"优秀|良好|优良")  # grades above 合格, which a 合格率 counts too
# A rate averaged over years or units ("平均", "年均") is not one count over another: its figure
# cannot be recomputed from the totals beside it.
AVERAGED = re.compile(r"平均|年均|月均|日均")


def averaged(text: str, c: Claim) -> Claim:
    """A rate or share said to be an average ("调解成功率平均86.18%", "年均占案件总数的74.13%")
    may be a mean of yearly or units' rates, not one count over another: a pairing that does
    not give it is a doubt, not a failure (`possible_whole`). "平均主动公开率" is often the
    plain total ratio, so the pairing is kept."""
    if c.kind is not ClaimKind.RATE or c.stated is None or c.denominator is None:
        return c
    words = text[max(0, c.stated.start - 16) : c.stated.start]
    words = words.rsplit("。", 1)[-1].rsplit("；", 1)[-1]
    if not AVERAGED.search(words) or P.CHANGE_WORDS.search(words):
        return c
    note = "said to be an average (平均): it may not be one count over another"
    return replace(c, possible_whole=True, notes=(*c.notes, note))


def share_run(text: str, items: tuple[Item, ...], idx: int) -> list[Item]:
    """The % at `idx` and the ones listed after it ("84.6%、15.6%和…"); none when the list goes
    on past them."""
    run = [items[idx]]
    for it in items[idx + 1 :]:
        if not it.q.is_percent or text[run[-1].q.end : it.q.start] not in ("、", "和", "及", "，"):
            break
        run.append(it)
    if text[run[-1].q.end : run[-1].q.end + 1] in ("、", "和", "及"):
        return []  # "…15.0%、10.8%、" cut off: the list goes on past what was read
    return run


def noted(text: str, it: Item, floor: int) -> Item:
    """The count with its words read through a bracketed note that ends right before it."""
    if it.label or it.q.start < 1 or text[it.q.start - 1] not in ")）":
        return it
    return it.relabelled(words_before(text, it, floor)[0])


def bracketed_share(text: str, item: Item, before: list[Item]) -> bool:
    """A bare % in brackets right after a count ("住房保障43件(30.2%)；物业服务17件(12.3%)") is
    that count's share of the list's whole, as if 占 were written."""
    if not before or item.q.start < 1 or text[item.q.start - 1] not in "(（":
        return False
    after = text[item.q.end : item.q.end + 1]
    return after in (")", "）") and before[0].q.end == item.q.start - 1


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


def names_intake_rate(verb: str, it: Item) -> bool:
    """ "受话2083件次，转办1145件次，转办率54.97%": the part of a rate named by an intake verb
    (转办率, 受理率) is the count that verb names, though it marks intakes elsewhere."""
    return bool(P.INTAKE.fullmatch(verb)) and verb in it.label and not P.TOTAL_MARK.search(it.label)


def other_wholes(
    text: str, part: Item, whole: Item, rest: list[Item], bare_verb: bool, verbs: tuple[str, ...]
) -> list[Quantity]:
    """Wholes the text also gives a rate, tried when the one read does not give it: the
    sentence's total (共…); the count the numerator's clause follows ("全年检查128次，发现问题
    46个，整改45个，整改率97.83%": 45 / 46); for an on-time rate, the cases closed."""
    lo = range_of(part.q).lo
    out = [
        it.q
        for it in rest
        if it is not whole and P.BARE_TOTAL.search(it.label) and comparable(it.q, part.q)
    ]
    near = rest[0] if rest else None
    if (
        near is not None
        and near is not whole
        and just_before(text, near, part)
        and comparable(near.q, part.q)
        and at_least(near.q, lo)
        and is_level(near)
    ):
        out.append(near.q)
    if not bare_verb:  # "受理1200件，办结1188件，…按时办结1150件，按时办结率96.8%"
        out += [
            it.q
            for it in rest
            if it is not whole
            and closed_count(it)
            and at_least(it.q, lo)
            and not B.qualified(verbs[0], it.label, B.TIMELY)
            and comparable(it.q, part.q)
        ]
    return out


def reachable_whole(done: Item, before: list[Item], stated: Quantity | None) -> Item:
    """The cases decided, unless no count out of them gives the rate and the sentence's total
    does ("办理312件，审结298件，…综合纠错率18.6%": 58 / 312, not k / 298): a base the text
    states that reproduces the value is the reading, as everywhere else."""
    if stated is None or not range_of(done.q).exact or reaches(done.q, stated):
        return done
    totals = (it for it in before if it is not done and is_whole(it) and comparable(it.q, done.q))
    return next((it for it in totals if range_of(it.q).exact and reaches(it.q, stated)), done)


def reaches(whole: Quantity, stated: Quantity) -> bool:
    n = int(whole.value)
    return n > 0 and bool(numerators_for(n, stated.value, stated.decimals, DEFAULT_MODES))


def first_closed(before: list[Item], part: Quantity | None) -> Item | None:
    """The first count of closed cases in the sentence (`before` is nearest first): the cases
    decided, which the outcome categories after it break down ("审结265件，其中维持168件，…
    调解结案23件，…纠错率10.6%": 265, not the 23 closed by mediation)."""
    closed = [
        it
        for it in before
        if closed_count(it)
        and (part is None or (comparable(it.q, part) and at_least(it.q, range_of(part).lo)))
    ]
    return closed[-1] if closed else None


def timely_of_closed(name: str, whole: Item) -> bool:
    """An on-time rate (按时办结率) measured against the cases closed, not those received: one
    of the two conventions reports follow, so the reader is told which was used."""
    return bool(B.TIMELY.search(name)) and closed_count(whole) and not B.TIMELY.search(whole.label)


def closed_count(it: Item) -> bool:
    """ "审结42件", not "未审结3件": the cases closed, a decision rate's whole."""
    return bool(P.CLOSED.search(it.label)) and not P.NOT_CLOSED.search(it.label) and is_level(it)


def closed_total(it: Item) -> bool:
    """ "全年共审结各类行政案件1976件": a total of closed cases, the part of a 审结率."""
    return bool(P.CLOSED.search(it.label)) and not P.INTAKE.search(it.label)


def opens(sent: Sentence, item: Item) -> bool:
    """The item is the sentence's first count: "2023年全年共审结…1976件，审结率89%"."""
    return next((it for it in sent.items if it.is_count), None) is item


def intake_before(doc, claim: Claim, previous: list[Item]) -> Claim:
    """ "共受理各类行政案件2203件…。全年共审结1976件，审结率89%": a sentence that opens with the
    closed count of its rate measures it against the intake of the sentence before (inferred,
    so a failure is a warning)."""
    done = claim.numerator
    intake = next(
        (
            it
            for it in reversed(previous)
            if takes_in(it) and comparable(it.q, done) and at_least(it.q, range_of(done).lo)
        ),
        None,
    )
    if intake is None:
        return claim
    note = f"whole {intake.q.raw} taken from line {doc.line_col(intake.q.start)[0]}"
    return replace(claim, denominator=intake.q, inferred=True, notes=(*claim.notes, note))


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
    if den is not None and " − " in den.q.raw:
        notes += (f"the whole is the cases closed less those withdrawn: {den.q.raw}",)
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
