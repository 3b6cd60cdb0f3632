"""HTML and Markdown audit reports come from one section model: the same sections,
columns and rows in both, every cell escaped, labels in English and Turkish.

Hostile text reaches the database from outside: a URL as written in a footnote may
hold a space, a ``|`` or a newline (normalize_url keeps them), an article title
may hold markup, pipes, newlines and bidi controls, and an archive snapshot URL
comes from the Wayback Machine. None of it may add a table cell or row, a tag,
or a live ``javascript:`` link.
"""

from __future__ import annotations

import io
import json
import re
import unicodedata
from pathlib import Path

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt  # ships with rich, a dependency

from citecheck.audit.report import AuditReportData, write_json
from citecheck.audit.report_html import write_html
from citecheck.audit.report_md import md, md_url, write_markdown
from citecheck.audit.report_sections import Section, build_sections
from citecheck.audit.schedule import format_time
from citecheck.audit.store import open_store
from tests.audit.test_audit_report import T0, db, fill  # noqa: F401  (db: the plain fixture)

NOW = "2026-03-10T09:00:00Z"
DEAD = "https://dead.example.org/a b|c"  # dead, with a hostile archived copy
BROKEN = "https://nl.example.org/x\n| injected | row |"  # newly broken
FLAKY = "https://flaky.example.net/<script>alert(1)</script>"  # recovered
OK = "https://ok.example.com/a"
TITLE_PIPES = "Başlık | sahte hücre\n| 1 | 2 |\n\n## sahte bölüm"
TITLE_MARKUP = 'Eski <script>alert("x")</script> & &#x202E; \u202eyazı `kod` [a](javascript:x)'
UNTITLED = "https://avim.org.tr/tr/Yorum/A|B\n<img src=x onerror=alert(1)>"
SNAPSHOT = "https://web.archive.org/web/2019/https://dead.example.org/a|b\n<script>x</script>"
ARTICLES = {
    "https://avim.org.tr/tr/Yorum/ESKI": (TITLE_MARKUP, "2019-05-01", [DEAD, OK, FLAKY]),
    "https://avim.org.tr/tr/Analiz/YENI": (TITLE_PIPES, "2024-02-10", [BROKEN, DEAD]),
    UNTITLED: ("", None, [DEAD]),
}
PLAN = {
    DEAD: ("broken", "broken", "broken"),
    BROKEN: ("ok", None, "broken"),
    FLAKY: ("timeout", "timeout", "ok"),
    OK: ("ok", None, None),
}
HOSTILE = ("<script", "<img", "\u202e")  # raw, anywhere in the page


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("audit-hostile") / "audit.sqlite"
    with open_store(path, now=format_time(T0)) as store:
        fill(store, ARTICLES, PLAN, {DEAD: SNAPSHOT})
    return path


def reports(path: Path, lang: str, max_rows: int = 500) -> tuple[dict, str, str]:
    """(JSON, Markdown, HTML) of one database."""
    with open_store(path, readonly=True) as store:
        outs = [io.StringIO() for _ in range(3)]
        write_json(AuditReportData(store), outs[0], lang=lang, now=NOW)
        write_markdown(AuditReportData(store), outs[1], lang=lang, now=NOW, max_rows=max_rows)
        write_html(AuditReportData(store), outs[2], lang=lang, now=NOW, max_rows=max_rows)
    return json.loads(outs[0].getvalue()), outs[1].getvalue(), outs[2].getvalue()


def render_md(text: str) -> lxml.html.HtmlElement:
    """The Markdown as a reader sees it: CommonMark with GFM tables, raw HTML *allowed*
    (as many viewers do), so any markup that escaped escaping would show up here."""
    page = MarkdownIt("commonmark", {"html": True}).enable("table").render(text)
    return lxml.html.fragment_fromstring(page, create_parent="div")


def md_tables(text: str) -> list[tuple[str, list[str], list[list[str]]]]:
    """(title, column heads, body rows) per section after the summary, as rendered."""
    out = []
    for h2 in render_md(text).xpath("//h2")[1:]:  # [0]: the summary
        table = h2.xpath("following-sibling::*[self::table or self::h2][1][self::table]")
        assert table, h2.text_content()
        heads = [th.text_content() for th in table[0].xpath(".//thead//th")]
        rows = [
            [td.text_content() for td in tr.xpath("./td")] for tr in table[0].xpath(".//tbody/tr")
        ]
        assert all(len(r) == len(heads) for r in rows)
        out.append((h2.text_content(), heads, rows))
    return out


def html_tables(page: str) -> list[tuple[str, list[str], list[list[str]]]]:
    tree = lxml.html.document_fromstring(page)
    out = []
    for sec in tree.xpath("//section[@id != 'summary']"):
        heads = [th.text_content() for th in sec.xpath(".//thead//th")]
        rows = [
            [td.text_content() for td in tr.xpath("./td")]
            for tr in sec.xpath(".//tbody/tr[not(td[@class='more'])]")
        ]
        assert all(len(r) == len(heads) for r in rows)
        out.append((sec.xpath("./h2")[0].text_content(), heads, rows))
    return out


