"""Issue 16: claims files that must be refused with one short line naming the field, never
half-checked, never expanded without bound, never echoed at length."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from lawaudit.readers.claimsfile import MAX_DEPTH, ClaimsError, parse_claims

HEAD = {"schema": "lawaudit-claims/1"}


def as_json(*claims) -> str:
    return json.dumps({**HEAD, "claims": list(claims)}, ensure_ascii=False)


def refused(text: str, path: str, *words: str) -> str:
    with pytest.raises(ClaimsError) as e:
        parse_claims(text, path)
    message = str(e.value)
    assert message.startswith(path) and "\n" not in message and len(message) < 200, message
    for w in words:
        assert w in message, message
    return message


ALIAS_BOMB = (
    "schema: lawaudit-claims/1\n"
    'a: &a ["1件","1件","1件","1件","1件","1件","1件","1件","1件","1件"]\n'
    + "".join(
        f"{n}: &{n} [{','.join([f'*{p}'] * 10)}]\n"
        for p, n in zip("abcdefgh", "bcdefghi", strict=True)
    )
    + "claims:\n  - kind: total\n    total: 5件\n    parts: *i\n"
)


def test_yaml_aliases_are_refused_before_they_expand():
    refused(ALIAS_BOMB, "bomb.yaml", "alias", "line 3")  # 10^9 leaves, 1 KB
    one = "schema: lawaudit-claims/1\nx: &q 5件\nclaims:\n  - {kind: total, total: *q, parts: []}\n"
    refused(one, "one.yaml", "alias")


@pytest.mark.parametrize("deep", [MAX_DEPTH + 1, 900, 100_000])
@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_nesting_is_bounded_and_names_the_file(deep, suffix):
    parts = "[" * deep + "]" * deep
    if suffix == ".json":
        text = (
            '{"schema": "lawaudit-claims/1", "claims": [{"kind": "total", "parts": ' + parts + "}]}"
        )
    else:
        text = f"schema: lawaudit-claims/1\nclaims:\n  - kind: total\n    parts: {parts}\n"
    refused(text, "deep" + suffix, "nested more than")


def test_a_hundred_thousand_digits_are_refused_and_never_echoed():
    digits = "9" * 100_000
    refused(as_json({"kind": "total", "total": digits, "parts": ["1"]}), "c.json", "total", "40")
    text = as_json({"kind": "total", "total": "5", "parts": ["1"], "line": 0})
    text = text.replace('"line": 0', '"line": ' + digits)
    refused(text, "c.json", "claims[0].line", "12 digits")
    refused(as_json({"kind": "rate", "stated": "9" * 41 + "%"}), "c.json", "stated", "digits")


@pytest.mark.parametrize(
    ("claim", "field"),
    [
        ({"kind": "total", "total": "-10", "parts": ["-3"]}, "total"),
        ({"kind": "total", "total": "10件", "parts": ["3件", "-3件"]}, "parts[1]"),
        ({"kind": "completion", "numerator": "3", "denominator": "-5"}, "denominator"),
        ({"kind": "rate", "stated": "50%", "numerator": "-1", "denominator": "2"}, "numerator"),
    ],
)
def test_negative_counts_are_refused(claim, field):
    refused(as_json(claim), "c.json", f"claims[0].{field}", "negative")


@pytest.mark.parametrize(
    ("claim", "field", "says"),
    [
        ({"kind": "rate", "subject": None, "stated": "98%"}, "subject", "null"),
        ({"kind": "rate", "subject": ["a"], "stated": "98%"}, "subject", "a list"),
        ({"kind": "rate", "quote": {"a": 1}, "stated": "98%"}, "quote", "a mapping"),
        ({"kind": "rate", "stated": ["98%", "2%"]}, "stated", "a list"),
        ({"kind": "rate", "stated": True}, "stated", "true or false"),
        ({"kind": "rate", "stated": {"v": "98%"}}, "stated", "a mapping"),
        ({"kind": ["rate"], "stated": "98%"}, "kind", "a list"),
        ({"kind": "listed", "stated": "3", "items": ["a", ["b"]]}, "items", "list of text"),
        ({"kind": "rate", "stated": "98%", "notes": [None]}, "notes", "text"),
        ({"kind": "rate", "stated": "98%", "line": None}, "line", "null"),
        ({"kind": "rate", "stated": "98%", "line": [1]}, "line", "a list"),
        ({"kind": "rate", "stated": "98%", "capped": [1]}, "capped", "a list"),
    ],
)
def test_wrong_types_name_the_field(claim, field, says):
    refused(as_json(claim), "c.json", f"claims[0].{field}", says)


def test_a_long_bad_value_is_cut_short_in_the_message():
    message = refused(as_json({"kind": "rate", "stated": "x" * 150}), "c.json", "stated")
    assert "characters" in message


def test_good_claims_still_read():
    claims = parse_claims(
        as_json(
            {"kind": "rate", "subject": "调处成功率", "stated": "98.96%", "numerator": ["284起"]},
            {"kind": "total", "total": "15件", "parts": ["10件", "3件"], "line": 3},
        ),
        "c.json",
    )
    assert claims[0].subject == "调处成功率" and claims[1].line == 3


def test_the_alias_bomb_through_the_command_is_one_line_and_quick(tmp_path):
    path = tmp_path / "bomb.yaml"
    path.write_text(ALIAS_BOMB, encoding="utf-8")
    deep = tmp_path / "deep.yaml"
    deep.write_text("schema: lawaudit-claims/1\nclaims: " + "[" * 900 + "]" * 900 + "\n")
    for p in (path, deep):
        result = subprocess.run(
            [sys.executable, "-m", "lawaudit", "check", str(p), "-f", "json"],
            capture_output=True,
            text=True,
            timeout=20,  # minutes before issue 16
            env={**os.environ, "CI": "true"},
            check=False,
        )
        assert result.returncode == 2
        errors = [ln for ln in result.stderr.splitlines() if ln.startswith("lawaudit: error:")]
        assert len(errors) == 1 and str(p) in errors[0], result.stderr
        assert "internal error" not in result.stderr and "Traceback" not in result.stderr
