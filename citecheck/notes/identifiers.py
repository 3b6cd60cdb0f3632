"""URLs and DOIs in note, bibliography and page text.

Both finders return ``(value, start, end)`` where ``text[start:end]`` is the
identifier as written (escapes and all) and ``value`` is cleaned up for use:
Markdown escapes removed (``\\_`` -> ``_``), trailing sentence punctuation and
closing quotes/brackets that belong to the text rather than the link dropped.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

# A URL runs until whitespace, an angle bracket, a double quote of any kind or
# the "](" joint of a Markdown link [text](url). Single quotes are allowed inside
# (they occur in query strings) and handled at the end (Turkish suffixes).
_URL = re.compile(
    r"(?:(?<![\w@/.])(?:https?|ftp)://|(?<![\w@/.:-])www\.)"
    r"(?:(?!\]\()[^\s<>\"“”«»])+",
    re.IGNORECASE,
)
# Punctuation that ends a sentence or closes a bracket/quote around a link.
_TRAILING = ".,;:!?*'\"’”»\\"
_CLOSING = {")": "(", "]": "[", "}": "{", ">": "<"}
# Turkish attaches case suffixes to a URL with an apostrophe: "avim.org.tr'de",
# "www.iea.org’dan". A quote followed only by letters up to the end is a suffix.
_TURKISH_SUFFIX = re.compile(r"['’][^\W\d_]{1,6}$")
# Markdown/pandoc exports escape punctuation: "critical\_minerals", "\$25".
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")

# DOI: "10." + registrant code (4-9 digits, maybe dotted sub-codes) + "/" + suffix.
_DOI_CORE = r"10\.\d{4,9}(?:\.\d+)*/(?:(?!\]\()[^\s<>\"“”«»])+"
_BARE_DOI = re.compile(r"(?<![\w./])" + _DOI_CORE)
# Cues written in front of a DOI: "doi:", "DOI: ", "doi ", "DOI="
_DOI_CUE = re.compile(r"(?<!\w)doi\s*[:=]?\s*$", re.IGNORECASE)
_DOI_HOSTS = {"doi.org", "dx.doi.org", "www.doi.org"}
_DOI_PREFIXES = re.compile(
    r"^(?:(?:https?://)?(?:dx\.|www\.)?doi\.org/|doi\s*[:=]?\s*|info:doi/|urn:doi:)",
    re.IGNORECASE,
)
_DOI_VALID = re.compile(r"10\.\d{4,9}(?:\.\d+)*/\S+")


def _trim(candidate: str) -> str:
    """Drop trailing punctuation that belongs to the surrounding text.

    A closing bracket stays when it balances an opening one inside the link
    (``https://en.wikipedia.org/wiki/Tenge_(currency)``).
    """
    while candidate:
        last = candidate[-1]
        if last in _CLOSING:
            if candidate.count(_CLOSING[last]) >= candidate.count(last):
                break
        elif last not in _TRAILING:
            break
        candidate = candidate[:-1]
    return candidate


def find_urls(text: str) -> list[tuple[str, int, int]]:
    """Every http(s)/ftp/www URL in ``text``: (url, start, end), in text order.

    ``<https://…>``, Markdown ``[title](https://…)`` and bare links are found alike;
    ``www.`` links get an ``http://`` scheme so they can be fetched.
    """
    found: list[tuple[str, int, int]] = []
    for m in _URL.finditer(text):
        raw = _trim(m.group())
        suffix = _TURKISH_SUFFIX.search(raw)
        if suffix:
            raw = _trim(raw[: suffix.start()])
        url = _MD_ESCAPE.sub(r"\1", raw)
        if url.lower().startswith("www."):
            url = "http://" + url
        if not _has_host(url):
            continue
        found.append((url, m.start(), m.start() + len(raw)))
    return found


def _has_host(url: str) -> bool:
    try:
        host = urlsplit(url).hostname
    except ValueError:  # malformed port or IPv6 literal
        return False
    return bool(host) and (("." in host) or host == "localhost")


def normalize_doi(s: str) -> str | None:
    """A DOI in canonical form (lower case, no resolver prefix, percent-decoded), else None.

    ``"https://doi.org/10.5281/ZENODO.7827403"`` -> ``"10.5281/zenodo.7827403"``;
    ``"doi:10.1000/182."`` -> ``"10.1000/182"``; ``"hello"`` -> None. DOIs are
    case-insensitive by definition, so lower case is safe to compare.
    """
    value = _MD_ESCAPE.sub(r"\1", s.strip())
    value = _DOI_PREFIXES.sub("", value, count=1)
    value = _trim(unquote(value).strip())
    if not _DOI_VALID.fullmatch(value):
        return None
    return value.lower()


def find_dois(text: str) -> list[tuple[str, int, int]]:
    """Every DOI in ``text``: (normalized doi, start, end), in text order.

    The span covers the DOI as written including its resolver URL
    (``https://doi.org/…``, ``http://dx.doi.org/…``) or cue (``doi:``, ``DOI: ``).
    A DOI inside some other site's URL (``tandfonline.com/doi/10.…``) is not
    reported: that URL is the publisher's page, not the identifier.
    """
    found: list[tuple[str, int, int]] = []
    url_spans: list[tuple[int, int]] = []
    # 1. doi.org links: the whole URL is the DOI
    for url, start, end in find_urls(text):
        url_spans.append((start, end))
        host = (urlsplit(url).hostname or "").lower()
        if host in _DOI_HOSTS:
            doi = normalize_doi(url)
            if doi:
                found.append((doi, start, end))
    # 2. bare DOIs outside any URL, extended backwards over a "doi:" cue
    for m in _BARE_DOI.finditer(text):
        if any(s <= m.start() < e for s, e in url_spans):
            continue
        raw = _trim(m.group())
        doi = normalize_doi(raw)
        if doi is None:
            continue
        start = m.start()
        cue = _DOI_CUE.search(text, max(0, start - 8), start)
        if cue:
            start = cue.start()
        found.append((doi, start, m.start() + len(raw)))
    return sorted(found, key=lambda f: f[1])
