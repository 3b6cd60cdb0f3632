"""Sample Reports built by hand for the report tests (and the HTML report's tests).

``small_report`` is a fixed, realistic report of a Turkish article with one note
per kind of outcome; ``hostile_report`` carries page-derived text meant to break
renderers; ``empty_report``, ``no_links_report`` and ``all_failed_report`` are the
edge cases. Every builder returns a new object (tests may mutate them).
"""

from __future__ import annotations

from citecheck.model import (
    ArchiveSnapshot,
    Citation,
    Claim,
    ClaimCheck,
    Document,
    Finding,
    Hop,
    IdentifierCheck,
    LinkCheck,
    Marker,
    Note,
    NoteReport,
    Paragraph,
    Report,
    SourceInfo,
    WorkRecord,
)
from citecheck.verify.model import Evidence, QuoteCheck, TemporalFlag, Verdict

GENERATED_AT = "2026-11-22T12:00:00Z"
VERSION = "0.1.0"


def _link(url: str, status: str, notes: list[int], **kw: object) -> LinkCheck:
    return LinkCheck(url=url, normalized_url=url.lower(), status=status, notes=notes, **kw)  # type: ignore[arg-type]


def small_report() -> Report:
    p0 = (
        "Orta Asya, dünya uranyum üretiminin yarısından fazlasını karşılamaktadır. "
        "Kazakistan tek başına %40 paya sahiptir."
    )
    p1 = "6 Kasım 2025 zirvesinde 1,1 milyar dolarlık anlaşmalar imzalandı."
    claims = [
        Claim(1, p0[:73], 0, 0, 73),
        Claim(2, p0[74:], 0, 74, len(p0)),
        Claim(3, p1, 1, 0, len(p1)),
        Claim(4, p1, 1, 0, len(p1)),
    ]
    paragraphs = [
        Paragraph(0, p0, [Marker(1, "1", 0, 73, "[1]"), Marker(2, "2", 0, len(p0), "[2]")]),
        Paragraph(1, p1, [Marker(3, "3", 1, len(p1), "[3]"), Marker(4, "4", 1, len(p1), "[4]")]),
        Paragraph(2, "Sonuç", [], heading=True),
    ]
    n1 = Note(
        1,
        "World Nuclear Association, Uranium in Kazakhstan, https://wna.example/kz, "
        "E.T 26 Kasım 2025.",
        label="1",
        citations=[
            Citation(container="World Nuclear Association", title="Uranium in Kazakhstan", raw="…")
        ],
        urls=["https://wna.example/kz"],
        url_source="note",
        accessed="2025-11-26",
        claims=[claims[0]],
    )
    n2 = Note(
        2,
        "Reuters, Kazakhstan output, https://news.example/kz-404, ET 26 Kasım 2025.",
        label="2",
        urls=["https://news.example/kz-404"],
        url_source="note",
        accessed="2025-11-26",
        claims=[claims[1]],
    )
    n3 = Note(
        3,
        "Punit Gaur, Renewed Western Interest in Central Asia, Social Evolution and History 12, "
        "no. 2 (2023): 769, https://doi.org/10.5281/zenodo.7827403.",
        label="3",
        citations=[
            Citation(authors=["Punit Gaur"], title="Renewed Western Interest in Central Asia")
        ],
        doi="10.5281/zenodo.7827403",
        pages="769",
        claims=[claims[2]],
    )
    n4 = Note(
        4, "A.g.e", label="4", ibid_of=3, urls=["https://blocked.example/p"], claims=[claims[3]]
    )
    doc = Document(
        source="fixtures/articles/sample.txt",
        format="text",
        title="Kritik Mineraller ve Orta Asya",
        authors=["Ayşe Yılmaz"],
        published="2025-12-16",
        language="tr",
        kind="blog",
        number="33",
        paragraphs=paragraphs,
        notes=[n1, n2, n3, n4],
    )
    snap = ArchiveSnapshot(
        "https://web.archive.org/web/20251120000000/https://news.example/kz-404", "20251120000000"
    )
    nr1 = NoteReport(
        n1,
        links=[
            _link(
                "https://wna.example/kz",
                "ok",
                [1],
                http_status=200,
                final_url="https://wna.example/kz",
            )
        ],
        claims=[
            ClaimCheck(
                claims[0],
                Verdict(
                    "supported",
                    0.91,
                    matched=["more than half", "uranium"],
                    evidence=[
                        Evidence(
                            "Central Asia supplies more than half of the world's uranium.",
                            120,
                            181,
                            "en",
                            12.5,
                            "https://wna.example/kz",
                        )
                    ],
                    reason="all key facts found",
                ),
                SourceInfo(
                    "https://wna.example/kz", "Uranium in Kazakhstan", "en", "2025-10-01", "html"
                ),
            )
        ],
    )
    nr2 = NoteReport(
        n2,
        links=[
            _link(
                "https://news.example/kz-404",
                "broken",
                [2],
                http_status=404,
                redirects=[
                    Hop("https://news.example/kz-404", 301),
                    Hop("https://news.example/404", 404),
                ],
                reason="the server says the page does not exist",
                archive=snap,
            )
        ],
        claims=[
            ClaimCheck(
                claims[1],
                Verdict("unverifiable", 1.0, reason="the link is dead"),
                SourceInfo("https://news.example/kz-404", problem="dead link"),
                archived_verdict=Verdict(
                    "supported",
                    0.85,
                    matched=["40 %"],
                    evidence=[
                        Evidence(
                            "Kazakhstan alone holds a 40 percent share.",
                            10,
                            52,
                            "en",
                            8.0,
                            snap.url,
                        )
                    ],
                ),
                archived_source=SourceInfo(
                    snap.url, "Kazakhstan output", "en", "2025-11-01", "html", snap
                ),
                drifted=True,
            )
        ],
    )
    record = WorkRecord(
        "datacite",
        title="Western Interest in Central Asia Revisited",
        authors=["Gaur, Punit"],
        year=2023,
        pages="769-782",
        doi="10.5281/zenodo.7827403",
        agency="datacite",
    )
    nr3 = NoteReport(
        n3,
        identifiers=[
            IdentifierCheck(3, "10.5281/zenodo.7827403", "note", True, "datacite", record)
        ],
        findings=[
            Finding(
                "title_mismatch",
                "error",
                "title differs from the DataCite record",
                note=3,
                details={
                    "field": "title",
                    "cited": "Renewed Western Interest in Central Asia",
                    "found": "Western Interest in Central Asia Revisited",
                    "source": "datacite",
                },
            ),
            Finding("missing_access_date", "info", "web source without an access date", note=3),
            # check.py records quote and temporal results as findings too
            Finding(
                "quote_not_found",
                "warning",
                "The quotation “yeni dönem” is not in the cited source.",
                note=3,
                details={"quote": "yeni dönem", "similarity": 41.0},
            ),
            Finding(
                "source_predates_event",
                "warning",
                "the source (2023-05-01) predates the event (2025-11-06)",
                note=3,
                details={"event_date": "2025-11-06", "source_date": "2023-05-01"},
            ),
        ],
        claims=[
            ClaimCheck(
                claims[2],
                Verdict(
                    "contradicted",
                    0.8,
                    matched=["summit"],
                    conflicts=["claim 1.1 billion USD ≠ source 2 billion USD"],
                    evidence=[Evidence("Deals worth $2 billion were signed.", 300, 335, "en", 9.1)],
                    reason="a different value for the same quantity",
                ),
                SourceInfo(
                    "https://doi.org/10.5281/zenodo.7827403",
                    "Western Interest",
                    "en",
                    "2023-05-01",
                    "pdf",
                ),
                quotes=[QuoteCheck("yeni dönem", 0, 10, "missing", 41.0)],
                temporal=TemporalFlag(
                    "2025-11-06",
                    "2023-05-01",
                    True,
                    "the source (2023-05-01) predates the event (2025-11-06)",
                ),
            )
        ],
    )
    nr4 = NoteReport(
        n4,
        links=[
            _link(
                "https://blocked.example/p",
                "blocked",
                [4],
                http_status=403,
                reason="a bot wall answered",
            )
        ],
        findings=[
            Finding("ibid_ambiguous", "warning", "ibid after a note citing several works", note=4)
        ],
        claims=[ClaimCheck(claims[3])],
    )
    return Report(
        document=doc,
        notes=[nr1, nr2, nr3, nr4],
        findings=[
            Finding(
                "how_to_cite_mismatch",
                "warning",
                "the how-to-cite block gives 2026, the article is dated 2025-12-16",
            )
        ],
        generated_at=GENERATED_AT,
        tool_version=VERSION,
        settings={"timeout": 10.0, "lang": "tr", "formats": ("json", "md")},
    )


