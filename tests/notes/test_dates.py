"""Dates in Turkish, English and German; access-date phrases (conventions.md)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.notes.dates import (
    date_at,
    find_access_date,
    find_dates,
    fold,
    month_number,
    parse_date,
)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("6 Kasım 2025", "2025-11-06"),
        ("6 November 2025", "2025-11-06"),
        ("November 6, 2025", "2025-11-06"),
        ("6. November 2025", "2025-11-06"),
        ("Mayıs 19, 2026", "2026-05-19"),
        ("24.04.2020", "2020-04-24"),
        ("2009-02-13", "2009-02-13"),
        ("16.12.2025", "2025-12-16"),
        ("Kasım 2025", "2025-11"),
        ("2025", "2025"),
        ("2025-11", "2025-11"),
        ("2025-11-06T10:00:00Z", "2025-11-06"),
        ("Nov. 6, 2025", "2025-11-06"),
        ("6th of November 2025", "2025-11-06"),
        ("3 Sept. 2024", "2024-09-03"),
        ("(6 Kasım 2025).", "2025-11-06"),
        # US order only when the middle number cannot be a month
        ("11/26/2025", "2025-11-26"),
        ("06/11/2025", "2025-11-06"),
        ("24-04-2020", "2020-04-24"),
    ],
)
def test_parse_date_forms(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        # Turkish full names, any case, dotted/dotless i, ASCII-folded spellings
        ("1 Ocak 2020", "2020-01-01"),
        ("1 ŞUBAT 2020", "2020-02-01"),
        ("1 Subat 2020", "2020-02-01"),
        ("1 Mart 2020", "2020-03-01"),
        ("1 Nisan 2020", "2020-04-01"),
        ("1 Mayis 2020", "2020-05-01"),
        ("1 MAYIS 2020", "2020-05-01"),
        ("1 Haziran 2020", "2020-06-01"),
        ("1 Temmuz 2020", "2020-07-01"),
        ("1 Agustos 2020", "2020-08-01"),
        ("1 AĞUSTOS 2020", "2020-08-01"),
        ("1 Eylul 2020", "2020-09-01"),
        ("1 EYLÜL 2020", "2020-09-01"),
        ("1 Ekim 2020", "2020-10-01"),
        ("1 Kasim 2020", "2020-11-01"),
        ("1 KASIM 2020", "2020-11-01"),
        ("1 kasım 2020", "2020-11-01"),
        ("1 Aralik 2020", "2020-12-01"),
        ("1 ARALIK 2020", "2020-12-01"),
        ("1 ARALİK 2020", "2020-12-01"),
        # Turkish three-letter forms
        ("5 Oca 2021", "2021-01-05"),
        ("5 Şub 2021", "2021-02-05"),
        ("5 Mar 2021", "2021-03-05"),
        ("5 Nis 2021", "2021-04-05"),
        ("5 May 2021", "2021-05-05"),
        ("5 Haz 2021", "2021-06-05"),
        ("5 Tem 2021", "2021-07-05"),
        ("5 Ağu 2021", "2021-08-05"),
        ("5 Eyl 2021", "2021-09-05"),
        ("5 Eki 2021", "2021-10-05"),
        ("5 Kas 2021", "2021-11-05"),
        ("5 Ara 2021", "2021-12-05"),
        # German
        ("3. Januar 2021", "2021-01-03"),
        ("3. Jänner 2021", "2021-01-03"),
        ("3. Februar 2021", "2021-02-03"),
        ("3. März 2021", "2021-03-03"),
        ("3. Maerz 2021", "2021-03-03"),
        ("3. Mai 2021", "2021-05-03"),
        ("3. Juni 2021", "2021-06-03"),
        ("3. Juli 2021", "2021-07-03"),
        ("3. Oktober 2021", "2021-10-03"),
        ("3. Dezember 2021", "2021-12-03"),
        # English
        ("January 3, 2021", "2021-01-03"),
        ("Feb 3, 2021", "2021-02-03"),
        ("3 August 2021", "2021-08-03"),
        # Russian prepositional: "в январе 2020 года"
        ("январе 2020", "2020-01"),
        ("мае 2024", "2024-05"),
    ],
)
def test_month_names(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    "text",
    ["31.02.2020", "30 Şubat 2021", "29.02.2023", "32 Ocak 2020", "13.13.2020", "0.1.2020"],
)
def test_impossible_dates_rejected(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize(
    "text", ["", "hello", "Critical Minerals", "6 Kasım", "s. 30-33", "Sayı 87", "0999"]
)
def test_not_dates(text: str) -> None:
    assert parse_date(text) is None


def test_parse_date_leap_day() -> None:
    assert parse_date("29.02.2024") == "2024-02-29"


def test_fold_merges_turkish_i_and_accents() -> None:
    assert fold("KASIM") == fold("Kasım") == fold("kasim") == "kasim"
    assert fold("İSTANBUL") == "istanbul"
    assert month_number("Ağu.") == 8
    assert month_number("Banana") is None


def test_find_dates_prefers_most_specific_and_never_overlaps() -> None:
    text = "E.T 26 Kasım 2025; 1991de bağımsızlık; Kasım 2025 raporu; 24.04.2020."
    found = find_dates(text)
    assert [iso for iso, _, _ in found] == ["2025-11-26", "1991", "2025-11", "2020-04-24"]
    for iso, start, end in found:
        assert parse_date(text[start:end]) == iso
    spans = [(s, e) for _, s, e in found]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


def test_find_dates_skips_numbers_that_are_not_years() -> None:
    assert find_dates("769–782, 12, no. 2, 1,1 milyar, 25 billion") == []


def test_date_at_min_precision() -> None:
    assert date_at("x 2025 y", 2) == ("2025", 6)
    assert date_at("x 2025 y", 2, min_precision=2) is None


@pytest.mark.parametrize(
    ("phrase", "iso"),
    [
        ("E.T 26 Kasım 2025", "2025-11-26"),
        ("E.T. 12 Ekim 2024", "2024-10-12"),
        ("ET 26 Kasım 2025", "2025-11-26"),
        ("Erişim Tarihi: 24.04.2020", "2020-04-24"),
        ("(Erişim Tarihi:24.04.2020)", "2020-04-24"),
        ("Erişim tarihi: 2009-02-13", "2009-02-13"),
        ("Erisim Tarihi: 3 Mart 2024", "2024-03-03"),
        ("Erişim: 3 Mart 2024", "2024-03-03"),
        ("Erişim Mayıs 19, 2026", "2026-05-19"),
        ("Son erişim: 2 Ocak 2024", "2024-01-02"),
        ("Accessed 26 November 2025", "2025-11-26"),
        ("accessed March 3, 2024", "2024-03-03"),
        ("Last accessed on 3 March 2024", "2024-03-03"),
        ("[accessed 3 March 2024]", "2024-03-03"),
        ("Retrieved March 3, 2024", "2024-03-03"),
        ("abgerufen am 6. November 2025", "2025-11-06"),
        ("Zugriff: 06.11.2025", "2025-11-06"),
        ("Zugriff am 6. November 2025", "2025-11-06"),
    ],
)
def test_access_date_phrases(phrase: str, iso: str) -> None:
    text = f"Some Title, Site, {phrase}, <https://example.org/a>."
    found = find_access_date(text)
    assert found is not None
    got, start, end = found
    assert got == iso
    assert text[start:end] == phrase  # the whole phrase, cue and brackets included


@pytest.mark.parametrize(
    "text",
    [
        "Steven Spielberg, E.T. the Extra-Terrestrial (Universal, 1982).",
        "E.T. 1982 yapımı bir filmdir.",
        "Erişim adresi: https://example.org",
        "ET al. 2020",
        "Published 6 November 2025",
        "et 6 Kasım 2025",  # lower-case "et" is a word, not the cue
    ],
)
def test_not_access_dates(text: str) -> None:
    assert find_access_date(text) is None


def test_access_date_first_of_several() -> None:
    text = "A, Accessed 1 May 2020; B, Erişim: 2 Haziran 2021"
    assert find_access_date(text) == ("2020-05-01", 3, 22)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_arbitrary_text_never_crashes(text: str) -> None:
    iso = parse_date(text)
    assert iso is None or len(iso) in (4, 7, 10)
    for iso, start, end in find_dates(text):
        assert 0 <= start < end <= len(text)
        assert parse_date(text[start:end]) == iso
    acc = find_access_date(text)
    if acc is not None:
        assert 0 <= acc[1] < acc[2] <= len(text)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 28),
    st.integers(1, 12),
    st.integers(1900, 2099),
    st.sampled_from(["{d} {tm} {y}", "{d}.{m:02d}.{y}", "{y}-{m:02d}-{d:02d}", "{em} {d}, {y}"]),
)
def test_generated_dates_roundtrip(d: int, m: int, y: int, form: str) -> None:
    tr = ["Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos"]
    tr += ["Eylül", "Ekim", "Kasım", "Aralık"]
    en = ["January", "February", "March", "April", "May", "June", "July", "August"]
    en += ["September", "October", "November", "December"]
    text = form.format(d=d, m=m, y=y, tm=tr[m - 1], em=en[m - 1])
    assert parse_date(text) == f"{y:04d}-{m:02d}-{d:02d}"
    assert find_dates(f"önce {text} sonra") == [(f"{y:04d}-{m:02d}-{d:02d}", 5, 5 + len(text))]


@pytest.mark.parametrize(
    ("text", "iso"),
    [("6 ноября 2025", "2025-11-06"), ("1 мая 2024", "2024-05-01"), ("Май 2024", "2024-05")],
)
def test_russian_months(text: str, iso: str) -> None:
    assert parse_date(text) == iso


def test_russian_date_in_text() -> None:
    assert find_dates("Опубликовано 6 ноября 2025 г.") == [("2025-11-06", 13, 26)]
