"""No regular expression backtracks catastrophically (issue 6).

Every module-level compiled pattern of lawaudit.extract.* and lawaudit.readers.text is collected
by importing the modules (plus the tuple listed.MARKERS) and checked two ways:

1. Structurally (re._parser, the sre_parse of Python 3.11): an unbounded repeat may not contain
   another variable-length repeat, and an unbounded repeat over an alternation of literal words
   may not have a word that is a concatenation of other words (``(?:共|计|共计)+$`` parses
   "共计" * k in 2**k ways). Fixed-count inner repeats (``(?:,[0-9]{3})+``) are unambiguous.
2. By timing: for each pattern, adversarial strings of 5,000 and 20,000 characters are built
   from the characters and words the pattern itself accepts (long runs of each, and of all its
   words cycled), ended by a character no pattern expects; ``finditer`` (a search from every
   position) and ``match`` on the 4x string must take less than 10x the 1x time plus 50 ms.

Review, pattern by pattern (why each is safe):

- numbers.QUANTITY_PATTERN: a one-character lookahead rejects most positions at once; the
  numeral alternatives are disjoint runs (``_CN_RUN`` is a repeat of single characters, the
  Arabic thousands group repeats a fixed ``,[0-9]{3}``), and everything after the numeral is
  optional, so a match never fails after consuming a run: finditer is linear.
- numbers.NAME_SPANS: quotes are bounded ({0,15}); ``《[^《》\\n]*》`` stops at the next 《, so
  the scans from successive 《 do not overlap; the URL run ends the pattern (greedy success).
- numbers.CODE_LABEL ``[: ]*$``, ARABIC_NUMERAL, _MOBILE_OR_YEAR, NEEDS_FOLDING: literal
  prefixes, bounded or final repeats; CODE_LABEL is only searched in an 8-character window.
- patterns.*: literal alternations (SENTENCE_END, CLAUSE_BREAK, CHANGE_WORDS, ...), bounded
  classes (RATE_NAME ``{1,10}?``, WITHIN ``{2,12}?``, WHOLE_ALIAS ``{2,20}?`` and ``{2,8}``,
  BY_DIMENSION ``{1,10}?``, REGION_ONLY ``{1,2}``); FILLER is ``^(...)+`` with nothing after it,
  so the greedy loop succeeds at once and other start positions fail on ``^``.
- changes.TRAILING ``(...)+$`` was ambiguous (共计 beside 共 and 计) and took 2**k steps on
  "共计" * k + "X" (0.6 s at k = 20, minutes at 30): 共计 is dropped from the alternation, which
  matches the same strings. It stays quadratic when searched in one long run of its words, as
  every ``(...)+$`` does; it is only applied to labels of at most context.MAX_LABEL (24)
  characters, so it is timed at that size (``BOUNDED``). changes.BY, BASE, TO, RATIO, FROM,
  PREV, COMPARED, TIME_WORDS, YEAR and the rest: literal alternatives and bounded classes.
- context.NOTE, TIME_MARK; listed.COUNT (``{1,8}``), PARTIAL (``\\w{0,4}$``), NOTE_MARK, MARKERS
  (``{1,3}``, ``{1,2}``), NOT_NOUN, LEAD, CONJUNCTION: bounded.
- period.RANGE, YEAR, TITLE (``{0,30}?`` then ``{0,40}``: bounded, at most a few hundred steps
  a position), MONTH_TITLE (``{0,12}?``), BODY_MONTH, MONTH, STATED_PERIOD, PART, SINCE_YEAR,
  AS_AT, RELATIVE, BREADCRUMB, PLANS, CLAUSE_END: literals around a year. RANGE_TITLE
  (``{2,40}?``, used with match) and BODY_PERIOD (a lookbehind, ``[ 　]{0,4}``, literals).
- period_dates.DATE (its day.month.year branch: bounded digits between lookarounds),
  DATE_LABEL (``[:|\\s]*`` ends the pattern), SINCE, SOURCE, MD_DATE, YEARLESS (``{0,8}?``,
  ``{0,30}?``), BULLET (one class), CLOCK (optional parts; it never fails, so a match is one
  greedy pass): bounded.
- repeats, shares (HEADING ``\\n[一..十]+、``: runs after distinct line breaks do not overlap;
  NUMBERED, CATEGORY_TAIL ``{1,8}``/``\\d{1,3}(?:\\.\\d+)?``, RESPECTIVE_SHARES ``{2,20}?``),
  structure (RATIO/PERCENT_LIST: ``\\d{1,3}(?:\\.\\d+)?`` then a literal; COLON ``\\s*`` between
  literals), tables (HEADER ``{1,12}``/``{1,6}``, NUMBER, LABEL ``{1,20}``): bounded.
- bases (OUT_OF_TAIL ``{0,12}?``, OUT_OF_HEAD ``{0,12}$``, RESPECTIVE_SHARE ``{2,16}?``,
  TIMELY, TARGET, OPPOSITE, LESSER), grid (NUMBER: one run of digits or of groups of three;
  SUBSET_ROW ``\\d{1,3}``, ``{1,3}``; TOTAL_ROW, SHARE_HEAD ``.{0,6}``, CHANGE_HEAD, YEAR),
  listed_before (COUNT ``{0,6}``, OPENER, BREAK, FROM, NOT_BARE, NOT_PLAIN, LAST_CHAR,
  CLAUSE_END, TWO_CHARS, JOINER),
  listed_ranking (RANK ``{0,6}?`` then a literal lead, HEADING ``[^\\n:。]{0,20}`` then
  literals, PARAGRAPH_HEAD ``{2,16}`` matched at a line's start, SENTENCE_STOP, FIGURE,
  NOT_NAME, JOINER), rates (RESPECTIVE_RATES), totals (RANKING
  ``{1,2}``, COMPARISON, AMONG_NAMED ``{2,8}``, COLON): literals and bounded classes.
- readers.text: JUNK_CHAR, FOLDABLE, FORM_FEED, LINE_BREAK, CLEAN_BREAK, CLAUSE_MARKS,
  UNIT_START (classes and literals), DELETABLE (`` +`` ends the pattern), PAGE_FURNITURE,
  LIST_MARKER, CAPTION (bounded), SENTENCE_END (``{0,3}$``).

Inline patterns (not module attributes) were read too: rates ``[\\u4e00-\\u9fff]{0,10}$`` and
``^在[\\u4e00-\\u9fff]{2,12}?中`` (bounded), changes ``[^\\u4e00-\\u9fff0-9]`` and period
``[^\\n]+`` (single class, linear).

Limitations: the timing check uses strings built from each pattern's own alphabet, not an
exhaustive search; the structural check does not prove the absence of every polynomial case.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import time
from re import _constants as C
from re import _parser as sre_parse

import pytest

import lawaudit.extract

MODULES = [
    f"lawaudit.extract.{m.name}" for m in pkgutil.iter_modules(lawaudit.extract.__path__)
] + ["lawaudit.readers.text"]
# Applied only to inputs of bounded length: the size they are timed at.
BOUNDED = {"lawaudit.extract.changes.TRAILING": 24}
# Ambiguous word loops that nothing can fail after: ^(...)+ ending the pattern succeeds greedily
# at once (累计共 is 累计 + 共, but no parse is ever backtracked into).
ENDS_THE_PATTERN = {"lawaudit.extract.patterns.FILLER"}


def all_patterns() -> dict[str, re.Pattern]:
    found = {}
    for name in MODULES:
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            values = value if isinstance(value, tuple) else (value,)
            for i, v in enumerate(values):
                if isinstance(v, re.Pattern):
                    key = f"{name}.{attr}" + (f"[{i}]" if isinstance(value, tuple) else "")
                    found[key] = v
    return found


PATTERNS = all_patterns()


def test_patterns_were_collected():
    assert len(PATTERNS) > 80
    for key in ("numbers.QUANTITY_PATTERN", "patterns.FILLER", "changes.TRAILING", "text.JUNK"):
        assert any(key in k for k in PATTERNS), key


# --- structural check ---------------------------------------------------------------------


def _walk(items, inside_unbounded: bool, problems: list[str]):
    for op, av in items:
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            lo, hi, body = av
            variable = lo != hi
            if inside_unbounded and variable:
                problems.append("variable repeat inside an unbounded repeat")
            unbounded = hi == C.MAXREPEAT
            if unbounded:
                words = _literal_words(body)
                if words and _ambiguous(words):
                    problems.append(f"ambiguous alternation under a repeat: {sorted(words)}")
            _walk(body, inside_unbounded or unbounded, problems)
        elif op == C.SUBPATTERN:
            _walk(av[-1], inside_unbounded, problems)
        elif op == C.BRANCH:
            for alt in av[1]:
                _walk(alt, inside_unbounded, problems)
        elif op in (C.ASSERT, C.ASSERT_NOT):
            _walk(av[1], False, problems)  # lookarounds are anchored at one position
        elif op == C.ATOMIC_GROUP:
            _walk(av, inside_unbounded, problems)


def _literal_words(body) -> set[str] | None:
    """The words of a body that is an alternation of plain literals, else None."""
    items = list(body)
    if len(items) == 1 and items[0][0] == C.SUBPATTERN:
        items = list(items[0][1][-1])
    if len(items) == 1 and items[0][0] == C.BRANCH:
        alts = items[0][1][1]
    elif all(op == C.LITERAL for op, _ in items):
        alts = [items]
    else:
        return None
    words = set()
    for alt in alts:
        alt = list(alt)
        if not all(op == C.LITERAL for op, _ in alt):
            return None
        words.add("".join(chr(av) for _, av in alt))
    return words


def _ambiguous(words: set[str]) -> bool:
    """True when some word is a concatenation of two or more words of the set."""

    def splits(s: str, parts: int) -> bool:
        if not s:
            return parts >= 2
        return any(s.startswith(w) and splits(s[len(w) :], parts + 1) for w in words if w)

    return any(splits(w, 0) and len(w) != 1 for w in words)


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_no_nested_or_ambiguous_repeat(name):
    problems: list[str] = []
    _walk(sre_parse.parse(PATTERNS[name].pattern, PATTERNS[name].flags), False, problems)
    if name in ENDS_THE_PATTERN:
        assert PATTERNS[name].pattern.startswith("^") and PATTERNS[name].pattern.endswith(")+")
        problems = [p for p in problems if not p.startswith("ambiguous")]
    assert not problems, (name, problems)


def test_the_structural_check_catches_the_classic_cases():
    for bad in (r"(a+)+$", r"(?:a|b|ab)+$", r"(?:\d+,?)+x", r"(?:共|计|共计)+$"):
        problems: list[str] = []
        _walk(sre_parse.parse(bad), False, problems)
        assert problems, bad
    for good in (r"[0-9]{1,3}(?:,[0-9]{3})+", r"(?:的|为|达到|达)+$", r"(?:a|b)+$"):
        problems = []
        _walk(sre_parse.parse(good), False, problems)
        assert not problems, good


# --- timing check ---------------------------------------------------------------------------


def _alphabet(pattern: re.Pattern) -> tuple[list[str], list[str]]:
    """Characters and literal words the pattern accepts (a sample of each class)."""
    chars: list[str] = []
    words: list[str] = []

    def add(c: str):
        if c not in chars:
            chars.append(c)

    def walk(items):
        run = ""
        for op, av in items:
            if op == C.LITERAL:
                run += chr(av)
                add(chr(av))
                continue
            if len(run) > 1:
                words.append(run)
            run = ""
            if op == C.IN:
                for sop, sav in av:
                    if sop == C.LITERAL:
                        add(chr(sav))
                    elif sop == C.RANGE:
                        lo, hi = sav
                        for c in (lo, (lo + hi) // 2, hi):
                            add(chr(c))
                    elif sop == C.CATEGORY:
                        add("1")
                        add("字")
                        add(" ")
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
                walk(av[2])
            elif op == C.SUBPATTERN:
                walk(av[-1])
            elif op == C.BRANCH:
                for alt in av[1]:
                    walk(alt)
            elif op in (C.ASSERT, C.ASSERT_NOT):
                walk(av[1])
            elif op == C.ANY:
                add("字")
        if len(run) > 1:
            words.append(run)

    walk(sre_parse.parse(pattern.pattern, pattern.flags))
    return chars[:12], words[:12]


def adversarial(pattern: re.Pattern, size: int) -> list[str]:
    chars, words = _alphabet(pattern)
    end = "\x00"
    out = [c * size + end for c in chars]
    out += [(w * (size // len(w) + 1))[:size] + end for w in words]
    if words:
        cycle = "".join(words)
        out.append((cycle * (size // len(cycle) + 1))[:size] + end)
    if chars:
        cycle = "".join(chars)
        out.append((cycle * (size // len(cycle) + 1))[:size] + end)
    return out


def _work(pattern: re.Pattern, texts: list[str]) -> float:
    best = float("inf")
    for _ in range(2):
        t = time.perf_counter()
        for s in texts:
            for _m in pattern.finditer(s):
                pass
            pattern.match(s)
            pattern.search(s, len(s) // 2)
        best = min(best, time.perf_counter() - t)
    return best


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_work_is_linear_in_size(name):
    pattern = PATTERNS[name]
    size = BOUNDED.get(name, 5000)
    small = _work(pattern, adversarial(pattern, size))
    large = _work(pattern, adversarial(pattern, 4 * size))
    assert large < 10 * small + 0.05, (name, small, large)


def test_trailing_words_no_longer_backtrack_exponentially():
    from lawaudit.extract.changes import TRAILING, topic

    t = time.perf_counter()
    assert TRAILING.search("收入" + "共计" * 30 + "X") is None
    assert topic("收入" + "共计" * 40 + "额") == "收入" + "共计" * 40 + "额"
    assert topic("收入共计") == "收入" and topic("收入累计完成") == "收入"
    assert time.perf_counter() - t < 1.0
