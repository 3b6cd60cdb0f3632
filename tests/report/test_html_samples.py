"""Reports the HTML tests render: a realistic Turkish one and a hostile one.

Both are :class:`citecheck.model.Report` objects built from real ingest/notes
output (the seed article; ``fixtures/report/hostile-article.txt``) plus
hand-made link, identifier and verdict records, so the HTML is rendered from
the same JSON dict (``report_to_dict``) the ``check`` command writes.

The tests at the bottom keep the samples honest: the hostile report must
actually carry every payload in every field the renderer shows.
"""

from __future__ import annotations

from pathlib import Path

from citecheck.model import (
    ArchiveSnapshot,
    ClaimCheck,
    Document,
    Finding,
    Hop,
    IdentifierCheck,
    LinkCheck,
    NoteReport,
    Report,
    SourceInfo,
    WorkRecord,
)
from citecheck.pipeline import analyse
from citecheck.verify.model import Evidence, QuoteCheck, TemporalFlag, Verdict
from tests.conftest import FIXTURES, SEED_ARTICLE

HOSTILE_ARTICLE = FIXTURES / "report" / "hostile-article.txt"
HOSTILE_SOURCE = FIXTURES / "report" / "hostile-source.html"

# Payloads a hostile page, article or registry could carry (see hostile-source.html).
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
JS_URL = "javascript:alert(1)"
RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE: "moc.elgoog" reads as "google.com"
PAYLOADS = (SCRIPT, IMG, JS_URL, RLO)
HOSTILE = f"{SCRIPT} {IMG} {RLO}fdp.exe"  # one string carrying all text payloads
# The article body says alert(document.domain): "(1)" glued to text is a note marker.
BODY_SCRIPT = "<script>alert(document.domain)</script>"


def _link(url: str, status: str, notes: list[int], **kw: object) -> LinkCheck:
    kw.setdefault("http_status", 200 if status == "ok" else None)
    kw.setdefault("checked_at", "2026-01-10T09:00:00Z")
    return LinkCheck(url=url, normalized_url=url, status=status, notes=notes, **kw)  # type: ignore[arg-type]


def _ev(text: str, lang: str, url: str, start: int = 0) -> Evidence:
    return Evidence(text=text, start=start, end=start + len(text), lang=lang, source_url=url)


def _src(url: str, title: str, lang: str, published: str | None = None) -> SourceInfo:
    return SourceInfo(url=url, title=title, language=lang, published=published, kind="html")


IEA = "https://www.iea.org/topics/critical-minerals"
DIPLOMAT = "https://thediplomat.com/2025/10/c51-summit-whats-at-stake-for-the-us-and-central-asia/"
ZENODO = "https://doi.org/10.5281/zenodo.7827403"
AVIM = (
    "https://avim.org.tr/tr/Analiz/ABD-NIN-ORTA-ASYA-STRATEJISI-BAGLAMINDA-VASINGTON-C5-1-ZIRVESI"
)
REUTERS = (
    "https://www.reuters.com/world/china/"
    "trump-meet-central-asian-presidents-us-seeks-counter-china-russia-influence-2025-11-06/"
)
AA = (
    "https://www.aa.com.tr/en/americas/"
    "kazakhstan-us-sign-memorandum-on-cooperation-in-critical-minerals/3736944"
)
TRADE = "https://www.trade.gov/press-release/commerce-celebrates-25-billion-c51-deal-zone"
WAYBACK_TRADE = f"https://web.archive.org/web/20251126101500/{TRADE}"


def _links(number: int) -> list[LinkCheck]:
    if number <= 4:
        return [_link(IEA, "ok", [1, 2, 3, 4])]
    if number <= 10:
        return [_link(DIPLOMAT, "ok", list(range(5, 11)))]
    if number == 12:
        final = "https://zenodo.org/records/7827403"
        hops = [Hop(ZENODO, 302), Hop("https://zenodo.org/record/7827403", 301), Hop(final, 200)]
        return [
            _link(
                ZENODO, "redirected", [12], redirects=hops, final_url=final, reason="DOI resolver"
            )
        ]
    if number in (13, 14):
        return [_link(AVIM, "ok", [13, 14])]
    if number == 15:
        reason = "The site answered 401 to an automatic check: open it in a browser."
        return [_link(REUTERS, "blocked", [15], http_status=401, reason=reason)]
    if number == 16:
        return [_link(AA, "ok", [16])]
    if number == 17:
        snap = ArchiveSnapshot(url=WAYBACK_TRADE, timestamp="20251126101500")
        reason = "The page is gone (HTTP 404)."
        return [_link(TRADE, "broken", [17], http_status=404, reason=reason, archive=snap)]
    return []


