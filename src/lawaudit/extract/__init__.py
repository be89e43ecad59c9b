"""Stage 2: Document -> claims. Numbers are found first, then grouped into claims by their words."""

from __future__ import annotations

from dataclasses import dataclass, replace

from lawaudit.model import Claim, ClaimKind, Document, Mention, Quantity


@dataclass(frozen=True, slots=True)
class Extraction:
    claims: tuple[Claim, ...]
    quantities: tuple[Quantity, ...]  # every number seen, for the coverage figure
    notable: tuple[Mention, ...] = ()  # percentages and totals: a miss among them matters
    warnings: tuple[str, ...] = ()  # what was left unread (a text past MAX_NUMBERS numbers)


# Numbers read in one file: a 统计公报 has about 600 in 10,000 characters, so this is some
# 800 KB of one; past it the rest of the file is left unread, with a warning, so that time and
# memory stay bounded whatever a file holds (20 MB of "1234567、" took 23 s and 1.1 GB).
MAX_NUMBERS = 50_000


def notable(doc: Document, sents) -> tuple[Mention, ...]:
    """Percentages, and counts stated as totals (共, 合计, 受理 …), with their places."""
    from lawaudit.extract.counts import is_whole

    out = []
    for sent in sents:
        for item in sent.items:
            if item.q.is_percent or (item.is_count and is_whole(item)):
                line, column = doc.line_col(item.q.start)
                quote = doc.quote(item.q.start - len(item.label), item.q.end)
                out.append(Mention(item.q, line, column, quote))
    return tuple(out)


def extract(doc: Document) -> Extraction:
    from lawaudit.extract.bases import settle_lists
    from lawaudit.extract.changes import change_claims
    from lawaudit.extract.context import sentences
    from lawaudit.extract.dimension import dimension_claims
    from lawaudit.extract.grid import grid_claims
    from lawaudit.extract.listed import listed_claims
    from lawaudit.extract.listed_before import listed_before_claims
    from lawaudit.extract.listed_ranking import ranking_claims
    from lawaudit.extract.numbers import find_quantities
    from lawaudit.extract.parallel import parallel_claims
    from lawaudit.extract.period import period_claims
    from lawaudit.extract.rates import rate_claims
    from lawaudit.extract.repeats import repeat_claims
    from lawaudit.extract.respective import respective_claims, settle
    from lawaudit.extract.shares import respective_shares, share_groups
    from lawaudit.extract.structure import structure_claims
    from lawaudit.extract.table_repeats import table_repeat_claims
    from lawaudit.extract.tables import table_claims
    from lawaudit.extract.totals import total_claims
    from lawaudit.extract.xxgk_claims import with_cells, xxgk_claims
    from lawaudit.suppress import suppression_claims

    quantities = find_quantities(doc.text, MAX_NUMBERS + 1)
    warnings: tuple[str, ...] = ()
    if len(quantities) > MAX_NUMBERS:
        stop = quantities[MAX_NUMBERS].start
        warnings = (unread(doc.line_col(stop)[0]),)
        quantities = quantities[:MAX_NUMBERS]
        doc = replace(doc, text=doc.text[:stop])  # every reader stops there too (tables …)
    sents = sentences(doc, quantities)
    rates = rate_claims(doc, sents)
    groups = share_groups(doc, rates)
    claims = [*settle_lists(rates, groups), *total_claims(doc, sents)]
    parallel = respective_claims(doc, sents)  # "分别为412件、236件…回复率分别为…"
    claims = [*settle(claims, parallel), *parallel]
    grouped = {p.start for g in groups for p in g.parts}  # a list read both ways is one fact
    respective = [c for c in respective_shares(doc, quantities) if c.parts[0].start not in grouped]
    claims += [*groups, *respective]
    claims += [*repeat_claims(doc, sents), *structure_claims(doc, sents), *table_claims(doc)]
    claims += grid_claims(doc, [it.q for s in sents for it in s.items if it.is_count])
    claims += table_repeat_claims(doc, sents)  # "共受理3671件" and the table's 合计 row
    claims += change_claims(doc, sents)
    claims += dimension_claims(doc, sents)  # "从被申请人来看，…" after the total it cuts
    if parallel := list(parallel_claims(doc, sents)):  # "其中：A 101项，交易额…；B 133项，…"
        inside = {p.start for c in parallel for p in c.parts}
        claims = [c for c in claims if not (c.kind is ClaimKind.TOTAL and inside & starts(c))]
        claims += parallel
    claims += [*listed_claims(doc, sents), *period_claims(doc), *suppression_claims(doc)]
    claims += [*listed_before_claims(doc), *ranking_claims(doc)]
    claims += (xxgk := xxgk_claims(doc))  # 政府信息公开 template tables (xxgk*.py)
    quantities = with_cells(quantities, xxgk)  # their cells count for coverage
    claims = one_per_fact(claims)
    claims.sort(key=lambda c: (c.line, c.column, c.kind.value, c.subject))
    return Extraction(tuple(claims), tuple(quantities), notable(doc, sents), warnings)


def starts(c: Claim) -> set[int]:
    return {p.start for p in c.parts}


def unread(line: int) -> str:
    from lawaudit.i18n import tr

    return tr(
        f"more than {MAX_NUMBERS:,} numbers: the audit stops at line {line}; split the file"
        " to audit the rest",
        f"数字超过{MAX_NUMBERS:,}个：核验止于第{line}行，其余部分请拆分文件后再核验",
    )


def one_per_fact(claims: list[Claim]) -> list[Claim]:
    """Two builders that read the same total with the same parts make one claim: the one the
    text states most plainly (not inferred) is kept, and of those one that says the list is
    complete ("按类型分，A、B、C分别为…": 分别为 closes what 按类型分 opened). Two readings of one
    rate on the same figures are one claim too."""

    def rank(c: Claim) -> tuple[bool, bool]:
        return not c.inferred, c.exhaustive

    best: dict[tuple, int] = {}
    for i, c in enumerate(claims):
        key = fact(c)
        if key is not None and (key not in best or rank(c) > rank(claims[best[key]])):
            best[key] = i
    keep = set(best.values())
    return [c for i, c in enumerate(claims) if fact(c) is None or i in keep]


def fact(c: Claim) -> tuple | None:
    """Where a claim's figures stand in the text: two claims on the same places are one fact
    (a total and its parts; a rate, its part and its whole, as two table readers may both read
    one table's row). None for a claim that is not deduplicated."""
    if c.kind is ClaimKind.TOTAL and c.total is not None:
        return ("total", c.total.start, tuple(p.start for p in c.parts))
    if c.kind is ClaimKind.RATE and None not in (c.stated, c.numerator, c.denominator):
        return ("rate", c.stated.start, c.numerator.start, c.denominator.start)  # type: ignore[union-attr]
    return None
