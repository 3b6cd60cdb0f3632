"""Document metadata shared by the readers: titles, authors, language, kind from a URL."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

from citecheck.ingest.furniture import KIND_WORDS
from citecheck.notes.dates import fold, parse_date

# --- titles -----------------------------------------------------------------

# AVİM appends the date to blog titles ("… YANSIMALARI - 16.12.2025") and the site
# name to <title> ("… | AVİM", "… - Avrasya İncelemeleri Merkezi").
_TITLE_DATE_SUFFIX = re.compile(r"\s*[-–—|]\s*\d{1,2}[./]\d{1,2}[./]\d{4}\s*$")
_SITE_SUFFIX = re.compile(
    r"\s*[-–—|:]\s*(?:AVİM|AVIM|Avrasya İncelemeleri Merkezi|Center for Eurasian Studies|"
    r"AVİM Bülten|Avim Bülten)(?:\s*\((?:AVİM|AVIM)\))?\s*$",
    re.IGNORECASE,
)


def clean_title(title: str | None) -> str | None:
    if not title:
        return None
    title = re.sub(r"\s+", " ", title).strip()
    for _ in range(2):  # "TITLE - 16.12.2025 | AVİM"
        title = _SITE_SUFFIX.sub("", title)
        title = _TITLE_DATE_SUFFIX.sub("", title)
    return title.strip(" -–—|") or None


# --- authors ----------------------------------------------------------------

_NAME_WORD = r"[A-ZÇĞİÖŞÜÂÎÛ][\w'’.-]*"
# "Berna SARICA", "Dr. Alev KILIÇ", "Prof. Dr. Ömer Engin LÜTEM" — 2-5 capitalised words.
_NAME = re.compile(
    rf"^(?:(?:Prof|Doç|Dr|Yrd|Assoc|Asst|Amb|Büyükelçi|Em)\.?\s+)*{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,4}}$"
)
_AUTHOR_MARK = re.compile(r"\s*(?:\(\s*\\?\*+\s*\)|\\?\*+)\s*$")


def author_name(line: str) -> str | None:
    """The author's name when a header line is just a name ("Berna SARICA(*)")."""
    line = _AUTHOR_MARK.sub("", line.strip()).strip(" ,")
    if len(line) > 60 or not _NAME.match(line):
        return None
    # A given name is written in lower case after its capital ("Berna SARICA"); a line
    # all in capitals is a title or a section line, not a name.
    if not any(c.islower() for c in line):
        return None
    return line


def split_authors(value: str) -> list[str]:
    """ "Alev KILIÇ, Berna SARICA" / "A ve B" / "A and B" -> names."""
    names = re.split(r"\s*(?:,|;|&|\bve\b|\band\b|\bund\b)\s*", value)
    return [n for n in (_AUTHOR_MARK.sub("", x).strip() for x in names) if n]


# --- dates ------------------------------------------------------------------


def iso_date(text: str | None) -> str | None:
    """ISO date of a header/meta date ("16.12.2025", "2025-12-16T10:00:00+03:00")."""
    if not text:
        return None
    text = re.sub(r"^\s*(?:tarih|date)\s*:\s*", "", text, flags=re.IGNORECASE)
    m = re.match(r"\s*(\d{4}-\d{2}-\d{2})[T ]", text)
    return parse_date(m[1] if m else text)


# --- kind, site and language from a URL ---------------------------------------

_URL_SECTIONS = {
    **KIND_WORDS,
    "analizler": "analysis",
    "yorumlar": "commentary",
    "commentaries": "commentary",
    "raporlar": "report",
    "reports": "report",
    "bloglar": "blog",
}


def kind_from_url(url: str | None) -> str | None:
    """blog/analysis/commentary/report/journal from the section of an AVİM-style URL."""
    if not url:
        return None
    for segment in urlsplit(url).path.split("/"):
        kind = _URL_SECTIONS.get(fold(segment.split("-")[0]))
        if kind and kind not in ("article",):
            return kind
    return None


def site_of(url: str | None) -> str | None:
    if not url or "://" not in url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def language_from_url(url: str | None) -> str | None:
    if not url:
        return None
    m = re.search(r"/(tr|en|de|ru|fr)(?:/|$)", urlsplit(url).path)
    return m[1] if m else None


# --- language ---------------------------------------------------------------

_STOPWORD_TEXT = {
    "tr": "ve bir bu ile için da de olarak daha çok gibi ise en olan ancak kadar sonra "
    "değil ya her ki mi ne şekilde üzere arasında tarafından yönelik",
    "en": "the and of to in is that for with as on by was are this from it be which an "
    "or has have at its not but were",
    "de": "der die das und ist nicht mit den von zu sich des auf für im dem ein eine "
    "auch als wird bei aus nach wie",
    "ru": "и в на не что с по как это из для к о от за",
}
_STOPWORDS = {lang: frozenset(words.split()) for lang, words in _STOPWORD_TEXT.items()}
# Characters only one of the languages uses.
_TR_CHARS = set("ğışİĞŞ")
_DE_CHARS = set("äßÄ")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
# A few paragraphs decide the language as well as the whole text does.
LANGUAGE_SAMPLE = 5000
# At least this many stopword hits before a language is named; fewer is a guess.
MIN_LANGUAGE_EVIDENCE = 3


def detect_language(text: str) -> str | None:
    """tr/en/de/ru from letters and stopwords of a (long enough) text, else None."""
    sample = text[:LANGUAGE_SAMPLE]
    if len(_CYRILLIC.findall(sample)) > len(sample) / 4:
        return "ru"
    words = Counter(re.findall(r"[^\W\d_]+", sample.lower()))
    scores = {
        lang: sum(count for word, count in words.items() if word in stops)
        for lang, stops in _STOPWORDS.items()
    }
    scores["tr"] += 2 * sum(sample.count(c) for c in _TR_CHARS)
    scores["de"] += 2 * sum(sample.count(c) for c in _DE_CHARS)
    lang, best = max(scores.items(), key=lambda kv: kv[1])
    return lang if best >= MIN_LANGUAGE_EVIDENCE else None


def normalize_language(value: str | None) -> str | None:
    """ "tr-TR" -> "tr", "Türkçe" -> "tr", "English" -> "en"."""
    if not value:
        return None
    key = fold(value.strip()).replace("_", "-")
    names = {
        "turkce": "tr",
        "turkish": "tr",
        "english": "en",
        "ingilizce": "en",
        "deutsch": "de",
        "german": "de",
        "russian": "ru",
        "rusca": "ru",
    }
    if key in names:
        return names[key]
    code = key.split("-")[0]
    return code if re.fullmatch(r"[a-z]{2}", code) else None
