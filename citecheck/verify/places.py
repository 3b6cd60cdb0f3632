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
from functools import lru_cache

from citecheck.verify.entities import key_of
from citecheck.verify.model import Entity

__all__ = ["Venue", "said_where", "venues"]

# City -> folded spellings (key_of: lower case, accents off, Cyrillic
# transliterated). In Cyrillic a spelling of five letters or more also takes a
# case ending ("Ташкенте"; "Москве" by "moskv").
_CITIES: dict[str, tuple[str, ...]] = {
    # Central Asia
    "namangan": ("namangan",),
    "andijan": ("andijan", "andican", "andischan", "andizhan"),
    "fergana": ("fergana", "ferghana", "fergane"),
    "nukus": ("nukus",),
    "khiva": ("khiva", "chiwa", "khiv"),
    "karaganda": ("karaganda", "karagandy"),
    "shymkent": ("shymkent", "cimkent", "schymkent", "chimkent"),
    "aktobe": ("aktobe", "aqtobe", "aktyubinsk"),
    "pavlodar": ("pavlodar",),
    "kostanay": ("kostanay", "kostanai", "qostanai"),
    "turkmenabat": ("turkmenabat", "turkmenabad"),
    "tashkent": ("tashkent", "taskent", "taschkent"),
    "samarkand": ("samarkand", "semerkant", "samarqand"),
    "bukhara": ("bukhara", "bukhar", "buhara", "buchara"),
    "termez": ("termez", "termiz"),
    "bishkek": ("bishkek", "biskek", "bischkek"),
    "dushanbe": ("dushanbe", "dusanbe", "duschanbe"),
    "khujand": ("khujand", "hucent", "chudschand", "khudzhand"),
    "astana": ("astana", "nursultan", "astan"),  # "astan": Астане, Астаны
    "almaty": ("almaty", "almati", "almaata"),
    "aktau": ("aktau", "aqtau"),
    "atyrau": ("atyrau", "atirav"),
    "ashgabat": ("ashgabat", "askabat", "aschgabat", "ashkhabad"),
    "turkmenbashi": ("turkmenbashi", "turkmenbasi", "turkmenbaschi"),
    # Caucasus
    "sumgait": ("sumgait", "sumqayit", "sumgayit"),
    "lankaran": ("lankaran", "lenkeran", "lenkoran"),
    "shusha": ("shusha", "susa", "schuscha"),
    "poti": ("poti",),
    "kutaisi": ("kutaisi", "kutais"),
    "baku": ("baku",),
    "ganja": ("ganja", "gence", "gjandzh", "gyandzh"),
    "nakhchivan": ("nakhchivan", "nahcivan", "nachitschewan", "nakhichevan"),
    "tbilisi": ("tbilisi", "tiflis"),
    "batumi": ("batumi", "batum"),
    "yerevan": ("yerevan", "erivan", "eriwan", "erevan"),
    "gyumri": ("gyumri", "gumru", "gjumri"),
    # Türkiye
    "bursa": ("bursa",),
    "konya": ("konya",),
    "adana": ("adana",),
    "samsun": ("samsun",),
    "erzurum": ("erzurum",),
    "kars": ("kars",),
    "igdir": ("igdir",),
    "edirne": ("edirne",),
    "canakkale": ("canakkale",),
    "diyarbakir": ("diyarbakir",),
    "sinop": ("sinop",),
    "zonguldak": ("zonguldak",),
    "ceyhan": ("ceyhan",),
    "ankara": ("ankara",),
    "istanbul": ("istanbul", "stambul"),
    "izmir": ("izmir",),
    "antalya": ("antalya",),
    "mersin": ("mersin",),
    "hatay": ("hatay", "antakya", "antakia", "antakiya", "khatai", "khata"),  # Хатай, Хатае
    "kahramanmaras": ("kahramanmaras",),
    "gaziantep": ("gaziantep",),
    "trabzon": ("trabzon",),
    # Russia, Ukraine, Moldova, Belarus
    "vladivostok": ("vladivostok", "wladiwostok"),
    "yekaterinburg": ("yekaterinburg", "ekaterinburg", "jekaterinburg"),
    "rostov": ("rostov", "rostow"),
    "astrakhan": ("astrakhan", "astrahan", "astrachan"),
    "makhachkala": ("makhachkala", "mahackale", "machatschkala"),
    "kharkiv": ("kharkiv", "harkov", "charkiw", "kharkov"),
    "lviv": ("lviv", "lvov", "lwiw"),
    "izmail": ("izmail", "ismajil"),
    "tiraspol": ("tiraspol",),
    "comrat": ("comrat", "komrat"),
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
    "mashhad": ("mashhad", "meshed", "meschhed"),
    "tabriz": ("tabriz", "tebriz", "tabris"),
    "bandarabbas": ("bandarabbas",),
    "chabahar": ("chabahar", "cabahar", "tschabahar"),
    "lahore": ("lahore", "lahor"),
    "peshawar": ("peshawar", "pesaver", "peschawar", "peshavar"),
    "gwadar": ("gwadar", "gvadar"),
    "kandahar": ("kandahar", "kandehar"),
    "mazarisharif": ("mazarisharif", "mezarisserif", "masarischarif"),
    "amman": ("amman",),
    "muscat": ("muscat", "maskat"),
    "manama": ("manama",),
    "kuwaitcity": ("kuwaitcity",),
    "jerusalem": ("jerusalem", "kudus", "ierusalim"),
    "telaviv": ("telaviv",),
    "nicosia": ("nicosia", "lefkosa", "nikosia", "nikosiya", "lefkose"),
    "famagusta": ("famagusta", "gazimagusa", "magusa"),
    "kyrenia": ("kyrenia", "girne"),
    "larnaca": ("larnaca", "larnaka"),
    "limassol": ("limassol", "limasol", "leymosun"),
    "tripoli": ("tripoli", "trablus", "tripolis"),
    "benghazi": ("benghazi", "bingazi", "bengasi"),
    "khartoum": ("khartoum", "hartum", "khartum"),
    "addisababa": ("addisababa",),
    "mogadishu": ("mogadishu", "mogadisu", "mogadischu"),
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
    "rome": ("rome", "rom"),  # not "Roma": the people, in English and German
    "madrid": ("madrid",),
    "lisbon": ("lisbon", "lizbon", "lissabon"),
    "prague": ("prague", "prag", "praga"),
    "bratislava": ("bratislava",),
    "zagreb": ("zagreb",),
    "skopje": ("skopje", "uskup", "skopie"),
    "tirana": ("tirana",),  # not "tiran": Turkish for tyrant
    "podgorica": ("podgorica",),
    "sofia": ("sofia", "sofya"),
    "varna": ("varna",),
    "burgas": ("burgas",),
    "constanta": ("constanta", "kostence", "konstanza", "konstants"),
    "thessaloniki": ("thessaloniki", "selanik", "saloniki"),
    "tallinn": ("tallinn",),
    "riga": ("riga",),
    "vilnius": ("vilnius",),
    "helsinki": ("helsinki",),
    "stockholm": ("stockholm", "stokholm"),
    "oslo": ("oslo",),
    "copenhagen": ("copenhagen", "kopenhag", "kopenhagen"),
    "amsterdam": ("amsterdam",),
    "thehague": ("thehague", "lahey", "denhaag"),
    "munich": ("munich", "munih", "munchen", "myunkhen"),
    "frankfurt": ("frankfurt",),
    "hamburg": ("hamburg",),
    "strasbourg": ("strasbourg", "strazburg", "strassburg", "strasburg"),
    "luxembourg": ("luxembourg", "luksemburg", "luxemburg"),
    "bern": ("bern",),
    "davos": ("davos",),
    "ottawa": ("ottawa",),
    "hongkong": ("hongkong",),
    "singapore": ("singapore", "singapur"),
    "kualalumpur": ("kualalumpur",),
    "jakarta": ("jakarta", "cakarta", "dschakarta", "dzhakart"),
    "bogor": ("bogor",),
    "manila": ("manila",),
    "bangkok": ("bangkok",),
    "hanoi": ("hanoi",),
    "dhaka": ("dhaka", "dakka"),
    "ulaanbaatar": ("ulaanbaatar", "ulanbator", "ulanbatur", "ulan-bator"),
    "seoul": ("seoul", "seul"),
    "urumqi": ("urumqi", "urumci", "urumtschi", "urumchi"),
    "xian": ("xian",),
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
# a preposition of place right before the name ("in", "at", "в")
_AT = {"in", "at", "v", "vo", "im"}
# ... or of the way there ("travelled to", "reiste nach"): weaker, a line may
# run "from Termez to Peshawar" in a sentence about a signing in Tashkent
_TO = {"to", "nach"}
# a visit to the city named before the word: "Erdoğan'ın Cidde ziyareti"
_VISIT_AFTER = ("ziyaret",)
# a city coordinated with a placed one is placed too: "in London and Baku"
_AND = {"and", "ve", "und", "i", "or", "veya", "oder", "ili"}
_WORD = re.compile(r"\w+")
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


@dataclass(frozen=True)
class Venue:
    """A city a text names, and whether it names it as the place of something."""

    city: str  # key of _CITIES
    start: int
    end: int
    located: bool  # "in Tashkent", "Taşkent'te", "в Ташкенте", "to Tashkent"
    way: bool = False  # placed only as where something goes: "to", "nach", "ziyaret"


def _city(key: str, cyrillic: bool) -> str | None:
    if key in _SPELLINGS:
        return _SPELLINGS[key]
    if cyrillic:  # the longest spelling the word opens, a case ending after it
        for size in range(len(key) - 1, max(_LONG, len(key) - _ENDING) - 1, -1):
            if key[:size] in _SPELLINGS:
                return _SPELLINGS[key[:size]]
    return None


@lru_cache(maxsize=4096)
def venues(text: str) -> tuple[Venue, ...]:
    """The cities ``text`` names, in order (cached: a claim and its passages are
    read for their cities by several steps)."""
    words = [
        (m.start(), m.end(), key_of(m.group()), bool(_CYRILLIC.search(m.group())))
        for m in _WORD.finditer(text)
    ]
    out: list[Venue] = []
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
        # a word right before, not a Turkish suffix ("Erdoğan'ın Cidde": "ın" is no "in")
        prep = (
            before[2]
            if before and before[1] >= s - 2 and text[before[0] - 1 : before[0]] not in ("'", "’")
            else ""
        )
        at = prep in _AT or bool(
            after and text[e : after[0]] in ("'", "’") and after[2] in _LOCATIVE_TR
        )
        to = prep in _TO or bool(after and after[2].startswith(_VISIT_AFTER))
        if prep in _AND and out and out[-1].located and out[-1].end >= s - len(before[2]) - 3:
            at, to = not out[-1].way, out[-1].way
        out.append(Venue(city, s, e, at or to, to and not at))
        k = last + 1
    # Turkish puts the case on the last of coordinated names: "Londra ve Bakü'de"
    for i in range(len(out) - 2, -1, -1):
        link = text[out[i].end : out[i + 1].start].strip(" ,").lower()
        if not out[i].located and out[i + 1].located and (link in _AND or not link):
            out[i] = Venue(out[i].city, out[i].start, out[i].end, True, out[i + 1].way)
    return tuple(out)


# A Turkish locative ending ("Washington'da", "Bakü'de") or a preposition of
# place before the name: where it happened, not whom the statement is about.
_LOCATIVE = re.compile(r"['’]?(?:da|de|ta|te)\b")
_IN_BEFORE = re.compile(r"\b(?:in|at|im|in der|в|во)\s+(?:the\s+)?$", re.IGNORECASE)


def said_where(text: str, e: Entity) -> bool:
    """Whether a name of ``text`` says where (a locative ending, "in"/"at"/"в"
    before it), not whom a statement is about."""
    return bool(_LOCATIVE.match(text, e.end)) or bool(_IN_BEFORE.search(text[: e.start]))
