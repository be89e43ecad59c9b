"""The Python API: audit a report from a program exactly as `lawaudit check` does.

    import lawaudit
    result = lawaudit.audit_path("report.txt", select=["LA2"], rounding=["half-up"])
    result = lawaudit.audit_text("共调处287起，调解成功284起，调处成功率98.96%。")
    [c for c in result.checks if c.status == "fail" and not (c.suppressed or c.baselined)]

Both return a `FileResult` (model.py): `path`, `checks` (every check, passed ones too, the
same as one file of the JSON output), `error` (None, or the one-line message when the file could
not be read — never raised) and `coverage`. Options are the configuration's keys (`select`,
`ignore`, `severity`, `rounding`, `tolerance`, `rate_words`, `capped_words`, `lang` — zh or
en, default from the locale; `fail_on` is
accepted and ignored: deciding an exit code is the caller's), plus `config` (a lawaudit.toml or
pyproject.toml to start from; none is looked for otherwise), and for `audit_path` `encoding` and
`previous` (last year's report). A bad option raises `ConfigError` (a ValueError).

The command line audits every file through `audit_path` (batch.py), in worker processes or not.
"""

from __future__ import annotations

import os
from dataclasses import replace
from functools import cache
from pathlib import Path

from lawaudit.config import Config, ConfigError, load, merge
from lawaudit.model import FileResult

__all__ = ["ConfigError", "audit_path", "audit_text", "resolve"]


def resolve(config: str | Path | Config | None = None, **options) -> Config:
    """The configuration in force: the file (if any), then the keyword options over it."""
    from lawaudit.i18n import locale_lang

    base = config if isinstance(config, Config) else load(config) if config else Config()
    cfg = merge(base, {k: v for k, v in options.items() if v is not None}, "options")
    return cfg if cfg.lang else replace(cfg, lang=locale_lang())


def audit_text(
    text: str, *, path: str = "<text>", config: str | Path | Config | None = None, **options
) -> FileResult:
    """Audit a report given as a string (plain text or Markdown)."""
    from lawaudit.readers.text import document_from_text

    settings, rules, words = _prepare(resolve(config, **options))
    return _audit_document(document_from_text(path, text), path, settings, rules, words)


def audit_path(
    path: str | os.PathLike,
    *,
    encoding: str | None = None,
    previous: str | os.PathLike | None = None,
    config: str | Path | Config | None = None,
    **options,
) -> FileResult:
    """Audit a report file (text, Markdown, PDF, Word, HTML, or a claims file; "-" is stdin)."""
    prepared = _prepare(resolve(config, **options))
    last_year = os.fspath(previous) if previous else None
    return _audit_file(os.fspath(path), encoding, last_year, prepared)


@cache
def _prepare(cfg: Config):
    """Settings, rules and extra words for a configuration; once per process and configuration."""
    from decimal import Decimal

    from lawaudit.engine import selected
    from lawaudit.rules.base import Settings

    settings = Settings(
        modes=cfg.rounding,
        tolerance=Decimal(cfg.tolerance),
        severity=cfg.severity,
        lang=cfg.lang,
    )
    rules = selected(cfg.select, cfg.ignore)
    if not rules:
        raise ConfigError("select/ignore leave no rule to run")
    return settings, rules, (cfg.rate_words, cfg.capped_words)


def _audit_file(path: str, encoding: str | None, previous: str | None, prepared) -> FileResult:
    """Read, extract and audit one input; an unreadable file becomes a FileResult with an error."""

    settings, rules, words = prepared
    from lawaudit.i18n import language

    with language(settings.lang):  # what reading says (warnings) is in the run's language too
        return _read_and_audit(path, encoding, previous, settings, rules, words)


def _read_and_audit(path, encoding, previous, settings, rules, words) -> FileResult:
    from lawaudit.batch import GLOB_MAGIC, REPORT_SUFFIXES, _internal, printable, shown
    from lawaudit.engine import audit
    from lawaudit.readers import ReadError, read
    from lawaudit.readers.claimsfile import ClaimsError, is_claims_path, load_claims

    try:
        if path != "-" and not os.path.exists(path) and GLOB_MAGIC & set(path):
            return FileResult(path=shown(path), error=f"no file matches {shown(path)}")
        if os.path.isdir(path):
            kinds = " ".join(REPORT_SUFFIXES)
            error = f"{shown(path)}: no report file ({kinds}) in this folder"
            return FileResult(path=shown(path), error=error)
        if is_claims_path(path):
            return audit(shown(path), load_claims(path), (), settings, rules)
        doc = read(path, encoding)
        last_year = None
        if previous:
            try:
                last_year = read(previous, encoding)
            except ReadError as e:
                return FileResult(path=shown(path), error=printable(f"last year's report: {e}"))
        return _audit_document(doc, shown(path), settings, rules, words, last_year, previous)
    except (ReadError, ClaimsError) as e:
        return FileResult(path=shown(path), error=printable(str(e)))
    except Exception as e:  # a bug must not stop the batch: report it in the file's place
        return _internal(path, e)


def _audit_document(doc, shown, settings, rules, words, last_year=None, previous=None):
    from lawaudit.engine import audit
    from lawaudit.extract import extract
    from lawaudit.extract.patterns import EXTRA_WORDS

    token = EXTRA_WORDS.set(words)
    try:
        found = extract(doc)
        claims = found.claims
        if last_year is not None:
            from lawaudit.extract.previous import previous_claims
            from lawaudit.extract.xxgk_previous import xxgk_previous_claims

            claims += tuple(previous_claims(doc, last_year, previous))
            claims += tuple(xxgk_previous_claims(doc, last_year, previous))
    finally:
        EXTRA_WORDS.reset(token)
    result = audit(shown, claims, found.quantities, settings, rules, found.notable, doc.line_col)
    if doc.warnings or found.warnings:
        return replace(result, warnings=(*doc.warnings, *found.warnings, *result.warnings))
    return result
