"""Measure lawaudit against the hand-labelled development set in bench/devset/.

Each bench/devset/<stem>.yaml names one report under ../shared/corpus/real/ and lists the checks
a careful auditor would make on it, with the numbers and the verdict worked out by hand (see
bench/devset/README.md). This script runs lawaudit once over all of those reports and prints,
per kind of check:

- recall: labelled checks the tool found with the right numbers (a tool check of the mapped
  rule, on the label's line or span give or take one line, whose values equal the label's);
- precision of fails: tool fails that match a label marked ``real_error``;
- false alarms: tool fails with no matching real-error label (each listed with file:line and
  the tool's message), and how many of them are at error severity.

Every labelled real error is listed with whether it was found. ``--json`` prints the figures
as JSON (tests/test_devset.py reads it and compares it with bench/thresholds.json).

    python bench/score.py                      # the tables and lists
    python bench/score.py --json               # the figures, for programs
    python bench/score.py --raise-thresholds   # lift bench/thresholds.json to the figures
    python bench/score.py --set genre --part dev   # the seed's family: tune on this part
    python bench/score.py --set genre --part test  # ... and report this one, never tune on it
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))  # split.py, beside this file

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "bench" / "devset"
GENRE = ROOT / "bench" / "genre"  # the seed's family; split by bench/split.py
CORPUS = ROOT.parent / "shared" / "corpus" / "real"
THRESHOLDS = ROOT / "bench" / "thresholds.json"

# Label kinds, in report order, and the tool rules that make each kind of check.
KINDS = (
    "rate",
    "granularity",
    "range",
    "shares",
    "completion",
    "total",
    "change",
    "points",
    "listed",
    "repeat",
    "period",
)
RULE_KIND = {
    "LA101": "total",
    "LA102": "total",
    "LA103": "listed",
    "LA201": "rate",
    "LA202": "completion",
    "LA203": "granularity",
    "LA204": "range",
    "LA205": "shares",
    "LA206": "shares",
    "LA301": "change",
    "LA302": "points",
    "LA401": "repeat",
    "LA402": "period",
}
OTHER = "other"  # a tool rule no label kind covers (LA9xx notices, rules added later)

# The values a label of each kind must carry, and those it may carry. All are compared with
# the tool's `values` as Decimals (`parts` as a multiset, zero parts ignored).
REQUIRED = {
    "rate": ("numerator", "denominator", "stated"),
    "granularity": ("stated",),
    "range": ("stated",),
    "shares": ("parts",),
    "completion": ("numerator", "denominator"),
    "total": ("total", "parts"),
    "change": ("current", "previous", "stated"),
    "points": ("a", "b", "stated"),
    "listed": ("stated", "computed"),
    "repeat": ("stated",),
    "period": (),
}
OPTIONAL_COMPARED = {"granularity": ("numerator", "denominator"), "shares": ("total",)}
NOT_COMPARED = {"total": ("stated",), "repeat": ("other",), "period": ("stated",)}
LABEL_FIELDS = {
    "kind",
    "line",
    "span",
    "stated",
    "numerator",
    "denominator",
    "total",
    "parts",
    "exhaustive",
    "current",
    "previous",
    "a",
    "b",
    "computed",
    "other",
    "other_line",
    "verdict",
    "real_error",
    "note",
    "construction",
    "denominator_inferred",
    "ambiguous",
    "only_under",
}
# How the text ties a check's numbers together (bench/genre/README.md); scored separately.
CONSTRUCTIONS = ("clause", "qizhong", "named", "list", "table", "implicit", "complement", "out-of")
SCALES = (Decimal(1), Decimal(10) ** 4, Decimal(10) ** 8, Decimal(10) ** 12)


class LabelError(ValueError):
    """A devset file that does not follow the schema in bench/devset/README.md."""


@dataclass
class Label:
    file: str  # path under the corpus, e.g. "excerpts/changji-12345-2025-04.txt"
    source: str  # the devset yaml it came from
    index: int
    kind: str
    line: int
    lo: int
    hi: int
    values: dict[str, Any]
    verdict: str
    real_error: bool
    note: str = ""
    construction: str = "clause"
    matched: dict[str, Any] | None = field(default=None, repr=False)

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"


def _dec(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _fail(source: str, msg: str) -> LabelError:
    return LabelError(f"{source}: {msg}")


def load_labels(
    devset: Path = DEVSET, corpus: Path = CORPUS, require_texts: bool = False
) -> list[Label]:
    """Read and check every devset file; raise LabelError on the first bad one (and, with
    `require_texts`, on a report that is not there)."""
    labels: list[Label] = []
    seen_files: set[str] = set()
    for path in sorted(devset.glob("*.yaml")):
        source = path.name
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            raise _fail(source, f"not valid YAML: {exc}".replace("\n", " ")) from exc
        if not isinstance(data, dict) or set(data) != {"file", "checks"}:
            raise _fail(source, "needs exactly the keys 'file' and 'checks'")
        rel = data["file"]
        if not isinstance(rel, str) or rel in seen_files:
            raise _fail(source, f"bad or repeated file {rel!r}")
        seen_files.add(rel)
        text_path = corpus / rel
        lines = None
        if require_texts and not text_path.is_file():
            raise _fail(source, f"no report at {text_path}")
        if text_path.is_file():
            # Lines as the tool counts them: split on "\n" only (pdftotext leaves form feeds).
            lines = text_path.read_text(encoding="utf-8-sig").split("\n")
        checks = data["checks"]
        if not isinstance(checks, list):
            raise _fail(source, "'checks' must be a list (possibly empty)")
        for i, raw in enumerate(checks):
            labels.append(_label(source, rel, i, raw, lines))
    return labels


def _label(source: str, rel: str, i: int, raw: Any, lines: list[str] | None) -> Label:
    where = f"checks[{i}]"
    if not isinstance(raw, dict):
        raise _fail(source, f"{where}: not a mapping")
    unknown = set(raw) - LABEL_FIELDS
    if unknown:
        raise _fail(source, f"{where}: unknown field(s) {sorted(unknown)}")
    kind = raw.get("kind")
    if kind not in KINDS:
        raise _fail(source, f"{where}: bad kind {kind!r}")
    line = raw.get("line")
    if not isinstance(line, int) or line < 1:
        raise _fail(source, f"{where}: bad line {line!r}")
    span = raw.get("span", [line, line])
    if not (isinstance(span, list) and len(span) == 2 and span[0] <= line <= span[1]):
        raise _fail(source, f"{where}: span must be [first, last] around line")
    verdict = raw.get("verdict")
    if verdict not in ("pass", "fail"):
        raise _fail(source, f"{where}: verdict must be pass or fail")
    real = raw.get("real_error", False)
    if real not in (True, False) or (real and verdict != "fail"):
        raise _fail(source, f"{where}: real_error: true only on a fail")
    construction = raw.get("construction", "clause")
    if construction not in CONSTRUCTIONS:
        raise _fail(source, f"{where}: construction must be one of {', '.join(CONSTRUCTIONS)}")
    values: dict[str, Any] = {}
    for key in (*REQUIRED[kind], *OPTIONAL_COMPARED.get(kind, ()), *NOT_COMPARED.get(kind, ())):
        if key not in raw:
            if key in REQUIRED[kind]:
                raise _fail(source, f"{where}: a {kind} needs {key!r}")
            continue
        value = raw[key]
        if key == "parts":
            if not isinstance(value, list) or not value:
                raise _fail(source, f"{where}: parts must be a non-empty list")
            if any(not isinstance(p, str) or _dec(p) is None for p in value):
                raise _fail(source, f"{where}: parts must be decimal strings")
        elif not isinstance(value, str) or _dec(value) is None:
            raise _fail(source, f"{where}: {key} must be a decimal string, got {value!r}")
        values[key] = value
    if lines is not None:
        _check_place(source, where, raw, span, lines)
    return Label(
        file=rel,
        source=source,
        index=i,
        kind=kind,
        line=line,
        lo=span[0],
        hi=span[1],
        values=values,
        verdict=verdict,
        real_error=bool(real),
        note=str(raw.get("note", "")),
        construction=construction,
    )


def _check_place(source: str, where: str, raw: dict, span: list[int], lines: list[str]) -> None:
    """The stated figure, as written, must appear on the label's line(s) of the report."""
    if span[1] > len(lines):
        raise _fail(source, f"{where}: line {span[1]} is past the end of the report")
    if raw["kind"] in ("listed", "period") or "stated" not in raw:
        return  # counts may be written in Chinese numerals; periods are dates
    text = "".join(lines[n - 1] for n in range(span[0], span[1] + 1)).replace(" ", "")
    stated = raw["stated"].lstrip("-")
    if stated not in text:
        raise _fail(source, f"{where}: stated {stated!r} is not on lines {span[0]}-{span[1]}")


