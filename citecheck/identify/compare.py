"""Compare a work as cited (note citation, bibliography entry) with a WorkRecord.

Pure: no network, no clock. ``compare_record`` returns findings whose details
carry ``{"field", "cited", "found", "source"}`` (plus ``doi``/``url`` naming
the record), one per disagreeing field:

1. title — :func:`~citecheck.notes.similarity.title_similarity` (accent-, case-
   and quote-insensitive; subtitles, ``[ ]`` holes and run-together fields
   tolerated) must reach TITLE_MIN. A title in another language than the
   record's is *not* a mismatch when the authors and the year agree (Turkish
   notes often translate an English title); with nothing else agreeing it is.
2. authors — surnames, order-insensitive, ``Surname, Given`` and ``Given
   Surname`` alike, one letter of spelling tolerated (SURNAME_MIN). A damaged
   one-word name ("Alberto [ ]") may match a given name. Corporate authors are
   compared with the registry's corporate names and publisher; on web pages
   they are not compared (an agency is credited for its own pages, which
   rarely name it the same way).
3. date — see :func:`date_agrees` for the tolerance rules.
4. container — journal, site or book: ``The``, parenthesised acronyms, ISO 4
   abbreviations ("Soc. Evol. Hist."), acronyms ("IEA") and domain names
   ("reuters.com") tolerated; CONTAINER_MIN on the folded names otherwise.
5. pages — the cited page(s) must lie inside the record's page range.
6. updates — retraction/withdrawal/correction notices on record.

Every field is compared only when both sides have it, and a field passes when
any of the cited forms (the note's citation, its bibliography entry) agrees:
a disagreement between note and entry is lint's to report (note_bib_mismatch).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone

from citecheck.codes import FindingCode
from citecheck.ingest.meta import detect_language
from citecheck.model import Finding, Work, WorkRecord
from citecheck.notes.findings import finding
from citecheck.notes.pages import outside, parse_pages
from citecheck.notes.similarity import (
    SURNAME_MIN,
    author_keys,
    fold,
    is_corporate,
    title_similarity,
)

__all__ = [
    "CONTAINER_MIN",
    "TITLE_MIN",
    "CompareRules",
    "compare_record",
    "container_agrees",
    "date_agrees",
    "page_findings",
    "title_agrees",
    "update_findings",
]

# Title similarity (0-100) at or above which two titles are the same work.
# Tuned on the labelled pairs in tests/identify/test_compare.py: same titles
# with export damage, lost quotes, holes or a dropped subtitle score 94-100;
# the closest different titles (one word changed: "Western" vs "Russian
# Interest in Central Asia", "Critical Minerals" vs "Global Critical Minerals
# Outlook 2024", same-topic different articles) score 60-86. 88 sits in the gap.
TITLE_MIN = 88.0
# Container names are short and abbreviated; the abbreviation and acronym rules
# catch most forms, so the fuzzy floor only absorbs spelling ("Social Evolution
# & History" ~ 95). Below it, "Journal of Eurasian Studies" vs "Journal of
# European Studies" (~ 93) would pass, so it is set above that.
CONTAINER_MIN = 94.0

# Titles shorter than this (folded) carry too little to call a translation.
MIN_TRANSLATION_CHARS = 12

_SOURCE_NAMES = {
    "doi.org": "the DOI's record at doi.org",
    "crossref": "the Crossref record",
    "datacite": "the DataCite record",
    "page": "the web page",
}


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


def _translated(cited: str, found: str) -> bool:
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
    words = fold(re.sub(r"\[\s*\]", " ", name)).split()
    if len(words) == 1:  # "Alberto [ ]": the surname fell into a hole; the given name is left
        return any(words[0] in fold(a).split() for a in record_authors)
    return False


def _unmatched_authors(cited: Sequence[str], record: WorkRecord) -> list[str] | None:
    """Cited authors the record does not list; None when the two cannot be compared."""
    if not cited:
        return None
    persons = [a for a in cited if not is_corporate(a)]
    corporate = [a for a in cited if is_corporate(a)]
    missing: list[str] = []
    if persons:
        if not record.authors:
            return None
        missing += [a for a in persons if not _person_matches(a, record.authors)]
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


def _instant(value: str) -> datetime | None:
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
    instant = _instant(value)
    if instant is not None:
        reader = timezone(timedelta(hours=rules.reader_utc_offset))
        return {
            instant.date(),
            instant.astimezone(UTC).date(),
            instant.astimezone(reader).date(),
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
            if x == y or fuzz.ratio(x, y) >= CONTAINER_MIN:
                return True
            for s, f in ((x, y), (y, x)):
                if _abbreviates(s, f) or _acronym(s, f):
                    return True
    return False


# ---------------------------------------------------------------- the comparison


def _first(cited: Sequence[Work], attr: str) -> object:
    return next((getattr(w, attr) for w in cited if getattr(w, attr)), None)


def _cited_date(work: Work) -> str | None:
    return work.date or (str(work.year) if work.year else None)


def _where(record: WorkRecord) -> str:
    return _SOURCE_NAMES.get(record.source, record.source)


def compare_record(
    cited: Sequence[Work],
    record: WorkRecord,
    *,
    note: int | None = None,
    pages: str | None = None,
    rules: CompareRules = DEFAULT_RULES,
) -> list[Finding]:
    """Findings for every field of ``record`` that none of ``cited`` agrees with."""
    cited = [w for w in cited if w is not None]
    ids = {"doi": record.doi, "url": record.url if record.source == "page" else None}
    where = _where(record)
    out: list[Finding] = []

    def add(code: FindingCode, field: str, c: object, f: object, message: str) -> None:
        out.append(
            finding(
                code, message, note=note, field=field, cited=c, found=f, source=record.source, **ids
            )
        )

    # 1. title
    titles = [w.title for w in cited if w.title]
    if titles and record.title and not any(title_agrees(t, record.title) for t in titles):
        authors_ok = _unmatched_authors(_first(cited, "authors") or [], record) == []
        years = [_cited_date(w) for w in cited if _cited_date(w)]
        year_ok = any(date_agrees(y[:4], record.date or str(record.year or "")) for y in years)
        if not (authors_ok and year_ok and _translated(titles[0], record.title)):
            add(
                FindingCode.TITLE_MISMATCH,
                "title",
                titles[0],
                record.title,
                f"The title cited, “{titles[0]}”, differs from {where}: “{record.title}”.",
            )
    # 2. authors
    author_lists = [w.authors for w in cited if w.authors]
    if author_lists:
        results = [_unmatched_authors(a, record) for a in author_lists]
        if all(r for r in results) and any(r is not None for r in results):
            missing = next(r for r in results if r)
            add(
                FindingCode.AUTHOR_MISMATCH,
                "authors",
                author_lists[0],
                record.authors,
                f"{', '.join(missing)} not among the authors in {where}: "
                f"{'; '.join(record.authors) or 'none given'}.",
            )
    # 3. date
    found_date = record.date or (str(record.year) if record.year else None)
    dates = [_cited_date(w) for w in cited if _cited_date(w)]
    if dates and found_date:
        online_first = record.source != "page" and record.kind == "journal_article"
        verdicts = [
            date_agrees(d, found_date, rules=rules, online_first=online_first)
            or bool(record.modified and date_agrees(d, record.modified, rules=rules))
            for d in dates
        ]
        if not any(verdicts) and any(date_agrees(d, found_date) is not None for d in dates):
            shown = found_date + (f" (modified {record.modified})" if record.modified else "")
            add(
                FindingCode.DATE_MISMATCH,
                "date",
                dates[0],
                found_date,
                f"The note dates the work {dates[0]}; {where} gives {shown}.",
            )
            if record.modified:
                out[-1].details["modified"] = record.modified
    # 4. container
    theirs = [record.container, record.site_name]
    if record.source == "page":
        theirs.append(record.publisher)
    theirs = [t for t in theirs if t]
    containers = [w.container for w in cited if w.container]
    if (
        containers
        and theirs
        and not any(container_agrees(c, t) for c in containers for t in theirs)
    ):
        add(
            FindingCode.CONTAINER_MISMATCH,
            "container",
            containers[0],
            theirs[0],
            f"The note names “{containers[0]}”; {where} gives “{theirs[0]}”.",
        )
    # 5. pages
    out += page_findings(pages, record, note=note)
    # 6. retractions and corrections
    out += update_findings(record, note=note)
    return out


def page_findings(
    pages: str | None, record: WorkRecord, *, note: int | None = None
) -> list[Finding]:
    """PAGE_OUTSIDE_RANGE when the cited page(s) fall outside the record's page range."""
    span = parse_pages(record.pages, single_is_start=True)
    cited = parse_pages(pages)
    bad = outside(cited, span) if span and cited else []
    if not bad:
        return []
    shown = ", ".join(str(p) for p in bad)
    return [
        finding(
            FindingCode.PAGE_OUTSIDE_RANGE,
            f"The note cites page {shown}, outside the work's pages {record.pages} "
            f"in {_where(record)}.",
            note=note,
            field="pages",
            cited=pages,
            found=record.pages,
            source=record.source,
            doi=record.doi,
            url=record.url if record.source == "page" else None,
        )
    ]


