"""Acceptance of issue 4 on the seed article, against loopback stand-ins.

The registries are one farm host (base URLs are settings). The cited web pages
keep their real https URLs: a resolver given to the client maps every host name
to a TLS farm host serving fixtures/pages, so no request can leave the machine
and the URLs in the notes are used exactly as written.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from citecheck.codes import FindingCode
from citecheck.model import Document
from citecheck.notes import analyze
from citecheck.resolve import ResolveSettings, resolutions_to_json, resolve_document
from citecheck.web.http import HttpClient
from tests.conftest import FIXTURES, SEED_ARTICLE, require
from tests.web.conftest import fast_settings
from tests.web.farm import Farm, FarmHost
from tests.web.registry_standin import RegistryStandIn, seed_registry

PAGES = FIXTURES / "pages"
# The cited sites' pages (fixtures/pages), served at the paths of the seed's URLs.
SITE_PAGES = {
    "www.reuters.com": "reuters-trump-central-asia.html",
    "www.aa.com.tr": "aa-kazakhstan-us-minerals.html",
    "www.trade.gov": "trade-gov-c51-deal-zone.html",
    "thediplomat.com": "wordpress-graph-byline.html",
}


def _serve(host: FarmHost, path: str, name: str) -> None:
    body = (PAGES / name).read_bytes()
    host.route(path, lambda ctx: ctx.send(200, body))


@pytest.fixture
def world(seed: Document) -> Iterator[tuple[RegistryStandIn, FarmHost, HttpClient]]:
    if not Farm.can_make_certificates():
        require(False, "openssl (TLS stand-in of the cited sites)")
    with Farm() as farm:
        registry = RegistryStandIn(farm)
        seed_registry(registry)
        sites = farm.host(tls=True)
        for entry in seed.bibliography:
            for url in entry.urls:
                name = SITE_PAGES.get(urlsplit(url).hostname or "")
                if name:
                    _serve(sites, urlsplit(url).path, name)

        def resolver(host: str, port: int) -> list[tuple[int, tuple]]:
            # Every name is this machine: https on the TLS host, http on the registry host.
            target = sites.port if port == 443 else registry.host.port
            return [(socket.AF_INET, ("127.0.0.1", target))]

        client = HttpClient(fast_settings(verify_tls=False), resolver=resolver)
        try:
            yield registry, sites, client
        finally:
            client.close()


@pytest.fixture(scope="module")
def seed() -> Document:
    from citecheck.ingest import load_path

    return analyze(load_path(SEED_ARTICLE))


def _run(doc: Document, registry: RegistryStandIn, client: HttpClient, **kw):  # type: ignore[no-untyped-def]
    settings = ResolveSettings(http=client.settings, registry=registry.settings(), **kw)
    return {r.note: r for r in resolve_document(doc, settings, client=client)}


def _codes(res) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.code for f in res.findings]


def test_seed_acceptance(seed: Document, world) -> None:
    registry, sites, client = world
    out = _run(seed, registry, client)
    assert sorted(out) == list(range(1, 18))

    # note 12: the Zenodo DOI is DataCite's; page 769 lies within 769-782
    (check,) = out[12].identifiers
    assert check.doi == "10.5281/zenodo.7827403" and check.found_in == "url"  # a doi.org link
    assert check.registered is True and check.agency == "datacite"
    assert check.record.pages == "769-782"
    assert out[12].findings == []

    # notes 15-17: page metadata through their bibliography URLs
    for n in (15, 16, 17):
        assert out[n].page is not None, out[n].page_error
        assert out[n].page_url.startswith("https://www.")
    # the Reuters page says 5 November (16:40 UTC): the note's 6 November is flagged
    (date,) = [f for f in out[15].findings if f.code == FindingCode.DATE_MISMATCH]
    assert date.details["cited"] == "2025-11-06"
    assert date.details["found"].startswith("2025-11-05")
    assert "2025-11-06" in date.message and "2025-11-05" in date.message
    assert _codes(out[15]) == [FindingCode.DATE_MISMATCH]  # title, authors agree
    assert out[16].findings == [] and out[17].findings == []

    # ibid notes share their full note's resolution; every URL was fetched once
    assert out[6].shared_with == 5 and out[6].page is out[5].page
    fetched = [e.path for e in sites.requests()]
    assert len(fetched) == len(set(fetched))
    # note 11 (a chapter without a DOI) gets the right Crossref candidate, not the decoy
    (suggestion,) = out[11].identifiers
    assert suggestion.suggested and suggestion.found_in == "suggestion"
    assert suggestion.doi == "10.5555/oxfordhb/9780199682300.013.10"
    assert _codes(out[11]) == [FindingCode.DOI_SUGGESTION]
    json.dumps(resolutions_to_json(list(out.values())), ensure_ascii=False)


def _with_note12_doi(doc: Document, doi: str) -> Document:
    notes = []
    for note in doc.notes:
        if note.number == 12:
            cit = replace(note.citations[0], doi=doi, urls=[f"https://doi.org/{doi}"])
            text = note.text.replace("10.5281/zenodo.7827403", doi)
            note = replace(note, text=text, doi=doi, urls=cit.urls, citations=[cit], bib_entry=None)
        notes.append(note)
    return replace(doc, notes=notes)


def test_a_doi_for_another_work_is_flagged_with_both_titles(seed: Document, world) -> None:
    registry, _, client = world
    doc = _with_note12_doi(seed, "10.5555/jes.2021.0042")
    res = _run(doc, registry, client, page_metadata=False, suggestions=False)[12]
    (title,) = [f for f in res.findings if f.code == FindingCode.TITLE_MISMATCH]
    assert title.details["cited"] == "Renewed Western Interest in Central Asia"
    assert title.details["found"] == "Water Governance and Irrigation Reform in Uzbekistan"
    assert title.details["source"] == "doi.org" and title.severity == "error"
    assert FindingCode.AUTHOR_MISMATCH in _codes(res)
    assert FindingCode.PAGE_OUTSIDE_RANGE in _codes(res)  # page 769 is not in 201-219


def test_retracted_and_unregistered_dois(seed: Document, world) -> None:
    registry, _, client = world
    doc = _with_note12_doi(seed, "10.5555/cas.2019.0007")
    res = _run(doc, registry, client, page_metadata=False, suggestions=False)[12]
    (retracted,) = [f for f in res.findings if f.code == FindingCode.WORK_RETRACTED]
    assert "10.5555/cas.2022.0099" in retracted.message and "2022-05-10" in retracted.message
    assert FindingCode.WORK_CORRECTED in _codes(res)

    doc = _with_note12_doi(seed, "10.5555/no-such-doi")
    res = _run(doc, registry, client, page_metadata=False, suggestions=False)[12]
    assert res.identifiers[0].registered is False
    assert _codes(res) == [FindingCode.DOI_NOT_REGISTERED]


def test_a_registry_outage_is_unresolved_and_stops_nothing(seed: Document, world) -> None:
    registry, _, client = world
    registry.faults[("cn", "10.5281/zenodo.7827403")] = "500"
    registry.faults[("datacite", "10.5281/zenodo.7827403")] = "html"
    registry.faults[("crossref", "10.5281/zenodo.7827403")] = "429"
    out = _run(seed, registry, client)
    assert out[12].identifiers[0].registered is None
    assert _codes(out[12]) == [FindingCode.DOI_UNRESOLVED]
    assert out[15].page is not None  # the other lookups went on


def test_offline_lists_identifiers_without_requests(seed: Document) -> None:
    out = resolve_document(seed, ResolveSettings(offline=True))
    (check,) = out[11].identifiers
    assert check.registered is None and "offline" in check.error
    assert all(not r.findings for r in out)


def test_json_contract(seed: Document, world, tmp_path: Path) -> None:
    registry, _, client = world
    data = resolutions_to_json(list(_run(seed, registry, client).values()))
    assert data["schema_version"] == "1"
    note12 = data["notes"][11]
    assert note12["note"] == 12 and note12["identifiers"][0]["record"]["pages"] == "769-782"
    assert data["summary"]["registered"] == 1 and data["summary"]["suggestions"] == 1
    assert data["summary"]["findings"]["date_mismatch"] == 1


def test_registry_cache_and_progress(seed: Document, world, tmp_path: Path) -> None:
    registry, _, client = world
    cache = tmp_path / "registry.sqlite"
    settings = ResolveSettings(
        http=client.settings,
        registry=registry.settings(cache_path=cache),
        page_metadata=False,
    )
    seen: list[tuple[int, int, str]] = []
    first = resolve_document(seed, settings, client=client, progress=lambda *a: seen.append(a))
    assert seen and seen[-1][0] == seen[-1][1] == 2  # note 12's DOI, note 11's query
    before = len(registry.host.requests())
    problems: list[str] = []
    again = resolve_document(seed, settings, client=client, problems=problems)
    assert len(registry.host.requests()) == before and problems == []
    assert again[11].identifiers[0].record == first[11].identifiers[0].record


def test_table_rendering(seed: Document, world) -> None:
    from io import StringIO

    from rich.console import Console

    from citecheck.identify.table import render_resolutions

    registry, _, client = world
    out = StringIO()
    render_resolutions(list(_run(seed, registry, client).values()), Console(file=out, width=160))
    text = out.getvalue()
    assert "date_mismatch" in text and "2025-11-05 16:40 UTC" in text
    assert "doi:10.5281/zenodo.7827403" in text and "(datacite)" in text
    assert "as note 5" in text and "17 notes: 1 warning, 1 info" in text


def test_ibid_cycles_and_missing_antecedents_do_not_hang(seed: Document) -> None:
    notes = [replace(n, ibid_of={2: 3, 3: 2, 4: 99}.get(n.number, n.ibid_of)) for n in seed.notes]
    out = resolve_document(replace(seed, notes=notes), ResolveSettings(offline=True))
    assert [r.note for r in out] == list(range(1, 18))
    assert out[3].identifiers == [] and out[3].shared_with is None  # 99 does not exist: own plan


def test_a_lookup_that_raises_is_recorded_and_stops_nothing(seed: Document, world) -> None:
    registry, _, client = world

    class Exploding:
        settings = client.settings

        def fetch(self, url: str, **kw):  # type: ignore[no-untyped-def]
            if "reuters" in url:
                raise RuntimeError("boom")
            return client.fetch(url, **kw)

    settings = ResolveSettings(http=client.settings, registry=registry.settings())
    out = {r.note: r for r in resolve_document(seed, settings, client=Exploding())}
    assert out[15].page is None and "RuntimeError: boom" in out[15].page_error
    assert out[16].page is not None and out[12].identifiers[0].registered is True
