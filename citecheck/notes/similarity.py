"""Text folding and similarity measures shared by ibid resolution, linking and lint.

Everything here is tolerant of the damage text exports do to citations: lost
apostrophes and quotes (``ABDnin`` for ``ABD'nin``), ``[ ]`` holes where
characters dropped, Turkish letters folded to ASCII (``İ ı ş ğ ç ö ü``), case,
and subtitles present on one side only.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit

from rapidfuzz import fuzz, process

# Turkish letters that NFKD does not decompose to ASCII (ı) or that lower()
# gets wrong (İ -> "i̇" with a combining dot); fold them before anything else.
_TURKISH = str.maketrans({"İ": "i", "I": "i", "ı": "i", "Ş": "s", "ş": "s", "Ğ": "g", "ğ": "g"})
# Apostrophes and quotes vanish in text exports, so they are deleted (not made
# spaces): "ABD'nin" and "ABDnin" must fold to the same token.
_DELETE = re.compile(r"[\'\"`´‘’‚‛“”„‟«»‹›*_\\]")
_HOLE = re.compile(r"\[\s*\]")
_NON_WORD = re.compile(r"[\W_]+")  # any script's letters and digits are words
# Leading articles (English, German, French, Spanish, Italian) a title may
# carry on one side only: "The Oxford Handbook …" / "Oxford Handbook …".
_LEADING_ARTICLE = re.compile(r"^(the|a|an|der|die|das|le|la|les|el|los|il) ")
# Subtitle separators: "Title: Subtitle", "Title — Subtitle", "Title. Subtitle".
_SUBTITLE = re.compile(r"\s*(?::|—|–| - |\.\s|\?\s|!\s)\s*")


# Linking compares every note with every entry: the same strings are folded
# and split again and again, so the pure helpers below are memoised.
_CACHE = 8192


@lru_cache(maxsize=_CACHE)
def fold(text: str | None) -> str:
    """Lower-case words separated by single spaces; quotes and holes removed, accents folded.

    Letters outside Latin (Cyrillic, Greek) keep their case-folded form.
    """
    if not text:
        return ""
    text = _HOLE.sub(" ", text)
    text = _DELETE.sub("", text.translate(_TURKISH))
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", text.lower()).strip()


@lru_cache(maxsize=_CACHE)
def main_title(title: str | None) -> str:
    """The title without its subtitle, folded."""
    if not title:
        return ""
    head = _SUBTITLE.split(_HOLE.sub(" ", title).strip(), maxsplit=1)[0]
    return fold(head)


# Where a title may be cut: a "[ ]" hole, quotes, and punctuation that ends a
# field or a subtitle. Runs of the pieces between cuts are compared, so that
# "Alberto [ ] C5+1 Summit: …" (a hole ate the surname and the field break)
# and "Renewed Western Interest in Central Asia, Social Evolution and History"
# (title and journal run together) still match their entries, while a title
# that merely shares words ("Critical Minerals" inside "Global Critical
# Minerals Outlook 2024") does not.
_CUTS = re.compile(r"\[\s*\]|[,;:()\[\]“”„\"«»<>]|\s[-–—]\s|[.?!](?:\s|$)")
# A run of pieces counts a little less than a whole-title match, so that an
# exact title beats a title that merely contains it.
PARTIAL_WEIGHT = 0.95
# Shorter runs than this are only used when they start the text: a lone
# piece like "IEA" or "2016" in the middle of a note must not pass for a title.
MIN_PARTIAL_CHARS = 12


@lru_cache(maxsize=_CACHE)
def _runs(text: str, limit: int) -> tuple[tuple[int, str], ...]:
    """(first piece index, folded run) for contiguous runs of pieces up to ``limit`` chars."""
    pieces = [fold(p) for p in _CUTS.split(text)]
    pieces = [p for p in pieces if p]
    runs = []
    for i in range(len(pieces)):
        run = ""
        for piece in pieces[i:]:
            run = f"{run} {piece}".strip()
            if len(run) > limit:
                break
            runs.append((i, run))
    return tuple(runs)


def _best_run(title: str, text: str) -> float:
    """Best ratio between folded ``title`` and a run of ``text``'s pieces (0-100)."""
    ft = fold(title)
    runs = [
        run
        for first, run in _runs(text, 2 * len(ft) + 10)
        if first == 0 or len(run) >= MIN_PARTIAL_CHARS
    ]
    best = process.extractOne(ft, runs, scorer=fuzz.ratio) if runs else None
    return float(best[1]) if best else 0.0


