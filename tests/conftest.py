"""Shared test helpers: audit a short text the way the CLI does."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawaudit.engine import audit
from lawaudit.extract import extract
from lawaudit.readers.text import document_from_text
from lawaudit.rules.base import Settings

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_db5ceb0026bcd675.txt"
CORPUS = ROOT.parent / "shared" / "corpus" / "real"


@pytest.fixture(autouse=True)
def english_at_100_columns(monkeypatch):
    """Every test starts as a user with no Chinese locale and no COLUMNS would: English, and
    the table 100 columns wide. A test that wants zh or a width sets it."""
    from lawaudit.i18n import set_lang

    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)
    set_lang("en")
    yield
    set_lang("en")


def audit_text(
    text: str, rules=None, settings: Settings | None = None, previous: str | None = None
):
    """Audit `text`; with `previous`, last year's report as text (what --previous adds)."""
    doc = document_from_text("case.txt", text)
    found = extract(doc)
    claims = found.claims
    if previous is not None:
        from lawaudit.extract.previous import previous_claims
        from lawaudit.extract.xxgk_previous import xxgk_previous_claims

        last = document_from_text("last.txt", previous)
        claims += (
            *previous_claims(doc, last, "last.txt"),
            *xxgk_previous_claims(doc, last, "last.txt"),
        )
    return audit("case.txt", claims, found.quantities, settings, rules)


def claims_of(text: str):
    return extract(document_from_text("case.txt", text)).claims


def corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    folders = (CORPUS, CORPUS / "excerpts", CORPUS / "genre")  # genre/: the seed's family
    return [p for folder in folders for p in sorted(folder.glob("*.txt"))]


needs_corpus = pytest.mark.skipif(
    not CORPUS.is_dir(), reason="../shared/corpus/real is not beside this checkout (CI has it)"
)
