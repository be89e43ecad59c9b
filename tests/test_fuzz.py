"""No input text makes extraction or the rules raise: mutated report text, bounded and seeded."""

from __future__ import annotations

import random

import pytest

from lawaudit.engine import audit
from lawaudit.extract import extract
from lawaudit.readers.text import document_from_text
from tests.conftest import SEED, corpus_files

ALPHABET = (
    "0123456789.,，、。%％万亿余近约共其中受理办结率占比增长下降（）()“”\n 　"
    "一二三四五六七八九十百千零两点分之第是"
)
EDGE_CASES = [
    "",
    "\n",
    "%",
    "其中",
    "共",
    "率%",
    "1" * 5000,
    "其中" * 3000,
    "、" * 3000,
    "占比%" * 2000,
    # Found by a longer run of this fuzzer: numeral characters that make no number, where a
    # list marker or a title month was expected.
    "工作有两个方面:一是甲,二是乙,四四是丙。",
    "12345热线五五月情况通报\n2025年3月,受理诉求件119件,办结119件。",
]


def mutated(rng: random.Random, base: str) -> str:
    i = rng.randrange(len(base))
    chunk = list(base[i : i + rng.randrange(1, 400)])
    for _ in range(rng.randrange(0, 20)):
        k = rng.randrange(len(chunk) + 1)
        op = rng.random()
        if op < 0.5:
            chunk.insert(k, rng.choice(ALPHABET))
        elif chunk and op < 0.8:
            chunk.pop(min(k, len(chunk) - 1))
        else:
            chunk.insert(k, chr(rng.randrange(0x20, 0x3000)))
    return "".join(chunk)


def texts():
    sources = [p.read_text(encoding="utf-8") for p in corpus_files()[:20]]
    sources.append(SEED.read_text(encoding="utf-8"))
    rng = random.Random(2026)
    return EDGE_CASES + [mutated(rng, rng.choice(sources)) for _ in range(400)]


@pytest.mark.parametrize("chunk", [slice(i, i + 50) for i in range(0, 410, 50)])
def test_no_text_makes_the_pipeline_raise(chunk):
    for text in texts()[chunk]:
        found = extract(document_from_text("f.txt", text))
        result = audit("f.txt", found.claims, found.quantities, None, None, found.notable)
        for check in result.checks:
            assert check.line >= 0 and check.status.value in ("pass", "fail", "unverifiable")


NUMERAL_CHARS = "〇零一二三四五六七八九十"


@pytest.mark.parametrize("length", [1, 2, 3])
def test_every_marker_and_month_the_patterns_take_has_a_value(length):
    """List markers and title months are matched by character classes, which also take strings
    that are no numeral ("四四是", "五五月"): each must give a value, or no claim, never raise."""
    from itertools import product

    from lawaudit.extract.listed import MARKERS, _marker_value
    from lawaudit.extract.period import MONTH_TITLE, _number

    for chars in product(NUMERAL_CHARS, repeat=length):
        n = "".join(chars)
        for pattern in MARKERS[:2]:
            m = pattern.search(f"。{n}是" if pattern is MARKERS[0] else f"({n})")
            if m:
                assert _marker_value(m["n"]) >= 0
        m = MONTH_TITLE.search(f"热线{n}月情况通报")
        if m:
            assert 1 <= _number(m["m"]) <= 12, n
