"""Readers: decoding every encoding a report arrives in, and cleaning that keeps file positions."""

from __future__ import annotations

import io
import itertools
import random
import re
import sys
import time
import unicodedata

import pytest

from lawaudit.readers import ReadError, decode, document_from_text, read
from lawaudit.readers.text import ASSIGNED_RUNS, FOLD, TRADITIONAL
from tests.conftest import CORPUS, SEED, corpus_files, needs_corpus

REPORT = "全镇共调处矛盾纠纷287起，调解成功284起，调处成功率98.96%。\n"


def write(tmp_path, data: bytes, name: str = "report.txt") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def expected_line_col(source: str, needle: str) -> tuple[int, int]:
    """Line and column of `needle` in `source`, as an editor counts them (\\r\\n, \\r, \\n)."""
    i = source.index(needle)
    lines = re.split(r"\r\n|\r|\n", source[:i])
    return len(lines), len(lines[-1]) + 1


def clean(source: str) -> str:
    return document_from_text("case.txt", source).text


# --- decoding -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        REPORT.encode("utf-8"),
        REPORT.encode("utf-8-sig"),
        REPORT.encode("gb18030"),
        REPORT.encode("gbk"),
        REPORT.encode("gb2312"),
        REPORT.encode("utf-16"),  # with a byte-order mark
        b"\xff\xfe" + REPORT.encode("utf-16-le"),
        b"\xfe\xff" + REPORT.encode("utf-16-be"),
        REPORT.encode("utf-16-le"),  # no byte-order mark: found by its NUL bytes
        REPORT.encode("utf-16-be"),
        REPORT.encode("utf-32"),
    ],
    ids=["utf8", "utf8-bom", "gb18030", "gbk", "gb2312", "utf16", "utf16le-bom", "utf16be-bom",
         "utf16le", "utf16be", "utf32"],
)  # fmt: skip
def test_every_encoding_decodes_to_the_same_text(tmp_path, data):
    doc = read(write(tmp_path, data))
    assert doc.source == REPORT  # byte-order mark removed
    assert "调处成功率98.96%" in doc.text


def test_gb18030_characters_outside_gbk():
    text = "䶮镇调处纠纷287起。"  # 䶮 is in GB18030 but not in GBK
    assert decode(text.encode("gb18030")) == text


def test_short_utf16_without_bom_and_mostly_chinese():
    text = "一、受理12345热线诉求1200件\n"
    assert decode(text.encode("utf-16-le")) == text
    assert decode(text.encode("utf-16-be")) == text


def test_ascii_utf16_and_a_stray_nul():
    assert decode("Total 1200, 98.5%\r\n".encode("utf-16-le")) == "Total 1200, 98.5%\r\n"
    stray = "受理 1200 件。\x00\n" + "办结 1180 件，办结率 98.33%。\n" * 40
    assert decode(stray.encode("utf-8")) == stray  # one NUL does not make it UTF-16 or binary


def test_encoding_override(tmp_path):
    big5 = "調處成功率98.96%".encode("big5")
    doc = read(write(tmp_path, big5), encoding="big5")
    assert doc.source == "調處成功率98.96%"
    assert doc.text == "调处成功率98.96%"  # traditional folded in text only
    assert read(write(tmp_path, REPORT.encode("gbk")), encoding="GBK").source == REPORT
    assert read(write(tmp_path, REPORT.encode("utf-8-sig")), encoding="utf-8").source == REPORT


def test_wrong_encoding_override_names_the_encoding(tmp_path):
    path = write(tmp_path, REPORT.encode("utf-8"))
    with pytest.raises(ReadError, match=r"cannot decode .*report\.txt: not valid ascii"):
        read(path, encoding="ascii")
    with pytest.raises(ReadError, match=r"unknown text encoding 'no-such-codec'"):
        read(path, encoding="no-such-codec")
    with pytest.raises(ReadError, match="unknown text encoding 'base64'"):
        read(path, encoding="base64")  # a codec, but not a text encoding


def test_undecodable_bytes(tmp_path):
    path = write(tmp_path, b"\x80abc\xff\x80")  # neither UTF-8 nor GB18030
    with pytest.raises(ReadError) as e:
        read(path)
    assert str(e.value) == f"cannot decode {path}: not UTF-8, UTF-16 or GB18030; try --encoding"


