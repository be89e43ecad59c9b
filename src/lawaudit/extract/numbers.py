"""Find the quantities written in report text and parse them exactly (never a float).

A quantity is an optional qualifier (约, 近, 超过 …), a numeral (Arabic "12,345.6", Chinese
"一百一十九", or "百分之九十八点九六"), an optional scale (万, 亿), an optional 余/多, a unit
(件, 人次, %, 个百分点 …) and an optional trailing 以上/左右/上下. Everything that merely looks
numeric (years, dates, times, document numbers, ordinals, list markers, phone numbers, codes,
slogans in quotes, hotline names such as "12345热线") is left out: a wrong number is worse than
a missing one, because the checks built on it would report errors that are not there.
"""

from __future__ import annotations

import bisect
import re
from decimal import Decimal

from lawaudit.model import APPROX_ABOVE, APPROX_AROUND, APPROX_BELOW, Quantity

# Full-width ASCII forms and the ideographic space fold to ASCII; the traditional forms of the
# characters the patterns look for fold to simplified. One character for one, so offsets hold.
_TRAD = "兩萬億點個項條場處噸戶張隻頭間筆塊單臺輛畝類種冊餘約將過時課歲棟屆輪貝攝標準學鐘頃裏車門"
_SIMP = "两万亿点个项条场处吨户张只头间笔块单台辆亩类种册余约将过时课岁栋届轮贝摄标准学钟顷里车门"
_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_FOLD |= str.maketrans(_TRAD, _SIMP)
NEEDS_FOLDING = re.compile(f"[{_TRAD}\uff01-\uff5e\u3000]")

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_CN_DIGITS |= {"六": 6, "七": 7, "八": 8, "九": 9}
_CN_PLACES = {"十": 10, "百": 100, "千": 1000}
_SCALES = {"万亿": 10**12, "千万": 10**7, "百万": 10**6, "亿": 10**8, "万": 10**4, "千": 10**3}

# Count and measure words, longest first; a lookahead keeps a unit from being the first
# character of an ordinary word ("12345部门" is a name, "3部" a count).
_UNIT_WORDS = (
    "个百分点 百分点 % ‰ 倍 件次 件 起 宗 人次 户次 家次 架次 批次 场次 车次 班次 项次 辆次 亩次 "
    "艘次 台次 人 名 位 户 家 所 个工作日 工作日 个月 个 项 条 份 册 篇 部 本 场 期 批 类 种 次 "
    "套 台 辆 艘 架 座 处 栋 幢 间 张 只 头 羽 株 棵 枚 列 轮 亩 公顷 平方公里 平方千米 平方米 "
    "立方米 公里 千米 米 厘米 毫米 吨 千克 公斤 斤 微克 元 美元 欧元 港元 千瓦时 千瓦 兆瓦 千伏 "
    "小时 分钟 天 课时 学时 周岁 岁 笔 例 块 单 支 组 方 标准箱 标箱 分贝 摄氏度 封 通 卷"
)
_UNIT_GUARD_WORDS = (  # unit:characters that must not follow it
    "个:体税性案别 人:民大才口员工社均防文事力群 名:称单义列誉牌 位:置于列数 户:籍口外型 "
    "家:庭长属园乡具电 所:有属以在需得谓 部:门署分委长 本:级地市区县年月期次部土科着金 "
    "期:间限末内满待 批:准复评 类:型别似 种:植类养子业苗 台:湾账阶风州 处:理置罚分于长 "
    "条:件例款 场:所景地馆站 座:谈 间:隔接 头:部条 只:有是要能 起:草点步来源始 例:如 套:餐 "
    "单:位元独一项据列车纯 支:持付出撑援 组:织建成合 方:面式案法向针位言便志舱 列:入为出举车席支 "
    "轮:换值流胎番 元:旦素化 天:然津府下 宗:旨教 次:产 封:闭锁面存控条顶建 "
    "通:过知报讯告信道用俗畅话车航办关则报达 卷:烟入宗轴发"
)
_UNIT_GUARDS = dict(w.split(":") for w in _UNIT_GUARD_WORDS.split())
_ARABIC_ONLY_UNITS = ("方", "期", "轮")  # 四面八方, 二期工程, 二轮延包: a name or an ordinal


