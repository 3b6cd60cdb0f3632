"""Publication facts of a book or report: place, publisher, year (and a full date).

Forms, tried in this order:

1. ``(Oxford: Oxford University Press, 2016)``, ``(Brussels: ICG, 14 November 2006)``
2. ``(Universal, 1982)``: publisher and year in brackets, no place
3. ``Oxford: Oxford University Press, 2016`` bare (Chicago bibliography, Turkish and
   German notes: ``München: C.H. Beck, 1992``), GOST ``М.: Наука, 1997``
4. ``Ankara, AVİM Yayınları, 2015``: place, publisher, year with commas only
5. ``Türk Tarih Kurumu Yayınları, Ankara 2005``: Turkish publisher first, then place
   and year (``İletişim Yayınları, İstanbul 2013``)
6. ``Berlin 2018``, ``Ankara, 2016``: a known place and a year, no publisher

Bare forms need evidence: a publisher word (``Yayınları``, ``Press``, ``Verlag``,
``Издательство``) or a place known to publish (folded, see dates.fold).
"""

from __future__ import annotations

import re

from citecheck.notes.dates import fold, parse_date
from citecheck.notes.locators import CUT

# No date: Turkish t.y. (tarih yok), English n.d., German o.J. (ohne Jahr), Russian б.г.
_NO_DATE = r"(?:n\.\s?d\.|t\.\s?y\.|o\.\s?J\.|б\.\s?г\.)"
_PAREN = re.compile(
    r"\((?P<place>[^():\x1f]{2,60}?)\s*:\s*(?P<publisher>[^():;\x1f]{2,120}?)\s*,\s*"
    r"(?P<when>(?:[^\W\d_]+\.?\s+)?(?:\d{1,2}\.?,?\s+)?(?:[^\W\d_]+\.?\s+)?)"
    r"(?:(?P<year>\d{4})[a-z]?|"
    + _NO_DATE
    + r")(?:\s*[;,]\s*(?:repr|reprint|rpt|first\s+published|ilk\s+bas\w*|"
    r"\d+\.\s*(?:bs|baskı)|nachdr)[^()]{0,60})?\)"
)
# A place: capitalised words ("Salt Lake City", "Frankfurt am Main", "New York, NY"),
# or a GOST abbreviation with its full stop ("М.", "СПб.", "Н. Новгород").
_PLACE = (
    r"(?P<place>[^\W\d_]{1,3}\.(?:;\s?[^\W\d_]{1,3}\.)?(?: ?[^\W\d_][\w'’-]*)?|"
    r"[^\W\d_][\w'’-]*(?: (?:am |an der |upon |on-)?[\w'’-]+){0,3}(?:, [A-Z]{2})?)"
)
# Titles have colons too ("C5+1 Summit: What's at Stake"), so the bare form needs a
# publisher word or a known place; see take_publication.
_BARE = re.compile(
    rf"(?:^|(?<=[.,\x1f—–]))\s*{_PLACE}\s*:\s*"
    r"(?P<publisher>[^:;,\x1f]{2,80}?)(?:\s*,?\s*(?P<year>\d{4})[a-z]?(?![\w])|(?P<end>\.?\s*$))"
)
# "(Universal, 1982)", "(Yüksek Lisans Tezi, Ankara Üniversitesi, 2015)": publisher, year
# without a place; the thesis words were already taken out, leaving a boundary.
_NO_PLACE = re.compile(
    r"\([\s,\x1f]*(?P<publisher>[^\d():;\x1f]{2,80}?)\s*,\s*(?P<year>\d{4})[a-z]?\)"
)
_COMMAS = re.compile(
    r"(?:^|(?<=[,.\x1f]))\s*(?P<place>[A-ZÇĞİÖŞÜ][\w'-]*(?: [\w'-]+)?)\s*,\s*"
    rf"(?P<publisher>[^:;,\x1f]{{2,80}}?)\s*,\s*(?:(?P<year>\d{{4}})[a-z]?(?![\w])|{_NO_DATE})"
)
_PUBLISHER_FIRST = re.compile(
    # the publisher holds no sentence stop, only an initial's ("C.H. Beck", not "Kaya. Kitap")
    r"(?:^|(?<=[,.\x1f]))\s*(?P<publisher>(?:[^:;,.\x1f]|\.(?!\s)|(?<=\b[A-Z])\.\s){2,80}?)\s*,\s*"
    r"(?P<place>[^\W\d_][\w'’-]*(?: (?:am |an der )?[^\W\d_][\w'’-]*){0,2})"
    rf"(?:\s*,?\s*(?:(?P<year>\d{{4}})[a-z]?(?![\w])|{_NO_DATE})|(?=\s*\.?\s*$))"
)
_PLACE_YEAR = re.compile(
    r"(?:^|(?<=[,.\x1f]))\s*(?P<place>[^\W\d_][\w'’-]*(?: (?:am |an der )?[^\W\d_][\w'’-]*){0,2})"
    r"\s*,?\s*(?P<year>\d{4})[a-z]?(?=\s*(?:[,.;)\x1f]|$))"
)
_LONE_PUBLISHER = re.compile(r"(?<=[.\x1f])\s*(?P<publisher>[^.,:;()\x1f\d]{2,60}?)\s*\.?\s*$")
# Places that publish (folded): Turkish, European, American, Russian and Caucasian /
# Central Asian cities, and the GOST abbreviations М. (Moscow), СПб. (St Petersburg),
# Л. (Leningrad), К. (Kyiv), Мн. (Minsk).
# fmt: off
CITIES = {
    "ankara", "istanbul", "izmir", "konya", "bursa", "eskisehir", "erzurum", "trabzon",
    "antalya", "kayseri", "sakarya", "samsun", "gaziantep", "elazig", "edirne", "kocaeli",
    "mersin", "adana", "diyarbakir", "malatya", "sivas", "canakkale", "isparta", "denizli",
    "manisa", "mugla", "aydin", "balikesir", "nigde", "nevsehir", "bolu", "duzce", "rize",
    "tokat", "corum", "kirikkale", "afyon", "kutahya", "hatay", "kahramanmaras", "sanliurfa",
    "mardin", "van", "kars", "igdir", "erzincan", "karaman", "aksaray", "yalova", "lefkosa",
    "gazimagusa", "london", "new york", "oxford", "cambridge", "paris", "berlin",
    "washington", "washington, dc", "moscow", "moskova", "baku", "baki", "yerevan", "erivan",
    "tbilisi", "tiflis", "almaty", "astana", "nur-sultan", "tashkent", "taskent", "bishkek",
    "biskek", "dushanbe", "ashgabat", "boston", "princeton", "chicago", "stanford", "leiden",
    "vienna", "wien", "brussels", "bruksel", "lanham", "abingdon", "basingstoke", "cham",
    "singapore", "munchen", "munich", "frankfurt", "frankfurt am main", "hamburg", "koln",
    "stuttgart", "leipzig", "bonn", "gottingen", "heidelberg", "wiesbaden", "baden-baden",
    "freiburg", "zurich", "bern", "basel", "potsdam", "mainz", "munster", "tubingen",
    "marburg", "dusseldorf", "bielefeld", "opladen", "paderborn", "darmstadt", "konstanz",
    "salt lake city", "santa monica", "los angeles", "berkeley", "new haven", "ithaca",
    "durham", "bloomington", "baltimore", "philadelphia", "toronto", "montreal", "ottawa",
    "sydney", "melbourne", "canberra", "new delhi", "delhi", "beijing", "tokyo", "geneva",
    "the hague", "amsterdam", "rome", "milan", "madrid", "stockholm", "oslo", "copenhagen",
    "helsinki", "warsaw", "prague", "budapest", "bucharest", "sofia", "athens", "nicosia",
    "tehran", "tahran", "cairo", "beirut", "jerusalem", "tel aviv", "doha", "islamabad",
    "boulder", "westport", "armonk", "thousand oaks", "santa barbara", "new brunswick",
    "москва", "м", "спб", "санкт-петербург", "л", "ленинград", "к", "киев", "мн", "минск",
    "ереван", "баку", "тбилиси", "алматы", "астана", "ташкент", "бишкек", "казань",
    "новосибирск", "екатеринбург", "ростов-на-дону", "краснодар", "н. новгород",
    # Turkish exonyms: Londra, Viyana, Cenevre, Lahey, Atina, Roma, Münih, Kahire, Brüksel
    "londra", "viyana", "cenevre", "lahey", "atina", "roma", "munih", "kahire", "vasington",
}
# fmt: on
_PUBLISHER_WORDS = re.compile(
    r"(?<!\w)(?:press|yay\.|yayın\w*|yayinlar\w*|yayınevi|kitabevi|basımevi|matbaası|publish\w*|"
    r"books|verlag|editions?|éditions|university|üniversitesi|institute|enstitüsü|"
    r"routledge|palgrave|springer|wiley|sage|brill|macmillan|penguin|nobel|iletişim|"
    r"ötüken|türk tarih kurumu|ttk|издательство|изд-во|наука|corporation)(?!\w)",
    re.IGNORECASE,
)
# A publisher without a publisher word ("M.E. Sharpe", "Verso") is at most this long.
SHORT_PUBLISHER_WORDS = 3
# GOST place abbreviations keep their full stop as written ("М.", "СПб.").
_ABBREVIATED_PLACE = re.compile(r"^[^\W\d_]{1,3}\.$")


