"""URLs and DOIs in note text: brackets, Markdown, trailing punctuation, resolvers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.notes.identifiers import find_dois, find_urls, normalize_doi


def urls(text: str) -> list[str]:
    return [u for u, _, _ in find_urls(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # angle brackets as in the AVİM text export
        (
            "IEA, <https://www.iea.org/topics/critical-minerals>.",
            ["https://www.iea.org/topics/critical-minerals"],
        ),
        # bare, followed by sentence punctuation
        ("see https://example.org/a/b.", ["https://example.org/a/b"]),
        ("see https://example.org/a/b;", ["https://example.org/a/b"]),
        ("see https://example.org/a/b:", ["https://example.org/a/b"]),
        ("(https://example.org/a)", ["https://example.org/a"]),
        ("[https://example.org/a]", ["https://example.org/a"]),
        ("“https://example.org/a”", ["https://example.org/a"]),
        ('"https://example.org/a",', ["https://example.org/a"]),
        # balanced parentheses belong to the URL
        (
            "(see https://en.wikipedia.org/wiki/Tenge_(currency)).",
            ["https://en.wikipedia.org/wiki/Tenge_(currency)"],
        ),
        # Markdown link; escaped underscores
        ("[AVİM](https://avim.org.tr/tr/Analiz/a\\_b)", ["https://avim.org.tr/tr/Analiz/a_b"]),
        ("[https://a.org](https://a.org/x)", ["https://a.org", "https://a.org/x"]),
        # www. without scheme gets http://
        ("www.avim.org.tr", ["http://www.avim.org.tr"]),
        # Turkish case suffix after an apostrophe is not part of the link
        ("www.avim.org.tr'de yayımlandı", ["http://www.avim.org.tr"]),
        ("https://www.iea.org’dan alınmıştır", ["https://www.iea.org"]),
        # query strings and fragments stay
        ("https://x.org/p?a=1&b=2#frag.", ["https://x.org/p?a=1&b=2#frag"]),
        ("HTTP://EXAMPLE.ORG/A", ["HTTP://EXAMPLE.ORG/A"]),
        (
            "http://127.0.0.1:8080/x and http://localhost/y",
            ["http://127.0.0.1:8080/x", "http://localhost/y"],
        ),
        # not URLs
        ("info@avim.org.tr", []),
        ("https:// broken", []),
        ("http://nohost", []),
        ("no links here", []),
    ],
)
def test_find_urls(text: str, expected: list[str]) -> None:
    assert urls(text) == expected


def test_url_spans_cover_text_as_written() -> None:
    text = "Gaur, <https://doi.org/10.5281/zenodo.7827403>. Next [t](https://a.org/x\\_y)."
    found = find_urls(text)
    assert [text[s:e] for _, s, e in found] == [
        "https://doi.org/10.5281/zenodo.7827403",
        "https://a.org/x\\_y",
    ]


def test_several_urls_in_order() -> None:
    text = "A, https://a.org/1; B, <https://b.org/2>; C www.c.org/3."
    assert urls(text) == ["https://a.org/1", "https://b.org/2", "http://www.c.org/3"]


@pytest.mark.parametrize(
    ("text", "doi", "written"),
    [
        (
            "<https://doi.org/10.5281/zenodo.7827403>.",
            "10.5281/zenodo.7827403",
            "https://doi.org/10.5281/zenodo.7827403",
        ),
        ("http://dx.doi.org/10.1000/182.", "10.1000/182", "http://dx.doi.org/10.1000/182"),
        ("doi:10.1000/182.", "10.1000/182", "doi:10.1000/182"),
        ("DOI: 10.1080/ABC.2020.1;", "10.1080/abc.2020.1", "DOI: 10.1080/ABC.2020.1"),
        (
            "(2002): 69, 10.1016/0002-9343(82)90000-0.",
            "10.1016/0002-9343(82)90000-0",
            "10.1016/0002-9343(82)90000-0",
        ),
        ("https://doi.org/10.1000%2F183", "10.1000/183", "https://doi.org/10.1000%2F183"),
        ("doi:10.1000/a\\_b", "10.1000/a_b", "doi:10.1000/a\\_b"),
    ],
)
def test_find_dois(text: str, doi: str, written: str) -> None:
    found = find_dois(text)
    assert len(found) == 1
    value, start, end = found[0]
    assert value == doi
    assert text[start:end] == written


def test_doi_inside_publisher_url_is_not_the_identifier() -> None:
    assert find_dois("https://www.tandfonline.com/doi/full/10.1080/1234.5678") == []


def test_no_dois() -> None:
    assert find_dois("s. 10.12, 10.5/abc, version 10.1") == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://doi.org/10.5281/ZENODO.7827403", "10.5281/zenodo.7827403"),
        ("http://dx.doi.org/10.1000/182", "10.1000/182"),
        ("doi.org/10.1000/182", "10.1000/182"),
        ("doi:10.1000/182.", "10.1000/182"),
        ("DOI 10.1000/182", "10.1000/182"),
        ("info:doi/10.1000/182", "10.1000/182"),
        (" 10.1000/a%2Fb ", "10.1000/a/b"),
        ("hello", None),
        ("10.12/abc", None),
        ("https://example.org/10.1000/182", None),
        ("", None),
    ],
)
def test_normalize_doi(value: str, expected: str | None) -> None:
    assert normalize_doi(value) == expected


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_arbitrary_text_never_crashes(text: str) -> None:
    for _, start, end in find_urls(text) + find_dois(text):
        assert 0 <= start < end <= len(text)
    normalize_doi(text)


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.characters(codec="ascii", categories=["L", "N", "P", "S", "Z"]),
        max_size=60,
    )
)
def test_url_like_text_never_crashes(tail: str) -> None:
    text = "see https://" + tail + " and doi:10.1234/" + tail
    for _, start, end in find_urls(text) + find_dois(text):
        assert 0 <= start < end <= len(text)