def _none_next(chars: str) -> str:
    """A lookahead that fails when any of `chars` comes next: (?!体)(?!税)… for (?![体税…]).

    The same test, but a class of scattered CJK characters compiles to a 64K-entry bitmap (about
    0.1 ms each, and the units carry 35 of them), while single characters compile to nothing.
    """
    return "".join(f"(?!{re.escape(c)})" for c in chars)


_UNIT_ALTERNATIVES = "|".join(
    re.escape(u) + _none_next(_UNIT_GUARDS.get(u, ""))
    for u in sorted(_UNIT_WORDS.split(), key=len, reverse=True)
)
_ARABIC = r"[0-9]{1,3}(?:,[0-9]{3}(?![0-9]))+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"
# In 十万千瓦 the unit keeps its 千.
_CN_RUN = f"(?:[零〇一二两三四五六七八九十百万亿点]|千{_none_next('瓦米克伏')})+"
_SCALE = f"万亿|千万|百万|亿|万|千{_none_next('米瓦克伏')}(?!分之)"
_PREFIX = "大约|大概|将近|接近|超过|约|近|超|逾"

# Thousands set apart by spaces, as yearbooks print them ("4 364件"): read only before a unit,
# so that figures a table separates with single spaces stay apart.
_SPACED = (
    rf"[0-9]{{1,3}}(?:[ \u00a0\u2009\u202f][0-9]{{3}}(?![0-9]))+"
    rf"(?=(?:{_SCALE})?(?:{_UNIT_ALTERNATIVES}))"
)
_GROUPING = str.maketrans("", "", ", \u00a0\u2009\u202f")  # what separates thousands

QUANTITY_PATTERN = re.compile(
    rf"""(?=[-0-9零〇一二两三四五六七八九十百千约近超逾大将接])  # fail fast on other characters
    (?P<pre>{_PREFIX})?
    (?: (?P<pct>百分之|千分之)(?P<pnum>{_CN_RUN}|{_ARABIC})
      | (?P<sign>-)?(?P<num>{_SPACED}|{_ARABIC})
      | (?P<cn>{_CN_RUN}) )
    (?P<q1>余|多)?(?P<scale>{_SCALE})?(?P<q2>余|多)?(?P<unit>{_UNIT_ALTERNATIVES})?
    (?P<post>以上|左右{_none_next("岸侧手")}|上下{_none_next("游级班楼层贯联")})?""",
    re.X,
)
ARABIC_NUMERAL = re.compile(rf"(?P<num>{_ARABIC})(?P<scale>{_SCALE})?")
# Spans where any number is a name: short quotes (“两个确立”, "4+1大调解"), book titles, URLs,
# and the fixed political phrases that carry a numeral but count nothing. Every alternative
# starts with a plain character, so the search skips ahead in C to the next “, h, 八 … instead
# of trying the whole pattern at every position (three times faster on a report).
_URL_REST = r"[A-Za-z0-9./?=&%#:_~+-]+"
NAME_SPANS = re.compile(
    r'“[^“”\n]{0,15}”|‘[^‘’\n]{0,15}’|"[^"\n]{0,15}"|「[^「」\n]{0,15}」|《[^《》\n]*》'
    rf"|https?://{_URL_REST}|www\.{_URL_REST}"
    r"|八项规定|两个(?:确立|维护|毫不动摇)|四个(?:全面|意识|自信)|五位一体|三个代表"
)
# A number right after these words is a phone number, postcode or code, not a count.
CODE_LABEL = re.compile(
    r"(?:电话|热线|传真|手机|邮编|邮政编码|编号|代码|索引号|文号|号码|拨打|致电|图|表|附件)[: ]*$"
)  # ... and after 图/表/附件 it is a caption: 图4, 表1, 附件2
_MOBILE_OR_YEAR = re.compile(r"1[3-9][0-9]{9}|19[0-9]{2}|20[0-9]{2}")

