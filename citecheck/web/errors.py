"""Network errors of citecheck, and the one place they are mapped from urllib3/sockets.

    CitecheckError                       (citecheck.errors)
     └── FetchError                      kind (codes.LinkStatus), code (finer, stable)
          ├── TransientFetchError        retried with backoff; never cached
          │    ├── FetchTimeout          timeout           connect/read deadline
          │    │                                           (total deadline: not retried)
          │    ├── ConnectionFailed      connection_error  refused, reset, closed mid-answer
          │    └── DnsTemporaryFailure   dns_error         resolver busy (EAI_AGAIN)
          └── PermanentFetchError        reported at once
               ├── InvalidUrl            invalid_url       htp:/x, javascript:, no host, ...
               ├── PrivateAddress        private_address   loopback/private/link-local/...
               ├── DnsNotFound           dns_error         NXDOMAIN, .invalid
               ├── TlsFailure            tls_error         handshake or certificate
               ├── TooManyRedirects      broken            chain past max_redirects
               │    └── RedirectLoop     broken            a URL came round again
               ├── HeaderTooLarge        connection_error  header lines past the cap
               └── ProtocolFailure       connection_error  malformed HTTP answer

HTTP answers are not exceptions: a 404 or a 503 is a result with a status.
Whether an answer is worth another attempt is :func:`is_transient_status`.
A body larger than the cap is not an error either: it is cut at the cap and the
result says ``truncated`` (a live page with a huge body is still live).

The client never raises these to its callers: ``HttpClient.fetch`` turns them
into ``FetchResult.error_kind`` / ``error_code`` / ``error``. The stable
``error_code`` values: connect_timeout, read_timeout, total_timeout,
connection_refused, connection_reset, connection_closed, connection_error,
dns_temporary, dns_not_found, invalid_url, private_address, tls_error,
too_many_redirects, redirect_loop, header_too_large, protocol_error,
content_decoding, proxy_error (the proxy is unreachable or refused the tunnel),
client_bug (an unexpected exception, logged).
"""

from __future__ import annotations

import socket
import ssl
from http.client import HTTPException, IncompleteRead, LineTooLong, RemoteDisconnected

from urllib3 import exceptions as u3

from citecheck.codes import LinkStatus
from citecheck.errors import CitecheckError

# 429 Too Many Requests, 408 Request Timeout and the 5xx answers that say "try
# later" (520-524 are Cloudflare's origin errors). 501 Not Implemented and 505
# are permanent: another attempt gets the same answer.
TRANSIENT_STATUSES = frozenset({408, 429, 500, 502, 503, 504, 507, 520, 521, 522, 523, 524})


def is_transient_status(status: int | None) -> bool:
    return status in TRANSIENT_STATUSES


class FetchError(CitecheckError):
    kind: LinkStatus = LinkStatus.CONNECTION_ERROR
    code: str = "fetch_error"
    transient = False  # may go away by itself: never cache it

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code

    @property
    def retryable(self) -> bool:
        """Worth another attempt within this run (transient, and cheap enough to repeat)."""
        return self.transient


class TransientFetchError(FetchError):
    transient = True


class PermanentFetchError(FetchError):
    transient = False


class FetchTimeout(TransientFetchError):
    kind = LinkStatus.TIMEOUT
    code = "timeout"

    @property
    def retryable(self) -> bool:
        # A server that answered but dribbled past the whole-request deadline
        # (slowloris, a huge slow body) would cost the same again: not retried now,
        # still transient (not cached), so a later run tries again.
        return self.code != "total_timeout"


class ConnectionFailed(TransientFetchError):
    kind = LinkStatus.CONNECTION_ERROR
    code = "connection_error"


class DnsTemporaryFailure(TransientFetchError):
    kind = LinkStatus.DNS_ERROR
    code = "dns_temporary"


class InvalidUrl(PermanentFetchError):
    kind = LinkStatus.INVALID_URL
    code = "invalid_url"


class PrivateAddress(PermanentFetchError):
    kind = LinkStatus.PRIVATE_ADDRESS
    code = "private_address"


class DnsNotFound(PermanentFetchError):
    kind = LinkStatus.DNS_ERROR
    code = "dns_not_found"


class TlsFailure(PermanentFetchError):
    kind = LinkStatus.TLS_ERROR
    code = "tls_error"


class TooManyRedirects(PermanentFetchError):
    # A browser shows an error page too: for a reader the link is dead.
    kind = LinkStatus.BROKEN
    code = "too_many_redirects"


class RedirectLoop(TooManyRedirects):
    code = "redirect_loop"


class HeaderTooLarge(PermanentFetchError):
    kind = LinkStatus.CONNECTION_ERROR
    code = "header_too_large"


class ProtocolFailure(PermanentFetchError):
    kind = LinkStatus.CONNECTION_ERROR
    code = "protocol_error"


