"""What the HTTP client hands back: :class:`FetchResult` per fetch, :class:`Exchange`
per HTTP response (for observers such as the WARC writer of issue 6)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import urllib3

from citecheck.codes import LinkStatus
from citecheck.model import Hop
from citecheck.web.body import Body, sniff_type
from citecheck.web.errors import FetchError, is_transient_status


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait per a Retry-After value (delta-seconds or HTTP-date); None if bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdecimal():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


@dataclass
class FetchResult:
    """The outcome of one ``HttpClient.fetch``/``probe``; never an exception.

    ``hops`` lists the redirecting responses in order (URL asked, its 3xx
    status); the last answer is ``final_url``/``status``. ``status`` is set when
    any answer arrived, even if the body then failed (e.g. a slowloris body:
    status 200, ``error_kind`` "timeout"). ``error_kind`` is a codes.LinkStatus
    value for network trouble (None when an HTTP answer was read completely);
    ``error_code`` a finer stable code (``redirect_loop``, ``total_timeout``, …).
    """

    url: str  # as requested, IRI-encoded
    final_url: str | None = None
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names
    body: bytes = b""  # decoded, at most the cap
    truncated: bool = False
    content_type: str | None = None  # media type from the header, lower-case, no parameters
    charset: str | None = None  # from the Content-Type header
    sniffed_type: str | None = None  # what the body's first bytes look like
    hops: list[Hop] = field(default_factory=list)
    attempts: int = 0
    elapsed_ms: int = 0  # whole fetch: attempts, backoff and politeness waits
    wait_ms: int = 0  # of which waiting for a politeness slot
    bytes_read: int = 0  # body bytes taken off the network in the last attempt
    error_kind: str | None = None  # codes.LinkStatus value
    error_code: str | None = None
    error: str | None = None  # one line, plain words
    retry_after: float | None = None  # seconds the last answer asked us to wait
    fetched_at: str = ""  # ISO 8601 UTC, when the fetch started
    method: str = "GET"
    head_status: int | None = None  # probe(): what HEAD said before falling back to GET
    _transient_error: bool = False
    _retryable_error: bool = False

    @property
    def ok(self) -> bool:
        return self.error_kind is None and self.status is not None and 200 <= self.status < 300

    @property
    def transient(self) -> bool:
        """Worth retrying later, and therefore never to be cached (timeouts, 429, 5xx, ...)."""
        if self.error_kind is not None:
            return self._transient_error
        return is_transient_status(self.status)

    @property
    def retryable(self) -> bool:
        """Worth another attempt now (transient and not a whole-request timeout)."""
        if self.error_kind is not None:
            return self._retryable_error
        return is_transient_status(self.status)

    @property
    def permanent_redirect(self) -> bool | None:
        """True if every hop was permanent (301/308), None without redirects."""
        if not self.hops:
            return None
        return all(h.status in (301, 308) for h in self.hops)

    def text(self, errors: str = "replace") -> str:
        """The body as text: the header's charset, else UTF-8 (then cp1254, Turkish Windows)."""
        for enc in filter(None, (self.charset, "utf-8")):
            try:
                return self.body.decode(enc)
            except (LookupError, UnicodeDecodeError):
                continue
        return self.body.decode("cp1254", errors=errors)

    # -- filled in by the client --

    def failed(self, error: FetchError) -> FetchResult:
        self.error_kind = LinkStatus(error.kind).value
        self.error_code = error.code
        self.error = str(error).splitlines()[0] if str(error) else error.code
        self._transient_error = error.transient
        self._retryable_error = error.retryable
        return self

    def clear_response(self) -> None:
        self.status = None
        self.headers = {}
        self.content_type = self.charset = self.sniffed_type = None
        self.retry_after = None

    def set_response(self, resp: urllib3.BaseHTTPResponse) -> None:
        self.status = resp.status
        self.headers = {k.lower(): v for k, v in resp.headers.items()}
        ctype = self.headers.get("content-type", "")
        media, _, params = ctype.partition(";")
        self.content_type = media.strip().lower() or None
        self.charset = None
        for p in params.split(";"):
            name, _, value = p.partition("=")
            if name.strip().lower() == "charset" and value.strip():
                self.charset = value.strip().strip("\"'").lower()
        self.retry_after = (
            parse_retry_after(self.headers.get("retry-after"))
            if resp.status in (429, 503)
            else None
        )

    def set_body(self, body: Body) -> None:
        self.body = body.data
        self.truncated = body.truncated
        self.bytes_read = body.raw_bytes
        self.sniffed_type = sniff_type(body.data)


@dataclass
class Exchange:
    """One HTTP request and its response, as an observer (WARC writer) needs it.

    ``headers`` are the response headers as received (order, case, repeats).
    ``body`` is DECODED (Content-Encoding removed) and possibly truncated: a WARC
    writer must drop Content-Encoding/Transfer-Encoding and set Content-Length
    to match, or record ``truncated`` (WARC-Truncated: length).
    """

    method: str
    url: str
    request_headers: dict[str, str]
    status: int
    reason: str
    http_version: str  # "HTTP/1.1"
    headers: list[tuple[str, str]]
    body: bytes
    truncated: bool
    remote_addr: str | None  # IP address the answer came from (WARC-IP-Address)
    fetched_at: str

    @classmethod
    def from_response(
        cls,
        resp: urllib3.BaseHTTPResponse,
        url: str,
        method: str,
        body: bytes,
        truncated: bool,
        remote_addr: str | None = None,
        request_headers: dict[str, str] | None = None,
    ) -> Exchange:
        version = {10: "HTTP/1.0", 11: "HTTP/1.1", 20: "HTTP/2"}.get(
            getattr(resp, "version", 11), "HTTP/1.1"
        )
        return cls(
            method=method,
            url=url,
            request_headers=dict(request_headers or {}),
            status=resp.status,
            reason=resp.reason or "",
            http_version=version,
            headers=list(resp.headers.iteritems()),
            body=body,
            truncated=truncated,
            remote_addr=remote_addr,
            fetched_at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        )