# --- running the tool ----------------------------------------------------------------------


def _tool_command() -> list[str]:
    script = Path(sys.executable).parent / "lawaudit"
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-m", "lawaudit"]


def run_tool(files: list[str], corpus: Path = CORPUS) -> dict[str, list[dict]]:
    """One lawaudit run over every devset report; checks keyed by the corpus-relative path."""
    paths = {str(Path("..", "shared", "corpus", "real", f)): f for f in files}
    if corpus != CORPUS:
        paths = {str(corpus / f): f for f in files}
    cmd = [*_tool_command(), "check", *paths, "--format", "json", "--fail-on", "never"]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"lawaudit exited {proc.returncode}: {proc.stderr.strip()}")
    report = json.loads(proc.stdout)
    out: dict[str, list[dict]] = {}
    for entry in report["files"]:
        if entry.get("error"):
            raise RuntimeError(f"lawaudit could not read {entry['path']}: {entry['error']}")
        out[paths[entry["path"]]] = entry["checks"]
    return out


# --- matching ------------------------------------------------------------------------------


def _same_number(a: Any, b: Any) -> bool:
    x, y = _dec(a), _dec(b)
    return x is not None and y is not None and x == y


def _same_stated(label: str, tool: Any) -> bool:
    """Stated values match as written; a count may come back in base units (294亿 -> 2.94e10).
    A sign is not compared: a fall is written "-13.31" in one table and "下降13.31%" in prose,
    and labellers and the tool may give it either way (the rule checks the direction)."""
    x, y = _dec(label), _dec(tool)
    if x is None or y is None:
        return False
    x, y = abs(x), abs(y)
    return any(x * s == y or y * s == x for s in SCALES)