@pytest.mark.parametrize("lang", ["en", "tr"])
@pytest.mark.parametrize("which", ["plain", "hostile"])
def test_html_and_markdown_show_the_same_sections_and_rows(
    which: str,
    lang: str,
    db: Path,  # noqa: F811
    hostile_db: Path,
) -> None:
    report, text, page = reports(hostile_db if which == "hostile" else db, lang)
    md_t, html_t = md_tables(text), html_tables(page)
    assert [t[0] for t in md_t] == [t[0] for t in html_t]  # the same titles, in order
    assert [t[1] for t in md_t] == [t[1] for t in html_t]  # the same column heads
    counts = [len(report[k]) for k in ("newly_broken", "confirmed_dead", "recovered")]
    counts += [len(report["domains"]), len(report["rot_by_year"])]
    assert [len(t[2]) for t in md_t] == [len(t[2]) for t in html_t] == counts
    assert counts[:3] == [1, 1, 1]
    # The plain cells (hosts, counts, years) read the same in both formats.
    for (_, _, m_rows), (_, _, h_rows) in zip(md_t[3:], html_t[3:], strict=True):
        assert m_rows == h_rows


def test_capped_sections_say_the_same_in_both(db: Path) -> None:  # noqa: F811
    _, text, page = reports(db, "en", max_rows=1)
    assert [len(t[2]) for t in md_tables(text)] == [len(t[2]) for t in html_tables(page)]
    more = re.compile(r"… (\d+) more rows? in the JSON report")
    tree = lxml.html.document_fromstring(page)
    in_html = [more.match(td.text_content()) for td in tree.xpath("//td[@class='more']")]
    assert [m.group(1) for m in more.finditer(text)] == [m.group(1) for m in in_html if m]
    assert [m.group(1) for m in more.finditer(text)] == ["3", "2"]  # 4 domains, 3 years


def test_hostile_text_is_escaped_in_html(hostile_db: Path) -> None:
    _, _, page = reports(hostile_db, "en")
    for bad in HOSTILE:
        assert bad not in page
    tree = lxml.html.document_fromstring(page)
    assert not tree.xpath("//script | //img | //iframe | //*[@onerror]")
    hrefs = tree.xpath("//a/@href")
    assert hrefs and all(h.startswith("https://") and "\n" not in h for h in hrefs)
    shown = tree.text_content()
    assert '<script>alert("x")</script> & &#x202E; [U+202E]yazı' in shown  # as text
    assert "Başlık | sahte hücre" in shown


def test_hostile_text_is_escaped_in_markdown(hostile_db: Path) -> None:
    _, text, _ = reports(hostile_db, "tr")
    assert "\u202e" not in text
    shown = render_md(text)
    assert not shown.xpath("//script | //img | //a | //*[@onerror]")
    assert "Başlık | sahte hücre | 1 | 2 | ## sahte bölüm (dipnot 1)" in shown.text_content()
    # Outside code spans (where CommonMark shows `<` as it is) no markup is left raw.
    prose = re.sub(r"`[^`\n]*`", "", text)
    assert not re.search(r"(?<!\\)[<>]", prose)
    # No injected row, heading or cell: the titles' own "| 1 | 2 |" and "## sahte bölüm"
    # stay inline (md_tables checks every row has the header's width).
    assert not any(line.startswith(("| 1 ", "| injected", "## sahte")) for line in text.split("\n"))
    assert len(md_tables(text)) == 5
    assert r"Başlık \| sahte hücre \| 1 \| 2 \| ## sahte bölüm" in text
    assert r"\&#x202E; \[U+202E\]yazı" in text  # neither entity nor control reaches a reader
    assert r"\[a\](javascript" in text  # no link can form
    assert "`https://nl.example.org/x%0A\\|%20injected%20\\|%20row%20\\|`" in text
    assert "`https://dead.example.org/a%20b\\|c`" in text
    # In a code span `<` is shown as it is: only what would break the span or the row is encoded.
    assert "`https://web.archive.org/web/2019/https://dead.example.org/a\\|b%0A<script>" in text


def test_turkish_and_english_labels(db: Path) -> None:  # noqa: F811
    with open_store(db, readonly=True) as store:
        data = AuditReportData(store)
        en, tr = build_sections(data, "en"), build_sections(data, "tr")

    def words(sections: list[Section]) -> list[str]:
        return [w for s in sections for w in (s.title, s.help or "", *(c.title for c in s.columns))]

    assert [s.key for s in en] == [s.key for s in tr]
    assert [s.key for s in en] == ["newly-broken", "dead", "recovered", "domains", "by-year"]
    for word in words(en) + words(tr):
        assert "_" not in word and word[:1] == word[:1].upper(), word  # no missing key shown
    shared = set(words(en)) & set(words(tr))
    assert shared <= {""}, shared  # every label translated
    assert {"Sorunun başladığı tarih", "Ölü sayıldığı tarih", "Son denetlendiği tarih"} <= set(
        words(tr)
    )


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_md_cell_text_never_breaks_a_table(value: str) -> None:
    cell = md(value)
    assert "\n" not in cell and "\r" not in cell
    assert not re.search(r"(?<!\\)[|<>`\[\]&]", cell.replace("\\\\", ""))
    assert not re.search("[\u202a-\u202e\u2066-\u2069]", cell)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_md_url_is_one_code_span(value: str) -> None:
    shown = md_url("https://x.org/" + value, in_table=True)
    assert shown.count("`") == 2 and shown.startswith("`") and shown.endswith("`")
    assert not any(ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf") for ch in shown)
    assert not re.search(r"(?<!\\)\|", shown)
