"""The dateline of a plain-text source (web/dateline.py) and its use as the
source's publication date."""

from __future__ import annotations

import pytest

from citecheck.web.dateline import dateline
from citecheck.web.extract import extract_source

BODY = (
    "Ulaştırma ve Altyapı Bakanı, 2024 yılında Türkiye genelindeki havalimanlarında toplam "
    "yolcu trafiğinin bir önceki yıla göre yüzde 9,9 artarak 230 milyon yolcuyu aştığını "
    "açıkladı. "
) * 3


@pytest.mark.parametrize(
    ("head", "iso"),
    [
        ("BASIN AÇIKLAMASI\nDHMİ Genel Müdürlüğü\nAnkara, 9 Ocak 2025", "2025-01-09"),
        ("T.C. YÜKSEKÖĞRETİM KURULU\nBASIN BÜLTENİ\n\nTarih: 6 Kasım 2025\nSayı: 2025/118",
         "2025-11-06"),
        ("PRESS RELEASE\nAlmaty, Kazakhstan, 20 October 2025 - Kaspi.kz reports",
         "2025-10-20"),
        ("T.C. DIŞİŞLERİ BAKANLIĞI\nNo: 112, 15 Mayıs 2025, Moldova Başbakan Yardımcısı Hk.",
         "2025-05-15"),
        ("ANNUAL REPORT 2024\nPublished 27 March 2025 | Investor Relations", "2025-03-27"),
        ("Ташкент, 6 ноября 2025 года", "2025-11-06"),
        ("Berlin, 20. März 2023", "2023-03-20"),
        ("Istanbul, April 2025", "2025-04"),
    ],
)  # fmt: skip
def test_a_dateline_in_the_head_dates_the_text(head: str, iso: str) -> None:
    assert dateline(f"{head}\n\n{BODY}") == iso


@pytest.mark.parametrize(
    "head",
    [
        "KARADENİZ KORİDORLARI YILLIK DEĞERLENDİRMESİ 2024",  # a year is no dateline
        # a title's event with its case ending, not a dateline
        "23 Ekim 1921'de imzalanan Kars Antlaşması'nın yıl dönümünde yeni bir dönem",
        "[Transcribed from: Water and Power (London: Meridian Press, 2019), pp. 118-119]",
    ],
)
def test_no_dateline_without_a_date_set_apart(head: str) -> None:
    assert dateline(f"{head}\n\n{BODY}") is None


def test_a_date_in_the_body_is_no_dateline() -> None:
    # the head ends at the first long line: a date in the body dates an event
    assert dateline(f"Haber\n\n{BODY}\n\nAnkara, 9 Ocak 2025") is None


def test_a_text_source_carries_its_dateline_as_its_date() -> None:
    text = f"BASIN BÜLTENİ\nAnkara, 9 Ocak 2025\n\n{BODY}"
    src = extract_source(text.encode(), "text/plain", "file:///bulten.txt")
    assert src.published == "2025-01-09"
    src = extract_source(BODY.encode(), "text/plain", "file:///bulten.txt")
    assert src.published is None
