"""Names in claims and their look-up in sources of any of four languages (issue 5).

``extract_entities(text, lang)`` returns the names of a claim: known places and
organisations from :data:`EXONYMS` (``Kazakistanın``, ``ABDnin``, ``Çine``) and
other capitalised sequences and acronyms (``Kazatomprom``, ``Cove Capital``,
``C5+1``). ``find_entity(entity, text)`` finds one in a source, case-,
diacritic- and script-insensitively: every token is folded (lower case,
accents off, Turkish ı/İ merged) and Cyrillic is transliterated to Latin, so
``Казатомпром`` matches ``Kazatomprom``. A source token matches a name token
when it starts with it and the rest is an inflection (:data:`SUFFIXES`:
Turkish cases ``-nin``/``-e``/``-da``, German ``-s``/adjective endings,
Russian cases in transliteration ``-a``/``-e``/``-om``). A name outside the
table that does not match token by token is looked for by its surname's
transliteration skeleton (Paşinyan/Pashinyan/Пашинян).

Extending the exonym table (verify/exonyms.py): add a row ``canonical: (kind,
[forms…])``. Write forms as they appear in text in any language and script; they are folded and
transliterated when the module loads. Write an acronym in capitals (``ABD``,
``US``): capitals are then required in the text, so the pronoun "us" is not the
United States. Add inflected forms the suffix rule cannot reach (Russian
``Китая`` → list ``Китая`` or a stem such as ``Кита`` that the rule extends).
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from itertools import pairwise

from citecheck.notes.dates import fold as _fold_word
from citecheck.notes.dates import month_number
from citecheck.verify.exonyms import EXONYMS
from citecheck.verify.model import Entity

__all__ = [
    "EXONYMS",
    "SUFFIXES",
    "extract_entities",
    "find_all",
    "find_entity",
    "key_of",
    "known_entities",
]


def _words(text: str) -> list[str]:
    """Word lists are written as strings: one line holds many short words."""
    return text.split()


# Inflections a source token may add to a name token (folded, Cyrillic
# transliterated). Turkish cases and possessives (Kazakistan'ın → kazakistanin,
# Çin'e → cine, Orta Asya'daki → asyadaki); German genitive/adjective endings
# (Kasachstans, zentralasiatischen); English -s/-n (Central Asian);
# Russian cases (Казахстана → kazakhstana, России → rossii, Китае → kitae).
_TR_CASES = _words(
    "nin nun in un ni nu na ne nda nde ndan nden ndaki ndeki a e ya ye i u yi yu "
    "da de ta te dan den tan ten daki deki taki teki la le yla yle li lu lar ler "
    "larin lerin ca ce"
)
_OTHER = _words(
    "s es n an ans en er em e ern "  # en/de
    "a u om ye ya yu i y ii iy aya oy oi oye ogo omu im ikh ykh ym ymi ami akh am ey "
    "ov oe ie iyu ei ia"  # ru transliterated
)
SUFFIXES: frozenset[str] = frozenset({"", *_TR_CASES, *_OTHER})
# Name tokens this short only take Turkish case endings (Çin → Çine, Çin'de but
# not "cins"/"cini") and must be capitalised in the text.
SHORT_TOKEN = 4

_CYRILLIC = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
        "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
        "я": "ya", "ß": "ss",
    }
)  # fmt: skip
# A token: letters and digits, with "+" or "&" inside (C5+1, AT&T).
_TOKEN_RE = re.compile(r"[^\W_]+(?:[+&][^\W_]+)*")
_KEEP = re.compile(r"[^a-z0-9+&]")


@lru_cache(maxsize=65536)
def key_of(token: str) -> str:
    """Folded, transliterated form of one token: ``"Казахстана"`` -> ``"kazakhstana"``."""
    return _KEEP.sub("", _fold_word(token).translate(_CYRILLIC))


@lru_cache(maxsize=2048)
def _tokens(text: str) -> tuple[tuple[int, int, str, str], ...]:
    """(start, end, original, key) for every token of ``text``."""
    out = []
    for m in _TOKEN_RE.finditer(text):
        key = key_of(m.group())
        if key:
            out.append((m.start(), m.end(), m.group(), key))
    return tuple(out)


def _variant(form: str) -> tuple[tuple[str, ...], bool]:
    """Token keys of a table form and whether it is an acronym (capitals required)."""
    toks = [t[2] for t in _tokens(form)]
    acronym = len(toks) <= 2 and all(t.isupper() and len(t) <= 4 for t in toks)
    return tuple(key_of(t) for t in toks), acronym


# prefix of the first token key (3 chars) -> [(variant keys, acronym, canonical)]
_INDEX: dict[str, list[tuple[tuple[str, ...], bool, str]]] = defaultdict(list)
for _canon, (_kind, _forms) in EXONYMS.items():
    for _form in _forms:
        _keys, _acr = _variant(_form)
        if _keys:
            _INDEX[_keys[0][:3]].append((_keys, _acr, _canon))


def _token_matches(name_key: str, tok_key: str, tok_orig: str, acronym: bool, single: bool) -> bool:
    if not tok_key.startswith(name_key):
        return False
    rest = tok_key[len(name_key) :]
    if acronym:  # "ABDnin": the capitals as written, then a lower-case ending
        head = tok_orig[: len(name_key)]
        tail = tok_orig[len(name_key) :]
        return head.isupper() and rest in SUFFIXES and (tail == "" or tail.islower())
    if single and len(name_key) <= SHORT_TOKEN:
        capital = tok_orig[:1].isupper() or tok_orig[:1].isdigit()
        return capital and (rest == "" or rest in _TR_CASES)
    return rest in SUFFIXES


def _match_at(
    toks: tuple[tuple[int, int, str, str], ...], i: int, keys: tuple[str, ...], acronym: bool
) -> int | None:
    """End index (exclusive) in ``toks`` when ``keys`` match from token i, else None."""
    if i + len(keys) > len(toks):
        return None
    for j, name_key in enumerate(keys):
        _, _, orig, key = toks[i + j]
        single = len(keys) == 1
        if not _token_matches(name_key, key, orig, acronym and single, single):
            return None
    return i + len(keys)


@lru_cache(maxsize=2048)
def known_entities(text: str) -> tuple[Entity, ...]:
    """Every table entity named in ``text``, longest match first at each position."""
    toks = _tokens(text)
    found: list[Entity] = []
    i = 0
    while i < len(toks):
        best: tuple[int, str] | None = None
        for keys, acronym, canon in _INDEX.get(toks[i][3][:3], ()):
            end = _match_at(toks, i, keys, acronym)
            if end is not None and (best is None or end > best[0]):
                best = (end, canon)
        if best is None:
            i += 1
            continue
        end, canon = best
        s, e = toks[i][0], toks[end - 1][1]
        kind = EXONYMS[canon][0]
        if _CURRENCY_AFTER.match(text, e):
            i = end  # "US dollars", "ABD doları": a currency, no mention of the country
            continue
        found.append(Entity(text[s:e], canon, s, e, kind, True, _canon_variants(canon)))
        i = end
    return tuple(found)


_CURRENCY_AFTER = re.compile(r"[\s-]*(?:dollars?|dolar\w*|dollar\w*|долл\w*)", re.IGNORECASE)


@lru_cache(maxsize=64)
def _canon_variants(canon: str) -> tuple[tuple[str, ...], ...]:
    return tuple(_variant(f)[0] for f in EXONYMS[canon][1])


# Capitalised words that open sentences or are capitalised by convention and
# are no names (tr/en; German nouns are all capitalised, see extract_entities).
_NOT_NAMES = frozenset(
    key_of(w)
    for w in _words(
        "Dolayısıyla Bununla Sonuç Kısacası Üstelik Oysa Fakat Ama Zira Çünkü Şimdi Bugün "
        "Dün Yine Hatta Aksine Buna Bundan Ek Son İlk Bilindiği Sonuçta Kuşkusuz Elbette "
        "However Moreover Furthermore Therefore Thus Meanwhile Indeed Also Yet Still "
        "Nevertheless Instead Today Yesterday Finally First Second Here There Hence Overall "
        "Bu Şu O Bunun Ayrıca Ancak Özellikle Ülke Tüm Daha Bunun Zirvede Toplantıda "
        "Nitekim Örneğin Günümüzde Öte Bir Diğer Böylece Ise Yani Hem Ve Ile Da De "
        "Için Gibi Kadar The A An This That These Those In On At Of For And But Or "
        "With By From As It Its Mr Mrs Ms Dr Prof President Minister Cumhurbaşkanı "
        "Bakan Başkan Monday Tuesday Wednesday Thursday Friday Saturday Sunday "
        "Pazartesi Salı Çarşamba Perşembe Cuma Cumartesi Pazar Der Die Das Ein Eine "
        "Und"
    )
)
# Titles that stand before a person's name (tr/en/de/ru).
_TITLES = frozenset(
    key_of(w)
    for w in _words(
        "Bakanı Bakan Başbakanı Başbakan Cumhurbaşkanı Başkanı Başkan Sözcüsü Büyükelçisi "
        "Genel Sekreteri Minister Ministers President Prime Chancellor Secretary Ambassador "
        "Spokesman Spokeswoman Präsident Präsidentin Ministerpräsident Außenminister "
        "Kanzler Ministerin Министр Президент Премьер"
    )
)
# Institution nouns that, right after a known name, are part of it ("AB
# Komisyonu", "Rusya Federasyonu", "Kazakistan Cumhuriyeti"): not a name of
# their own, nor the start of the next one ("AB Komisyonu Küresel Geçit").
_OF_KNOWN = frozenset(
    key_of(w)
    for w in _words(
        "Komisyonu Federasyonu Cumhuriyeti Hükümeti Parlamentosu Meclisi Konseyi "
        "Bankası Devleti Halkı Tarafı Ordusu Commission Federation Republic Government "
        "Parliament Council Kommission Föderation Republik Regierung"
    )
)
# Prefixes joined to a name by a hyphen.
_PREFIXES = frozenset(key_of(w) for w in _words("Trans Pan Anti Pro Post Ex"))
# Acronyms of measures and units: counted things, not names.
_UNITS = frozenset(
    key_of(w)
    for w in _words(
        "GSYH GSYİH GSMH GDP GNP BIP ВВП TEU MW GW MWh GWh TWh LNG LPG bcm km "
        "USD EUR GBP TRY RUB CNY KZT UZS AZN"
    )
)
_CONNECTORS = frozenset({"of", "for", "and", "de", "van", "von", "al", "&"})
_SENTENCE_END = re.compile(r"[.!?:;]\s*$")


def _stems(key: str) -> list[str]:
    """The key and, for Turkish, forms with a case ending stripped (Trumpın → trump)."""
    out = [key]
    for suffix in sorted(_TR_CASES, key=len, reverse=True):
        if key.endswith(suffix) and len(key) - len(suffix) >= 4:
            out.append(key[: -len(suffix)])
            break
    return out


@lru_cache(maxsize=4096)
def extract_entities(text: str, lang: str | None = None) -> tuple[Entity, ...]:
    """Names in a claim: table entities, then other capitalised sequences and acronyms.

    A capitalised word that opens the sentence is a name only when it is in the
    table, an acronym, or followed by another capitalised word. In German every
    noun is capitalised, so only acronyms and multi-word names count there.
    """
    toks = _tokens(text)
    known = [e for e in known_entities(text) if not _first_name(e, text, toks)]
    taken = [(e.start, e.end) for e in known]
    out = list(known)
    i = 0
    while i < len(toks):
        s, _e, orig, key = toks[i]
        if any(a <= s < b for a, b in taken) or not _is_cap(orig):
            i += 1
            continue
        j = i + 1  # extend over capitalised tokens and inner connectors
        while j < len(toks) and not any(a <= toks[j][0] < b for a, b in taken):
            gap = text[toks[j - 1][1] : toks[j][0]]
            if gap not in (" ", "-", " & ") or not (
                _is_cap(toks[j][2]) or (toks[j][3] in _CONNECTORS and j + 1 < len(toks))
            ):
                break
            j += 1
        while j - 1 > i and toks[j - 1][3] in _CONNECTORS:
            j -= 1
        words = toks[i:j]
        i = j
        while (
            words
            and (words[0][3] in _OF_KNOWN or (len(words) == 1 and words[0][3] in _TITLES))
            and any(b <= words[0][0] and not text[b : words[0][0]].strip() for _a, b in taken)
        ):
            # "AB | Komisyonu", "Irak | Başbakanı": the institution or office of the name before
            words = words[1:]
        if not words:
            continue
        while len(words) > 1 and words[0][3] in _NOT_NAMES:  # "The", "Die Region"
            words = words[1:]
        # a title before a person's name is no part of it ("Altyapı Bakanı
        # Uraloğlu", "Başbakanı Nikol Paşinyan"); a month glued after an
        # institution ("Ulusal Bankası Mart 2025") is a date
        titled = [k for k, w in enumerate(words[:-1]) if w[3] in _TITLES]
        span_start = words[0][0]
        if titled:
            before = words[: titled[0]]
            if len(before) == 1 and (
                before[0][2].isupper() or any(c.isdigit() for c in before[0][2])
            ):
                b = before[0]  # "COP29 Başkanı Muhtar Babayev": the body is a name too
                out.append(Entity(b[2], b[3], b[0], b[1], "name", False, ((b[3],),)))
            span_start = words[titled[-1]][0]  # the title stays in the span (no content word)
            words = words[titled[-1] + 1 :]
        while len(words) > 1 and month_number(words[-1][2]):
            words = words[:-1]
        if len(words) == 1 and text.startswith("-", words[0][1]) and words[0][3] in _PREFIXES:
            continue  # "Trans-Hazar", "Pan-Turkic": a prefix of the name that follows
        if len(words) == 1 and any(
            words[0][3].startswith(u) and len(words[0][3]) - len(u) <= 3 for u in _UNITS
        ):
            continue  # "GSYH", "MW", "TEU": what a figure counts, not a name
        s, orig, key = words[0][0], words[0][2], words[0][3]
        single = len(words) == 1
        # "ExxonMobil": a capital inside a word marks a name even where an
        # opening or German capital says nothing
        acronym = single and (orig.isupper() or any(c.isdigit() for c in orig) or camel_case(orig))
        acronym = acronym and len(key) > 1
        if single and not acronym:
            initial = s == 0 or bool(_SENTENCE_END.search(text[:s]))
            # "Trump, …" / "Rubio, …": a sentence-opening word set off by a comma
            # is a name unless it is a connective ("Ayrıca,", "However,").
            initial = initial and not text.startswith(",", words[0][1])
            # "Paşinyan ve Aliyev …": coordinated with a name, a name
            initial = initial and not _BEFORE_NAME.match(text, words[0][1])
            if initial or key in _NOT_NAMES or month_number(orig) or lang == "de":
                continue
            if len(key) < 3:
                continue
        keys = tuple(w[3] for w in words)
        variants = tuple((*keys[:-1], stem) for stem in _stems(keys[-1]))
        ws, we = min(span_start, words[0][0]), words[-1][1]
        out.append(Entity(text[ws:we], " ".join(keys), ws, we, "name", False, variants))
    out.sort(key=lambda ent: ent.start)
    return tuple(out)


def camel_case(word: str) -> bool:
    """A capital inside a word ("ExxonMobil", "KazMunayGas", "TotalEnergies"):
    a company's name, whatever common word it opens with."""
    return any(a.islower() and b.isupper() for a, b in pairwise(word))