def title_similarity(a: str | None, b: str | None) -> float:
    """0-100 similarity of two titles, robust to subtitles, holes, case and quotes."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb or a is None or b is None:
        return 0.0
    fa_core = _LEADING_ARTICLE.sub("", fa)
    fb_core = _LEADING_ARTICLE.sub("", fb)
    score = fuzz.ratio(fa_core, fb_core)
    # Word order and a dropped word: token_sort keeps every word significant.
    score = max(score, fuzz.token_sort_ratio(fa_core, fb_core))
    ma, mb = main_title(a), main_title(b)
    if ma and mb and (ma != fa or mb != fb):
        # Subtitles differ or one side lacks it: compare the main titles.
        score = max(score, fuzz.ratio(ma, mb) * PARTIAL_WEIGHT)
    # One title is a run of the other's pieces (holes, run-together fields).
    partial = max(_best_run(a, b), _best_run(b, a))
    return float(max(score, partial * PARTIAL_WEIGHT))


def contains_title(title: str | None, text: str | None) -> float:
    """How well ``title`` stands as a field of a longer ``text`` such as a whole note (0-100)."""
    if not title or not text or not fold(title):
        return 0.0
    return _best_run(title, text)


# ---------------------------------------------------------------------------
# Authors

_PAREN = re.compile(r"\(([^()]*)\)")
_ROLE = re.compile(r"\b(eds?|der|haz|cev|ed by|edited by|trans|vd|et al)\b\.?")
# Words that make an author a body (agency, ministry, newspaper) rather than a person.
_CORPORATE_WORDS = frozenset(
    {
        *("agency", "agence", "ajansi", "association", "bank", "bakanligi", "baskanligi"),
        *("board", "bureau", "center", "centre", "commission", "committee", "council"),
        *("department", "dept", "foundation", "government", "group", "institute"),
        *("institution", "international", "merkezi", "ministry", "news", "office"),
        *("organisation", "organization", "press", "reuters", "service", "times"),
        *("union", "university", "universitesi", "vakfi"),
    }
)
_STOP = frozenset({"of", "the", "for", "and", "on", "in", "de", "la", "des", "du", "ve", "ile"})
_STOP |= {"u", "s", "us"}


def is_corporate(name: str) -> bool:
    words = set(fold(name).split())
    return bool(words & _CORPORATE_WORDS) or len(words) > 4


@lru_cache(maxsize=_CACHE)
def author_keys(name: str) -> frozenset[str]:
    """Folded keys that identify an author: the surname, or a body's name and acronym.

    ``"Frigerio, Alberto"`` and ``"Alberto Frigerio"`` give ``{"frigerio"}``;
    ``"International Energy Agency (IEA)"`` gives the full name, ``"iea"`` and
    the initials of its significant words.
    """
    if not name or not name.strip():
        return frozenset()
    keys: set[str] = set()
    for inner in _PAREN.findall(name):
        if fold(inner):
            keys.add(fold(inner))
    bare = _PAREN.sub(" ", name)
    if is_corporate(bare):
        full = fold(bare)
        if full:
            keys.add(full)
            initials = "".join(w[0] for w in full.split() if w not in _STOP)
            if len(initials) >= 2:
                keys.add(initials)
        return frozenset(keys)
    if "," in bare:
        surname = bare.split(",", 1)[0]
    else:
        words = [w for w in fold(_ROLE.sub(" ", fold(bare))).split() if len(w) > 1]
        surname = words[-1] if words else bare
    key = fold(surname)
    if key:
        keys.add(key)
    return frozenset(keys)


def surname_keys(authors: list[str]) -> set[str]:
    keys: set[str] = set()
    for name in authors:
        keys |= author_keys(name)
    return keys


# Two surname keys are the same person when they are this similar (0-100):
# tolerates one dropped or folded letter in names of 6+ letters ("Karatas" vs
# "Karataş" is already equal after folding; "Frigerio"/"Frigero" ≈ 93).
SURNAME_MIN = 88


def authors_match(a: list[str], b: list[str]) -> float:
    """0-100: best similarity between any author key of ``a`` and any of ``b``."""
    ka, kb = surname_keys(a), surname_keys(b)
    if not ka or not kb:
        return 0.0
    return float(max(fuzz.ratio(x, y) for x in ka for y in kb))


# Keys shorter than this are not looked for in running text: two-letter
# initials ("dc" for a Department of Commerce) are common words and places.
MIN_KEY_IN_TEXT = 3


def names_in_text(authors: list[str], text: str | None) -> bool:
    """Whether any author key of ``authors`` occurs as a whole word in ``text``."""
    ftext = f" {fold(text)} "
    keys = surname_keys(authors)
    return any(f" {key} " in ftext for key in keys if len(key) >= MIN_KEY_IN_TEXT)


# ---------------------------------------------------------------------------
# Messages

EXCERPT_CHARS = 120  # long enough to recognise a note, short enough for one line


def excerpt(text: str | None, limit: int = EXCERPT_CHARS) -> str:
    """``text`` on one line, cut at a word boundary with "…" when longer than ``limit``."""
    flat = " ".join((text or "").split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0] or flat[:limit]
    return cut.rstrip(",;:") + " …"


# ---------------------------------------------------------------------------
# URLs

_TRACKING = re.compile(r"^(utm_|fbclid$|gclid$|mc_)")


@lru_cache(maxsize=_CACHE)
def url_key(url: str | None) -> str:
    """A comparison key for a URL: no scheme, no ``www.``, folded path, no fragment.

    Paths are compared accent-folded and case-insensitively because AVİM's own
    URLs are printed both as ``…DEVLETLERİ…`` and ``…DEVLETLERI…``.
    """
    if not url:
        return ""
    url = url.strip().strip("<>").strip()
    try:
        parts = urlsplit(url if "//" in url else "//" + url)
    except ValueError:
        return fold(url)
    host = (parts.hostname or "").lower()
    host = host.removeprefix("www.")
    path = "/".join(fold(seg).replace(" ", "-") for seg in parts.path.split("/"))
    path = path.rstrip("/")
    query = [(k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k)]
    key = host + path
    if query:
        key += "?" + urlencode(sorted(query))
    return key