HOSTILE = (
    '<script>alert(1)</script> "><img src=x onerror=alert(1)> `code` | pipe | '
    "[click](javascript:alert(1)) \u202egnp.exe\u202c *bold* _u_ # h "
    "\x00\x1b[31m\x0b\ufffe &amp; ]]>"
)


def hostile_report() -> Report:
    """Every page-derived string carries markup, control and bidi characters."""
    text = "Claim " + HOSTILE
    claim = Claim(1, text, 0, 0, len(text))
    note = Note(
        1,
        "Note " + HOSTILE,
        label="1<b>",
        urls=["https://evil.example/x?a=<b>&c=`d`"],
        claims=[claim],
    )
    doc = Document(
        source="evil|source.html",
        format="html",
        title="Title " + HOSTILE,
        authors=[HOSTILE],
        language="en",
        paragraphs=[Paragraph(0, text, [Marker(1, "1", 0, len(text), "[1]")])],
        notes=[note],
    )
    link = _link(
        "https://evil.example/x?a=<b>&c=`d`",
        "soft_404",
        [1],
        http_status=200,
        final_url="javascript:alert(1)",
        reason="Reason " + HOSTILE,
        archive=ArchiveSnapshot('javascript:alert("x")', "20250101000000"),
    )
    src = SourceInfo('https://evil.example/"><script>', "Page " + HOSTILE, "ar\u202e", None, "html")
    check = ClaimCheck(
        claim,
        Verdict(
            "not_found",
            float("nan"),
            matched=[HOSTILE],
            missing=[HOSTILE],
            reason="Reason " + HOSTILE,
            evidence=[
                Evidence("Quote " + HOSTILE, 0, 10, "<en>", float("inf"), "javascript:alert(1)")
            ],
        ),
        src,
        quotes=[QuoteCheck(HOSTILE, 0, 5, "missing", 0.0)],
        problems=["step failed: " + HOSTILE],
    )
    nr = NoteReport(
        note,
        links=[link],
        page=WorkRecord("page", title="Page " + HOSTILE, authors=[HOSTILE]),
        findings=[
            Finding(
                "title_mismatch",
                "error",
                "Mismatch " + HOSTILE,
                note=1,
                details={"field": "title", "cited": HOSTILE, "found": "x`y|z", "source": "page"},
            )
        ],
        claims=[check],
        problems=["stage " + HOSTILE],
    )
    return Report(doc, [nr], [], GENERATED_AT, VERSION, settings={"weird": {1, 2}, "p": HOSTILE})


