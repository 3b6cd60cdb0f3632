"""Archived copies from the Wayback Machine: the capture to link instead of a dead page.

:meth:`Wayback.find_snapshot` looks for the 2xx capture closest *before* the
note's access date (what the author saw), else the closest after it; without an
access date the article's date is the target, without that "now". It asks, in
order, and stops at the first capture before the target:

1. the availability API ``{api_base}/wayback/available`` — cheap, but it often
   answers ``{"archived_snapshots": {}}`` under load and may return a non-2xx
   or a later capture;
2. the CDX API ``{web_base}/cdx/search/cdx`` with ``filter=statuscode:2..``,
   first the captures up to the target, then those after it;
3. the ``{web_base}/web/<timestamp>/<url>`` redirect: its ``Location`` names
   the nearest capture; one hop is followed to confirm it answers 2xx.

Every request goes through the one :class:`~citecheck.web.http.HttpClient`
(politeness, retries, size caps). A failing archive never fails the link check:
the lookup ends with ``None`` and the reason is kept in :attr:`Wayback.problems`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import logging
import re
import threading
from typing import Any
from urllib.parse import urlencode, urljoin

from citecheck.model import ArchiveSnapshot

__all__ = [
    "DEFAULT_API_BASE",
    "DEFAULT_WEB_BASE",
    "Wayback",
    "snapshot_from_url",
    "wayback_timestamp",
]

log = logging.getLogger(__name__)

DEFAULT_API_BASE = "https://archive.org"
DEFAULT_WEB_BASE = "https://web.archive.org"

# Archive answers are small JSON lists; a megabyte is far beyond any real answer
# and still bounds a misbehaving server.
MAX_ANSWER_BYTES = 1024 * 1024
# CDX rows read on each side of the target: enough to skip a run of captures
# the filter let through with a bad status, small enough to stay a quick query.
CDX_ROWS = 25

_TS_IN_URL = re.compile(r"/web/(\d{14})(?:[a-z]{2}_)?/")


def wayback_timestamp(date: str | None, *, end_of_period: bool = True) -> str | None:
    """14-digit Wayback timestamp for an ISO date, possibly partial ("2025", "2025-11").

    A partial date means its whole period: with ``end_of_period`` the last
    second of it, so "before 2025-11" includes every capture of November.
    """
    if not date:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", date.strip())
    if not m:
        return None
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else (12 if end_of_period else 1)
    if not 1 <= month <= 12:
        return None
    last = calendar.monthrange(year, month)[1]
    day = int(m.group(3)) if m.group(3) else (last if end_of_period else 1)
    if not 1 <= day <= last:
        return None
    hms = "235959" if end_of_period else "000000"
    return f"{year:04d}{month:02d}{day:02d}{hms}"


def snapshot_from_url(url: str) -> ArchiveSnapshot | None:
    m = _TS_IN_URL.search(url)
    return ArchiveSnapshot(url=url, timestamp=m.group(1)) if m else None


def _now_ts() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y%m%d%H%M%S")


class Wayback:
    """Wayback Machine lookups through one HttpClient; base URLs are settings."""

    def __init__(
        self,
        client: Any,
        *,
        api_base: str = DEFAULT_API_BASE,
        web_base: str = DEFAULT_WEB_BASE,
    ) -> None:
        self.client = client
        self.api_base = api_base.rstrip("/")
        self.web_base = web_base.rstrip("/")
        self.problems: list[str] = []
        self._lock = threading.Lock()

    # -- public -------------------------------------------------------------

    def find_snapshot(
        self, url: str, *, accessed: str | None = None, fallback_date: str | None = None
    ) -> ArchiveSnapshot | None:
        """The 2xx capture of ``url`` closest before ``accessed`` (see module doc)."""
        target = wayback_timestamp(accessed) or wayback_timestamp(fallback_date) or _now_ts()
        later: ArchiveSnapshot | None = None
        # 1. availability API
        snap = self._available(url, target)
        if snap is not None:
            if snap.timestamp <= target:
                return snap
            later = snap
        # 2. CDX: before, then after
        before, cdx_ok = self._cdx(url, to=target)
        if before is not None:
            return before
        if cdx_ok:
            after, _ = self._cdx(url, since=target)
            return after or later
        if later is not None:
            return later
        # 3. the /web/<timestamp>/<url> redirect
        return self._web_redirect(url, target)

    def save_page(self, url: str) -> ArchiveSnapshot | None:
        """Ask for a fresh capture (Save Page Now); the new snapshot, or None."""
        res = self._get(f"{self.web_base}/save/{url}", follow=True)
        if res is None:
            return None
        if res.status is None or res.status >= 400:
            self._problem(f"Save Page Now refused {url} (HTTP {res.status}).")
            return None
        for candidate in (
            res.headers.get("content-location"),
            res.headers.get("location"),
            res.final_url,
            *(h.url for h in reversed(res.hops or [])),
        ):
            if candidate:
                snap = snapshot_from_url(urljoin(self.web_base + "/", candidate))
                if snap is not None:
                    return snap
        self._problem(f"Save Page Now answered for {url} without naming a capture.")
        return None

    # -- the three methods --------------------------------------------------

    def _available(self, url: str, target: str) -> ArchiveSnapshot | None:
        query = urlencode({"url": url, "timestamp": target})
        data = self._json(f"{self.api_base}/wayback/available?{query}")
        if not isinstance(data, dict):
            return None
        closest = (data.get("archived_snapshots") or {}).get("closest")
        if not isinstance(closest, dict) or closest.get("available") is False:
            return None
        status, ts = str(closest.get("status", "")), str(closest.get("timestamp", ""))
        if not status.startswith("2") or not re.fullmatch(r"\d{14}", ts):
            return None
        snap_url = closest.get("url") or f"{self.web_base}/web/{ts}/{url}"
        return ArchiveSnapshot(url=_https(str(snap_url)), timestamp=ts)

    def _cdx(
        self, url: str, *, to: str | None = None, since: str | None = None
    ) -> tuple[ArchiveSnapshot | None, bool]:
        """Nearest 2xx capture on one side of the target; second value: the API answered."""
        params: dict[str, str | int] = {
            "url": url,
            "output": "json",
            "fl": "timestamp,original,statuscode",
            "filter": "statuscode:2..",
        }
        if to:
            params |= {"to": to, "limit": -CDX_ROWS}  # negative limit: the last rows
        if since:
            params |= {"from": since, "limit": CDX_ROWS}
        data = self._json(f"{self.web_base}/cdx/search/cdx?{urlencode(params)}")
        if not isinstance(data, list):
            return None, False
        rows = [r for r in data if isinstance(r, list)]
        if not rows:
            return None, True
        header = [str(c) for c in rows[0]]
        if "timestamp" not in header:
            self._problem("The CDX API answered without a header row.")
            return None, False
        it, io = header.index("timestamp"), header.index("original") if "original" in header else -1
        ist = header.index("statuscode") if "statuscode" in header else -1
        found: list[tuple[str, str]] = []
        for row in rows[1:]:
            if len(row) != len(header):
                continue
            ts, status = str(row[it]), str(row[ist]) if ist >= 0 else "200"
            if not re.fullmatch(r"\d{14}", ts) or not status.startswith("2"):
                continue  # the server may ignore the filter
            if (to and ts > to) or (since and ts < since):
                continue
            found.append((ts, str(row[io]) if io >= 0 else url))
        if not found:
            return None, True
        ts, original = max(found) if to else min(found)
        return ArchiveSnapshot(url=f"{self.web_base}/web/{ts}/{original}", timestamp=ts), True

    def _web_redirect(self, url: str, target: str) -> ArchiveSnapshot | None:
        first = f"{self.web_base}/web/{target}/{url}"
        res = self._get(first, follow=False)
        if res is None or res.status is None:
            return None
        if 200 <= res.status < 300:
            memento = res.headers.get("memento-datetime")
            ts = _memento_ts(memento) if memento else target
            return ArchiveSnapshot(url=first, timestamp=ts or target)
        location = res.headers.get("location")
        if not (300 <= res.status < 400 and location):
            return None  # 404: no capture at all
        capture = urljoin(first, location)
        snap = snapshot_from_url(capture)
        if snap is None:
            return None
        # One hop: the capture must answer 2xx itself (a captured redirect does not).
        confirm = self._get(capture, follow=False)
        if confirm is None or confirm.status is None or not 200 <= confirm.status < 300:
            return None
        return snap

    # -- plumbing -------------------------------------------------------------

    def _get(self, url: str, *, follow: bool) -> Any:
        try:
            res = self.client.fetch(
                url, method="GET", max_bytes=MAX_ANSWER_BYTES, follow_redirects=follow
            )
        except Exception as exc:  # the archive is a bonus; never fail the check
            self._problem(f"Archive request {url} failed: {exc}")
            return None
        if res.error_kind:
            self._problem(f"Archive request {url} failed: {res.error_kind} {res.error or ''}")
            return None
        return res

    def _json(self, url: str) -> Any:
        res = self._get(url, follow=True)
        if res is None:
            return None
        if res.status != 200:
            self._problem(f"Archive API {url} answered HTTP {res.status}.")
            return None
        try:
            return json.loads((res.body or b"").decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            self._problem(f"Archive API {url} did not answer JSON.")
            return None

    def _problem(self, message: str) -> None:
        log.info("%s", message)
        with self._lock:
            self.problems.append(message)


def _https(url: str) -> str:
    # The availability API gives http:// snapshot links; archive.org serves https.
    return "https://" + url[len("http://") :] if url.startswith("http://web.archive.org/") else url


def _memento_ts(value: str) -> str | None:
    try:
        when = dt.datetime.strptime(value.strip(), "%a, %d %b %Y %H:%M:%S GMT")
    except ValueError:
        return None
    return when.strftime("%Y%m%d%H%M%S")
