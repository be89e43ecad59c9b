"""The words reports use to say what a number is: named constants, one place to extend.

Each constant is a regular expression over the cleaned text (full-width forms folded, spaces
between CJK removed, common traditional characters mapped to simplified).
"""

import re
from contextvars import ContextVar

# Sentence ends: a claim and its numerator/denominator live in one sentence. Not ；: it joins
# the parallel clauses of one breakdown ("其中，Ⅰ类2个，占6.2%；Ⅱ类24个，占75.0%").
SENTENCE_END = re.compile(r"[。！？!?\n]")
# Clause punctuation: a number's label is the text since the last of these (or the last number).
CLAUSE_BREAK = re.compile(r"[,，、:：;；()（）\[\]【】“”\"|]")

# A percentage that states a change, not a share: issue-3 territory, never read as a rate.
# A change's rate word: the value after it is the change in % ("增幅为", "环比增加率为10.12%")
CHANGE_RATE = "增幅|涨幅|降幅|减幅|跌幅|(?:增加|增长|减少|下降)率"
CHANGE_WORDS = re.compile(
    r"增长|下降|上升|提高|降低|增加(?!值)|减少|回落|上涨|下跌|同比|环比|比上年|较上年|增幅|降幅|减幅|涨幅|增速"
    r"|扩大|缩小|收窄|提升|拉动"
)
# A percentage that is a rate or a share of a whole.
RATE_NAME = re.compile(r"[\u4e00-\u9fff]{1,10}?率")
SHARE_WORDS = re.compile(r"占|比重|比例")
# A rate named as a standard or target ("低于最低标准92%") is not a claim about the data.
NOT_A_CLAIM = re.compile(r"低于|高于|不低于|不高于|标准|要求|目标|力争|预期|控制在")
# "A x件，B y件，合计z件": a sum written after its parts.
# "…其他类200件，共329件" / "…，总量3795件": a bare 共, 总量 or 总数 (nothing after it) sums
# what comes before it as well; "共受理329件" opens a total of its own.
SUM_AFTER = re.compile(
    r"^(?:以上|上述|[二两三四五六七八九十\d]{1,2}[项类个种者])?"
    r"(?:合计|共计|总计|累计共|(?:共|总量|总数|总共|一共)(?:为|是|达)?$)"
)
# Groups of people a person may belong to several of at once: a 其中 list of them overlaps.
PEOPLE_GROUP = re.compile(
    r"(?:老年人|老人|妇女|女性|未成年人|儿童|青少年|残疾人|农民工|进城务工人员|外来务工人员"
    r"|军人|退役军人|军属|低保户|低保对象|特困人员|困难群众|少数民族|学生|失业人员|下岗职工)"
    r"(?:群体)?(?:案件|的?受援人|人员)?$"
)
# "办结率、满意率均为100%": one value stated for several rates.
ALL_EQUAL = re.compile(r"均为|均达到?|均是|都为|都是|均保持")

# Rates that cannot exceed 100% because they count a part of a whole. Not 入学率/升学率:
# gross enrolment rates pass 100% when pupils come from outside the area.
CAPPED_RATE = re.compile(
    r"(?:满意|办结|成功|合格|结案|化解|覆盖|达标|到位|出庭|公开|答复|回复|签收|参与|知晓|普及|持证"
    r"|通过|调解|调撤|及时|准确|审查|备案|好评|城镇化|参保|受理|按期|处置|响应|接通|解决"
    r"|执行|履约|兑现|发证|登记|接种|治愈|回访|落实|审核|办理|采纳|整改|检出|抽检|立案)率$"
)

# Words the configuration adds (`rate_words`, `capped_words`), set around one extraction by
# api.py: names of rates that do not end in 率 (满意度: its last character plays the part of 率),
# and predicates of rates that cannot pass 100% (履约 -> 履约率).
EXTRA_WORDS: ContextVar[tuple[tuple[str, ...], tuple[str, ...]]] = ContextVar(
    "lawaudit_extra_words", default=((), ())
)


def is_capped(name: str) -> bool:
    """A rate name that says it counts a part of a whole: built in, or configured."""
    return bool(CAPPED_RATE.search(name)) or any(
        name.endswith((w + "率", w)) for w in EXTRA_WORDS.get()[1]
    )


