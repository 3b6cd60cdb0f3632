"""Audit reports from a store filled with a fake clock through the store's public API:
newly broken, dead with archive, recovered, per-domain, by year — JSON, Markdown, HTML."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from pathlib import Path

import lxml.html
import pytest

from citecheck.audit.report import AuditReportData, parse_since, write_json, write_reports
from citecheck.audit.report_html import write_html
from citecheck.audit.report_md import write_markdown
from citecheck.audit.schedule import LinkSchedule, ScheduleSettings, after_check, format_time
from citecheck.audit.store import AuditStore, CitationRecord, open_store
from citecheck.model import ArchiveSnapshot, LinkCheck
from citecheck.web.urls import host_key, normalize_url

T0 = datetime(2026, 3, 2, 3, 0, tzinfo=UTC)  # a Monday, 03:00: the cron job
HOSTILE_TITLE = 'Eski <script>alert("x")</script> & \u202eyazı'
L1 = "https://dead.example.org/rapor.pdf"  # dead: 404 on days 0, 4, 8
L2 = "https://ok.example.com/a"
L3 = "https://flaky.example.net/x"  # fails days 0 and 4, works day 8: recovered
L4 = "https://ok.example.com/b"
L5 = "https://broken.example.org/new?q=<b>"  # works, then fails on day 8: newly broken
L6 = "https://ok.example.com/c"
ARTICLES = {
    "https://avim.org.tr/tr/Yorum/ESKI": (HOSTILE_TITLE, "2019-05-01", [L1, L2, L3]),
    "https://avim.org.tr/tr/Analiz/YENI": ("YENİ ANALİZ", "2024-02-10", [L4, L5, L1]),
    "https://avim.org.tr/Blog/TARIHSIZ": ("Tarihsiz", None, [L6]),
}
PLAN = {  # link -> status on days 0, 4, 8 (None: not checked that day)
    L1: ("broken", "broken", "broken"),
    L2: ("ok", None, None),
    L3: ("timeout", "timeout", "ok"),
    L4: ("ok", None, None),
    L5: ("ok", None, "broken"),
    L6: ("ok", None, None),
}
SNAPSHOT = "https://web.archive.org/web/20190501000000/https://dead.example.org/rapor.pdf"


def fill(
    store: AuditStore,
    articles: dict[str, tuple[str, str | None, list[str]]] = ARTICLES,
    plan: dict[str, tuple[str | None, ...]] = PLAN,
    archived: dict[str, str] | None = None,
) -> None:
    """Three weekly-ish runs (days 0, 4, 8) with the schedule's own rules; ``archived``
    (link -> snapshot URL, default L1 -> SNAPSHOT) is found on the last day."""
    archived = {L1: SNAPSHOT} if archived is None else archived
    settings = ScheduleSettings()
    ids: dict[str, int] = {}
    schedules: dict[str, LinkSchedule] = {}
    for day in range(3):
        when = T0 + timedelta(days=4 * day)
        now = format_time(when)
        run = store.begin_run(now, {})
        if day == 0:
            for url, (title, published, links) in articles.items():
                site = store.site_id(host_key(url), now)
                art = store.ensure_article(url, site, now)
                cites = [
                    CitationRecord(u, normalize_url(u), host_key(u), note)
                    for note, u in enumerate(links, 1)
                ]
                store.replace_citations(
                    art, content_hash=url, title=title, published=published, status=200,
                    citations=cites, run_id=run, now=now,
                )  # fmt: skip
            for row in store.conn.execute("SELECT id, url FROM links"):
                ids[row[1]] = row[0]
        for url, statuses in plan.items():
            status = statuses[day]
            if status is None:
                continue
            key = normalize_url(url)
            prev = schedules.get(key, LinkSchedule())
            checked = when + timedelta(minutes=5)
            outcome = after_check(prev, status, checked, key, settings)
            schedules[key] = outcome.schedule
            check = LinkCheck(
                url=url,
                normalized_url=key,
                status=status,
                http_status=404 if status == "broken" else (200 if status == "ok" else None),
                reason="page not found" if status == "broken" else "",
                checked_at=format_time(checked),
            )
            store.record_check(run, ids[key], check, outcome)
        for url, snapshot in archived.items() if day == 2 else ():
            snap = ArchiveSnapshot(snapshot, "20190501000000")
            store.record_archive(ids[normalize_url(url)], snap, run, now)
        end = format_time(when + timedelta(minutes=30))
        store.update_run(run, state="finished", finished_at=end)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("audit") / "audit.sqlite"
    with open_store(path, now=format_time(T0)) as store:
        fill(store)
    return path


@pytest.fixture
def store(db: Path):  # type: ignore[no-untyped-def]
    with open_store(db, readonly=True) as s:
        yield s


def as_json(store: AuditStore, since: str | None = None) -> dict:
    out = io.StringIO()
    write_json(AuditReportData(store, since=since), out, now="2026-03-10T09:00:00Z")
    return json.loads(out.getvalue())


def urls(rows: list[dict]) -> set[str]:
    return {r["url"] for r in rows}


def test_json_sections(store: AuditStore) -> None:
    report = as_json(store)
    assert report["schema"] == "citecheck-audit-report/1"
    assert report["run"]["id"] == 3 and report["window"]["previous_run"] == 2
    assert urls(report["newly_broken"]) == {normalize_url(L5)}
    broken = report["newly_broken"][0]
    assert broken["status"] == "broken" and broken["http_status"] == 404
    assert broken["articles"][0]["notes"] == [2]
    (dead,) = report["confirmed_dead"]
    assert dead["url"] == L1 and dead["archive"]["url"] == SNAPSHOT
    assert {a["title"] for a in dead["articles"]} == {HOSTILE_TITLE, "YENİ ANALİZ"}
    assert urls(report["recovered"]) == {L3}
    domains = {d["host"]: d for d in report["domains"]}
    assert domains["dead.example.org"]["dead_share"] == 1.0
    assert domains["ok.example.com"] == {**domains["ok.example.com"], "links": 3, "dead": 0}
    assert report["domains"][0]["host"] in ("dead.example.org", "broken.example.org")
    years = {y["year"]: y for y in report["rot_by_year"]}
    assert (years[2019]["links"], years[2019]["dead"]) == (3, 1)
    assert (years[2024]["links"], years[2024]["dead"], years[2024]["failing"]) == (3, 1, 1)
    assert (years[None]["links"], years[None]["dead"]) == (1, 0)
    assert report["summary"]["confirmed_dead"] == 1 and report["summary"]["links"] == 6


def test_since_date_widens_or_narrows_the_window(store: AuditStore) -> None:
    assert urls(as_json(store, "2026-03-01")["newly_broken"]) == {L1, normalize_url(L5)}
    assert urls(as_json(store, "2026-03-01")["recovered"]) == {L3}
    late = as_json(store, "2027-01-01")
    assert late["newly_broken"] == [] and late["recovered"] == []
    assert len(late["confirmed_dead"]) == 1  # dead links are listed whatever the window


def test_parse_since() -> None:
    assert parse_since("2026-03-01") == "2026-03-01"
    assert parse_since("2026-03-01T10:30") == "2026-03-01T10:30:00Z"
    for bad in ("yesterday", "2026-13-01", "01.03.2026", "2026-03-01; DROP TABLE links"):
        with pytest.raises(ValueError):
            parse_since(bad)


def test_markdown_escapes_and_labels(store: AuditStore) -> None:
    out = io.StringIO()
    write_markdown(AuditReportData(store), out, lang="tr", now="2026-03-10T09:00:00Z")
    text = out.getvalue()
    assert "## Yeni bozulanlar" in text and "## Kesin ölü bağlantılar" in text
    assert "<script>" not in text and r"\<script\>" in text
    assert f"`{SNAPSHOT}`" in text
    assert "| dead.example.org | 1 | 1 | 100.0 | 0 |" in text
    assert "| 2019 | 1 | 3 | 1 | 33.3 | 0 |" in text


def test_html_escapes_everything(store: AuditStore) -> None:
    out = io.StringIO()
    write_html(AuditReportData(store), out, lang="en", now="2026-03-10T09:00:00Z")
    page = out.getvalue()
    assert "<script>" not in page and "\u202e" not in page
    assert "Content-Security-Policy" in page and "script-src 'none'" in page
    tree = lxml.html.document_fromstring(page)
    assert not tree.xpath("//script")
    hrefs = tree.xpath("//a/@href")
    assert SNAPSHOT in hrefs and all(h.startswith("https://") for h in hrefs)
    assert "Eski &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page  # shown as text
    assert "[U+202E]" in page  # the bidi override made visible
    dead_rows = tree.xpath('//section[@id="dead"]//tbody/tr')
    assert len(dead_rows) == 1
    assert tree.xpath('//td[@data-count="dead"]/text()') == ["1"]
    bars = tree.xpath('//section[@id="by-year"]//svg//*[@class="bar"]')
    assert [b.get("data-year") for b in bars] == ["2019", "2024", "no date"]


def test_write_reports_and_standalone_chart(store: AuditStore, tmp_path: Path) -> None:
    paths = write_reports(store, tmp_path, formats=["json", "md", "html"], lang="tr")
    assert sorted(p.name for p in paths) == [
        "audit-report-rot-by-year.svg",
        "audit-report.html",
        "audit-report.json",
        "audit-report.md",
    ]
    json.loads((tmp_path / "audit-report.json").read_text("utf-8"))
    svg = ET.parse(tmp_path / "audit-report-rot-by-year.svg").getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    with pytest.raises(ValueError):
        write_reports(store, tmp_path, formats=["pdf"])


def test_empty_database_report(tmp_path: Path) -> None:
    with open_store(tmp_path / "empty.sqlite") as store:
        report = as_json(store)
        assert report["run"] is None and report["newly_broken"] == []
        out = io.StringIO()
        write_html(AuditReportData(store), out)
        assert "No audit has run" in out.getvalue()
        out = io.StringIO()
        write_markdown(AuditReportData(store), out)
        assert "No audit has run" in out.getvalue()


def test_long_sections_are_capped_with_a_count(store: AuditStore) -> None:
    out = io.StringIO()
    write_markdown(AuditReportData(store), out, max_rows=1)
    text = out.getvalue()
    assert "… 3 more rows in the JSON report" in text  # 4 domains, 1 shown
    assert "… 2 more rows in the JSON report" in text  # 3 publication years, 1 shown
    out = io.StringIO()
    write_html(AuditReportData(store), out, max_rows=0)
    tree = lxml.html.document_fromstring(out.getvalue())
    (cell,) = tree.xpath('//section[@id="dead"]//tbody/tr/td')
    assert cell.text_content() == "… 1 more row in the JSON report"  # singular
