"""What a fetched page says about itself: bot walls, not-found wording, its text.

Pure functions over a response's status, headers and body; no network. Used by
:mod:`citecheck.web.liveness` to tell a live page from a wall or a dead one.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any
from urllib.parse import unquote, urlsplit

import lxml.etree
import lxml.html

__all__ = [
    "PageText",
    "bot_wall",
    "fold",
    "is_home",
    "is_login",
    "is_parked",
    "is_search",
    "not_found_wording",
    "page_text",
    "path_segments",
    "title_and_headings",
]

# Text nodes under these never show as page text.
_INVISIBLE = ("script", "style", "noscript", "template", "head")

# Only the first part of a body is read: titles, headings and the bulk of an
# article's text are there, and reading megabytes would make the check slow.
MAX_TEXT_BYTES = 512 * 1024


def fold(text: str) -> str:
    """Lower-case, Turkish dotless ı → i, accents dropped: "BULUNAMADI" ~ "bulunamadı"."""
    text = text.replace("İ", "i").replace("I", "i").lower().replace("ı", "i")
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


class PageText:
    """What a page shows. The visible text (``blocks``) is extracted from the parsed
    tree on first use: most pages are decided by their title and headings alone, and
    walking every text node of a large page costs more than parsing it.

    Not thread-safe until ``blocks`` has been read once (a shared page, like a
    site's yardstick, is read at once by its maker).
    """

    __slots__ = ("_blocks", "_folded", "_root", "has_script", "headings", "refresh_url", "title")

    def __init__(
        self,
        title: str = "",
        headings: list[str] | None = None,
        blocks: list[str] | None = None,
        has_script: bool = False,
        refresh_url: str | None = None,
        *,
        root: Any = None,
    ) -> None:
        self.title = title
        self.headings = headings if headings is not None else []  # h1/h2 texts, in order
        self.has_script = has_script
        self.refresh_url = refresh_url  # <meta http-equiv="refresh"> target, when prompt
        self._blocks = blocks if blocks is not None or root is not None else []
        self._root = root  # the parsed document until its blocks are read
        self._folded: list[tuple[str, str]] | None = None

    def titles(self) -> list[tuple[str, str]]:
        """(text, folded text) of the title and the first three headings, the page's
        own words about itself; folded once for every check that reads them."""
        if self._folded is None:
            self._folded = [(t, fold(t)) for t in [self.title, *self.headings[:3]] if t]
        return self._folded

    @property
    def blocks(self) -> list[str]:
        """Visible text nodes, stripped, in document order."""
        if self._blocks is None:
            self._blocks = _visible_blocks(self._root)
            self._root = None  # the tree is not needed any more
        return self._blocks

    @property
    def text(self) -> str:
        return " ".join(self.blocks)

    def __repr__(self) -> str:
        return f"PageText(title={self.title!r}, headings={self.headings!r})"


def _charset(content_type: str | None) -> str | None:
    m = re.search(r"charset=[\"']?([\w.:-]+)", content_type or "", re.IGNORECASE)
    return m.group(1) if m else None


_META_CHARSET = re.compile(rb"<meta[^>]+charset", re.IGNORECASE)


def _encoding(data: bytes, content_type: str | None) -> str | None:
    """Header charset; else None when the page names one in a meta tag (lxml reads it);
    else UTF-8 when the bytes are valid UTF-8 (most pages that name no charset are)."""
    declared = _charset(content_type)
    if declared or _META_CHARSET.search(data[:4096]):
        return declared
    try:
        data[:-4].decode("utf-8")  # the cut at the cap may split the last character
    except UnicodeDecodeError:
        return None
    return "utf-8"


def looks_like_html(content_type: str | None, body: bytes) -> bool:
    ct = (content_type or "").lower()
    if "html" in ct or "xml" in ct:
        return True
    if ct and not ct.startswith("text/plain"):
        return False
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<title"))


# A refresh slower than this is a notice ("you will be taken to ... in 30 s"),
# still a forward; beyond a minute it is a page that reloads itself.
MAX_REFRESH_SECONDS = 60
_REFRESH = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*[;,]?\s*(?:url\s*=\s*)?['\"]?([^'\"]*)", re.I)


def _meta_refresh(root: lxml.html.HtmlElement) -> str | None:
    for meta in root.iter("meta"):
        if (meta.get("http-equiv") or "").strip().lower() != "refresh":
            continue
        m = _REFRESH.match(meta.get("content") or "")
        if m and m.group(2).strip() and float(m.group(1)) <= MAX_REFRESH_SECONDS:
            return m.group(2).strip()
    return None


def page_text(body: bytes | None, content_type: str | None) -> PageText:
    """Title, headings and visible text of an HTML body (empty for anything else)."""
    if not body or not looks_like_html(content_type, body):
        return PageText()
    data = body[:MAX_TEXT_BYTES]
    try:
        parser = lxml.html.HTMLParser(encoding=_encoding(data, content_type))
    except LookupError:
        parser = lxml.html.HTMLParser()
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except (lxml.etree.ParserError, ValueError, LookupError):
        return PageText()
    page = PageText(root=root)
    page.title, page.headings = title_and_headings(root)
    page.has_script = root.find(".//script") is not None
    page.refresh_url = _meta_refresh(root)
    return page


def title_and_headings(root: lxml.html.HtmlElement) -> tuple[str, list[str]]:
    """The <title> and the h1/h2 texts of a parsed page, whitespace squeezed
    (also read by citecheck.web.extract_stub to tell error pages from sources)."""
    title = root.find(".//title")
    text = " ".join("".join(title.itertext()).split()) if title is not None else ""
    headings = []
    for h in root.iter("h1", "h2"):
        # itertext, not text_content(): that one runs an XPath per call (slow, GIL held)
        heading = " ".join("".join(h.itertext()).split())
        if heading:
            headings.append(heading)
    return text, headings


def _visible_blocks(root: lxml.html.HtmlElement) -> list[str]:
    # Hidden text goes, the text after a hidden element (its tail) stays.
    lxml.etree.strip_elements(root, *_INVISIBLE, with_tail=False)
    body = root.find("body")
    return [
        " ".join(text.split())
        for text in (body if body is not None else root).itertext()
        if text and not text.isspace()
    ]


# -- not-found wording --------------------------------------------------------

# Phrases a not-found page puts in its title or main heading, in the languages
# AVİM's sources use (Turkish, English, German, Russian). Matched on folded text
# (see fold), so "SAYFA BULUNAMADI" and "Sayfa bulunamadı" both match. Only
# titles and h1/h2 are read: article bodies mention "not found" legitimately.
_NOT_FOUND = re.compile(
    "|".join(
        [
            # English
            r"\bpage (?:was )?not found\b",
            r"\bnot found\b",
            r"\bpage (?:does not|doesn't|doesnt) exist\b",
            r"\bno longer (?:available|exists)\b",
            r"\bcontent (?:is )?not available\b",
            r"\bpage (?:is )?(?:missing|unavailable|gone)\b",
            r"\bpage cannot be found\b",
            r"\bcan(?:no|')?t find (?:the|that|this) page\b",
            # Turkish: "Sayfa bulunamadı", "Aradığınız sayfa bulunamadı",
            # "İçerik bulunamadı", "Sayfa mevcut değil", "Hata 404"
            r"\bbulunamadi\b",
            r"\bsayfa (?:mevcut degil|yok)\b",
            r"\bhata 404\b",
            r"\bkaldirilmis(?:tir)?\b",
            # German: "Seite nicht gefunden", "Die Seite existiert nicht", "Fehler 404"
            r"\bnicht gefunden\b",
            r"\bexistiert nicht\b",
            r"\bfehler 404\b",
            r"\bnicht (?:mehr )?verfugbar\b",
            # Russian: "Страница не найдена", "Ошибка 404", "Страница не существует"
            # (folded: NFKD splits "й" into "и" + breve, so "найдена" reads "наидена")
            r"\bне наиден[аоы]?\b",
            r"\bошибка 404\b",
            r"\bстраница не существует\b",
            # Bare codes: "404", "Error 404", "404 - Example" (not "404 tonnes of ...")
            r"^\W*(?:error\W*)?404\W*(?:$|[-–—|:])",
        ]
    )
)

# A domain for sale says nothing about the cited page except that it is gone.
_PARKED = re.compile(
    r"\b(?:this |the )?domain (?:name )?(?:is |may be )?for sale\b"
    r"|\bbuy this domain\b|\balan adi satilik(?:tir)?\b|\bdomain (?:steht )?zum verkauf\b"
)


def not_found_wording(page: PageText) -> str | None:
    """The title/heading that reads as a not-found or parked-domain page, if any."""
    for text, folded in page.titles():
        if folded and (_NOT_FOUND.search(folded) or _PARKED.search(folded)):
            return text
    return None


def is_parked(page: PageText) -> bool:
    return any(_PARKED.search(folded) for _, folded in page.titles())


# -- bot walls ----------------------------------------------------------------


def _cookies(headers: dict[str, str]) -> str:
    return (headers.get("set-cookie") or "").lower()


# Statuses a wall answers with. On a 200 only a wall's own page counts: the
# services' cookies, headers and scripts ride on ordinary pages of the sites
# they protect (Cloudflare injects /cdn-cgi/challenge-platform/scripts/jsd into
# live pages; DataDome, PerimeterX, Sucuri and Imperva tag every answer).
_WALL_STATUSES = frozenset({401, 403, 405, 429, 503})


def bot_wall(status: int | None, headers: dict[str, str], body: bytes | None) -> str | None:
    """Name of the bot-protection service whose wall this response is, or None.

    A wall is an interstitial page shown instead of the content to clients it
    suspects are robots; the page behind it is usually alive.
    """
    h = {k.lower(): v for k, v in headers.items()}
    head = (body or b"")[:65536].lower()
    server = (h.get("server") or "").lower()
    refused = status in _WALL_STATUSES
    # 1. Cloudflare: the challenge header is authoritative; the challenge page
    #    itself has "Just a moment..." and its _cf_chl_opt / chl_page scripts.
    if (h.get("cf-mitigated") or "").lower() == "challenge":
        return "Cloudflare"
    cf_page = any(m in head for m in (b"_cf_chl_opt", b"/chl_page/", b"cf-chl-", b"cf_chl_"))
    cf_title = (
        b"<title>just a moment...</title>" in head or b"attention required! | cloudflare" in head
    )
    if cf_page or (cf_title and (refused or "cloudflare" in server or "cf-ray" in h)):
        return "Cloudflare"
    # 2. DataDome: its block page loads the captcha from captcha-delivery.com.
    if b"captcha-delivery.com" in head or (refused and ("x-datadome" in h or "x-dd-b" in h)):
        return "DataDome"
    # 3. PerimeterX / HUMAN: the "Press & Hold" captcha, or its cookie on a refusal.
    if any(m in head for m in (b"press &amp; hold", b"press & hold", b"px-captcha")) or (
        refused and ("_pxhd" in _cookies(h) or b"perimeterx" in head)
    ):
        return "PerimeterX"
    # 4. Akamai: "Access Denied ... Reference #18.xxxx" reference pages.
    if (
        (status == 403 or "akamai" in server)
        and b"access denied" in head
        and b"reference #" in head
    ):
        return "Akamai"
    # 5. Sucuri and Imperva/Incapsula block pages.
    if b"sucuri website firewall" in head or (refused and "sucuri" in server):
        return "Sucuri"
    if b"incapsula incident id" in head or (refused and b"_incapsula_resource" in head):
        return "Imperva"
    # 6. A bare captcha on a refusal.
    if refused and (b"captcha" in head or b"are you a robot" in head):
        return "a captcha"
    return None


# -- URLs ---------------------------------------------------------------------


def path_segments(url: str) -> list[str]:
    path = unquote(urlsplit(url).path)
    return [s for s in path.split("/") if s]


_HOME_SEGMENT = re.compile(
    r"^(?:index|default|home|anasayfa|main|start|startseite)(?:\.\w+)?$", re.I
)
_LANG_SEGMENT = re.compile(r"^[a-z]{2}(?:[-_][a-z]{2})?$", re.I)


def is_home(url: str) -> bool:
    """True for a site's root: "/", "/index.php", "/tr/", "/en/home"."""
    parts = urlsplit(url)
    segs = path_segments(url)
    if parts.query and segs:
        return False
    if not segs:
        return not parts.query or all(
            k.split("=")[0].lower() in {"lang", "l", "hl"} for k in parts.query.split("&")
        )
    if len(segs) == 1:
        return bool(_HOME_SEGMENT.match(segs[0]) or _LANG_SEGMENT.match(segs[0]))
    return len(segs) == 2 and bool(_LANG_SEGMENT.match(segs[0]) and _HOME_SEGMENT.match(segs[1]))


_SEARCH_SEGMENT = re.compile(r"^(?:search|arama|ara|suche|poisk|find|results?|sonuclar)$", re.I)
_SEARCH_KEYS = {"s", "q", "query", "search", "keyword", "keywords", "aranan", "k", "text"}


def is_search(url: str) -> bool:
    parts = urlsplit(url)
    if any(_SEARCH_SEGMENT.match(fold(s)) for s in path_segments(url)):
        return True
    keys = {kv.split("=")[0].lower() for kv in parts.query.split("&") if kv}
    return bool(keys & _SEARCH_KEYS)


_LOGIN = re.compile(
    r"(?:^|[/_.-])(?:login|log-in|signin|sign-in|sign_in|giris|oturum-ac|anmelden|"
    r"auth|sso|account/login|users?/login|vhod|paywall|subscribe)(?:$|[/_.?-])",
    re.I,
)


def is_login(url: str) -> bool:
    parts = urlsplit(url)
    return bool(_LOGIN.search(fold(unquote(parts.path))))
