"""Claims files: the claims lawaudit found, written out to be reviewed, corrected and re-audited.

A claims file is YAML or JSON (by suffix) with this shape; numbers are strings written as in a
report ("98.90%", "1.2万件", "300余册") so they keep their written precision:

    schema: lawaudit-claims/1
    source: report.txt
    claims:
      - kind: rate            # rate | completion | total
        subject: 调处成功率
        line: 27
        column: 58
        quote: 调处成功率 98.96%
        stated: 98.96%
        numerator: 284起      # or a list of parts that are summed
        denominator: 287起

YAML is loaded with every scalar as a string (so 98.90 stays "98.90"); JSON numbers are kept as
their source text. Any error names the field: "claims[2].stated: not a number: 'abc'".

A claims file may come from anywhere, so it is validated before any arithmetic (issue 16): YAML
aliases are refused (an alias tree of 1 KB can stand for 10^9 leaves), nesting is bounded
(MAX_DEPTH), a number has at most MAX_DIGITS digits, counts are not negative, text fields are
text, a rate's `stated` is one value, and a message quotes at most a few dozen characters of
the value it refuses.
"""

from __future__ import annotations

import json

from lawaudit.i18n import tr
from lawaudit.model import Claim, ClaimKind, Quantity

SCHEMA = "lawaudit-claims/1"
SUFFIXES = (".json", ".yaml", ".yml")
ROLES = ("stated", "numerator", "denominator", "total", "current", "previous")
LISTS = ("parts", "counts")
FLAGS = ("exhaustive", "capped", "inferred", "possible_whole")
FIELDS = {
    *("kind", "subject", "line", "column", "page", "quote", "notes", "direction", "items"),
    *ROLES,
    *LISTS,
    *FLAGS,
}
NEEDS = {
    ClaimKind.RATE: ("stated",),
    ClaimKind.COMPLETION: ("numerator", "denominator"),
    ClaimKind.TOTAL: ("total", "parts"),
    ClaimKind.CHANGE: ("stated",),
    ClaimKind.POINTS: ("stated",),
    ClaimKind.SHARES: ("parts",),
    ClaimKind.LISTED: ("stated", "items"),
    ClaimKind.REPEAT: ("stated", "previous"),
    ClaimKind.PERIOD: ("items",),
    ClaimKind.XXGK_NARRATIVE: ("stated", "previous"),
    ClaimKind.XXGK_CARRY: ("stated", "previous"),
}
DIRECTIONS = ("", "up", "down")
COUNTS = ("numerator", "denominator", "total", "parts", "counts")  # never negative
TEXTS = ("kind", "subject", "quote", "direction")
MAX_DEPTH = 20  # a claims file nests 5 deep (claims, a claim, parts, a part); refuse past this
MAX_DIGITS = 40  # far beyond any report figure (亿 amounts have 12), far below a slow one


class ClaimsError(Exception):
    """A claims file that cannot be used, with the file and field named."""


def is_claims_path(path: str) -> bool:
    return path.lower().endswith(SUFFIXES)


def load_claims(path: str) -> tuple[Claim, ...]:
    from lawaudit.readers.text import ReadError, load

    try:
        data = load(path).decode("utf-8-sig")
    except ReadError as e:
        raise ClaimsError(str(e)) from None
    except UnicodeDecodeError as e:
        raise ClaimsError(
            tr(
                f"cannot read {path}: not UTF-8 ({e.reason} at byte {e.start})",
                f"无法读取 {path}：不是UTF-8编码（第{e.start}字节）",
            )
        ) from None
    return parse_claims(data, path)


