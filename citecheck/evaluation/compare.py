"""How a parsed field is compared with its label, and what a valid label is.

The yardstick is deliberately separate from the parser's own helpers (it does not
import citecheck.notes): a bug in a shared normaliser must not make the parser and
its measurement agree by accident.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from itertools import permutations
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

from citecheck.codes import CitationKind

CITATION_KINDS = frozenset(k.value for k in CitationKind)
ITEM_KEYS = frozenset({"id", "kind", "lang", "text", "expected", "tags"})
ITEM_KINDS = frozenset({"note", "bib"})
LANGS = frozenset({"tr", "en"})

NAME_LIST_FIELDS = frozenset({"authors", "editors"})
TEXT_FIELDS = frozenset({"title", "container", "publisher", "place", "volume", "issue"})
DATE_FIELDS = frozenset({"date", "accessed"})
BOOL_FIELDS = frozenset({"ibid", "short_form"})
WORK_LABELS = frozenset(
    {*NAME_LIST_FIELDS, *TEXT_FIELDS, *DATE_FIELDS, "year", "pages", "urls", "doi", "kind"}
)
CITATION_LABELS = WORK_LABELS | {"ibid", "ibid_author", "short_form", "problems"}
NOTE_LABELS = CITATION_LABELS | {"n_citations", "citations"}
BIB_LABELS = WORK_LABELS | {"problems"}

# Quotes and apostrophes of every kind, and Markdown emphasis: labels and parsed
# values differ in these for reasons that say nothing about parsing (an export drops
# them, a page curls them), so comparison ignores them.
_QUOTES = re.compile(r"[\"'`´‘’‚‛“”„‟«»‹›*]")
_DASHES = re.compile(r"[‐‑‒–—―−]")
_EDGE = " .,;:"
_ISO = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
# Size of an author list up to which every pairing is tried (longer lists pair greedily).
_MAX_EXACT_PAIRING = 6


def fold(text: str) -> str:
    """Case-insensitive key; Turkish dotted İ and dotless ı both become plain i."""
    text = unicodedata.normalize("NFKC", text).replace("İ", "i").replace("ı", "i")
    return unicodedata.normalize("NFC", text.casefold())


def norm_text(text: str) -> str:
    text = _DASHES.sub("-", _QUOTES.sub("", fold(text)))
    return " ".join(text.split()).strip(_EDGE)


def name_tokens(name: str) -> list[str]:
    return re.findall(r"\w+", _QUOTES.sub("", fold(name)))


def name_matches(expected: str, got: str) -> bool:
    """The expected surname's words occur, in order and adjacent, in the parsed name.

    ``"Hancock"`` matches ``"Kathleen J. Hancock"`` and ``"Hancock, Kathleen J."``;
    ``"de Waal"`` matches ``"Thomas de Waal"``; ``"IEA"`` matches ``"International
    Energy Agency (IEA)"``.
    """
    want, have = name_tokens(expected), name_tokens(got)
    if not want:
        return not have
    return any(have[i : i + len(want)] == want for i in range(len(have) - len(want) + 1))


def names_equal(expected: list[str], got: list[str]) -> bool:
    """Both lists pair up one to one by :func:`name_matches`, in any order."""
    if len(expected) != len(got):
        return False
    if len(got) <= _MAX_EXACT_PAIRING:
        return any(
            all(name_matches(e, g) for e, g in zip(expected, perm, strict=True))
            for perm in permutations(got)
        )
    left = list(got)
    for e in expected:
        hit = next((g for g in left if name_matches(e, g)), None)
        if hit is None:
            return False
        left.remove(hit)
    return True


def norm_pages(pages: str) -> str:
    return "".join(_DASHES.sub("-", fold(pages)).split())


def norm_url(url: str) -> str:
    url = url.strip().lstrip("<").rstrip(">.,;")
    if url.lower().startswith("www."):  # a scheme-less link is the http:// one
        url = "http://" + url
    parts = urlsplit(unquote(url))
    path = parts.path.rstrip("/")
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def is_empty(value: object) -> bool:
    """None, "", [] and False are "not given"; 0 is a value (n_citations)."""
    return value is None or value is False or (isinstance(value, str | list | tuple) and not value)


def _as_int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [str(v) for v in value if v]
    return []


def values_match(name: str, expected: Any, got: Any) -> bool:
    """Whether a parsed value counts as right for the label of field ``name``."""
    if is_empty(expected) and name != "n_citations":
        return is_empty(got)
    if is_empty(got) and name not in BOOL_FIELDS:
        return False
    if name in NAME_LIST_FIELDS:
        return names_equal(list(expected), _strings(got))
    if name == "ibid_author":
        return isinstance(got, str) and name_matches(expected, got)
    if name in TEXT_FIELDS:
        return norm_text(str(got)) == norm_text(str(expected))
    if name in ("year", "n_citations"):
        return _as_int(got) == expected
    if name in BOOL_FIELDS:
        return bool(got) == expected
    if name in DATE_FIELDS:
        return str(got).strip() == expected
    if name == "pages":
        return norm_pages(str(got)) == norm_pages(expected)
    if name == "urls":
        return {norm_url(u) for u in _strings(got)} == {norm_url(u) for u in expected}
    if name == "doi":
        return str(got).strip().lower() == expected.lower()
    if name == "problems":
        return sorted(_strings(got)) == sorted(expected)
    return got == expected  # kind


def show(value: object, width: int = 70) -> str:
    """Short printable form: strings quoted, other values as Python writes them."""
    text = repr(value.replace("\n", " ") if isinstance(value, str) else value)
    return text[: width - 1] + "…" if len(text) > width else text


# ---------------------------------------------------------------- label validation


def _valid_iso(value: object) -> bool:
    if not isinstance(value, str) or not _ISO.fullmatch(value):
        return False
    parts = [int(p) for p in value.split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def _is_str_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def _label_problems(name: str, value: Any) -> list[str]:
    """Problems with one label value (``None`` = negative label, allowed for scalars)."""
    if name in NAME_LIST_FIELDS or name in ("urls", "problems"):
        return [] if _is_str_list(value) else [f"{name} must be a list of non-empty strings"]
    if name in BOOL_FIELDS:
        return [] if isinstance(value, bool) else [f"{name} must be true or false"]
    if value is None:
        return []
    if name in TEXT_FIELDS or name == "ibid_author":
        ok = isinstance(value, str) and value.strip() and value == value.strip()
        return [] if ok else [f"{name} must be a trimmed non-empty string"]
    if name == "year":
        ok = isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 2100
        return [] if ok else ["year must be an int between 1000 and 2100"]
    if name in DATE_FIELDS:
        return [] if _valid_iso(value) else [f"{name} {value!r} is not an ISO date"]
    if name == "pages":
        ok = isinstance(value, str) and re.fullmatch(r"[A-Za-z]?\d+(?:-[A-Za-z]?\d+)?", value)
        return [] if ok else [f"pages {value!r} must look like '769' or '30-33'"]
    if name == "doi":
        ok = isinstance(value, str) and value == value.lower() and value.startswith("10.")
        return [] if ok else [f"doi {value!r} must be lower-case with no resolver prefix"]
    if name == "kind":
        return [] if value in CITATION_KINDS else [f"kind {value!r} is not a CitationKind"]
    if name == "n_citations":
        ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
        return [] if ok else ["n_citations must be a non-negative int"]
    return [f"unknown field {name!r}"]


def _fields_problems(labels: dict[str, Any], allowed: frozenset[str], where: str) -> list[str]:
    problems = []
    for name, value in labels.items():
        if name not in allowed:
            problems.append(f"{where}field {name!r} is not allowed here")
        elif name != "citations":
            problems += [where + p for p in _label_problems(name, value)]
    year, when = labels.get("year"), labels.get("date")
    if isinstance(year, int) and isinstance(when, str) and not when.startswith(str(year)):
        problems.append(f"{where}date {when} disagrees with year {year}")
    return problems


def validate_item(obj: Any) -> list[str]:
    """Everything wrong with one eval item (empty list: valid)."""
    if not isinstance(obj, dict):
        return ["item is not a JSON object"]
    problems = []
    if set(obj) != ITEM_KEYS:
        problems.append(f"keys must be {sorted(ITEM_KEYS)}, got {sorted(obj)}")
    if not isinstance(obj.get("id"), str) or not obj.get("id"):
        problems.append("id must be a non-empty string")
    if obj.get("kind") not in ITEM_KINDS:
        problems.append(f"kind must be one of {sorted(ITEM_KINDS)}")
    if obj.get("lang") not in LANGS:
        problems.append(f"lang must be one of {sorted(LANGS)}")
    if not isinstance(obj.get("text"), str) or not obj.get("text", "").strip():
        problems.append("text must be a non-empty string")
    if not _is_str_list(obj.get("tags")) or not obj.get("tags"):
        problems.append("tags must be a non-empty list of strings")
    expected = obj.get("expected")
    if not isinstance(expected, dict) or not expected:
        return [*problems, "expected must be a non-empty object"]
    allowed = NOTE_LABELS if obj.get("kind") == "note" else BIB_LABELS
    problems += _fields_problems(expected, allowed, "")
    subs = expected.get("citations")
    if subs is not None:
        if (
            not isinstance(subs, list)
            or len(subs) < 2
            or not all(isinstance(s, dict) for s in subs)
        ):
            return [*problems, "citations must be a list of at least two objects"]
        if expected.get("n_citations") != len(subs):
            problems.append("n_citations must equal the number of citations")
        if set(expected) - {"citations", "n_citations"}:
            problems.append("a note with citations keeps its fields inside them")
        for i, sub in enumerate(subs):
            problems += _fields_problems(sub, CITATION_LABELS, f"citations[{i}].")
    return problems
