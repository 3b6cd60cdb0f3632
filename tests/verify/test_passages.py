"""Passages: sentences and two-sentence windows with offsets into the source text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.verify.passages import Passage, make_passages, source_meta
from citecheck.web.extract import SourceText

TEXTS = {
    "tr": "Kazakistan, dünya uranyum üretiminin yaklaşık %40'ını karşılamaktadır. "
    "Prof. Dr. Ahmet Yılmaz'a göre bu oran 2030'a kadar artabilir. Ülke ayrıca bakır üretir.",
    "en": "Kazakhstan is the largest producer. It supplies a quarter of U.S. imports. "
    "Kazatomprom is the state company.",
    "de": "China kontrolliert etwa 90 % der Verarbeitung. Am 6. November 2025 trafen sich "
    "die Staatschefs. Die Region braucht Investitionen.",
    "ru": "Казахстан обеспечивает около 40 процентов добычи урана. В 2015 г. был создан "
    "формат C5+1. Встреча прошла в Вашингтоне.",
}


def test_offsets_and_windows_in_four_languages() -> None:
    for lang, text in TEXTS.items():
        passages = make_passages((text, lang))
        sentences = [p for p in passages if not p.is_window]
        windows = [p for p in passages if p.is_window]
        assert len(sentences) == 3, (lang, [p.text for p in sentences])
        assert len(windows) == 2
        for i, p in enumerate(passages):
            assert p.index == i and p.lang == lang
            assert text[p.start : p.end] == p.text
        # order: sentence i, then the window starting at i
        assert [p.is_window for p in passages] == [False, True, False, True, False]
        assert windows[0].start == sentences[0].start and windows[0].end == sentences[1].end


def test_source_text_input() -> None:
    src = SourceText(url="u", text=TEXTS["en"], language="en")
    assert make_passages(src) == make_passages((TEXTS["en"], "en"))


def test_windows_stop_at_paragraphs_and_headings() -> None:
    text = (
        "Energy cooperation\n"
        "Türkiye acts as an energy bridge. Pipelines carry gas west.\n\n"
        "A new paragraph starts here. It ends here."
    )
    passages = make_passages((text, "en"))
    windows = [p.text for p in passages if p.is_window]
    assert [p.text for p in passages if p.heading] == ["Energy cooperation"]
    assert windows == [
        "Türkiye acts as an energy bridge. Pipelines carry gas west.",
        "A new paragraph starts here. It ends here.",
    ]


def test_empty_and_single_window() -> None:
    assert make_passages(("", "en")) == []
    assert make_passages(("   \n ", "tr")) == []
    one = make_passages(("Only one sentence here.", "en"))
    assert one == [Passage("Only one sentence here.", 0, 23, "en", 0, 0, 0)]
    assert all(not p.is_window for p in make_passages((TEXTS["tr"], "tr"), window=1))


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text(max_size=600), st.sampled_from(["tr", "en", "de", "ru", None]))
def test_arbitrary_text(text: str, lang: str | None) -> None:
    passages = make_passages((text, lang))
    for p in passages:
        assert text[p.start : p.end] == p.text and p.text.strip()
        assert p.first <= p.last <= p.first + 1
    covered = "".join(p.text for p in passages if not p.is_window)
    assert "".join(covered.split()) == "".join(text.split())


def test_source_meta_for_the_judge() -> None:
    ok = SourceText(url="u", text="Some text.", title="T", language="en", published="2025-11-06")
    meta = source_meta(ok)
    assert (meta.url, meta.lang, meta.published, meta.title, meta.unavailable) == (
        "u", "en", "2025-11-06", "T", None,
    )  # fmt: skip
    walled = SourceText(url="u", text="", problems=["bot_wall: a Cloudflare page stands in front"])
    assert source_meta(walled).unavailable == "a Cloudflare page stands in front"
    assert (
        source_meta(SourceText(url="u", text="")).unavailable == "the source has no readable text"
    )
