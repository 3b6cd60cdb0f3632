"""Where something happened: the city a sentence places an event in (issue 5).

"The framework agreement was signed in Tashkent" against "… signed in Bishkek";
"Astana'da düzenlenen BDT zirvesi" against "the CIS summit in Dushanbe". The
entity table (exonyms.py) reads a capital as its country — "Moscow said" is
Russia — so a claim's "Taşkent'te" is found wherever the source names
Uzbekistan, and a wrong venue reads as a stated fact. This module knows cities
by name in Turkish, English, German and Russian (Cyrillic transliterated,
entities.key_of) and which of them a text names as the place where something
happened: Turkish locative ("Bişkek'te"), English and German "in"/"at",
Russian "в". Pure: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citecheck.verify.entities import key_of

__all__ = ["Venue", "venues"]

# City -> folded spellings (key_of: lower case, accents off, Cyrillic
# transliterated). In Cyrillic a spelling of five letters or more also takes a
# case ending ("Ташкенте"; "Москве" by "moskv").
_CITIES: dict[str, tuple[str, ...]] = {
    # Central Asia
    "tashkent": ("tashkent", "taskent", "taschkent"),
    "samarkand": ("samarkand", "semerkant", "samarqand"),
    "bukhara": ("bukhara", "bukhar", "buhara", "buchara"),
    "termez": ("termez", "termiz"),
    "bishkek": ("bishkek", "biskek", "bischkek"),
    "dushanbe": ("dushanbe", "dusanbe", "duschanbe"),
    "khujand": ("khujand", "hucent", "chudschand", "khudzhand"),
    "astana": ("astana", "nursultan"),
    "almaty": ("almaty", "almati", "almaata"),
    "aktau": ("aktau", "aqtau"),
    "atyrau": ("atyrau", "atirav"),
    "ashgabat": ("ashgabat", "askabat", "aschgabat", "ashkhabad"),
    "turkmenbashi": ("turkmenbashi", "turkmenbasi", "turkmenbaschi"),
    # Caucasus
    "baku": ("baku",),
    "ganja": ("ganja", "gence", "gjandzh", "gyandzh"),
    "nakhchivan": ("nakhchivan", "nahcivan", "nachitschewan", "nakhichevan"),
    "tbilisi": ("tbilisi", "tiflis"),
    "batumi": ("batumi", "batum"),
    "yerevan": ("yerevan", "erivan", "eriwan", "erevan"),
    "gyumri": ("gyumri", "gumru", "gjumri"),
    # Türkiye
    "ankara": ("ankara",),
    "istanbul": ("istanbul", "stambul"),
    "izmir": ("izmir",),
    "antalya": ("antalya",),
    "mersin": ("mersin",),
    "hatay": ("hatay", "antakya", "antakia", "antakiya"),
    "kahramanmaras": ("kahramanmaras",),
    "gaziantep": ("gaziantep",),
    "trabzon": ("trabzon",),
    # Russia, Ukraine, Moldova, Belarus
    "moscow": ("moscow", "moskova", "moskau", "moskv"),
    "petersburg": ("petersburg", "peterburg"),
    "kazan": ("kazan",),
    "sochi": ("sochi", "soci", "sotschi"),
    "novorossiysk": ("novorossiysk", "novorossiisk", "noworossijsk"),
    "kyiv": ("kyiv", "kiev", "kiew"),
    "odesa": ("odesa", "odessa"),
    "chisinau": ("chisinau", "kisinev", "kischinau", "kishinev"),
    "minsk": ("minsk",),
    # Middle East and South Asia
    "tehran": ("tehran", "tahran", "teheran", "tegeran"),
    "islamabad": ("islamabad",),
    "karachi": ("karachi", "karaci", "karatschi"),
    "kabul": ("kabul",),
    "herat": ("herat", "gerat"),
    "riyadh": ("riyadh", "riyad", "riad", "eriyad", "erriyad"),
    "jeddah": ("jeddah", "cidde", "dschidda", "dzhidd"),
    "doha": ("doha", "dokha"),
    "abudhabi": ("abudhabi", "abuzabi", "abudabi"),
    "dubai": ("dubai", "dubay"),
    "cairo": ("cairo", "kahire", "kairo", "kair"),
    "baghdad": ("baghdad", "bagdat", "bagdad"),
    "erbil": ("erbil", "arbil"),
    "basra": ("basra",),
    "damascus": ("damascus", "damaskus", "damask"),
    "aleppo": ("aleppo", "halep"),
    "beirut": ("beirut", "beyrut"),
    # Europe, America, East Asia
    "brussels": ("brussels", "bruksel", "brussel", "bryussel"),
    "berlin": ("berlin",),
    "paris": ("paris", "parizh"),
    "london": ("london", "londra"),
    "vienna": ("vienna", "viyana", "wien", "vena", "vene"),
    "geneva": ("geneva", "cenevre", "genf", "zheneva", "zheneve"),
    "budapest": ("budapest", "budapeste", "budapesht"),
    "belgrade": ("belgrade", "belgrad"),
    "sarajevo": ("sarajevo", "saraybosna", "saraev"),
    "pristina": ("pristina", "pristine", "prishtina"),
    "bucharest": ("bucharest", "bukres", "bukarest", "bukharest"),
    "athens": ("athens", "atina", "athen"),
    "warsaw": ("warsaw", "varsova", "warschau", "varshav"),
    "washington": ("washington", "vashington"),
    "newyork": ("newyork",),
    "beijing": ("beijing", "pekin", "peking"),
    "shanghai": ("shanghai", "sanghay", "schanghai", "shankha"),
    "tokyo": ("tokyo", "tokio"),
    "newdelhi": ("newdelhi", "yenidelhi", "delhi"),
}
# Letters a spelling of five or more may take after it in Cyrillic: a Russian
# case ending ("ташкенте", "москве", "бишкеке"). Elsewhere a name is a whole
# word: Turkish puts its case after an apostrophe ("Bişkek'te"), and "Kazanç"
# (profit) or "Parisli" is no city.
_ENDING = 3
_LONG = 5
_SPELLINGS = {s: city for city, spellings in _CITIES.items() for s in spellings}
# Turkish locative after the apostrophe ("Bişkek'te", "Ankara'da"; not the
# dative: "Ankara'ya nota verdi" gives a note to the government, no place)
_LOCATIVE_TR = {"da", "de", "ta", "te", "nda", "nde"}
# a preposition of place or of the way there right before the name ("in",
# "travelled to", "reiste nach", "в")
_LOCATIVE_BEFORE = {"in", "at", "v", "vo", "im", "to", "nach"}
# a visit to the city named before the word: "Erdoğan'ın Cidde ziyareti"
_VISIT_AFTER = ("ziyaret",)
_WORD = re.compile(r"\w+")
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


@dataclass(frozen=True)
class Venue:
    """A city a text names, and whether it names it as the place of something."""

    city: str  # key of _CITIES
    start: int
    end: int
    located: bool  # in the locative: "in Tashkent", "Taşkent'te", "в Ташкенте"


def _city(key: str, cyrillic: bool) -> str | None:
    if key in _SPELLINGS:
        return _SPELLINGS[key]
    if cyrillic:  # the longest spelling the word opens, a case ending after it
        for size in range(len(key) - 1, max(_LONG, len(key) - _ENDING) - 1, -1):
            if key[:size] in _SPELLINGS:
                return _SPELLINGS[key[:size]]
    return None


def venues(text: str) -> list[Venue]:
    """The cities ``text`` names, in order."""
    words = [
        (m.start(), m.end(), key_of(m.group()), bool(_CYRILLIC.search(m.group())))
        for m in _WORD.finditer(text)
    ]
    out = []
    k = 0
    while k < len(words):
        s, e, key, cyrillic = words[k]
        city, last = _city(key, cyrillic), k
        if city is None and k + 1 < len(words) and words[k + 1][0] <= e + 1:
            # a name of two words or a hyphen: "New York", "Abu Dhabi", "Эр-Рияд"
            city, last = _city(key + words[k + 1][2], cyrillic), k + 1
        if city is None:
            k += 1
            continue
        e = words[last][1]
        after = words[last + 1] if last + 1 < len(words) else None
        before = words[k - 1] if k else None
        located = bool(
            (after and text[e : after[0]] in ("'", "’") and after[2] in _LOCATIVE_TR)
            or (after and after[2].startswith(_VISIT_AFTER))
            or (
                before
                and before[2] in _LOCATIVE_BEFORE
                and before[1] >= s - 2
                and text[before[0] - 1 : before[0]] not in ("'", "’")  # "Erdoğan'ın Cidde"
            )
        )
        out.append(Venue(city, s, e, located))
        k = last + 1
    return out
