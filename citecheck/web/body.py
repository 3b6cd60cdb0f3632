"""Reading a response body within a cap on *decoded* bytes.

We ask for ``gzip, deflate`` and decode ourselves with ``max_length`` on every
step, so a gzip bomb (a few KiB that inflate to gigabytes) costs at most the
cap in memory and the compressed bytes needed to reach it. The raw (on the
wire) bytes are capped too: an endless stream of compressed nothing stops.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

CHUNK = 64 * 1024  # bytes asked of the socket per read; read1 returns what is there
DISCARD_LIMIT = 64 * 1024  # bytes of a redirect's body read so its connection can be reused


class ContentDecodingError(Exception):
    """The body does not decode with the Content-Encoding the server named."""


@dataclass
class Body:
    data: bytes
    truncated: bool  # stopped at the cap: more was (or may have been) coming
    raw_bytes: int  # bytes read from the network for the body
    complete: bool  # the server's end of body was seen


class _Decoder:
    """Incremental gzip/deflate decoder with bounded output; identity passes through."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        self._obj = self._new() if encoding in ("gzip", "x-gzip", "deflate") else None
        self._first = True

    def _new(self):  # type: ignore[no-untyped-def]
        if self.encoding == "deflate":
            return zlib.decompressobj(zlib.MAX_WBITS)  # zlib wrapper; raw deflate tried below
        return zlib.decompressobj(16 + zlib.MAX_WBITS)

    @property
    def pending(self) -> bool:
        """Input is buffered that would produce more output (the cap stopped it)."""
        return bool(self._obj is not None and self._obj.unconsumed_tail)

    def decode(self, data: bytes, limit: int) -> bytes:
        if self._obj is None:
            return data[:limit]
        try:
            out = self._obj.decompress(data, limit)
        except zlib.error as e:
            if self._first and self.encoding == "deflate":
                # Some servers send raw deflate (no zlib header) as "deflate".
                self._obj = zlib.decompressobj(-zlib.MAX_WBITS)
                self._first = False
                return self.decode(data, limit)
            raise ContentDecodingError(f"{self.encoding} body does not decode: {e}") from e
        self._first = False
        # Concatenated gzip members: start a new decoder on what follows the first one.
        while self._obj.eof and self._obj.unused_data and len(out) < limit:
            rest = self._obj.unused_data
            self._obj = self._new()
            try:
                out += self._obj.decompress(rest, limit - len(out))
            except zlib.error:
                break  # trailing garbage after a complete member: browsers ignore it too
        return out


def read_body(raw, max_bytes: int, content_encoding: str | None) -> Body:  # type: ignore[no-untyped-def]
    """Read ``raw`` (a urllib3 response, not decoded) up to ``max_bytes`` decoded bytes."""
    encoding = (content_encoding or "identity").split(",")[-1].strip().lower()
    dec = _Decoder(encoding)
    out = bytearray()
    raw_bytes = 0
    # Compressed data is smaller than its output; identity bytes are the output.
    raw_cap = max_bytes + 1
    while True:
        chunk = raw.read1(CHUNK, decode_content=False)
        if not chunk:
            break
        raw_bytes += len(chunk)
        out += dec.decode(chunk, max_bytes + 1 - len(out))
        if len(out) > max_bytes or dec.pending or raw_bytes > raw_cap:
            return Body(bytes(out[:max_bytes]), True, raw_bytes, False)
    # The end of the body: flush what the decoder still holds (bounded: no input is pending).
    if dec._obj is not None and not dec._obj.eof:
        try:
            out += dec._obj.flush()
        except zlib.error as e:
            raise ContentDecodingError(f"{encoding} body is cut short: {e}") from e
        if not out and raw_bytes:
            # Browsers show what a cut-short stream decodes to; nothing at all is a failure.
            raise ContentDecodingError(f"{encoding} body does not decode")
    if len(out) > max_bytes:
        return Body(bytes(out[:max_bytes]), True, raw_bytes, True)
    return Body(bytes(out), False, raw_bytes, True)


def gunzip_capped(data: bytes, max_bytes: int) -> tuple[bytes, bool]:
    """Decompress a gzip FILE (e.g. ``sitemap.xml.gz``) to at most ``max_bytes``.

    Returns (data, truncated). Raises ContentDecodingError when it is not gzip.
    """

    class _Chunks:
        def __init__(self) -> None:
            self.pos = 0

        def read1(self, n: int, decode_content: bool = False) -> bytes:
            chunk = data[self.pos : self.pos + n]
            self.pos += len(chunk)
            return chunk

    body = read_body(_Chunks(), max_bytes, "gzip")
    return body.data, body.truncated


def discard(raw, limit: int = DISCARD_LIMIT) -> bool:  # type: ignore[no-untyped-def]
    """Read and drop up to ``limit`` bytes; True when the body ended (connection reusable)."""
    seen = 0
    while seen <= limit:
        chunk = raw.read1(CHUNK, decode_content=False)
        if not chunk:
            return True
        seen += len(chunk)
    return False


def sniff_type(data: bytes) -> str | None:
    """What the first bytes look like, whatever the Content-Type header says."""
    head = data[:512].lstrip().lower()
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head or b"<head" in head:
        return "text/html"
    if head.startswith(b"<?xml"):
        return "application/xml"
    if head[:1] in (b"{", b"["):
        return "application/json"
    if data.startswith(b"\x1f\x8b"):
        return "application/gzip"
    if data.startswith(b"PK\x03\x04"):
        return "application/zip"
    return None
