"""Arbitrary input never crashes ingestion: it reads, or raises an InputError subclass."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citecheck.errors import InputError
from citecheck.ingest import load_bytes
from citecheck.ingest.markers import MarkerScanner
from citecheck.model import Document

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces real articles are made of, so the fuzzer reaches the interesting states.
PIECES = [
    "[1]", "[2]", "[^1]", "[^1]: ", "[i]", "(1)", "¹", "²", ".", " ", "\n", "\n\n", "---",
    "## Kaynakça", "Notlar", "Atıfta bulunmak için: ", "To cite this article:", "Blog No: 3",
    "16.12.2025", "A.g.e", "**", "*", "\\$", "<https://x.org/a>", "Yazar hakkında :", "©",
    "Kazakistan", "ABD", "Erişim Mayıs 19, 2026.", "\"T.\"", "SARICA, Berna. 2026. ",
    "<p>", "</p>", "<sup>", "</sup>", '<a href="#_ftn1">', "</a>",
    '<a name="_ftn1" href="#_ftnref1">',
    "<br>", "<hr>", "<h1>", "</h1>", "<li>", '<ol class="footnotes">', "<html>", "<body>",
    "\ue000", "\ue001", "\ue002", "\ue004", "@article{k,", "title={x}", "}", "\x00", "\ufeff",
]  # fmt: skip
article_text = st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=60).map("".join)


def read(data: bytes, source: str) -> Document | None:
    try:
        return load_bytes(data, source=source)
    except InputError:
        return None


@FUZZ
@given(st.binary(max_size=2000))
def test_arbitrary_bytes(data: bytes) -> None:
    read(data, "fuzz.bin")


@FUZZ
@given(article_text)
def test_article_like_text(text: str) -> None:
    doc = read(text.encode("utf-8", errors="replace"), "fuzz.md")
    if doc is not None:
        for p in doc.paragraphs:
            for m in p.markers:
                assert 0 <= m.offset <= len(p.text)


@FUZZ
@given(article_text)
def test_article_like_html(text: str) -> None:
    read(f"<html><body>{text}</body></html>".encode(), "https://avim.org.tr/tr/Yorum/X")
    read(text.encode(), "fuzz.html")


@FUZZ
@given(article_text, st.sampled_from(["x.bib", "x.txt", "x.docx", "https://e.org/a"]))
def test_any_name(text: str, source: str) -> None:
    read(text.encode(), source)


@FUZZ
@given(st.text(max_size=300), st.lists(st.sampled_from(["1", "2", "3", "iv", "x"]), max_size=4))
def test_marker_offsets_stay_inside_the_text(text: str, labels: list[str]) -> None:
    scanner = MarkerScanner(labels={label: i for i, label in enumerate(labels, start=1)})
    clean, markers = scanner.scan(text, 0)
    assert all(0 <= m.offset <= len(clean) for m in markers)
    assert len(clean) <= len(text)


# Long runs of one construct once made regexes quadratic (minutes for 200 KB). These
# finish in well under a second when linear; a regression shows as a test timeout.
PATHOLOGICAL = {
    "stars": "*a " * 20000,
    "strong": "**a " * 20000,
    "brackets": "[1" * 20000,
    "links": "[a](" * 20000,
    "angle_urls": "<https://" * 20000,
    "superscripts": "¹" * 40000,
    "cite_quotes": "Atıfta bulunmak için: " + '"a ' * 20000,
    "sup_html": "<p>" + "a.<sup>1</sup>" * 10000 + "</p>",
    "long_ol": "<ol class='footnotes'>" + "<li>n" * 10000,
    "anchors": "<p>" + "<a href='#_ftn1'>[1]</a>" * 10000,
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_inputs_are_read(name: str) -> None:
    doc = read(PATHOLOGICAL[name].encode(), f"{name}.txt")
    assert doc is not None
