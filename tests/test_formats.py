"""Input formats: PDF, Word and HTML read into the same text a .txt file gives.

The PDFs are committed (tests/fixtures/make_pdfs.py writes them); the Word and HTML files are
built here. The corpus test reads every original file in ../shared/corpus/real/raw/ and its
text version, and compares what the checks found.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lawaudit.cli import app
from lawaudit.engine import audit
from lawaudit.extract import extract
from lawaudit.readers import ReadError, read, sniff
from tests.conftest import CORPUS, SEED

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REPORT_PDF = FIXTURES / "report.pdf"
SCANNED_PDF = FIXTURES / "scanned.pdf"
runner = CliRunner()


def checks_of(path) -> list:
    doc = read(str(path))
    found = extract(doc)
    return list(audit(str(path), found.claims, found.quantities).checks)


def signature(checks) -> Counter:
    """What a check found, apart from where: rule, verdict and the numbers."""
    return Counter((c.rule, c.status.value, json.dumps(c.values, sort_keys=True)) for c in checks)


# --- choosing the format ------------------------------------------------------------------------


def docx_bytes(build) -> bytes:
    import docx

    document = docx.Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("report.txt", b"%PDF-1.4\n...", "pdf"),  # the suffix lies
        ("report", b"\n%PDF-1.7\n", "pdf"),  # no suffix; junk before the header is allowed
        ("report.txt", b"<!DOCTYPE html><html><body>x</body></html>", "html"),
        ("report", b"\xef\xbb\xbf  <html lang=zh><p>x</p></html>", "html"),
        ("report.txt", b'<meta charset="gbk"><p>x</p>', "html"),
        ("page.html", b"<div><p>x</p></div>", "html"),
        ("page.html", "全年受理119件。".encode(), "text"),  # no markup at all: text
        ("report.md", "# 标题\n\n<br> 全年受理119件。".encode(), "text"),
        ("report.pdf", "全年受理119件。".encode(), "text"),
    ],
)
def test_format_is_chosen_by_content(name, data, kind):
    assert sniff(name, data) == kind


def test_a_word_document_without_its_suffix_is_read_as_word(tmp_path):
    path = tmp_path / "report"
    path.write_bytes(docx_bytes(lambda d: d.add_paragraph("全年受理群众诉求件119件。")))
    assert sniff(str(path), path.read_bytes()) == "docx"
    assert "受理群众诉求件119件" in read(str(path)).text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "old binary Office"),
        (b"PK\x03\x04" + bytes(100), "zip"),
        (b"%PDF-1.4\n1 0 obj broken", "not a readable PDF"),
    ],
)
def test_files_that_cannot_be_read_say_why(tmp_path, data, reason):
    path = tmp_path / "report.bin"
    path.write_bytes(data)
    with pytest.raises(ReadError, match=reason):
        read(str(path))
    r = runner.invoke(app, ["check", str(path)])
    assert r.exit_code == 2
    assert reason in r.stderr and "Traceback" not in r.stderr + r.stdout


def test_a_zip_that_is_not_a_word_document(tmp_path):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    path = tmp_path / "book.xlsx"
    path.write_bytes(out.getvalue())
    with pytest.raises(ReadError, match=r"word/document\.xml"):
        read(str(path))


def test_reading_a_text_file_imports_no_format_library():
    """Start-up time: `lawaudit check file.txt` must not pay for pdfplumber, lxml or docx."""
    code = (
        "import sys\n"
        "import lawaudit.cli\n"
        "from lawaudit.cli import main\n"
        f"sys.argv = ['lawaudit', 'check', {str(SEED)!r}, '--format', 'json']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = ('pdfplumber', 'pdfminer', 'docx', 'lxml', 'PIL', 'pypdfium2')\n"
        "sys.stderr.write(repr(sorted(m for m in sys.modules if m.split('.')[0] in heavy)))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.stderr.rstrip().endswith("[]"), r.stderr[-500:]


# --- PDF ------------------------------------------------------------------------------------------


def test_the_committed_pdfs_are_what_the_script_writes():
    sys.path.insert(0, str(FIXTURES))
    try:
        import make_pdfs
    finally:
        sys.path.remove(str(FIXTURES))
    for name, make in make_pdfs.FIXTURES.items():
        assert (FIXTURES / name).read_bytes() == make(), f"run tests/fixtures/make_pdfs.py: {name}"


def test_pdf_pages_are_joined_without_their_furniture():
    doc = read(str(REPORT_PDF))
    assert "司法局" not in doc.source  # the running header, on both pages
    assert "—" not in doc.source  # the page numbers "— 1 —", "— 2 —"
    assert doc.source.count("\f") == 1 and len(doc.page_starts) == 2
    assert "调处成功率98.96%" in doc.text  # the sentence runs on across the page break


def test_pdf_table_rows_keep_label_and_numbers_together():
    """The table is drawn with rules above and below each row and no sides: still a table."""
    lines = read(str(REPORT_PDF)).source.split("\n")
    assert "行政复议案件 | 120 | 118" in lines
    assert "项目 | 收案 | 办结" in lines


def test_a_pdf_check_reports_its_page_and_its_place_in_the_extracted_text():
    doc = read(str(REPORT_PDF))
    check = next(c for c in checks_of(REPORT_PDF) if c.rule == "LA201")
    assert check.status.value == "fail" and check.page == 2
    line = doc.source.split("\n")[check.line - 1]  # a form feed starts a page, not a line
    assert line[check.column - 1 :].startswith("98.96%")  # line:column in the extracted text
    r = runner.invoke(app, ["check", str(REPORT_PDF), "--format", "json"])
    assert r.exit_code == 1
    pages = {c["rule"]: c["page"] for c in json.loads(r.stdout)["files"][0]["checks"]}
    assert pages["LA201"] == 2


def test_an_encrypted_pdf_asks_for_its_password():
    with pytest.raises(ReadError, match="encrypted: it needs a password"):
        read(str(FIXTURES / "encrypted.pdf"))


def test_a_scanned_pdf_asks_for_ocr_and_exits_2():
    with pytest.raises(ReadError, match="OCR"):
        read(str(SCANNED_PDF))
    r = runner.invoke(app, ["check", str(SCANNED_PDF)])
    assert r.exit_code == 2
    errors = [ln for ln in r.stderr.splitlines() if ln.startswith("lawaudit: error")]
    assert len(errors) == 1 and "OCR" in errors[0]
    assert "Traceback" not in r.stderr + r.stdout


# --- Word -----------------------------------------------------------------------------------------


def build_report(d) -> None:
    section = d.sections[0]
    section.header.paragraphs[0].text = "页眉：某县司法局 内部资料 第3页"
    section.footer.paragraphs[0].text = "— 3 —"
    d.add_paragraph("某县2024年法治政府建设年度报告")
    d.add_paragraph("全年共调处矛盾纠纷287起，调解成功284起，调处成功率98.96%。")
    table = d.add_table(rows=4, cols=3)
    for r, row in enumerate([("项目", "收案", "办结"), ("行政复议", "120", "118")]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    wide = table.cell(2, 0).merge(table.cell(2, 2))  # one cell across the row
    wide.text = "注：含上年结转案件"
    tall = table.cell(3, 0)
    table.cell(3, 1).text = "45"
    table.cell(3, 2).text = "45"
    tall.text = "行政应诉"
    table.cell(1, 2).merge(table.cell(0, 2))  # "办结" over "118": merged down, read once
    d.add_paragraph("受理群众诉求件119件，办结119件。")


def test_word_paragraphs_and_tables_in_reading_order(tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(docx_bytes(build_report))
    source = read(str(path)).source
    lines = source.splitlines()
    assert lines[0] == "某县2024年法治政府建设年度报告"
    table_at = lines.index("行政复议 | 120")
    assert lines[table_at - 1].startswith("项目 | 收案 | 办结")
    assert lines[table_at + 1] == "注：含上年结转案件"  # merged across: read once
    assert lines[table_at + 2] == "行政应诉 | 45 | 45"
    assert lines[-1] == "受理群众诉求件119件，办结119件。"  # after the table, as written
    assert "页眉" not in source and "—" not in source  # header and footer are not the body
    assert source.count("办结") == 2  # the cell merged down is read in its first row only


def test_word_checks_match_the_same_text(tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(docx_bytes(build_report))
    rules = {(c.rule, c.status.value) for c in checks_of(path)}
    assert ("LA201", "fail") in rules and ("LA202", "pass") in rules


def test_word_reads_tracked_insertions_content_controls_and_frames(tmp_path):
    """Paragraph.text drops a tracked insertion; a content control and a one-cell frame are
    read as the paragraphs they hold."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def build(d):
        p = d.add_paragraph("受理群众诉求件")
        for tag, text_tag, text in (("w:ins", "w:t", "119件"), ("w:del", "w:delText", "118件")):
            change, run, t = OxmlElement(tag), OxmlElement("w:r"), OxmlElement(text_tag)
            change.set(qn("w:id"), "1")
            change.set(qn("w:author"), "审核")
            t.text = text
            run.append(t)
            change.append(run)
            p._p.append(change)
        sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
        content.append(d.add_paragraph("，办结119件。")._p)
        sdt.append(content)
        d.element.body.insert(len(d.element.body) - 1, sdt)  # before the section properties
        frame = d.add_table(rows=1, cols=1).cell(0, 0)
        frame.text = "框内第一段。"
        frame.add_paragraph("框内第二段。")

    path = tmp_path / "report.docx"
    path.write_bytes(docx_bytes(build))
    doc = read(str(path))
    lines = ["受理群众诉求件119件", "，办结119件。", "框内第一段。", "框内第二段。"]
    assert doc.source.split("\n") == lines


