"""Roles of the fields left after the cascade: authors, title, container; the kind of work.

Chicago order is author(s), title, container, then facts. What is left of a
note or entry after identifiers, dates and locators were taken out is mostly
that sequence, with gaps: a web page may have no author ("Critical Minerals,
IEA, …"), a short form no container, an edited volume editors in the author
slot. The rules below decide the roles from the shape of each field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citecheck.notes.dates import fold
from citecheck.notes.fields import unitalic, unquote_title
from citecheck.notes.locators import normalize_pages
from citecheck.notes.names import (
    PARTICLES,
    is_acronym,
    is_corporate,
    is_news_outlet,
    is_personal_name,
    is_place_name,
    is_title_case,
    looks_like_authors,
    split_names,
)

# "Börzel, Tanja A., and Thomas Risse, eds", "Ahmet Yılmaz (der.)", "X (Hrsg.)"
_EDITOR_TAIL = re.compile(
    r"[,\s]*\(?\b(?:eds?|der|haz|yay\.\s?haz|hrsg|hg|editors?|ред)\b\.?\)?\s*$", re.IGNORECASE
)
# Chapter container: "In *Book*", "In: Book"; Turkish "Kitap Adı içinde"
_IN = re.compile(r"^(?:in|i[çc]inde)\s*:?\s+(?=\S)", re.IGNORECASE)
_ICINDE = re.compile(r"\s+i[çc]inde$", re.IGNORECASE)
# "Smith 2019", "Yılmaz ve Kaya (2015a)": names then a year
_AUTHOR_DATE = re.compile(r"^(?P<names>[^\d()]+?)\s+\(?(?P<year>\d{4})[a-z]?\)?$")
# "… Demir ve Ayşe Yılmaz": the field that closes a comma-separated author list.
_JOINED = re.compile(r"\s(?:ve|and|und|&)\s", re.IGNORECASE)
# An author list in a note spreads over at most this many comma fields after the first.
MAX_EXTRA_AUTHOR_FIELDS = 4
# Site names are short: "The Diplomat", "Avrasya İncelemeleri Merkezi (AVİM)" has 4 words.
SITE_MAX_WORDS = 4
# Shorter keys ("aa", "un") would match inside unrelated host names.
MIN_HOST_KEY = 3
_PAREN_ACRONYM = re.compile(r"\(([^\W\d_]{2,10})\)")
# A personal initial ("Kathleen J. Hancock") marks a name, never a page title.
_INITIAL = re.compile(r"(?:^|\s)[^\W\d_]\.(?:\s|$)")
# An edition field: "2nd ed.", "3. baskı", "2. bs."
_EDITION = re.compile(
    r"^(?:\d+\s*(?:st|nd|rd|th|\.)?\s*|rev(?:ised)?\.?\s+)(?:[^\W\d_]+\s+){0,2}"
    r"(?:ed|edn|edition|baskı|basım|bs|aufl|auflage|изд|издание)\.?$",
    re.IGNORECASE,
)
# A director: "dir.", "yön." (yönetmen); alone as a field or closing a name list.
_DIRECTOR = re.compile(r"(?:dir|director|yön|yönetmen)\.?", re.IGNORECASE)
_DIRECTOR_TAIL = re.compile(r"[,\s]+(?:dir|director|yön)\.?$", re.IGNORECASE)
_BRACKETED = re.compile(r"\([^()]*\)")
_BY = re.compile(r"^(?:by|reviewed\s+by|rev\.\s+by|von|yazan)\s+(?P<names>.+)$", re.IGNORECASE)
# A field that is only a page or page range ("215", "769–782").
_PAGES_ONLY = re.compile(r"^\d{1,5}(?:\s*[-–—]\s*\d{1,5})?$")
_YEAR_SPAN = re.compile(r"(\d{4})(?:\s*[-–—]\s*(\d{4}))?")
# A four-digit number in this window standing alone is a year, not a page.
_YEAR_LIKE = range(1500, 2101)


@dataclass
class _Item:
    text: str
    quoted: bool
    italic: bool


@dataclass
class Roles:
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)  # from "Names, eds." / "Name (der.)" fields
    title: str | None = None
    container: str | None = None
    pages: str | None = None  # a field that is only a page range
    chapter: bool = False  # "In Book" / "Book içinde", or editors named after the title
    editors_first: bool = False  # "Börzel and Risse, eds., Handbook": editors, no authors
    short_form: bool = False  # surname(s) + title only, or author-date "Smith 2019, 45"
    year: int | None = None  # from an author-date short form
    quoted_title: bool = False
    italic_title: bool = False
    news: bool = False  # an author or the container is a news outlet


def assign_roles(
    fields: list[str],
    *,
    note: bool,
    journal: bool = False,
    hosts: tuple[str, ...] = (),
    authors: list[str] | None = None,
) -> Roles:
    """Authors, title and container from the remaining fields, in Chicago order.

    ``authors``: found before the split (None: decide from the fields).
    ``journal``: volume/issue were found, so a lone name is the periodical
    ("Diplomatik Gözlem (Nisan 2019, Sayı 87, s. 30-33)"). ``hosts``: host names
    of the work's URLs; a field naming one is the site ("Critical Minerals, IEA,
    <https://www.iea.org/…>"), so what precedes it is a title, not an author.
    """
    roles = Roles()
    items = _sort_out(fields, roles, titled=authors is not None)
    if authors is None:
        _take_authors(items, roles, note=note, hosts=hosts)
    else:
        roles.authors = list(authors)  # found before the split (leads.py, gost.py)
    _take_title(items, roles, note=note)
    if roles.container is None and items:
        container = items.pop(0)
        roles.container = container.text
    lone = roles.title and not roles.authors and not roles.container and not roles.quoted_title
    if lone and (journal or is_news_outlet(roles.title or "")):
        # "Hürriyet Daily News (19 April 2018)": the outlet, not a title
        roles.container, roles.title = roles.title, None
    roles.news = any(is_news_outlet(a) for a in roles.authors) or bool(
        roles.container and is_news_outlet(roles.container)
    )
    only_surnames = bool(roles.authors) and all(_surname_only(a) for a in roles.authors)
    roles.short_form = roles.short_form or (
        only_surnames and roles.title is not None and roles.container is None and not items
    )
    return roles


def _surname_only(name: str) -> bool:
    """ "Frigerio", "de Waal": one name word, particles aside."""
    return len([t for t in name.split() if t.lower() not in PARTICLES]) == 1


def _sort_out(fields: list[str], roles: Roles, *, titled: bool = False) -> list[_Item]:
    """Take editor fields, chapter containers and bare page fields out; the rest in order.

    ``titled``: the authors were found already, so the first field is the title.
    """
    items: list[_Item] = []
    for text in fields:
        if _PAGES_ONLY.match(text) and not _year_span(text):
            roles.pages = roles.pages or normalize_pages(text)
            continue
        by = _BY.match(text)
        if by and items and looks_like_authors(by["names"]):
            continue  # "review of Book, by Author": the reviewed book's author is not an author
        if _EDITION.match(text) or _BRACKETED.fullmatch(text):
            continue  # an edition, or what the cascade left of a bracket ("(Washington, DC, …)")
        if _DIRECTOR.fullmatch(text):
            continue  # "Steven Spielberg, dir., E.T. …": the name before it stays the author
        director = _DIRECTOR_TAIL.search(text)
        if director and looks_like_authors(text[: director.start()]):
            text = text[: director.start()]  # "Spielberg, Steven, dir."
        tail = _EDITOR_TAIL.search(text)
        if tail:
            names_text = text[: tail.start()].strip(" ,")
            if not names_text and items and looks_like_authors(items[-1].text):
                names_text = items.pop().text  # "Börzel and Risse, eds." split at the comma
            if names_text and looks_like_authors(names_text):
                names, _ = split_names(names_text)
                roles.editors.extend(names)
                roles.editors_first = roles.editors_first or not items
                roles.chapter = roles.chapter or any(not _could_be_author(i) for i in items)
                continue
        # "In Book" after a title; "In Search of Lost Time" may itself be the title
        title_before = len(items) >= 2 or any(not _could_be_author(i) for i in items)
        title_before = title_before or (titled and bool(items))
        if title_before and (_IN.match(text) or _ICINDE.search(text)):
            container = _ICINDE.sub("", _IN.sub("", text))
            roles.container, roles.chapter = unitalic(container)[0], True
            continue
        plain, quoted = unquote_title(text)
        plain, italic = unitalic(plain)
        if plain:
            items.append(_Item(plain, quoted, italic))
    return items


def _year_span(text: str) -> bool:
    """ "2016" or "1914–1991": years (part of a title), not pages."""
    m = _YEAR_SPAN.fullmatch(text.strip())
    return m is not None and all(int(y) in _YEAR_LIKE for y in m.groups() if y)


def _could_be_author(item: _Item) -> bool:
    return not item.quoted and not item.italic and looks_like_authors(item.text)


def _title_like(item: _Item) -> bool:
    """Could be a title: quoted/italic, or not an acronym / outlet / organisation name."""
    if item.quoted or item.italic:
        return True
    text = item.text
    return not (is_acronym(text) or is_news_outlet(text) or is_corporate(text))


def _take_authors(items: list[_Item], roles: Roles, *, note: bool, hosts: tuple[str, ...]) -> None:
    if not items:
        return
    quoted_at = next((i for i, it in enumerate(items) if it.quoted), None)
    if quoted_at is not None:
        # Everything before a quoted title is the author list ("Frigerio, "C5+1 Summit,"").
        if quoted_at > 0:
            before = ", ".join(it.text for it in items[:quoted_at])
            if looks_like_authors(before):
                roles.authors = split_names(before)[0]
                del items[:quoted_at]
        return
    if roles.editors_first:
        return  # the names in the author slot were editors
    first = items[0]
    if first.text.startswith("@") and len(items) >= 2 and " " not in first.text:
        roles.authors = [items.pop(0).text]  # an X / Telegram handle: "@MFA_Armenia, …"
        return
    author_date = _AUTHOR_DATE.match(first.text)
    if note and len(items) == 1 and author_date and looks_like_authors(author_date["names"]):
        # Author-date reference as a note: "Smith 2019, 45", "Yılmaz ve Kaya (2015)"
        roles.authors = split_names(author_date["names"])[0]
        roles.year, roles.short_form = int(author_date["year"]), True
        items.pop(0)
        return
    if not _could_be_author(first):
        return
    if note and _inverted_pair(items):
        # "Kaya, Ahmet, Kafkasya Politikası, Ankara, …": surname, given name, then a title
        roles.authors = [f"{items[0].text}, {items[1].text}"]
        del items[:2]
        return
    inverted = not note and "," in first.text and is_personal_name(first.text.split(" and ")[0])
    if len(items) >= 2 and _names_host(items[1], hosts) and not _INITIAL.search(first.text):
        # "Critical Minerals, Eurasia Review, <https://www.eurasiareview.com/…>": the
        # second field is the site the URL is on, so the first is the page title.
        return
    if note and _headline_start(items):
        return
    if inverted or (len(items) >= 2 and _title_like(items[1])):
        roles.authors = split_names(first.text)[0]
        items.pop(0)
        if note:
            roles.authors += _more_authors(items)


def _more_authors(items: list[_Item]) -> list[str]:
    """The rest of a comma-separated author list: "Ahmet Kaya, Mehmet Demir ve Ayşe
    Yılmaz, Kafkasya …" — names up to the one joined with "ve" / "and", then a title."""
    if not any(_JOINED.search(it.text) for it in items[:MAX_EXTRA_AUTHOR_FIELDS]):
        return []  # the common case: no joined name list, nothing to test further
    for k, item in enumerate(items[:MAX_EXTRA_AUTHOR_FIELDS]):
        if not _could_be_author(item) or is_corporate(item.text) or len(items) <= k + 1:
            return []
        if _JOINED.search(item.text):
            names = [n for it in items[: k + 1] for n in split_names(it.text)[0]]
            if all(is_personal_name(n) for n in names):
                del items[: k + 1]
                return names
            return []
    return []


