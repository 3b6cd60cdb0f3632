"""Registry JSON (CSL, Crossref, DataCite) to WorkRecord; bad JSON never crashes."""

from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citecheck.identify.records import (
    RecordError,
    from_crossref,
    from_crossref_items,
    from_csl,
    from_datacite,
    update_type,
)
from tests.conftest import FIXTURES

REGISTRY = FIXTURES / "registry"


def load(name: str) -> object:
    return json.loads((REGISTRY / name).read_text(encoding="utf-8"))


def test_datacite_zenodo_record() -> None:
    r = from_datacite(load("datacite-zenodo-7827403.json"))
    assert (r.source, r.agency, r.doi) == ("datacite", "datacite", "10.5281/zenodo.7827403")
    assert r.title == "Renewed Western Interest in Central Asia"
    assert r.authors == ["Gaur, Punit"] and r.date == "2023-04-14" and r.year == 2023
    assert (r.container, r.volume, r.issue, r.pages) == (
        "Social Evolution and History",
        "12",
        "2",
        "769-782",
    )
    assert r.kind == "journal_article" and r.publisher == "Zenodo"
    assert r.updates == []  # IsVersionOf is not a notice


def test_csl_record_of_content_negotiation() -> None:
    r = from_csl(load("csl-zenodo-7827403.json"))
    assert r.source == "doi.org" and r.doi == "10.5281/zenodo.7827403"
    assert r.pages is None and r.agency is None  # DataCite's CSL names no source
    crossref_csl = from_csl(load("csl-crossref-other-title.json"))
    assert crossref_csl.agency == "crossref" and crossref_csl.date == "2021-09"
    assert crossref_csl.authors == ["Karimova, Dilnoza", "Hansen, Peter"]


def test_crossref_work_with_retraction_and_correction() -> None:
    r = from_crossref(load("crossref-work-retracted.json"))
    assert r.title == "Uranium Exports and the Kazakh State: A Rentier Reading"  # <i> removed
    assert r.date == "2019-03"
    by_type = {u["type"]: u for u in r.updates}
    assert by_type["retraction"] == {
        "type": "retraction",
        "doi": "10.5555/cas.2022.0099",
        "date": "2022-05-10",
        "label": "Retraction",
        "relation": "updated-by",
        "source": "retraction-watch",
    }
    assert by_type["correction"]["doi"] == "10.5555/cas.2020.0011"
    # the relation "is-retracted-by" names the same notice: not listed twice
    assert [u["type"] for u in r.updates].count("retraction") == 1


def test_crossref_notice_points_at_the_work_it_retracts() -> None:
    r = from_crossref(load("crossref-notice.json"))
    (u,) = r.updates
    assert u["relation"] == "update-to" and u["doi"] == "10.5555/cas.2019.0007"


def test_datacite_related_identifiers_retraction() -> None:
    data = load("datacite-zenodo-7827403.json")
    data["data"]["attributes"]["relatedIdentifiers"].append(
        {
            "relationType": "IsRetractedBy",
            "relatedIdentifier": "10.5281/zenodo.9",
            "relatedIdentifierType": "DOI",
        }
    )
    (u,) = from_datacite(data).updates
    assert (u["type"], u["relation"], u["doi"]) == ("retraction", "updated-by", "10.5281/zenodo.9")


def test_query_items_skip_what_is_not_a_work() -> None:
    items = from_crossref_items(load("crossref-query-eurasia.json"))
    assert len(items) == 4 and items[1].authors == ["Hancock, Kathleen J.", "Libman, Alexander"]
    assert items[3].doi is None  # a candidate without a DOI is kept, never suggested


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("retraction", "retraction"),
        ("IsRetractedBy", "retraction"),
        ("partial_retraction", "retraction"),
        ("withdrawal", "withdrawal"),
        ("corrigendum", "correction"),
        ("erratum", "correction"),
        ("expression_of_concern", "expression_of_concern"),
        ("new_version", None),
        (None, None),
    ],
)
def test_update_types(name, kind) -> None:  # type: ignore[no-untyped-def]
    assert update_type(name) == kind


@pytest.mark.parametrize(
    "data", [None, [], "x", 3, {"errors": [{"status": "404"}]}, {"message": "Resource not found."}]
)
def test_not_a_record_is_a_record_error(data: object) -> None:
    for reader in (from_csl, from_crossref, from_datacite):
        with pytest.raises(RecordError):
            reader(data)
    with pytest.raises(RecordError):
        from_crossref_items(data)


JSONS = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "title",
                    "author",
                    "DOI",
                    "issued",
                    "date-parts",
                    "message",
                    "data",
                    "attributes",
                    "titles",
                    "creators",
                    "container",
                    "updated-by",
                    "update-to",
                    "relation",
                    "items",
                    "relatedIdentifiers",
                    "dates",
                    "page",
                    "family",
                    "name",
                    "type",
                    "publisher",
                ]
            ),
            inner,
            max_size=6,
        )
    ),
    max_leaves=30,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(JSONS)
def test_arbitrary_json_never_crashes(data: object) -> None:
    for reader in (from_csl, from_crossref, from_datacite, from_crossref_items):
        with contextlib.suppress(RecordError):
            reader(data)