def update_findings(record: WorkRecord, *, note: int | None = None) -> list[Finding]:
    """WORK_RETRACTED / WORK_CORRECTED for the notices on ``record``, each named."""
    out = []
    for u in record.updates:
        kind = u.get("type", "")
        retracted = kind in ("retraction", "withdrawal", "expression_of_concern")
        code = FindingCode.WORK_RETRACTED if retracted else FindingCode.WORK_CORRECTED
        notice = u.get("label") or kind
        bits = ", ".join(x for x in (u.get("doi") and f"doi:{u['doi']}", u.get("date")) if x)
        named = f"{notice} ({bits})" if bits else notice
        if u.get("relation") == "update-to":
            target = f" of doi:{u['doi']}" if u.get("doi") else ""
            message = f"The DOI cited is itself a notice: {notice}{target}; cite the work instead."
        elif kind == "expression_of_concern":
            message = f"An expression of concern is on record for this work: {named}."
        else:
            verb = {"retraction": "retracted", "withdrawal": "withdrawn"}.get(kind, "corrected")
            message = f"The work was {verb}: {named}."
        out.append(
            finding(
                code,
                message,
                note=note,
                field="updates",
                cited=record.doi,
                found=dict(u),
                source=record.source,
                doi=record.doi,
            )
        )
    return out
