"""Read a text file into a `Document`: decode the bytes, then clean a copy for the extractor.

Cleaning only deletes characters or replaces one character by one, so `origin` maps every
character of the cleaned text back to a line and column of the file as given.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import sys
import unicodedata
from collections import Counter
from dataclasses import replace
from typing import NamedTuple

from lawaudit.i18n import tr
from lawaudit.model import Document, Origin


class ReadError(Exception):
    """One-line, user-facing message: the CLI prints it and exits 2."""


# --- decoding --------------------------------------------------------------------------------

# UTF-32 LE before UTF-16 LE: its byte-order mark starts with the same two bytes.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Characters no report contains: C0/C1 controls (tab, line breaks and form feed allowed),
# private-use areas, non-characters. A wrong decoding (GB18030 or UTF-16 of junk) makes many.
JUNK_CHAR = re.compile(
    r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufdd0-\ufdef\ufffe\uffff\U000f0000-\U0010ffff]"
)
# Blocks where every code point is assigned (Unicode 14, so in any later version too): ASCII to
# Greek, punctuation, CJK symbols, CJK ideographs, full-width forms. They hold 99.9% of the
# corpus's characters; only the rest need the slow per-character test for unassigned ones.
ASSIGNED_RUNS = re.compile(r"[\x00-\u0377\u2000-\u2064\u3000-\u303f\u3220-\ua48c\uff01-\uffbe]+")
JUNK_SHARE = 0.02  # more junk than this and the decoding is wrong
JUNK_SAMPLE = 20_000  # unassigned code points are counted on a sample
BINARY_NUL_SHARE = 0.001  # a file with more NUL bytes than this, not UTF-16, is binary
UTF16_NUL_SHARE = 0.1  # valid UTF-8 with this many NUL bytes may be ASCII-heavy UTF-16
OS_REASONS_ZH = {
    "no such file": "没有这个文件",
    "is a directory": "这是文件夹",
    "permission denied": "没有权限",
}
OS_REASONS = {
    FileNotFoundError: "no such file",
    IsADirectoryError: "is a directory",
    PermissionError: "permission denied",
}


def decode(data: bytes, encoding: str | None = None) -> str:
    """Bytes to text by a fixed chain; short Chinese text defeats statistical charset detectors.

    Raises ReadError with a reason only: `read` prefixes it with the path.
    """
    if encoding:
        return _decode_as(data, encoding)
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                raise ReadError(
                    tr(
                        f"not valid {codec} after its byte-order mark",
                        f"字节顺序标记之后不是有效的{codec}",
                    )
                ) from None
    nuls = data.count(0)
    utf8 = _try(data, "utf-8")
    # Neither UTF-8 nor GB18030 text has NUL bytes. ASCII-heavy UTF-16 is also valid UTF-8,
    # hence the share test; a stray NUL in a UTF-8 file must not make it UTF-16.
    if nuls and (utf8 is None or nuls >= UTF16_NUL_SHARE * len(data)):
        text = _utf16(data)
        if text is not None:
            return text
    if nuls > BINARY_NUL_SHARE * len(data):
        raise ReadError(tr("looks binary, not a text file", "像是二进制文件，不是文本"))
    if utf8 is not None:
        if _looks_like_text(utf8):
            return utf8
        raise ReadError(tr("looks binary, not a text file", "像是二进制文件，不是文本"))
    text = _try(data, "gb18030")  # decodes almost anything, hence the junk test
    if text is not None and _looks_like_text(text):
        return text
    raise ReadError(
        tr(
            "not UTF-8, UTF-16 or GB18030; try --encoding",
            "不是 UTF-8、UTF-16 或 GB18030 编码；可用 --encoding 指定",
        )
    )


def _utf16(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark: ASCII characters put their NUL byte second in LE."""
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    for codec in ("utf-16-le", "utf-16-be") if odd >= even else ("utf-16-be", "utf-16-le"):
        text = _try(data, codec)
        if text is not None and _looks_like_text(text):
            return text
    return None


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _decode_as(data: bytes, encoding: str) -> str:
    """The user named the encoding: decode strictly, no junk test, only drop a leading BOM."""
    try:
        codecs.lookup(encoding)
        text = data.decode(encoding)
    except LookupError:
        raise ReadError(
            tr(f"unknown text encoding {encoding!r}", f"未知的文本编码 {encoding!r}")
        ) from None
    except UnicodeDecodeError as e:
        raise ReadError(
            tr(
                f"not valid {encoding} (byte 0x{data[e.start]:02x} at {e.start})",
                f"不是有效的{encoding}（第{e.start}字节为0x{data[e.start]:02x}）",
            )
        ) from None
    return text.removeprefix("\ufeff")


