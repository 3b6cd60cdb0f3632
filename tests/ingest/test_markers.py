"""Marker forms of conventions.md, one by one, and the look-alikes that are not markers."""

from __future__ import annotations

import pytest

from citecheck.ingest.markers import MarkerScanner, label_number, roman_value, token


def scan(text: str, notes: list[str] | None = None, last: int = 0):
    labels = {label: label_number(label) or i for i, label in enumerate(notes or [], start=1)}
    scanner = MarkerScanner(labels=labels, last=last)
    return scanner.scan(text, 0)


def found(text: str, notes: list[str] | None = None, last: int = 0) -> list[tuple[int, str]]:
    clean, markers = scan(text, notes, last)
    return [(m.number, clean[: m.offset]) for m in markers]


NOTES_1_20 = [str(i) for i in range(1, 21)]


@pytest.mark.parametrize(
    ("text", "clean", "number", "before"),
    [
        ("…bölgedir.[1] Sonra", "…bölgedir. Sonra", 1, "…bölgedir."),
        ("…çevirmiştir[5]. Orta", "…çevirmiştir. Orta", 5, "…çevirmiştir"),
        ("…gelmiştir [11]. Daha", "…gelmiştir. Daha", 11, "…gelmiştir"),
        ("…Czechia)[1] form…", "…Czechia) form…", 1, "…Czechia)"),
        ("…ELEMENTLERİ”[1]", "…ELEMENTLERİ”", 1, "…ELEMENTLERİ”"),
        ("tablonun[2] 15 yıllık", "tablonun 15 yıllık", 2, "tablonun"),
        ("word [3] next", "word next", 3, "word"),
        ("[1] opens the paragraph", "opens the paragraph", 1, ""),
        ("çıkartılmış(1) ve", "çıkartılmış ve", 1, "çıkartılmış"),
        ("edilmiştir.(2) Sonra", "edilmiştir. Sonra", 2, "edilmiştir."),
        ("the end.¹² Next", "the end. Next", 12, "the end."),
        ("pandoc style.[^3] Next", "pandoc style. Next", 3, "pandoc style."),
        (f"from a reader.{token('4')} Next", "from a reader. Next", 4, "from a reader."),
    ],
)
def test_marker_forms(text: str, clean: str, number: int, before: str) -> None:
    result, markers = scan(text, NOTES_1_20)
    assert result == clean
    assert [m.number for m in markers] == [number]
    assert result[: markers[0].offset] == before


def test_several_markers_in_one_sentence_keep_order_and_offsets() -> None:
    clean, markers = scan("A[1] b [2] c.[3][4] d", NOTES_1_20)
    assert clean == "A b c. d"
    assert [(m.number, m.offset) for m in markers] == [(1, 1), (2, 3), (3, 6), (4, 6)]


def test_roman_markers_need_roman_notes_or_the_sequence() -> None:
    assert found("first.[i] second.[ii]", ["i", "ii"]) == [(1, "first."), (2, "first. second.")]
    assert found("first.[i]") == [(1, "first.")]  # no notes block: fits the sequence
    assert found("see [v] here", ["1", "2"]) == []  # arabic notes: [v] is editorial


def test_bare_pdf_digits_only_when_they_are_the_next_note() -> None:
    assert found("Fatih Sultan Mehmet idi.1 1475 yılında", ["1", "2"]) == [
        (1, "Fatih Sultan Mehmet idi.")
    ]
    assert found("Fatih Sultan Mehmet idi.7 1475 yılında", NOTES_1_20) == []  # expected 1
    assert found("Fatih Sultan Mehmet idi.1 1475 yılında") == []  # no notes block: no evidence
    assert found("it rose 3.5 percent", NOTES_1_20) == []


@pytest.mark.parametrize(
    "text",
    [
        "Kürt [Doğu Türkiye] bölgesi",
        "alıntı […] devam",
        "Alberto [ ] C5+1 Summit",
        "2. Çok Taraflı İlişkiler",
        "6. maddesi",
        "Enerji Politikaları 3(2), 45-68",
        "bir çalışma (2016) gösterdi",
        "Berna SARICA(*) ve Alev KILIÇ*",
        "(\\*) Ankara Üniversitesi",
        "alan 2,000 km² idi",
        "bkz. s. 12 ve 13",
    ],
)
def test_not_markers(text: str) -> None:
    clean, markers = scan(text, NOTES_1_20)
    assert markers == []
    assert clean == text


def test_parenthesised_digits_need_a_known_note() -> None:
    assert found("çıkartılmış(4) ve", ["1", "2"]) == []
    assert found("çıkartılmış(1) ve") == [(1, "çıkartılmış")]  # the next number, no notes block
    assert found("yıl(1998) ve", NOTES_1_20) == []


def test_labels_and_roman_values() -> None:
    assert [roman_value(x) for x in ("i", "iv", "ix", "xiv", "xx", "")] == [1, 4, 9, 14, 20, None]
    assert label_number("¹²") == 12
    assert label_number("[7]") == 7
    assert label_number("0") is None
    assert label_number("note") is None