# Words that mark a number as a total or an intake ("共调处287起", "受理诉求119件").
# 共 but not 公共/中共/共同/共享…
TOTAL_MARK = re.compile(
    r"(?<![公中])共(?![同享建产治商])|合计|总计|总量|总数|累计|全年|全部|应(?:办|结|审|受理|答复|回复)"
)  # 应办结1000件: the cases due, what a 办结率 is out of
BARE_TOTAL = re.compile(r"(?<![公中])共(?![同享建产治商])|合计|总计|总量|总数")
INTAKE = re.compile(r"受理|收到|新收|收案|共收|接收|交办|转派|转办|接到|接听|受案|有效(?![期性率])")
# Words that mark a number as the closed part of an intake ("办结119件").
CLOSED = re.compile(
    r"办结|审结|结案|执结|办理完毕|处理完毕|已(?:及时|按时|按期)?办理|答复|回复|完成办理"
)
# A rate of those who answered a survey (满意率, 好评率), and the count of those asked.
SURVEYED = re.compile(r"满意|好评")
ASKED = re.compile(r"回访|评价|测评|调查|参评")
# The earlier periods a report compares with (上年同期为96件, 上月、去年同期分别为…).
EARLIER_PERIOD = (
    r"上年同期|去年同期|上年末|上年底|去年末|去年底|上年度|上一年度?|上年|去年|上月|上季度|上期"
)
# "未按期办结3件": not closed (on time), so not the closed count.
NOT_CLOSED = re.compile(r"[未不](?:按期|按时|及时)?(?:办结|审结|结案|办理|答复|回复)")
# …and the part still open, which with the closed part makes the whole intake.
# Passed on to others (转派 4898件), and closed on the spot instead (在线办结 6273件): siblings
# of one intake, never the one the outcome of the other.
PASSED_ON = re.compile(r"转派|转办|交办|派发|派单|转交")
CLOSED_AT_ONCE = re.compile(
    r"(?:在线|直接|当场|即时|现场|自行|前台)(?:办结|答复|解答|办理|处理)|直办"
)
STILL_OPEN = re.compile(r"在办|办理中|正在办理|未办结|待办|未结|尚未办结")
# Words with 收 or 受理 that take nothing in: an income, an application turned away, or a
# quality count of the intake (及时受理98件 of 100 received).
NOT_INTAKE = re.compile(
    r"收入|收费|税收|收益|回收|征收|吸收|不予受理|不受理|未受理|(?:及时|按时|按期)受理"
)

# A whole named only by a place ("占全省比重") says nothing about which total it is.
REGION_ONLY = re.compile(r"^全?[省市国州县区镇乡街道]{1,2}$")

# "占一般公共预算支出的比重（以下简称“支出占比”）": a name the report gives a share's whole.
WHOLE_ALIAS = re.compile(
    r"占([^,，。;；(（]{2,20}?)的?(?:比重|比例)[(（]以下简称[“\"]([^”\"]{2,8})[”\"][)）]"
)
# "在出口总额中，机电产品1278.0亿元，占68.8%": the whole named before the parts.
WITHIN = re.compile(r"在([\u4e00-\u9fff]{2,12}?)中(?:[,，]|(?=占))")

# Breakdown markers.
# totals.breakdown_markers and context.opens_breakdown search for the first characters of
# AMONG, BY_DIMENSION and RESPECTIVELY (其中, 分/按/从, 分别) before running them: a new
# alternative with another first character must be added there too.
AMONG = re.compile(r"其中")
# "分产业看，", "按城乡划分，", "从构成看，": the whole split along one dimension.
BY_DIMENSION = re.compile(r"(?:分|按)[\u4e00-\u9fff]{1,10}?(?:看|划分|分)(?=[,，:：])|从构成看")
RESPECTIVELY = re.compile(r"分别为|分别是|分别有|分别达")
# "收案较多的有A 635件，其中…；其次是B 369件…；排在第三位的是C": the next item of a ranking
NEXT_RANKED = re.compile(
    r"^(?:其次|再次|再其次|排[在名]?第[二三四五六七八九十]|位居第|居第[二三四五])"
)
REST_OF = re.compile(r"其他|其余|剩余|另有|其它")
NEGATED = re.compile(r"^(?:不|未)")  # 满意 / 不满意; not 非 (金属 / 非金属 leaves 水气 out)
# Averages and per-head figures do not add up: never a total or a part.
NOT_ADDITIVE = re.compile(r"人均|平均|[日月年周]均|每|均价|户均|率|比重|占")
# A part that is said to contain another ("含飞播1.1万亩") is a subset, not a sibling.
SUBSET = re.compile(r"含|包括")
# A level said to be a threshold ("站稳140万吨台阶") is not a total to add parts to.
# used with .match(text, end_of_number): "站稳140万吨台阶", "迈上4个万亿元台阶"
THRESHOLD = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:台阶|大关|关口)")
# A share of a plan or target measures fulfilment and may pass 100%. 一般公共预算收入/支出 and
# 政府性基金预算 name accounts, not plans.
PLAN_WORDS = re.compile(r"计划|目标|任务|预期|(?<!公共)(?<!基金)(?<!经营)预算(?![收支])")
# Generic success words: the rate's real predicate is the verb before them (化解成功率 -> 化解).
GENERIC_PREDICATE = frozenset({"成功", "完成", "及时", "按时", "按期"})
# Rate names whose numerator is named by another word: 城镇化率 counts 城镇(常住)人口.
PREDICATE_ALIAS = {
    "镇化": "城镇",
    "接通": "接听",
    "执结": "结案",
}  # 接通率 counts 接听 too; 执结率 结案

# Filler at the start of a label that says nothing about the subject (not 及时: 及时回复率 is a
# rate of replies in time, not of replies).
FILLER = re.compile(
    r"^(?:其中|全年|全镇|全县|全市|全区|今年以来|本年度|年内|同时|累计|共计|共|合计|总计|依法|累计共)+"
)
