"""What a count can be to a rate or a total, from its words: a whole (共, 合计, 全年, an intake
such as 受理 or 收到), a level that adds up (not a change, an average or a subset), a count of
the same items as another (件, 个, 宗 … count the same things in this family)."""

from __future__ import annotations

import functools
import re

from lawaudit.arith import range_of
from lawaudit.extract import patterns as P
from lawaudit.extract.context import Item, each_at
from lawaudit.model import Quantity


def same_unit(a: Quantity, b: Quantity) -> bool:
    return a.unit == b.unit


# Classifiers that count the same items in this family: "接听群众来电8947个，其中转办2274件",
# "受理来信289封" (letters) and "来电2871通" (calls) among them.
ITEM_UNITS = frozenset({"件", "个", "宗", "起", "条", "单", "件次", "次", "份", "封", "通"})


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
    return bool(P.TOTAL_MARK.search(label)) or names_intake(label)


def is_level(item: Item) -> bool:
    """A count that can be a whole: a level, not a change, an average or a subset."""
    return names_level(item.label) and not uncounted_each(item)


def uncounted_each(item: Item) -> bool:
    """ "两区各3件": a count per name whose names context.each_times could not count."""
    return each_at(item.label) is not None and " × " not in item.q.raw


RISEN_TO = re.compile(
    r"(?:增加|增长|提高|上升|提升|下降|减少|降低)(?:到|至)(?:(?:19|20)\d\d年的?)?$"
)
DESCRIBED_BY_RATE = re.compile(r"率[\u4e00-\u9fff]{1,8}的有?$")


@functools.lru_cache(maxsize=4096)  # asked again of the same counts by rates, totals, structure
def names_level(label: str) -> bool:
    # "答复率不达标的有19个": the rate names which things are counted (those whose rate fails),
    # not a rate or an average
    label = DESCRIBED_BY_RATE.sub("的", label)
    # "信息发布量由2022年的1045条增加到2023年的1630条": what it rose to is a level
    label = RISEN_TO.sub("", label)
    return not (
        P.CHANGE_WORDS.search(label) or P.NOT_ADDITIVE.search(label) or P.SUBSET.search(label)
    )


def is_total(item: Item) -> bool:
    """A count marked as a total that can be a whole."""
    return is_whole(item) and is_level(item)


def generic_stripped(name: str) -> str:
    """ "出口总额" -> "出口", "全部工单" -> "工单", "政策文件数" -> "政策文件": the noun a whole's
    label will contain."""
    name = re.sub(r"^(?:全部|全)|(?:总量|总数|总额|总和|总)$", "", name)
    return name[:-1] if len(name) >= 3 and name[-1] in "数量" else name


def names_bare_total(label: str) -> bool:
    """What a bare 占比 may refer to: a count marked 共/合计/总计, or an intake (受理, 收到)."""
    return bool(P.BARE_TOTAL.search(label)) or names_intake(label)


# "以调解、和解以及其他方式化解759件": 其他 naming a method, with what was done by it after, is
# no rest of the list ("其他纠纷744件", "安装及其他产值3.74亿元", "其他形式600余条" are).
OTHER_MEANS = re.compile(r"(?:其他|其它)(?:方式|途径|手段|渠道|形式)[\u4e00-\u9fff]{2,}")


def names_all(labels: list[str]) -> bool:
    """The labels of a list say it is complete: 其他/其余 among them, or a pair X / 不X (合格,
    不合格)."""
    if any(P.REST_OF.search(lb) and not OTHER_MEANS.search(lb) for lb in labels):
        return True
    bare = {P.NEGATED.sub("", lb) for lb in labels if P.NEGATED.search(lb)}
    return bool(bare) and any(lb in bare for lb in labels)


@functools.lru_cache(maxsize=4096)  # asked of every count by completions, totals and rates
def names_intake(label: str) -> bool:
    """An intake (受理, 收到, 转办 …), not an income (收入, 税收), nor the closed part of one
    ("转办件已办结2876件": 转办 names the items, 办结 what the count is; "受理答复诉求" is one
    compound verb, an intake still)."""
    found = [m.end() for m in P.INTAKE.finditer(label)]
    if not found or P.NOT_INTAKE.search(label):
        return False
    closed = P.CLOSED.search(label, found[-1])
    return closed is None or closed.start() == found[-1]  # "受理答复诉求": one compound verb


def takes_in(item: Item) -> bool:
    return names_intake(item.label)


# The last character of a measure of items rather than a kind of them: 保有量, 金额, 人数, 收入,
# 支出, 投资, 贷款 (a 统计公报 cuts these along several dimensions, and its cuts overlap).
MEASURE_ENDS = frozenset("量额数值率入出资款")


def common_suffix(a: str, b: str) -> str:
    """ "一、二级的天数" and "三级的天数" end alike ("级的天数"): kinds of one thing."""
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return a[len(a) - n :] if n else ""


def kind_noun(*labels: str) -> str:
    """The noun the labels all end in when they name kinds of one thing ("民事案件", "刑事案件",
    "受理案件": 案件), "" otherwise; never a measure of things (保有量, 收入), whose cuts
    overlap."""
    noun = labels[0]
    for label in labels[1:]:
        noun = common_suffix(noun, label)
    return noun if len(noun) >= 2 and noun[-1] not in MEASURE_ENDS else ""


BARE_NAMES = frozenset({"总量", "总数", "总额", "全部", "总和"})  # 占总量的: the total in scope
