"""The language of a source text: its own tag, else a stopword vote (tr, en, de, ru).

A heavy language-identification model is not needed: sources are in one of
four languages whose commonest function words barely overlap, and a vote over
a few hundred words settles it. Anything else stays ``None`` (unknown) rather
than being forced into one of the four.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["detect_language", "stopwords", "tag_language"]

# The commonest function words of each language (lower case). Words shared by
# two of the languages ("in", "die"/"die" English, "de" Turkish "too"/French)
# are left out or kept only where the other language rarely uses them.


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# fmt: off
_STOPWORDS: dict[str, frozenset[str]] = {
    "tr": _words("""
        ve bir bu da için ile olarak olan gibi daha çok ama ancak ise değil
        kadar sonra önce arasında üzerinde tarafından ayrıca hem veya ya şu
        olduğu olduğunu nin nın nun nün ki mi mı her en göre yılında yılı
        bunun buna bölge bölgede ülke ülkeler ülkelerin yeni büyük ilk
    """),
    "en": _words("""
        the and of to is are was were that this with for on as by from at
        be has have had it its which their they not but or an will would
        been more than also who into about after over such
    """),
    "de": _words("""
        der die das und ist sind war nicht mit von zu den dem des ein eine
        einen einem einer auf für sich auch als bei nach aus wird wurde
        werden hat haben über noch nur oder wie zum zur im vom durch
    """),
    "ru": _words("""
        и в не на что с по как это из за от до для о к его ее их также
        был была были было будет который которые которая а но или так уже
        при после более между году года
    """),
}
# fmt: on

# Words read for the vote: enough for a stable majority, little time.
SAMPLE_WORDS = 600
# A language wins with at least this many hits and this share of the words,
# and at least WIN_RATIO times the runner-up. Function words make up 25-45 %
# of running text in these languages; 8 % leaves room for tables and lists
# while a text in another language (French, Kazakh) stays below it.
MIN_HITS = 5
MIN_SHARE = 0.08
WIN_RATIO = 2.0

_WORD = re.compile(r"[^\W\d_]+")
_TAG = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*$")
_ALIASES = {"tur": "tr", "eng": "en", "deu": "de", "ger": "de", "rus": "ru"}


def tag_language(tag: str | None) -> str | None:
    """``"tr-TR"`` → ``"tr"``; ``None`` for an empty or malformed tag."""
    m = _TAG.match(tag or "")
    if not m:
        return None
    code = m.group(1).lower()
    return _ALIASES.get(code, code)


def detect_language(text: str) -> str | None:
    """ "tr", "en", "de" or "ru" when function words say so clearly, else None."""
    words = [w.replace("İ", "i").lower() for w in _WORD.findall(text[:20_000])]
    words = words[:SAMPLE_WORDS]
    if not words:
        return None
    hits = {lang: sum(1 for w in words if w in stop) for lang, stop in _STOPWORDS.items()}
    ranked = sorted(hits.items(), key=lambda kv: kv[1], reverse=True)
    (best, n), (_, runner_up) = ranked[0], ranked[1]
    if n >= MIN_HITS and n / len(words) >= MIN_SHARE and n >= WIN_RATIO * runner_up:
        return best
    return None


@lru_cache(maxsize=16)
def stopwords(lang: str | None) -> frozenset[str]:
    """Folded function words of ``lang`` (of all four languages when it is unknown)."""
    from citecheck.notes.similarity import fold

    langs = [lang] if lang in _STOPWORDS else list(_STOPWORDS)
    return frozenset(fold(w) for lg in langs for w in _STOPWORDS[lg])