def _looks_like_text(text: str) -> bool:
    """False when a decoding produced controls, private-use or unassigned characters."""
    if not text:
        return True
    sample = text[:JUNK_SAMPLE]
    rare = ASSIGNED_RUNS.sub("", sample)  # what is left is a few characters, or junk
    unassigned = sum(  # category() per distinct character: a report repeats the same few
        rare.count(c) for c in set(rare) if unicodedata.category(c) == "Cn"
    )
    junk = len(JUNK_CHAR.findall(text)) / len(text) + unassigned / len(sample)
    return junk <= JUNK_SHARE


# The largest input read: far above any report (the corpus's largest is 0.2 MB of text, a long
# PDF some tens of MB), and a bound on memory for a pipe that never ends.
MAX_BYTES = 256 * 2**20
# A named pipe with no writer opens at once instead of waiting for one to come.
NONBLOCK = getattr(os, "O_NONBLOCK", 0)
OPEN_FLAGS = os.O_RDONLY | NONBLOCK | getattr(os, "O_BINARY", 0)


def load(path: str, what: str = "") -> bytes:
    """The bytes of a file, a pipe, or standard input ("-"); any failure is a ReadError that
    names it (as "`what` path": "baseline b.json").

    Devices (/dev/zero, a terminal) and sockets are refused, and so are a pipe that nothing
    writes to and input past MAX_BYTES: reading them could wait or grow without end.
    """
    name = "standard input" if path == "-" else f"{what} {path}".lstrip()
    try:
        if path == "-":
            if sys.stdin is None:  # started with standard input closed (<&-)
                raise ReadError(
                    tr("cannot read standard input: it is closed", "无法读取标准输入：已关闭")
                )
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            fd = os.open(path, OPEN_FLAGS)
            with open(fd, "rb") as f:
                data = _read_opened(f, name)
    except (OSError, ValueError, AttributeError) as e:  # AttributeError: no sys.stdin.buffer
        reason = OS_REASONS.get(type(e)) or getattr(e, "strerror", None) or str(e)
        reason = tr(reason, OS_REASONS_ZH.get(reason, reason)) or type(e).__name__
        raise ReadError(tr(f"cannot read {name}: {reason}", f"无法读取 {name}：{reason}")) from None
    if len(data) > MAX_BYTES:
        raise ReadError(
            tr(
                f"cannot read {name}: larger than {MAX_BYTES >> 20} MB",
                f"无法读取 {name}：大于{MAX_BYTES >> 20} MB",
            )
        )
    return data


def _read_opened(f, name: str) -> bytes:
    mode = os.fstat(f.fileno()).st_mode
    if stat.S_ISREG(mode):
        return f.read(MAX_BYTES + 1)
    if stat.S_ISDIR(mode):  # POSIX opens a folder for reading; only read() fails
        raise ReadError(tr(f"cannot read {name}: is a directory", f"无法读取 {name}：这是文件夹"))
    if not stat.S_ISFIFO(mode):
        raise ReadError(
            tr(f"cannot read {name}: not a file or a pipe", f"无法读取 {name}：不是文件或管道")
        )
    head = b""
    if NONBLOCK:
        try:
            head = os.read(f.fileno(), 1)
        except BlockingIOError:
            pass  # a writer that has not written yet
        else:
            if not head:  # no writer, or one that wrote nothing
                raise ReadError(
                    tr(
                        f"cannot read {name}: an empty pipe, or one nothing writes to",
                        f"无法读取 {name}：管道为空，或没有写入",
                    )
                )
        os.set_blocking(f.fileno(), True)
    return head + f.read(MAX_BYTES + 1 - len(head))