# --- HTML -----------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<meta name="ArticleTitle" content="某县2024年法治政府建设年度报告">
<title>某县2024年法治政府建设年度报告_通知公告_某县人民政府</title>
<script>var visits = "调处成功率 12%";</script><style>p {{ color: red }}</style>
</head><body>
<div class="nav-bar"><a href="/">首页</a> <a href="/a">政务公开</a> 本站共有栏目120个</div>
<div class="main">
 <div class="left-menu"><ul><li>通知公告（35条）</li><li>政策解读（12条）</li></ul></div>
 <div class="article">
  <h1>某县2024年法治政府建设年度报告</h1>
  <div class="info"><span>发布时间：2025-01-20</span><span>来源：某县司法局</span>
   <span>浏览次数：<i id="count">1234</i></span><span class="share-box">分享到微信</span></div>
  <div class="TRS_Editor">
   <p>　　全年共调处矛盾纠纷287起，调解成功284起，调处成功率98.96%。</p>
   <p>受理群众诉求件119件，<br>办结119件。</p>
   <table><tr><th>项目</th><th colspan="2">案件数</th></tr>
    <tr><td rowspan="2">行政复议</td><td>收案</td><td>120</td></tr>
    <tr><td>办结</td><td>118</td></tr></table>
   <p style="display:none">隐藏的统计代码 99.99%</p>
  </div>
 </div>
