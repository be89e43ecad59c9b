"""Where a rate's or a share's whole is, and what the text says about its part.

Rules of the language that decide a base by meaning, not by the nearest marked count:
- a count that carries its own share ("行政处罚类212件，占比35%") is a part of some list, never
  the whole of the counts that follow it — unless a 其中 between them opens its breakdown;
- "在办结的420件诉求中" and "420件中" name the whole the following counts are taken out of;
- a negated or partial count (不满意3人, 未按期办结3件, 逾期2件) is the complement of a rate's
  numerator, never the numerator itself: 满意率 = (200 − 3) / 200;
- a count under 其中 is measured against the figure the 其中 refers to ("办结1188件；其中按时
  办结1150件，按时办结率96.8%": 1150 / 1188).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType

from lawaudit.arith import (
    DEFAULT_MODES,
    decimal_places,
    implied_whole,
    modes_giving,
    range_of,
    share_fits,
)
from lawaudit.extract import patterns as P
from lawaudit.extract.context import Item, Sentence, in_note, strip_filler
from lawaudit.extract.counts import comparable, names_whole
from lawaudit.model import Claim, ClaimKind, Quantity

# After a number: its unit and a few words, then 中 closing "在…中" or "N件中".
OUT_OF_TAIL = re.compile(r"[^\d,，。；;：:、]{0,12}?中(?=[,，:：]|[\u4e00-\u9fff])")
OUT_OF_HEAD = re.compile(r"在[^,，。；;]{0,12}$|的$")  # 在…中; 受理的9230件办件中
# A count done on time (按时结案597件) is a part of the plain verb's count, not all of it.
TIMELY = re.compile(r"按时|按期|及时|当场|限时|超时|逾期")
# A plan or target ("完成市拆违专办下达的6万平方米的年度目标任务"): the whole of a 完成率.
TARGET = re.compile(r"目标|任务|计划|下达|指标")
# A count of the opposite outcome (不满意, 未办结, 未按期办结, 逾期) or a lesser one (基本满意).
OPPOSITE = re.compile(r"不|未|逾期|超期|延期")
LESSER = re.compile(r"基本|比较")
# Outcomes of decided cases: their rates (纠错率, 败诉率, 维持率) are out of the cases decided
# (审结, 结案, 办结), not out of those received.
DECIDED = re.compile(r"纠错|败诉|胜诉|维持|撤销|驳回|变更|改变|改判|撤诉|确认违法")
# A lawsuit's outcome rate (胜诉率, 败诉率) may be out of the cases judged: those closed less the
# ones withdrawn ("审结27宗，胜诉24宗，撤诉3宗，胜诉率100%": 24 / (27 − 3)).
JUDGED_RATE = re.compile(r"[胜败]诉")
WITHDRAWN = re.compile(r"撤诉|撤回(?:起诉|申请)?")


def share_carriers(text: str, sentences: list[Sentence]) -> dict[int, Quantity]:
    """The counts directly followed by their own share ("…212件，占比35%"): {count's start:
    its share}."""
    out: dict[int, Quantity] = {}
    for sent in sentences:
        counts: list[Item] = []  # since the last %
        for item in sent.items:
            if item.q.is_percent and "占" not in item.label and P.CHANGE_WORDS.search(item.label):
                continue  # "612件，同比增长48.2%，占投诉总量的59.8%": a change, aside
            if item.q.is_percent:
                outer = [c for c in counts if not in_note(text, c, item.q.start)]
                last = outer[-1] if outer else None  # not "(其中…63家)" before "，占85.6%"
                if last is not None and "占" in item.label and next_to(text, last, item):
                    out[last.q.start] = item.q
                counts = []
            elif item.is_count:
                counts.append(item)
    return out


def shares_complete(parts: list[Item], shares: dict[int, Quantity]) -> bool:
    """Every part carries its share and the shares add up to 100% within their rounding
    ("合伙所2.82万家，占73.16%，国资所604家，占1.56%，个人所9777家，占25.28%"): the parts
    cover the whole, so their counts must add up to it."""
    if len(parts) < 2 or any(p.q.start not in shares for p in parts):
        return False
    stated = [shares[p.q.start] for p in parts]
    slack = sum(Fraction(1, 2 * 10**q.decimals) for q in stated)
    return abs(sum(Fraction(q.value) for q in stated) - 100) <= slack


def next_to(text: str, count: Item, share: Item) -> bool:
    """Only a clause break stands between the count and its share's label — or a note in
    brackets before it ("合伙所647家(其中外省分所63家)，占85.6%")."""
    gap = NOTE_AFTER.sub("", text[count.q.end : share.q.start - len(share.label)])
    gap = CHANGES_BETWEEN.sub("", gap)  # "612件，同比增长48.2%，环比增长25.9%，占…"
    return len(gap) <= 3 and not any(ch.isdigit() for ch in gap)


NOTE_AFTER = re.compile(r"^\s*[(（][^()（）]{0,40}[)）]\s*")
CHANGES_BETWEEN = re.compile(
    r"[，,]?(?:同比|环比|比上[年月期]|较上[年月期])[\u4e00-\u9fff]{0,6}\d+(?:\.\d+)?(?:%|个百分点)"
)


def may_be_whole_of(text: str, whole: Item, part_start: int, carriers: set[int]) -> bool:
    """A count carrying a share is no whole for what follows, unless 其中 opens its breakdown."""
    return whole.q.start not in carriers or text.find("其中", whole.q.end, part_start) >= 0


NO_CARRIERS: Mapping[int, Quantity] = MappingProxyType({})  # counts that carry a share: none


def share_of_named(text: str, it: Item, carriers: Mapping[int, Quantity], name: str) -> bool:
    """The count carries its own share of the whole named `name` ("民事案件198件，占援助案件总数
    的94.3%" for 援助): a part of that whole, never the whole itself."""
    share = carriers.get(it.q.start)
    return share is not None and names_match(name, text[it.q.end : share.start])


def names_match(name: str, label: str) -> bool:
    """The label counts what a share's whole is named ("收到申请" ↔ "共收到行政复议申请"): the
    name's head noun (its last two characters) is in the label, and so is every character pair
    of the words before it, wherever they stand. "一般公共预算收入" is not "一般公共预算支出",
    and "一般公共服务支出" is not "一般公共预算支出" (预算 is missing)."""
    if name in label:
        return True
    if len(name) < 2 or name[-2:] not in label:
        return False
    modifier = name[:-2]
    return all(modifier[i : i + 2] in label for i in range(len(modifier) - 1)) and (
        len(modifier) != 1 or modifier in label
    )


STAGE_SCOPE = re.compile(r"^(?:已|依法)?(受理|办结|审结|结案|收到|办理|答复|回复)的?(.{2,})$")


def names_stage(name: str, text: str, item: Item) -> bool:
    """ "…共办理行政复议案件3500件，受理3100件，办结2900件。在办结的行政复议案件中，…占24.14%":
    a whole named by a stage of the cases (办结的行政复议案件) is the count of that stage,
    whose noun the sentence said once, before its first count."""
    m = STAGE_SCOPE.match(name)
    if m is None or not strip_filler(item.label).endswith(m.group(1)):
        return False
    return m.group(2)[-2:] in text[max(0, item.q.start - 120) : item.q.start]


# "在办结的行政复议案件中，…": a sentence that opens on the scope its figures are of.
OPENING_SCOPE = re.compile(r"[ \n]?在([\u4e00-\u9fff]{2,16}?)中[，,:：]")
LOOK_BACK = 300  # characters before a sentence where the count its scope names may stand


def nearest_before(at: int, earlier: list[Item], fits) -> Item | None:
    """The nearest of the last counts stated before `at` (within LOOK_BACK) that `fits`."""
    for it in reversed(earlier[-12:]):
        if at - it.q.end > LOOK_BACK:
            break
        if fits(it):
            return it
    return None


def scope_whole(text: str, start: int, earlier: list[Item]) -> Item | None:
    """ "办结3000件。在办结的行政复议案件中，维持…，维持率为62%": a sentence that opens on the
    scope of a stage takes its rates out of that stage's count stated just before."""
    m = OPENING_SCOPE.match(text, start)
    if m is None:
        return None
    return nearest_before(start, earlier, lambda it: names_stage(m.group(1), text, it))


RECEIVED = re.compile(r"收到|新收|接收|申请")


def received_before(taken: Item, earlier: list[Item]) -> Item | None:
    """ "新收行政复议申请5422件，…。受理行政复议案件3129件，受理率为57.71%": a 受理率 with no
    whole in its sentence is out of the count received just before (受理 ≤ 收到)."""

    def received(it: Item) -> bool:
        named = RECEIVED.search(it.label) is not None and "受理" not in it.label
        return named and comparable(it.q, taken.q) and it.q.value >= taken.q.value

    return nearest_before(taken.q.start, earlier, received)


def is_out_of(text: str, item: Item) -> bool:
    """ "在办结的420件诉求中" or "420件中": the count is the whole the next counts come from."""
    tail = OUT_OF_TAIL.match(text, item.q.end)
    if tail is None:
        return False
    return tail.end() - item.q.end <= 2 or OUT_OF_HEAD.search(item.label) is not None


def qualified(verb: str, label: str, words: re.Pattern = OPPOSITE) -> bool:
    """The label counts the opposite (不满意 for 满意) — or, with LESSER, a lesser degree."""
    at = label.rfind(verb)
    return at > 0 and words.search(label[max(0, at - 3) : at]) is not None


def complement(whole: Quantity, other: Quantity) -> Quantity:
    """whole − other, written so a reader sees the subtraction: "(200 − 3)"."""
    return Quantity(
        raw=f"({whole.raw.removesuffix(whole.unit)} − {other.raw.removesuffix(other.unit)})",
        value=whole.value - other.value,
        unit=whole.unit,
        decimals=max(whole.decimals, other.decimals),
        scale=min(whole.scale, other.scale),
        qualifier=whole.qualifier or other.qualifier,
        start=other.start,
        end=other.end,
    )


def best_reading(
    numerator: Quantity,
    siblings: list[Item],
    whole: Quantity,
    totals: list[Quantity],
    stated: Quantity,
    opposite: Quantity | None = None,
    withdrawn: Quantity | None = None,
) -> tuple[Quantity, Quantity]:
    """(numerator, whole) as read, unless that does not give the stated rate and another
    reading the text states does, exactly: the outcomes of the numerator's kind stated beside
    it taken together (当场答复 + 办结, 满意 + 基本满意), the whole less the opposite outcome
    (回访100件…不满意4件: 100 − 4), another whole the text gives (the sentence's total, the
    count the numerator's clause follows), or, for a lawsuit's outcome, the cases closed less
    those withdrawn. Arithmetic chooses between readings the text gives; it never makes one up."""
    if exact(numerator, whole, stated) is not False:
        return numerator, whole
    others = [it.q for it in siblings if it.q.start != numerator.start]
    nums = [numerator]
    if others:
        nums.append(sum_of(sorted([numerator, *others], key=lambda q: q.start)))
    if withdrawn is not None and withdrawn.value < whole.value:
        totals = [*totals, complement(whole, withdrawn)]
    for den in (whole, *totals):
        rest = [complement(den, opposite)] if opposite is not None else []
        for num in (*nums, *rest):
            if (num, den) != (numerator, whole) and exact(num, den, stated):
                return num, den
    return numerator, whole


def exact(part: Quantity, whole: Quantity, stated: Quantity) -> bool | None:
    """part / whole rounds to the stated % (half-up or half-even); None when inexact inputs."""
    if part.rounded or whole.rounded or part.approximate or whole.approximate or whole.value <= 0:
        return None
    ratio = Fraction(part.value) * 100 / Fraction(whole.value)
    return bool(set(modes_giving(ratio, stated.value, stated.decimals)) & set(DEFAULT_MODES))


def is_target(text: str, item: Item) -> bool:
    """A count that is a plan or target: named so before it or just after it ("…6万平方米的
    年度目标任务"). It is what a 完成率 is measured against, never what was done."""
    return bool(TARGET.search(item.label) or TARGET.search(text, item.q.end, item.q.end + 8))


def exact_parent(text: str, part: Item, before: list[Item]) -> Item | None:
    """ "派单601件，按时结案597件，超时办理4件，…按时结案率99%": the count just before the
    part is exactly the part plus the counts that follow it up to the rate, so it is the
    whole they split. `before` is nearest first."""
    i = before.index(part)
    if i + 1 >= len(before) or i == 0:
        return None
    parent, rest = before[i + 1], before[:i]
    if parent.q.rounded or parent.q.approximate or parent.q.unit != part.q.unit:
        return None
    if any(it.q.unit != part.q.unit or it.q.rounded or it.q.approximate for it in rest):
        return None
    gap = text[parent.q.end : part.q.start - len(part.label)]
    if len(gap) > 1:
        return None
    return parent if parent.q.value == part.q.value + sum(it.q.value for it in rest) else None


RESPECTIVE_SHARE = re.compile(r"分别占([^,，。;；%]{0,20}?)的?(?:比重|比例)?(?:为|是|达)?$")


def listed_percents(text: str, items, i: int) -> list:
    """The % at items[i] and those joined to it by 、, 和 or 及 ("96%、88%和75%")."""
    run = [items[i]]
    for nxt in items[i + 1 :]:
        if not nxt.q.is_percent or text[run[-1].q.end : nxt.q.start] not in ("、", "和", "及"):
            break
        run.append(nxt)
    return run


def respective_pairs(text: str, items) -> dict[int, tuple[Item, str, Item | None]]:
    """ "浦东新区1269件；杨浦区911件；…闵行区570件，分别占区政府受案总数的15.0%、10.8%、…":
    the k-th share of the 、-list after 分别占 belongs to the k-th count listed before it,
    when the two lists are as long. The run may open with the whole it shares out ("受理200件，
    甲类120件、乙类80件，分别占60%和40%"). {share start: (count, the whole's name, that whole)}."""
    out: dict[int, tuple[Item, str, Item | None]] = {}
    for i, item in enumerate(items):
        m = RESPECTIVE_SHARE.search(item.label) if item.q.is_percent else None
        if m is None:
            continue
        shares = listed_percents(text, items, i)
        counts = []  # the whole run of counts before 分别, which must be as long as the shares
        for prev in reversed(items[:i]):
            if prev.q.is_percent or (counts and prev.q.unit != counts[-1].q.unit):
                break
            counts.append(prev)
            if len(counts) > len(shares):
                break
        head = None
        if len(counts) == len(shares) + 1 and names_whole(counts[-1].label):
            head = counts.pop()  # the total the listed counts share out
        if len(shares) >= 2 and len(counts) == len(shares):
            pairs = zip(shares, counts[::-1], strict=True)
            out.update({s.q.start: (c, m.group(1), head) for s, c in pairs})
    return out


COUNTS_AFTER = re.compile(r"[，,][^，,。；;：:%\d]{0,8}分别(?:为|是)[:：]?")
LIST_GAP = re.compile(r"[、，,]|和|及|与")


def counts_after_shares(text: str, items) -> dict[int, tuple[Item, str, Item | None]]:
    """ "县级政府部门占42.68%，市级政府部门占24.47%，县级政府占13.38%，案件数量分别为36527件、
    20940件和11452件": the k-th count listed after 分别为 is the k-th share's part, when the two
    runs are as long; in the form of respective_pairs (no whole of their own)."""
    out: dict[int, tuple[Item, str, Item | None]] = {}
    for i, item in enumerate(items):
        if not item.q.is_percent or i + 1 >= len(items) or items[i + 1].q.is_percent:
            continue
        m = COUNTS_AFTER.match(text, item.q.end)
        if m is None:
            continue
        shares = [item]
        for prev in reversed(items[:i]):
            if not prev.q.is_percent or "占" not in prev.label:
                break
            shares.append(prev)
        if "占" not in item.label and len(shares) > 1 and "占" not in shares[0].label:
            continue
        counts: list[Item] = []
        at = m.end()
        for nxt in items[i + 1 :]:
            gap = text[at : nxt.q.start]
            if not nxt.is_count or (counts and not LIST_GAP.fullmatch(gap.strip())):
                break
            counts.append(nxt)
            at = nxt.q.end
        shares.reverse()
        if len(shares) >= 2 and len(counts) == len(shares):
            names = [s.label.split("占", 1)[-1] for s in shares]
            name = next((n for n in names if n), "")
            out.update({s.q.start: (c, name, None) for s, c in zip(shares, counts, strict=True)})
    return out


def among_head(part: Item, before: list[Item]) -> Item | None:
    """For a part under 其中, the count the 其中 refers to: the last count before the marker."""
    at = part.label.find("其中")
    if at < 0:
        return None
    at += part.q.start - len(part.label)
    for it in before:  # nearest first
        if it.q.end <= at and it.q.unit == part.q.unit and not P.CHANGE_WORDS.search(it.label):
            return it
    return None


# Kinds of what comes in (投诉类, 咨询, 求助): the categories an intake is cut into.
INTAKE_KIND = re.compile(r"类|咨询|投诉|求助|建议|举报|表扬")


def kinds_head(head: Item, earlier: list[Item], part: Item) -> Item:
    """ "收到来信3652件，按期回复3640件，…；其中，投诉类1826件、…": kinds of letters are parts of
    what came in, not of the replies. A 其中 whose nearest count is an outcome (回复, 办结) and
    whose first part is a kind of what came in is of the intake or total stated before it
    (`earlier`: the counts before the head, in any order)."""
    if not P.CLOSED.search(head.label) or not INTAKE_KIND.search(part.label):
        return head  # "审结1195件，其中维持720件": decisions are of the cases closed
    before = [it for it in earlier if it.q.start < head.q.start and it.q.unit == head.q.unit]
    intakes = [it for it in before if names_whole(it.label)]
    return max(intakes, key=lambda it: it.q.start) if intakes else head


def list_head(text: str, part: Item, before: list[Item], carriers) -> Item | None:
    """The count a 其中 list refers to, for any of its parts: "人员6.7万人，其中A 3.3万人，占
    51%，B 3.4万人，占49%" — for B, the first count before it that carries no share of its own,
    when 其中 stands between that count and B (the counts skipped are B's earlier siblings)."""
    for it in before:  # nearest first
        if it.q.start in carriers or it.label.startswith("占"):
            continue  # an earlier sibling, or the whole inside one's share ("占回访总量4208件的")
        if it.q.unit != part.q.unit or P.CHANGE_WORDS.search(it.label):
            return None
        if text.find("其中", it.q.end, part.q.start) < 0:
            return None
        return kinds_head(it, before, part)
    return None


def among_before(text: str, part: Item, before: list[Item]) -> Item | None:
    """For a later part of a 其中 list in its sentence ("回访3216件，其中满意3052件、基本满意
    118件"), the count the 其中 refers to: the nearest count ending before that 其中."""
    at = text.rfind("其中", max(0, part.q.start - 200), part.q.start)
    if at < 0 or any(ch in text[at : part.q.start] for ch in "；;。"):
        return None  # "其中按期办结…；回访…，满意…": that 其中 was another list's
    return next(
        (
            it
            for it in before
            if it.q.end <= at and it.q.unit == part.q.unit and not P.CHANGE_WORDS.search(it.label)
        ),
        None,
    )


LIST_REACH = 1500  # characters before a list where its whole may be stated: about a section
MAX_LIST = 60  # shares in one list (the corpus's longest has 14): a longer run is cut, so
# choosing its whole stays linear in the text


def one_whole_per_list(
    claims: list[Claim],
    text: str,
    earlier: list[Item] | None = None,
    carriers: set[int] | frozenset[int] = frozenset(),
) -> list[Claim]:
    """The shares of one list ("投诉类4733件，占51.28%；…举报类14件，占0.15%") divide one
    whole. Where the whole was guessed from earlier text for each share alone, the list's
    shares choose it together: the guessed whole that most of them fit is given to every
    share of the list whose whole was guessed (a share stated with its own whole keeps it);
    failing that, the nearest count stated before the list that most of them fit. The
    choice is inferred, so a share that then fails is a warning."""
    shares = [
        i
        for i, c in enumerate(claims)
        if c.kind is ClaimKind.RATE and "占" in c.subject and c.stated and c.numerator
    ]
    lists: list[list[int]] = []
    for i in shares:
        prev = lists[-1][-1] if lists else None
        if (
            prev is not None
            and len(lists[-1]) < MAX_LIST
            and one_list(text, claims[prev], claims[i])
        ):
            lists[-1].append(i)
        else:
            lists.append([i])
    out = list(claims)
    starts = [it.q.start for it in earlier or []]
    for members in lists:
        guessed = [i for i in members if claims[i].inferred or claims[i].denominator is None]
        if len(members) < 2 or not guessed:
            continue
        wholes_seen = {
            claims[i].denominator.start if claims[i].denominator else None for i in members
        }
        pairs = [(claims[i].numerator, claims[i].stated) for i in members]
        if len(wholes_seen) == 1 and None not in wholes_seen:
            best = claims[members[0]].denominator  # one whole for the list already
        else:
            wholes = [claims[i].denominator for i in guessed if claims[i].denominator]
            best = max(wholes, key=lambda w: (support(pairs, w), w.start), default=None)
        if best is None or 2 * support(pairs, best) <= len(members):
            # "办理1428宗。…抽取100宗进行评估，优秀14宗，占比14%…": the guess fits none
            best = stated_before(pairs, earlier or [], starts, carriers) or best
        if best is None or 2 * support(pairs, best) <= len(members):
            continue
        for i in guessed:
            c = out[i]
            if c.denominator is None or c.denominator.start != best.start:
                note = f"whole {best.raw}, the one most shares of its list fit"
                out[i] = replace(c, denominator=best, inferred=True, notes=(note,))
        for i in members:  # the share outside the consensus: say which whole the others fit
            c = out[i]
            if not share_fits(c.numerator, c.stated, best):
                note = f"the other shares of its list fit the whole {best.raw}"
                out[i] = replace(c, notes=(*c.notes, note))
    return out


def support(pairs: list[tuple[Quantity, Quantity]], whole: Quantity) -> int:
    """How many (count, share) pairs of a list the whole gives."""
    return sum(1 for count, share in pairs if share_fits(count, share, whole))


def stated_before(
    pairs: list[tuple[Quantity, Quantity]],
    earlier: list[Item],
    starts: list[int],
    carriers: set[int] | frozenset,
) -> Quantity | None:
    """The nearest count stated before a list that most of its (count, share) pairs fit
    ("受理59件。…治安管理类案件13件，占案件总数的22.0%；工商类21件，占总数的35.6%")."""
    first = pairs[0][0]
    for n in range(bisect.bisect_left(starts, first.start) - 1, -1, -1):
        it = earlier[n]
        if first.start - it.q.end > LIST_REACH:
            break
        if it.q.start in carriers or (first.unit and it.q.unit != first.unit):
            continue
        if 2 * support(pairs, it.q) > len(pairs):
            return it.q
    return None


def one_list(text: str, a: Claim, b: Claim) -> bool:
    """Two shares in one run of a list: the same sentence, naming the same whole (or one of
    them naming it and the other only 总数/总量: "占案件总数的22.0%…；…占总数的35.6%")."""
    gap = text[a.stated.end : b.stated.start]
    if "。" in gap or "\n" in gap or "其中" in gap:
        return False  # a 其中 between them opens a list of the part before it
    if any(P.NEXT_RANKED.match(clause) for clause in re.split(r"[，,；;]", gap)[1:]):
        return False  # "A 635件，占16%…；其次是B 369件，占9.3%": each its own share of a whole
    wa, wb = (c.subject.rsplit("占", 1)[1] for c in (a, b))
    return (
        same_name(wa, wb)
        or GENERIC_WHOLE.fullmatch(wa) is not None
        or GENERIC_WHOLE.fullmatch(wb) is not None
    )


GENERIC_WHOLE = re.compile(r"比|总数|总量|总额|总和|全部|所有")
NAME_FILLER = re.compile(r"[的数量]")


def same_name(a: str, b: str) -> bool:
    """Two names of one whole: 总投诉量, 总投诉数量 and 投诉总数 are one count (the same
    characters, in any order, but 的, 数 and 量)."""
    bare_a, bare_b = NAME_FILLER.sub("", a), NAME_FILLER.sub("", b)
    return a == b or (bare_a != "" and sorted(bare_a) == sorted(bare_b))


def settle_lists(rates: list[Claim], groups: list[Claim]) -> list[Claim]:
    """A list of shares that agree on another whole than the total they were paired with is
    one finding (LA206 on the list), not one failure per share. Each share is then measured
    against the whole the text does give for that consensus — the sum of the listed parts —
    and passes naming it; when no stated figure fits, the shares are left unpaired. Last, a
    share nudged so its list adds to exactly 100 is marked (mark_balancing)."""
    out = list(rates)
    at = {c.stated.start: i for i, c in enumerate(rates) if c.stated is not None}
    for g in groups:
        members = [at[p.start] for p in g.parts if p.start in at]
        if g.kind is not ClaimKind.SHARES or len(members) != len(g.parts):
            continue
        if g.counts and g.total is not None:
            for i, c in zip(members, settled(g, [out[i] for i in members]), strict=True):
                out[i] = c
        for i, c in zip(members, mark_balancing([out[i] for i in members], g), strict=True):
            out[i] = c
    return out


def settled(g: Claim, members: list[Claim]) -> list[Claim]:
    """The group's shares, re-based on the sum of their parts or left unpaired when most of
    them contradict the stated whole and agree on another one."""
    span = implied_whole(g.counts, g.parts)
    whole = range_of(g.total)
    if span is None or span[0] > span[1] or whole.hi is None:
        return members
    if span[0] <= whole.hi and whole.lo <= span[1]:
        return members  # the stated whole is one the shares allow: each share speaks for itself
    fitting = sum(1 for c, p in zip(g.counts, g.parts, strict=True) if share_fits(c, p, g.total))
    if 2 * fitting >= len(g.parts):
        return members  # most shares fit it: the others fail on their own
    summed = sum_of(list(g.counts))
    on_sum = span[0] <= range_of(summed).hi and range_of(summed).lo <= span[1]
    out = []
    for c in members:
        if not (c.numerator and c.denominator) or c.denominator.start != g.total.start:
            out.append(c)
        elif on_sum:
            note = f"whole: the sum of the listed parts, {summed.value} (not {g.total.raw})"
            out.append(replace(c, denominator=summed, inferred=True, notes=(note,)))
        else:
            note = f"the list's shares fit no stated whole (not {g.total.raw}); see LA206"
            out.append(replace(c, denominator=None, inferred=False, notes=(note,)))
    return out


def mark_balancing(members: list[Claim], group: Claim) -> list[Claim]:
    """尾数调整: the stated shares add to exactly 100, but correct rounding of one of them would
    make the list 100 ± one unit of the last digit. That share is marked, so its failure is
    reported as the adjustment it is (a warning), not as a wrong figure. `members` are the
    group's share claims, in the order of its parts."""
    if group.kind is not ClaimKind.SHARES or sum(p.value for p in group.parts) != 100:
        return members
    places = max(p.decimals for p in group.parts)
    off = []
    for i, c in enumerate(members):
        if not (c.numerator and c.denominator) or c.denominator.value <= 0:
            return members
        if c.numerator.rounded or c.denominator.rounded:
            return members
        if c.stated.decimals != places and c.stated.value != 0:  # "0%" in a column of 0.0s
            return members
        exact = Fraction(c.numerator.value) * 100 / Fraction(c.denominator.value)
        if decimal_places(exact, places) != c.stated.value:
            off.append((i, c.stated.value - decimal_places(exact, places)))
    if len(off) == 1 and abs(off[0][1]) == Decimal(1).scaleb(-places):
        i = off[0][0]
        return [*members[:i], replace(members[i], balanced=True), *members[i + 1 :]]
    return members


def sum_of(qs: list[Quantity]) -> Quantity:
    """Several counts as one figure, written as their sum: "783件、579件、562件，占…77%"."""
    value = sum((q.value for q in qs), start=qs[0].value * 0)
    return Quantity(
        raw="(" + " + ".join(q.raw.removesuffix(q.unit) for q in qs) + ")",
        value=value,
        unit=qs[0].unit,
        decimals=max(q.decimals for q in qs),
        scale=min(q.scale for q in qs),
        qualifier=next((q.qualifier for q in qs if q.qualifier), ""),
        start=qs[0].start,
        end=qs[-1].end,
    )