def parse_claims(data: str, path: str) -> tuple[Claim, ...]:
    if path.lower().endswith(".json"):
        try:
            doc = json.loads(data, parse_float=str, parse_int=str)
        except json.JSONDecodeError as e:
            raise ClaimsError(
                tr(
                    f"{path}: not valid JSON (line {e.lineno}: {e.msg})",
                    f"{path}：不是有效的JSON（第{e.lineno}行）",
                )
            ) from None
        except RecursionError:
            raise ClaimsError(
                tr(f"{path}: nested more than {MAX_DEPTH} deep", f"{path}：嵌套超过{MAX_DEPTH}层")
            ) from None
    else:
        doc = _load_yaml(data, path)
    if depth(doc) > MAX_DEPTH:
        raise ClaimsError(
            tr(f"{path}: nested more than {MAX_DEPTH} deep", f"{path}：嵌套超过{MAX_DEPTH}层")
        )
    if not isinstance(doc, dict) or doc.get("schema") != SCHEMA:
        raise ClaimsError(
            tr(
                f"{path}: schema: expected '{SCHEMA}' at the top of a claims file",
                f"{path}：schema：声明文件开头应为'{SCHEMA}'",
            )
        )
    items = doc.get("claims")
    if not isinstance(items, list):
        raise ClaimsError(tr(f"{path}: claims: expected a list", f"{path}：claims：应为列表"))
    claims = tuple(claim_from(item, f"{path}: claims[{i}]") for i, item in enumerate(items))
    return placed(claims, report_path(doc.get("source"), path), path, item_lines(data, path))


def report_path(source, claims_path: str) -> str:
    """The report a claims file says it came from (`source`), as a path from here: as written
    when it exists so, else beside the claims file; "" when there is none (standard input)."""
    import os

    if not isinstance(source, str) or not source.strip() or source == "<stdin>":
        return ""
    if os.path.isabs(source) or os.path.exists(source):
        return source
    beside = os.path.normpath(os.path.join(os.path.dirname(claims_path), source))
    return beside if os.path.exists(beside) else source


def item_lines(data: str, path: str) -> list[int]:
    """The 1-based line in the claims file where each claim begins."""
    if path.lower().endswith(".json"):
        import re

        return [data.count("\n", 0, m.start()) + 1 for m in re.finditer(r'"kind"\s*:', data)]
    import yaml

    try:
        root = yaml.compose(data, Loader=yaml.BaseLoader)
    except yaml.YAMLError:
        return []
    for key, value in getattr(root, "value", []):
        if getattr(key, "value", None) == "claims" and isinstance(value, yaml.SequenceNode):
            return [node.start_mark.line + 1 for node in value.value]
    return []


def placed(claims, report: str, claims_path: str, lines: list[int]) -> tuple[Claim, ...]:
    """Each claim pointed at its place: a claim with a line, from a report, at the report's line
    and column (so annotations land in the report); one a person added, with no line, at its
    own line in the claims file."""
    from dataclasses import replace

    out = []
    for i, c in enumerate(claims):
        if c.line and report:
            out.append(replace(c, path=report))
        elif not c.line and i < len(lines):
            out.append(replace(c, path=claims_path, line=lines[i], column=1))
        else:
            out.append(c)
    return tuple(out)


def _load_yaml(data: str, path: str):
    """YAML with every scalar a string, no aliases, and nesting bounded while it is composed
    (PyYAML's composer recurses, so 900 levels ended in RecursionError)."""
    import yaml

    class Loader(yaml.BaseLoader):
        level = 0

        def compose_node(self, parent, index):
            if self.check_event(yaml.AliasEvent):
                line = self.peek_event().start_mark.line + 1
                raise ClaimsError(
                    tr(
                        f"{path}: line {line}: YAML aliases (*name) are not accepted",
                        f"{path}：第{line}行：不接受YAML别名（*name）",
                    )
                )
            self.level += 1
            if self.level > MAX_DEPTH:
                line = self.peek_event().start_mark.line + 1
                raise ClaimsError(
                    tr(
                        f"{path}: line {line}: nested more than {MAX_DEPTH} deep",
                        f"{path}：第{line}行：嵌套超过{MAX_DEPTH}层",
                    )
                )
            try:
                return super().compose_node(parent, index)
            finally:
                self.level -= 1

    try:
        return yaml.load(data, Loader=Loader)  # BaseLoader: every scalar a string
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark else ""
        raise ClaimsError(
            tr(f"{path}: not valid YAML{where}", f"{path}：不是有效的YAML{where}")
        ) from None