def _claim_checks(nr: NoteReport) -> list[ClaimCheck]:
    n = nr.note.number
    out = []
    for claim in nr.note.claims:
        check = ClaimCheck(claim=claim)
        if n == 1:
            check.source = _src(IEA, "Critical minerals – Topics – IEA", "en")
            check.verdict = Verdict(
                "supported",
                0.82,
                matched=["critical minerals", "energy technologies", "economy"],
                evidence=[
                    _ev(
                        "Critical minerals are essential for a range of clean energy "
                        "technologies and for the wider economy.",
                        "en",
                        IEA,
                    )
                ],
            )
        elif n == 6:
            check.source = _src(DIPLOMAT, "C5+1 Summit: What's at Stake", "en", "2025-10-30")
            check.verdict = Verdict(
                "supported",
                0.91,
                matched=["Kazakhstan", "~40 %", "uranium", "25 %"],
                evidence=[
                    _ev(
                        "Kazakhstan alone accounts for roughly 40 percent of global uranium "
                        "output and supplies about a quarter of U.S. uranium imports.",
                        "en",
                        DIPLOMAT,
                        1830,
                    )
                ],
            )
        elif n == 7:
            check.source = _src(DIPLOMAT, "C5+1 Summit: What's at Stake", "en", "2025-10-30")
            check.verdict = Verdict(
                "contradicted",
                0.77,
                matched=["region", "GDP"],
                conflicts=["claim 75 % ≠ source 60 %"],
                missing=[">50 %"],
                evidence=[
                    _ev(
                        "Kazakhstan generates about 60 percent of the region's GDP and roughly "
                        "60 percent of U.S. trade with Central Asia.",
                        "en",
                        DIPLOMAT,
                        2410,
                    )
                ],
                reason="the source gives 60 % for the share of U.S. trade, the claim 75 %",
            )
        elif n == 10:
            check.source = _src(DIPLOMAT, "C5+1 Summit: What's at Stake", "en", "2025-10-30")
            check.verdict = Verdict(
                "partially_supported",
                0.64,
                matched=["Cove Capital", "1.1 billion USD", "rare earth"],
                missing=["processing", "value chain"],
                evidence=[
                    _ev(
                        "U.S.-based Cove Capital is developing a $1.1 billion rare earth "
                        "project in Kazakhstan.",
                        "en",
                        DIPLOMAT,
                        3120,
                    )
                ],
            )
        elif n == 13:
            check.source = _src(
                AVIM, "ABD'nin Orta Asya Stratejisi Bağlamında Vaşington C5+1 Zirvesi", "tr"
            )
            check.verdict = Verdict(
                "supported",
                0.86,
                matched=["nadir toprak elementleri", "kritik mineraller", "Rusya", "koridor"],
                evidence=[
                    _ev(
                        "Washington, Çin'in hâkim olduğu nadir toprak elementleri ve kritik "
                        "minerallere erişimi güvenceye almayı ve Rusya'yı baypas eden "
                        "koridorlar kurmayı hedeflemektedir.",
                        "tr",
                        AVIM,
                        940,
                    )
                ],
            )
        elif n == 15:
            check.source = SourceInfo(url=REUTERS, problem="The site blocks automatic reading.")
            check.verdict = Verdict(
                "unverifiable", 0.0, reason="no source text: the site blocks automatic reading"
            )
        elif n == 16:
            check.source = _src(AA, "Kazakhstan, US sign memorandum", "en", "2025-11-06")
            check.verdict = Verdict(
                "supported",
                0.88,
                matched=["Kazakhstan", "memorandum", "critical minerals"],
                evidence=[
                    _ev(
                        "Kazakhstan and the US signed a memorandum of understanding on "
                        "cooperation in critical minerals.",
                        "en",
                        AA,
                    )
                ],
            )
            check.quotes = [QuoteCheck("mutabakat zaptı", 92, 107, "not_comparable", 0.0)]
        elif n == 17:
            check.source = SourceInfo(url=TRADE, problem="The page is gone (HTTP 404).")
            check.verdict = Verdict("unverifiable", 0.0, reason="the live page is gone")
            snap = ArchiveSnapshot(url=WAYBACK_TRADE, timestamp="20251126101500")
            check.archived_source = SourceInfo(
                url=WAYBACK_TRADE,
                title="Commerce Celebrates $25 Billion C5+1 Deal Zone",
                language="en",
                published="2025-11-06",
                from_archive=snap,
            )
            check.archived_verdict = Verdict(
                "supported",
                0.9,
                matched=[">25 billion USD", "C5+1"],
                evidence=[
                    _ev(
                        "Commercial deals and investments announced at the summit exceed "
                        "$25 billion.",
                        "en",
                        WAYBACK_TRADE,
                    )
                ],
            )
            check.drifted = True
        elif n == 12:
            check.source = _src(ZENODO, "Renewed Western Interest in Central Asia", "en", "2023")
            check.verdict = Verdict(
                "not_found", 0.58, missing=["Russia-Ukraine war", "C5+1"], evidence=[]
            )
            check.temporal = TemporalFlag(
                event_date="2023-09-19",
                source_date="2023-04-14",
                outcome=True,
                message="The source was published on 2023-04-14, before the event (2023-09-19).",
            )
        out.append(check)
    return out


