"""Registry answers (CSL-JSON, Crossref, DataCite) turned into :class:`WorkRecord`.

Pure: takes decoded JSON, returns records. Each reader accepts whatever the
registry sends and never raises on a missing or oddly typed field: a field it
cannot read stays None. :class:`RecordError` is raised only when the JSON is
not a record of that kind at all (an error object, a list, a string).

Retractions, withdrawals and corrections become ``WorkRecord.updates`` entries
``{"type", "doi", "date", "label", "relation", "source"}``:

- ``relation`` ``"updated-by"``: a notice updates THIS work (Crossref
  ``updated-by``, Crossref ``relation`` "is-retracted-by"-style keys, DataCite
  ``relatedIdentifiers`` IsRetractedBy/IsCorrectedBy/…): the cited work is
  retracted or corrected;
- ``relation`` ``"update-to"``: THIS record is the notice (Crossref
  ``update-to``): the DOI cited is a retraction/correction notice, not the work.

``type`` is one of UPDATE_TYPES' values.
"""

from __future__ import annotations

import re
from typing import Any

from citecheck.model import WorkRecord
from citecheck.notes.identifiers import normalize_doi

__all__ = [
    "UPDATE_TYPES",
    "RecordError",
    "from_crossref",
    "from_crossref_items",
    "from_csl",
    "from_datacite",
    "update_type",
]


class RecordError(ValueError):
    """The JSON is not a work record of the expected kind."""


# Crossref/CSL/DataCite work types -> codes.CitationKind values.
WORK_KINDS = {
    "article-journal": "journal_article",
    "journal-article": "journal_article",
    "journalarticle": "journal_article",
    "article": "journal_article",
    "chapter": "book_chapter",
    "book-chapter": "book_chapter",
    "book-section": "book_chapter",
    "bookchapter": "book_chapter",
    "book": "book",
    "monograph": "book",
    "edited-book": "book",
    "reference-book": "book",
    "report": "report",
    "thesis": "thesis",
    "dissertation": "thesis",
    "article-newspaper": "news_article",
    "article-magazine": "news_article",
    "webpage": "web_page",
    "post-weblog": "web_page",
    "post": "web_page",
}

# Words in a notice type or relation name -> the update type reported.
UPDATE_TYPES = {
    "retract": "retraction",
    "withdraw": "withdrawal",
    "removal": "withdrawal",
    "expression_of_concern": "expression_of_concern",
    "expression-of-concern": "expression_of_concern",
    "expressionofconcern": "expression_of_concern",
    "correct": "correction",
    "erratum": "correction",
    "corrigendum": "correction",
    "addendum": "correction",
}


def update_type(name: str | None) -> str | None:
    """``"retraction"``, ``"IsRetractedBy"``, ``"is-corrected-by"`` -> the update type."""
    key = (name or "").lower()
    for word, kind in UPDATE_TYPES.items():
        if word in key:
            return kind
    return None


# ---------------------------------------------------------------- helpers


def _text(value: Any) -> str | None:
    """A clean one-line string from a string, a list of strings (first) or a number."""
    if isinstance(value, list):
        value = next(
            (v for v in value if isinstance(v, str | int | float) and str(v).strip()), None
        )
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    text = re.sub(r"<[^>]{1,40}>", "", str(value))  # Crossref titles carry <i>, <sub>, <scp>
    text = " ".join(text.split())
    return text or None


def _date_parts(value: Any) -> str | None:
    """CSL/Crossref ``{"date-parts": [[2023, 4, 15]]}`` (or ``raw``/``literal``) -> ISO."""
    if not isinstance(value, dict):
        return None
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        nums: list[int] = []
        for p in parts[0][:3]:
            try:
                nums.append(int(p))
            except (TypeError, ValueError):
                break
        return _iso(nums)
    for key in ("raw", "literal"):
        iso = _iso_string(value.get(key))
        if iso:
            return iso
    return None


def _iso(nums: list[int]) -> str | None:
    if not nums or not 1000 <= nums[0] <= 2999:
        return None
    out = f"{nums[0]:04d}"
    if len(nums) > 1 and 1 <= nums[1] <= 12:
        out += f"-{nums[1]:02d}"
        if len(nums) > 2 and 1 <= nums[2] <= 31:
            out += f"-{nums[2]:02d}"
    return out


