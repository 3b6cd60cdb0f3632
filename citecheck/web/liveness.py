"""Classify one fetched URL into a :class:`~citecheck.codes.LinkStatus`.

A status code alone lies (issue 3): bot walls answer 403 to live pages, many
sites answer 200 with a "page not found" page, and a redirect to the home page
is a dead link. :func:`classify` decides in this order:

1. a network failure reported by the client passes through (timeout, dns_error, ...);
2. a bot wall (Cloudflare, DataDome, PerimeterX, Akamai, ...) is ``blocked``
   whatever its status: the page behind it may be alive, a person must look;
3. 401/403/407/429/451/999 are ``blocked``; 408 is a ``timeout``; other 4xx
   are ``broken``; 5xx are ``server_error``; an unfinished redirect is ``broken``;
4. a 2xx answer is a ``soft_404`` when it
   a. landed, through redirects, on the site's home, a search page, or a
      section page above the cited one,
   b. lands where the same site sends an address that cannot exist
      (:class:`SiteBaselines` fetches ``/<random uuid>`` once per site), or
      looks like what the site shows for such an address (same text blocks),
   c. carries not-found wording in its title or main heading
      (Turkish, English, German, Russian) or is a parked domain;
   it is ``blocked`` when the redirects end on a sign-in page;
5. otherwise ``redirected`` when the final URL differs from the cited one
   (permanent when every hop was 301/308), else ``ok``.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
import uuid
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlsplit, urlunsplit

from citecheck.codes import LinkStatus
from citecheck.model import Hop, LinkCheck
from citecheck.web import liveness_signals as sig
from citecheck.web.urls import is_tracking_param, normalize_url

__all__ = ["SiteBaseline", "SiteBaselines", "classify", "not_checked", "utc_now"]

# Statuses that mean "ask a person", never "dead".
BLOCKED_CODES = {401: "asks for a login", 403: "refuses access", 407: "needs a proxy login"}
BLOCKED_CODES |= {429: "limits how often it may be asked", 451: "is unavailable for legal reasons"}
BLOCKED_CODES |= {999: "refuses automated visitors"}  # LinkedIn's private code
PERMANENT_CODES = {301, 308}

# A cited page is taken as the site's not-found page when the text it adds to
# what the site shows for an address that cannot exist is shorter than this.
# ~two sentences: soft-404 templates differ only by the echoed address or a
# request id (< 60 chars in the pages we looked at), while the shortest real
# cited pages (press releases, news briefs) add several hundred characters.
SOFT404_MAX_UNIQUE_CHARS = 120
# Pages built by script (an empty shell with a bundle) look alike for every
# address; below this much text there is nothing to compare.
MIN_COMPARABLE_CHARS = 40
# Redirect hops shown in a reason before "…".
_REASON_URL_MAX = 90


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class FetchLike(Protocol):
    """The fields of web.http.FetchResult that classification reads."""

    url: str
    final_url: str | None
    status: int | None
    headers: dict[str, str]
    body: bytes
    content_type: str | None
    hops: list[Hop]
    attempts: int
    elapsed_ms: int
    error_kind: str | None
    error: str | None


# -- what a site says for an address that cannot exist ------------------------


@dataclass
class SiteBaseline:
    """What a site answers for a random path: the yardstick for soft-404s."""

    probe_url: str
    status: int | None
    final_url: str | None
    page: sig.PageText
    body: bytes = b""

    @property
    def answers_not_found(self) -> bool:
        return self.status is not None and 400 <= self.status < 500

    @property
    def redirected(self) -> bool:
        return bool(self.final_url) and _same(self.final_url or "", self.probe_url) is False


def origin(url: str) -> str:
    p = urlsplit(url)
    return urlunsplit((p.scheme.lower(), p.netloc.lower(), "", "", ""))


class SiteBaselines:
    """Fetches ``<origin>/<random uuid>`` once per origin per run (thread-safe)."""

    def __init__(self, fetch: Any, *, max_bytes: int = 256 * 1024) -> None:
        # fetch(url, max_bytes) -> FetchResult; a callable so this module
        # needs no client of its own (every request goes through HttpClient).
        self._fetch = fetch
        self._max_bytes = max_bytes
        self._lock = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}
        self._done: dict[str, SiteBaseline | None] = {}

    def get(self, url: str) -> SiteBaseline | None:
        key = origin(url)
        with self._lock:
            if key in self._done:
                return self._done[key]
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:  # one fetch per origin even when many threads ask at once
            with self._lock:
                if key in self._done:
                    return self._done[key]
            baseline = self._probe(key)
            with self._lock:
                self._done[key] = baseline
            return baseline

    def _probe(self, key: str) -> SiteBaseline | None:
        probe_url = f"{key}/{uuid.uuid4().hex}"
        try:
            res = self._fetch(probe_url, self._max_bytes)
        except Exception:  # a failed yardstick only removes one signal
            return None
        if res.error_kind or res.status is None:
            return None
        body = res.body or b""
        return SiteBaseline(
            probe_url=probe_url,
            status=res.status,
            final_url=res.final_url,
            page=sig.page_text(body, _content_type(res)),
            body=body[: sig.MAX_TEXT_BYTES],
        )


def _content_type(res: Any) -> str | None:
    """Media type with the header's charset (FetchResult keeps them apart)."""
    charset = getattr(res, "charset", None)
    if res.content_type and charset:
        return f"{res.content_type}; charset={charset}"
    return res.content_type


