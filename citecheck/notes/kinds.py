"""The kind of work a citation names (codes.CitationKind), from the fields the cascade found.

Decided in this order, the first rule that applies winning:

1. a cue word ("press release", "Yüksek Lisans Tezi", "Report No. 187")
2. legislation, court decisions and UN/official documents: ``other``, whatever
   else the note carries (a URL, a gazette issue number)
3. a news outlet as container or author: a news article, also after ``in:``
4. volume/issue: a journal article — but a volume alone next to a publisher or
   place is one volume of a multi-volume book (``vol. 2 (New York: …)``,
   ``Cilt III, İletişim Yayınları``)
5. a chapter ("In Book", "Book içinde", editors after the title; a quoted title inside a
   published book)
6. think-tank publications (SETA Analiz, ORSAM Rapor, Chatham House Research Paper,
   RAND, Crisis Group, SWP-Studie, Carnegie, CSIS) and titles saying "report": reports
7. publication facts: a book; a URL or DOI alone: a web page
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from citecheck.codes import CitationKind
from citecheck.notes.dates import fold
from citecheck.notes.names import NEWS_HOSTS, is_corporate
from citecheck.notes.roles import Roles

_REPORT_WORDS = re.compile(
    r"\b(?:report|rapor\w*|working\s+paper|policy\s+(?:brief|paper)|white\s+paper|"
    r"fact\s+sheet|bericht|studie|research\s+paper|occasional\s+paper|discussion\s+paper)\b",
    re.IGNORECASE,
)
# Series of think tanks, as a container or a field: "SETA Analiz", "SWP-Aktuell",
# "CSIS Brief", "Chatham House Research Paper", "ORSAM Rapor" (folded).
_SERIES_WORDS = re.compile(
    r"(?:^|[\s-])(?:analiz|rapor\w*|report|paper|brief\w*|studie|aktuell|comment|"
    r"perspective|insight|policy|commentary|notes?)(?:\s|$)"
)
# Think tanks and research institutes whose publications are reports (folded names,
# matched as whole words in the authors, container and publisher).
# fmt: off
THINK_TANKS = (
    "seta", "orsam", "tasam", "tepav", "edam", "bilgesam", "usak", "ankasam", "insamer",
    "iramer", "chatham house", "rand", "rand corporation", "international crisis group",
    "crisis group", "icg", "swp", "stiftung wissenschaft und politik", "carnegie",
    "csis", "center for strategic and international studies", "brookings",
    "council on foreign relations", "cfr", "iiss", "ecfr", "sipri", "dgap", "giga",
    "konrad-adenauer-stiftung", "friedrich-ebert-stiftung", "heinrich-boll-stiftung",
    "heritage foundation", "atlantic council", "wilson center", "jamestown foundation",
    "valdai", "riac", "imemo", "congressional research service", "crs",
    "german marshall fund", "gmf", "clingendael", "ifri", "pism", "osw", "hudson institute",
    "cato institute", "rusi", "ecmi", "caspian policy center", "middle east institute",
    "washington institute", "european policy centre", "bruegel", "ceps", "ispi",
    "iai", "prio", "nupi", "fiia", "carnegie endowment",
)
# fmt: on
def _names_think_tank(folded: str) -> bool:
    """Whether a folded name holds one of THINK_TANKS as whole words ("swp-studie" has
    "swp"); substring tests on the padded words, cheaper than one long alternation."""
    words = re.findall(r"[^\W_]+(?:[.&'][^\W_]+)*", folded)
    if _TANK_FIRST.isdisjoint(words):
        return False
    padded = " " + " ".join(words) + " "
    return any(f" {tank} " in padded for tank in _TANK_WORDS)


_TANK_WORDS = tuple(" ".join(re.findall(r"[^\W_]+(?:[.&'][^\W_]+)*", t)) for t in THINK_TANKS)
_TANK_FIRST = frozenset(t.split()[0] for t in _TANK_WORDS)
# Legislation, court decisions, UN and other official documents: Resmî Gazete, "5651
# Sayılı Kanun", "Law No.", "Bundesgesetzblatt", "Федеральный закон", S/RES/2334,
# A/78/123, "Anayasa Mahkemesi, E. 2019/1, K. 2020/5", "Application no. 123/04".
_GAZETTE = re.compile(
    r"resm[iî]\s+gazete|official\s+gazette|bundesgesetzblatt|\bbgbl\b|"
    r"собрание\s+законодательства|федеральный\s+закон|\bdüstur\b|takvim-i\s+vek[aâ]yi",
    re.IGNORECASE,
)
# Every _LEGAL alternative but the document symbols contains one of these (lower case).
_LEGAL_KEYS = (
    "law no", "act no", "sayılı", "kararname", "gesetz", "resolution", "mahkeme", "yargıtay",
    "danıştay", "application no", "case", "court", "bverfg", "urteil", "постановление", "указ",
)  # fmt: skip
_SYMBOL = re.compile(r"(?<![\w/])(?:[SA]/RES/|[SAE]/\d{2,4}/|[SAE]/CN\.\d)|\b[EK]\.\s*\d{4}/\d")
_LEGAL = re.compile(
    r"\b(?:law|act)\s+no\.?\s*\d|\d+\s+sayılı\s+(?:kanun|karar|yönetmelik|kararname)|"
    r"kanun\s+hükmünde\s+kararname|cumhurbaşkanlığı\s+kararnamesi|\bgesetz\s+(?:über|zur)|"
    r"(?<![\w/])(?:[SA]/RES/|[SAE]/\d{2,4}/|[SAE]/CN\.\d)|\bresolution\s+\d{2,4}\b|"
    r"\b(?:anayasa|ceza|idare|asliye\s+\w+)\s+mahkemesi|\byargıtay\b|\bdanıştay\b|"
    r"\b[EK]\.\s*\d{4}/\d+|\bapplication\s+no\.?\s*\d|\bcase\s+(?:no\.?\s*)?[A-Z]?-?\d+/\d+|"
    r"\b(?:constitutional|supreme)\s+court\b|\bcourt\s+of\s+(?:justice|cassation|appeal)|"
    r"\bbverfg\b|\burteil\s+vom\b|\bпостановление\b|\bуказ\s+президента\b",
    re.IGNORECASE,
)


def classify(
    f: dict[str, object], roles: Roles, hint: str | None, *, chapter: bool, text: str = ""
) -> str | None:
    """The kind of work (codes.CitationKind) from the fields found; ``text`` is the
    citation as written (for legal and official document symbols)."""
    urls = f.get("urls") or []
    assert isinstance(urls, list)
    if hint:
        return hint
    if _legal(text, f, roles):
        return CitationKind.OTHER
    journal = bool(f.get("volume") or f.get("issue"))
    # a news site's URL on a journal article (volume/issue) does not make it news
    if roles.news or (any(_news_host(u) for u in urls) and not journal):
        return CitationKind.NEWS_ARTICLE
    think_tank = _think_tank_report(f, roles)
    if journal and not think_tank:
        volume_of_book = not f.get("issue") and (f.get("publisher") or f.get("place"))
        if not volume_of_book:
            return CitationKind.JOURNAL_ARTICLE
    # "Заявление // Официальный сайт МИД России. URL: …": a site, not a book
    site = urls and not any(f.get(k) for k in ("publisher", "place", "editors"))
    if chapter and not site:
        return CitationKind.BOOK_CHAPTER
    if f.get("doi") and roles.container and not f.get("publisher"):
        return CitationKind.JOURNAL_ARTICLE
    if think_tank or _REPORT_WORDS.search(roles.title or ""):
        return CitationKind.REPORT  # not a container alone: "EVN Report" is a site
    if _self_published(f.get("publisher"), roles.authors):
        return CitationKind.REPORT  # "IEA, … Outlook 2024 (Paris: IEA, 2024)"
    if roles.quoted_title and roles.container and (f.get("publisher") or f.get("place")):
        # "Turan, "Ermeni Meselesi", Türkler, C. 13, Yeni Türkiye Yay., Ankara 2002": a
        # quoted piece inside a published book (an encyclopedia, a collection)
        return CitationKind.BOOK_CHAPTER
    if f.get("publisher") or f.get("place"):
        return CitationKind.BOOK
    if urls or f.get("doi"):
        return CitationKind.WEB_PAGE
    if roles.italic_title and f.get("year"):
        return CitationKind.BOOK
    if roles.title or roles.authors:
        return CitationKind.OTHER
    return None


def _legal(text: str, f: dict[str, object], roles: Roles) -> bool:
    """A law, a court decision or an official document symbol, not an article about one."""
    if _GAZETTE.search(text):
        return True
    if roles.news or f.get("publisher") or f.get("volume") or f.get("doi"):
        return False  # a book, journal or news piece about a law or court
    low = text.lower()
    if not any(k in low for k in _LEGAL_KEYS) and ("/" not in text or not _SYMBOL.search(text)):
        return False  # the common case, without the long alternation below
    return _LEGAL.search(text) is not None


def _think_tank_report(f: dict[str, object], roles: Roles) -> bool:
    """A think tank's own publication: its name with a series word ("SETA Analiz",
    "Chatham House Research Paper"), or the think tank as publisher ("RAND Corporation")."""
    publisher = f.get("publisher")
    if isinstance(publisher, str) and _names_think_tank(fold(publisher)):
        return True
    container = fold(roles.container or "")
    if container and _names_think_tank(container) and _SERIES_WORDS.search(container):
        return True
    # "RAND Corporation, RR-1826-OSD", "…, Carnegie Endowment, 28 February 2023" without a
    # URL: the think tank's own publication rather than a page of its web site
    names = " ".join(fold(a) for a in roles.authors if is_corporate(a))
    own = _names_think_tank(container) or _names_think_tank(names)
    return bool(own) and not f.get("urls") and bool(roles.title)


def _self_published(publisher: object, authors: list[str]) -> bool:
    """An organisation publishing its own work: publisher = the corporate author or its acronym."""
    if not isinstance(publisher, str) or len(authors) != 1 or not is_corporate(authors[0]):
        return False
    pub, author = fold(publisher), fold(authors[0])
    acronyms = {fold(a) for a in re.findall(r"\(([^\W\d_]{2,10})\)", authors[0])}
    initials = "".join(
        w[0] for w in re.findall(r"[a-z]+", author) if w not in {"of", "the", "for", "and"}
    )
    return pub in {author, initials} | acronyms


def _news_host(url: str) -> bool:
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return False
    host = host.removeprefix("www.")
    return host in NEWS_HOSTS or any(host.endswith("." + h) for h in NEWS_HOSTS)
