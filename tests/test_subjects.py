"""A check's subject is the phrase the report uses for it (issue 15, item 5): cut at clause
boundaries, never clipped at the front or said twice, and A、B分别达X%、Y% gives A→X, B→Y."""

from __future__ import annotations

from lawaudit.extract import extract
from lawaudit.model import ClaimKind
from lawaudit.readers.text import document_from_text


def subjects(text: str) -> dict[str, str]:
    claims = extract(document_from_text("x.txt", text)).claims
    return {c.stated.raw: c.subject for c in claims if c.kind is ClaimKind.RATE}


def test_a_long_rate_name_is_not_clipped_at_the_front():
    assert subjects("全年行政机关负责人出庭应诉率保持100%。")["100%"] == "行政机关负责人出庭应诉率"


def test_a_share_with_no_named_whole_is_said_once():
    got = subjects("农村规模化供水工程覆盖人口比例达90.5%。")["90.5%"]
    assert got == "农村规模化供水工程覆盖人口比例"


def test_respective_rates_go_to_their_names_in_order():
    got = subjects("适龄儿童入园率和普惠率分别达96%、88%。")
    assert got == {"96%": "适龄儿童入园率", "88%": "普惠率"}


def test_listed_names_go_to_their_values_in_order():
    got = subjects("全市农村供电可靠率、自来水普及率分别达99.9%、98.7%。")
    assert got == {"99.9%": "农村供电可靠率", "98.7%": "自来水普及率"}  # 全市 is filler


def test_one_rate_name_before_respective_values_names_them_all():
    got = subjects("城乡自来水普及率分别达99.9%、98.7%。")
    assert got == {"99.9%": "城乡自来水普及率", "98.7%": "城乡自来水普及率"}


def test_the_first_share_of_a_respective_list_is_the_first_name():
    got = subjects("先进制造业、高技术制造业增加值占规模以上工业增加值比重分别达56.2%、34.7%。")
    assert got["56.2%"] == "先进制造业占规模以上工业增加值比重"


def test_a_counted_list_is_named_by_its_count_and_noun_not_the_words_after():
    text = (
        "从加强队伍建设、规范执法程序、强化监督问责、推进公开透明、优化服务方式"
        "五个方面就改进工作提出建议。"
    )
    claims = extract(document_from_text("x.txt", text)).claims
    assert [c.subject for c in claims if c.kind is ClaimKind.LISTED] == ["五个方面"]
