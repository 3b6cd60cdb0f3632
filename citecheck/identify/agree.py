"""Field agreement rules: when a cited title, author list, date or container is the
record's. Pure; used by compare.py (findings) and suggest.py (scoring).

Title: :func:`~citecheck.notes.similarity.title_similarity` (accent-, case- and
quote-insensitive; subtitles, ``[ ]`` holes and run-together fields tolerated)
at TITLE_MIN, and no content word swapped for another. Authors: surnames,
order-insensitive, ``Surname, Given`` and ``Given Surname`` alike. Dates: see
:func:`date_agrees`. Containers: ``The``, acronyms, ISO 4 abbreviations, domains.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone

from citecheck.ingest.meta import detect_language
from citecheck.model import WorkRecord
from citecheck.notes.similarity import (
    SURNAME_MIN,
    author_keys,
    fold,
    is_corporate,
    title_similarity,
)

__all__ = [
    "CONTAINER_MIN",
    "DEFAULT_RULES",
    "TITLE_MIN",
    "CompareRules",
    "container_agrees",
    "date_agrees",
    "instant",
    "title_agrees",
    "translated",
    "unmatched_authors",
]

# Title similarity (0-100) at or above which two titles may be the same work.
# Tuned on the labelled pairs in tests/identify/test_compare.py: the same titles
# with export damage, lost quotes, a "[ ]" hole, a dropped subtitle or a
# dropped "to" score 95-100; different titles of the same topic score 47-88
# ("Western" vs "Russian Interest in Central Asia" 87.5, "…cooperation in
# critical minerals" vs "…in energy" 85.7). 88 sits at the top of that band;
# the near misses that score above it ("Water" vs "Food Security" 90.7,
# "$25 Billion C5+1" vs "$2.5 Billion" 93) are caught by the word-swap rule
# (_substituted), which fuzzy scores of long titles cannot see.
TITLE_MIN = 88.0
# Container names are short and abbreviated; "The", "&"/"and", acronyms and ISO 4
# abbreviations have their own rules, so the fuzzy floor only absorbs spelling
# ("Centre"/"Center for Eurasian Studies" ~96, "Organisation"/"Organization"
# ~98). "Journal of Eurasian Studies" vs "Journal of European Studies" scores
# 89 and must fail; 94 sits between (tests/identify/test_compare.py).
CONTAINER_MIN = 94.0

# Titles shorter than this (folded) carry too little to call a translation.
MIN_TRANSLATION_CHARS = 12


@dataclass(frozen=True)
class CompareRules:
    """Tolerances that depend on where the article was written."""

    # The citing article's time zone, in hours from UTC: a story published late on
    # 5 November in New York is dated 6 November by a reader in Ankara (UTC+3).
    reader_utc_offset: float = 3.0


DEFAULT_RULES = CompareRules()


# ---------------------------------------------------------------- titles


def _language(title: str) -> str | None:
    # Titles are short: a stopword or two decide; detect_language wants three hits,
    # so the title is repeated (its letters and words still decide, nothing else).
    return detect_language(f"{title} {title} {title}")


# Two words are the same word (a typo, a transliteration: "Vaşington"/"Washington")
# at this rapidfuzz ratio; "water"/"food" or "25"/"2" are not.
WORD_MATCH_MIN = 80.0
_TITLE_STOP = frozenset(
    {
        *("a", "an", "the", "of", "and", "or", "in", "on", "for", "to", "at", "by", "with"),
        *("from", "as", "is", "are", "ve", "ile", "bir", "da", "de", "der", "die", "das"),
        *("und", "im", "zu"),
    }
)


def _content_words(title: str) -> list[str]:
    return [w for w in fold(title).split() if w not in _TITLE_STOP]


def _substituted(a: str, b: str) -> bool:
    """A word of each title with no counterpart in the other: one word was swapped.

    Fuzzy similarity of long titles hides one swapped word ("Water" vs "Food
    Security in Central Asia" scores ~91); a dropped subtitle or a name that
    fell into a title leaves unmatched words on one side only.
    """
    from rapidfuzz import fuzz

    wa, wb = _content_words(a), _content_words(b)

    def lonely(words: list[str], other: list[str]) -> bool:
        return any(all(fuzz.ratio(w, o) < WORD_MATCH_MIN for o in other) for w in words)

    return lonely(wa, wb) and lonely(wb, wa)


def title_agrees(cited: str | None, found: str | None) -> bool:
    """Same title (see TITLE_MIN), and no content word swapped for another."""
    if not cited or not found or title_similarity(cited, found) < TITLE_MIN:
        return False
    return not _substituted(cited, found)


def translated(cited: str, found: str) -> bool:
    if min(len(fold(cited)), len(fold(found))) < MIN_TRANSLATION_CHARS:
        return False
    a, b = _language(cited), _language(found)
    return a is not None and b is not None and a != b


# ---------------------------------------------------------------- authors


def _person_matches(name: str, record_authors: Sequence[str]) -> bool:
    from rapidfuzz import fuzz

    keys = author_keys(name)
    record_keys = {k for a in record_authors for k in author_keys(a)}
    if any(fuzz.ratio(k, r) >= SURNAME_MIN for k in keys for r in record_keys):
        return True
    # Particles and double surnames: "Jan van Dijk" gives "dijk", "van Dijk, Jan" gives
    # "van dijk"; "Gabriel García Márquez" / "García Márquez, Gabriel" likewise.
    if any(k.split()[-1] == r.split()[-1] for k in keys for r in record_keys if k and r):
        return True
    words = fold(re.sub(r"\[\s*\]", " ", name)).split()
    if len(words) == 1:  # "Alberto [ ]": the surname fell into a hole; the given name is left
        return any(words[0] in fold(a).split() for a in record_authors)
    # Family name first without a comma ("Xi Jinping", "KILIÇ Alev"): the same words.
    return any(set(words) == set(fold(a).split()) for a in record_authors)


def unmatched_authors(cited: Sequence[str], record: WorkRecord) -> list[str] | None:
    """Cited authors the record does not list; None when the two cannot be compared."""
    if not cited:
        return None
    persons = [a for a in cited if not is_corporate(a)]
    corporate = [a for a in cited if is_corporate(a)]
    # A page's "author" tag often names the agency or the site: only people are compared.
    people = [a for a in record.authors if record.source != "page" or not is_corporate(a)]
    missing: list[str] = []
    if persons:
        if not people:
            return None
        missing += [a for a in persons if not _person_matches(a, people)]
    if corporate and record.source != "page":
        names = [*record.authors, *filter(None, [record.publisher])]
        theirs = {k for n in names for k in author_keys(n)}
        if not theirs:
            return missing if persons else None
        missing += [a for a in corporate if not (author_keys(a) & theirs)]
    elif not persons:
        return None
    return missing


# ---------------------------------------------------------------- dates

_DATETIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(.*)$")


def instant(value: str) -> datetime | None:
    """A timestamp with a zone ("Z", "+03:00"); None for plain dates or no zone."""
    m = _DATETIME.match(value.strip())
    if not m:
        return None
    zone = m[7].strip()
    if zone in ("Z", "z", "UTC", "GMT"):
        tz = UTC
    else:
        zm = re.fullmatch(r"([+-])(\d{2}):?(\d{2})", zone)
        if not zm:
            return None
        sign = 1 if zm[1] == "+" else -1
        tz = timezone(sign * timedelta(hours=int(zm[2]), minutes=int(zm[3])))
    try:
        return datetime(
            int(m[1]), int(m[2]), int(m[3]), int(m[4]), int(m[5]), int(m[6] or 0), tzinfo=tz
        )
    except ValueError:
        return None


def _parts(value: str) -> tuple[int, ...]:
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
    if not m:
        return ()
    return tuple(int(g) for g in m.groups() if g)


def _candidate_days(value: str, rules: CompareRules) -> set[date] | None:
    """Calendar days ``value`` may be written as; None when it has no day."""
    moment = instant(value)
    if moment is not None:
        reader = timezone(timedelta(hours=rules.reader_utc_offset))
        return {
            moment.date(),
            moment.astimezone(UTC).date(),
            moment.astimezone(reader).date(),
        }
    parts = _parts(value)
    if len(parts) < 3:
        return None
    try:
        day = date(*parts)
    except ValueError:
        return None
    return {day - timedelta(days=1), day, day + timedelta(days=1)}


def date_agrees(
    cited: str,
    found: str | None,
    *,
    rules: CompareRules = DEFAULT_RULES,
    online_first: bool = False,
) -> bool | None:
    """Whether a cited ISO date (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) fits ``found``.

    Tolerance rules, compared at the precision both sides have:

    - a timestamp with a zone ("2025-11-05T23:30:00-05:00") fits the calendar day
      it falls on in its own zone, in UTC, or in the reader's zone
      (``rules.reader_utc_offset``, Turkey by default): nothing wider, so a story
      of 5 November 16:40 UTC cited as 6 November is flagged;
    - a date without a time fits the day before and after (the zone it was
      written in is unknown: a timezone edge);
    - month or year precision must be equal; ``online_first`` (registry journal
      articles) also accepts a cited year one after the record's — online
      first, printed in next year's issue.

    None when ``found`` has no readable date.
    """
    if not found:
        return None
    c, f = _parts(cited), _parts(found)
    if not c or not f:
        return None
    if len(c) >= 3 and len(f) >= 3:
        days = _candidate_days(found, rules)
        try:
            return days is not None and date(*c[:3]) in days
        except ValueError:
            return None
    if len(c) >= 2 and len(f) >= 2:
        days = _candidate_days(found, rules) or set()
        return c[:2] == f[:2] or any((d.year, d.month) == c[:2] for d in days)
    if c[0] == f[0]:
        return True
    return online_first and c[0] == f[0] + 1


# ---------------------------------------------------------------- containers

_PAREN = re.compile(r"\(([^()]*)\)")
_TLD = re.compile(r"\.(?:com|org|net|gov|edu|int|co|tr|uk|de|ru|info|news)(?:\.[a-z]{2})?$")
_MINOR = frozenset({"of", "the", "and", "for", "in", "on", "a", "an", "de", "ve", "und", "der"})


def _container_forms(name: str) -> set[str]:
    forms = {fold(inner) for inner in _PAREN.findall(name) if fold(inner)}
    bare = _PAREN.sub(" ", name).strip()
    host = bare.lower().removeprefix("www.")
    if " " not in host and _TLD.search(host):
        bare = _TLD.sub("", host)
    full = re.sub(r"^the ", "", fold(bare))
    if full:
        forms.add(full)
    return forms


def _abbreviates(short: str, full: str) -> bool:
    """ISO 4 style: each word of ``short`` starts the next significant word of ``full``."""
    sw = short.split()
    fw = [w for w in full.split() if w not in _MINOR]
    if len(sw) < 2 or len(sw) != len(fw):
        return False
    return all(f.startswith(s) for s, f in zip(sw, fw, strict=True))


def _acronym(short: str, full: str) -> bool:
    initials = "".join(w[0] for w in full.split() if w not in _MINOR)
    return " " not in short and len(short) >= 2 and short == initials


def container_agrees(a: str | None, b: str | None) -> bool:
    from rapidfuzz import fuzz

    if not a or not b:
        return True
    for x in _container_forms(a):
        for y in _container_forms(b):
            if x.replace(" ", "") == y.replace(" ", "") or fuzz.ratio(x, y) >= CONTAINER_MIN:
                return True  # "hurriyetdailynews.com" is "Hürriyet Daily News"
            for s, f in ((x, y), (y, x)):
                if _abbreviates(s, f) or _acronym(s, f):
                    return True
    return False
