"""Helpers for the WARC tests: exchanges without a network, record listings."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from citecheck.web.result import Exchange
from citecheck.web.warc_write import WarcCapture


def exchange(
    url: str,
    body: bytes = b"<html><body>page</body></html>",
    *,
    status: int = 200,
    date: str = "2025-11-26T10:00:00Z",
    headers: list[tuple[str, str]] | None = None,
    method: str = "GET",
    accept: str = "text/html,*/*;q=0.8",
    truncated: bool = False,
) -> Exchange:
    """An Exchange as HttpClient would hand it to an observer."""
    reason = {200: "OK", 301: "Moved Permanently", 302: "Found", 404: "Not Found"}.get(status, "")
    return Exchange(
        method=method,
        url=url,
        request_headers={"User-Agent": "citecheck-test", "Accept": accept},
        status=status,
        reason=reason,
        http_version="HTTP/1.1",
        headers=headers
        if headers is not None
        else [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
        body=body,
        truncated=truncated,
        remote_addr="127.0.0.1",
        fetched_at=date,
    )


def write_warc(path: Path, exchanges: list[Exchange]) -> Path:
    with WarcCapture(path) as cap:
        for ex in exchanges:
            cap.record(ex)
    return path


def records(path: Path) -> list[dict]:
    """Every record with its type, headers, offset and fully read (digest-checked) payload."""
    out = []
    with path.open("rb") as fh:
        it = ArchiveIterator(fh, check_digests=True)
        for rec in it:
            payload = rec.content_stream().read()
            out.append(
                {
                    "type": rec.rec_type,
                    "headers": dict(rec.rec_headers.headers),
                    "http": rec.http_headers,
                    "payload": payload,
                    "digest_ok": rec.digest_checker.passed,
                    "offset": it.get_record_offset(),
                }
            )
    return out


def boundaries(data: bytes) -> list[int]:
    """Start offsets of the records of a WARC given as bytes."""
    it = ArchiveIterator(io.BytesIO(data))
    return [it.get_record_offset() for _ in it]