def _chain(exc: BaseException) -> list[BaseException]:
    """The exception, its causes/contexts and urllib3's ``reason`` links, outermost first."""
    seen: list[BaseException] = []
    todo: list[BaseException | None] = [exc]
    while todo:
        e = todo.pop(0)
        if e is None or any(e is s for s in seen) or len(seen) > 20:
            continue
        seen.append(e)
        links = [getattr(e, "reason", None), e.__cause__, e.__context__, *getattr(e, "args", ())]
        todo.extend(x for x in links if isinstance(x, BaseException))
    return seen


def _gai_error(chain: list[BaseException]) -> socket.gaierror | None:
    for e in chain:
        if isinstance(e, socket.gaierror):
            return e
    return None


def classify_exception(exc: BaseException) -> FetchError:
    """Map whatever urllib3/http.client/socket raised to one FetchError (the one place)."""
    if isinstance(exc, FetchError):
        return exc
    chain = _chain(exc)
    for e in chain:
        if isinstance(e, FetchError):
            return e
    text = _one_line(exc)
    if any(isinstance(e, LineTooLong) for e in chain) or "got more than" in text:
        return HeaderTooLarge(
            "response header too large (a line or the count past the parser's limit)"
        )
    proxy = _proxy_failure(chain)
    if proxy is not None:
        return proxy
    tls = _tls_text(chain)
    if tls is not None:
        return TlsFailure(tls)
    gai = _gai_error(chain)
    if gai is not None or any(isinstance(e, u3.NameResolutionError) for e in chain):
        if gai is not None and gai.errno == socket.EAI_AGAIN:
            return DnsTemporaryFailure("DNS lookup failed for now (temporary resolver failure)")
        return DnsNotFound("host name does not resolve")
    if any(isinstance(e, ConnectionRefusedError) for e in chain):
        return ConnectionFailed("connection refused", code="connection_refused")
    # urllib3's NewConnectionError subclasses ConnectTimeoutError: judge by the cause.
    if any(
        isinstance(e, u3.ConnectTimeoutError) and not isinstance(e, u3.NewConnectionError)
        for e in chain
    ):
        return FetchTimeout("no connection within the connect timeout", code="connect_timeout")
    if any(
        isinstance(e, u3.TimeoutError | TimeoutError) and not isinstance(e, u3.NewConnectionError)
        for e in chain
    ):
        return FetchTimeout("the server stopped sending (read timeout)", code="read_timeout")
    if any(isinstance(e, ConnectionResetError | BrokenPipeError) for e in chain):
        return ConnectionFailed("connection reset by the server", code="connection_reset")
    if isinstance(exc, u3.LocationParseError | u3.LocationValueError | u3.URLSchemeUnknown):
        return InvalidUrl(f"invalid URL: {text}")
    if any(isinstance(e, u3.ProtocolError | HTTPException) for e in chain):
        # RemoteDisconnected/IncompleteRead are HTTPException too: the server went away.
        if any(isinstance(e, IncompleteRead | RemoteDisconnected) for e in chain):
            return ConnectionFailed(
                "the server closed the connection before the answer was complete",
                code="connection_closed",
            )
        return ProtocolFailure(f"malformed HTTP answer: {_innermost(chain)}")
    if any(isinstance(e, OSError) for e in chain):
        return ConnectionFailed(f"connection failed: {_innermost(chain)}")
    return ConnectionFailed(f"connection failed: {text}")


def closed_before_answer(exc: BaseException) -> bool:
    """The connection was closed or reset before a single byte of the answer came
    (what a stale kept-alive connection looks like: the request never arrived)."""
    chain = _chain(exc)
    if any(isinstance(e, FetchError | IncompleteRead | ssl.SSLError) for e in chain):
        return False
    stale = RemoteDisconnected | ConnectionResetError | BrokenPipeError | ConnectionAbortedError
    return any(isinstance(e, stale) for e in chain)


def _proxy_failure(chain: list[BaseException]) -> FetchError | None:
    """The proxy could not be reached, or refused to open a tunnel (CONNECT answered
    with an error): the link itself was never tried."""
    if any(isinstance(e, u3.ProxyError) for e in chain):
        return ConnectionFailed(f"proxy failed: {_innermost(chain)}", code="proxy_error")
    for e in chain:
        text = str(e)
        if isinstance(e, OSError) and text.startswith("Tunnel connection failed"):
            # http.client's words for a CONNECT refused with e.g. 403 or 502.
            return ConnectionFailed(f"proxy refused the tunnel: {text[26:]}", code="proxy_error")
    return None


def _tls_text(chain: list[BaseException]) -> str | None:
    for e in chain:
        if isinstance(e, ssl.SSLCertVerificationError):
            return f"certificate not accepted: {e.verify_message or e.reason or e}"
        if isinstance(e, ssl.CertificateError):
            return f"certificate not accepted: {e}"
    for e in chain:
        if isinstance(e, ssl.SSLError):
            reason = (e.reason or str(e)).replace("_", " ").lower()
            return f"TLS handshake failed: {reason}"
    if any(isinstance(e, u3.SSLError) for e in chain):
        return "TLS handshake failed"
    return None


def _innermost(chain: list[BaseException]) -> str:
    """The message of the deepest exception: the one that says what happened."""
    return _one_line(chain[-1]) if chain else ""


def _one_line(exc: BaseException, limit: int = 300) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"