def depth(value) -> int:
    """How deep lists and mappings nest in `value`, without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        v, d = stack.pop()
        if isinstance(v, dict | list):
            deepest = max(deepest, d)
            if d <= MAX_DEPTH:
                stack.extend((c, d + 1) for c in (v.values() if isinstance(v, dict) else v))
    return deepest


def brief(value) -> str:
    """A refused value for a message: its repr, cut to a few dozen characters."""
    text = repr(value)
    return text if len(text) <= 40 else f"{text[:30]}… ({len(text):,} characters)"


def _check_digits(text: str, where: str) -> None:
    if len(text) > 4 * MAX_DIGITS or sum(c.isdigit() for c in text) > MAX_DIGITS:
        raise ClaimsError(
            tr(
                f"{where}: too long for a number (at most {MAX_DIGITS} digits)",
                f"{where}：数字过长（最多{MAX_DIGITS}位）",
            )
        )


def claim_from(item, where: str) -> Claim:
    from lawaudit.extract.numbers import parse_quantity

    if not isinstance(item, dict):
        raise ClaimsError(tr(f"{where}: expected a mapping", f"{where}：应为映射（键值对）"))
    unknown = sorted(set(item) - FIELDS, key=str)
    if unknown:
        raise ClaimsError(
            tr(
                f"{where}.{brief(unknown[0])[1:-1]}: unknown field",
                f"{where}.{brief(unknown[0])[1:-1]}：未知的字段",
            )
        )
    for name in TEXTS:
        if name in item and not isinstance(item[name], str):
            raise ClaimsError(
                tr(
                    f"{where}.{name}: expected text, got {kind_of(item[name])}",
                    f"{where}.{name}：应为文字，而不是{kind_of(item[name])}",
                )
            )
    if isinstance(item.get("stated"), list):
        raise ClaimsError(
            tr(
                f"{where}.stated: expected one value, got a list",
                f"{where}.stated：应为单个数值，而不是列表",
            )
        )
    try:
        kind = ClaimKind(str(item.get("kind", "")))
    except ValueError:
        kinds = ", ".join(k.value for k in ClaimKind)
        raise ClaimsError(
            tr(f"{where}.kind: must be one of {kinds}", f"{where}.kind：须为以下之一：{kinds}")
        ) from None
    for role in NEEDS.get(kind, ()):
        if item.get(role) in (None, "", []):
            raise ClaimsError(
                tr(
                    f"{where}.{role}: required for a {kind.value} claim",
                    f"{where}.{role}：{kind.value}类声明必须有此项",
                )
            )

    def quantity(role: str, value) -> Quantity:
        if isinstance(value, list):
            if not value:
                raise ClaimsError(tr(f"{where}.{role}: empty list", f"{where}.{role}：列表为空"))
            from lawaudit.extract.bases import sum_of

            return sum_of([quantity(f"{role}[{i}]", v) for i, v in enumerate(value)])
        if not isinstance(value, str):
            raise ClaimsError(
                tr(
                    f"{where}.{role}: expected a number, got {kind_of(value)}",
                    f"{where}.{role}：应为数字，而不是{kind_of(value)}",
                )
            )
        _check_digits(value, f"{where}.{role}")
        try:
            q = parse_quantity(value)
        except ValueError:
            raise ClaimsError(
                tr(
                    f"{where}.{role}: not a number: {brief(value)}",
                    f"{where}.{role}：不是数字：{brief(value)}",
                )
            ) from None
        if role == "stated" and kind is ClaimKind.RATE and not q.unit:
            q = parse_quantity(value + "%")  # a bare rate is a percentage
        if role.split("[")[0] in COUNTS and q.value < 0:
            raise ClaimsError(
                tr(
                    f"{where}.{role}: a count cannot be negative: {brief(value)}",
                    f"{where}.{role}：数量不能为负：{brief(value)}",
                )
            )
        return q

    roles = {r: quantity(r, item[r]) for r in ROLES if item.get(r) not in (None, "")}
    lists = {}
    for name in LISTS:
        values = item.get(name) or []
        if not isinstance(values, list):
            raise ClaimsError(tr(f"{where}.{name}: expected a list", f"{where}.{name}：应为列表"))
        lists[name] = tuple(quantity(f"{name}[{i}]", v) for i, v in enumerate(values))
    items = item.get("items") or []
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise ClaimsError(
            tr(f"{where}.items: expected a list of text", f"{where}.items：应为文字列表")
        )
    direction = str(item.get("direction", ""))
    if direction not in DIRECTIONS:
        raise ClaimsError(
            tr(f"{where}.direction: must be up or down", f"{where}.direction：须为up或down")
        )
    flags = {f: boolean(item.get(f), f"{where}.{f}") for f in FLAGS if f in item}
    if kind is ClaimKind.RATE and "capped" not in flags:
        from lawaudit.extract.patterns import CAPPED_RATE

        flags["capped"] = bool(CAPPED_RATE.search(str(item.get("subject", ""))))
    notes = item.get("notes") or []
    if not isinstance(notes, str) and not (
        isinstance(notes, list) and all(isinstance(n, str) for n in notes)
    ):
        raise ClaimsError(
            tr(
                f"{where}.notes: expected text or a list of text",
                f"{where}.notes：应为文字或文字列表",
            )
        )
    return Claim(
        kind=kind,
        subject=str(item.get("subject", "")),
        line=integer(item.get("line", 0), f"{where}.line"),
        column=integer(item.get("column", 0), f"{where}.column"),
        page=integer(item["page"], f"{where}.page") if item.get("page") else None,
        quote=str(item.get("quote", "")),
        notes=tuple(str(n) for n in notes) if isinstance(notes, list) else (str(notes),),
        items=tuple(str(i) for i in items),
        direction=direction,
        **roles,
        **lists,
        **flags,
    )


def kind_of(value) -> str:
    """What a value of the wrong type is, for a message: "null", "a list", "a mapping"."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return tr("true or false", "true或false")
    names = {list: tr("a list", "列表"), dict: tr("a mapping", "映射")}
    return names.get(type(value), brief(value))


