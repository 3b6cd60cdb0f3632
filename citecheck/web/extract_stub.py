"""Pages that stand where a source should be: error pages, catalogue records, walls, shells.

A fetched page can answer 200 and still hold none of the cited work: a "page
not found" text served as a normal page (or saved to disk), a library or
bookshop record of a print book, a paywall or login stub, a page whose text
only JavaScript would build. Read as the source, their boilerplate makes every
claim ``not_found``; recognised, the claim is ``unverifiable`` with the reason.

:func:`page_signals` reads what the HTML says about itself (title, headings,
robots, og:type, schema.org types, password fields, paywall boxes, app mount
points) before the fallback walk strips the tree; :func:`non_source` decides
from those signals and the main text. Plain text is judged on its words alone
(``signals=None``). Every rule needs a short main text: a long article that
mentions "404", "ISBN" or "subscribe" in passing stays readable.

The not-found wording of titles and headings, the folding and the login-URL
test are those of link checking (:mod:`citecheck.web.liveness_signals`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import lxml.html

from citecheck.web.extract import (
    PROBLEM_CATALOGUE_RECORD,
    PROBLEM_ERROR_PAGE,
    PROBLEM_LOGIN_WALL,
    PROBLEM_PAYWALL,
    PROBLEM_SCRIPT_SHELL,
)
from citecheck.web.liveness_signals import (
    PageText,
    fold,
    is_login,
    not_found_wording,
    title_and_headings,
)

__all__ = [
    "CATALOGUE_MAX_PROSE",
    "ERROR_MAX_CHARS",
    "STUB_MAX_CHARS",
    "PageSignals",
    "non_source",
    "page_signals",
    "script_shell",
]

# A paywall or login stub is short: a teaser paragraph and a subscription box.
# A full article that merely mentions subscriptions is longer than this.
STUB_MAX_CHARS = 1500
# A paywall's teaser: a headline, a standfirst, a paragraph or two. Below this,
# promotional subscription wording alone marks the page as a stub.
TEASER_MAX_CHARS = 600
# An error page's main text: an apology, "check the address", a search hint,
# at most a short list of links. 1,500 characters hold the longest we know
# (a 404 page listing a dozen "popular articles"); a news item headed
# "... bulunamadı" (not found) is usually longer and lacks the page wording.
ERROR_MAX_CHARS = 1500
# With no title or heading to go on (a saved .txt), only a very short text
# whose opening says "page not found" is taken for an error page.
ERROR_TEXT_ONLY_MAX = 600
ERROR_OPENING = 300
# Without a password field or a login address, sign-in wording makes a login
# wall only when it is nearly all the page says (a teaser line and the request).
LOGIN_TEXT_ONLY_MAX = 500
# Text of a catalogue record that is not a "Label: value" field: a heading, a
# note, a publisher's blurb. Bookshop blurbs run 500-1,500 characters; a
# review of the book (which is readable) runs several thousand.
CATALOGUE_MAX_PROSE = 1500
# With book metadata (og:type=book, schema.org Book/Product) a longer blurb is
# still only a blurb.
CATALOGUE_MAX_PROSE_BOOK_META = 2500
# Distinct bibliographic field labels that make a text a record, not prose.
CATALOGUE_MIN_FIELDS = 3


# --- wording (matched on folded text: lower case, ı→i, accents dropped) -------------

# Body wording only an error page uses ("the requested page", "check the address").
_ERROR_BODY = re.compile(
    r"\b(?:error|fehler|hata|ошибка)\W{0,3}40[410]\b"
    r"|\b40[410]\W{0,3}(?:error|not found|hatasi|gone)\b"
    # English
    r"|\bpage (?:you(?:'re| are| were) looking for|you requested|(?:was |could )?not (?:be )?found)"
    r"|\b(?:requested|this) (?:page|url|resource) (?:could not|cannot|was not|does not)"
    r"|\b(?:we )?can(?:no|')?t (?:be )?find (?:that|the|this) page\b"
    r"|\bthat page can(?:')?t be found"
    # German
    r"|\bangeforderte seite\b|\bseite (?:wurde |konnte )?(?:leider )?nicht gefunden"
    r"|\bseite existiert nicht\b|\bseite, die sie suchen\b|\bdiese seite gibt es nicht\b"
    # Turkish: "Aradığınız sayfa bulunamadı", "Sayfaya ulaşılamıyor"
    r"|\baradiginiz sayfa\b|\bsayfa bulunamadi\b|\bicerik bulunamadi\b|\bsayfaya ulasilamiyor"
    r"|\bsayfa (?:mevcut degil|kaldirilmis|artik yok)|\bboyle bir sayfa (?:yok|bulunmamaktadir)"
    # Russian (folded: "й" reads "и")
    r"|\bзапрашиваемая страница\b|\bстраница не наидена\b|\bстраница (?:не существует|удалена)"
    r"|\bтакои страницы (?:нет|не существует)|\bстраница, которую вы ищете"
)
# A status code in a title or heading ("404", "Fehler 404", "410 Gone").
_ERROR_CODE = re.compile(r"(?:^|\W)(?:40[410])(?:\W|$)")

# Wording that says the text goes on behind the wall ("to continue reading",
# "devamını okumak için", "Weiterlesen mit Abo", "чтобы читать дальше").
_PAYWALL_CUT = re.compile(
    # English
    r"subscribe (?:now )?to (?:continue|read|unlock)|to continue reading|(?:article|content|story)"
    r" is (?:only |exclusively )?(?:available )?(?:for|to) (?:paying )?(?:subscribers|members)"
    r"|unlock (?:this|the full) (?:article|story)|read the full (?:article|story) with"
    # Turkish: "Bu içeriğin devamını okumak için abone olun", "Bu içerik abonelere özeldir"
    r"|devamini okumak icin|okumaya devam etmek icin|(?:haber|icerik|yazi) abonelere(?:imize)? ozel"
    r"|(?:yalnizca|sadece) abonelere|abone olarak (?:okuyun|okumaya|devam)"
    # German: "Weiterlesen mit Abo", "Dieser Artikel ist exklusiv für Abonnenten"
    r"|weiterlesen mit|artikel ist (?:nur|exklusiv) fur abonnenten|artikel freischalten"
    r"|mit (?:einem |ihrem )?abo (?:lesen|weiterlesen)"
    # Russian: "Подпишитесь, чтобы читать", "Материал доступен только подписчикам"
    r"|подпишитесь,? чтобы (?:читать|прочитать|продолжить)|чтобы продолжить чтение"
    r"|чтобы читать дальше|(?:материал|статья) доступ(?:ен|на) (?:только )?(?:для )?подписчик"
)
# Subscription wording that also sits in promotion boxes beside full articles
# ("Abonelere özel", "Jetzt abonnieren", "Подпишитесь"): a paywall only on a
# teaser-sized text.
_PAYWALL_PROMO = re.compile(
    r"subscribers only|subscriber[- ]only|subscriber[- ]exclusive|already a subscriber"
    r"|abonelere ozel|abonelerimize ozel|premium icerik"
    r"|jetzt abonnieren|(?:nur|exklusiv) fur abonnenten"
    r"|подпишитесь|только для подписчиков|оформите подписку"
)
_NOT_FREE = re.compile(r'"isAccessibleForFree"\s*:\s*"?(?:false|False)"?')

_LOGIN = re.compile(
    r"\b(?:sign|log) ?in to (?:continue|read|view|access|see)|\bplease (?:sign|log) ?in\b"
    r"|\byou (?:must|need to) (?:be )?(?:logged|signed|log|sign) ?in\b|\blogin required\b"
    r"|\bregistered (?:users|members) only\b"
    r"|\bgoruntulemek icin (?:giris|uye)|\buye girisi yap|\buyelere ozel\b"
    r"|\bgiris yapmaniz gerek|\boturum acmaniz gerek"
    r"|\bbitte melden sie sich an\b|\banmeldung erforderlich\b|\bmelden sie sich an,? um\b"
    r"|\bnur fur (?:registrierte|angemeldete)\b"
    r"|\bвоидите,? чтобы\b|\bнеобходимо (?:авторизоваться|воити)\b|\bавторизуитесь\b"
    r"|\bтолько для зарегистрированных\b"
)

# "Label: value" fields of a library record or a bookshop page. Generic labels
# ("language", "author") count only next to bibliographic ones (see _fields).
_BIB_LABELS = (
    # English
    "isbn|isbn-10|isbn-13|issn|publisher|published|publication date|imprint|edition|pages"
    "|number of pages|print length|binding|format|dimensions|call number|shelf mark|shelfmark"
    "|location|availability|physical description|subjects?|item type|material type|series"
    "|language|author|authors?|year"
    # Turkish
    "|yayinevi|yayin bilgisi|yayin yili|basim yili|basim|baski|sayfa sayisi|sayfa|fiziksel tanim"
    "|yer numarasi|demirbas|materyal turu|konu|dil|yazar|ceviren|cilt tipi|kagit cinsi|boyut"
    "|barkod|stok kodu|yayin tarihi|seri"
    # German
    "|verlag|erscheinungsjahr|erscheinungsdatum|erschienen|seiten|seitenzahl|umfang|auflage"
    "|einband|sprache|signatur|standort|verfugbarkeit|schlagworte|medienart|ausgabe|reihe"
    # Russian (folded: "й" reads "и")
    "|издательство|год издания|год|количество страниц|страниц|переплет|формат|шифр|тираж|язык"
    "|автор|наличие|место хранения|серия|ббк|удк"
)
_LABEL = re.compile(rf"(?:{_BIB_LABELS})")
_GENERIC_LABELS = frozenset({"language", "author", "authors", "year", "format", "dil", "yazar"})
_GENERIC_LABELS |= {"sprache", "язык", "автор", "год", "location", "konu", "seri", "series"}
# A "Label: value" line or a table row "| Label | value |" (how trafilatura renders tables).
_FIELD_LINE = re.compile(r"^[|\-*•·\s]*([^:|]{2,32}?)\s*(?::|\|)\s*\S")
_ISBN = re.compile(r"\bisbn(?:-1[03])?\b|\b97[89][-\s]?\d{1,5}[-\s]?\d{1,7}[-\s]?\d{1,7}[-\s]?\d\b")
# A print copy and its availability: what a record has and an article does not.
_PRINT = re.compile(
    r"\bbasili kitap\b|\belektronik kopya(?:si)? yok|\bokuma salonunda\b|\bsepete ekle\b|\bstokta\b"
    r"|\bprint (?:edition|book|copy)\b|\bhardcover\b|\bpaperback\b|\badd to (?:cart|basket)\b"
    r"|\bin stock\b|\bdruckausgabe\b|\bgebundene ausgabe\b|\btaschenbuch\b|\bin den warenkorb\b"
    r"|\blieferbar\b|\bausleihbar\b|\bпечатное издание\b|\bв корзину\b|\bв наличии\b"
    r"|\bтвердыи переплет\b"
)

# Words of a <noscript> or shell asking for JavaScript.
_NEEDS_JS = re.compile(r"javascript|\bjs\b")
_MOUNT_IDS = frozenset({"root", "app", "__next", "__nuxt", "___gatsby", "svelte", "main-app"})
# Class/id words of a paywall or registration box (its text may be dropped by trafilatura).
_WALL_BOX = re.compile(
    r"paywall|subscri|premium|regwall|piano|(?:^|[\s_-])(?:meter|abo|abone|paid|locked)(?:$|[\s_-])"
)


@dataclass
class PageSignals:
    """What an HTML page says about itself, read before its text is extracted."""

    title: str = ""
    headings: list[str] = field(default_factory=list)  # h1/h2 texts, in order
    noindex: bool = False
    book_meta: bool = False  # og:type book, schema.org Book/Product, book:isbn
    article_meta: bool = False  # og:type article, schema.org Article/NewsArticle
    not_free: bool = False  # schema.org isAccessibleForFree: false
    password_field: bool = False
    script_app: bool = False  # a JavaScript app mount point or a "needs JavaScript" note
    field_labels: list[str] = field(default_factory=list)  # th/dt texts
    wall_text: str = ""  # text of paywall/subscription boxes


def page_signals(root: lxml.html.HtmlElement, body: bytes) -> PageSignals:
    """Signals of a parsed page; call before anything strips the tree."""
    sig = PageSignals()
    sig.title, sig.headings = title_and_headings(root)
    for meta in root.iter("meta"):
        name = (meta.get("name") or meta.get("property") or "").strip().lower()
        content = (meta.get("content") or "").strip().lower()
        if name == "robots" and "noindex" in content:
            sig.noindex = True
        elif name == "og:type":
            sig.book_meta |= content in ("book", "books.book", "product")
            sig.article_meta |= content == "article"
        elif name in ("book:isbn", "books:isbn"):
            sig.book_meta = True
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        itemtype = (el.get("itemtype") or "").lower()
        if itemtype.endswith(("/book", "/product")):
            sig.book_meta = True
        elif itemtype.endswith(("/article", "/newsarticle", "/blogposting")):
            sig.article_meta = True
        if el.tag in ("th", "dt") and len(sig.field_labels) < 100:
            sig.field_labels.append(" ".join("".join(el.itertext()).split()))
        elif el.tag == "input" and (el.get("type") or "").lower() == "password":
            sig.password_field = True
        elif el.tag == "noscript" and _NEEDS_JS.search(fold(el.text_content()[:500])):
            sig.script_app = True
        elif el.tag == "div" and (el.get("id") or "") in _MOUNT_IDS:
            sig.script_app |= root.find(".//script[@src]") is not None
        elif el.tag == "script" and (el.get("type") or "").lower() == "application/ld+json":
            _ld_types(el.text or "", sig)
        klass = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
        boxed = el.tag in ("div", "section", "aside", "p") and _WALL_BOX.search(klass)
        if boxed and len(sig.wall_text) < MAX_WALL_CHARS:
            sig.wall_text += " " + " ".join(el.text_content()[:MAX_WALL_CHARS].split())
    sig.not_free = bool(_NOT_FREE.search(body[:MAX_LD_BYTES].decode("utf-8", "replace")))
    return sig


# A paywall box says its piece in a few sentences; more is page furniture.
MAX_WALL_CHARS = 2000
# JSON-LD and flags live in the head or near the top of the body.
MAX_LD_BYTES = 512 * 1024


def _ld_types(raw: str, sig: PageSignals) -> None:
    try:
        data = json.loads(raw)
    except ValueError:
        return
    stack = [data]
    while stack and len(stack) < 500:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            kinds = node.get("@type")
            kinds = [kinds] if isinstance(kinds, str) else kinds if isinstance(kinds, list) else []
            lowered = {str(k).lower() for k in kinds}
            if lowered & {"book", "product"} or "isbn" in node:
                sig.book_meta = True
            if lowered & {"article", "newsarticle", "blogposting", "scholarlyarticle", "report"}:
                sig.article_meta = True
            stack.extend(v for v in node.values() if isinstance(v, dict | list))


# --- decisions ------------------------------------------------------------------


def non_source(text: str, signals: PageSignals | None, url: str = "") -> tuple[str, str] | None:
    """``(problem code, plain words)`` when ``text`` (a page's main text) is not the
    work it stands for; None for a readable source."""
    folded = fold(text)
    # A sign-in form comes before the paywall wording it shares ("to continue reading").
    for rule in (_error_page, _catalogue, _login_form, _paywall, _login_wall):
        found = rule(text, folded, signals, url)
        if found:
            return found
    return None


def _error_heading(folded: str, sig: PageSignals) -> str | None:
    """The title or heading that names the page an error page, if any."""
    own = [t for t in [sig.title, *sig.headings[:3]] if _ERROR_BODY.search(fold(t))]
    if own:  # "Sayfa bulunamadı", "Fehler 404": the page's own error wording
        return own[0]
    # The liveness wording alone ("bulunamadı", "not found") also heads news
    # items; a status code, the page wording in the text or noindex confirms it.
    heading = not_found_wording(PageText(title=sig.title, headings=sig.headings))
    if heading and (_ERROR_CODE.search(heading) or sig.noindex or _ERROR_BODY.search(folded)):
        return heading
    return None


def _error_page(
    text: str, folded: str, sig: PageSignals | None, url: str
) -> tuple[str, str] | None:
    if len(text) > ERROR_MAX_CHARS:
        return None
    heading = _error_heading(folded, sig) if sig is not None else None
    opening = len(text) <= ERROR_TEXT_ONLY_MAX and _ERROR_BODY.search(folded[:ERROR_OPENING])
    if heading is None and opening:  # a saved page without its title: its first line
        heading = text.strip().split("\n", 1)[0][:120]
    if heading is None:
        return None
    return (
        PROBLEM_ERROR_PAGE,
        f"the page is an error page (“{heading}”): the cited text is not there",
    )


def _fields(lines: list[str]) -> tuple[set[str], int]:
    """Distinct bibliographic labels among ``lines`` (folded) and the characters of
    the lines that are not fields (the record's prose)."""
    labels: set[str] = set()
    prose = 0
    for line in lines:
        m = _FIELD_LINE.match(line)
        label = m.group(1) if m else line.strip(" |:-*•·")
        if _LABEL.fullmatch(label):
            labels.add(label)
        elif not set(line) <= set("|-: "):  # table rule "|---|---|"
            prose += len(line)
    return labels, prose


def _catalogue(text: str, folded: str, sig: PageSignals | None, url: str) -> tuple[str, str] | None:
    if sig is not None and sig.article_meta and not sig.book_meta:
        return None
    book_meta = sig is not None and sig.book_meta
    limit = CATALOGUE_MAX_PROSE_BOOK_META if book_meta else CATALOGUE_MAX_PROSE
    if len(text) > 4 * limit:  # a long text is prose whatever its labels
        return None
    labels, prose = _fields([line.strip() for line in folded.split("\n") if line.strip()])
    if sig is not None:
        labels |= {
            fold(t).strip(" :") for t in sig.field_labels if _LABEL.fullmatch(fold(t).strip(" :"))
        }
    specific = labels - _GENERIC_LABELS
    printed = _PRINT.search(folded)
    bookish = book_meta or bool(printed) or bool(_ISBN.search(folded))
    if prose > limit or not bookish or not specific:
        return None
    if len(labels) < CATALOGUE_MIN_FIELDS and not book_meta:
        return None
    what = "a library catalogue record" if _LIBRARY.search(folded) else "a catalogue entry"
    kind = "of a print book" if printed or "isbn" in labels else "of a book"
    return PROBLEM_CATALOGUE_RECORD, f"the page is {what} {kind}: no text of the work to check"


_LIBRARY = re.compile(
    r"\byer numarasi\b|\bdemirbas\b|\bkutuphane|\bcall number\b|\bshelf ?mark\b|\blibrary\b"
    r"|\bsignatur\b|\bbibliothek|\bшифр\b|\bбиблиотек|\bokuma salonunda\b|\bausleihbar\b"
)


def _paywall(text: str, folded: str, sig: PageSignals | None, url: str) -> tuple[str, str] | None:
    if len(text) >= STUB_MAX_CHARS:
        return None
    said = f"{folded}\n{fold(sig.wall_text) if sig is not None else ''}"
    promo = len(text) < TEASER_MAX_CHARS and _PAYWALL_PROMO.search(said)
    if _PAYWALL_CUT.search(said) or promo or (sig is not None and sig.not_free):
        return PROBLEM_PAYWALL, "only a teaser is shown; the text is behind a paywall"
    return None


_LOGIN_WHY = "the page asks the reader to sign in; the text is behind a login"


def _asks_login(text: str, folded: str, sig: PageSignals | None) -> bool:
    if len(text) >= STUB_MAX_CHARS:
        return False
    heads = fold(" ".join([sig.title, *sig.headings[:3]])) if sig is not None else ""
    return bool(_LOGIN.search(folded) or _LOGIN.search(heads))


def _login_form(
    text: str, folded: str, sig: PageSignals | None, url: str
) -> tuple[str, str] | None:
    """Sign-in wording with a password field, or on a login address."""
    form = (sig is not None and sig.password_field) or is_login(url)
    return (PROBLEM_LOGIN_WALL, _LOGIN_WHY) if form and _asks_login(text, folded, sig) else None


def _login_wall(
    text: str, folded: str, sig: PageSignals | None, url: str
) -> tuple[str, str] | None:
    """Sign-in wording that is nearly all the page says."""
    if len(text) < LOGIN_TEXT_ONLY_MAX and _asks_login(text, folded, sig):
        return PROBLEM_LOGIN_WALL, _LOGIN_WHY
    return None


def script_shell(signals: PageSignals) -> tuple[str, str] | None:
    """A page whose text only a browser running its scripts would build."""
    if signals.script_app:
        why = "the page is built by JavaScript in the browser and the HTML holds no text"
        return PROBLEM_SCRIPT_SHELL, why
    return None