def known_place(text: str) -> bool:
    """A place known to publish: "İstanbul", "Frankfurt am Main", "М.", "М.; Л."."""
    return all(fold(p.strip(" ,")).rstrip(".") in CITIES for p in text.split(";"))


def take_publication(
    text: str, *, entry: bool = False
) -> tuple[str | None, str | None, int | None, str | None, str]:
    """Place, publisher, year and full date of a publication, and the text without them.

    Without brackets "Place: Publisher, Year" needs a publisher word or a known
    place, except in a bibliography ``entry`` where it stands as a whole field
    (". Aldershot: Ashgate, 2003.").
    """
    m = _PAREN.search(text) or _NO_PLACE.search(text)
    if m is None:
        for bare in _BARE.finditer(text):
            if not bare["place"][0].isupper():
                continue
            whole_field = entry and re.match(r"\s*(?:[.\x1f]|$)", text[bare.end() :]) is not None
            words = _PUBLISHER_WORDS.search(bare["publisher"]) or _PUBLISHER_WORDS.search(
                bare["place"]
            )
            if words or known_place(bare["place"]) or (whole_field and bare["year"]):
                m = bare
                break
    # cheap tests first: place, publisher, year need two commas; publisher-first a word
    if m is None and text.count(",") >= 2:
        m = _first(_COMMAS, text, short_names=True)
    if m is None and "," in text and _PUBLISHER_WORDS.search(text):
        m = _first(_PUBLISHER_FIRST, text)
    if m is None:
        m = next((p for p in _PLACE_YEAR.finditer(text) if known_place(p["place"])), None)
    if m is None and entry:
        # APA 7 closes a book entry on the publisher alone: ". Routledge."
        m = _LONE_PUBLISHER.search(text)
        if m is not None and not _PUBLISHER_WORDS.search(m["publisher"]):
            m = None
    if m is None:
        return None, None, None, None, text
    groups = m.groupdict()
    when = f"{groups.get('when') or ''}{groups.get('year') or ''}".strip()
    date = parse_date(when) if when else None
    place = None
    if groups.get("place"):
        place = m["place"].strip(" ,")
        if not all(_ABBREVIATED_PLACE.match(p.strip()) for p in place.split(";")):
            place = place.rstrip(".")
    publisher = (groups.get("publisher") or "").strip(" ,") or None
    year = int(m["year"]) if groups.get("year") else None
    if publisher and re.search(r"\w{4,}\.$", publisher):  # a sentence stop, not "Yay."
        publisher = publisher[:-1]
    return place or None, publisher, year, date, text[: m.start()] + CUT + text[m.end() :]


def _first(
    pattern: re.Pattern[str], text: str, *, short_names: bool = False
) -> re.Match[str] | None:
    """The first match whose place is known and whose publisher has a publisher word, or
    (``short_names``) is a short name followed by the year ("Armonk, M.E. Sharpe, 2011")."""
    for m in pattern.finditer(text):
        if not known_place(m["place"]):
            continue
        publisher = m["publisher"].strip()
        short_name = len(publisher.split()) <= SHORT_PUBLISHER_WORDS and publisher[:1].isupper()
        short_name = short_name and not re.fullmatch(r"[A-Z]{2}", publisher)  # "Washington, DC"
        if _PUBLISHER_WORDS.search(publisher) or (short_names and short_name and m["year"]):
            return m
    return None