# -- comparing -----------------------------------------------------------------


def _comparable(url: str) -> tuple[str, str, str]:
    """Scheme-less, trailing-slash-less form: http→https and "/x" vs "/x/" are the same page."""
    p = urlsplit(url)
    host = (p.hostname or "").removeprefix("www.")
    query = "&".join(
        kv for kv in p.query.split("&") if kv and not is_tracking_param(kv.split("=", 1)[0])
    )
    return host, (p.path or "/").rstrip("/") or "/", query


def _same(a: str, b: str) -> bool:
    return _comparable(a) == _comparable(b)


def _fold_block(block: str, echoes: tuple[str, ...]) -> str:
    text = sig.fold(block)
    for e in echoes:
        text = text.replace(e, " ")
    return re.sub(r"[\W\d_]+", " ", text).strip()


def unique_text_chars(page: sig.PageText, baseline: sig.PageText, echoes: tuple[str, ...]) -> int:
    """Characters of ``page``'s text blocks that the baseline page does not have.

    ``echoes`` (the requested paths, folded) are removed first: not-found pages
    often repeat the address they were asked for.
    """
    seen = {_fold_block(b, echoes) for b in baseline.blocks}
    return sum(
        len(folded)
        for folded in (_fold_block(b, echoes) for b in page.blocks)
        if folded and folded not in seen
    )


def _echoes(*urls: str) -> tuple[str, ...]:
    out = []
    for u in urls:
        segs = sig.path_segments(u)
        out.extend(sig.fold(s) for s in segs if len(s) >= 4)
    return tuple(sorted(set(out), key=len, reverse=True))


def _short(url: str | None) -> str:
    url = url or ""
    return url if len(url) <= _REASON_URL_MAX else url[: _REASON_URL_MAX - 1] + "…"


# -- classification --------------------------------------------------------------


def _redirect_hops(res: FetchLike) -> list[Hop]:
    return [Hop(url=h.url, status=h.status) for h in res.hops if 300 <= h.status < 400]


def _base(res: FetchLike, url: str, normalized_url: str, notes: list[int]) -> LinkCheck:
    hops = _redirect_hops(res)
    return LinkCheck(
        url=url,
        normalized_url=normalized_url,
        status=LinkStatus.NOT_CHECKED.value,
        notes=list(notes),
        http_status=res.status,
        final_url=res.final_url or res.url,
        redirects=hops,
        permanent_redirect=(all(h.status in PERMANENT_CODES for h in hops) if hops else None),
        attempts=res.attempts,
        elapsed_ms=res.elapsed_ms,
        checked_at=getattr(res, "fetched_at", None) or utc_now(),
        content_type=res.content_type,
    )