def _inverted_pair(items: list[_Item]) -> bool:
    """ "Kaya", "Ahmet", then a title field: an inverted name in a note. "Cornell,
    Azerbaijan, s. 47" (a short form) has no title after the second field."""
    if len(items) < 3 or any(it.quoted or it.italic for it in items[:2]):
        return False
    surname, given, after = items[0].text, items[1].text, items[2]
    s_words = [w for w in surname.split() if w.lower() not in PARTICLES]
    g_words = given.split()
    if len(s_words) != 1 or not 1 <= len(g_words) <= 2 or is_corporate(given):
        return False
    if any(is_place_name(w) for w in g_words):
        return False  # "Kaya, Türkiye, Rusya ve Kafkasya": a title, not a given name
    if not (is_personal_name(surname) and is_personal_name(given)) or is_corporate(surname):
        return False
    return _title_like(after) and not _year_span(after.text)


def _headline_start(items: list[_Item]) -> bool:
    """ "Kazakhstan, US sign memorandum …, Anadolu Agency": a headline cut at its comma.

    A full note names a person in full; a lone word before a sentence-case piece
    and a container is the start of the title, not a surname.
    """
    first, second = items[0], items[1] if len(items) > 1 else None
    return (
        len(items) >= 3
        and second is not None
        and len(first.text.split()) == 1
        and not is_corporate(first.text)
        and not second.quoted
        and not is_title_case(second.text)
    )