def _same_parts(a: Any, b: Any) -> bool:
    if not isinstance(a, list) or not isinstance(b, list):
        return False
    da = [_dec(p) for p in a]
    db = [_dec(p) for p in b]
    if None in da or None in db:
        return False
    return Counter(d for d in da if d != 0) == Counter(d for d in db if d != 0)


def values_match(label: Label, values: dict[str, Any]) -> bool:
    if label.kind == "points":
        # Which of the two rates is `a` is not fixed by the contract: compare them as a pair.
        want = sorted(_dec(label.values[k]) for k in ("a", "b"))
        got = [_dec(values.get(k)) for k in ("a", "b")]
        if None in got or sorted(got) != want:
            return False
    for key, want in label.values.items():
        if label.kind == "points" and key in ("a", "b"):
            continue
        if key in NOT_COMPARED.get(label.kind, ()):
            continue
        if key not in values:
            return False
        got = values[key]
        if key == "parts":
            ok = _same_parts(want, got)
        elif key in ("stated", "computed"):
            ok = _same_stated(want, got)
        else:
            ok = _same_number(want, got)
        if not ok:
            return False
    return True


def kind_of(check: dict) -> str:
    return RULE_KIND.get(check.get("rule", ""), OTHER)


def near(label: Label, check: dict) -> bool:
    line = check.get("line") or 0
    return label.lo - 1 <= line <= label.hi + 1


def match(labels: list[Label], tool: dict[str, list[dict]]) -> dict[int, int]:
    """Pair labels with tool checks, one to one; returns {id(check): label index}."""
    used: dict[int, int] = {}
    for n, label in enumerate(labels):
        for check in tool.get(label.file, []):
            if id(check) in used or kind_of(check) != label.kind or not near(label, check):
                continue
            if values_match(label, check.get("values") or {}):
                used[id(check)] = n
                label.matched = check
                break
    return used


# --- scoring -------------------------------------------------------------------------------


def _pct(num: int, den: int) -> float | None:
    return round(100.0 * num / den, 1) if den else None


def _hits_real_error(file: str, check: dict, labels: list[Label]) -> bool:
    """A fail is real when it matches a real-error label, even one another check was paired
    with (two rules can report the same error: a share that is wrong and the shares' sum)."""
    return any(
        lb.real_error
        and lb.file == file
        and lb.kind == kind_of(check)
        and near(lb, check)
        and values_match(lb, check.get("values") or {})
        for lb in labels
    )


