"""A short text is still a source when it is a sentence (extract.MIN_TEXT_WORDS)."""

from __future__ import annotations

from citecheck.web.extract import extract_source


def test_a_one_sentence_excerpt_is_read() -> None:
    body = b"Kazakhstan produces about 40 percent of the world's uranium, the agency said."
    src = extract_source(body, "text/plain", "file:///excerpt.txt")
    assert src.text.startswith("Kazakhstan") and not src.problems


def test_a_few_words_are_no_source() -> None:
    src = extract_source(b"Loading ...", "text/plain", "file:///x.txt")
    assert src.text == "" and src.problems
    html = (
        b"<html><body><p>Kazakhstan produces about 40 percent of the world's uranium.</p>"
        b"</body></html>"
    )
    assert extract_source(html, "text/html", "https://example.test/").text