def _first_name(e: Entity, text: str, toks: tuple[tuple[int, int, str, str], ...]) -> bool:
    """A table name that is a person's first name: after a title and before a
    capitalised surname ("Başbakanı İrakli Kobahidze": not Iraq)."""
    k = next((n for n, t in enumerate(toks) if t[0] == e.start), None)
    if k is None or k == 0 or k + 1 >= len(toks) or toks[k + 1][0] != e.end + 1:
        return False
    before, after = toks[k - 1], toks[k + 1]
    return (
        before[3] in _TITLES
        and text[before[1] : e.start] == " "
        and text[e.end] == " "
        and _is_cap(after[2])
        and not after[2].isupper()
        and not any(o.start == after[0] for o in known_entities(text))
    )


def _is_cap(token: str) -> bool:
    """A capitalised word, or a name starting with a digit (5G); a number with a
    Turkish case ending (2023te, 1991de) is a number, not a name."""
    return token[:1].isupper() or (token[:1].isdigit() and any(c.isupper() for c in token))


_BEFORE_NAME = re.compile(r"\s+(?:ve|ile|and|und|и|&)\s+[A-ZÇĞİÖŞÜА-ЯЁ]")


def find_entity(entity: Entity, text: str) -> tuple[int, int] | None:
    """Span of the first mention of ``entity`` in ``text``, or None.

    A name outside the table is matched token by token; failing that, its
    distinctive tokens (a surname: "Hakan Fidan" → "Bakan Fidan") by their
    transliteration skeleton (:func:`skeleton`: Paşinyan/Pashinyan/Пашинян,
    Cabbarov/Jabbarov/Джаббаров, Mirziyoyev/Мирзиёев).
    """
    if entity.known:
        for other in known_entities(text):
            if other.key == entity.key:
                return other.start, other.end
        return None
    toks = _tokens(text)
    for i, tok in enumerate(toks):
        for keys in entity.variants:
            if keys and tok[3].startswith(keys[0]):
                end = _match_at(toks, i, keys, False)
                if end is not None:
                    return tok[0], toks[end - 1][1]
    wanted = _distinctive(entity)
    if not wanted:
        return None
    for s, e, orig, key in toks:
        if not orig[:1].isupper():
            continue
        for sk in {skeleton(key), skeleton(german_reading(key))}:
            if any(sk.startswith(w) and len(sk) - len(w) <= SKELETON_SUFFIX for w in wanted):
                return s, e
    return None


