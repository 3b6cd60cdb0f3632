"""Author and editor names, corporate authors and news outlets in citations.

Names are kept as written ("Kathleen J. Hancock", "Hancock, Kathleen J.",
"SARICA, Berna"); only the list is split. Turkish conjunctions are handled
alongside English and German ones: ``ve`` (and), ``vd.`` (ve diğerleri = et al.).
"""

from __future__ import annotations

import re

from citecheck.notes.dates import fold

# Between names: "and", Turkish "ve", German "und", "&", ";".
_NAME_JOINERS = re.compile(
    r"\s*(?:,\s*and\s+|,\s*ve\s+|\s+and\s+|\s+ve\s+|\s+und\s+|\s*&\s*|\s*;\s*)"
)
# "et al.", Turkish "vd." (ve diğerleri) / "ve diğerleri", German "u. a."
_ET_AL = re.compile(r"[,\s]*(?:et\s+al\.?|vd\.?|ve\s+diğerleri|ve\s+digerleri|u\.\s?a\.)\s*$", re.I)

# Lower-case particles inside personal names: "Ludwig van Beethoven", "al-Farabi".
PARTICLES = {"van", "von", "de", "der", "den", "del", "della", "di", "da", "du", "la", "le"}
PARTICLES |= {"al", "el", "bin", "ibn", "ter", "ten", "y", "dos", "das", "zu"}
# A name token: "Kathleen", "Börzel", "SARICA", "Al-Farabi", "O'Neil", "J.", "J.-P.", "Ş."
_NAME_TOKEN = re.compile(
    r"^(?:[^\W\d_]\.(?:-?[^\W\d_]\.)*"  # initials: J. / J.-P.
    r"|[^\W\d_][^\W\d_'’\-]*(?:['’\-][^\W\d_]+)*)$"  # words: Börzel, Al-Farabi, O'Neil
)
# Titles before a name: Prof. Dr., Doç. Dr., Dr. Öğr. Üyesi, Yrd. Doç., Assoc. Prof., Amb.
_HONORIFICS = re.compile(
    r"^(?:(?:prof|doç|doc|dr|yrd|öğr|ogr|assoc|asst|amb|av|mr|mrs|ms)\.\s*|"
    r"(?:üyesi|uyesi|büyükelçi|buyukelci|emekli|ambassador)\s+)+",
    re.IGNORECASE,
)
# Arabic article prefixes written in lower case: "al-Rasheed", "el-Baradei", "ad-Din"
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|ed|as|ash|at|az|ul|bin)-[^\W\d_]", re.IGNORECASE)
# Given names reduced to initials: "M.", "J. R.", "A.-M."
_INITIALS_ONLY = re.compile(r"^(?:[^\W\d_]\.(?:-?[^\W\d_]\.)?\s?)+$")
# Function words that never stand in a personal name, capitalised or not.
_NOT_IN_NAMES = {"the", "a", "an", "of", "in", "on", "for", "to", "from", "with", "bir", "ile"}
# Personal names are at most this many tokens ("Bekir Caner Şafak", "Juan Carlos de la Torre").
MAX_NAME_TOKENS = 5

