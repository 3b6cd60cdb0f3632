"""Content words of claims and passages, comparable across tr, en, de and ru (issue 5).

A claim's content words (not names, numbers or function words) are matched
against a passage in two ways: by stem (the first :data:`STEM_CHARS` letters of
the folded, transliterated word; it joins inflections and some cognates,
``production``/``Produktion`` at ``produ``) and through :data:`CONCEPTS`, a
small cross-language table of the words this domain's claims turn on
(uranium, import, trade, summit, memorandum …), kept in verify/concepts.py
with the pairs of opposite concepts (increase/decrease, approve/reject).
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from citecheck.verify.concepts import ANTONYMS, CONCEPTS, WHOLE_WORDS
from citecheck.verify.entities import _tokens, _words, key_of

__all__ = ["ANTONYMS", "CONCEPTS", "STEM_CHARS", "Terms", "claim_terms", "passage_terms"]

# Turkish words carry case and possessive endings (üretim, üretiminin,
# üretimini): five letters keep the root of most content words and are still
# distinctive; four merged unrelated words in the seed article (bölge/bölüm).
STEM_CHARS = 5
MIN_WORD = 3  # shorter words are function words or abbreviations


_STOP = frozenset(
    key_of(w)
    for w in _words(
        # tr
        "ve ile bir bu şu o da de için gibi olarak olan daha en çok ise hem ya veya ki kadar "
        "yana beri üzerinde üzerine altında içinde arasındaki "
        "sonra önce arasında yanı sıra aynı zamanda ayrıca ancak fakat ama özellikle yaklaşık "
        "halihazırda olmak etmek yapmak sahip ilgili göre doğru karşı tarafından yönelik "
        "konusunda alanında alanlarında bağlamında çerçevesinde olduğu oldu olup etti eden "
        "edilen yer almaktadır bulunmaktadır bunun tüm her kendi diğer önemli büyük yeni "
        "olmuştur olduğunu gelmiştir söylenebilir görülmektedir dahil dizi üzere "
        "kısaca ele aldığımızda örneğin ise şekilde biçimde açıdan halde hale haline "
        "ilişkin dair karşın rağmen dolayı nedeniyle itibaren boyunca beri oynamaktadır "
        "oynar oynayan duyar duymaktadır olmaktadır bulunan gelen veren yapılan getirmiştir "
        "sadece yalnızca bile artık hâlâ hala zaten genel olarak birlikte "
        # light and reporting verbs: they rarely have a counterpart in a translation
        "etti etmiştir etmektedir ediyor edildi edilmiştir edilmektedir edecek edilecek yaptı "
        "yapmıştır yapmaktadır oldu olmuştur olmaktadır olacak ulaştı ulaşmıştır ulaşmaktadır "
        "bulunuyor bulundu bulunmuştur söyledi dedi belirtti ifade vurguladı kaydetti "
        "bildirdi aktardı göre şöyle "
        # the analyst's "it is stated / reported that …": the claim's frame, not its fact
        "belirtilmektedir belirtiliyor belirtilmiştir belirtmektedir bildirilmektedir "
        "bildiriliyor bildirilmiştir kaydedilmektedir kaydedilmiştir vurgulanmaktadır "
        "vurgulanmıştır aktarılmaktadır anlaşılmaktadır görülmektedir ifadesini "
        "reached stood amounted totalled totaled told stated noted added "
        "sagte sagten erklärte betonte sowie waren damit warum "
        "заявил заявила сказал сказала отметил отметила сообщил сообщила "
        # en
        "the and for with that this from are was were has have had been its their which "
        "also into about more than such other over some will would could should can may "
        "said says according per cent percent last first this these those while after "
        "between during including under where when there them they than then very "
        "since until ago yet still just only even each every both any most much many "
        # de
        "der die das und mit für von den dem des ein eine einer einen eines ist sind war damals "
        "wurde werden hat haben auch sich auf aus bei nach über unter zum zur wie als "
        "etwa rund fast knapp laut seit prozent "
        # negation words are compared by negation.py, not as content
        "not did does değil nicht kein keine не нет "
        # ru
        "и в во на с со по для из от до за что как это его её их а но или также около "
        "более почти его был была были быть который которая которые при"
    )
)

# index: first 3 letters of a concept stem -> [(stem, concept)]
_CONCEPT_INDEX: dict[str, list[tuple[str, str]]] = defaultdict(list)
for _concept, _stems in CONCEPTS.items():
    for _stem in _stems:
        _k = key_of(_stem)
        _CONCEPT_INDEX[_k[:3]].append((_k, _concept))


# A folded Turkish negative verb: the stem before -mA- and the tense ending
# (see negation.py for the full list of endings).
_TR_NEGATIVE_VERB = re.compile(
    r"^(\w{3,}?)m[ae](?:d[iu]|m[iu]s|z|y[ae]c[ae]k|m[ae]kt[ae])\w*$|"
    r"^(\w{3,}?)m[iu]yor\w*$"
)


# Turkish plural and case endings (folded) a four-letter stem may take beyond
# three letters, in both vowel harmonies (yarı-sından, onay-ına): ülke-lere,
# onay-ların; uzat-ılması is no case ending.
_TR_SUFFIXES = re.compile(
    r"(?:ler|lar)?(?:i|in|ini|in[ae]|ind[ae]|ind[ae]n|e|a|de|da|den|dan|te|ta|ye|ya|yi|si|"
    r"sin|sini|sin[ae]|sind[ae]|sind[ae]n|siyl[ae]|nin|nun|un|u|ni|nu|le|la|yle|yla|iyl[ae]|"
    r"d[ae]ki)?$"
)


def is_stop_word(key: str) -> bool:
    """Whether a folded word is one the terms leave out (function words)."""
    return key in _STOP


_ASCII_UMLAUT = re.compile(r"(?<!q)([aou])e")


@lru_cache(maxsize=65536)
def concept_of(key: str) -> str | None:
    """The concept a folded word belongs to, or None.

    Stems of four letters or fewer ("art", "su", "med") only take a short ending,
    so that "artık" is no increase and "medya" is no copper.
    """
    if key in WHOLE_WORDS:
        return WHOLE_WORDS[key]
    best: tuple[int, str] | None = None
    for stem, concept in _CONCEPT_INDEX.get(key[:3], ()):
        room = len(key) - len(stem)
        fits = key.startswith(stem) and (
            len(stem) > 4
            or room <= 3
            or (len(stem) == 4 and bool(_TR_SUFFIXES.match(key, len(stem))))
        )
        if fits and (best is None or len(stem) > best[0]):
            best = (len(stem), concept)
    if best is None and len(key) <= 3:
        for stem, concept in _CONCEPT_INDEX.get(key, ()):
            if stem == key:
                return concept
    if best is None:
        m = _TR_NEGATIVE_VERB.match(key)
        if m:  # Turkish -mA- negation: uzat-ma-dı, onayla-ma-dı, imzala-n-ma-mış
            return concept_of(m.group(1) or m.group(2))
    if best is None and key.startswith("ge") and len(key) > 6:
        return concept_of(key[2:])  # German participle: gebilligt, gewachsen, geschlossen
    if best is None and _ASCII_UMLAUT.search(key):
        # German written without umlauts: "Uebergang", "Ausfuhrbeschraenkung"
        return concept_of(_ASCII_UMLAUT.sub(r"\1", key))
    return best[1] if best else None


# Short words that carry content ("su" = water, "pay" = share, "ilk" = first).
_SHORT_CONTENT = frozenset({"su", "art", "pay", "ilk"})


# Spelling differences between cognates of tr/en/de (and transliterated ru):
# nikel/nickel/Nickel, kobalt/cobalt, grafit/graphite, lityum/lithium,
# teknoloji/technology/Technologie, organizasyon/organisation. Applied in order.
_SKELETON = [
    (re.compile(r"ph"), "f"), (re.compile(r"th"), "t"), (re.compile(r"ck|ch|c|q"), "k"),
    (re.compile(r"x"), "ks"), (re.compile(r"y"), "i"), (re.compile(r"w"), "v"),
    (re.compile(r"j"), "g"), (re.compile(r"z"), "s"), (re.compile(r"(.)\1+"), r"\1"),
]  # fmt: skip


@lru_cache(maxsize=65536)
def _stem(key: str) -> str:
    """The first STEM_CHARS letters of a word's spelling skeleton."""
    for pattern, repl in _SKELETON:
        key = pattern.sub(repl, key)
    return key[:STEM_CHARS]


