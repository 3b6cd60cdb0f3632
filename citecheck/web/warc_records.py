"""WARC records as citecheck's archive index sees them: small index entries,
archived answers, problems, and the record-level reading steps (drain a record,
notice a cut one, read a payload within a cap).

Kept apart from :mod:`citecheck.web.warc_read` (the index and lookups) so each
stays small; everything here works on one record at a time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator

from citecheck.errors import InputError
from citecheck.model import Hop

__all__ = [
    "READ_CHUNK",
    "WIRE_HEADERS",
    "ArchivedResponse",
    "Capture",
    "WarcError",
    "WarcProblem",
    "accept_key",
]

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
    digest: str = ""  # WARC-Payload-Digest of a response
    # A revisit record (deduplicated capture): the payload digest, or
    # "uri date" of the capture whose payload it repeats.
    refers: str = ""


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


def warc_timestamp(warc_date: str) -> str:
    digits = "".join(ch for ch in warc_date if ch.isascii() and ch.isdigit())
    return (digits + "0" * 14)[:14]


def record_fault(rec: Any, it: ArchiveIterator) -> str | None:
    """Read the record to its end (streaming); what is wrong with it, if anything."""
    short = _drain(rec)
    it.get_record_offset()  # reads past the record's closing blank lines (and gzip trailer)
    if short:
        return f"a record is cut short ({short} bytes missing)"
    if rec.rec_headers.get_header("Content-Length") is None:
        return "a record's header is incomplete (no Content-Length)"
    if it.err_count:  # warcio saw no blank line where the record should end
        return "a record's length does not match its Content-Length"
    if _member_unfinished(it):
        return "a record's gzip member is cut short"
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


def read_capped(stream: Any, max_bytes: int | None) -> tuple[bytes, bool]:
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


def header_value(headers: list[tuple[str, str]], name: str) -> str | None:
    for k, v in headers:
        if k.lower() == name:
            return v
    return None


def warc_fields(rec: Any) -> dict[str, str]:
    fields: dict[str, str] = {}
    text = rec.content_stream().read(READ_CHUNK).decode("utf-8", "replace")
    for line in text.splitlines():
        name, sep, value = line.partition(":")
        if sep and name.strip():
            fields[name.strip()] = value.strip()
    return fields


def reason_of(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
