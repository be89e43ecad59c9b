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
