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
from dataclasses import dataclass, field

import lxml.html

from citecheck.web import stub_wording as W
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
    "TEASER_MAX_CHARS",
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
        elif el.tag == "noscript" and W.NEEDS_JS.search(fold(el.text_content()[:500])):
            sig.script_app = True
        elif el.tag == "div" and (el.get("id") or "") in W.MOUNT_IDS:
            sig.script_app |= root.find(".//script[@src]") is not None
        elif el.tag == "script" and (el.get("type") or "").lower() == "application/ld+json":
            _ld_types(el.text or "", sig)
        klass = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
        boxed = el.tag in ("div", "section", "aside", "p") and W.WALL_BOX.search(klass)
        if boxed and len(sig.wall_text) < MAX_WALL_CHARS:
            sig.wall_text += " " + " ".join(el.text_content()[:MAX_WALL_CHARS].split())
    sig.not_free = bool(W.NOT_FREE.search(body[:MAX_LD_BYTES].decode("utf-8", "replace")))
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
    own = [t for t in [sig.title, *sig.headings[:3]] if W.ERROR_BODY.search(fold(t))]
    if own:  # "Sayfa bulunamadı", "Fehler 404": the page's own error wording
        return own[0]
    # The liveness wording alone ("bulunamadı", "not found") also heads news
    # items; a status code, the page wording in the text or noindex confirms it.
    heading = not_found_wording(PageText(title=sig.title, headings=sig.headings))
    if heading and (W.ERROR_CODE.search(heading) or sig.noindex or W.ERROR_BODY.search(folded)):
        return heading
    return None


def _error_page(
    text: str, folded: str, sig: PageSignals | None, url: str
) -> tuple[str, str] | None:
    if len(text) > ERROR_MAX_CHARS:
        return None
    heading = _error_heading(folded, sig) if sig is not None else None
    opening = len(text) <= ERROR_TEXT_ONLY_MAX and W.ERROR_BODY.search(folded[:ERROR_OPENING])
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
        m = W.FIELD_LINE.match(line)
        label = W.label_of(m.group(1) if m else line.strip(" |:-*•·"))
        if label:
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
        labels |= {label for t in sig.field_labels if (label := W.label_of(fold(t)))}
    specific = labels - W.GENERIC_LABELS
    printed = W.PRINT.search(folded)
    bookish = book_meta or bool(printed) or bool(W.ISBN.search(folded))
    if prose > limit or not bookish or not specific:
        return None
    if len(labels) < CATALOGUE_MIN_FIELDS and not book_meta:
        return None
    where = f"{folded}\n{fold(sig.title)}" if sig is not None else folded
    what = "a library catalogue record" if W.LIBRARY.search(where) else "a catalogue entry"
    kind = "of a print book" if printed or "isbn" in labels else "of a book"
    return PROBLEM_CATALOGUE_RECORD, f"the page is {what} {kind}: no text of the work to check"


def _paywall(text: str, folded: str, sig: PageSignals | None, url: str) -> tuple[str, str] | None:
    if len(text) >= STUB_MAX_CHARS:
        return None
    said = f"{folded}\n{fold(sig.wall_text) if sig is not None else ''}"
    promo = len(text) < TEASER_MAX_CHARS and W.PAYWALL_PROMO.search(said)
    if W.PAYWALL_CUT.search(said) or promo or (sig is not None and sig.not_free):
        return PROBLEM_PAYWALL, "only a teaser is shown; the text is behind a paywall or login"
    return None


_LOGIN_WHY = "the page asks the reader to sign in; the text is behind a login"


def _asks_login(text: str, folded: str, sig: PageSignals | None) -> bool:
    if len(text) >= STUB_MAX_CHARS:
        return False
    heads = fold(" ".join([sig.title, *sig.headings[:3]])) if sig is not None else ""
    return bool(W.LOGIN.search(folded) or W.LOGIN.search(heads))


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


def script_shell(signals: PageSignals, text: str, walked: bool) -> tuple[str, str] | None:
    """A page whose text only a browser running its scripts would build: an app
    mount point or a "needs JavaScript" note, and a text that is not an article
    (``walked``: the main-text extractor found none) or asks for JavaScript."""
    if signals.script_app and (walked or W.NEEDS_JS.search(fold(text))):
        why = "the page is built by JavaScript in the browser and the HTML holds no text"
        return PROBLEM_SCRIPT_SHELL, why
    return None
