"""``--archive FILE.warc.gz``: find the archived answer for a URL in a WARC file.

:class:`WarcArchive` reads the file once, streaming (warcio's ArchiveIterator),
and keeps per normalized URL only small :class:`Capture` entries — capture
time, byte offset, status, method, the request's Accept — never a body, so
memory does not grow with body sizes. :meth:`WarcArchive.lookup` then picks a
capture and reads just that record:

1. the capture nearest BEFORE the ``near`` date (what the author saw on the
   access date), else the nearest after it, else (no date) the latest;
2. among captures of one URL, those asked with the same kind of ``Accept``
   come first (doi.org answers CSL-JSON or a redirect to the landing page for
   the same URL, depending on it), then — for a data type such as JSON — other
   captures asked for a data type, then any;
3. a recorded redirect (3xx with Location) is followed inside the archive, each
   next hop taking the capture nearest in time to the previous one.

Deduplicated captures (``revisit`` records, as Heritrix, wget and pywb
write them) take their payload from the response with the same payload digest
(or the one named by ``WARC-Refers-To-Target-URI``/``-Date``).

A damaged file is not fatal: a WARC cut in the middle of a record, garbage
after the last record, or a record with a wrong length stop the scan there;
the records before stay usable and :attr:`WarcArchive.problems` says where
reading failed (byte offset). A file with no readable record at all (empty,
not a WARC) raises :class:`WarcError`, as does a missing file.
"""

from __future__ import annotations

import contextlib
import io
import logging
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from warcio.archiveiterator import ArchiveIterator

from citecheck.model import ArchiveSnapshot, Hop
from citecheck.web.archive import wayback_timestamp
from citecheck.web.urls import UrlError, normalize_url, to_uri
from citecheck.web.warc_records import (
    WIRE_HEADERS,
    ArchivedResponse,
    Capture,
    WarcError,
    WarcProblem,
    accept_key,
    header_value,
    read_capped,
    reason_of,
    record_fault,
    warc_fields,
    warc_timestamp,
)

__all__ = [
    "ArchivedResponse",
    "Capture",
    "WarcArchive",
    "WarcError",
    "WarcProblem",
    "accept_key",
]

log = logging.getLogger(__name__)

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 20  # as HttpSettings.max_redirects: browsers stop there too


