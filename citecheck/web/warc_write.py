"""``--capture FILE.warc.gz``: every HTTP exchange of a run kept as a standard WARC/1.1.

:class:`WarcCapture` is an ``HttpClient(on_response=...)`` observer. Per
exchange it writes a ``request`` record and a ``response`` record (linked by
``WARC-Concurrent-To``; ``WARC-Target-URI`` is the URL asked on that hop, so a
redirect chain is kept hop by hop) and, when the stored payload differs from
what travelled, a ``metadata`` record saying how. warcio writes the records:
one gzip member each, with block and payload digests.

What is stored, and why it differs from the wire: the client hands over the
*decoded* body (``Content-Encoding`` removed, at most the size cap), so the HTTP
header block is written without ``Content-Encoding``/``Transfer-Encoding`` and
with the real ``Content-Length`` — a replay tool then reads the payload as
stored. The original values go into the metadata record
(``citecheck-payload: decoded``). A body cut at the cap gets
``WARC-Truncated: length``; a redirect's body (never read) gets
``WARC-Truncated: unspecified`` when the server announced one.

Thread-safe: one lock around the one writer; every record is flushed at once,
so a run that is killed leaves a valid WARC up to its last whole record.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import threading
import uuid
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from citecheck import __version__
from citecheck.web.result import Exchange
from citecheck.web.warc_read import WarcError

log = logging.getLogger(__name__)

__all__ = ["DECODED_NOTE", "HOP_HEADERS", "WarcCapture", "stored_http_headers"]

# Headers describing the bytes on the wire, not the stored payload.
HOP_HEADERS = frozenset({"content-encoding", "transfer-encoding", "content-length"})
DECODED_NOTE = "decoded"  # value of citecheck-payload in metadata records

# warcio writes WARC/1.0 unless told; 1.1 allows sub-second WARC-Date and is current.
WARC_VERSION = "WARC/1.1"


def _iso(value: str) -> str:
    """WARC-Date as W3C ISO 8601 UTC; the client's timestamps already are."""
    value = value.strip()
    if len(value) == 10:  # a bare date
        value += "T00:00:00Z"
    return value if value.endswith("Z") else value + "Z"


def stored_http_headers(ex: Exchange) -> tuple[list[tuple[str, str]], dict[str, str]]:
    """The response header block as stored, and the original values that were changed.

    HEAD answers keep every header: nothing was decoded, and their
    Content-Length describes the GET body, which is what a reader wants.
    """
    if ex.method == "HEAD":
        return list(ex.headers), {}
    changed: dict[str, str] = {}
    kept: list[tuple[str, str]] = []
    for name, value in ex.headers:
        if name.lower() in HOP_HEADERS:
            changed[f"original-{name.lower()}"] = value
            continue
        kept.append((name, value))
    kept.append(("Content-Length", str(len(ex.body))))
    if changed.get("original-content-length") == str(len(ex.body)):
        del changed["original-content-length"]  # nothing changed there
    return kept, changed


def _request_headers(ex: Exchange) -> list[tuple[str, str]]:
    parts = urlsplit(ex.url)
    names = {k.lower() for k in ex.request_headers}
    out = [] if "host" in names else [("Host", parts.netloc)]  # http.client adds it on the wire
    out += [(k, v) for k, v in ex.request_headers.items()]
    return out


class _Writer(WARCWriter):
    """warcio's writer with a record-id source the caller may fix (reproducible files)."""

    def __init__(self, out: BinaryIO, make_id: Callable[[], str]) -> None:
        super().__init__(out, gzip=True, warc_version=WARC_VERSION)
        self._make_id = make_id
        self.hostname = "citecheck"  # not the machine's name: files are shared

    def _make_warc_id(self) -> str:  # type: ignore[override]
        return self._make_id()


def _random_id() -> str:
    return f"<urn:uuid:{uuid.uuid4()}>"