def find_all(entity: Entity, text: str, lo: int = 0, hi: int | None = None) -> list[int]:
    """Where each mention of ``entity`` in ``text[lo:hi]`` starts (offsets in ``text``)."""
    hi = len(text) if hi is None else hi
    out = []
    while lo < hi and (span := find_entity(entity, text[lo:hi])) is not None and span[1] > 0:
        out.append(lo + span[0])
        lo += span[1]
    return out


# A name token's skeleton: transliteration digraphs merged (sh/ş/ш, ch/ç/ч,
# j/c/дж, kh/х, ts/ц), then consonants only after the first letter, doubled
# letters once. Turkish, English, German and Russian spellings of one name
# meet there; unrelated names of five letters or more rarely do.
_NAME_DIGRAPHS = [("dzh", "c"), ("shch", "s"), ("sch", "s"), ("sh", "s"), ("ch", "c"),
                  ("zh", "j"), ("kh", "h"), ("dj", "c"), ("j", "c"), ("ts", "c"),
                  ("tz", "c"), ("w", "v"), ("ph", "f"), ("q", "k"), ("x", "ks")]  # fmt: skip
# Turkish writes final and some inner consonants voiceless (Semerkant /
# Samarkand, Aşkabat / Ashgabat, Zengezur / Sangesur): voiced and voiceless
# pairs are one letter in a skeleton.
_DEVOICE = str.maketrans({"d": "t", "b": "p", "g": "k", "z": "s"})
SKELETON_MIN = 3  # skeletons shorter than this ("alv" is the shortest kept) are not compared
SKELETON_SUFFIX = 2  # a case ending adds at most this many consonants (Джаббаров-ым)


