"""Numbers as written: parsing (a table of raw strings) and finding (sentences with traps)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lawaudit.extract.numbers import find_quantities, parse_number, parse_quantity

# raw -> (value, unit, decimals, scale, qualifier)
PARSED = [
    ("98.96%", "98.96", "%", 2, 1, ""),
    ("98.90%", "98.90", "%", 2, 1, ""),
    ("100%", "100", "%", 0, 1, ""),
    ("４.０%", "4.0", "%", 1, 1, ""),
    ("1.2万件", "12000", "件", 1, 10000, ""),
    ("180.00万件", "1800000", "件", 2, 10000, ""),
    ("300余册", "300", "册", 0, 1, "余"),
    ("百分之九十八点九六", "98.96", "%", 2, 1, ""),
    ("百分之五十", "50", "%", 0, 1, ""),
    ("百分之百", "100", "%", 0, 1, ""),
    ("千分之三", "3", "‰", 0, 1, ""),
    ("12,345.6万元", "123456000", "元", 1, 10000, ""),
    ("1,431起", "1431", "起", 0, 1, ""),
    ("一百一十九件", "119", "件", 0, 1, ""),
    ("两千三百零五件", "2305", "件", 0, 1, ""),
    ("十二件", "12", "件", 0, 1, ""),
    ("二十人", "20", "人", 0, 1, ""),
    ("一千零一户", "1001", "户", 0, 1, ""),
    ("三万五千六百人", "35600", "人", 0, 1, ""),
    ("两万余人次", "20000", "人次", 0, 10000, "余"),
    ("三百余万元", "3000000", "元", 0, 1000000, "余"),
    ("三点五万元", "35000", "元", 1, 10000, ""),
    ("２８７起", "287", "起", 0, 1, ""),
    ("约300人", "300", "人", 0, 1, "约"),
    ("大约50家", "50", "家", 0, 1, "大约"),
    ("近200次", "200", "次", 0, 1, "近"),
    ("将近3万人", "30000", "人", 0, 10000, "将近"),
    ("接近90%", "90", "%", 0, 1, "接近"),
    ("超过1000亿元", "100000000000", "元", 0, 100000000, "超过"),
    ("超80%", "80", "%", 0, 1, "超"),
    ("逾5000户", "5000", "户", 0, 1, "逾"),
    ("27.5万余件", "275000", "件", 1, 10000, "余"),
    ("20多次", "20", "次", 0, 1, "多"),
    ("60%以上", "60", "%", 0, 1, "以上"),
    ("68万人左右", "680000", "人", 0, 10000, "左右"),
    ("5%上下", "5", "%", 0, 1, "上下"),
    ("3.5亿元", "350000000", "元", 1, 100000000, ""),
    ("15737.82亿元", "1573782000000", "元", 2, 100000000, ""),
    ("5.2万亿元", "5200000000000", "元", 1, 1000000000000, ""),
    ("3千万元", "30000000", "元", 0, 10000000, ""),
    ("2百万人", "2000000", "人", 0, 1000000, ""),
    ("2.3个百分点", "2.3", "百分点", 1, 1, ""),
    ("0.2百分点", "0.2", "百分点", 1, 1, ""),
    ("101.1万人次", "1011000", "人次", 1, 10000, ""),
    ("120万千瓦", "1200000", "千瓦", 0, 10000, ""),
    ("十万千瓦", "100000", "千瓦", 0, 100000, ""),
    ("4.9倍", "4.9", "倍", 1, 1, ""),
    ("-0.67‰", "-0.67", "‰", 2, 1, ""),
    ("-3.2%", "-3.2", "%", 1, 1, ""),
    ("284", "284", "", 0, 1, ""),
    ("0.5", "0.5", "", 1, 1, ""),
    ("1.2万", "12000", "", 1, 10000, ""),
    ("兩萬餘人次", "20000", "人次", 0, 10000, "余"),
    ("1.5億元", "150000000", "元", 1, 100000000, ""),
    ("3个工作日", "3", "个工作日", 0, 1, ""),
    ("24个月", "24", "个月", 0, 1, ""),
    ("1.19亿亩次", "119000000", "亩次", 2, 100000000, ""),
]


@pytest.mark.parametrize(("raw", "value", "unit", "decimals", "scale", "qualifier"), PARSED)
def test_parse_quantity(raw, value, unit, decimals, scale, qualifier):
    q = parse_quantity(raw)
    assert (str(q.value), q.unit, q.decimals, q.scale, q.qualifier) == (
        value,
        unit,
        decimals,
        scale,
        qualifier,
    )
    assert (q.raw, q.start, q.end) == (raw, 0, len(raw))
    assert isinstance(q.value, Decimal)


def test_half_ulp_follows_the_written_precision():
    assert parse_quantity("98.96%").half_ulp == Decimal("0.005")
    assert parse_quantity("1.2万件").half_ulp == Decimal("500")
    assert parse_quantity("两万人").half_ulp == Decimal("5000")
    assert parse_quantity("119件").half_ulp == Decimal("0.5")


@pytest.mark.parametrize(
    "raw",
    [
        "八五",
        "十四五",
        "一一",
        "二〇二三年",
        "2023年",
        "第一",
        "百姓",
        "千家",
        "万古镇",
        "一百五",
        "abc",
        "",
        "3-5件",
        "1/4",
        "98.96%%",
    ],
)
def test_parse_quantity_rejects(raw):
    with pytest.raises(ValueError, match="not a number"):
        parse_quantity(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("一百一十九", (119, 0, 1)),
        ("两千三百零五", (2305, 0, 1)),
        ("十二", (12, 0, 1)),
        ("二十", (20, 0, 1)),
        ("一万二千", (12000, 0, 1)),
        ("一千零一", (1001, 0, 1)),
        ("三万五千六百", (35600, 0, 1)),
        ("两万", (20000, 0, 10000)),
        ("一万零五百", (10500, 0, 1)),
        ("三亿五千万", (350000000, 0, 10000000)),
        ("九十八点九六", (Decimal("98.96"), 2, 1)),
        ("零点五", (Decimal("0.5"), 1, 1)),
        ("1.2万", (12000, 1, 10000)),
        ("3亿", (300000000, 0, 100000000)),
        ("12万", (120000, 0, 10000)),
        ("12,345.6", (Decimal("12345.6"), 1, 1)),
    ],
)
def test_parse_number(raw, expected):
    assert parse_number(raw) == expected


@pytest.mark.parametrize(
    "raw", ["八五", "十四五", "一一", "二〇二三", "万", "百", "一万五百", "点五"]
)
def test_parse_number_rejects_malformed_numerals_whole(raw):
    with pytest.raises(ValueError):
        parse_number(raw)


# sentence -> [(raw, value)] of everything found
FOUND = [
    (
        "2023年以来,全镇共调处各类矛盾纠纷287起,调解成功284起,调处成功率98.96%,群众满意率99.07%",
        [("287起", "287"), ("284起", "284"), ("98.96%", "98.96"), ("99.07%", "99.07")],
    ),
    (
        "受理12345便民服务平台民生诉求件119件,及时答复办结119件,满意率100%",
        [("119件", "119"), ("119件", "119"), ("100%", "100")],
    ),
    ("发放普法资料及法规政策手册300余册", [("300余册", "300")]),
    ("覆盖群众两万余人次", [("两万余人次", "20000")]),
    (
        "共接待群众近101.1万人次,受理矛盾纠纷27.5万余件",
        [("近101.1万人次", "1011000"), ("27.5万余件", "275000")],
    ),
    (
        "全年地区生产总值15737.82亿元,比上年增长4.0%",
        [("15737.82亿元", "1573782000000"), ("4.0%", "4.0")],
    ),
    ("涨幅比上年缩小0.2个百分点", [("0.2个百分点", "0.2")]),
    ("| 58 | 7 | 0 |\n合计:965", [("58", "58"), ("7", "7"), ("0", "0"), ("965", "965")]),
    ("满意率为百分之九十八点九六。", [("百分之九十八点九六", "98.96")]),
    ("出生率-0.67‰,结余-1477万元", [("-0.67‰", "-0.67"), ("-1477万元", "-14770000")]),
    ("分别为58、7、12件", [("58", "58"), ("7", "7"), ("12件", "12")]),
    ("惠及46万群众,覆盖十二件", [("46万", "460000"), ("十二件", "12")]),
    ("签约12个项目,最近3个月,不超过5天", [("12个", "12"), ("3个月", "3"), ("5天", "5")]),
    ("重点做好十个方面工作", [("十个", "10")]),
    ("新增5A级景区3家", [("3家", "3")]),
    ("北票市共排查化解各類糾紛1431起,調處成功率95%", [("1431起", "1431"), ("95%", "95")]),
]

# Text that holds no quantity at all.
TRAPS = [
    "2023年",
    "2023年12月20日",
    "4月25日",
    "发布日期:2025-05-03",
    "2025-05-03 16:09:12",
    "2021—2025年",
    "2008年1月至2010年5月底",
    "“3·15”消费者权益日,3·15晚会",
    "二〇二三年",
    "〔2025〕1号",
    "城中政办函〔2025〕19号",
    "国务院令第711号",
    "(2021)30号",
    "第一",
    "第二十条",
    "第(五)项",
    "第1期",
    "第3位",
    "一是加强领导,二要压实责任,其一",
    "一、总体情况",
    "(一)予以公开\n(二)部分公开",
    "(二)",
    "1.住房保障类",
    "说明:\n1、本公报数据",
    "①",
    "“八五”普法",
    "“十四五”规划",
    "“4+1大调解”",
    "“三重一大”",
    "4+1大调解",
    "坚决做到“两个维护”,深刻领悟“两个确立”",
    "中央八项规定精神",
    "电话:0816-7324293",
    "手机13812345678",
    "邮编:621600",
    "CJS044/2025-000234",
    "5G",
    "G20",
    "PM2.5浓度",
    "www.12345.cn",
    "http://www.gov.cn/art/2023/5/t20230501_123.html",
    "1/4",
    "三分之一",
    "近三分之二",
    "3-5件",
    "3至5天",
    "增长5%—5.5%",
    "三次产业比例为0.7:46.4:52.9",
    "12345便民服务平台",
    "12345热线",
    "8890诉求",
    "710政务督办",
    "统一 一体化 进一步 一般 万古镇 百姓 千家万户",
    "一批 一个 一次性",
    "四面八方",
    "美兰机场三期、引洮二期",
    "省委十一届十次、十一次全会",
    "市十六届人大三次会议",
    "三次产业结构",
    "零部件",
    "居全国前10位",
    "图4 2021—2025年",
    "— 3 —",
    "2025中国论坛",
    "20多年来",
    "几十个 数十家 十几个",
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_find_quantities(text, expected):
    found = find_quantities(text)
    assert [(q.raw, str(q.value)) for q in found] == expected
    for q in found:
        assert text[q.start : q.end] == q.raw


@pytest.mark.parametrize("text", TRAPS)
def test_find_quantities_skips_non_quantities(text):
    assert [q.raw for q in find_quantities(text)] == []


def test_find_quantities_fields():
    q1, q2 = find_quantities("共接待群众近101.1万人次,受理矛盾纠纷27.5万余件")
    assert (q1.qualifier, q1.unit, q1.decimals, q1.scale) == ("近", "人次", 1, 10000)
    assert (q2.qualifier, q2.unit, q2.decimals, q2.scale) == ("余", "件", 1, 10000)
    (gdp, growth) = find_quantities("全年地区生产总值15737.82亿元,比上年增长4.0%")
    assert (gdp.unit, gdp.decimals, gdp.scale) == ("元", 2, 100000000)
    assert (growth.unit, growth.decimals) == ("%", 1)
    (pp,) = find_quantities("涨幅比上年缩小0.2个百分点")
    assert (pp.unit, pp.decimals) == ("百分点", 1)
    (approx,) = find_quantities("覆盖群众两万余人次")
    assert (approx.qualifier, approx.unit, approx.scale) == ("余", "人次", 10000)
    (above,) = find_quantities("满意率保持在60%以上。")
    assert (above.raw, above.qualifier) == ("60%以上", "以上")


def test_find_quantities_offsets_after_traditional_and_full_width():
    text = "覆蓋群眾兩萬餘人次,成功率９８.９６％"
    found = find_quantities(text)
    assert [(q.raw, str(q.value), q.unit) for q in found] == [
        ("兩萬餘人次", "20000", "人次"),
        ("９８.９６％", "98.96", "%"),
    ]
    assert all(text[q.start : q.end] == q.raw for q in found)


def test_find_quantities_is_fast():
    import time

    text = "全镇共调处各类矛盾纠纷287起,调解成功284起,调处成功率98.96%。2023年12月20日," * 5000
    start = time.perf_counter()
    assert len(find_quantities(text)) == 15000
    assert time.perf_counter() - start < 2


def _chinese(n: int) -> str:
    """Reference writer of the standard form (一万零五百, 十二, 一亿零五), for round trips."""
    digits = "零一二三四五六七八九"
    out, gap = "", False
    for mult, name in ((10**8, "亿"), (10**4, "万"), (1, "")):
        section = n // mult % 10000
        if not section:
            gap = gap or bool(out)
            continue
        if out and (gap or section < 1000):
            out += "零"
        pending = False
        for place, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = section // place % 10
            if d:
                out += ("零" if pending else "") + digits[d] + unit
                pending = False
            elif out and not out.endswith(("亿", "万", "零")):
                pending = True
        out += name
        gap = False
    out = out[1:] if out.startswith("一十") else out
    return out or "零"


def test_chinese_numerals_round_trip():
    import random

    rng = random.Random(7)
    numbers = [*range(20001), *(rng.randrange(10**12) for _ in range(20000))]
    numbers += [10**k * d for k in range(12) for d in range(1, 10)]
    for n in numbers:
        assert parse_number(_chinese(n))[0] == n, (n, _chinese(n))


@pytest.mark.parametrize("raw", ["", "   ", "\u3000"])
def test_parse_number_rejects_empty_text_with_a_value_error(raw):
    with pytest.raises(ValueError, match="not a number"):
        parse_number(raw)