class WarcCapture:
    """Writes every exchange it is handed to one WARC file; see the module docstring.

    ``record_date(exchange)`` may replace the fetch time as WARC-Date and
    ``make_id()`` the random record ids (both for reproducible fixture files).
    Use as ``HttpClient(settings, on_response=capture.record)``; close when done.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        info: Mapping[str, object] | None = None,
        record_date: Callable[[Exchange], str] | None = None,
        make_id: Callable[[], str] | None = None,
        info_date: str | None = None,
    ) -> None:
        self.path = Path(path)
        try:
            self._fh: BinaryIO = self.path.open("wb")
        except OSError as e:
            raise WarcError(self.path, f"cannot be written: {e.strerror or e}") from e
        self.error: str | None = None  # set when writing failed; later exchanges are dropped
        self._writer = _Writer(self._fh, make_id or _random_id)
        self._record_date = record_date
        self._lock = threading.Lock()
        self.records = 0
        self.exchanges = 0
        self.closed = False
        fields: dict[str, object] = {
            "software": f"citecheck/{__version__} (warcio)",
            "format": "WARC File Format 1.1",
            "conformsTo": "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
            "citecheck-payload": "HTTP bodies are stored decoded (no Content-Encoding); "
            "see the metadata record after each response that was changed",
        }
        fields.update(info or {})
        record = self._writer.create_warcinfo_record(self.path.name, dict(fields))
        if info_date:
            record.rec_headers.replace_header("WARC-Date", _iso(info_date))
        try:
            self._write(record)
        except OSError as e:
            with contextlib.suppress(OSError):  # closing flushes the buffer: fails the same way
                self._fh.close()
            raise WarcError(self.path, f"cannot be written: {e.strerror or e}") from e

    # ------------------------------------------------------------ observers

    def record(self, ex: Exchange) -> None:
        """Write one exchange (request, response, metadata if the payload was changed)."""
        date = _iso(self._record_date(ex) if self._record_date else ex.fetched_at)
        headers, changed = stored_http_headers(ex)
        warc_headers = {"WARC-Date": date}
        if ex.remote_addr:
            warc_headers["WARC-IP-Address"] = ex.remote_addr
        if ex.truncated:
            warc_headers["WARC-Truncated"] = "length"
        elif 300 <= ex.status < 400 and not ex.body and _announced_body(ex):
            warc_headers["WARC-Truncated"] = "unspecified"  # a redirect's body is never read
        status_line = f"{ex.status} {ex.reason}".strip()
        http = StatusAndHeaders(status_line, headers, protocol=ex.http_version)
        with self._lock, self._guard():
            if self.closed:
                return
            resp = self._writer.create_warc_record(
                ex.url,
                "response",
                payload=io.BytesIO(ex.body),
                length=len(ex.body),
                http_headers=http,
                warc_headers_dict=warc_headers,
            )
            req_line = f"{ex.method} {_request_target(ex.url)} {ex.http_version}"
            req_http = StatusAndHeaders(req_line, _request_headers(ex), is_http_request=True)
            req = self._writer.create_warc_record(
                ex.url,
                "request",
                http_headers=req_http,
                warc_headers_dict={"WARC-Date": date},
            )
            # The pair helper links request → response (WARC-Concurrent-To) and copies URI/date.
            self._writer.write_request_response_pair(req, resp)
            self.records += 2
            self.exchanges += 1
            resp_id = resp.rec_headers.get_header("WARC-Record-ID")
            if changed or "WARC-Truncated" in warc_headers:
                note = {"citecheck-payload": DECODED_NOTE if changed else "as received"}
                note.update(changed)
                if ex.truncated:
                    note["citecheck-truncated"] = f"body cut at {len(ex.body)} bytes (size cap)"
                self._write_metadata(ex.url, date, resp_id, note)
            self._fh.flush()

    def record_outcome(self, url: str, outcome: Mapping[str, Any], *, date: str) -> None:
        """A ``metadata`` record (JSON) with citecheck's outcome for ``url``, e.g. its status."""
        payload = json.dumps(outcome, ensure_ascii=False, sort_keys=True, default=str).encode()
        with self._lock, self._guard():
            if self.closed:
                return
            rec = self._writer.create_warc_record(
                url,
                "metadata",
                payload=io.BytesIO(payload),
                length=len(payload),
                warc_content_type="application/json",
                warc_headers_dict={"WARC-Date": _iso(date)},
            )
            self._write(rec)

    # ------------------------------------------------------------ plumbing

    @contextlib.contextmanager
    def _guard(self) -> Iterator[None]:
        """A write that fails (disk full, file gone) ends the capture once, loudly."""
        try:
            yield
        except OSError as e:
            self.error = f"{self.path}: writing the WARC failed: {e.strerror or e}"
            log.error("%s; later responses are not captured", self.error)
            self.closed = True
            with contextlib.suppress(OSError):
                self._fh.close()

    def _write_metadata(self, url: str, date: str, refers_to: str, fields: dict[str, str]) -> None:
        body = "".join(f"{k}: {v}\r\n" for k, v in fields.items()).encode("utf-8")
        rec = self._writer.create_warc_record(
            url,
            "metadata",
            payload=io.BytesIO(body),
            length=len(body),
            warc_content_type="application/warc-fields",
            warc_headers_dict={"WARC-Date": date, "WARC-Refers-To": refers_to},
        )
        self._write(rec)

    def _write(self, record: Any) -> None:
        self._writer.write_record(record)
        self.records += 1
        self._fh.flush()

    def close(self) -> None:
        with self._lock, self._guard():
            if not self.closed:
                self.closed = True
                self._fh.close()

    def __enter__(self) -> WarcCapture:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _announced_body(ex: Exchange) -> bool:
    for name, value in ex.headers:
        low = name.lower()
        if low == "transfer-encoding":
            return True
        if low == "content-length":
            return value.strip() not in ("", "0")
    return False


def _request_target(url: str) -> str:
    parts = urlsplit(url)
    target = parts.path or "/"
    return f"{target}?{parts.query}" if parts.query else target