# Words that make a name an organisation: "U.S. Department of Commerce",
# "International Energy Agency", "Dışişleri Bakanlığı", "Avrasya İncelemeleri Merkezi".
# fmt: off
_ORG_WORDS = {
    "agency", "ajansi", "department", "ministry", "bakanligi", "office", "council",
    "commission", "committee", "institute", "institution", "enstitusu", "center", "centre",
    "merkezi", "organization", "organisation", "orgutu", "teskilati", "association", "dernegi",
    "foundation", "vakfi", "university", "universitesi", "bank", "bankasi", "fund", "forum",
    "group", "union", "birligi", "nations", "programme", "program", "secretariat", "baskanligi",
    "government", "hukumeti", "parliament", "meclisi", "corporation", "company", "inc", "ltd",
    "news", "press", "times", "post", "daily", "gazetesi", "haber", "television", "radio",
    "network", "service", "authority", "kurumu", "kurulu", "house", "court", "mahkemesi",
    "embassy", "buyukelciligi", "administration", "bureau", "survey", "statistics",
    "observatory",
    # German, Russian (folded)
    "stiftung", "institut", "ministerium", "bundesministerium", "amt", "bundestag",
    "bundesregierung", "gesellschaft", "verband", "zentrum", "akademie", "universitat",
    "министерство", "мид", "институт", "центр", "фонд", "университет", "правительство",
    "совет", "агентство", "комитет", "служба", "администрация", "академия",
}
# fmt: on
# News outlets seen in notes on Turkish think-tank pages (folded, see dates.fold).
# fmt: off
NEWS_OUTLETS = {
    "reuters", "ap", "associated press", "afp", "agence france-presse", "anadolu agency",
    "anadolu ajansi", "aa", "bbc", "bbc news", "bbc turkce", "cnn", "cnn turk", "bloomberg",
    "hurriyet", "hurriyet daily news", "daily sabah", "sabah", "milliyet", "cumhuriyet",
    "sozcu", "ntv", "trt", "trt haber", "trt world", "yeni safak", "the diplomat", "eurasianet",
    "rfe/rl", "radio free europe/radio liberty", "al jazeera", "the guardian",
    "the new york times", "new york times", "the washington post", "washington post",
    "financial times", "the economist", "euronews", "deutsche welle", "dw", "le monde", "tass",
    "ria novosti", "interfax", "xinhua", "kazinform", "trend", "apa", "azertac", "politico",
    "foreign policy", "the times", "the wall street journal", "wall street journal",
    "the times of central asia", "times of central asia", "kun.uz", "24.kg", "akipress",
    "nikkei asia", "south china morning post", "the moscow times", "dunya", "haberturk",
    "middle east eye", "al-monitor", "asia times", "armenpress", "azernews", "news.am",
    "civilnet", "oc media", "jam news", "caspian news", "karar", "politico europe", "euractiv",
    "eurasia daily monitor", "itar-tass", "sputnik", "ria", "haberler.com",
    "the national interest", "the hill", "axios", "cnbc",
    # German
    "die zeit", "zeit", "zeit online", "suddeutsche zeitung", "sz", "faz", "faz.net",
    "frankfurter allgemeine zeitung", "frankfurter allgemeine", "der spiegel", "spiegel",
    "spiegel online", "die welt", "welt", "handelsblatt", "taz", "die tageszeitung",
    "neue zurcher zeitung", "nzz", "der standard", "die presse", "tagesschau", "dpa",
    # Russian, transliterated and in Cyrillic
    "kommersant", "kommersant''", "izvestia", "izvestiya", "vedomosti", "rbc", "rbk",
    "rossiyskaya gazeta", "nezavisimaya gazeta", "novaya gazeta", "lenta.ru", "meduza",
    "regnum", "interfax-azerbaijan", "коммерсантъ", "коммерсант", "известия", "ведомости",
    "рбк", "российская газета", "независимая газета", "новая газета", "риа новости", "тасс",
    "интерфакс", "регнум", "лента.ру", "вести", "итар-тасс",
    # Turkish
    "yeni akit", "aksam", "star", "evrensel", "birgun", "t24", "bianet", "ahval",
    "gazete duvar", "medyascope", "dha", "iha", "anka", "trt turk", "a haber",
    "haber7", "sputnik turkiye", "dw turkce", "euronews turkce",
    # other languages and regions
    "voice of america", "voa", "france 24", "rfi", "the independent", "the telegraph",
    "daily telegraph", "le figaro", "el pais", "corriere della sera", "upi", "efe", "ansa",
    "kyodo", "yonhap", "arka", "mediamax", "azatutyun", "hetq", "panarmenian", "asbarez",
    "the armenian weekly", "armenian weekly", "report.az", "oxu.az", "turan", "tengrinews",
    "vlast.kz", "gazeta.uz", "uza", "daryo", "the astana times", "astana times", "radio azattyk",
    "azattyq", "radio free europe", "radio liberty", "rferl", "al arabiya", "rudaw",
    "newsweek", "time", "the atlantic",
}
# fmt: on
# Web hosts of the same outlets, for notes that only give a URL.
# fmt: off
NEWS_HOSTS = {
    "reuters.com", "apnews.com", "afp.com", "aa.com.tr", "bbc.com", "bbc.co.uk", "cnn.com",
    "cnnturk.com", "bloomberg.com", "hurriyet.com.tr", "hurriyetdailynews.com",
    "dailysabah.com", "sabah.com.tr", "milliyet.com.tr", "cumhuriyet.com.tr", "sozcu.com.tr",
    "ntv.com.tr", "trthaber.com", "trtworld.com", "yenisafak.com", "thediplomat.com",
    "eurasianet.org", "rferl.org", "aljazeera.com", "theguardian.com", "nytimes.com",
    "washingtonpost.com", "ft.com", "economist.com", "euronews.com", "dw.com", "lemonde.fr",
    "tass.com", "tass.ru", "interfax.ru", "xinhuanet.com", "inform.kz", "kazinform.kz",
    "trend.az", "apa.az", "azertag.az", "politico.com", "politico.eu", "foreignpolicy.com",
    "wsj.com", "timesca.com", "kun.uz", "24.kg", "akipress.com", "asia.nikkei.com", "scmp.com",
    "themoscowtimes.com", "dunya.com", "haberturk.com", "middleeasteye.net", "al-monitor.com",
    "asiatimes.com", "armenpress.am", "azernews.az", "news.am", "civilnet.am", "oc-media.org",
    "jam-news.net", "caspiannews.com", "karar.com", "ensonhaber.com",
    "zeit.de", "sueddeutsche.de", "faz.net", "spiegel.de", "welt.de", "handelsblatt.com",
    "taz.de", "nzz.ch", "tagesschau.de", "kommersant.ru", "iz.ru", "vedomosti.ru", "rbc.ru",
    "rg.ru", "ng.ru", "novayagazeta.ru", "lenta.ru", "meduza.io", "regnum.ru", "ria.ru",
    "interfax.com", "aksam.com.tr", "star.com.tr", "t24.com.tr", "bianet.org", "birgun.net",
    "evrensel.net", "gazeteduvar.com.tr", "medyascope.tv", "voanews.com", "france24.com",
    "independent.co.uk", "telegraph.co.uk", "azatutyun.am", "hetq.am", "asbarez.com",
    "armenianweekly.com", "report.az", "oxu.az", "tengrinews.kz", "gazeta.uz", "daryo.uz",
    "astanatimes.com", "azattyk.org", "azattyq.org", "sputniknews.com", "trtturk.com",
}
# fmt: on
# Short words that do not need a capital in a title-case name ("Social Evolution and History").
# fmt: off
_MINOR_WORDS = {
    "a", "an", "the", "and", "or", "of", "in", "on", "for", "to", "at", "by", "with", "from",
    "ve", "ile", "için", "de", "da", "und", "der", "die", "das", "des", "für", "la", "le", "et",
    "du", "&",
}
# fmt: on
_ACRONYM = re.compile(r"^[A-ZÇĞİÖŞÜ][A-ZÇĞİÖŞÜ0-9&./+\-]{1,9}$")
_PAREN_ACRONYM = re.compile(r"\([A-ZÇĞİÖŞÜ][A-ZÇĞİÖŞÜ0-9&./+\-]{1,9}\)")


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_][\w'’.\-/]*", text)


def is_acronym(text: str) -> bool:
    """``IEA``, ``AVİM``, ``NATO``, ``RFE/RL``: a short all-capital token."""
    return bool(_ACRONYM.match(text.strip()))


# Newspaper and agency names by their make-up: "… Zeitung", "… Gazetesi", "… Times",
# "… Haber Ajansı", "Независимая газета", "Daily …" (folded, see dates.fold).
_NEWS_NAME = re.compile(
    r"(?:^|\s)(?:zeitung|gazetesi|gazette|gazeta|газета|times|herald|tribune|daily|"
    r"haber\s+ajansi|news\s+agency|nachrichtenagentur|информационное\s+агентство|новости|"
    r"tageblatt|rundschau|allgemeine)(?:\s|$)"
)
# A word of every _NEWS_NAME alternative (folded), tested before the pattern.
_NEWS_STEM = re.compile(
    "zeitung|gazet|газета|times|herald|tribune|daily|haber|agency|nachrichten|агентство|"
    "новости|tageblatt|rundschau|allgemeine"
)
# A newspaper name is short: "Frankfurter Allgemeine Zeitung", "The Times of Central Asia".
NEWS_NAME_MAX_WORDS = 5


# Countries and regions that open titles ("Türkiye, Rusya ve Kafkasya"); a given name is
# never one of them (folded).
# fmt: off
PLACE_NAMES = {
    "turkiye", "turkey", "rusya", "russia", "ermenistan", "armenia", "azerbaycan", "azerbaijan",
    "gurcistan", "georgia", "iran", "irak", "iraq", "suriye", "syria", "kafkasya", "caucasus",
    "avrupa", "europe", "amerika", "america", "asya", "asia", "cin", "china", "ukrayna",
    "ukraine", "kazakistan", "kazakhstan", "ozbekistan", "uzbekistan", "turkmenistan",
    "kirgizistan", "kyrgyzstan", "tacikistan", "tajikistan", "afrika", "africa", "almanya",
    "germany", "deutschland", "fransa", "france", "ingiltere", "britain", "england", "japonya",
    "japan", "hindistan", "india", "balkanlar", "balkans", "ortadogu", "karadeniz", "hazar",
    "anadolu", "anatolia", "osmanli", "ottoman", "bizans", "byzantium", "kibris", "cyprus",
    "yunanistan", "greece", "israil", "israel", "filistin", "palestine", "misir", "egypt",
}
# fmt: on


def is_place_name(text: str) -> bool:
    """ "Türkiye", "Kafkasya", "Russia": a country or region, not a person's given name."""
    return fold(text.strip(" ,.")) in PLACE_NAMES


def is_news_outlet(text: str) -> bool:
    key = fold(re.sub(r"[*_]", "", text)).strip(" .,")
    if key in NEWS_OUTLETS:
        return True
    if not _NEWS_STEM.search(key):
        return False  # the common case, without the longer pattern
    return len(key.split()) <= NEWS_NAME_MAX_WORDS and _NEWS_NAME.search(key) is not None


def is_corporate(text: str) -> bool:
    """An organisation rather than a person: org words, a known outlet, an acronym."""
    text = text.strip(" .,*_")
    if not text:
        return False
    if is_news_outlet(text) or is_acronym(text) or _PAREN_ACRONYM.search(text):
        return True
    return any(fold(w).strip(".") in _ORG_WORDS for w in _words(text))


def is_personal_name(text: str) -> bool:
    """One person's name, direct ("Kathleen J. Hancock") or inverted ("Hancock, Kathleen J.")."""
    text = strip_honorifics(text.strip(" ,;"))
    if "," in text:
        surname, _, given = text.partition(",")
        return _name_tokens_ok(surname.split()) and _name_tokens_ok(given.split())
    return _name_tokens_ok(text.split())


def _name_tokens_ok(tokens: list[str]) -> bool:
    if not 1 <= len(tokens) <= MAX_NAME_TOKENS:
        return False
    capitalised = 0
    for token in tokens:
        if token.lower() in PARTICLES:
            continue
        if token.lower() in _NOT_IN_NAMES:
            return False  # "The Caucasus Reader" is a title
        if not _NAME_TOKEN.match(token):
            return False
        if not token[0].isupper() and not _ARTICLE_PREFIX.match(token):
            return False
        capitalised += 1
    return capitalised >= 1


def strip_honorifics(name: str) -> str:
    """ "Prof. Dr. Ahmet Yılmaz" -> "Ahmet Yılmaz"; academic and diplomatic titles are not names."""
    return _HONORIFICS.sub("", name).strip()


def split_names(text: str) -> tuple[list[str], bool]:
    """The names in an author or editor list, and whether it ended in "et al."/"vd.".

    ``"Kathleen J. Hancock and Alexander Libman"`` -> two names;
    ``"Hancock, Kathleen J., and Alexander Libman"`` -> ``["Hancock, Kathleen J.",
    "Alexander Libman"]`` (bibliography order: only the first name is inverted);
    an organisation ("U.S. Department of Commerce") stays one name.
    """
    text = strip_honorifics(re.sub(r"\s+", " ", text).strip(" ,;:"))
    et_al = False
    m = _ET_AL.search(text)
    if m:
        text, et_al = text[: m.start()].strip(" ,"), True
    if not text:
        return [], et_al
    if is_corporate(text) and not _looks_like_name_list(text):
        return [text], et_al
    names: list[str] = []
    for part in map(strip_honorifics, _NAME_JOINERS.split(text)):
        names.extend(_split_commas(part.strip(" ,"), first=not names))
    return [n for n in names if n], et_al


def looks_like_authors(text: str) -> bool:
    """Whether a field can be an author list: people ("X and Y", "X vd.") or an organisation."""
    names, _ = split_names(text)
    if not names:
        return False
    return all(is_personal_name(n) or is_corporate(n) for n in names)


def _looks_like_name_list(text: str) -> bool:
    """ "X and Y" where both sides are personal names (not "Bosnia and Herzegovina Ministry")."""
    parts = _NAME_JOINERS.split(text)
    return len(parts) > 1 and all(is_personal_name(p) and not is_corporate(p) for p in parts)


def _split_commas(part: str, *, first: bool) -> list[str]:
    """Comma-separated names; "Surname, Given" stays together when it opens the list."""
    chunks = [c.strip() for c in part.split(",") if c.strip()]
    if len(chunks) <= 1:
        return chunks
    names: list[str] = []
    # Chicago inverts the first name only; APA inverts every one ("Kaya, M.").
    while (
        len(chunks) >= 2
        and ((first and not names) or _INITIALS_ONLY.match(chunks[1]))
        and _inverted_pair(chunks[0], chunks[1])
    ):
        names.append(f"{chunks[0]}, {chunks[1]}")
        chunks = chunks[2:]
    names.extend(chunks)
    return names


def _inverted_pair(surname: str, given: str) -> bool:
    """ "Hancock" + "Kathleen J.": a one-or-two-word surname then given names/initials.

    The given part is short: two direct names ("Jane Doe, John Roe") are told
    apart by the surname side being several words long or the given side
    looking like a full name while the surname side also does.
    """
    s_tokens, g_tokens = surname.split(), given.split()
    if not (_name_tokens_ok(s_tokens) and _name_tokens_ok(g_tokens)):
        return False
    if len(s_tokens) > 2:
        return False
    # "Jane Doe, John Roe" are two direct names; "van Dijk, Jan" and "AL ZAHRANI, Ali" are not
    return len(s_tokens) == 1 or s_tokens[0].lower() in PARTICLES or s_tokens[0].isupper()


def surname(name: str) -> str:
    """Family name as written: "Hancock, Kathleen J." or "Kathleen J. Hancock" -> "Hancock"."""
    name = name.strip()
    if "," in name:
        return name.split(",", 1)[0].strip()
    tokens = name.split()
    return tokens[-1] if tokens else ""


def is_title_case(text: str) -> bool:
    """Every significant word capitalised: "Social Evolution and History", "The Diplomat".

    Journal, site and newspaper names are written so; a sentence-case piece of
    a title ("Russia influence") is not.
    """
    words = [w for w in _words(text.strip(" *_")) if w.lower() not in _MINOR_WORDS]
    return bool(words) and all(w[0].isupper() or w[0].isdigit() for w in words)
