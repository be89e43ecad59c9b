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
"""

from __future__ import annotations

import json

from lawaudit.model import Claim, ClaimKind, Quantity

SCHEMA = "lawaudit-claims/1"
SUFFIXES = (".json", ".yaml", ".yml")
ROLES = ("stated", "numerator", "denominator", "total", "current", "previous")
LISTS = ("parts", "counts")
FLAGS = ("exhaustive", "capped", "inferred")
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
        raise ClaimsError(f"cannot read {path}: not UTF-8 ({e.reason} at byte {e.start})") from None
    return parse_claims(data, path)


def parse_claims(data: str, path: str) -> tuple[Claim, ...]:
    if path.lower().endswith(".json"):
        try:
            doc = json.loads(data, parse_float=str, parse_int=str)
        except json.JSONDecodeError as e:
            raise ClaimsError(f"{path}: not valid JSON (line {e.lineno}: {e.msg})") from None
    else:
        import yaml

        try:
            doc = yaml.load(data, Loader=yaml.BaseLoader)  # every scalar a string
        except yaml.YAMLError as e:
            mark = getattr(e, "problem_mark", None)
            where = f" (line {mark.line + 1})" if mark else ""
            raise ClaimsError(f"{path}: not valid YAML{where}") from None
    if not isinstance(doc, dict) or doc.get("schema") != SCHEMA:
        raise ClaimsError(f"{path}: schema: expected '{SCHEMA}' at the top of a claims file")
    items = doc.get("claims")
    if not isinstance(items, list):
        raise ClaimsError(f"{path}: claims: expected a list")
    return tuple(claim_from(item, f"{path}: claims[{i}]") for i, item in enumerate(items))


def claim_from(item, where: str) -> Claim:
    from lawaudit.extract.numbers import parse_quantity

    if not isinstance(item, dict):
        raise ClaimsError(f"{where}: expected a mapping")
    unknown = sorted(set(item) - FIELDS)
    if unknown:
        raise ClaimsError(f"{where}.{unknown[0]}: unknown field")
    try:
        kind = ClaimKind(str(item.get("kind", "")))
    except ValueError:
        kinds = ", ".join(k.value for k in ClaimKind)
        raise ClaimsError(f"{where}.kind: must be one of {kinds}") from None
    for role in NEEDS.get(kind, ()):
        if item.get(role) in (None, "", []):
            raise ClaimsError(f"{where}.{role}: required for a {kind.value} claim")

    def quantity(role: str, value) -> Quantity:
        if isinstance(value, list):
            if not value:
                raise ClaimsError(f"{where}.{role}: empty list")
            from lawaudit.extract.rates import sum_quantity

            return sum_quantity([quantity(f"{role}[{i}]", v) for i, v in enumerate(value)])
        try:
            q = parse_quantity(str(value))
        except ValueError as e:
            raise ClaimsError(f"{where}.{role}: {e}") from None
        if role == "stated" and kind is ClaimKind.RATE and not q.unit:
            q = parse_quantity(str(value) + "%")  # a bare rate is a percentage
        return q

    roles = {r: quantity(r, item[r]) for r in ROLES if item.get(r) not in (None, "")}
    lists = {}
    for name in LISTS:
        values = item.get(name) or []
        if not isinstance(values, list):
            raise ClaimsError(f"{where}.{name}: expected a list")
        lists[name] = tuple(quantity(f"{name}[{i}]", v) for i, v in enumerate(values))
    items = item.get("items") or []
    if not isinstance(items, list):
        raise ClaimsError(f"{where}.items: expected a list")
    direction = str(item.get("direction", ""))
    if direction not in DIRECTIONS:
        raise ClaimsError(f"{where}.direction: must be up or down")
    flags = {f: boolean(item.get(f), f"{where}.{f}") for f in FLAGS if f in item}
    if kind is ClaimKind.RATE and "capped" not in flags:
        from lawaudit.extract.patterns import CAPPED_RATE

        flags["capped"] = bool(CAPPED_RATE.search(str(item.get("subject", ""))))
    notes = item.get("notes") or []
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


def boolean(value, where: str) -> bool:
    text = str(value).lower()
    if text in ("true", "yes", "1"):
        return True
    if text in ("false", "no", "0", "none", "null", ""):
        return False
    raise ClaimsError(f"{where}: expected true or false, got {value!r}")


def integer(value, where: str) -> int:
    try:
        n = int(str(value))
    except ValueError:
        raise ClaimsError(f"{where}: expected a whole number, got {value!r}") from None
    if n < 0:
        raise ClaimsError(f"{where}: expected a whole number ≥ 0, got {value!r}")
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