def _names_host(item: _Item, hosts: tuple[str, ...]) -> bool:
    """Whether a field names the web site of one of ``hosts``.

    "The Diplomat" ~ thediplomat.com, "Eurasia Review" ~ eurasiareview.com,
    "Avrasya İncelemeleri Merkezi (AVİM)" ~ avim.org.tr (its acronym).
    """
    if item.quoted or len(item.text.split()) > SITE_MAX_WORDS or not hosts:
        return False
    words = [w for w in re.findall(r"[a-z0-9]+", fold(item.text)) if w != "the"]
    keys = {"".join(words)} | {fold(a) for a in _PAREN_ACRONYM.findall(item.text)}
    keys = {k for k in keys if len(k) >= MIN_HOST_KEY}
    return any(key in host.replace(".", "").replace("-", "") for key in keys for host in hosts)


def _take_title(items: list[_Item], roles: Roles, *, note: bool) -> None:
    if not items:
        return
    quoted_at = next((i for i, it in enumerate(items) if it.quoted), 0)
    title = items.pop(quoted_at)
    roles.title, roles.quoted_title, roles.italic_title = title.text, title.quoted, title.italic
    if note and not title.quoted and not title.italic:
        # Notes split at commas, so an unquoted title with commas comes in pieces
        # ("Trump to meet … counter China", "Russia influence"). Container names are
        # title case; a following sentence-case piece belongs to the title.
        while items and not items[0].italic and not _container_like(items[0].text):
            roles.title += ", " + items.pop(0).text


def _container_like(text: str) -> bool:
    if ": " in text or _year_span(text):
        return False  # "Local Rules: The New …" is a subtitle, "1914–1991" a span
    return is_title_case(text) or is_corporate(text) or is_news_outlet(text)
