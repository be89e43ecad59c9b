"""Measured accuracy on the hand-labelled development set (bench/devset/, bench/score.py).

The figures (recall per kind of check, precision of fails, false alarms, the labelled real
errors found) must stay at or above bench/thresholds.json. The thresholds only go up:
`python bench/score.py --raise-thresholds` lifts them when the tool gets better and never
lowers them. A test cannot see the file's history, so that rule is kept by review instead:
lowering a threshold (or dropping a label) needs a written reason in the commit message.
"""

from __future__ import annotations

import importlib.util
import sys

import pytest

from tests.conftest import CORPUS, ROOT, needs_corpus

SCORE = ROOT / "bench" / "score.py"


def _score_module():
    spec = importlib.util.spec_from_file_location("bench_score", SCORE)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


score = _score_module()


@pytest.fixture(scope="module")
def result():
    return score.measure()


@needs_corpus
def test_labels_follow_the_schema_and_point_at_their_figures():
    # load_labels checks every field, and that each stated figure is on its line.
    labels = score.load_labels()
    assert len(labels) >= 400
    assert len(score.devset_files()) >= 22


@needs_corpus
def test_devset_covers_every_kind_of_report():
    rows = (CORPUS / "SOURCES.tsv").read_text(encoding="utf-8").splitlines()[1:]
    kinds = dict(row.split("\t")[:2] for row in rows if row.strip())
    labelled = set(score.devset_files())
    all_kinds = {k for f, k in kinds.items() if not f.startswith("raw/")}
    assert {kinds[f] for f in labelled} == all_kinds
    excerpts = {f"excerpts/{p.name}" for p in (CORPUS / "excerpts").glob("*.txt")}
    assert excerpts <= labelled, excerpts - labelled


@needs_corpus
def test_figures_meet_the_thresholds(result):
    thresholds = score.load_thresholds()
    assert thresholds, "bench/thresholds.json is missing"
    problems = score.check_thresholds(result, thresholds)
    assert not problems, "\n".join(problems)


@needs_corpus
def test_every_labelled_real_error_is_found(result):
    """The issue's target: every real inconsistency labelled in the development set is found."""
    missed = [r["id"] for r in result["real_errors"] if not r["found"]]
    assert not missed, missed


@needs_corpus
def test_no_false_fail_at_error_severity(result):
    alarms = [fa for fa in result["false_alarms"] if fa["severity"] == "error"]
    assert not alarms, alarms


def test_matching_rules():
    """The matcher itself: numbers as Decimals, parts as a multiset, lines give or take one."""
    label = score.Label(
        file="r.txt",
        source="r.yaml",
        index=0,
        kind="total",
        line=10,
        lo=10,
        hi=12,
        values={"total": "12000", "parts": ["5000", "7000.0", "0"], "stated": "1.2"},
        verdict="pass",
        real_error=False,
    )
    check = {"rule": "LA102", "line": 13, "values": {"total": "1.2E+4", "parts": ["7000", "5000"]}}
    assert score.kind_of(check) == "total" and score.near(label, check)
    assert score.values_match(label, check["values"])
    assert not score.near(label, {**check, "line": 14})
    assert not score.values_match(label, {"total": "12000", "parts": ["5000", "6000"]})
    rate = score.Label("r.txt", "r.yaml", 1, "change", 3, 3, 3, {}, "pass", False)
    rate.values = {"current": "835", "previous": "541", "stated": "294"}
    assert score.values_match(rate, {"current": "835", "previous": "541", "stated": "2.94E+10"})
    assert score.kind_of({"rule": "LA999"}) == score.OTHER


def test_fresh_sets_follow_the_schema(tmp_path):
    # bench/fresh holds labels of real excerpts kept outside the project (its README says why
    # and where from): their schema is checked here; their places need the texts.
    fresh = ROOT / "bench" / "fresh"
    for part, at_least in (
        ("round1", 400),
        ("round2", 390),
        ("round3", 180),
        ("round3b", 100),
        ("round4", 250),
        ("round5", 510),
        ("round6", 510),
    ):
        labels = score.load_labels(fresh / part, tmp_path)
        assert len(labels) >= at_least, part
        assert all(lb.file.startswith("texts/") for lb in labels)
    sources = (fresh / "SOURCES.tsv").read_text(encoding="utf-8").splitlines()
    named = {row.split("\t")[0] for row in sources if row.strip()}
    for part in ("round1", "round2", "round3", "round3b", "round4", "round5", "round6"):
        for path in (fresh / part).glob("*.yaml"):
            assert f"{path.stem}.txt" in named, path.name