_ISO_PREFIX = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _iso_string(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    m = _ISO_PREFIX.match(value)
    if not m:
        return None
    return _iso([int(g) for g in m.groups() if g])


def _full_title(title: Any, subtitle: Any) -> str | None:
    """ "Title: Subtitle" from separate fields (Crossref, CSL, DataCite), once."""
    main, sub = _text(title), _text(subtitle)
    if main and sub and sub.lower() not in main.lower():
        return f"{main}: {sub}"
    return main


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdecimal() else None


def _name(person: Any) -> str | None:
    """CSL/Crossref/DataCite person -> "Family, Given", or the literal/organisation name."""
    if isinstance(person, str):
        return _text(person)
    if not isinstance(person, dict):
        return None
    family = _text(person.get("family") or person.get("familyName"))
    given = _text(person.get("given") or person.get("givenName"))
    if family:
        return f"{family}, {given}" if given else family
    return _text(person.get("literal") or person.get("name"))


def _names(people: Any) -> list[str]:
    if not isinstance(people, list):
        return []
    return [n for n in (_name(p) for p in people) if n]


def _pages(first: Any, last: Any) -> str | None:
    a, b = _text(first), _text(last)
    if a and b and a != b:
        return f"{a}-{b}"
    return a or None


def _kind(*types: Any) -> str | None:
    for t in types:
        key = (_text(t) or "").lower().replace("_", "-")
        if key in WORK_KINDS:
            return WORK_KINDS[key]
    return None


def _doi(value: Any) -> str | None:
    text = _text(value)
    return normalize_doi(text) if text else None


def _update(kind: str, doi: Any, date: str | None, label: Any, relation: str, source: Any) -> dict:
    entry = {
        "type": kind,
        "doi": _doi(doi) or "",
        "date": date or "",
        "label": _text(label) or kind.replace("_", " ").capitalize(),
        "relation": relation,
        "source": _text(source) or "",
    }
    return entry


def _crossref_updates(msg: dict[str, Any]) -> list[dict[str, str]]:
    updates: list[dict[str, str]] = []
    for field, relation in (("updated-by", "updated-by"), ("update-to", "update-to")):
        items = msg.get(field)
        for item in items if isinstance(items, list) else []:
            if not isinstance(item, dict):
                continue
            kind = update_type(_text(item.get("type"))) or update_type(_text(item.get("label")))
            if kind is None:
                continue  # "new_version", "partial_retraction" is still matched by "retract"
            date = _date_parts(item.get("updated"))
            updates.append(
                _update(
                    kind, item.get("DOI"), date, item.get("label"), relation, item.get("source")
                )
            )
    relations = msg.get("relation")
    if isinstance(relations, dict):
        for name, targets in relations.items():
            kind = update_type(name)
            if kind is None or not isinstance(targets, list):
                continue
            # "is-retracted-by" points at the notice; "is-retraction-of"/"retracts" is the notice.
            relation = "updated-by" if name.endswith("-by") else "update-to"
            for t in targets:
                if isinstance(t, dict) and (t.get("id-type") in (None, "doi")):
                    updates.append(_update(kind, t.get("id"), None, None, relation, "relation"))
    return _dedupe(updates)


def _dedupe(updates: list[dict[str, str]]) -> list[dict[str, str]]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    for u in updates:
        key = (u["type"], u["doi"], u["relation"])
        if key not in seen:
            seen.add(key)
            out.append(u)
    return out


# ---------------------------------------------------------------- readers


def _csl_like(data: dict[str, Any], source: str, agency: str | None) -> WorkRecord:
    """Crossref's work JSON and CSL-JSON share their field names; one reader serves both."""
    # Citations give the issue's (print) date; "issued" is the earliest of print/online.
    date = next(filter(None, (_date_parts(data.get(k)) for k in _DATE_KEYS)), None)
    return WorkRecord(
        source=source,
        title=_full_title(data.get("title"), data.get("subtitle")),
        authors=_names(data.get("author")) or _names(data.get("editor")),
        container=_text(data.get("container-title")),
        publisher=_text(data.get("publisher")),
        date=date,
        year=_year(date),
        volume=_text(data.get("volume")),
        issue=_text(data.get("issue")),
        pages=_text(data.get("page")),
        url=_text(data.get("URL")),
        doi=_doi(data.get("DOI")) or _doi(data.get("id")),
        agency=agency,
        kind=_kind(data.get("type")),
        language=_text(data.get("language")),
        updates=_crossref_updates(data),
    )


_DATE_KEYS = ("published-print", "issued", "published-online", "published")


def from_csl(data: Any, source: str = "doi.org") -> WorkRecord:
    """A CSL-JSON item (doi.org content negotiation) as a WorkRecord.

    Crossref's CSL answer is nearly its REST record (``source: "Crossref"``,
    ``update-to``, ``relation``), so its update fields are read too.
    """
    if isinstance(data, list) and len(data) == 1:
        data = data[0]
    if not isinstance(data, dict) or not (data.get("title") or data.get("DOI") or data.get("id")):
        raise RecordError("not a CSL-JSON item")
    agency = (_text(data.get("source")) or "").lower()
    return _csl_like(data, source, agency if agency in ("crossref", "datacite") else None)


def from_crossref(data: Any) -> WorkRecord:
    """A Crossref ``/works/{doi}`` answer (or one item of a query) as a WorkRecord."""
    msg = data.get("message") if isinstance(data, dict) and "message" in data else data
    if not isinstance(msg, dict) or not (msg.get("DOI") or msg.get("title")):
        raise RecordError("not a Crossref work")
    return _csl_like(msg, "crossref", "crossref")


def from_crossref_items(data: Any) -> list[WorkRecord]:
    """The items of a Crossref ``/works?query…`` answer; unreadable items are skipped."""
    msg = data.get("message") if isinstance(data, dict) else None
    items = msg.get("items") if isinstance(msg, dict) else None
    if not isinstance(items, list):
        raise RecordError("not a Crossref query answer")
    out = []
    for item in items:
        try:
            out.append(from_crossref(item))
        except RecordError:
            continue
    return out


def _datacite_date(attrs: dict[str, Any]) -> str | None:
    dates = attrs.get("dates")
    by_type: dict[str, str] = {}
    for d in dates if isinstance(dates, list) else []:
        if isinstance(d, dict):
            iso = _iso_string(d.get("date"))
            kind = (_text(d.get("dateType")) or "").lower()
            if iso and kind not in by_type:
                by_type[kind] = iso
    for kind in ("issued", "available", "created", "submitted"):
        if kind in by_type:
            return by_type[kind]
    year = attrs.get("publicationYear")
    return _iso_string(str(year)) if year else None


def _datacite_updates(attrs: dict[str, Any]) -> list[dict[str, str]]:
    updates = []
    related = attrs.get("relatedIdentifiers")
    for r in related if isinstance(related, list) else []:
        if not isinstance(r, dict):
            continue
        name = _text(r.get("relationType")) or ""
        kind = update_type(name)
        if kind is None:
            continue
        relation = "updated-by" if name.lower().endswith("by") else "update-to"
        doi = r.get("relatedIdentifier") if r.get("relatedIdentifierType") in ("DOI", None) else ""
        updates.append(_update(kind, doi, None, None, relation, "datacite"))
    return _dedupe(updates)


def _datacite_container(attrs: dict[str, Any]) -> dict[str, Any]:
    """Journal, volume, issue and pages: ``container``, else a related item it is published in."""
    container = attrs.get("container") if isinstance(attrs.get("container"), dict) else {}
    items = attrs.get("relatedItems")
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and (_text(item.get("relationType")) or "") == "IsPublishedIn":
            titles = item.get("titles")
            title = (
                _text(titles[0].get("title")) if titles and isinstance(titles[0], dict) else None
            )
            merged = {
                "title": title,
                "volume": item.get("volume"),
                "issue": item.get("issue"),
                "firstPage": item.get("firstPage"),
                "lastPage": item.get("lastPage"),
            }
            return {k: v for k, v in {**merged, **container}.items() if v}
    return container


def from_datacite(data: Any) -> WorkRecord:
    """A DataCite ``/dois/{doi}`` answer (JSON:API) as a WorkRecord."""
    item = data.get("data") if isinstance(data, dict) else None
    attrs = item.get("attributes") if isinstance(item, dict) else None
    if not isinstance(attrs, dict):
        raise RecordError("not a DataCite record")
    titles = attrs.get("titles")
    main = sub = None
    for t in titles if isinstance(titles, list) else []:
        if not isinstance(t, dict):
            continue
        kind = (_text(t.get("titleType")) or "").lower()
        if not kind and main is None:
            main = _text(t.get("title"))
        elif kind == "subtitle" and sub is None:
            sub = _text(t.get("title"))
    container = _datacite_container(attrs)
    types = attrs.get("types") if isinstance(attrs.get("types"), dict) else {}
    date = _datacite_date(attrs)
    return WorkRecord(
        source="datacite",
        title=_full_title(main, sub),
        authors=_names(attrs.get("creators")),
        container=_text(container.get("title")),
        publisher=_text(
            attrs["publisher"].get("name")
            if isinstance(attrs.get("publisher"), dict)
            else attrs.get("publisher")
        ),
        date=date,
        year=_year(date),
        volume=_text(container.get("volume")),
        issue=_text(container.get("issue")),
        pages=_pages(container.get("firstPage"), container.get("lastPage")),
        url=_text(attrs.get("url")),
        doi=_doi(attrs.get("doi")) or _doi(item.get("id")),
        agency="datacite",
        kind=_kind(types.get("citeproc"), types.get("resourceTypeGeneral"), types.get("bibtex")),
        language=_text(attrs.get("language")),
        updates=_datacite_updates(attrs),
    )
