"""Stage 2: Document -> claims. Numbers are found first, then grouped into claims by their words."""

from __future__ import annotations

from dataclasses import dataclass

from lawaudit.model import Claim, Document, Quantity


@dataclass(frozen=True, slots=True)
class Extraction:
    claims: tuple[Claim, ...]
    quantities: tuple[Quantity, ...]  # every number seen, for the coverage figure


def extract(doc: Document) -> Extraction:
    from lawaudit.extract.context import sentences
    from lawaudit.extract.numbers import find_quantities
    from lawaudit.extract.rates import rate_claims
    from lawaudit.extract.repeats import repeat_claims
    from lawaudit.extract.shares import respective_shares, share_groups
    from lawaudit.extract.totals import total_claims

    quantities = find_quantities(doc.text)
    sents = sentences(doc, quantities)
    rates = rate_claims(doc, sents)
    claims = [*rates, *total_claims(doc, sents)]
    claims += [*share_groups(doc, rates), *respective_shares(doc, quantities)]
    claims += repeat_claims(doc, sents)
    claims.sort(key=lambda c: (c.line, c.column, c.kind.value, c.subject))
    return Extraction(tuple(claims), tuple(quantities))
