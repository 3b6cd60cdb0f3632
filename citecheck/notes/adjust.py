"""Adjustments after the roles are assigned, and what a parsed citation is missing.

- a note that is running prose cites nothing (is_commentary)
- "Yılmaz ve Kaya (2015), s. 12": names and a year left are an author-date short form
- "Karar (12.03.2024)": a teaser's source line names the outlet, not a title
- "Ministry …, Press Release No. 412/23": an organisation alone is the issuer
- "Müller (Anm. 3), S. 12": a pointer to an earlier note makes a short form
- "Kaya, Türkiye, Rusya ve Kafkasya (Ankara: …)": a book's title with a comma in it
- the problems a reader would notice ("no_title", "no_author", "unparsed")
"""

from __future__ import annotations

import re

from citecheck.notes.comments import is_prose
from citecheck.notes.locators import CUT
from citecheck.notes.names import (
    is_corporate,
    is_news_outlet,
    is_personal_name,
    split_names,
)
from citecheck.notes.publication import known_place
from citecheck.notes.roles import Roles

# A comment note is prose: at least this many words, mostly lower case. Titles
# and names are short and capitalised; the longest sentence-case titles in the
# seed notes (news headlines, 10-12 words) stay under both limits together.
COMMENT_MIN_WORDS = 14
COMMENT_LOWER_SHARE = 0.7


# "Outlet (date …)": the whole note is a name and a bracket (teaser source lines).
SOURCE_LINE = re.compile(r"[^(),;\d\"“”]{2,80}\([^()]{4,60}\)\s*\.?")


def is_commentary(work: str, f: dict[str, object], pages: str | None) -> bool:
    """Running prose with nothing bibliographic in it: no identifier, date, locator or quote."""
    if has_facts(f) or pages or re.search(r"[\"“”«»„*]", work):
        return False
    if is_prose(work.replace(CUT, " ")):
        return True
    words = re.findall(r"[^\W\d_]+", work)
    lower = sum(1 for w in words if w[0].islower())
    return len(words) >= COMMENT_MIN_WORDS and lower >= COMMENT_LOWER_SHARE * len(words)


def pointed_short_form(f: dict[str, object], problems: list[str]) -> list[str]:
    """A note pointing back with "(Anm. 3)" is a short form; a lone name left in the
    title slot ("Müller (Anm. 3), S. 12") is its author. Returns the problems left."""
    f["short_form"], f["kind"] = True, None
    title = f.get("title")
    if isinstance(title, str) and not f.get("authors") and is_personal_name(title):
        f["authors"], f["title"] = [title], None
    return [p for p in problems if p not in ("no_title", "no_author")]


def lone_organisation(roles: Roles) -> bool:
    title = roles.title or ""
    lone = not roles.authors and not roles.container and not roles.quoted_title
    return lone and bool(title) and is_corporate(title) and not is_news_outlet(title)


def author_date_with_cut_year(f: dict[str, object], roles: Roles) -> bool:
    """Only people's names and a bare year are left: an author-date reference."""
    if roles.authors or roles.container or roles.quoted_title or not roles.title:
        return False
    date = f["date"]
    if not (isinstance(date, str) and len(date) == 4):
        return False
    if any(f[k] for k in ("urls", "volume", "issue", "publisher", "place", "editors")):
        return False
    names, _ = split_names(roles.title)
    return bool(names) and all(is_personal_name(n) and not is_corporate(n) for n in names)


def has_facts(f: dict[str, object]) -> bool:
    """More than a short form carries: identifiers, dates, publication facts."""
    keys = ("urls", "doi", "date", "year", "publisher", "place", "volume", "issue", "accessed")
    return any(f.get(k) for k in keys)


def citation_problems(f: dict[str, object], roles: Roles) -> list[str]:
    """What a reader would miss. A source line naming only a periodical or outlet
    ("Hürriyet Daily News (19 April 2018)") cites an issue, not an article: no
    title or author is expected there."""
    problems = []
    if not (f["title"] or f["container"] or f["urls"] or f["doi"] or f["authors"]):
        return ["unparsed"]
    if not f["title"] and not f["container"] and not f.get("short_form"):
        problems.append("no_title")  # an author-date short form names no title by design
    needs_author = f["kind"] in ("journal_article", "book_chapter", "book", "thesis")
    if needs_author and f["title"] and not f["authors"] and not f["editors"]:
        problems.append("no_author")
    return problems


def book_title_in_pieces(f: dict[str, object], roles: Roles, hint: str | None) -> bool:
    """A book note has no container: a field after an unquoted title is the rest of a
    title with a comma, unless it names a series, an organisation or an outlet."""
    container = roles.container or ""
    if hint or not (f["publisher"] or f["place"]) or f["issue"] or f["editors"]:
        return False
    if not roles.title or not container or roles.quoted_title or roles.italic_title:
        return False
    if roles.chapter or f["kind"] != "book" or known_place(container):
        return False
    return not _names_a_source(container)


def short_title_in_pieces(f: dict[str, object], roles: Roles) -> bool:
    """Surname(s), then an unquoted title cut at its comma, and nothing but a page: a short
    form ("Kaya, Türkiye, Rusya ve Kafkasya, s. 14"), not a title and a container."""
    if not roles.authors or not roles.title or not roles.container or roles.quoted_title:
        return False
    if has_facts(f) or f.get("editors") or not all(len(a.split()) == 1 for a in roles.authors):
        return False
    return not _names_a_source(roles.container)


def _names_a_source(text: str) -> bool:
    """A series, an organisation, an outlet or a site rather than the rest of a title."""
    series = any(w.isupper() and len(w) > 1 for w in text.split()) or _SERIES.search(text)
    return bool(series) or is_corporate(text) or is_news_outlet(text)


# Series names: "Silk Road Paper", "Occasional Papers", "Yayın Dizisi", "Schriftenreihe"
_SERIES = re.compile(
    r"\b(?:papers?|series|report|brief|studie|analiz|rapor|dizisi|reihe|серия|working|"
    r"occasional|monographs?)\b",
    re.IGNORECASE,
)
