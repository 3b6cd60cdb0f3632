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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from warcio.archiveiterator import ArchiveIterator

from citecheck.errors import InputError
from citecheck.model import Hop
from citecheck.web.archive import wayback_timestamp
from citecheck.web.urls import UrlError, normalize_url, to_uri

__all__ = ["ArchivedResponse", "Capture", "WarcArchive", "WarcError", "WarcProblem"]

log = logging.getLogger(__name__)

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 20  # as HttpSettings.max_redirects: browsers stop there too
READ_CHUNK = 64 * 1024
# Headers that describe the wire transfer of a foreign WARC's payload; the
# payload handed out is decoded, so they would lie.
WIRE_HEADERS = frozenset({"content-encoding", "transfer-encoding"})


class WarcError(InputError):
    """The WARC file cannot be used at all (missing, empty, not a WARC)."""

    def __init__(self, path: str | Path, message: str, offset: int | None = None) -> None:
        where = f" at byte offset {offset}" if offset is not None else ""
        super().__init__(f"{path}: {message}{where}")
        self.path = str(path)
        self.offset = offset


@dataclass(frozen=True)
class WarcProblem:
    """Part of a WARC that could not be read; everything before ``offset`` is usable."""

    path: str
    offset: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message} at byte offset {self.offset}"


@dataclass(slots=True)
class Capture:
    """One response record, as the index keeps it (no body)."""

    uri: str  # WARC-Target-URI as recorded
    timestamp: str  # 14 digits, from WARC-Date
    date: str  # WARC-Date as recorded
    offset: int  # of the record (its gzip member) in the file
    status: int | None
    method: str = "GET"  # from the linked request record; GET when none
    accept: str = ""  # negotiation key of the request's Accept ("" = a browser's)
    record_id: str = ""


@dataclass
class ArchivedResponse:
    """The archived answer for a URL, redirects followed inside the archive."""

    url: str  # as asked
    final_url: str  # WARC-Target-URI of the last record
    status: int
    reason: str
    http_version: str
    headers: list[tuple[str, str]]  # as stored, minus wire-only headers
    body: bytes
    truncated: bool  # WARC-Truncated, or cut at the caller's cap
    date: str  # WARC-Date of the last record
    timestamp: str
    record_id: str
    offset: int
    hops: list[Hop] = field(default_factory=list)
    # A recorded redirect pointed here, but the archive has no capture of it.
    missing_target: str | None = None
    redirect_loop: bool = False  # the recorded redirects lead back to a capture already seen


def accept_key(accept: str | None) -> str:
    """The media type a request asked for first; "" for a browser's or no Accept."""
    if not accept:
        return ""
    first = accept.split(",", 1)[0].split(";", 1)[0].strip().lower()
    return "" if first in ("", "*/*", "text/html", "application/xhtml+xml") else first


def _timestamp(warc_date: str) -> str:
    digits = "".join(ch for ch in warc_date if ch.isdigit())
    return (digits + "0" * 14)[:14]


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
                        self.info = _warc_fields(rec)  # before the drain reads it away
                    fault = _fault(rec, it)
                    offset, length = it.get_record_offset(), it.get_record_length()
                    if not fault and _member_unfinished(it):
                        fault = "a record's gzip member is cut short"
                    if fault:  # reported at the record's start: the end of the last good one
                        self._problem(good_end, fault)
                        return
                    # The next record's start (uncompressed WARCs: after the blank lines).
                    good_end = max(offset + length, it.offset)
                    self.records += 1
                    self._add(rec, offset, by_id, requests)
            except Exception as exc:  # zlib, ArchiveLoadFailed, ValueError ... : stop here
                self._problem(good_end, f"unreadable WARC data ({_reason(exc)})")
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
        if kind == "response" and rec.http_headers is not None:
            uri = (h.get_header("WARC-Target-URI") or "").strip("<>")
            date = h.get_header("WARC-Date") or ""
            try:
                status: int | None = int(rec.http_headers.get_statuscode())
            except (TypeError, ValueError):
                status = None
            rid = h.get_header("WARC-Record-ID") or ""
            cap = Capture(uri, _timestamp(date), date, offset, status, record_id=rid)
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
            location = _header(resp.headers, "location")
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

    def _load(
        self, cap: Capture, asked: str, max_bytes: int | None, method: str
    ) -> ArchivedResponse | None:
        """Read one record; a record unreadable now (file changed) is a problem, not a crash."""
        try:
            with self.path.open("rb") as fh:
                fh.seek(cap.offset)
                rec = next(iter(ArchiveIterator(fh)))
                http = rec.http_headers
                cut = rec.rec_headers.get_header("WARC-Truncated") is not None
                body = b""
                if method != "HEAD":
                    body, over = _read_capped(rec.content_stream(), max_bytes)
                    cut = cut or over
                headers = [(k, v) for k, v in http.headers if k.lower() not in WIRE_HEADERS]
                status_line = http.statusline or ""
                code, _, reason = status_line.partition(" ")
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
            self._problem(cap.offset, f"the record for {cap.uri} cannot be read ({_reason(exc)})")
            return None


def _fault(rec: Any, it: ArchiveIterator) -> str | None:
    """Read the record to its end; what is wrong with it, if anything."""
    short = _drain(rec)
    if short:
        return f"a record is cut short ({short} bytes missing)"
    if rec.rec_headers.get_header("Content-Length") is None:
        return "a record's header is incomplete (no Content-Length)"
    if it.err_count:  # warcio saw no blank line where the record should end
        return "a record's length does not match its Content-Length"
    return None


def _drain(rec: Any) -> int:
    """Read a record's block to its end (streaming); bytes missing from its Content-Length."""
    stream = rec.raw_stream
    while stream.read(READ_CHUNK):
        pass
    return max(0, int(getattr(stream, "limit", 0) or 0))


def _member_unfinished(it: ArchiveIterator) -> bool:
    """In a .warc.gz, the record's gzip member ended before its trailer (CRC, size).

    The record may look whole (its bytes are all there) when only the end of
    the member is missing; a file cut there is still a cut file.
    """
    decomp = getattr(getattr(it, "reader", None), "decompressor", None)
    return decomp is not None and getattr(decomp, "eof", True) is False


def _read_capped(stream: Any, max_bytes: int | None) -> tuple[bytes, bool]:
    """At most ``max_bytes`` of a (decoded) payload, and whether more was there."""
    out = bytearray()
    while True:
        want = READ_CHUNK if max_bytes is None else min(READ_CHUNK, max_bytes + 1 - len(out))
        chunk = stream.read(want) if want > 0 else b""
        if not chunk:
            return bytes(out), False
        out += chunk
        if max_bytes is not None and len(out) > max_bytes:
            return bytes(out[:max_bytes]), True


def _header(headers: list[tuple[str, str]], name: str) -> str | None:
    for k, v in headers:
        if k.lower() == name:
            return v
    return None


def _warc_fields(rec: Any) -> dict[str, str]:
    fields: dict[str, str] = {}
    text = rec.content_stream().read(READ_CHUNK).decode("utf-8", "replace")
    for line in text.splitlines():
        name, sep, value = line.partition(":")
        if sep and name.strip():
            fields[name.strip()] = value.strip()
    return fields


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