@pytest.mark.parametrize(
    "data",
    [
        random.Random(7).randbytes(4096),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + random.Random(8).randbytes(2000),
        b"\x7fELF\x02\x01\x01\x00" + bytes(56) + random.Random(9).randbytes(500),
    ],
    ids=["random", "png", "elf"],
)
def test_binary_is_refused(tmp_path, data):
    with pytest.raises(ReadError, match="looks binary"):
        read(write(tmp_path, data))


def test_the_blocks_skipped_by_the_unassigned_test_are_all_assigned():
    runs = re.findall(r"(.)-(.)", ASSIGNED_RUNS.pattern.encode().decode("unicode_escape"))
    assert len(runs) == 5
    for lo, hi in runs:
        assert all(unicodedata.category(chr(c)) != "Cn" for c in range(ord(lo), ord(hi) + 1))


def test_unassigned_code_points_still_make_junk(tmp_path):
    """Unassigned characters (U+0378, U+2065, U+FFBF …) among report text: not a report."""
    junk = "".join(chr(c) for c in (0x378, 0x2065, 0xFFBF, 0x1FFFE, 0xE01F0)) * 40
    text = "全年受理诉求件119件，办结119件。" * 10 + junk
    with pytest.raises(ReadError, match="looks binary"):
        read(write(tmp_path, text.encode()))
    assert read(write(tmp_path, ("全年受理诉求件119件。" * 10).encode())).text


def test_missing_file_and_directory(tmp_path):
    missing = str(tmp_path / "nope.txt")
    with pytest.raises(ReadError) as e:
        read(missing)
    assert str(e.value) == f"cannot read {missing}: no such file"
    with pytest.raises(ReadError) as e:
        read(str(tmp_path))
    assert str(e.value) == f"cannot read {tmp_path}: is a directory"


def test_permission_denied(tmp_path, monkeypatch):
    """Simulated, because root (as in CI) may read any file."""
    path = write(tmp_path, REPORT.encode())

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr("builtins.open", refuse)
    with pytest.raises(ReadError, match="permission denied"):
        read(path)


def test_errors_are_one_line(tmp_path):
    cases = [
        (str(tmp_path / "missing.txt"), None),
        (write(tmp_path, b"\x80\xff", "bad.txt"), None),
        (write(tmp_path, REPORT.encode(), "utf8.txt"), "ascii"),
    ]
    for path, enc in cases:
        with pytest.raises(ReadError) as e:
            read(path, encoding=enc)
        assert "\n" not in str(e.value)


def test_stdin(monkeypatch):
    class Stdin:
        buffer = io.BytesIO(REPORT.encode("gbk"))

    monkeypatch.setattr(sys, "stdin", Stdin())
    doc = read("-")
    assert doc.path == "-"
    assert doc.source == REPORT


def test_reading_leaves_the_file_alone(tmp_path):
    data = ("\ufeff" + REPORT.replace("\n", "\r\n")).encode("utf-8")
    path = write(tmp_path, data)
    read(path)
    assert (tmp_path / "report.txt").read_bytes() == data


def test_empty_input():
    doc = document_from_text("e.txt", "")
    assert doc.text == "" and list(doc.origin) == [0] and doc.line_starts == (0,)
    assert decode(b"") == ""


# --- offsets --------------------------------------------------------------------------------


def assert_maps_back(doc, needle_text: str, needle_source: str) -> None:
    i = doc.text.index(needle_text)
    assert doc.line_col(i) == expected_line_col(doc.source, needle_source)


def test_seed_offsets():
    doc = read(str(SEED))
    assert_maps_back(doc, "98.96%", "98.96%")
    assert_maps_back(doc, "处成功率", "处成功率")
    assert doc.quote(doc.text.index("98.96%"), doc.text.index("98.96%") + 6) == "98.96%"


def test_crlf_lone_cr_and_bom_offsets(tmp_path):
    source = "一、工作情况\r\n\r\n全年受理诉求 1200 件，办结率 98.5%。\r第二行 36 件。\n"
    doc = read(write(tmp_path, ("\ufeff" + source).encode("utf-8")))
    assert doc.source == source
    assert "\r" not in doc.text
    assert len(doc.line_starts) == 5
    assert_maps_back(doc, "98.5%", "98.5%")
    assert doc.line_col(doc.text.index("36件")) == (4, 5) == expected_line_col(source, "36 件")
    assert doc.line_col(0) == (1, 1)


