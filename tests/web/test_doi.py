"""DOI resolution against a loopback stand-in for doi.org, Crossref and DataCite."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from citecheck.web.doi import CSL_JSON, Registry, RegistrySettings
from tests.web.farm import Farm
from tests.web.registry_standin import RegistryStandIn, seed_registry

ZENODO = "10.5281/zenodo.7827403"
JES = "10.5555/jes.2021.0042"
RETRACTED = "10.5555/cas.2019.0007"
UNKNOWN = "10.5555/no-such-doi"


@pytest.fixture
def standin(farm: Farm) -> Iterator[RegistryStandIn]:
    s = RegistryStandIn(farm)
    seed_registry(s)
    yield s


@pytest.fixture
def registry(standin: RegistryStandIn, make_client) -> Registry:
    return Registry(make_client(), standin.settings(mailto="editor@example.org"))


def test_zenodo_doi_resolves_to_its_datacite_record_with_pages(registry, standin) -> None:
    look = registry.resolve(ZENODO)
    assert look.registered is True and look.agency == "datacite" and look.error is None
    r = look.record
    assert r is not None and r.source == "doi.org"
    assert r.title == "Renewed Western Interest in Central Asia"
    assert r.authors == ["Gaur, Punit"] and r.year == 2023
    assert r.pages == "769-782"  # from the DataCite REST record: CSL had no page range
    assert r.container == "Social Evolution and History" and r.volume == "12" and r.issue == "2"
    cn = [e for e in standin.host.requests() if e.path.startswith("/10.5281")]
    assert cn and CSL_JSON in cn[0].headers["accept"]
    # Zenodo is DataCite by prefix: doiRA is not needed, Crossref is never asked
    assert standin.requests("/doiRA") == [] and standin.requests("/works") == []


def test_plain_get_of_a_doi_redirects_to_the_landing_page(standin, make_client) -> None:
    res = make_client().fetch(f"{standin.base}/{ZENODO}")
    assert res.status == 200 and res.hops and res.hops[0].status == 302


def test_crossref_doi_record_and_mailto(registry, standin) -> None:
    look = registry.resolve(JES)
    assert look.registered is True and look.agency == "crossref"
    assert look.record.title == "Water Governance and Irrigation Reform in Uzbekistan"
    assert look.record.date == "2021-09"  # the print date, not the earlier online one
    (works,) = standin.requests("/works/")
    assert "mailto=editor%40example.org" in works


def test_unregistered_doi_is_not_registered(registry, standin) -> None:
    look = registry.resolve(UNKNOWN)
    assert look.registered is False and look.record is None
    assert "404" in look.error
    assert len(standin.requests("/works/")) == 1 and len(standin.requests("/dois/")) == 1


@pytest.mark.parametrize("fault", ["429", "500", "malformed", "html"])
def test_a_failing_registry_is_unresolved_never_unregistered(standin, make_client, fault) -> None:
    standin.faults[("crossref", UNKNOWN)] = fault
    look = Registry(make_client(retries=0), standin.settings()).resolve(UNKNOWN)
    assert look.registered is None and look.error
    expected = {"429": "429", "500": "HTTP 500", "malformed": "malformed JSON", "html": "HTML"}
    assert expected[fault] in look.error


def test_a_registry_timeout_is_unresolved(standin, make_client) -> None:
    standin.faults[("crossref", UNKNOWN)] = "slow"
    client = make_client(retries=0, total_timeout=0.3, read_timeout=0.3)
    look = Registry(client, standin.settings()).resolve(UNKNOWN)
    assert look.registered is None and "could not be reached" in look.error


def test_429_is_retried_with_retry_after(standin, make_client) -> None:
    standin.faults[("cn", ZENODO)] = "429"
    look = Registry(make_client(retries=1), standin.settings()).resolve(ZENODO)
    # doi.org keeps answering 429: the DataCite REST record is used instead
    assert len(standin.requests(f"/{ZENODO}")) == 2
    assert look.registered is True and look.record.source == "datacite"
    assert look.record.pages == "769-782"


def test_content_negotiation_failure_falls_back_to_rest(standin, make_client) -> None:
    standin.faults[("cn", JES)] = "html"
    look = Registry(make_client(), standin.settings()).resolve(JES)
    assert look.registered is True and look.record.source == "crossref"
    assert look.record.date == "2021-09"  # the issue's print date, as citations give it


def test_landing_only_doi_asks_doira_then_the_agency(registry, standin) -> None:
    look = registry.resolve(RETRACTED)
    assert standin.requests("/doiRA/")
    assert look.registered is True and look.agency == "crossref"
    kinds = {(u["type"], u["relation"]) for u in look.record.updates}
    assert ("retraction", "updated-by") in kinds and ("correction", "updated-by") in kinds


def test_registered_without_any_metadata(standin, make_client) -> None:
    standin.landing.add("10.9999/medra.1")
    standin.agency["10.9999/medra.1"] = "mEDRA"
    look = Registry(make_client(), standin.settings()).resolve("10.9999/medra.1")
    assert look.registered is True and look.record is None and look.agency == "medra"
    assert standin.requests("/works") == [] and standin.requests("/dois") == []


@pytest.mark.parametrize("status", [403, 404, 503])
def test_a_redirect_from_doi_org_proves_registration(standin, make_client, status) -> None:
    # the handle redirects, but where it leads fails (a bot wall, a dead landing page)
    doi = "10.9999/walled.1"
    standin.landing.add(doi)
    standin.landing_status[doi] = status
    standin.agency[doi] = "mEDRA"
    look = Registry(make_client(retries=0), standin.settings()).resolve(doi)
    assert look.registered is True and look.record is None


def test_registry_cache_saves_requests_and_skips_failures(standin, make_client, tmp_path) -> None:
    settings = standin.settings(cache_path=tmp_path / "registry.sqlite")
    first = Registry(make_client(), settings)
    assert first.resolve(ZENODO).registered is True
    standin.faults[("crossref", UNKNOWN)] = "500"
    assert first.resolve(UNKNOWN).registered is None
    first.close()
    before = len(standin.host.requests())
    again = Registry(make_client(), settings)
    hit = again.resolve(ZENODO)
    assert hit.from_cache and hit.record.pages == "769-782" and hit.agency == "datacite"
    assert len(standin.host.requests()) == before
    del standin.faults[("crossref", UNKNOWN)]
    assert again.resolve(UNKNOWN).registered is False  # the failure was not cached
    again.close()


def test_bibliographic_query(registry, standin) -> None:
    records, error = registry.query("Hancock, Libman Eurasia", "hancock")
    assert error is None and len(records) == 4  # the non-object item is skipped
    (params,) = standin.queries
    assert params["query.bibliographic"] == ["Hancock, Libman Eurasia"]
    assert params["query.author"] == ["hancock"] and params["rows"] == ["5"]


def test_query_failure_is_an_error_not_an_empty_answer(standin, make_client) -> None:
    standin.faults[("query", "")] = "malformed"
    records, error = Registry(make_client(), standin.settings()).query("x")
    assert records == [] and "malformed" in error


def test_settings_are_checked() -> None:
    with pytest.raises(ValueError):
        RegistrySettings(doi_base="ftp://doi.org")
    with pytest.raises(ValueError):
        RegistrySettings.from_dict({"doi_bsae": "https://doi.org"})
    assert RegistrySettings(crossref_base="https://api.crossref.org/").crossref_base.endswith(
        ".org"
    )
