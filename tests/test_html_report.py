"""The HTML report: structure, marks, escaping and determinism without a browser; then the page
in Debian's headless Chromium (skipped with a reason where /usr/bin/chromium is absent): no
console errors, the seed's marks drawn in their colours, a mark's arithmetic shown on demand, and
a screenshot. LAWAUDIT_UPDATE_SCREENSHOT=1 also writes docs/seed-report.png for the README.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from dataclasses import replace
from html.parser import HTMLParser

import pytest
from typer.testing import CliRunner

from lawaudit.cli import app
from lawaudit.engine import audit
from lawaudit.extract import extract
from lawaudit.model import Check, FileResult, Report, Severity, Status
from lawaudit.readers import read
from lawaudit.readers.text import document_from_text
from lawaudit.report import Format, render, stream
from lawaudit.report.html import check_span
from tests.conftest import ROOT, SEED

CHROMIUM = "/usr/bin/chromium"
needs_chromium = pytest.mark.skipif(
    not os.path.exists(CHROMIUM),
    reason="/usr/bin/chromium is absent (apt-get install chromium; .ci/run installs it)",
)
VOID = {"meta", "br", "input", "hr", "img", "link"}
runner = CliRunner()


def audited(path) -> FileResult:
    doc = read(str(path))
    found = extract(doc)
    return audit(
        str(path), found.claims, found.quantities, notable=found.notable, locate=doc.line_col
    )


def page(*paths, **options) -> str:
    return render(Report(tuple(audited(p) for p in paths)), Format.HTML, **options)


class Page(HTMLParser):
    """Checks that every element is closed in order; collects tags, ids and links."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.ids: list[str] = []
        self.links: list[str] = []
        self.tags: list[str] = []
        self.feed(text)
        self.close()
        assert not self.open, f"unclosed: {self.open}"

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "a":
            self.links.append(a["href"])
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open[-1:]}"
        self.open.pop()


def tip_free_marks(text: str) -> dict[str, dict]:
    """Each mark's id -> class and the number it marks (its text before the tooltip)."""
    found = re.findall(r'<mark class="(\w+)" id="([\w-]+)" tabindex="0">([^<]*)<span', text)
    return {i: {"class": c, "text": t} for c, i, t in found}


# --- without a browser --------------------------------------------------------------------------


def test_the_seed_page_is_well_formed_and_every_link_lands():
    text = page(SEED)
    parsed = Page(text)
    assert parsed.tags[0] == "html" and "script" not in parsed.tags
    assert len(parsed.ids) == len(set(parsed.ids))
    targets = [h[1:] for h in parsed.links if h.startswith("#")]
    assert targets and set(targets) <= set(parsed.ids)
    assert not [h for h in parsed.links if not h.startswith("#")]  # nothing to fetch
    assert "http" not in text.replace("http-equiv", "")


def test_every_check_of_the_seed_has_a_mark_of_its_status():
    f = audited(SEED)
    text = page(SEED)
    marks = tip_free_marks(text)
    findings = re.findall(r'<li class="(\w+)"><div class="head">.*?href="#(f1-m\d+)"', text)
    assert len(findings) == len(f.checks)  # every check placed, and its finding links there
    worst = {"fail": 3, "unverifiable": 2, "pass": 1}
    for status, target in findings:
        assert worst[marks[target]["class"]] >= worst[status]
    by_text = {m["text"]: m["class"] for m in marks.values()}
    assert by_text["98.96%"] == "fail"  # LA201
    assert by_text["99.07%"] == "unverifiable"  # LA203
    assert by_text["119件"] == "pass"  # LA202
    la201 = next(c for c in f.checks if c.rule == "LA201")
    assert (la201.line, la201.column, la201.end_line, la201.end_column) == (29, 6, 29, 12)


