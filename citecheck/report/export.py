"""Export a document's cited works as BibTeX or CSL-JSON (``citecheck export``).

CSL-JSON follows the schema Zotero and citeproc read (``type``, ``author`` with
``family``/``given`` or ``literal``, ``issued``/``accessed`` as ``date-parts``).
BibTeX is written by bibtexparser so quoting and escaping follow its rules.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

import bibtexparser
from bibtexparser.model import Entry, Field

from citecheck.model import Document, Work

# Words that mark an organisation rather than a person: its name goes out as a
# CSL "literal" / a braced BibTeX name so no tool splits it into given/family.
_CORPORATE = re.compile(
    r"\b(agency|ajans\w*|department|ministry|bakanlığı|merkezi|center|centre|institute|"
    r"enstitüsü|university|üniversitesi|organi[sz]ation|association|council|commission|"
    r"office|bank|fund|reuters|press|news|times|post|iea|nato|un|eu|ab|avim|tdt)\b|[()&]",
    re.IGNORECASE,
)

_CSL_TYPE = {
    "journal_article": "article-journal",
    "book_chapter": "chapter",
    "book": "book",
    "news_article": "article-newspaper",
    "press_release": "article",
    "report": "report",
    "thesis": "thesis",
    "web_page": "webpage",
}
_BIBTEX_TYPE = {
    "journal_article": "article",
    "book_chapter": "incollection",
    "book": "book",
    "report": "techreport",
    "thesis": "phdthesis",
}


def cited_works(doc: Document) -> list[Work]:
    """Each work once: every bibliography entry, then works cited only in notes."""
    works: list[Work] = list(doc.bibliography)
    for note in doc.notes:
        if note.bib_entry is not None or note.ibid_of is not None:
            continue
        works.extend(c for c in note.citations if not c.ibid and not c.short_form and c.title)
    return works


def split_name(name: str) -> dict[str, str]:
    """A CSL name: {"family", "given"} for a person, {"literal"} for an organisation."""
    name = " ".join(name.split())
    if "," in name:
        family, given = (part.strip() for part in name.split(",", 1))
        return {"family": family, "given": given} if given else {"literal": family}
    parts = name.split(" ")
    if len(parts) == 1 or _CORPORATE.search(name):
        return {"literal": name}
    return {"family": parts[-1], "given": " ".join(parts[:-1])}


def _date_parts(iso: str | None) -> dict[str, Any] | None:
    if not iso:
        return None
    parts = [int(p) for p in iso.split("-") if p.isdigit()]
    return {"date-parts": [parts]} if parts else None


def to_csl(work: Work, item_id: str) -> dict[str, Any]:
    item: dict[str, Any] = {"id": item_id, "type": _CSL_TYPE.get(work.kind or "", "document")}
    if work.title:
        item["title"] = work.title
    if work.authors:
        item["author"] = [split_name(a) for a in work.authors]
    if work.editors:
        item["editor"] = [split_name(e) for e in work.editors]
    simple = {
        "container-title": work.container,
        "publisher": work.publisher,
        "publisher-place": work.place,
        "page": work.pages,
        "volume": work.volume,
        "issue": work.issue,
        "DOI": work.doi,
        "URL": work.urls[0] if work.urls else None,
    }
    item.update({k: v for k, v in simple.items() if v})
    issued = _date_parts(work.date) or _date_parts(str(work.year) if work.year else None)
    if issued:
        item["issued"] = issued
    accessed = _date_parts(work.accessed)
    if accessed:
        item["accessed"] = accessed
    return item


def _ascii(text: str) -> str:
    text = text.replace("ı", "i").replace("İ", "I")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def cite_key(work: Work, taken: set[str]) -> str:
    """``surname2025word``: stable, ASCII, unique within one export."""
    who = work.authors[0] if work.authors else (work.container or "anon")
    name = split_name(who)
    surname = name.get("family") or name.get("literal", "anon")
    word = next((w for w in re.findall(r"\w+", _ascii(work.title or "")) if len(w) > 3), "")
    base = re.sub(r"\W", "", _ascii(surname).lower())[:20] + str(work.year or "") + word.lower()
    base = base or "work"
    key, n = base, 1
    while key in taken:
        n += 1
        key = f"{base}{chr(ord('a') + n - 2)}" if n <= 27 else f"{base}{n}"
    taken.add(key)
    return key


def to_csl_json(doc: Document) -> str:
    taken: set[str] = set()
    items = [to_csl(w, cite_key(w, taken)) for w in cited_works(doc)]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def _bibtex_name(name: str) -> str:
    csl = split_name(name)
    if "literal" in csl:
        return "{" + csl["literal"] + "}"  # braces keep an organisation whole
    return f"{csl['family']}, {csl['given']}"


def to_bibtex(doc: Document) -> str:
    library = bibtexparser.Library()
    taken: set[str] = set()
    for work in cited_works(doc):
        values = {
            "author": " and ".join(_bibtex_name(a) for a in work.authors),
            "editor": " and ".join(_bibtex_name(e) for e in work.editors),
            "title": work.title,
            "year": str(work.year) if work.year else None,
            "publisher": work.publisher,
            "address": work.place,
            "pages": work.pages.replace("-", "--") if work.pages else None,
            "volume": work.volume,
            "number": work.issue,
            "doi": work.doi,
            "url": work.urls[0] if work.urls else None,
            "urldate": work.accessed,
        }
        entry_type = _BIBTEX_TYPE.get(work.kind or "", "misc")
        container_field = {"article": "journal", "incollection": "booktitle"}.get(entry_type)
        if work.container:
            values[container_field or "howpublished"] = work.container
        fields_ = [Field(k, v) for k, v in values.items() if v]
        library.add(Entry(entry_type, cite_key(work, taken), fields_))
    return bibtexparser.write_string(library)