def read(path: str, encoding: str | None = None, data: bytes | None = None) -> Document:
    """Read a text file ("-": standard input) into a Document; every failure is a ReadError."""
    name = "standard input" if path == "-" else path
    if data is None:
        data = load(path)
    try:
        source = decode(data, encoding)
    except ReadError as e:
        lenient = None if encoding else decode_replacing(data)
        if lenient is None:
            raise ReadError(tr(f"cannot decode {name}: {e}", f"无法解码 {name}：{e}")) from None
        source, warning = lenient
        return replace(document_from_text(path, source), warnings=(warning,))
    return document_from_text(path, source)


FEW_BAD_BYTES = 16  # replaced, with a warning; or one in a thousand bytes for a long file


def decode_replacing(data: bytes) -> tuple[str, str] | None:
    """UTF-8 (else GB18030) text with a few undecodable bytes, each replaced by U+FFFD, and a
    warning giving their count and the first one's place; None when there are more than a few
    (then the encoding is wrong, not a byte here and there, and --encoding is the answer)."""
    # a few: at most 16 (or one in a thousand bytes), and never more than one byte in twenty
    if b"\x00" in data or _try(data, "utf-8") is not None:
        return None  # UTF-16 or binary, or valid UTF-8 that the strict chain found to be junk
    limit = min(max(FEW_BAD_BYTES, len(data) // 1000), len(data) // 20)
    for codec in ("utf-8", "gb18030"):
        found = _replacing(data, codec, limit)
        if found is None:
            continue
        text, bad, first = found
        if not bad or not _looks_like_text(text):  # no bad byte: the strict chain judged it
            continue
        line = text.count("\n", 0, first) + 1
        column = first - (text.rfind("\n", 0, first) + 1) + 1
        warning = tr(
            f"{bad} undecodable byte{'s' if bad != 1 else ''} replaced with \ufffd (read as "
            f"{codec}), the first at line {line}, column {column}; --encoding decodes strictly",
            f"有{bad}个字节无法解码，已替换为\ufffd（按{codec}读取），第一个在第{line}行第{column}列；"
            "用 --encoding 可严格解码",
        )
        return text, warning
    return None


def _replacing(data: bytes, codec: str, limit: int) -> tuple[str, int, int] | None:
    """(text, bytes replaced, index in text of the first), or None past `limit` bad bytes."""
    parts: list[str] = []
    pos = bad = first = 0
    at = 0  # characters decoded so far
    while True:
        try:
            parts.append(data[pos:].decode(codec))
            break
        except UnicodeDecodeError as e:
            good = data[pos : pos + e.start].decode(codec)
            at += len(good)
            if not bad:
                first = at
            parts += [good, "\ufffd"]
            at += 1
            bad += e.end - e.start
            pos += e.end
            if bad > limit:
                return None
    return "".join(parts), bad, first


# --- cleaning --------------------------------------------------------------------------------

# Traditional forms of characters that occur in report keywords, each folded to its simplified
# form so "調處成功率" matches like "调处成功率". Only characters never used in simplified text.
TRADITIONAL = (
    "調调 處处 糾纠 紛纷 辦办 結结 滿满 實实 際际 總总 計计 數数 類类 項项 條条 個个 萬万 億亿 "
    "點点 兩两 達达 與与 為为 關关 於于 報报 經经 濟济 區区 縣县 鎮镇 鄉乡 衛卫 場场 書书 記记 "
    "會会 議议 員员 職职 務务 國国 長长 門门 開开 發发 時时 間间 對对 業业 產产 農农 資资 費费 "
    "價价 額额 較较 減减 質质 統统 營营 運运 輸输 電电 話话 訴诉 舉举 諮咨 詢询 問问 題题 設设 "
    "執执 規规 範范 檢检 審审 許许 證证 訪访 預预 決决 財财 稅税 環环 護护 醫医 療疗 學学 險险 "
    "養养 齡龄 戶户 勞劳 動动 應应 災灾 號号 線线 熱热 單单 級级 監监 導导 專专 網网 構构 綜综 "
    "準准 積积 極极 車车 圖图 廣广 東东 華华 轉转 體体 補补 貸贷 債债 銀银 幣币 現现 況况 佔占 "
    "餘余 約约 過过 將将 幾几 還还 後后 從从 並并 復复 複复 歲岁 認认 標标 這这 來来 當当 據据 "
    "顯显 屬属 權权 錄录 機机 選选 讓让 歸归 頭头 傳传 側侧 創创 劃划 則则 剛刚 協协 參参 變变 "
    "嚴严 園园 圍围 團团 壓压 夠够 奪夺 奮奋 婦妇 孫孙 寧宁 層层 屆届 幫帮 廳厅 廢废 徑径 態态 "
    "懷怀 戰战 擴扩 掃扫 擊击 擔担 攜携 敗败 敵敌 斷断 無无 舊旧 樓楼 樣样 歷历 殘残 氣气 漢汉 "
    "滅灭 煙烟 爭争 獎奖 獲获 畫画 異异 盡尽 礙碍 禮礼 稱称 穩稳 競竞 筆笔 節节 築筑 簡简 糧粮 "
    "紀纪 納纳 紙纸 組组 細细 終终 絕绝 給给 維维 綱纲 緊紧 練练 編编 緩缓 縮缩 績绩 繳缴 織织 "
    "聯联 聲声 聽听 艱艰 藥药 裝装 視视 覺觉 觀观 訂订 訊讯 評评 詞词 試试 詳详 誠诚 語语 說说 "
    "談谈 請请 諾诺 謀谋 講讲 識识 讀读 貨货 責责 貧贫 貫贯 賠赔 賣卖 購购 贊赞 趨趋 跡迹 踐践 "
    "軍军 輔辅 輕轻 載载 輪轮 進进 違违 適适 遲迟 遺遗 邊边 鄰邻 釋释 針针 銷销 鋪铺 錯错 鍵键 "
    "閉闭 閱阅 隊队 陽阳 陰阴 陳陈 隨随 隱隐 雙双 雜杂 離离 難难 靈灵 響响 頁页 順顺 須须 領领 "
    "頻频 風风 飛飞 館馆 馬马 驗验 黨党 齊齐 壇坛 塊块 壞坏 聞闻 覽览 龍龙 貼贴 愛爱 親亲 內内 "
    "優优 殺杀 紅红 夥伙 歡欢 義义 廠厂 麼么 淨净 韓韩 鐵铁 錢钱 麵面 佈布 週周 繫系 係系 製制"
)
# Unicode spaces, tabs and zero-width characters all become " ": then only " " needs handling.
SPACE_CHARS = (
    "\t\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u200b\u200c\u200d\u2060\u202f\u205f\u3000\ufeff"
)
FOLD = {
    **{chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)},  # full-width forms: "２８７％"
    **dict.fromkeys(SPACE_CHARS, " "),
    **{pair[0]: pair[1] for pair in TRADITIONAL.split()},
}
FOLDABLE = re.compile("[" + "".join(map(re.escape, FOLD)) + "]")  # faster than str.translate
ALNUM = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

LINE_BREAK = re.compile(r"\r\n|[\r\n]")  # what editors count as a new line
CLEAN_BREAK = re.compile(r"\r\n|[\r\n\f]")  # cleaning also splits pages
FORM_FEED = re.compile(r"\f")
# A space run, an inline footnote reference "[2]" that pdftotext leaves before a number, or
# the pinyin some mirrored pages put after a character ("辦結(jié)"): each splits a word in two.
DELETABLE = re.compile(r" +|\[\d{1,2}\]|\([a-zü]{0,6}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,6}\)")
# A whole line that is page furniture: "— 1 —", "-2-", "第 1 页 共 5 页", "1/5", "[1]".
PAGE_FURNITURE = re.compile(
    r"[-—–―−~]{1,3}\d{1,4}[-—–―−~]{1,3}|第\d{1,4}页(?:[,/]?共\d{1,4}页)?|共\d{1,4}页第\d{1,4}页"
    r"|\d{1,4}/\d{1,4}|\[\d{1,3}\]|(?i:page \d{1,4}(?: of \d{1,4})?)"
)
# What starts a heading, a list item or a caption (after folding, so "（一）" reads "(一)").
LIST_MARKER = re.compile(
    r"[一二三四五六七八九十百]{1,4}、|\([一二三四五六七八九十百\d]{1,4}\)|\d{1,3}[.、](?!\d)"
    r"|第[一二三四五六七八九十百千\d]{1,5}(?:章|节|条|部分|篇)|[\u2460-\u2473\u2776-\u277f]"
    r"|[图表]\d{1,3}(?!\d)"
)
CAPTION = re.compile(r"[图表]\d{1,3}(?!\d)")  # "图5 2021—2025年…": a heading even when wide
# Sentence-final punctuation at the end of a line, maybe inside closing quotes or brackets.
SENTENCE_END = re.compile(r"(?:[。！？!?；;：:…]|(?<=[^\x00-\x7f])\.)[”’\"'）)】》」』〕\]]{0,3}$")
SENTENCE_MARKS = "。；;"  # a list-marker line holding these is a paragraph, not a heading
CLAUSE_MARKS = re.compile(r"[，。；：,;:！？!?]")  # a web line without these is a title
CONTINUES = "，、,"  # a line ending in these always continues on the next
UNIT_START = re.compile(r"[亿万元%‰]|个百分点")  # "5.09\n亿人公里": the unit wrapped
SHORT = 12  # a line this short (and not ending in CONTINUES) is a heading or a title
TABLE_ROW = 25  # a line under this that ends in a digit or "%" is a table row or a list item
TITLE = 40  # in web text, a line this short without clause punctuation is a title or caption
FULL_WIDTH_SHARE = 0.8  # in a PDF-wrapped text, a line narrower than this ends its paragraph
LETTER_SPACED = 0.6  # share of gaps that are single spaces: "占 G D P 比 重 为 6 4 %"
TABLE_GAP = 3  # a run of this many spaces (or a tab) inside a line separates table cells: "|"
PROSE_MARKS = re.compile(r"[，。；！？]")  # a line with these is a sentence, its wide gaps typing


class Line(NamedTuple):
    text: str  # cleaned
    segments: list[tuple[int, int]]  # kept [start, end) ranges of the source
    end: int  # index of the line's terminator in the source (-1 for the last line)
    width: int  # display width of the raw line (CJK counts 2), for PDF wrap detection
    table: bool  # has wide gaps or tabs between cells


def document_from_text(path: str, source: str) -> Document:
    """Build the Document: fold characters, drop spaces and page furniture, join wrapped lines."""
    folded = FOLDABLE.sub(lambda m: FOLD[m[0]], source)  # one for one: indexes stay the same
    spans = []  # (start, end, terminator) of each line of the source
    start = 0
    for m in CLEAN_BREAK.finditer(source):
        spans.append((start, m.start(), m.end() - 1))
        start = m.end()
    spans.append((start, len(source), -1))
    spaced = _spaced_tables(folded, spans)
    # None: a blank line; a Line with no text: page furniture
    lines = [_line(source, folded, a, b, end, k in spaced) for k, (a, b, end) in enumerate(spans)]
    full = _typical_width([ln.width for ln in lines if ln and ln.text])

    parts: list[str] = []
    starts: list[int] = []  # text is parts joined; origin is the ranges starts[k]:ends[k]
    ends: list[int] = []
    prev: Line | None = None
    blank_before = True  # the previous text line had a blank line (or the file start) before it
    gap = False  # a blank line lies between the previous text line and this one
    for ln in lines:
        if ln is None or not ln.text:  # furniture goes with its line break, blank lines too
            gap = gap or ln is None
            continue
        if prev is not None and (sep := _separator(prev, ln, blank_before and gap, full)):
            parts.append(sep)  # the line break, as "\n" or " "
            starts.append(prev.end)
            ends.append(prev.end + 1)
        parts.append(ln.text)
        for a, b in ln.segments:
            starts.append(a)
            ends.append(b)
        blank_before = gap or prev is None
        prev, gap = ln, False
    return Document(
        path=path,
        source=source,
        text="".join(parts),
        origin=Origin([*zip(starts, ends, strict=True), (len(source), len(source) + 1)]),
        line_starts=(0, *(m.end() for m in LINE_BREAK.finditer(source))),
        page_starts=_page_starts(source),
    )


def _line(source: str, folded: str, a: int, b: int, end: int, spaced_row=False) -> Line | None:
    """Clean one line: drop spaces (one kept between ASCII letters or digits) and footnote refs.

    In a letter-spaced line ("6 4 %", pdftotext of justified text) a single space between
    digits is spacing, not a separator, so it goes too.
    """
    runs = [m.span() for m in DELETABLE.finditer(folded, a, b)]
    spaced = None  # computed when first needed
    segments: list[tuple[int, int]] = []
    bars: set[int] = set()  # segments that stand for a cell break: written "|"
    wide = folded.find("   ", a, b) >= 0 or source.find("\t", a, b) >= 0  # most lines: neither
    gaps = {s for s, e in runs if _wide(source, folded, s, e, a, b)} if wide else set()
    table = bool(gaps)
    # "市公安局\t120\t118": three cells or more, and no sentence marks (in a sentence a wide gap
    # is typing; "目   录" and "来源:…   时间:…" are one line of two parts, not a row)
    cells = len(gaps) >= 2 and not PROSE_MARKS.search(folded, a, b)
    if not cells and spaced_row:  # "年份 县法院 区法院 合计" / "2009 210 83 321"
        gaps = {s for s, e in runs if folded[s] == " " and s > a and e < b}
        cells = table = True
    cur = a
    for s, e in runs:
        if folded[s] == " ":
            inner = s > a and e < b
            if cells and s in gaps:  # a cell break, kept as "|" for the grid
                if s > cur:
                    segments.append((cur, s))
                bars.add(len(segments))
                segments.append((s, s + 1))
                cur = e
                continue
            cut = s
            if inner and folded[s - 1] in ALNUM and folded[e] in ALNUM:
                if e - s == 1 and spaced is None:
                    spaced = _letter_spaced(folded, a, b, runs)
                cut = s if e - s == 1 and spaced else s + 1
        else:  # "[2]", "(jié)": only after a Chinese character, where it is no code or math
            j = s - 1
            while j >= a and folded[j] == " ":
                j -= 1
            if j < a or folded[j].isascii():
                continue
            cut = s
        if cut > cur:
            segments.append((cur, cut))
        cur = e
    if b > cur:
        segments.append((cur, b))
    text = "".join("|" if k in bars else folded[s:e] for k, (s, e) in enumerate(segments))
    if not text:
        return None
    if len(text) <= 20 and PAGE_FURNITURE.fullmatch(text):
        return Line("", [], end, 0, False)
    raw = source[a:b].rstrip() if b - a <= 400 else ""
    width = 2 * len(raw) - len(raw.encode("ascii", "ignore")) if raw else 10**9
    return Line(text, segments, end, width, table)


SPACED_TOKEN = re.compile(r"[^\s，。；：、,;:]{1,12}")
NUMERIC_TOKEN = re.compile(r"[+-]?\d+(?:\.\d+)?%?|[-—/]")


def _spaced_tables(folded: str, spans: list[tuple[int, int, int]]) -> set[int]:
    """The lines of tables whose cells single spaces part, as PDF text gives a small table
    ("年份 县法院 区法院 合计" over "2009 210 83 321"): a header of three words or more, each of
    two characters or more (not letter-spaced text), then two rows or more of as many cells, a
    label and numbers. Their gaps become cell breaks ("|"); any other spaced line stays prose."""
    kinds = [_spaced_kind(folded, a, b) for a, b, _ in spans]
    out: set[int] = set()
    for k, (kind, n) in enumerate(kinds):
        if kind != "head":
            continue
        rows = []
        for j in range(k + 1, len(spans)):
            a, b, _ = spans[j]
            if not folded[a:b].strip():
                continue  # blank lines between rows
            if kinds[j] != ("row", n):
                break
            rows.append(j)
        if len(rows) >= 2:
            out.update((k, *rows))
    return out


def _spaced_kind(folded: str, a: int, b: int) -> tuple[str, int]:
    """("head", cells), ("row", cells) or ("", 0) for one line (see _spaced_tables)."""
    if folded.find(" ", a, b) < 0:
        return "", 0
    tokens = folded[a:b].split()
    if len(tokens) < 3 or not all(SPACED_TOKEN.fullmatch(t) for t in tokens):
        return "", 0
    if all(NUMERIC_TOKEN.fullmatch(t) for t in tokens[1:]):
        return "row", len(tokens)
    if all(len(t) >= 2 and not t.isascii() and not NUMERIC_TOKEN.fullmatch(t) for t in tokens):
        return "head", len(tokens)
    return "", 0


def _wide(source: str, folded: str, s: int, e: int, a: int, b: int) -> bool:
    """A run of spaces inside the line [a, b) wide enough to part table cells, or a tab."""
    if folded[s] != " " or s == a or e == b:
        return False
    return e - s >= TABLE_GAP or source.find("\t", s, e) >= 0


def _letter_spaced(folded: str, a: int, b: int, runs: list[tuple[int, int]]) -> bool:
    """True when the characters of a Chinese line are set apart by single spaces."""
    singles = beside_cjk = spaces = 0
    for s, e in runs:
        spaces += e - s
        if e - s == 1 and s > a and e < b:
            singles += 1
            beside_cjk += not (folded[s - 1].isascii() and folded[e].isascii())
    gaps = b - a - spaces - 1
    return gaps >= 5 and singles >= LETTER_SPACED * gaps and beside_cjk >= gaps * LETTER_SPACED / 2


def _typical_width(widths: list[int]) -> int:
    """The width of a full line when most lines are equally wide (PDF wrapping), else 0."""
    counts = Counter(w for w in widths if 30 <= w <= 400)
    if not counts:
        return 0
    near = {w: sum(counts[w + d] for d in range(-3, 4)) for w in counts}  # lines within ±3
    best = max(near, key=lambda w: (near[w], w))
    return best if near[best] >= 8 and near[best] >= 0.3 * len(widths) else 0


def _separator(prev: Line, nxt: Line, isolated: bool, full: int) -> str:
    """What a line break becomes in the text: a line break, a space, or nothing (joined)."""
    if _keeps_break(prev, nxt, isolated, full):
        return "\n"
    if prev.text[-1] in ALNUM and nxt.text[0] in ALNUM:
        return " "  # never glue "12175" to "94929"
    return ""


def _keeps_break(prev: Line, nxt: Line, isolated: bool, full: int) -> bool:
    """True when the line break after `prev` ends a sentence, a heading or a table row.

    Otherwise the break is only where a PDF or a web page wrapped the text, and is deleted.
    `full` is the width of a PDF's full line (0 when the text is not PDF-wrapped).
    """
    text = prev.text
    if prev.table or nxt.table or "|" in text or "|" in nxt.text or LIST_MARKER.match(nxt.text):
        return True
    if text[-1] in "0123456789" and UNIT_START.match(nxt.text):
        return False
    if SENTENCE_END.search(text[-8:]) or (CAPTION.match(text) and "。" not in text):
        return True
    if text[-1] in CONTINUES or (full and prev.width >= FULL_WIDTH_SHARE * full):
        return False  # a clause goes on, or a PDF line filled to the margin
    if LIST_MARKER.match(text) and not any(c in text for c in SENTENCE_MARKS):
        return True  # a heading, not the first line of a paragraph
    if len(text) <= SHORT or (len(text) < TABLE_ROW and text[-1] in "0123456789%"):
        return True
    if isolated and len(text) <= TABLE_ROW:  # a title standing between blank lines
        return True
    if full:  # a narrow line in a PDF ends its paragraph
        return True
    return len(text) <= TITLE and not CLAUSE_MARKS.search(text)


def _page_starts(source: str) -> tuple[int, ...]:
    """Page starts from pdftotext's form feeds; a trailing form feed opens no page."""
    if "\f" not in source:
        return ()
    last = len(source.rstrip())
    return (0, *(m.end() for m in FORM_FEED.finditer(source, 0, last)))