def test_marks_cover_the_stated_number_exactly():
    f = audited(SEED)
    doc = read(str(SEED))
    for c in f.checks:
        if c.end_line and c.rule != "LA103":
            a, b = check_span(doc, c)
            assert doc.source[a:b] in c.quote.replace(" ", "") or doc.source[a:b] in c.quote


def test_without_an_end_the_number_at_the_column_is_marked():
    doc = document_from_text("t.txt", "共调处287起，调处成功率 98.96%，群众满意。\n")
    c = Check("LA201", "rate-mismatch", Status.FAIL, Severity.ERROR, 1, 15, "q", "m", "a")
    a, b = check_span(doc, c)
    assert doc.source[a:b] == "98.96%"
    beyond = Check("LA201", "rate-mismatch", Status.FAIL, Severity.ERROR, 1, 99, "q", "m", "a")
    assert check_span(doc, beyond) is None


def test_report_text_stays_text(tmp_path):
    evil = tmp_path / "x<img src=y>.txt"
    evil.write_text(
        "<script>alert(1)</script>\n"
        "共调处矛盾纠纷287起，调解成功284起，调处成功率98.96%<b>&amp;</b>。\n\f第二页\n",
        encoding="utf-8",
    )
    text = page(evil)
    parsed = Page(text)
    assert "script" not in parsed.tags and "img" not in parsed.tags
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "&lt;b&gt;&amp;amp;&lt;/b&gt;" in text and "x&lt;img src=y&gt;.txt" in text
    assert "\f" not in text and "␌第二页" in text
    marks = list(tip_free_marks(text).values())
    assert {"class": "fail", "text": "98.96%"} in marks


def test_the_bytes_are_deterministic_and_stream_gives_render():
    a, b = page(SEED), page(SEED)
    assert a == b
    out: list[str] = []
    stream([audited(SEED)], Format.HTML, out.append)
    assert "".join(out) == a


def test_several_files_one_page_with_a_file_list(tmp_path):
    other = tmp_path / "b.txt"
    other.write_text("受理投诉12件，办结13件。\n", encoding="utf-8")
    missing = FileResult(path="gone.txt", error="cannot read gone.txt: no such file")
    report = Report((audited(SEED), audited(other), missing))
    text = render(report, Format.HTML)
    parsed = Page(text)
    assert {"file-1", "file-2", "file-3"} <= set(parsed.ids)
    assert text.index('<section class="file" id="file-3">') < text.index('<nav class="summary">')
    assert "cannot read gone.txt: no such file" in text
    assert "total: 3 files" in text
    assert 'id="f2-m1"' in text  # ids are per file


def test_a_claims_file_lists_its_findings_without_text(tmp_path):
    claims = tmp_path / "c.yaml"
    claims.write_text(
        "schema: lawaudit-claims/1\nclaims:\n  - kind: rate\n    line: 3\n    column: 4\n"
        "    stated: 98.96%\n    numerator: 284起\n    denominator: 287起\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["check", str(claims), "-f", "html"])
    assert result.exit_code == 1
    assert "a claims file: the report" in result.stdout
    assert "LA201" in result.stdout and '<mark class="fail" id' not in result.stdout


def test_the_cli_writes_the_page_with_the_usual_exit_code(tmp_path):
    out = tmp_path / "audit.html"
    result = runner.invoke(app, ["check", str(SEED), "-f", "html", "-o", str(out)])
    assert result.exit_code == 1
    assert out.read_text(encoding="utf-8") == page(SEED)


def test_unchecked_numbers_are_outlined_when_asked():
    assert 'class="unchecked"' not in page(SEED)
    assert 'class="unchecked"' in page(SEED, unchecked=True)


# --- in a browser -------------------------------------------------------------------------------

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
]