_CONNECTORS = "-—–~至到:∶︰·・"  # between two numbers: a range, date, time or ratio
_NUMBERISH = "0123456789%‰万亿" + "".join(_CN_DIGITS) + "十百千"
_CODE_NEIGHBOURS = "./_@#&=+\\·・"  # a number touching these is part of a code, URL or formula
_OPENERS, _CLOSERS = "([〔【", ")]〕】"
_QUOTES = "“‘\"'《「『"
_CLAUSE_START = "\n。；;:!?！？| \t"
_NOT_QUALIFIER = {"约": "签节制预履合违公条集特邀相如践解毁", "近": "最附邻临靠亲贴就"}
_NOT_QUALIFIER |= {"超": "赶高不", "超过": "不"}
_DATE_AFTER = "年月日号时至到分"
_QUALIFIERS = APPROX_BELOW | APPROX_ABOVE | APPROX_AROUND


def parse_number(s: str) -> tuple[Decimal, int, int]:
    """Arabic or Chinese numeral (no unit) -> (value, decimals as written, scale)."""
    t = s.strip().translate(_FOLD)
    m = ARABIC_NUMERAL.fullmatch(t)
    if m:
        return _scaled(m["num"].replace(",", ""), _SCALES.get(m["scale"] or "", 1))
    parsed = _parse_chinese(t) if t else None
    if parsed is None:
        raise ValueError(f"not a number: {s!r}")
    return parsed


def _scaled(mantissa: str, scale: int) -> tuple[Decimal, int, int]:
    """Mantissa times scale, exactly: ("1.2", 10000) -> (12000, 1, 10000), no stray zeros.

    Built from the digits rather than multiplied, so no decimal context can round a long number:
    the scale's zeros are appended ("12000", not "1.2E+3"), or else the exponent is written out
    ("9896E-2"). Decimal parses that text exactly, and much faster than a tuple of digits.
    """
    whole, _, frac = mantissa.partition(".")
    if scale == 1:  # most numbers: the digits as written are the value ("12.50" keeps its 0)
        return Decimal(mantissa), len(frac), 1
    exponent = len(str(scale)) - 1 - len(frac)
    digits = whole + frac
    text = digits + "0" * exponent if exponent >= 0 else f"{digits}E{exponent}"
    return Decimal(text), len(frac), scale


def _cn_section(s: str, after_higher: bool) -> tuple[int, int] | None:
    """A numeral below 10000 ("二千三百零五") -> (value, place of its last non-zero digit)."""
    total, digit, last_place, place, zero = 0, None, 0, 10000, False
    for i, ch in enumerate(s):
        if ch in _CN_PLACES:
            if _CN_PLACES[ch] >= place or (digit is None and (ch != "十" or i or after_higher)):
                return None
            place = last_place = _CN_PLACES[ch]
            total, digit, zero = total + (1 if digit is None else digit) * place, None, False
        elif _CN_DIGITS.get(ch) == 0:
            if digit is not None or zero or (i == 0 and not after_higher):
                return None
            zero = True
        elif ch in _CN_DIGITS and digit is None:
            digit = _CN_DIGITS[ch]
        else:
            return None  # two digits in a row ("八五", "一一") or not a numeral at all
    if zero and digit is None:
        return None
    if digit is not None:
        if (place > 10 and place < 10000 and not zero) or (ch == "两" and place < 10000):
            return None  # "一百五" is colloquial, "十两" not a numeral
        total, last_place = total + digit, 1
    if after_higher and s[0] not in "零〇" and s[1:2] != "千":
        return None  # "一万五百" skips a place without 零
    return total, last_place


def _cn_integer(s: str) -> tuple[int, int] | None:
    """Integer numeral -> (value, place of its last non-zero digit): "三万五千六百" -> (35600, 100).

    亿 and 万 split the numeral into sections of up to four places.
    """
    if s in ("零", "〇"):
        return 0, 1
    value, last_place, mult = 0, 0, 0
    rest = s
    for ch, m in (("亿", 10**8), ("万", 10**4)):
        if ch not in rest:
            continue
        head, _, rest = rest.partition(ch)
        if not head or ch in rest:
            return None
        part = _cn_integer(head) if ch == "亿" else _cn_section(head, mult > 0)
        if part is None or part[0] == 0:
            return None
        value, last_place, mult = value + part[0] * m, part[1] * m, m
    if rest:
        if mult and len(rest) == 1 and _CN_DIGITS.get(rest):  # "一万二" = 12000
            return value + _CN_DIGITS[rest] * mult // 10, mult // 10
        part = _cn_section(rest, mult > 0)
        if part is None:
            return None
        value, last_place = value + part[0], part[1] if part[0] else last_place
    return value, last_place