# German (and Turkish) compounds hold several concepts in one word:
# "Exportbeschränkungen", "Kernenergieproduktion". Words this long are also
# searched for concept stems of COMPOUND_STEM letters or more inside them.
COMPOUND_CHARS = 12
COMPOUND_STEM = 5
_LONG_STEMS = sorted(
    {
        (key_of(s), c)
        for c, stems in CONCEPTS.items()
        for s in stems
        if len(key_of(s)) >= COMPOUND_STEM
    }
)


@lru_cache(maxsize=65536)
def compound_concepts(key: str) -> frozenset[str]:
    """Concepts whose stems stand inside a long word (German compounds)."""
    if len(key) < COMPOUND_CHARS:
        return frozenset()
    return frozenset(c for stem, c in _LONG_STEMS if stem in key[1:])


class Terms:
    """Content words of a text: (start, end, stem, concept) plus lookup sets."""

    __slots__ = ("concepts", "items", "stems")

    def __init__(
        self, items: list[tuple[int, int, str, str | None]], extra: frozenset[str]
    ) -> None:
        self.items = items
        self.stems = frozenset(i[2] for i in items)
        self.concepts = frozenset(i[3] for i in items if i[3]) | extra

    def covers(self, stem: str, concept: str | None) -> bool:
        return stem in self.stems or (concept is not None and concept in self.concepts)