_NETWORK_REASONS = {
    LinkStatus.TIMEOUT: "The site did not answer in time",
    LinkStatus.DNS_ERROR: "The site's name does not resolve (DNS)",
    LinkStatus.TLS_ERROR: "The secure connection (TLS) to the site failed",
    LinkStatus.CONNECTION_ERROR: "The connection to the site failed",
    LinkStatus.INVALID_URL: "This is not a valid web address",
    LinkStatus.PRIVATE_ADDRESS: "The address points into a private network and was not visited",
    LinkStatus.SERVER_ERROR: "The site answered with a server error",
    LinkStatus.BROKEN: "The link does not lead to a page",
    LinkStatus.BLOCKED: "The site refused the check: open it in a browser to confirm",
}


def _set(check: LinkCheck, status: LinkStatus, reason: str) -> LinkCheck:
    check.status = status.value
    check.reason = reason if reason.endswith((".", ")")) else reason + "."
    return check


def classify(
    res: FetchLike,
    *,
    url: str | None = None,
    normalized_url: str | None = None,
    notes: list[int] | tuple[int, ...] = (),
    baselines: SiteBaselines | None = None,
) -> LinkCheck:
    """One :class:`LinkCheck` from one fetch (GET with a body) of the cited URL."""
    url = url or res.url
    check = _base(res, url, normalized_url or url, list(notes))
    code = res.status
    # 1. network failure
    if res.error_kind:
        try:
            kind = LinkStatus(res.error_kind)
        except ValueError:
            kind = LinkStatus.CONNECTION_ERROR
        detail = f" ({res.error})" if res.error else ""
        if code is not None and kind == LinkStatus.CONNECTION_ERROR and not res.error:
            detail = f" (HTTP {code})"
        return _set(check, kind, _NETWORK_REASONS.get(kind, "The check failed") + detail)
    if code is None:
        return _set(check, LinkStatus.CONNECTION_ERROR, "The site sent no answer.")
    headers = {k.lower(): v for k, v in (res.headers or {}).items()}
    # 2. bot wall, whatever the status
    wall = sig.bot_wall(code, headers, res.body)
    if wall:
        return _set(
            check,
            LinkStatus.BLOCKED,
            f"The site asks for a human check ({wall}): open it in a browser to confirm.",
        )
    # 3. status codes
    if code in BLOCKED_CODES:
        extra = " and may be alive: open it in a browser to confirm"
        if code == 429:
            extra = ": try again later or open it in a browser"
        return _set(
            check, LinkStatus.BLOCKED, f"The site {BLOCKED_CODES[code]} (HTTP {code}){extra}."
        )
    if code == 408:
        return _set(
            check, LinkStatus.TIMEOUT, "The site gave up waiting for the request (HTTP 408)."
        )
    if code in (404, 410):
        what = "was not found" if code == 404 else "has been removed"
        return _set(check, LinkStatus.BROKEN, f"The page {what} (HTTP {code}).")
    if 400 <= code < 500:
        return _set(check, LinkStatus.BROKEN, f"The site rejected the request (HTTP {code}).")
    if code >= 500:
        return _set(
            check, LinkStatus.SERVER_ERROR, f"The site answered with a server error (HTTP {code})."
        )
    if 300 <= code < 400:
        return _set(
            check,
            LinkStatus.BROKEN,
            f"The redirects never reach a page (HTTP {code} after {len(check.redirects)} hops).",
        )
    if code < 200:
        return _set(
            check, LinkStatus.SERVER_ERROR, f"The site gave an unusable answer (HTTP {code})."
        )
    # 4./5. a 2xx page
    return _classify_page(check, res, headers, baselines)