def _parse_chinese(s: str) -> tuple[Decimal, int, int] | None:
    """Chinese numeral -> (value, decimals, scale), None if not well formed.

    "九十八点九六" -> (98.96, 2, 1); "两万" -> (20000, 0, 10000): a numeral that ends in 万 or 亿 is
    a rounding, precise to its last non-zero digit; "一百一十九" is exact (scale 1).
    """
    head, point, tail = s.partition("点")
    if point:
        scale_chars = next((k for k in _SCALES if tail.endswith(k) and len(tail) > len(k)), "")
        digits = tail[: len(tail) - len(scale_chars)]
        whole = _cn_integer(head) if head and not set(head) & {"万", "亿"} else None
        if whole is None or not digits or any(_CN_DIGITS.get(d) is None for d in digits):
            return None
        if "两" in digits:
            return None
        mantissa = f"{whole[0]}.{''.join(str(_CN_DIGITS[d]) for d in digits)}"
        return _scaled(mantissa, _SCALES.get(scale_chars, 1))
    parsed = _cn_integer(s)
    if parsed is None:
        return None
    rounded = s[-1] in "万亿" or (len(s) > 1 and s[-2] in "万亿")
    return Decimal(parsed[0]), 0, parsed[1] if rounded and parsed[0] else 1


def parse_quantity(raw: str) -> Quantity:
    """A quantity written on its own, as in a claims file ("98.96%", "1.2万件", "约300人")."""
    text = raw.strip()
    m = QUANTITY_PATTERN.fullmatch(text.translate(_FOLD))
    q = _build(m, text, standalone=True) if m else None
    if q is None:
        raise ValueError(f"not a number: {raw!r}")
    return Quantity(raw, q.value, q.unit, q.decimals, q.scale, q.qualifier, 0, len(raw))


def find_quantities(text: str, limit: int | None = None) -> list[Quantity]:
    """Every quantity in a normalised text, in order, non-overlapping; raw == text[start:end].
    With `limit`, stop once that many are found (a bound on time and memory for any input)."""
    folded = text.translate(_FOLD) if NEEDS_FOLDING.search(text) else text
    names = [(m.start(), m.end()) for m in NAME_SPANS.finditer(folded)]
    name_starts = [a for a, _ in names]
    padded = folded + "\n\n"  # t[i] is a line break just outside the text, at either end
    found = []
    for m in QUANTITY_PATTERN.finditer(folded):
        q = None if _rejected(m, padded) else _build(m, text, standalone=False)
        if q is None:
            continue
        i = bisect.bisect_right(name_starts, q.start) - 1
        if i < 0 or names[i][1] < q.end:
            found.append(q)
            if limit is not None and len(found) >= limit:
                break
    return found


def _build(m: re.Match, text: str, standalone: bool) -> Quantity | None:
    """The Quantity a pattern match denotes, or None when its numeral is not well formed."""
    pre, pct, pnum, sign, num, cn, q1, scale_chars, q2, unit, post = m.groups()
    start, end = m.span()
    if pre and not standalone and start and m.string[start - 1] in _NOT_QUALIFIER.get(pre, ""):
        start, pre = start + len(pre), None  # 签约12个, 最近3个月, 不超过5天: not an estimate
    if pct:
        if scale_chars or q1 or q2 or unit:
            return None
        parsed = _numeral(pnum)
        unit = "%" if pct == "百分之" else "‰"
    elif num:
        parsed = _scaled(num.translate(_GROUPING), _SCALES.get(scale_chars or "", 1))
    else:
        parsed = _parse_chinese(cn)
        if parsed and scale_chars:  # "三百余万": 余 between the numeral and its scale
            whole, mult = _cn_integer(cn), _SCALES[scale_chars]
            parsed = (Decimal(whole[0] * mult), 0, whole[1] * mult) if whole else None
    if parsed is None:
        return None
    value, decimals, scale = parsed
    unit = "百分点" if unit == "个百分点" else unit or ""
    qualifier = pre or q1 or q2 or post or ""
    assert not qualifier or qualifier in _QUALIFIERS
    value = value.copy_negate() if sign else value
    return Quantity(text[start:end], value, unit, decimals, scale, qualifier, start, end)


