"""Bytes of any kind, any job count, and a crash mid-write: a verdict or a clear error, always."""

from __future__ import annotations

import random
import subprocess
import sys

import pytest

from lawaudit.readers import ReadError
from lawaudit.readers.text import decode, document_from_text
from tests.conftest import ROOT, SEED, corpus_files


def mutated_bytes(rng: random.Random, base: bytes) -> bytes:
    data = bytearray(base[: rng.randrange(1, 2000)])
    for _ in range(rng.randrange(0, 30)):
        i = rng.randrange(len(data) + 1)
        op = rng.random()
        if op < 0.4:
            data.insert(i, rng.randrange(256))
        elif data and op < 0.7:
            del data[min(i, len(data) - 1)]
        elif data:
            data[min(i, len(data) - 1)] = rng.randrange(256)
    return bytes(data)


def test_random_and_mutated_bytes_decode_or_say_why():
    rng = random.Random(6)
    bases = [SEED.read_bytes(), SEED.read_text(encoding="utf-8").encode("gb18030")]
    bases += [p.read_bytes() for p in corpus_files()[:5]]
    samples = [rng.randbytes(rng.randrange(0, 3000)) for _ in range(100)]
    samples += [mutated_bytes(rng, rng.choice(bases)) for _ in range(300)]
    for data in samples:
        try:
            text = decode(data)
        except ReadError as e:
            assert "\n" not in str(e) and str(e)
            continue
        document_from_text("x.txt", text)  # and the cleaning never raises


@pytest.mark.parametrize("fmt", ["sarif", "json", "junit"])
def test_machine_output_is_the_same_bytes_for_any_job_count(tmp_path, fmt):
    files = [str(SEED)] + [str(p) for p in corpus_files()[:6]]
    outputs = []
    for jobs in ("1", "2"):
        cmd = [sys.executable, "-m", "lawaudit", "check", *files, "-f", fmt, "--jobs", jobs]
        done = subprocess.run(cmd, capture_output=True, cwd=ROOT, check=False, env={"CI": "true"})
        assert done.returncode in (0, 1), done.stderr
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]


def test_a_crash_while_writing_leaves_the_old_file(tmp_path, monkeypatch):
    from lawaudit import cli

    out = tmp_path / "audit.json"
    out.write_text("old report", encoding="utf-8")

    class Boom(Exception):
        pass

    with pytest.raises(Boom), cli.opened(str(out)) as f:
        f.write("half a new rep")
        raise Boom
    assert out.read_text(encoding="utf-8") == "old report"
    assert [p.name for p in tmp_path.iterdir()] == ["audit.json"]


# Sentences of the family's shapes whose figures a report may well state as 0 or 100: a whole
# of zero once stopped the audit with ZeroDivisionError, and a 分别 list of another length with
# IndexError. Every figure is replaced by 0, 1 and 100 in turn, and each audit must finish.
SHAPES = (
    "本年度共收到政府信息公开申请9件，按时答复率90%。",
    "全年受理8件，其中甲类5件，占62.5%；乙类3件，占37.5%。",
    "本季度受理投诉12件，办结11件，办结率91.7%，较上年的10件增长20%。",
    "甲区、乙区受理来信分别为10件、20件，丙、丁、戊三镇分别为50件、60件、70件，办结率分别为90%、95%、100%。",
    "在办结的申请中，予以公开5件，部分公开2件，其他处理1件。",
    "从被申请人来看，县公安局3件，其他部门2件。",
)


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("figure", ["0", "1", "100"])
def test_zero_and_whole_figures_never_stop_the_audit(shape, figure):
    import re

    import lawaudit

    spans = [m.span() for m in re.finditer(r"\d+(?:\.\d+)?", shape)]
    for a, b in spans:
        text = shape[:a] + figure + shape[b:]
        assert lawaudit.audit_text(text, lang="en").error is None, text
    everything = re.sub(r"\d+(?:\.\d+)?", figure, shape)
    assert lawaudit.audit_text(everything, lang="en").error is None, everything