def empty_report() -> Report:
    doc = Document(source="empty.txt", format="text")
    return Report(doc, [], [], GENERATED_AT, VERSION)


def no_links_report() -> Report:
    note = Note(1, "Seitkali, Water and Power, 118.", label="1")
    doc = Document(source="book.txt", format="text", title="Kitap", language="tr", notes=[note])
    return Report(doc, [NoteReport(note)], [], GENERATED_AT, VERSION)


def all_failed_report() -> Report:
    """A note whose every stage failed, and a run with its own trouble."""
    claim = Claim(1, "Bir iddia.", 0, 0, 10)
    note = Note(
        1, "https://down.example/a", label="1", urls=["https://down.example/a"], claims=[claim]
    )
    doc = Document(
        source="a.txt",
        format="text",
        language="tr",
        paragraphs=[Paragraph(0, "Bir iddia.", [Marker(1, "1", 0, 10)])],
        notes=[note],
    )
    nr = NoteReport(
        note,
        links=[
            _link("https://down.example/a", "timeout", [1], attempts=3, reason="no answer in 10 s")
        ],
        identifiers=[IdentifierCheck(1, "10.1/x", "url", None, error="registry unreachable")],
        claims=[
            ClaimCheck(
                claim,
                None,
                SourceInfo("https://down.example/a", problem="fetch failed"),
                problems=["verification crashed: ValueError"],
            )
        ],
        problems=["links: crashed", "identify: crashed", "source fetch: crashed"],
    )
    return Report(doc, [nr], [], GENERATED_AT, VERSION, problems=["cache not writable"])


ALL_SAMPLES = {
    "small": small_report,
    "hostile": hostile_report,
    "empty": empty_report,
    "no_links": no_links_report,
    "all_failed": all_failed_report,
}