def score(labels: list[Label], tool: dict[str, list[dict]]) -> dict[str, Any]:
    pairs = match(labels, tool)
    kinds: dict[str, dict[str, Any]] = {}
    names = [*KINDS, OTHER]
    for kind in names:
        kinds[kind] = Counter()
    for label in labels:
        row = kinds[label.kind]
        row["labelled"] += 1
        if label.matched is not None:
            row["found"] += 1
            status = label.matched.get("status")
            if status == label.verdict:
                row["same_verdict"] += 1
    false_alarms = []
    for file, checks in tool.items():
        for check in checks:
            if check.get("status") != "fail":
                continue
            kind = kind_of(check)
            row = kinds[kind]
            row["tool_fails"] += 1
            n = pairs.get(id(check))
            if (n is not None and labels[n].real_error) or _hits_real_error(file, check, labels):
                row["real_fails"] += 1
                continue
            row["false_alarms"] += 1
            error = check.get("severity") == "error"
            if error:
                row["error_false_alarms"] += 1
            false_alarms.append(
                {
                    "where": f"{file}:{check.get('line')}",
                    "rule": check.get("rule"),
                    "kind": kind,
                    "severity": check.get("severity"),
                    "message": check.get("message", ""),
                    "values": check.get("values"),
                    "labelled": None if n is None else labels[n].where,
                }
            )
    table = {}
    totals: Counter = Counter()
    for kind in names:
        row = kinds[kind]
        if not row and kind == OTHER:
            continue
        totals.update(row)
        table[kind] = _row(row)
    real = [
        {
            "where": lb.where,
            "kind": lb.kind,
            "id": f"{lb.where} {lb.kind}",
            "found": lb.matched is not None,
            "note": lb.note,
        }
        for lb in labels
        if lb.real_error
    ]
    misses = [
        {
            "where": lb.where,
            "kind": lb.kind,
            "verdict": lb.verdict,
            "values": lb.values,
            "note": lb.note,
            "near": [
                {"rule": c.get("rule"), "line": c.get("line"), "values": c.get("values")}
                for c in tool.get(lb.file, [])
                if kind_of(c) == lb.kind and near(lb, c)
            ],
        }
        for lb in labels
        if lb.matched is None
    ]
    overall = _row(totals)
    overall["real_errors"] = len(real)
    overall["real_errors_found"] = sum(r["found"] for r in real)
    overall["files"] = len({lb.file for lb in labels} | set(tool))
    return {
        "kinds": table,
        "overall": overall,
        "real_errors": real,
        "false_alarms": false_alarms,
        "misses": misses,
    }


def _row(row: Counter) -> dict[str, Any]:
    return {
        "labelled": row["labelled"],
        "found": row["found"],
        "recall": _pct(row["found"], row["labelled"]),
        "same_verdict": row["same_verdict"],
        "tool_fails": row["tool_fails"],
        "real_fails": row["real_fails"],
        "precision": _pct(row["real_fails"], row["tool_fails"]),
        "false_alarms": row["false_alarms"],
        "error_false_alarms": row["error_false_alarms"],
    }


def devset_files(devset: Path = DEVSET) -> list[str]:
    """Every devset report, including those labelled with an empty list."""
    files = []
    for path in sorted(devset.glob("*.yaml")):
        files.append(yaml.safe_load(path.read_text(encoding="utf-8"))["file"])
    return files


def measure(devset: Path = DEVSET, corpus: Path = CORPUS, part: str = "") -> dict[str, Any]:
    """Score one labelled set; `part` ("dev" or "test") keeps only that part of bench/split.py's
    split of its files."""
    from split import part as part_of  # bench/split.py, beside this file

    def keep(file: str) -> bool:
        return not part or part_of(Path(file).name) == part

    labels = [lb for lb in load_labels(devset, corpus) if keep(lb.file)]
    tool = run_tool([f for f in devset_files(devset) if keep(f)], corpus)
    result = score(labels, tool)
    result["constructions"] = by_construction(labels)
    return result


def by_construction(labels: list[Label]) -> dict[str, dict[str, Any]]:
    """Labelled and found checks for each construction (bench/genre/README.md)."""
    rows: dict[str, Counter] = {}
    for lb in labels:
        row = rows.setdefault(lb.construction, Counter())
        row["labelled"] += 1
        row["found"] += lb.matched is not None
        row["real_errors"] += lb.real_error
        row["real_found"] += lb.real_error and lb.matched is not None
    return {
        c: {**rows[c], "recall": _pct(rows[c]["found"], rows[c]["labelled"])}
        for c in CONSTRUCTIONS
        if c in rows
    }