</div>
<div class="footer">版权所有 某县人民政府 网站标识码1234567890 访问量：88888</div>
</body></html>
"""


@pytest.mark.parametrize("charset", ["gbk", "gb2312", "utf-8"])
def test_html_article_without_navigation_sidebars_or_footer(tmp_path, charset):
    path = tmp_path / "page.htm"
    path.write_bytes(PAGE.format(charset=charset).encode("gb18030" if "gb" in charset else "utf-8"))
    source = read(str(path)).source
    lines = [ln for ln in source.splitlines() if ln]
    assert lines[0] == "某县2024年法治政府建设年度报告"
    assert "发布时间：2025-01-20" in lines  # the date under the title is the report's date
    assert "全年共调处矛盾纠纷287起，调解成功284起，调处成功率98.96%。" in lines
    at = lines.index("受理群众诉求件119件，")
    assert lines[at + 1] == "办结119件。"  # <br> is a line break
    assert lines[-3:] == ["项目 | 案件数", "行政复议 | 收案 | 120", "办结 | 118"]
    for furniture in ("首页", "栏目", "通知公告", "版权", "1234", "88888", "分享", "隐藏", "12%"):
        assert furniture not in source, furniture


def test_html_checks_are_the_text_checks(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.format(charset="gbk").encode("gbk"))
    rules = {(c.rule, c.status.value) for c in checks_of(path)}
    assert ("LA201", "fail") in rules and ("LA202", "pass") in rules


def test_html_meta_charset_that_lies_and_the_encoding_option(tmp_path):
    utf8_declared_gbk = tmp_path / "a.html"
    utf8_declared_gbk.write_bytes(PAGE.format(charset="gb2312").encode("utf-8"))
    assert "调处成功率98.96%" in read(str(utf8_declared_gbk)).text
    gbk_declared_utf8 = tmp_path / "b.html"
    gbk_declared_utf8.write_bytes(PAGE.format(charset="utf-8").encode("gbk"))
    assert "调处成功率98.96%" in read(str(gbk_declared_utf8)).text
    assert "调处成功率98.96%" in read(str(gbk_declared_utf8), "gbk").text


def test_a_page_without_known_containers_is_found_by_its_text(tmp_path):
    body = "".join(f"<p>第{i}项：受理诉求件{100 + i}件，办结{100 + i}件。</p>" for i in range(1, 9))
    page = (
        "<html><body><div id=top><a>首页</a><a>机构</a></div><div id=x><div id=y>"
        f"{body}</div></div><div id=bottom>主办单位：某县人民政府办公室</div></body></html>"
    )
    path = tmp_path / "p.html"
    path.write_text(page, encoding="utf-8")
    source = read(str(path)).source
    assert source.count("受理诉求件") == 8
    assert "首页" not in source and "主办单位" not in source


# --- the corpus: each original file against its text version -------------------------------------

RAW = CORPUS / "raw"
RAW_FILES = sorted(p for p in RAW.glob("*") if p.is_file()) if RAW.is_dir() else []
# PDFs whose text version is pdftotext's: it writes a table one cell per line, so the original
# may give more checks from its tables (never fewer). HTML and Word text versions were made from
# the same markup and must give the same checks.
TABLE_PDFS = {"jiaozuo-2025-tongji.pdf", "xian-2025-tongji.pdf", "xiangxi-2025-tongji.pdf"}
# Checks only the text version gives, and why; each is (rule, status) -> how many at most.
# jiaozuo: extract/tables.py reads a table flattened one cell per line (表1 常住人口: shares of
# 346.7万人); the PDF reader writes that table row by row ("城镇 | 231.9 | 66.9"), which
# tables.py does not read yet. When it does, these go, and the test still passes.
TEXT_ONLY = {
    "jiaozuo-2025-tongji.pdf": Counter(
        {("LA201", "pass"): 4, ("LA205", "pass"): 2, ("LA206", "pass"): 2}
    ),
}


@pytest.mark.skipif(not RAW_FILES, reason="../shared/corpus/real/raw is not beside this checkout")
@pytest.mark.parametrize("raw", RAW_FILES, ids=lambda p: p.name)
def test_an_original_file_gives_the_checks_of_its_text_version(raw):
    twin = CORPUS / f"{raw.stem}.txt"
    if not twin.is_file():
        pytest.skip(f"no text version of {raw.name}")
    mine, theirs = signature(checks_of(raw)), signature(checks_of(twin))
    only_text = Counter((rule, status) for rule, status, _ in (theirs - mine).elements())
    allowed = TEXT_ONLY.get(raw.name, Counter())
    assert only_text <= allowed, sorted((theirs - mine).elements())
    if raw.name not in TABLE_PDFS:
        assert not mine - theirs, sorted((mine - theirs).elements())
