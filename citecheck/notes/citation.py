"""Parse one note, or one bibliography entry, into structured fields.

The parse is a field-by-field cascade over a working copy of the text. Each step
takes out what it understands (replacing it with a field boundary, see
locators.CUT), so later steps only see what is left:

1. damage: ``[ ]`` / ``[…]`` holes where an export dropped characters
2. identifiers: URLs and DOIs (identifiers.py)
3. the access date with its cue (dates.find_access_date); then GOST area separators
   (gost.py), name lists opening the work in forms the field split cannot see —
   Turkish capitals, German "Name, Vorname:", GOST "Фамилия И.О." (leads.py) — and
   conference-paper brackets (cues.take_meeting)
4. kind words: "press release", "basın bülteni", report numbers, thesis markers
   (cues.py)
5. publication facts: ``(Place: Publisher, Year)`` (publication.py)
6. locators: pages, then volume/issue (locators.py)
7. the publication date (cues.py)
8. editors (``ed.``, ``eds.``, ``edited by``, ``der.``, ``haz.``); translators
   (``çev.``, ``trans.``) are dropped, they are not authors (cues.py)
9. what is left is split into fields and given roles: authors, title,
   container (roles.py)
10. the kind of work (kinds.classify)

A note citing several works (``X; Y``) is split first (fields.split_citations);
an ibid form (shortforms.py) short-circuits the cascade. Comments (comments.py) are
dropped: a note or part of a note that is only prose or a remark ("emphasis added")
cites nothing, and a comment sentence before or after a citation is not part of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from citecheck.model import BibEntry, Citation
from citecheck.notes.adjust import (
    SOURCE_LINE,
    author_date_with_cut_year,
    book_title_in_pieces,
    citation_problems,
    has_facts,
    is_commentary,
    lone_organisation,
    pointed_short_form,
    short_title_in_pieces,
)
from citecheck.notes.comments import (
    is_prose,
    lead_comment_end,
    may_cite,
    strip_remark,
    trailing_comment_start,
)
from citecheck.notes.cues import (
    after_see_cue,
    take_contributors,
    take_date,
    take_editors,
    take_kind_words,
    take_meeting,
)
from citecheck.notes.dates import find_access_date
from citecheck.notes.fields import clean_field, split_citations, split_fields
from citecheck.notes.gost import looks_gost
from citecheck.notes.gost import prepare as prepare_gost
from citecheck.notes.identifiers import find_dois, find_urls
from citecheck.notes.kinds import classify
from citecheck.notes.leads import Lead, take_in_editors, take_lead_names
from citecheck.notes.locators import (
    CUT,
    cut_spans,
    take_pages,
    take_volume_issue,
)
from citecheck.notes.names import split_names
from citecheck.notes.publication import known_place, take_publication
from citecheck.notes.roles import assign_roles
from citecheck.notes.shortforms import parse_ibid

# Characters lost in export leave "[ ]"; "[…]" / "[...]" mark dropped text too.
_HOLE = re.compile(r"\[\s*(?:…|\.\.\.)?\s*\]")
# Words that introduce a URL: "URL:", "Erişim adresi:", "Available at:", "adresinden",
# APA's "Retrieved March 2, 2024, from" once the access date is out.
_URL_CUES = re.compile(
    r"(?:\b(?:url|online|available\s+(?:at|from|online)|retrieved\s+from|erişim\s+adresi|"
    r"kaynak|link|web|from)\s*:?\s*(?=\x1f))|(?<=\x1f)\s*adresinden(?:\s+erişil\w*)?",
    re.IGNORECASE,
)
# A word broken across lines by a PDF copy: "Öncelik- lerimiz" (not "pre- and post-war").
_HYPHENATED = re.compile(
    r"(?<=[^\W\d_])-\s+(?=[^\W\d_])(?!(?:and|or|ve|veya|und|ile)\b)(?=[^\W\dA-ZÇĞİÖŞÜ])"
)
# Markdown link around a removed URL: "[label](\x1f)" keeps the label.
_MD_LINK = re.compile(r"\[([^\]\x1f]*)\]\(\s*\x1f\s*\)")
_WRAPPED_CUT = re.compile(r"<\s*\x1f\s*>|\(\s*\x1f\s*\)|\[\s*\x1f\s*\]")
# Markdown escapes left by exports: "\$25", "\_", "\*".
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


# Book and serial numbers are not fields the model keeps: "ISBN 978-5-02-039000-0".
_ISBN = re.compile(r"\b(?:ISBN|ISSN)(?:-1[03])?\s*:?\s*[\dXx](?:[\d\-–Xx ]{6,20}[\dXx])")
# A pointer to the note holding the full reference: German "(Anm. 3)", "(wie Anm. 3)",
# "(Fn. 3)", English "(n. 3)", "(see note 3)", Turkish "(3 no'lu dipnot)", "(dn. 3)".
_NOTE_POINTER = re.compile(
    r"\s*\((?:wie\s+|vgl\.\s+|see\s+|bkz\.\s*)?(?:anm|fn|fußnote|n|note|dn|dipnot)\.?\s*\d{1,3}\)"
    r"|\s*\(\d{1,3}\s*no'?lu\s+dipnot\)",
    re.IGNORECASE,
)
# The medium a copy was read in, and a handle after a name: "(mikrofilm)", "[online]",
# "(PDF)", "Erdoğan, Recep Tayyip (@RTErdogan)"
_MEDIUM = re.compile(
    r"\s*[(\[](?:mikrofilm|microfilm|online|çevrimiçi|pdf|e-?book|e-?kitap|print|basılı|"
    r"электронный\s+ресурс|@\w{1,30})[)\]]",
    re.IGNORECASE,
)


@dataclass
class _Parsed:
    """Fields collected by the cascade before they go into a Citation or BibEntry."""

    fields: dict[str, object] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    comment: bool = False  # a note (part) that cites nothing


def parse_note(text: str) -> list[Citation]:
    """One Citation per work the note cites; offsets are into ``text``.

    A note that is only commentary ("Bu konu aşağıda ayrıca ele alınacaktır.",
    "Emphasis added.") cites nothing and yields no Citation; so does a part of a
    note that is a comment ("Bu görüş tartışmalıdır; … bkz. Lewy, …", "…; emphasis
    added").
    """
    citations = []
    for start, end in split_citations(text):
        citation = _parse_part(text[start:end])
        if citation is None:
            continue
        citation.start, citation.end = start, end
        citations.append(citation)
    return citations


def parse_citation(raw: str) -> Citation:
    """One cited work in note form (Chicago notes, Turkish or English).

    A comment gives a Citation with no fields (parse_note drops it).
    """
    return _parse_part(raw) or Citation(raw=raw, end=len(raw))


def _parse_part(raw: str) -> Citation | None:
    body = strip_remark(after_see_cue(raw))
    # "Müller (Anm. 3), S. 12": a short form pointing at the note with the full reference
    body, pointed = _NOTE_POINTER.subn("", body)
    ibid = parse_ibid(body)
    if ibid is None:
        lead = lead_comment_end(body)
        trail = trailing_comment_start(body)
        if trail <= lead:
            return None  # all of it is comment: "(Vurgu bize aittir.)"
        body = body[lead:trail]
        if is_prose(body) and not may_cite(body):
            return None
        ibid = parse_ibid(body) if lead else None
    if ibid is not None:
        accessed = find_access_date(body)  # "A.g.e., E.T. 26 Kasım 2025."
        return Citation(
            raw=raw,
            end=len(raw),
            ibid=True,
            ibid_author=ibid.author,
            pages=ibid.pages,
            accessed=accessed[0] if accessed else None,
        )
    parsed = _parse(body, note=True)
    if parsed.comment:
        return None
    if pointed and not parsed.fields.get("short_form"):
        parsed.problems = pointed_short_form(parsed.fields, parsed.problems)
    citation = Citation(raw=raw, end=len(raw), problems=parsed.problems)
    for name, value in parsed.fields.items():
        setattr(citation, name, value)
    return citation


def parse_bib_entry(text: str, index: int = 0) -> BibEntry:
    """One Kaynakça / Bibliography / References entry (Chicago bibliography style).

    When the names are followed by "eds." the work is an edited volume: the
    names go to ``editors`` and ``authors`` stays empty (bibliography linking
    falls back to editors when a work has no authors).
    """
    parsed = _parse(text, note=False)
    entry = BibEntry(index=index, text=text, problems=parsed.problems)
    for name, value in parsed.fields.items():
        setattr(entry, name, value)
    return entry


def _parse(text: str, *, note: bool) -> _Parsed:
    out = _Parsed()
    f = out.fields
    work = _HYPHENATED.sub("", re.sub(r"\s+", " ", text).strip())

    # 1. damage: holes become field boundaries ("Alberto [ ] C5+1 Summit")
    if _HOLE.search(work):
        out.problems.append("hole")
        work = _HOLE.sub(CUT, work)

    # 2. identifiers, taken from the text as written (escapes included)
    dois = find_dois(work)
    urls = find_urls(work)
    url_values = list(dict.fromkeys(u for u, _, _ in urls))
    f["urls"] = url_values
    f["doi"] = dois[0][0] if dois else None
    work = cut_spans(work, [(s, e) for _, s, e in urls] + [(s, e) for _, s, e in dois])
    work = _MD_LINK.sub(lambda m: m.group(1) + CUT, work)
    work = _WRAPPED_CUT.sub(CUT, work)
    work = _URL_CUES.sub(CUT, work)
    work = _MD_ESCAPE.sub(r"\1", work)
    if "ISBN" in work or "ISSN" in work:
        work = _ISBN.sub(CUT, work)

    # 3. access date with its cue ("E.T 26 Kasım 2025", "Accessed 26 November 2025")
    accessed = find_access_date(work)
    if accessed:
        f["accessed"] = accessed[0]
        work = cut_spans(work, [accessed[1:]])
        work = _WRAPPED_CUT.sub(CUT, work)

    # 3b. GOST area separators ("//", "/", ". —"), and name lists opening the work in
    # forms the field split cannot see ("KANBOLAT, Hasan, …", "Kappeler, Andreas: …",
    # "Иванов И.И. …"), with German chapter editors ("in: Müller, Hans (Hrsg.): …")
    gost = looks_gost(work)
    if gost:
        work = prepare_gost(work)
    lead, work = take_lead_names(work, gost=gost)
    in_editors, work = take_in_editors(work)

    # 3c. a conference paper's bracket "(paper presented at …, New York, 4 May 2023)": the
    # meeting is not a publisher and its date not the work's title
    work = take_meeting(work)
    if "(" in work or "[" in work:
        work = _MEDIUM.sub(CUT, work)

    # 4. kind words: "press release", "Yüksek Lisans Tezi"
    kind_hint, work = take_kind_words(work)

    # 5. publication facts "(Oxford: Oxford University Press, 2016)"
    place, publisher, year, pub_date, work = take_publication(work, entry=not note)
    f["place"], f["publisher"] = place, publisher

    # 6. locators: pages (a trailing bare number only in notes), then volume/issue
    pages, work = take_pages(work.rstrip(CUT + " .,;"), trailing=note, have_year=bool(year))
    f["volume"], f["issue"], work = take_volume_issue(work)

    # 7. the publication date: the most specific date standing as a field of its own
    date, work = take_date(work)
    date = pub_date if pub_date and (not date or len(pub_date) > len(date)) else date
    f["date"] = date
    f["year"] = year or (int(date[:4]) if date else None)

    # 8. editors ("ed. X and Y") and translators (dropped)
    editors, work = take_editors(work)
    work = take_contributors(work)

    # 9. names, title and container from what is left; a note that is a comment
    # ("Bu konuda ayrıntılı bilgi için …") cites nothing and gets no fields
    if note and is_commentary(work, f, pages):
        return _Parsed(comment=True)
    # a volume next to a publisher or place is one volume of a book ("Cilt I. İstanbul: …")
    journal = bool(f["issue"] or (f["volume"] and not (publisher or place)))
    fields = _fields(work, note=note, gost=gost, lead=lead, original=text)
    hosts = tuple(h for h in map(_host, url_values) if h)
    known = _known_authors(lead, gost, text)
    roles = assign_roles(fields, note=note, journal=journal, hosts=hosts, authors=known)
    f["authors"] = roles.authors
    lead_editors = lead.names if lead and lead.editors else []
    f["editors"] = lead_editors + in_editors + editors + roles.editors
    f["title"], f["container"] = roles.title, roles.container
    f["pages"] = pages or roles.pages
    if note and author_date_with_cut_year(f, roles):
        # "Yılmaz ve Kaya (2015), s. 12": step 7 already took the year out
        roles.authors, roles.title = split_names(roles.title or "")[0], None
        f["authors"], f["title"], f["short_form"] = roles.authors, None, True
    elif note and roles.title and not roles.authors and not roles.container and f["date"]:
        if SOURCE_LINE.fullmatch(text.strip()):
            # a teaser's source line "Karar (12.03.2024)": the outlet and the issue's date
            f["container"], f["title"] = roles.title, None
    elif note and roles.short_form and roles.year:
        f["short_form"], f["year"], f["date"] = True, roles.year, str(roles.year)
    elif note and roles.short_form and not has_facts(f):
        f["short_form"] = True
    elif note and short_title_in_pieces(f, roles):
        # "Kaya, Türkiye, Rusya ve Kafkasya, s. 14.": a short title with a comma in it
        f["title"], f["container"], f["short_form"] = (
            f"{roles.title}, {roles.container}",
            None,
            True,
        )
    if kind_hint and not f["container"] and lone_organisation(roles):
        # "Ministry of Foreign Affairs, Press Release No. 412/23, …": the issuer, untitled
        f["authors"], f["title"] = [roles.title], None

    # 10. kind of work, and what is missing
    chapter = roles.chapter or bool((editors or in_editors) and roles.container)
    kind = classify(f, roles, kind_hint, chapter=chapter, text=text)
    # a short form names no kind: it takes the one of the full note it points to
    f["kind"] = str(kind) if kind and not f.get("short_form") else None
    if note and book_title_in_pieces(f, roles, kind_hint):
        # "Kaya, Türkiye, Rusya ve Kafkasya (Ankara: Nobel, 2015)": a book note has no
        # container, so the field after the title is the rest of a title with a comma
        f["title"], f["container"] = f"{roles.title}, {roles.container}", None
    if note and not f["place"] and roles.container and known_place(roles.container):
        # "Author's interview with a diplomat, Baku, 4 May 2022": a place, not a container
        f["place"], f["container"] = roles.container, None
    out.problems.extend(citation_problems(f, roles))
    return out


def _fields(
    work: str, *, note: bool, gost: bool, lead: Lead | None, original: str = ""
) -> list[str]:
    """Field texts of what is left. Notes split at commas, entries at full stops;
    GOST at full stops always, Turkish comma style ("ÇİÇEK, Kemal, Kitap, …") at
    commas always. After a German "Name, Vorname:" the title runs to the next
    boundary or "in:", commas and full stops included ("Titel. Untertitel, …")."""
    commas = (note or (lead is not None and lead.style == "caps")) and not gost
    if lead is None or lead.style != "colon":
        fields = split_fields(work, commas=commas)
        # a bibliography entry in Turkish comma style ("Aydın, Mustafa (ed.), Kitap,
        # Londra, Routledge, 2004."): no full stop ends a field anywhere in it
        one_run = not commas and not gost and len(fields) == 1 and fields[0].count(",") >= 2
        if one_run and len(split_fields(original, commas=False)) == 1:
            fields = split_fields(work, commas=True)
        return fields
    body = work.lstrip(CUT + " ")
    # a note's title ends at its comma; an entry's may run on ("Titel. Entstehung, Zerfall")
    m = re.search(r"\x1f|,?\s(?=in:\s)" + (r"|," if note else ""), body)
    head, rest = (body[: m.start()], body[m.start() :]) if m else (body, "")
    title = clean_field(head)
    return ([title] if title else []) + split_fields(rest, commas=commas)


def _known_authors(lead: Lead | None, gost: bool, text: str) -> list[str] | None:
    """Authors found before the field split: the lead names (none when they are the
    editors); a Cyrillic GOST reference without them names no author (an edited
    volume, a news item). None: let the roles decide."""
    if lead is not None:
        return [] if lead.editors else lead.names
    if gost and re.search(r"[\u0400-\u04ff]", text):
        return []
    return None


def _host(url: str) -> str | None:
    try:
        return urlsplit(url).hostname
    except ValueError:
        return None