def _classify_page(
    check: LinkCheck, res: FetchLike, headers: dict[str, str], baselines: SiteBaselines | None
) -> LinkCheck:
    cited = res.url
    final = check.final_url or cited
    # Any redirect to another address counts, http -> https and an added slash
    # included (the reader is sent elsewhere); one that comes back to the cited
    # address (a cookie check) does not.
    moved = bool(check.redirects) and normalize_url(final) != normalize_url(cited)
    form_only = _same(cited, final)
    page = sig.page_text(res.body, _content_type(res))
    # 4a. where the redirects ended
    if moved and not form_only:
        deep = not sig.is_home(cited)
        if deep and sig.is_home(final):
            return _set(
                check,
                LinkStatus.SOFT_404,
                f"The link now sends readers to the home page ({_short(final)}).",
            )
        if sig.is_search(final) and not sig.is_search(cited):
            return _set(
                check,
                LinkStatus.SOFT_404,
                f"The link now sends readers to a search page ({_short(final)}).",
            )
        if sig.is_login(final) and not sig.is_login(cited):
            return _set(
                check,
                LinkStatus.BLOCKED,
                f"The link leads to a sign-in page ({_short(final)}): "
                "a person with access must open it.",
            )
        if deep and _is_section_above(cited, final):
            return _set(
                check,
                LinkStatus.SOFT_404,
                f"The link now sends readers to a section page ({_short(final)}) "
                "instead of the cited page.",
            )
    # 4c (parked domains first: their wording is unmistakable)
    if sig.is_parked(page):
        return _set(
            check, LinkStatus.SOFT_404, "The domain is parked or for sale: the cited page is gone."
        )
    # 4b. compare with the site's answer for an address that cannot exist
    if baselines is not None and not sig.is_home(cited):
        verdict = _compare_with_baseline(cited, final, res, page, baselines.get(cited))
        if verdict:
            return _set(check, LinkStatus.SOFT_404, verdict)
    # 4c. the page's own words
    wording = sig.not_found_wording(page)
    if wording:
        return _set(
            check,
            LinkStatus.SOFT_404,
            f'The site answers with a not-found page ("{wording[:60]}").',
        )
    # 5.
    if moved:
        kind = "permanently" if check.permanent_redirect else "temporarily"
        if form_only:
            return _set(
                check,
                LinkStatus.REDIRECTED,
                f"Only the form of the address changed ({kind} redirect to {_short(final)}).",
            )
        return _set(check, LinkStatus.REDIRECTED, f"The page has moved {kind} to {_short(final)}.")
    return _set(check, LinkStatus.OK, f"The page is reachable (HTTP {res.status}).")


def _is_section_above(cited: str, final: str) -> bool:
    """The redirect target is a directory above the cited page ("/news/" for "/news/2020/x")."""
    a, b = _comparable(cited), _comparable(final)
    if a[0] != b[0]:
        return False
    cs, fs = sig.path_segments(cited), sig.path_segments(final)
    if not fs or len(fs) >= len(cs) or cs[: len(fs)] != fs:
        return False
    # "/doc/1234/old-slug" -> "/doc/1234" keeps the document's id: same page.
    return not re.search(r"\d{3,}", fs[-1])


def _compare_with_baseline(
    cited: str,
    final: str,
    res: FetchLike,
    page: sig.PageText,
    base: SiteBaseline | None,
) -> str | None:
    if base is None or base.answers_not_found or base.status is None or base.status >= 300:
        return None  # the site says "not found" properly, or the yardstick failed
    if base.redirected and base.final_url and _same(final, base.final_url):
        return f"The link lands where the site sends addresses that do not exist ({_short(final)})."
    if not page.blocks and not base.page.blocks:
        # Nothing to read on either side (script-built shells, empty pages).
        if res.body and res.body[: sig.MAX_TEXT_BYTES] == base.body and not page.has_script:
            return (
                "The site answers this link exactly as it answers an address that does not exist."
            )
        return None
    if len(base.page.text) < MIN_COMPARABLE_CHARS or len(page.text) < MIN_COMPARABLE_CHARS:
        return None
    echoes = _echoes(cited, final, base.probe_url)
    if unique_text_chars(page, base.page, echoes) < SOFT404_MAX_UNIQUE_CHARS:
        return "The page is the same as what the site shows for an address that does not exist."
    return None


def not_checked(url: str, normalized_url: str, notes: list[int], reason: str) -> LinkCheck:
    return LinkCheck(
        url=url,
        normalized_url=normalized_url,
        status=LinkStatus.NOT_CHECKED.value,
        notes=list(notes),
        final_url=None,
        reason=reason,
        checked_at=utc_now(),
    )
