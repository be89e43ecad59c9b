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
