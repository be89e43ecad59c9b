"""表三, 表四 and 表二 of the template, each aligned by its labels (see xxgk.py for the cells).

Each reader fills `Tables` and leaves a notice, never a guess, where a table that looks like the
template's has a row or header it cannot match to the template's columns.
"""

from __future__ import annotations

from lawaudit.extract import xxgk_template as T
from lawaudit.extract.xxgk import BLANK, LABEL, NUM, REACH, Tables, Tok, align, cell, rows

T3, T4, T2 = "表三 收到和处理政府信息公开申请情况", "表四 行政复议、行政诉讼情况", "表二"


def header_columns(toks: list[Tok], i: int) -> tuple[str, ...] | None:
    """表三's columns from the header cells before toks[i] (its first row), or None."""
    words = []
    for t in reversed(toks[max(0, i - REACH) : i]):
        if t.prose or "本年新收" in t.key:
            break
        if t.kind == LABEL:
            words += reversed(T.words_of(t.key, T.HEADER_WORDS))
    words.reverse()
    if T.PERSON not in words or T.TOTAL not in words:
        return None
    subs = [w for w in words if w in T.SUBCOLUMNS or w in (T.SUBTOTAL, "合计")]
    subs = [T.SUBTOTAL if w == "合计" else w for w in subs]
    middle = subs or ([T.LEGAL] if T.LEGAL in words else [])
    return (T.PERSON, *middle, T.TOTAL)


def read_t3(toks: list[Tok], found: Tables) -> None:
    first = next(
        (i for i, t in enumerate(toks) if t.kind == LABEL and "本年新收" in t.key and not t.prose),
        None,
    )
    if first is None:
        return
    columns = header_columns(toks, first)
    group, end = "", toks[first].end
    for labels, values, _ in rows(toks, first):
        while len(labels) > 1 and T.words_of(labels[0].key, T.HEADER_WORDS):
            labels = labels[1:]  # the header again, after a page break
        written = [t for t in values if t.kind in (NUM, BLANK)]
        if not written and T.words_of(labels[0].key, T.HEADER_WORDS):
            continue
        label = "".join(t.key for t in labels)
        if "行政复议" in label or "行政诉讼" in label:
            break
        key = T.t3_row(label, group)
        group = T.group_of(label) or group
        if key == "other" and not written:
            continue  # （六）其他处理 as the heading of its three sub-items (2021)
        if key is None:
            if written:
                found.notices.append(
                    (T3, f"a row not in the template: {labels[-1].raw}", labels[0].start)
                )
            continue
        if columns is None:
            if len(written) != len(T.STANDARD_COLUMNS):
                why = f"no column header, and {len(written)} cells in {T.T3_NAME[key]}"
                found.notices.append((T3, why, labels[0].start))
                return
            columns = T.STANDARD_COLUMNS
        if any(v.bare for v in values):
            why = f"{T.T3_NAME[key]}: its numbers are on a line apart from its label"
            found.notices.append((T3, why, labels[0].start))
            continue
        cells = align(values, len(columns))
        if cells is None:
            why = f"{T.T3_NAME[key]}: {len(written)} cells for {len(columns)} columns"
            found.notices.append((T3, why, labels[0].start))
            continue
        if key in found.t3:
            found.notices.append((T3, f"{T.T3_NAME[key]} twice", labels[0].start))
            continue
        found.t3[key] = tuple(
            cell(T.T3_NAME[key], c, t) for c, t in zip(columns, cells, strict=True)
        )
        end = max(end, *(t.end for t in cells))
        if key == "carried_out":
            break
    if found.t3 and "total" not in found.t3:
        why = "（七）总计 not found, so its columns are not checked"
        found.notices.append((T3, why, toks[first].start))
    found.t3_columns = columns or ()
    found.t3_other_split = any(k.startswith("other.") for k in found.t3)
    found.spans.append((toks[first].start, end))


def read_t4(toks: list[Tok], found: Tables) -> None:
    """表四: the header from 行政复议, then one row of fifteen cells."""
    for i, t in enumerate(toks):
        if t.kind == LABEL and T.words_of(t.key, T.T4_WORDS)[:1] == ["行政复议"]:
            near = toks[i : i + REACH]
            if any("结果维持" in u.key for u in near):
                break
    else:
        return
    for labels, values, _ in rows(toks, i):
        heads = [w for t in labels for w in T.words_of(t.key, T.T4_WORDS)]
        outcomes = [w for w in heads if w in T.T4_OUTCOMES]
        n = len(T.T4_GROUPS) * len(T.T4_OUTCOMES)
        if outcomes and outcomes != list(T.T4_OUTCOMES) * (len(outcomes) // 5 or 1):
            found.notices.append((T4, "columns in an order not the template's", t.start))
            return
        cells = align(values, n)
        if cells is None:
            written = sum(v.kind in (NUM, BLANK) for v in values)
            found.notices.append((T4, f"{written} cells for {n} columns", t.start))
            return
        found.t4 = tuple(
            cell(group, outcome, cells[g * 5 + o])
            for g, group in enumerate(T.T4_GROUPS)
            for o, outcome in enumerate(T.T4_OUTCOMES)
        )
        found.spans.append((t.start, cells[-1].end))
        return


def read_t2(toks: list[Tok], found: Tables) -> None:
    """表二 第二十条第（一）项: 规章 and 行政规范性文件 by 制发, 废止, 现行有效."""
    first = next((i for i, t in enumerate(toks) if t.key.startswith(T.T2_COLUMNS[0])), None)
    if first is None:
        return
    heads = [t.key for t in toks[first : first + 3]]
    if not all(h.startswith(c) for h, c in zip(heads, T.T2_COLUMNS, strict=True)):
        return
    for labels, values, _ in rows(toks, first + 3):
        row = T.T2_ROWS.get(labels[-1].key)
        if row is None:
            return
        cells = align(values, 3)
        if cells is None:
            found.notices.append((T2, f"{row}: cells not aligned", labels[-1].start))
            return
        found.t2[row] = tuple(cell(row, c, t) for c, t in zip(T.T2_COLUMNS, cells, strict=True))
