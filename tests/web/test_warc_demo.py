"""The bundled demo WARC: every source the example article cites, replayable offline."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.pipeline import analyse
from citecheck.web.doi import Registry
from citecheck.web.extract import extract_source
from citecheck.web.links import targets_from_document
from citecheck.web.warc import WarcArchive, WarcReplayClient
from tests.web.warc_helpers import records

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "fixtures" / "demo" / "avim-blog-33-sources.warc.gz"
ARTICLE = ROOT / "fixtures" / "articles" / "avim-blog-33-kritik-mineraller.txt"
IEA = "https://www.iea.org/topics/critical-minerals"


@pytest.fixture(scope="module")
def archive() -> WarcArchive:
    return WarcArchive(DEMO)


def test_demo_is_small_and_valid_for_warcio() -> None:
    assert DEMO.stat().st_size < 200 * 1024
    recs = records(DEMO)
    assert all(r["digest_ok"] is not False for r in recs)
    assert recs[0]["type"] == "warcinfo" and recs[0]["headers"]["WARC-Date"] == (
        "2025-11-26T09:12:04Z"
    )


def test_every_cited_url_replays_with_200(archive: WarcArchive) -> None:
    """After bibliography resolution (notes 15-17 get their URLs from the Kaynakça)."""
    assert not archive.problems
    targets = targets_from_document(analyse(str(ARTICLE)))
    cited = {t.url for t in targets}
    assert len(cited) == 7
    client = WarcReplayClient(archive)
    for t in targets:
        res = client.fetch(t.url, near=t.accessed or t.fallback_date)
        assert res.error is None and res.status == 200, t.url
        assert res.content_type == "text/html" and len(res.body) > 2000
        if t.accessed:  # captured on the note's access date
            assert res.fetched_at.startswith(t.accessed)
        else:
            assert res.fetched_at < (t.fallback_date or "")
    assert {n for t in targets for n in t.notes} == set(range(1, 18)) - {11}


def test_the_dead_case_the_iea_page_later_answers_404(archive: WarcArchive) -> None:
    assert [(c.timestamp[:8], c.status) for c in archive.captures(IEA)] == [
        ("20251126", 200),
        ("20260519", 404),
    ]
    client = WarcReplayClient(archive)
    assert client.fetch(IEA, near="2025-11-26").status == 200
    assert client.fetch(IEA).status == 404  # the latest capture
    assert b"Page not found" in client.fetch(IEA, near="2026-06-01").body


def test_doi_link_redirects_to_the_record_page(archive: WarcArchive) -> None:
    res = WarcReplayClient(archive).fetch("https://doi.org/10.5281/zenodo.7827403")
    assert res.final_url == "https://zenodo.org/records/7827403"
    assert [h.status for h in res.hops] == [302]
    page = extract_source(res.body, res.content_type, res.final_url)
    assert page.title and "Renewed Western Interest in Central Asia" in page.title
    assert "C5+1" in page.text


def test_doi_registries_answer_from_the_archive(archive: WarcArchive) -> None:
    client = WarcReplayClient(archive)
    lookup = Registry(client).resolve("10.5281/zenodo.7827403")
    assert lookup.registered is True and lookup.agency == "datacite"
    assert lookup.record is not None and lookup.record.title == (
        "Renewed Western Interest in Central Asia"
    )
    assert not client.misses
    plain = client.fetch("https://api.datacite.org/dois/10.5281/zenodo.7827403")
    assert plain.status == 200 and b'"Social Evolution and History"' in plain.body


@pytest.mark.parametrize(
    ("url", "published"),
    [
        ("https://thediplomat.com/2025/10/c51-summit-whats-at-stake-for-the-us-and-central-asia/",
         "2025-10-30"),
        ("https://avim.org.tr/tr/Analiz/ABD-NIN-ORTA-ASYA-STRATEJISI-BAGLAMINDA-VASINGTON-C5-1-ZIRVESI",
         "2025-11-18"),
        ("https://www.trade.gov/press-release/commerce-celebrates-25-billion-c51-deal-zone",
         "2025-11-06"),
    ],
)  # fmt: skip
def test_source_dates_for_the_temporal_check(
    archive: WarcArchive, url: str, published: str
) -> None:
    res = WarcReplayClient(archive).fetch(url)
    page = extract_source(res.body, res.content_type, res.final_url)
    assert (page.published or "").startswith(published)
