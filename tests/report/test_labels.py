"""Every vocabulary value has a plain label in English and Turkish."""

from __future__ import annotations

import pytest

from citecheck.codes import FindingCode, LinkStatus, Severity
from citecheck.report.labels import LABELS, LANGS, label, language_name, report_language
from citecheck.report.summary import NOT_VERIFIED, Category
from citecheck.verify.model import VerdictLabel

KEYS = (
    [f"link.{s.value}" for s in LinkStatus]
    + [f"verdict.{v.value}" for v in VerdictLabel]
    + [f"verdict.{NOT_VERIFIED}"]
    + [f"category.{c.value}" for c in Category]
    + [f"severity.{s.value}" for s in Severity]
    + [f"finding.{c.value}" for c in FindingCode]
    + [f"status.{s}" for s in ("pass", "warn", "fail")]
    + [f"level.{s}" for s in ("fail", "warn", "ok")]
)


@pytest.mark.parametrize("lang", LANGS)
def test_every_vocabulary_value_has_a_label(lang):
    missing = [k for k in KEYS if not LABELS[lang].get(k, "").strip()]
    assert missing == []


def test_both_languages_have_the_same_keys():
    assert set(LABELS["en"]) == set(LABELS["tr"])


def test_turkish_labels_are_turkish():
    # a forgotten translation shows as the English text
    same = [k for k in LABELS["en"] if LABELS["en"][k] == LABELS["tr"][k]]
    assert set(same) <= {"section.identifiers"}, same


def test_labels_are_plain_words_not_codes():
    for lang in LANGS:
        for key, text in LABELS[lang].items():
            assert "_" not in text, (lang, key)
            assert text[:1] == text[:1].upper() or key.startswith(("doi.", "record.", "section."))


def test_fallbacks():
    assert label("link.broken", "tr") == "Bağlantı çalışmıyor (sayfa bulunamadı)"
    assert label("link.broken", "de") == label("link.broken", "en")
    assert label("finding.code_from_the_future", "tr") == "code_from_the_future"
    assert report_language("tr-TR") == "tr" and report_language(None) == "en"
    assert language_name("en", "tr") == "İngilizce"
    assert language_name("de-AT", "en") == "German"
    assert language_name("xx", "en") == "xx"
    assert language_name(None, "tr") == "dili bilinmiyor"