def realistic_report() -> Report:
    """The seed article with the kind of results a real run gives."""
    doc = analyse(str(SEED_ARTICLE))
    notes = []
    for note in doc.notes:
        nr = NoteReport(note=note, links=_links(note.number))
        nr.findings = [f for f in doc.findings if f.note == note.number]
        if note.number == 12:
            record = WorkRecord(
                source="datacite",
                title="Renewed Western Interest in Central Asia",
                authors=["Gaur, Punit"],
                container="Social Evolution & History",
                date="2023-04-14",
                year=2023,
                volume="22",
                issue="1",
                doi="10.5281/zenodo.7827403",
                agency="datacite",
            )
            nr.identifiers = [
                IdentifierCheck(12, "10.5281/zenodo.7827403", "note", True, "datacite", record)
            ]
            nr.findings.append(
                Finding(
                    "container_mismatch",
                    "warning",
                    "The volume differs from the DOI record.",
                    note=12,
                    details={"field": "volume", "cited": "12", "found": "22", "source": "datacite"},
                )
            )
        if note.number == 11:
            nr.identifiers = [
                IdentifierCheck(
                    11,
                    "10.1093/oxfordhb/9780199682300.013.10",
                    "suggestion",
                    True,
                    "crossref",
                    suggested=True,
                    confidence=0.74,
                )
            ]
        if note.number == 16:
            nr.page = WorkRecord(
                source="page",
                title="Kazakhstan, US sign memorandum of understanding on critical minerals",
                site_name="Anadolu Ajansı",
                date="2025-11-06",
            )
            nr.findings.append(
                Finding(
                    "title_mismatch",
                    "error",
                    "The cited title differs from the page's title.",
                    note=16,
                    details={
                        "field": "title",
                        "cited": "Kazakhstan, US sign memorandum on cooperation in critical "
                        "minerals",
                        "found": "Kazakhstan, US sign memorandum of understanding on critical "
                        "minerals",
                        "source": "page",
                    },
                )
            )
        nr.claims = _claim_checks(nr)
        notes.append(nr)
    return Report(
        document=doc,
        notes=notes,
        findings=[f for f in doc.findings if f.note is None],
        generated_at="2026-01-10T09:02:11Z",
        tool_version="0.1.0",
        settings={"fail_on": ["default"], "lang": "tr"},
    )