def test_full_width_digits_keep_their_column():
    source = "第一段。\n全镇调处纠纷２８７起，成功率９８．９６％。"
    doc = document_from_text("f.txt", source)
    assert "287起,成功率98.96%。" in doc.text
    assert_maps_back(doc, "287起", "２８７起")
    assert_maps_back(doc, "98.96%", "９８．９６％")


def test_origin_invariants_on_every_input():
    sources = [SEED.read_text(encoding="utf-8")] + [
        p.read_text(encoding="utf-8") for p in corpus_files()
    ]
    for source in sources:
        doc = document_from_text("x", source)
        origin = doc.origin
        assert len(origin) == len(doc.text) + 1 and origin[-1] == len(source)
        assert all(a < b for a, b in itertools.pairwise(origin))
        for c, at in zip(doc.text, origin, strict=False):  # origin has one entry more
            s = source[at]
            if c == "\n":
                assert s in "\r\n\f"
            elif c == "|" and s != "|":
                assert FOLD.get(s) == " " or s == " ", (c, s)  # a table gap: a cell break
            elif s != c:
                assert FOLD.get(s) == c or (c == " " and s in "\r\n\f"), (c, s)


def test_no_digit_glued_across_a_line_break():
    sources = [SEED.read_text(encoding="utf-8")] + [
        p.read_text(encoding="utf-8") for p in corpus_files()
    ]
    sources.append("全年受理群众来信来访及网上信访事项，共计 12175\n94929 件次，办结率 98%。")
    for source in sources:
        doc = document_from_text("x", source)
        origin = list(doc.origin)
        for i in range(1, len(doc.text)):
            between = source[origin[i - 1] + 1 : origin[i]]
            if "\n" in between or "\r" in between:
                assert not (doc.text[i - 1].isdigit() and doc.text[i].isdigit())
    assert "12175 94929件次" in clean(sources[-1])


# --- cleaning -------------------------------------------------------------------------------


def test_folding():
    assert clean("（一）受理２８７件，占比：９８．５％；") == "(一)受理287件,占比:98.5%;"
    assert clean("調處糾紛辦結滿意率　達９９％") == "调处纠纷办结满意率达99%"
    kept = "。、“”‘’〔〕【】《》①②"
    assert clean(kept) == kept


def test_mirrored_pages_read_as_the_report():
    # traditional characters of a mirror, and the pinyin some mirrors put after a character
    assert clean("當前位置:首頁 > 運行通報") == "当前位置:首页>运行通报"
    assert clean("在辦結(jié)的行政復(fù)議案件中") == "在办结的行政复议案件中"
    assert clean("见附件(a)和(de)") == "见附件(a)和(de)"  # no tone mark: not read as pinyin
    assert clean("Table(zhé)") == "Table(zhé)"  # after a Latin letter it is no annotation


def test_traditional_table_is_one_to_one():
    pairs = TRADITIONAL.split()
    assert all(len(p) == 2 for p in pairs)
    traditional = {p[0] for p in pairs}
    assert len(traditional) == len(pairs)
    assert not traditional & {p[1] for p in pairs}


def test_spaces():
    assert clean("处成功率 98.96%") == "处成功率98.96%"
    assert (
        clean("第 二 产 业 增 加 值 3970.37 亿 元 ， 增 长 4.8%")
        == "第二产业增加值3970.37亿元,增长4.8%"
    )
    assert clean("150.25 万件") == "150.25万件"
    assert clean("12175 94929") == "12175 94929"
    assert clean("Hello  world\t!") == "Hello world!"
    assert clean("表 1  2025 年") == "表1 2025年"
    assert clean("\u00a0受理\u3000120 件") == "受理120件"


def test_a_table_whose_cells_single_spaces_part_becomes_rows_of_cells():
    text = "年份 县法院 区法院 合计\n2021 120 80 200\n2022 95 105 200\n说明 单位 为件"
    assert clean(text).split("\n") == [
        "年份|县法院|区法院|合计",
        "2021|120|80|200",
        "2022|95|105|200",
        "说明单位为件",  # three words, but no rows follow: prose
    ]