@lru_cache(maxsize=65536)
def skeleton(key: str) -> str:
    """Transliteration skeleton of a folded token (see above)."""
    for a, b in _NAME_DIGRAPHS:
        key = key.replace(a, b)
    if not key:
        return key
    rest = re.sub(r"[aeiouy]", "", key[1:]).translate(_DEVOICE)
    return re.sub(r"(.)\1+", r"\1", key[0].translate(_DEVOICE) + rest)


# German transliterates Russian, Georgian and Central Asian names by its own
# letters: j for y (Tokajew, Mirsijojew), w for v, ch for kh (Kobachidse),
# sch for sh, tsch for ch. Read that way, a German spelling meets the Turkish
# and English ones in the skeleton; read the English way ("j" as in Jabbarov,
# "ch" as in Chechnya) it does not.
_GERMAN_LETTERS = [("tsch", "\x00"), ("sch", "sh"), ("ch", "kh"), ("\x00", "ch"), ("j", "y"),
                   ("w", "v")]  # fmt: skip


def german_reading(key: str) -> str:
    """A folded token's letters read as German transliteration writes them."""
    for a, b in _GERMAN_LETTERS:
        key = key.replace(a, b)
    return key


def _distinctive(entity: Entity) -> list[str]:
    """Skeletons of the tokens of a name that identify it: five letters or more,
    not a common word of the concept table ("Bakanı", "Koridoru")."""
    from citecheck.verify.terms import concept_of  # terms imports this module

    out = []
    for tok in entity.key.split():
        sk = skeleton(tok)
        if len(tok) >= 5 and len(sk) >= SKELETON_MIN and concept_of(tok) is None:
            out.append(sk)
    return out