# --- thresholds ----------------------------------------------------------------------------

THRESHOLD_NOTE = (
    "Floors (recall, precision, real errors found, labels) only go up and ceilings (false "
    "alarms) only go down: `python bench/score.py --raise-thresholds` moves them with the "
    "figures and never back. Lowering a floor by hand needs a written reason in the commit."
)


def check_thresholds(result: dict[str, Any], th: dict[str, Any]) -> list[str]:
    """Every way the figures fall short of the thresholds, as sentences (empty: all met)."""
    problems = []
    o = result["overall"]
    for kind, floor in th.get("recall", {}).items():
        got = result["kinds"].get(kind, {}).get("recall")
        if got is None or got < floor:
            problems.append(f"recall of {kind}: {got}% < {floor}%")
    if o["recall"] is not None and o["recall"] < th.get("overall_recall", 0):
        problems.append(f"overall recall {o['recall']}% < {th['overall_recall']}%")
    floor = th.get("precision")
    if floor is not None and o["precision"] is not None and o["precision"] < floor:
        problems.append(f"precision of fails {o['precision']}% < {floor}%")
    if o["false_alarms"] > th.get("max_false_alarms", 0):
        problems.append(f"{o['false_alarms']} false alarms > {th.get('max_false_alarms', 0)}")
    if o["error_false_alarms"] > th.get("max_error_false_alarms", 0):
        problems.append(
            f"{o['error_false_alarms']} false fails at error severity"
            f" > {th.get('max_error_false_alarms', 0)}"
        )
    found = {r["id"] for r in result["real_errors"] if r["found"]}
    for ident in th.get("real_errors_found", []):
        if ident not in found:
            problems.append(f"real error no longer found: {ident}")
    if o["labelled"] < th.get("min_labels", 0):
        problems.append(f"{o['labelled']} labels < {th['min_labels']} (labels were dropped)")
    if o["files"] < th.get("min_files", 0):
        problems.append(f"{o['files']} devset files < {th['min_files']}")
    return problems


def raised(result: dict[str, Any], th: dict[str, Any]) -> dict[str, Any]:
    """The thresholds moved up to the figures where those are better, never down."""
    o = result["overall"]
    recall = dict(th.get("recall", {}))
    for kind, row in result["kinds"].items():
        if row["recall"] is not None:
            recall[kind] = max(recall.get(kind, 0.0), row["recall"])
    found = {r["id"] for r in result["real_errors"] if r["found"]}
    precision = th.get("precision")
    if o["precision"] is not None:
        precision = max(precision or 0.0, o["precision"])
    return {
        "note": THRESHOLD_NOTE,
        "recall": {k: recall[k] for k in [*KINDS, OTHER] if k in recall},
        "overall_recall": max(th.get("overall_recall", 0.0), o["recall"] or 0.0),
        "precision": precision,
        "max_false_alarms": min(th.get("max_false_alarms", o["false_alarms"]), o["false_alarms"]),
        "max_error_false_alarms": min(
            th.get("max_error_false_alarms", o["error_false_alarms"]), o["error_false_alarms"]
        ),
        "real_errors_found": sorted(set(th.get("real_errors_found", [])) | found),
        "real_errors_labelled": o["real_errors"],
        "min_labels": max(th.get("min_labels", 0), o["labelled"]),
        "min_files": max(th.get("min_files", 0), o["files"]),
    }


def load_thresholds(path: Path = THRESHOLDS) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


# --- printing ------------------------------------------------------------------------------


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}%"