def test_spaced_words_with_no_rows_under_them_stay_prose():
    assert clean("基本 情况 说明\n全年受理 120 件") == "基本情况说明\n全年受理120件"
    assert clean("年份 县法院 区法院\n2021 120 80") == "年份县法院区法院\n2021 120 80"  # one row


def test_letter_spaced_line():
    assert clean("增 长 4 . 5 % ， 占 G D P 比 重 为 6 4 % 。") == "增长4.5%,占GDP比重为64%。"


def test_footnote_references():
    assert (
        clean("[1]\n地区生产总值 [2]13902.67 亿元，增长 4.7%。")
        == "地区生产总值13902.67亿元,增长4.7%。"
    )
    assert clean("x[1] = 2") == "x[1]=2"  # not after Chinese: kept


@pytest.mark.parametrize(
    "furniture", ["— 1 —", "—1—", "- 2 -", "－3－", "第1页", "第 1 页 共 5 页", "1/5", "[1]"]
)
def test_page_furniture_is_removed_and_the_sentence_joined(furniture):
    source = (
        f"全年公共预算收入完成 421.8 亿元，\n支出完成 723.3 亿元，同比增\n{furniture}\n\n长 3.1%。"
    )
    assert clean(source) == "全年公共预算收入完成421.8亿元,支出完成723.3亿元,同比增长3.1%。"


def test_web_paragraph_broken_across_blank_lines():
    source = (
        "今年以来，全镇共调处各类矛盾纠纷 156 起，调解成功 150 起，调\n\n"
        "处成功率 96.15%，群众满意率 99.1%。\n\n"
        "（二）强化队伍建设，提升依法行政能力\n\n"
        "组织干部职工学法 12 次，利用文化广场、\n\n"
        "村部等阵地开展普法宣传 30 场。"
    )
    assert clean(source) == (
        "今年以来,全镇共调处各类矛盾纠纷156起,调解成功150起,调处成功率96.15%,群众满意率99.1%。\n"
        "(二)强化队伍建设,提升依法行政能力\n"
        "组织干部职工学法12次,利用文化广场、村部等阵地开展普法宣传30场。"
    )


def test_seed_joins():
    text = read(str(SEED)).text
    assert "调处成功率98.96%" in text
    assert "公园、老年活动中心" in text
    assert "\n(二)强化队伍建设,提升依法行政能力\n" in text
    assert "\n一、推进法治政府建设的主要举措和成效\n" in text
    assert "永安市槐南镇人民政府\n2023年度法治政府建设工作报告\n一年来" in text


def pdf_page(sentences: str, width: int = 48) -> str:
    """Wrap text at a display width (a Chinese character is 2), as pdftotext does."""
    lines, line, used = [], "", 0
    for c in sentences:
        if used >= width:
            lines.append(line)
            line, used = "", 0
        line += c
        used += 1 if c.isascii() else 2
    return "\n".join([*lines, line])


def test_pdf_wrapped_paragraphs():
    para = (
        "全年一般公共预算收入完成 512.6 亿元，同比增长 4.1%，其中税收收入 350.2 亿元，"
        "非税收入 162.4 亿元。一般公共预算支出完成 803.5 亿元，同比增长 2.7%，教育、"
        "社会保障和就业、卫生健康等民生支出占比达到 75.3%，重点领域支出得到有力保障。"
        "全年坚持统筹推进财政资金资源整合盘活存量资产持续优化支出结构强化重点领域保障。"
        "政府性基金预算收入完成 233.9 亿元，同比下降 8.2%，主要是国有土地使用权出让收入减少"
    )
    source = (
        "关于某市2025年预算执行情况的报告\n"
        "一、2025 年预算执行情况\n"
        + pdf_page(para)
        + "。\n— 1 —\n\f（一）一般公共预算\n"
        + pdf_page(para.replace("，", "、"))
        + "。\n"
    )
    text = clean(source)
    assert "— 1 —" not in text and "—1—" not in text
    lines = text.split("\n")
    assert lines[0] == "关于某市2025年预算执行情况的报告"
    assert lines[1] == "一、2025年预算执行情况"
    assert lines[2].startswith("全年一般公共预算收入完成512.6亿元,同比增长4.1%")
    assert lines[2].endswith("国有土地使用权出让收入减少。")
    assert lines[3] == "(一)一般公共预算"
    assert len(lines) == 5