def boolean(value, where: str) -> bool:
    if isinstance(value, list | dict):
        raise ClaimsError(
            tr(
                f"{where}: expected true or false, got {kind_of(value)}",
                f"{where}：应为true或false，而不是{kind_of(value)}",
            )
        )
    text = str(value).lower()
    if text in ("true", "yes", "1"):
        return True
    if text in ("false", "no", "0", "none", "null", ""):
        return False
    raise ClaimsError(
        tr(
            f"{where}: expected true or false, got {brief(value)}",
            f"{where}：应为true或false，而不是{brief(value)}",
        )
    )


def integer(value, where: str) -> int:
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise ClaimsError(
            tr(
                f"{where}: expected a whole number, got {kind_of(value)}",
                f"{where}：应为整数，而不是{kind_of(value)}",
            )
        )
    text = str(value).strip()
    if len(text) > 12:  # a line or page number; int() of 100,000 digits is itself refused
        raise ClaimsError(
            tr(
                f"{where}: expected a whole number of at most 12 digits",
                f"{where}：应为不超过12位的整数",
            )
        )
    try:
        n = int(text)
    except ValueError:
        raise ClaimsError(
            tr(
                f"{where}: expected a whole number, got {brief(value)}",
                f"{where}：应为整数，而不是{brief(value)}",
            )
        ) from None
    if n < 0:
        raise ClaimsError(
            tr(
                f"{where}: expected a whole number ≥ 0, got {brief(value)}",
                f"{where}：应为不小于0的整数，而不是{brief(value)}",
            )
        )
    return n


def claims_document(claims: tuple[Claim, ...], source: str) -> dict:
    """The data a claims file holds, ready for json.dumps or yaml.safe_dump."""
    out = []
    for c in claims:
        d: dict = {"kind": c.kind.value, "subject": c.subject, "line": c.line, "column": c.column}
        if c.page:
            d["page"] = c.page
        d["quote"] = c.quote
        for role in ROLES:
            q = getattr(c, role)
            if q is not None:
                d[role] = q.raw.split("+") if "+" in q.raw else q.raw
        for name in LISTS:
            if getattr(c, name):
                d[name] = [p.raw for p in getattr(c, name)]
        if c.items:
            d["items"] = list(c.items)
        if c.direction:
            d["direction"] = c.direction
        for flag in FLAGS:
            if getattr(c, flag):
                d[flag] = True
        if c.notes:
            d["notes"] = list(c.notes)
        out.append(d)
    return {"schema": SCHEMA, "source": source, "claims": out}


def dump_claims(claims: tuple[Claim, ...], source: str, fmt: str) -> str:
    data = claims_document(claims, source)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    import yaml

    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