PROBE = """<script>
window.addEventListener("load", () => {
  const out = {marks: [], tip: null, resources: performance.getEntriesByType("resource").length};
  for (const m of document.querySelectorAll("mark[id]")) {
    const own = m.firstChild.textContent;
    out.marks.push([m.className, own, getComputedStyle(m).backgroundColor]);
  }
  const target = document.querySelector("mark:target > .tip");
  if (target) out.tip = [getComputedStyle(target).display, target.textContent];
  const hidden = document.querySelector("mark:not(:target) > .tip");
  out.hidden = hidden ? getComputedStyle(hidden).display : null;
  document.getElementById("probe").textContent = JSON.stringify(out);
});
</script><pre id="probe"></pre><pre id="errors"></pre>"""
COLLECT = """<script>
window.addEventListener("error", e => {
  document.getElementById("errors").textContent += e.message + "\\n";
});
</script>"""


def chromium(tmp_path, *args: str, url: str) -> subprocess.CompletedProcess:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    command = [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args, url]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def console_lines(log: str) -> list[str]:
    return [line for line in log.splitlines() if ":CONSOLE" in line]


@needs_chromium
def test_the_page_loads_without_a_console_message(tmp_path):
    html_file = tmp_path / "seed.html"
    html_file.write_text(page(SEED), encoding="utf-8")
    done = chromium(
        tmp_path, "--enable-logging=stderr", "--v=0", "--dump-dom", url=html_file.as_uri()
    )
    assert console_lines(done.stderr) == []
    assert '<mark class="fail" id="f1-m' in done.stdout
    # the check above can fail: a page with an error is seen
    bad = tmp_path / "bad.html"
    bad.write_text("<!DOCTYPE html><title>t</title><script>nosuch()</script>", encoding="utf-8")
    done = chromium(tmp_path, "--enable-logging=stderr", "--v=0", "--dump-dom", url=bad.as_uri())
    assert any("nosuch" in line for line in console_lines(done.stderr))


@needs_chromium
def test_the_marks_are_drawn_and_a_mark_shows_its_arithmetic(tmp_path):
    text = page(SEED)
    fail_id = next(i for i, m in tip_free_marks(text).items() if m["text"] == "98.96%")
    probed = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n', "", text)
    probed = probed.replace("<head>", "<head>" + COLLECT).replace("</body>", PROBE + "</body>")
    html_file = tmp_path / "probed.html"
    html_file.write_text(probed, encoding="utf-8")
    done = chromium(tmp_path, "--dump-dom", url=f"{html_file.as_uri()}#{fail_id}")
    errors = re.search(r'<pre id="errors">(.*?)</pre>', done.stdout, re.S).group(1)
    assert errors == ""
    found = json.loads(re.search(r'<pre id="probe">(.*?)</pre>', done.stdout, re.S).group(1))
    colours = {text: (cls, bg) for cls, text, bg in found["marks"]}
    assert colours["98.96%"] == ("fail", "rgb(255, 216, 211)")
    assert colours["99.07%"] == ("unverifiable", "rgb(230, 232, 235)")
    assert colours["119件"] == ("pass", "rgb(218, 251, 225)")
    assert found["tip"][0] == "block" and "284 / 287 = 98.9547%" in found["tip"][1]
    assert found["hidden"] == "none"  # other marks keep their arithmetic until asked
    assert found["resources"] == 0


@needs_chromium
def test_a_screenshot_for_review(tmp_path, monkeypatch):
    """The seed's page with "only lines with marks" ticked and the fail's arithmetic open, as
    hovering opens it (headless Chromium paints a page scrolled to a #fragment blank)."""
    monkeypatch.chdir(ROOT)
    text = page(SEED.relative_to(ROOT))
    fail_id = next(i for i, m in tip_free_marks(text).items() if m["text"] == "98.96%")
    opened = text.replace("</style>", f"#{fail_id}>.tip{{display:block}}</style>")
    opened = opened.replace('class="marked-only">', 'class="marked-only" checked>')
    html_file = tmp_path / "shot.html"
    html_file.write_text(opened, encoding="utf-8")
    shot = tmp_path / "seed-report.png"
    chromium(tmp_path, "--window-size=1100,720", f"--screenshot={shot}", url=html_file.as_uri())
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000  # not a blank page
    if os.environ.get("LAWAUDIT_UPDATE_SCREENSHOT"):
        shutil.copy(shot, ROOT / "docs" / "seed-report.png")