class WarcArchive:
    """An index of one WARC file; thread-safe for lookups (each opens the file)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise WarcError(self.path, "no such file")
        if not self.path.is_file():
            raise WarcError(self.path, "is not a file")
        self.index: dict[str, list[Capture]] = {}
        self.problems: list[WarcProblem] = []
        self.records = 0  # WARC records read (all types)
        self.info: dict[str, str] = {}  # fields of the first warcinfo record
        self._by_digest: dict[str, Capture] = {}  # payload digest -> first response with it
        self._scan()
        if self.records == 0:
            size = self.path.stat().st_size
            reason = (
                self.problems[0].message
                if self.problems
                else ("the file is empty" if size == 0 else "no WARC record in it")
            )
            raise WarcError(self.path, f"not a readable WARC file ({reason})", 0)
        for captures in self.index.values():
            captures.sort(key=lambda c: (c.timestamp, c.offset))

    # ------------------------------------------------------------ scanning

    def _problem(self, offset: int, message: str) -> None:
        self.problems.append(WarcProblem(str(self.path), offset, message))
        log.warning("%s: %s at byte offset %d", self.path, message, offset)

    def _scan(self) -> None:
        by_id: dict[str, Capture] = {}  # response record id -> its capture (requests follow)
        requests: dict[str, tuple[str, str]] = {}  # response id -> (method, accept) seen first
        good_end = 0
        try:
            fh = self.path.open("rb")
        except OSError as e:
            raise WarcError(self.path, f"cannot be read: {e.strerror or e}") from e
        # warcio prints some format warnings to stderr itself; they become problems here.
        warnings = io.StringIO()
        with fh, contextlib.redirect_stderr(warnings):
            it = ArchiveIterator(fh, check_digests=True)
            try:
                for rec in it:
                    if rec.rec_type == "warcinfo" and not self.info:
                        self.info = warc_fields(rec)  # before the drain reads it away
                    fault = record_fault(rec, it)
                    offset, length = it.get_record_offset(), it.get_record_length()
                    if fault:  # reported at the record's start: the end of the last good one
                        self._problem(good_end, fault)
                        return
                    # The next record's start (uncompressed WARCs: after the blank lines).
                    good_end = max(offset + length, it.offset)
                    self.records += 1
                    self._add(rec, offset, by_id, requests)
            except Exception as exc:  # zlib, ArchiveLoadFailed, ValueError ... : stop here
                self._problem(good_end, f"unreadable WARC data ({reason_of(exc)})")
                return
            end = fh.seek(0, io.SEEK_END)
            if max(good_end, it.offset) < end and self.records:
                # warcio stops quietly at data it cannot take for a record.
                self._problem(good_end, "unreadable data after the last WARC record")

    def _add(
        self,
        rec: Any,
        offset: int,
        by_id: dict[str, Capture],
        requests: dict[str, tuple[str, str]],
    ) -> None:
        h = rec.rec_headers
        kind = rec.rec_type
        if rec.digest_checker.passed is False:
            self._problem(offset, f"{kind} record failed its digest check; it is skipped")
            return
        if kind in ("response", "revisit") and rec.http_headers is not None:
            uri = (h.get_header("WARC-Target-URI") or "").strip("<>")
            date = h.get_header("WARC-Date") or ""
            try:
                status: int | None = int(rec.http_headers.get_statuscode())
            except (TypeError, ValueError):
                status = None
            rid = h.get_header("WARC-Record-ID") or ""
            digest = h.get_header("WARC-Payload-Digest") or ""
            cap = Capture(uri, warc_timestamp(date), date, offset, status, record_id=rid)
            if kind == "response":
                cap.digest = digest
                self._by_digest.setdefault(digest, cap)
            else:
                refers_uri = (h.get_header("WARC-Refers-To-Target-URI") or "").strip("<>")
                refers_date = h.get_header("WARC-Refers-To-Date") or ""
                cap.refers = digest or f"{refers_uri} {refers_date}"
            if rid in requests:
                cap.method, cap.accept = requests.pop(rid)
            else:
                by_id[rid] = cap
            self.index.setdefault(normalize_url(uri), []).append(cap)
        elif kind == "request" and rec.http_headers is not None:
            method = (rec.http_headers.protocol or "GET").upper()
            accept = accept_key(rec.http_headers.get_header("Accept"))
            for rid in (h.get_header("WARC-Concurrent-To") or "").split():
                cap = by_id.pop(rid, None)
                if cap is not None:
                    cap.method, cap.accept = method, accept
                elif rid:
                    requests[rid] = (method, accept)  # the response comes later

    # ------------------------------------------------------------ lookups

    def urls(self) -> list[str]:
        """Normalized URLs with at least one response record."""
        return sorted(self.index)

    def captures(self, url: str) -> list[Capture]:
        """Every response captured for ``url`` (normalized), oldest first."""
        return list(self.index.get(normalize_url(url), ()))

    def pick(
        self, url: str, *, near: str | None = None, accept: str | None = None, method: str = "GET"
    ) -> Capture | None:
        """The capture :meth:`lookup` starts from (see the module docstring)."""
        target = wayback_timestamp(near) if near else None
        return self._pick(normalize_url(url), target, "before", accept_key(accept), method)

    def _pick(
        self, key: str, target: str | None, mode: str, accept: str, method: str
    ) -> Capture | None:
        captures = self.index.get(key)
        if not captures:
            return None
        # GET answers carry bodies; a HEAD capture serves only when there is nothing else.
        pool = [c for c in captures if c.method != "HEAD"] if method != "HEAD" else captures
        pool = pool or captures
        # Same Accept first; a data type asked for (JSON, XML) then prefers other
        # data-type captures to a browser's HTML; then anything.
        pool = (
            [c for c in pool if c.accept == accept]
            or (accept and [c for c in pool if c.accept])
            or pool
        )
        if target is None:
            return pool[-1]
        if mode == "nearest":
            return min(pool, key=lambda c: (abs(int(c.timestamp) - int(target)), c.offset))
        before = [c for c in pool if c.timestamp <= target]
        return before[-1] if before else pool[0]

    def archived_copy(self, url: str, *, near: str | None = None) -> ArchiveSnapshot | None:
        """The 2xx capture of ``url`` an editor could point readers to, as for Wayback:
        the nearest before ``near`` (the note's access date), else the nearest after,
        else (no date) the latest. Redirect captures are not followed here."""
        ok = [
            c
            for c in self.index.get(normalize_url(url), ())
            if c.status is not None and 200 <= c.status < 300 and c.method != "HEAD"
        ]
        if not ok:
            return None
        target = wayback_timestamp(near) if near else None
        before = [c for c in ok if target is None or c.timestamp <= target]
        best = before[-1] if before else ok[0]
        return ArchiveSnapshot(url=best.uri, timestamp=best.timestamp, source="warc")

    def lookup(
        self,
        url: str,
        *,
        near: str | None = None,
        accept: str | None = None,
        method: str = "GET",
        max_bytes: int | None = None,
        follow_redirects: bool = True,
    ) -> ArchivedResponse | None:
        """The archived answer for ``url``, or None when the archive has no capture of it."""
        key = accept_key(accept)
        target = wayback_timestamp(near) if near else None
        mode = "before"
        hops: list[Hop] = []
        seen: set[int] = set()
        current = url
        last: ArchivedResponse | None = None
        for _ in range(MAX_REDIRECTS + 1):
            cap = self._pick(normalize_url(current), target, mode, key, method)
            if cap is None or cap.offset in seen:
                if last is None:
                    return None
                last.hops = hops  # every recorded redirect, the last one included
                if cap is None:
                    last.missing_target = current
                else:
                    last.redirect_loop = True
                    last.final_url = current
                return last
            seen.add(cap.offset)
            resp = self._load(cap, url, max_bytes, method)
            if resp is None:
                return last
            location = header_value(resp.headers, "location")
            if not (follow_redirects and resp.status in REDIRECT_STATUSES and location):
                resp.hops = hops
                return resp
            hops.append(Hop(url=current, status=resp.status))
            try:
                current = to_uri(urljoin(cap.uri or current, location.strip()))
            except UrlError:
                resp.hops = hops[:-1]
                return resp
            last = resp
            target, mode = cap.timestamp, "nearest"  # the next hop was fetched right after
        return last

    def _original(self, cap: Capture) -> Capture | None:
        """The response whose payload a revisit record repeats."""
        found = self._by_digest.get(cap.refers)
        if found is not None:
            return found
        uri, _, date = cap.refers.partition(" ")
        for other in self.index.get(normalize_url(uri), ()):
            if not other.refers and other.date == date:
                return other
        return None

    def _load(
        self, cap: Capture, asked: str, max_bytes: int | None, method: str
    ) -> ArchivedResponse | None:
        """Read one record; a record unreadable now (file changed) is a problem, not a crash."""
        payload_at = cap.offset
        if cap.refers:  # a revisit: headers here, payload in the record it refers to
            original = self._original(cap)
            if original is None:
                self._problem(cap.offset, f"the revisit record for {cap.uri} refers to no record")
                return None
            payload_at = original.offset
        try:
            with self.path.open("rb") as fh:
                fh.seek(cap.offset)
                rec = next(iter(ArchiveIterator(fh)))
                http = rec.http_headers
                cut = rec.rec_headers.get_header("WARC-Truncated") is not None
                body = b""
                if method != "HEAD":
                    if payload_at != cap.offset:
                        fh.seek(payload_at)
                        rec = next(iter(ArchiveIterator(fh)))
                        cut = rec.rec_headers.get_header("WARC-Truncated") is not None
                    body, over = read_capped(rec.content_stream(), max_bytes)
                    cut = cut or over
                headers = [(k, v) for k, v in http.headers if k.lower() not in WIRE_HEADERS]
                code, _, reason = (http.statusline or "").partition(" ")
                return ArchivedResponse(
                    url=asked,
                    final_url=cap.uri,
                    status=int(code),
                    reason=reason,
                    http_version=http.protocol or "HTTP/1.1",
                    headers=headers,
                    body=body,
                    truncated=cut,
                    date=cap.date,
                    timestamp=cap.timestamp,
                    record_id=cap.record_id,
                    offset=cap.offset,
                )
        except Exception as exc:  # the file changed or lies about a record: report, go on
            self._problem(cap.offset, f"the record for {cap.uri} cannot be read ({reason_of(exc)})")
            return None