# Acronyms that stand for content words (matched in capitals only: "ev" is
# Turkish for house).
_ACRONYMS: dict[str, tuple[str, ...]] = {
    "EV": ("electric", "vehicle"),
    "EVs": ("electric", "vehicle"),
    "GDP": ("gdp",),
    "GSYİH": ("gdp",),
    "BIP": ("gdp",),
    "ВВП": ("gdp",),
}


_APOSTROPHES = "'’`´"

# What an acronym abbreviates, written out in several words (one concept, no
# single word of it carries it): "gross domestic product" is GDP.
_PHRASES: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (
        re.compile(
            r"gross\s+domestic\s+product|gayri\s*safi\s+yurt\s*i[çc]i\s+has[ıi]la|"
            r"валов\w*\s+внутренн\w*\s+продукт",
            re.IGNORECASE,
        ),
        ("gdp",),
    ),
)


# German separable verbs put their particle at the end of the clause: "lehnte
# das Angebot jedoch ab" is "ablehnen" (reject), "nahm nicht teil" is
# "teilnehmen", "stimmte dem Plan zu" is "zustimmen". A clause-final particle is
# joined to a lower-case word before it in its clause when the joined word is a
# concept of the table and the word alone is not that concept.
_PARTICLES = frozenset(
    ("ab", "an", "auf", "aus", "bei", "ein", "fest", "fort", "mit", "nach", "teil", "vor",
     "weg", "zu", "zurück", "zurueck", "statt")
)  # fmt: skip
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)\]]|$|\s(?:und|oder|aber|sondern|denn)\b)")
_CLAUSE_START = re.compile(r"[.,;:!?(\[]")


def _separable(
    text: str, tokens: tuple[tuple[int, int, str, str], ...]
) -> list[tuple[int, int, str, str | None]]:
    """(start, end, stem, concept) of the verbs a clause-final particle completes."""
    out = []
    for k, (s, e, orig, key) in enumerate(tokens):
        if orig not in _PARTICLES or not _CLAUSE_END.match(text, e):
            continue
        for s2, e2, orig2, key2 in reversed(tokens[max(0, k - 8) : k]):
            if _CLAUSE_START.search(text, e2, s):
                break  # another clause
            if not orig2.islower() or key2 in _STOP:
                continue
            joined = concept_of(key + key2)
            if joined and joined != concept_of(key2):
                out.append((s2, e2, _stem(key + key2), joined))
                break
    return out


def _terms(text: str, skip: tuple[tuple[int, int], ...]) -> Terms:
    items = []
    extra: set[str] = set()
    for pattern, concepts in _PHRASES:
        if pattern.search(text):
            extra |= set(concepts)
    tokens = _tokens(text)
    for s, e, orig, key in tokens:
        if orig in _ACRONYMS:
            extra |= set(_ACRONYMS[orig])
        minor = len(key) < MIN_WORD or key in _STOP or key.isdigit() or orig[:1].isdigit()
        if minor and not (key in _SHORT_CONTENT or concept_of(key) == "gdp"):
            continue
        if any(a <= s < b for a, b in skip):
            continue
        if s and text[s - 1] in _APOSTROPHES and orig.islower():
            continue  # a Turkish case ending after a name or number: Asya'nın, 1960'tan
        items.append((s, e, _stem(key), concept_of(key)))
        extra |= compound_concepts(key)
    joined = [t for t in _separable(text, tokens) if not any(a <= t[0] < b for a, b in skip)]
    if joined:
        at = {t[0]: t for t in joined}
        items = sorted([at.pop(i[0], i) for i in items] + list(at.values()))
    return Terms(items, frozenset(extra))


def claim_terms(text: str, skip: tuple[tuple[int, int], ...] = ()) -> Terms:
    """Content words of a claim, leaving out the spans in ``skip`` (names, numbers)."""
    return _terms(text, skip)


@lru_cache(maxsize=4096)
def passage_terms(text: str) -> Terms:
    """Content words of a passage (names and numbers included: they cost nothing here)."""
    return _terms(text, ())