def _numeral(s: str) -> tuple[Decimal, int, int] | None:
    """The numeral after 百分之: Arabic, Chinese, or 百 itself (百分之百)."""
    if s == "百":
        return Decimal(100), 0, 1
    try:
        return parse_number(s)
    except ValueError:
        return None


def _rejected(m: re.Match, t: str) -> bool:
    """True when the context shows the match is a date, code, ordinal, name or range.

    `t` is the searched text with two line breaks appended, so t[i] never fails near its ends.
    """
    _, pct, _, sign, num, cn, q1, scale, q2, unit, post = m.groups()
    end = m.end()
    bare, tail, tail2 = not (unit or pct), t[end], t[end + 1]
    if cn and (bare or cn == "一"):
        return True  # a Chinese numeral counts only with its unit; a lone 一 is an article
    if num and bare and not (scale or post) and _is_cjk(tail):
        return True  # 2023年, 12345热线, 8890诉求: a date or a number naming something
    a, z = m.span("sign" if sign else "pnum" if pct else "num" if num else "cn")
    z = m.end("num") if sign else z
    before, before2, after, after2 = t[a - 1], t[a - 2], t[z], t[z + 1]
    if before == "第" or (not pct and t.endswith("分之", 0, a)) or t.startswith("分之", z):
        return True  # ordinals (第二十条, 第1期) and fractions (三分之一)
    if before in "前后" and unit in ("名", "位"):
        return True  # a rank: 前十名, 前5位
    if sign:  # a minus after a number or a code is a dash: 2025-05-03, 5%-5.5%, CJS-1
        if (before.isascii() and before.isalnum()) or before in _NUMBERISH + _CONNECTORS:
            return True
    elif before in _CONNECTORS and before2 in _NUMBERISH:
        return True  # right side of 3-5件, 2021—2025, 16:09, 3·15
    if (after in _CONNECTORS and after2 in _NUMBERISH) or (
        tail in _CONNECTORS and tail2 in _NUMBERISH
    ):
        return True  # left side of a range, date, time or ratio
    if cn:  # “两个”: a slogan; 零部件: a word; 十届三次会议: an ordinal; 几十个: a guess
        return (
            before in _QUOTES
            or before in "届几数"
            or cn in ("零", "〇")
            or unit in _ARABIC_ONLY_UNITS
            or (unit == "次" and t.startswith(("全会", "会议", "全体会议"), end))
        )
    if pct:
        return False
    if (before.isascii() and before.isalnum()) or before in _CODE_NEIGHBOURS:
        return True
    if (after.isascii() and after.isalpha()) or after in _CODE_NEIGHBOURS[1:]:
        return True  # 5G, 4+1, 1/4, www.12345.cn
    if after == "." and not after2.isspace():
        return True  # 1.住房保障类, 12345.cn
    digits = num.translate(_GROUPING)
    if digits[0] == "0" and len(digits.partition(".")[0]) > 1:
        return True  # 0816-7324293, 05: codes, not counts
    if not bare:
        return False
    if scale and not q1 and not q2:
        return (tail.isascii() and tail.isalpha()) or tail in _DATE_AFTER  # 12万群众: a count
    if _is_cjk(tail) or (tail.isascii() and tail.isalpha()):
        return not post  # 20多年, 3余项目: not a count with its unit
    if before in _QUOTES + "〔" or tail == "〕" or (before in _OPENERS and tail in _CLOSERS):
        return True  # “12345”, 〔2025〕, (2021), (1)
    if before in _CLAUSE_START and tail in ".、)" and "." not in digits:
        return True  # list markers: 1、 1. 1)
    left, right = t[max(0, a - 2) : a].strip(" "), t[end : end + 2].strip(" ")
    if left[-1:] in ("—", "-") and right[:1] in ("—", "-"):
        return True  # a page number: —3—
    if _MOBILE_OR_YEAR.fullmatch(digits) and not (left[-1:] in "|\n" and right[:1] in "|\n"):
        return True  # a phone number, or a year (2025中国论坛) unless alone in a table cell
    return bool(CODE_LABEL.search(t, max(0, a - 8), a))


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"
