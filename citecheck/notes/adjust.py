"""Adjustments after the roles are assigned, and what a parsed citation is missing.

- a note that is running prose cites nothing (is_commentary)
- "Yılmaz ve Kaya (2015), s. 12": names and a year left are an author-date short form
- "Karar (12.03.2024)": a teaser's source line names the outlet, not a title
- "Ministry …, Press Release No. 412/23": an organisation alone is the issuer
- "Müller (Anm. 3), S. 12": a pointer to an earlier note makes a short form
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