def hostile_report() -> Report:
    """An article and a source page full of markup, script URLs and bidi overrides."""
    from citecheck.web.extract import extract_source

    doc: Document = analyse(str(HOSTILE_ARTICLE))
    page = extract_source(HOSTILE_SOURCE.read_bytes(), "text/html; charset=utf-8", JS_URL)
    # The extractor drops bidi controls from pages; registries and articles keep them,
    # so the quote gets one back to prove the renderer neutralises it too.
    quote = page.text.strip().splitlines()[1] + f" {RLO}fdp.exe"
    notes = []
    for note in doc.notes:
        link = _link(
            note.urls[0] if note.urls else JS_URL,
            "redirected",
            [note.number],
            http_status=301,
            final_url=JS_URL,
            redirects=[Hop(f"https://evil.example/{RLO}gpj.exe", 301), Hop(JS_URL, 200)],
            reason=HOSTILE,
            archive=ArchiveSnapshot(url=JS_URL, timestamp="20250101000000"),
        )
        record = WorkRecord(source="crossref", title=page.title, authors=[HOSTILE])
        ident = IdentifierCheck(note.number, f"10.1234/{SCRIPT}", "note", False, HOSTILE, record)
        ident.error = HOSTILE
        finding = Finding(
            "title_mismatch",
            "error",
            HOSTILE,
            note=note.number,
            details={"field": "title", "cited": HOSTILE, "found": page.title, "source": "page"},
        )
        source = SourceInfo(url=JS_URL, title=page.title, language=IMG, problem=None)
        check = ClaimCheck(
            claim=note.claims[0],
            verdict=Verdict(
                "contradicted",
                0.7,
                matched=[HOSTILE],
                missing=[SCRIPT],
                conflicts=[IMG],
                evidence=[Evidence(quote, 0, len(quote), lang=IMG, source_url=JS_URL)],
                reason=HOSTILE,
            ),
            source=source,
            quotes=[QuoteCheck(HOSTILE, 0, 5, "missing", 12.0)],
            temporal=TemporalFlag(HOSTILE, SCRIPT, True, HOSTILE),
            archived_verdict=Verdict("supported", 0.9, evidence=[Evidence(quote, 0, 5, IMG)]),
            archived_source=SourceInfo(url=JS_URL, title=page.title),
            drifted=True,
            problems=[HOSTILE],
        )
        nr = NoteReport(
            note=note,
            links=[link],
            identifiers=[ident],
            page=record,
            findings=[finding],
            claims=[check],
            problems=[HOSTILE],
        )
        notes.append(nr)
    return Report(
        document=doc,
        notes=notes,
        findings=[Finding("how_to_cite_mismatch", "warning", HOSTILE, details={"x": HOSTILE})],
        generated_at="2026-01-10T09:02:11Z",
        tool_version=SCRIPT,
        settings={"lang": "tr"},
        problems=[HOSTILE],
    )


# --- the samples themselves ------------------------------------------------------------


def test_realistic_report_covers_every_status() -> None:
    report = realistic_report()
    assert len(report.notes) == 17
    statuses = {link.status for nr in report.notes for link in nr.links}
    assert {"ok", "redirected", "blocked", "broken"} <= statuses
    labels = {c.verdict.label for nr in report.notes for c in nr.claims if c.verdict}
    assert {"supported", "partially_supported", "contradicted", "unverifiable"} <= labels
    assert any(c.drifted for nr in report.notes for c in nr.claims)


def test_hostile_fixtures_carry_the_payloads() -> None:
    report = hostile_report()
    assert report.notes, "the hostile article must have notes"
    page_title = report.notes[0].claims[0].source.title or ""
    quote = report.notes[0].claims[0].verdict.evidence[0].text
    for payload in (SCRIPT, IMG):
        assert payload in page_title, payload
        assert payload in quote, payload
    assert RLO in quote
    assert RLO in (report.notes[0].identifiers[0].record.authors[0])
    body = " ".join(p.text for p in report.document.paragraphs)
    assert BODY_SCRIPT in body and RLO in body
    assert any(SCRIPT in nr.note.text and RLO in nr.note.text for nr in report.notes)
    assert any(RLO in url for nr in report.notes for url in nr.note.urls)


def hostile_source_path() -> Path:
    return HOSTILE_SOURCE
