"""The soft-404 yardstick: what a site answers for an address that cannot exist.

Many sites answer 200 with a "page not found" page, or send unknown addresses
to one page. Their words differ per site and language; what they show for a
random path does not lie. :class:`SiteBaselines` fetches
``<origin>/<random uuid>`` once per site per run (through the one client), and
:func:`compare_with_baseline` says whether a cited page is that same answer.
"""

from __future__ import annotations

import hashlib
import re
import threading
import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from citecheck.web import liveness_signals as sig
from citecheck.web.urls import is_tracking_param

__all__ = [
    "SOFT404_MAX_UNIQUE_CHARS",
    "SiteBaseline",
    "SiteBaselines",
    "comparable",
    "compare_with_baseline",
    "same_page",
    "unique_text_chars",
]

# A cited page is taken as the site's not-found page when the text it adds to
# what the site shows for an address that cannot exist is shorter than this.
# ~two sentences: soft-404 templates differ only by the echoed address or a
# request id (< 60 chars in the pages we looked at), while the shortest real
# cited pages (press releases, news briefs) add several hundred characters.
SOFT404_MAX_UNIQUE_CHARS = 120
# Below this much text on either side there is nothing to compare.
MIN_COMPARABLE_CHARS = 40


def content_type(res: Any) -> str | None:
    """Media type with the header's charset (FetchResult keeps them apart)."""
    charset = getattr(res, "charset", None)
    if res.content_type and charset:
        return f"{res.content_type}; charset={charset}"
    return res.content_type


@dataclass
class SiteBaseline:
    """What a site answers for a random path: the yardstick for soft-404s."""

    probe_url: str
    status: int | None
    final_url: str | None
    page: sig.PageText
    body_digest: str = ""  # of the first MAX_TEXT_BYTES: runs touch many sites, keep no bodies
    body_size: int | None = None  # of those bytes: most bodies differ in size, no hash needed

    @property
    def answers_not_found(self) -> bool:
        return self.status is not None and 400 <= self.status < 500

    @property
    def redirected(self) -> bool:
        return bool(self.final_url) and same_page(self.final_url or "", self.probe_url) is False


def digest(body: bytes) -> str:
    return hashlib.sha256(body[: sig.MAX_TEXT_BYTES]).hexdigest()


def same_body(body: bytes | None, base: SiteBaseline) -> bool:
    """``body`` is byte for byte what the site sent for the random path (first MAX_TEXT_BYTES)."""
    if not body:
        return False
    if base.body_size is not None and min(len(body), sig.MAX_TEXT_BYTES) != base.body_size:
        return False
    return digest(body) == base.body_digest


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
        page = sig.page_text(body, content_type(res))
        page.blocks  # noqa: B018  # read now: the yardstick is shared by every thread
        return SiteBaseline(
            probe_url=probe_url,
            status=res.status,
            final_url=res.final_url,
            page=page,
            body_digest=digest(body),
            body_size=min(len(body), sig.MAX_TEXT_BYTES),
        )


# -- comparing -----------------------------------------------------------------


def comparable(url: str) -> tuple[str, str, str]:
    """Scheme-less, trailing-slash-less form: http→https and "/x" vs "/x/" are the same page."""
    p = urlsplit(url)
    host = (p.hostname or "").removeprefix("www.")
    query = "&".join(
        kv for kv in p.query.split("&") if kv and not is_tracking_param(kv.split("=", 1)[0])
    )
    return host, (p.path or "/").rstrip("/") or "/", query


def same_page(a: str, b: str) -> bool:
    return comparable(a) == comparable(b)


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


def compare_with_baseline(
    cited: str,
    final: str,
    res: Any,
    page: sig.PageText,
    base: SiteBaseline | None,
) -> str | None:
    if base is None or base.answers_not_found or base.status is None or base.status >= 300:
        return None  # the site says "not found" properly, or the yardstick failed
    if base.redirected and base.final_url and same_page(final, base.final_url):
        return f"The link lands where the site sends addresses that do not exist ({final})."
    if not base.page.blocks and not page.blocks:
        # Nothing to read on either side (script-built shells, empty pages).
        if not page.has_script and same_body(res.body, base):
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
