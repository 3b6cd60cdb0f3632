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
      (:mod:`~citecheck.web.liveness_baseline` fetches ``/<random uuid>``
      once per site), or
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
from typing import Protocol
from urllib.parse import urljoin, urlsplit

from citecheck.codes import LinkStatus
from citecheck.model import Hop, LinkCheck
from citecheck.web import liveness_baseline as bl
from citecheck.web import liveness_signals as sig
from citecheck.web.urls import normalize_url

__all__ = ["classify", "not_checked", "utc_now"]

# Statuses that mean "ask a person", never "dead".
BLOCKED_CODES = {401: "asks for a login", 403: "refuses access", 407: "needs a proxy login"}
BLOCKED_CODES |= {429: "limits how often it may be asked", 451: "is unavailable for legal reasons"}
BLOCKED_CODES |= {999: "refuses automated visitors"}  # LinkedIn's private code
PERMANENT_CODES = {301, 308}

# Persistent-identifier resolvers: their redirect is how they work, not a move.
PID_RESOLVERS = frozenset(
    {"doi.org", "dx.doi.org", "hdl.handle.net", "n2t.net", "identifiers.org", "purl.org"}
)
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


def _via(check: LinkCheck) -> str:
    if check.redirects and check.final_url and check.final_url != check.redirects[0].url:
        return f" after a redirect to {_short(check.final_url)}"
    return ""


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
    baselines: bl.SiteBaselines | None = None,
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
        return _set(check, LinkStatus.BROKEN, f"The page {what} (HTTP {code}){_via(check)}.")
    if 400 <= code < 500:
        return _set(
            check, LinkStatus.BROKEN, f"The site rejected the request (HTTP {code}){_via(check)}."
        )
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
    check: LinkCheck, res: FetchLike, headers: dict[str, str], baselines: bl.SiteBaselines | None
) -> LinkCheck:
    cited = res.url
    final = check.final_url or cited
    # Any redirect to another address counts, http -> https and an added slash
    # included (the reader is sent elsewhere); one that comes back to the cited
    # address (a cookie check) does not.
    moved = bool(check.redirects) and normalize_url(final) != normalize_url(cited)
    form_only = moved and bl.same_page(cited, final)  # only read when the page moved
    # 4a. where the redirects ended (the addresses decide: the body is not parsed)
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
    # Title, headings, scripts, refresh; the visible text only if a check below reads it.
    page = sig.page_text(res.body, bl.content_type(res))
    # 4a'. a page that forwards readers by <meta http-equiv="refresh"> to the home page
    if page.refresh_url and not sig.is_home(cited):
        target = urljoin(final, page.refresh_url)
        where = "home" if sig.is_home(target) else "search" if sig.is_search(target) else ""
        if where and not (where == "search" and sig.is_search(cited)):
            return _set(
                check,
                LinkStatus.SOFT_404,
                f"The page forwards readers to the site's {where} page ({_short(target)}).",
            )
    # 4c (parked domains first: their wording is unmistakable)
    if sig.is_parked(page):
        return _set(
            check, LinkStatus.SOFT_404, "The domain is parked or for sale: the cited page is gone."
        )
    # 4b. compare with the site's answer for an address that cannot exist
    base = None
    if baselines is not None and not sig.is_home(cited):
        base = baselines.get(cited)
        verdict = bl.compare_with_baseline(cited, final, res, page, base)
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
    if moved and (urlsplit(cited).hostname or "").lower() in PID_RESOLVERS:
        # A DOI or handle is meant to redirect: the link as cited is the right one.
        return _set(check, LinkStatus.OK, f"The persistent identifier resolves to {_short(final)}.")
    if moved:
        kind = "permanently" if check.permanent_redirect else "temporarily"
        if form_only:
            return _set(
                check,
                LinkStatus.REDIRECTED,
                f"Only the form of the address changed ({kind} redirect to {_short(final)}).",
            )
        return _set(check, LinkStatus.REDIRECTED, f"The page has moved {kind} to {_short(final)}.")
    if base is not None and page.has_script and bl.same_body(res.body, base) and not page.blocks:
        # Script-built sites answer every address with the same empty shell.
        return _set(
            check,
            LinkStatus.OK,
            f"The page answers (HTTP {res.status}), but the site sends the same script-built "
            "shell for every address: open it in a browser to confirm the content.",
        )
    return _set(check, LinkStatus.OK, f"The page is reachable (HTTP {res.status}).")


def _is_section_above(cited: str, final: str) -> bool:
    """The redirect target is a directory above the cited page ("/news/" for "/news/2020/x")."""
    a, b = bl.comparable(cited), bl.comparable(final)
    if a[0] != b[0]:
        return False
    cs, fs = sig.path_segments(cited), sig.path_segments(final)
    if not fs or len(fs) >= len(cs) or cs[: len(fs)] != fs:
        return False
    # "/doc/1234/old-slug" -> "/doc/1234" keeps the document's id: same page.
    return not re.search(r"\d{3,}", fs[-1])


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
