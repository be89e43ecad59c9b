"""Stage 2: Document -> claims. Numbers are found first, then grouped into claims by their words."""

from __future__ import annotations

from dataclasses import dataclass

from lawaudit.model import Claim, Document, Mention, Quantity


@dataclass(frozen=True, slots=True)
class Extraction:
    claims: tuple[Claim, ...]
    quantities: tuple[Quantity, ...]  # every number seen, for the coverage figure
    notable: tuple[Mention, ...] = ()  # percentages and totals: a miss among them matters


def notable(doc: Document, sents) -> tuple[Mention, ...]:
    """Percentages, and counts stated as totals (共, 合计, 受理 …), with their places."""
    from lawaudit.extract.rates import is_whole

    out = []
    for sent in sents:
        for item in sent.items:
            if item.q.is_percent or (item.is_count and is_whole(item)):
                line, column = doc.line_col(item.q.start)
                quote = doc.quote(item.q.start - len(item.label), item.q.end)
                out.append(Mention(item.q, line, column, quote))
    return tuple(out)


def extract(doc: Document) -> Extraction:
    from lawaudit.extract.changes import change_claims
    from lawaudit.extract.context import sentences
    from lawaudit.extract.listed import listed_claims
    from lawaudit.extract.numbers import find_quantities
    from lawaudit.extract.period import period_claims
    from lawaudit.extract.rates import rate_claims
    from lawaudit.extract.repeats import repeat_claims
    from lawaudit.extract.shares import respective_shares, share_groups
    from lawaudit.extract.structure import structure_claims
    from lawaudit.extract.tables import table_claims
    from lawaudit.extract.totals import total_claims
    from lawaudit.extract.xxgk_claims import with_cells, xxgk_claims
    from lawaudit.suppress import suppression_claims

    quantities = find_quantities(doc.text)
    sents = sentences(doc, quantities)
    rates = rate_claims(doc, sents)
    claims = [*rates, *total_claims(doc, sents)]
    claims += [*share_groups(doc, rates), *respective_shares(doc, quantities)]
    claims += [*repeat_claims(doc, sents), *structure_claims(doc, sents), *table_claims(doc)]
    claims += change_claims(doc, sents)
    claims += [*listed_claims(doc, sents), *period_claims(doc), *suppression_claims(doc)]
    claims += (xxgk := xxgk_claims(doc))  # 政府信息公开 template tables (xxgk*.py)
    quantities = with_cells(quantities, xxgk)  # their cells count for coverage
    claims.sort(key=lambda c: (c.line, c.column, c.kind.value, c.subject))
    return Extraction(tuple(claims), tuple(quantities), notable(doc, sents))