def test_every_number_a_failing_check_used_is_marked(tmp_path):
    """Issue 15: the numerator and denominator of the seed's failing rate, not only 98.96%."""
    marks = list(tip_free_marks(page(SEED)).values())
    for number in ("287起", "284起", "98.96%"):
        assert {"class": "fail", "text": number} in marks, number
    report = tmp_path / "r.txt"
    report.write_text("共办理行政复议案件15件，其中维持10件、撤销7件。\n", encoding="utf-8")
    marks = list(tip_free_marks(page(report)).values())
    for number in ("15件", "10件", "7件"):  # LA101: the total and every part
        assert {"class": "fail", "text": number} in marks, number


def in_a_frame(page_text: str, width: int) -> str:
    """The page inside a `width`-px frame (headless Chromium will not make a window narrower
    than 500 px), and a script that writes the frame's scroll and client widths into the DOM:
    a srcdoc frame shares its parent's origin, so the parent may measure it."""
    inner = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n', "", page_text)
    return (
        '<!DOCTYPE html><html><body style="margin:0">'
        f'<iframe id="f" style="width:{width}px;height:844px;border:0" '
        f'srcdoc="{html.escape(inner, quote=True)}"></iframe><pre id="width"></pre><script>'
        'window.onload = () => { const d = document.getElementById("f").contentDocument;'
        'document.getElementById("width").textContent = JSON.stringify('
        "[d.documentElement.scrollWidth, d.documentElement.clientWidth]); };</script>"
        "</body></html>"
    )


@needs_chromium
@pytest.mark.parametrize("width", [390, 1100])
def test_the_page_fits_a_phone_and_a_desktop_without_sideways_scrolling(tmp_path, width):
    """A 390-px phone screenshot beside the desktop one; the page is never wider than the
    screen (a wide table scrolls inside itself). LAWAUDIT_UPDATE_SCREENSHOT=1 keeps the phone
    picture as docs/seed-report-phone.png."""
    text = page(SEED)
    framed = tmp_path / "framed.html"
    framed.write_text(in_a_frame(text, width), encoding="utf-8")
    done = chromium(tmp_path, "--window-size=1200,900", "--dump-dom", url=framed.as_uri())
    scroll, client = json.loads(re.search(r'<pre id="width">(.*?)</pre>', done.stdout).group(1))
    assert client == width and scroll <= width
    shot = tmp_path / f"seed-{width}.png"
    plain = tmp_path / "plain.html"
    plain.write_text(text, encoding="utf-8")
    chromium(tmp_path, f"--window-size={width},1400", f"--screenshot={shot}", url=plain.as_uri())
    assert shot.read_bytes().startswith(b"\x89PNG")
    if width == 390 and os.environ.get("LAWAUDIT_UPDATE_SCREENSHOT"):
        shutil.copy(shot, ROOT / "docs" / "seed-report-phone.png")


def test_a_check_set_aside_is_muted_and_says_why(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("调处成功率 98.96%。\n", encoding="utf-8")
    c = Check("LA201", "rate-mismatch", Status.FAIL, Severity.ERROR, 1, 7, "q", "m", "a")
    placed = replace(c, end_line=1, end_column=13)
    for check, muted in ((placed, False), (replace(placed, baselined=True), True)):
        text = render(Report((FileResult(str(report), (check,)),)), Format.HTML)
        cls = "fail muted" if muted else "fail"
        assert f'<mark class="{cls}" id="f1-m1" tabindex="0">98.96%<span' in text
        assert ("(in the baseline)" in text) is muted