def print_report(result: dict[str, Any]) -> None:
    head = (
        f"{'kind':<12} {'labelled':>8} {'found':>6} {'recall':>7} {'agree':>6}"
        f" {'fails':>6} {'real':>5} {'prec.':>7} {'false':>6} {'err-false':>9}"
    )
    print(head)
    print("-" * len(head))
    rows = [*result["kinds"].items(), ("overall", result["overall"])]
    for kind, r in rows:
        if kind == "overall":
            print("-" * len(head))
        print(
            f"{kind:<12} {r['labelled']:>8} {r['found']:>6} {_fmt(r['recall']):>7}"
            f" {r['same_verdict']:>6} {r['tool_fails']:>6} {r['real_fails']:>5}"
            f" {_fmt(r['precision']):>7} {r['false_alarms']:>6} {r['error_false_alarms']:>9}"
        )
    print(
        "\nfound: a tool check on the label's line(s) ±1 with the label's numbers; agree: found"
        " with the label's verdict;\nfails: tool fails; real: fails matching a real-error label;"
        " false: the other fails; err-false: those at error severity."
    )
    head = f"{'construction':<12} {'labelled':>8} {'found':>6} {'recall':>7} {'real':>5}"
    print(f"\n{head} {'caught':>6}")
    for c, r in result.get("constructions", {}).items():
        print(
            f"{c:<12} {r['labelled']:>8} {r['found']:>6} {_fmt(r['recall']):>7}"
            f" {r['real_errors']:>5} {r['real_found']:>6}"
        )
    o = result["overall"]
    print(f"\nReal errors labelled: {o['real_errors']}, found: {o['real_errors_found']}")
    for r in result["real_errors"]:
        print(f"  {'found ' if r['found'] else 'MISSED'}  {r['kind']:<11} {r['where']}")
    print(f"\nFalse alarms: {len(result['false_alarms'])}")
    for fa in result["false_alarms"]:
        print(f"  {fa['severity']:<7} {fa['rule']} {fa['where']}: {fa['message']}")
        if fa["labelled"]:
            print(f"          (matches the label at {fa['labelled']}, which is not a real error)")
    print(f"\nLabels not found: {len(result['misses'])}")
    for m in result["misses"]:
        shown = ", ".join(f"{k}={v}" for k, v in m["values"].items() if k != "parts")
        if "parts" in m["values"]:
            shown += f", parts={len(m['values']['parts'])}"
        print(f"  {m['kind']:<11} {m['where']}  {shown}")
        for c in m["near"]:
            print(f"      tool {c['rule']} line {c['line']}: {c['values']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--raise-thresholds",
        action="store_true",
        help="move bench/thresholds.json up to the figures where they are better (never down)",
    )
    parser.add_argument(
        "--set",
        choices=("devset", "genre"),
        default="devset",
        help="bench/devset (统计公报, 政府工作报告 …) or bench/genre (the seed's family)",
    )
    parser.add_argument(
        "--part", choices=("dev", "test"), help="one part of bench/split.py's split (not devset)"
    )
    parser.add_argument(
        "--labels",
        type=Path,
        help="a labelled set kept outside the project (its YAML files); replaces --set",
    )
    parser.add_argument(
        "--texts", type=Path, help="with --labels: the folder the labels' 'file' paths are under"
    )
    parser.add_argument(
        "--check-labels",
        action="store_true",
        help="only check the labels against the schema and their texts; never run lawaudit",
    )
    args = parser.parse_args(argv)
    if (args.labels is None) != (args.texts is None):
        parser.error("--labels and --texts go together")
    labels, texts = (GENRE, CORPUS) if args.set == "genre" else (DEVSET, CORPUS)
    if args.labels is not None:
        labels, texts = args.labels, args.texts
    genre = labels != DEVSET
    if args.raise_thresholds and genre:
        parser.error("--raise-thresholds is for the devset's floors")
    if args.part and not genre:
        parser.error("--part splits the genre set or a --labels set, not the devset")
    try:
        if args.check_labels:
            print(f"{len(load_labels(labels, texts, True))} labels, schema and places checked")
            return 0
        result = measure(labels, texts, part=args.part or "")
    except (LabelError, RuntimeError, OSError) as exc:
        print(f"score.py: {exc}", file=sys.stderr)
        return 2
    th = {} if genre else load_thresholds()
    if args.raise_thresholds:
        th = raised(result, th)
        THRESHOLDS.write_text(json.dumps(th, ensure_ascii=False, indent=2) + "\n", "utf-8")
    problems = check_thresholds(result, th)
    if args.json:
        json.dump(
            {**result, "below_thresholds": problems}, sys.stdout, ensure_ascii=False, indent=2
        )
        print()
    else:
        print_report(result)
        print(f"\nThresholds ({THRESHOLDS.relative_to(ROOT)}):", "all met" if not problems else "")
        for p in problems:
            print(f"  BELOW: {p}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