def test_headings_list_items_and_tables_keep_their_breaks():
    assert clean("工作情况如下\n（一）受理诉求 1200 件") == "工作情况如下\n(一)受理诉求1200件"
    assert clean("一、主要工作\n全年受理诉求 1200 件。") == "一、主要工作\n全年受理诉求1200件。"
    table = "投诉 3751 件 占比 82.13%\n表扬 298 件 占比 6.53%\n求助 187 件 占比 4.09%"
    assert clean(table) == "投诉3751件占比82.13%\n表扬298件占比6.53%\n求助187件占比4.09%"
    assert clean("索引号 | A-2025 | 分类 |\n名称 | 报告 |") == "索引号|A-2025|分类|\n名称|报告|"
    assert clean("项目\t金额\t占比\n教育\t121.7\t17.4%") == "项目|金额|占比\n教育|121.7|17.4%"
    assert clean("2024年5月群众诉求情况分析\n5月，全市热线共受理诉求3200件。") == (
        "2024年5月群众诉求情况分析\n5月,全市热线共受理诉求3200件。"
    )


def test_a_caption_keeps_its_break_even_when_wide():
    body = pdf_page(
        "全年全市居民人均可支配收入 47496 元，比上年增长 5.4%。按常住地分，城镇居民" * 8
    )
    source = body + "\n图 5 2021—2025 年全市居民人均可支配收入（元）及其增长速度\n全年全市居民"
    assert clean(source).endswith(
        "\n图5 2021—2025年全市居民人均可支配收入(元)及其增长速度\n全年全市居民"
    )


def test_a_wrapped_unit_is_joined_to_its_number():
    source = (
        "全年公路货物运输总量 2.14 亿吨。\n公路旅客运输周转量 5.09\n亿人公里，比上年减少 18.4%。"
    )
    assert "公路旅客运输周转量5.09亿人公里,比上年减少18.4%。" in clean(source)


@needs_corpus
def test_luoyang_pdf_text_flows():
    text = read(str(CORPUS / "luoyang-2025-yusuan.txt")).text
    assert "支出预算合计726.9亿元" in text
    assert "—1—" not in text and "\f" not in text
    assert "\n一、2025年预算执行情况\n" in text


@needs_corpus
def test_changji_table_lines_stay_apart():
    text = read(str(CORPUS / "excerpts" / "changji-12345-2025-04.txt")).text
    assert "\n投诉3751件占比82.13%\n表扬298件占比6.53%\n" in text


# --- pages and size -------------------------------------------------------------------------


def test_pages_from_form_feeds():
    source = "第一页受理 10 件。\n\f第二页办结 9 件。\n\f第三页。\n\f"
    doc = document_from_text("p.txt", source)
    assert doc.page_starts == (0, source.index("第二"), source.index("第三"))
    assert doc.page(doc.text.index("10件")) == 1
    assert doc.page(doc.text.index("9件")) == 2
    assert doc.page(doc.text.index("第三")) == 3
    assert document_from_text("n.txt", "没有分页。").page_starts == ()
    assert document_from_text("n.txt", "没有分页。").page(0) is None


def test_a_large_single_line_cleans_in_linear_time():
    unit = "全镇共调处矛盾纠纷 287 起，调解成功 284 起，调处成功率 98.96%。"
    source = unit * (5_000_000 // len(unit))
    start = time.perf_counter()
    doc = document_from_text("big.txt", source)
    assert time.perf_counter() - start < 5  # about a second on a laptop
    assert len(doc.origin) == len(doc.text) + 1


def test_table_gaps_become_cell_bars_and_map_back_to_the_source():
    """A tab or a wide gap between cells of a line with no sentence marks is a cell break the
    grid reads ("|", placed at the gap's first character); inside a sentence it is typing."""
    source = "单位\t受理量\t办结量\n甲局   120   118\n全年受理500件，办结率    98%。\n目   录"
    doc = document_from_text("t.txt", source)
    lines = doc.text.split("\n")
    assert lines[0] == "单位|受理量|办结量"
    assert lines[1] == "甲局|120|118"
    assert "|" not in lines[2] and "办结率98%" in lines[2]
    assert lines[3] == "目录"  # one gap: a spaced-out heading, not two cells
    bar = doc.text.index("|")
    assert source[doc.origin[bar]] == "\t"
