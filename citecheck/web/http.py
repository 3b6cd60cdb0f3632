"""The one HTTP client of citecheck.

``HttpClient.fetch`` runs one logical request: attempts (retried with backoff
on transient failures only, honouring Retry-After up to a cap), each attempt a
redirect chain followed by hand (every hop recorded and address-checked), each
hop inside a politeness slot and under a hard deadline, the body read within a
decoded-size cap. It never raises for network trouble: the result says what
happened. ``probe`` is the HEAD-first variant link checking uses.

Thread-safe: one client (one set of urllib3 pools) serves a thread pool.
"""

from __future__ import annotations

import contextlib
import logging
import os
import random
import threading
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from urllib.parse import urljoin

import urllib3
from tenacity import RetryCallState, Retrying, retry_if_result, stop_after_attempt

from citecheck.codes import LinkStatus
from citecheck.model import Hop
from citecheck.web import body as bodyio
from citecheck.web.cookies import ChainCookies
from citecheck.web.deadline import Deadline, Watchdog, set_current_deadline
from citecheck.web.errors import (
    FetchError,
    FetchTimeout,
    HeaderTooLarge,
    InvalidUrl,
    ProtocolFailure,
    RedirectLoop,
    TooManyRedirects,
    classify_exception,
)
from citecheck.web.politeness import HostGate
from citecheck.web.result import Exchange, FetchResult, parse_retry_after
from citecheck.web.settings import HttpSettings
from citecheck.web.transport import AddressPolicy, Resolver, Transport
from citecheck.web.urls import UrlError, host_key, to_uri

log = logging.getLogger(__name__)

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# HEAD answers that say nothing about the page: fall back to GET (servers that
# refuse HEAD, or route it differently, answer these while GET works).
HEAD_FALLBACK_STATUSES = frozenset({400, 403, 404, 405, 406, 409, 410, 500, 501, 502, 503})
# HEAD failures where the answer itself went wrong (servers that mishandle HEAD);
# GET is tried. Host-level failures (DNS, refused, connect timeout, TLS, private
# address, loops) would only repeat with GET.
HEAD_FALLBACK_ERRORS = frozenset(
    {
        "connection_reset",
        "connection_closed",
        "connection_error",
        "protocol_error",
        "read_timeout",
        "total_timeout",
        "header_too_large",
    }
)
# HEAD answers that mean "this server does not do HEAD": later probes skip it.
HEAD_REFUSED_STATUSES = frozenset({405, 501})
ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,application/pdf;q=0.8,*/*;q=0.7"
ACCEPT_ENCODING = "gzip, deflate"  # the encodings body.read_body decodes with a cap


def utc_now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _location(resp: urllib3.BaseHTTPResponse) -> str | None:
    loc = (resp.headers.get("location") or "").strip()
    if not loc:
        return None
    # http.client decodes header bytes as latin-1; servers send UTF-8 IRIs.
    with contextlib.suppress(UnicodeError):
        loc = loc.encode("latin-1").decode("utf-8")
    return loc.replace(" ", "%20")  # browsers follow such Locations; cited URLs are stricter


def _peer_address(raw) -> str | None:  # type: ignore[no-untyped-def]
    """The server's IP address as the connection recorded it on connect (None
    through a proxy). Not ``conn.sock``: http.client has dropped it when the
    answer closes the connection."""
    return getattr(getattr(raw, "connection", None), "peer_address", None)


class HttpClient:
    """One pooled, polite, bounded HTTP client; see the module docstring."""

    def __init__(
        self,
        settings: HttpSettings | None = None,
        *,
        on_response: Callable[[Exchange], None] | None = None,
        resolver: Resolver | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        """``environ`` (default ``os.environ``) is read for proxies and a CA bundle
        when ``settings.trust_env``. A bad proxy or CA *setting* raises ValueError; a
        bad environment variable is ignored and named in ``problems``."""
        self.settings = settings or HttpSettings()
        self.on_response = on_response
        self._policy = AddressPolicy(self.settings, resolver)
        try:
            self._transport = Transport(
                self.settings, self._policy, os.environ if environ is None else environ
            )
        except Exception:
            self._policy.close()
            raise
        # The run's own trouble (a bad proxy or CA variable, ignored): for the CLI to show.
        self.problems: list[str] = list(self._transport.problems)
        for problem in self.problems:
            log.warning("%s", problem)
        self._gate = HostGate(
            self.settings.concurrency, self.settings.per_host, self.settings.min_delay
        )
        self._watchdog = Watchdog()
        if not self.settings.verify_tls:  # the caller chose this; one warning per request is noise
            urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
        self._no_head: set[str] = set(self.settings.head_unreliable_hosts)
        self._lock = threading.Lock()
        self.requests_sent = 0  # HTTP requests put on the wire (hops and attempts)
        # One Retrying for all threads: tenacity keeps its per-call state thread-local.
        self._retrying = Retrying(
            stop=stop_after_attempt(self.settings.retries + 1),
            wait=self._backoff,
            retry=retry_if_result(self._worth_retrying),
            retry_error_callback=lambda state: state.outcome.result(),  # type: ignore[union-attr]
            reraise=True,
        )

    # ------------------------------------------------------------ public API

    def fetch(
        self,
        url: str,
        *,
        method: str = "GET",
        max_bytes: int | None = None,
        headers: dict[str, str] | None = None,
        follow_redirects: bool = True,
    ) -> FetchResult:
        """Fetch ``url``; network trouble comes back in the result, never raised."""
        t0 = time.monotonic()
        fetched_at = utc_now_iso()
        method = method.upper()
        try:
            uri = to_uri(url)
        except UrlError as e:
            return FetchResult(
                url=url if isinstance(url, str) else repr(url),
                method=method,
                error_kind=LinkStatus.INVALID_URL,
                error_code=InvalidUrl.code,
                error=f"invalid URL: {e}",
                fetched_at=fetched_at,
            )
        cap = self.settings.max_body_bytes if max_bytes is None else max(0, max_bytes)
        retrying = self._retrying
        try:
            result: FetchResult = retrying(
                self._attempt, uri, method, cap, headers or {}, follow_redirects
            )
        except Exception as exc:  # a bug must not stop the other URLs of a run; it is logged
            log.exception("unexpected failure fetching %s", uri)
            result = FetchResult(url=uri, method=method).failed(
                ProtocolFailure(f"internal error: {type(exc).__name__}: {exc}", code="client_bug")
            )
        result.attempts = retrying.statistics.get("attempt_number", 1)
        result.elapsed_ms = int((time.monotonic() - t0) * 1000)
        result.fetched_at = fetched_at
        return result

    def probe(
        self, url: str, *, max_bytes: int | None = None, need_body: bool = False
    ) -> FetchResult:
        """HEAD first; GET when HEAD is refused or unreliable (or a body is needed).

        GET is used when HEAD answers a status in HEAD_FALLBACK_STATUSES, fails
        with a connection error or timeout, the host is known to lie on HEAD
        (settings, or learned in this run when HEAD and GET disagreed), or
        ``need_body`` is set and the page is HTML (soft-404 and bot-wall checks
        read it). The GET result carries the HEAD's status in ``head_status`` and
        counts both requests' attempts.
        """
        cap = self.settings.probe_body_bytes if max_bytes is None else max_bytes
        try:
            host = host_key(to_uri(url))
        except UrlError:
            host = ""
        with self._lock:
            skip_head = host in self._no_head
        head: FetchResult | None = None
        if not skip_head:
            head = self.fetch(url, method="HEAD")
            if not self._head_insufficient(head, need_body):
                return head
        get = self.fetch(url, method="GET", max_bytes=cap)
        if head is not None:
            get.head_status = head.status
            get.attempts += head.attempts
            get.elapsed_ms += head.elapsed_ms
            get.fetched_at = head.fetched_at
            refused = head.status in HEAD_REFUSED_STATUSES
            lied = (
                head.status is not None
                and get.status is not None
                and (head.status < 400) != (get.status < 400)
            )
            if refused or lied:
                with self._lock:  # HEAD is refused or lies here: later probes skip it
                    self._no_head.add(host)
        return get

    def close(self) -> None:
        self._transport.close()
        self._watchdog.close()
        self._policy.close()

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ retries

    def _worth_retrying(self, result: FetchResult) -> bool:
        if not result.retryable:
            return False
        # Asked to wait too long: report the 429/503 instead of stalling the run.
        return result.retry_after is None or result.retry_after <= self.settings.retry_after_cap

    def _backoff(self, state: RetryCallState) -> float:
        s = self.settings
        last: FetchResult = state.outcome.result()  # type: ignore[union-attr]
        if last.retry_after is not None:
            return last.retry_after  # already within retry_after_cap (see _worth_retrying)
        base = min(s.backoff_max, s.backoff_base * 2 ** (state.attempt_number - 1))
        return min(s.backoff_max, base + random.uniform(0, s.backoff_jitter * base))

    @staticmethod
    def _head_insufficient(head: FetchResult, need_body: bool) -> bool:
        if head.error_kind is not None:
            return head.error_code in HEAD_FALLBACK_ERRORS
        if head.status in HEAD_FALLBACK_STATUSES:
            return True
        if need_body and head.status is not None and head.status < 300:
            return head.content_type in (None, "text/html", "application/xhtml+xml")
        return False

    # ------------------------------------------------------------ one attempt

    def _attempt(
        self, uri: str, method: str, cap: int, headers: dict[str, str], follow: bool
    ) -> FetchResult:
        result = FetchResult(url=uri, method=method)
        jar = ChainCookies()  # cookies live for one redirect chain only
        seen: set[tuple[str, tuple]] = set()
        current = uri
        for _ in range(self.settings.max_redirects + 1):
            result.final_url = current
            # Same URL (fragment aside) with the same cookies again: a loop. A redirect to
            # itself that sets a cookie (cookie checks) is not one.
            key = (current.partition("#")[0], jar.key())
            if key in seen:
                return result.failed(RedirectLoop(f"redirect loop back to {current}"))
            seen.add(key)
            location = self._hop(current, method, cap, headers, follow, jar, result)
            if location is None:
                return result
            try:
                current = to_uri(urljoin(current, location))
            except UrlError as e:
                return result.failed(InvalidUrl(f"redirect to an invalid URL {location!r}: {e}"))
        return result.failed(TooManyRedirects(f"more than {self.settings.max_redirects} redirects"))

    def _hop(
        self,
        url: str,
        method: str,
        cap: int,
        headers: dict[str, str],
        follow: bool,
        jar: ChainCookies,
        result: FetchResult,
    ) -> str | None:
        """One request; fills ``result``; returns the next URL when it redirects."""
        s = self.settings
        host = host_key(url)
        result.clear_response()  # a failing hop must not show the previous hop's answer
        try:
            self._policy.check_literal(host)
        except FetchError as e:
            result.failed(e)
            return None
        with self._gate.slot(host) as waited:
            result.wait_ms += int(waited * 1000)
            deadline = self._watchdog.arm(s.total_timeout)
            set_current_deadline(deadline)
            resp: urllib3.BaseHTTPResponse | None = None
            sent = self._headers(headers)
            cookie = jar.header(url)
            if cookie:
                sent["Cookie"] = cookie
            try:
                with self._lock:
                    self.requests_sent += 1
                resp = self._transport.open(method, url, sent)
                return self._read(resp, url, method, cap, follow, jar, result, deadline, sent)
            except Exception as exc:  # network trouble of every kind ends up in the result
                error = (
                    FetchTimeout(
                        f"no complete answer within {s.total_timeout:g} s", code="total_timeout"
                    )
                    if deadline.fired
                    else classify_exception(exc)
                )
                result.failed(error)
                return None
            finally:
                set_current_deadline(None)
                self._watchdog.disarm(deadline)
                if resp is not None:
                    # A body read to its end has already given the connection back;
                    # one left unread cannot be reused: close it, keep the pool slot.
                    resp.close()
                    resp.release_conn()

    def _read(
        self,
        resp: urllib3.BaseHTTPResponse,
        url: str,
        method: str,
        cap: int,
        follow: bool,
        jar: ChainCookies,
        result: FetchResult,
        deadline: Deadline,
        sent: dict[str, str],
    ) -> str | None:
        raw = resp
        if deadline.fired:  # the header block never completed: what arrived means nothing
            raise FetchTimeout("headers not complete in time", code="total_timeout")
        header_bytes = sum(len(k) + len(v) + 4 for k, v in raw.headers.items())
        if header_bytes > self.settings.max_header_bytes:
            raise HeaderTooLarge(
                f"response headers of {header_bytes} bytes exceed the cap of "
                f"{self.settings.max_header_bytes}"
            )
        result.set_response(resp)
        peer = _peer_address(raw)  # for observers (the WARC writer): read before release
        if method == "HEAD":
            # No body will follow: hand the connection back for reuse (urllib3 only
            # does that by itself after a read, and closing would drop it).
            raw.release_conn()
        location = _location(resp) if resp.status in REDIRECT_STATUSES else None
        if follow and location:
            jar.store(url, resp.headers)
            if method != "HEAD":
                bodyio.discard(raw)
            self._emit(resp, url, method, sent, b"", False, peer)
            result.hops.append(Hop(url=url, status=resp.status))
            return location
        if method != "HEAD":
            try:
                body = bodyio.read_body(raw, cap, resp.headers.get("content-encoding"))
            except bodyio.ContentDecodingError as e:
                raise ProtocolFailure(str(e), code="content_decoding") from e
            if deadline.fired:
                result.body = body.data
                result.bytes_read = body.raw_bytes
                raise FetchTimeout(
                    f"body not complete within {self.settings.total_timeout:g} s",
                    code="total_timeout",
                )
            result.set_body(body)
        if result.retry_after is not None and resp.status in (429, 503):
            # Slow every thread down for this host, not only this request's retry.
            self._gate.defer(host_key(url), min(result.retry_after, self.settings.retry_after_cap))
        self._emit(resp, url, method, sent, result.body, result.truncated, peer)
        return None

    def _headers(self, extra: dict[str, str]) -> dict[str, str]:
        h = {
            "User-Agent": self.settings.user_agent,
            "Accept": ACCEPT,
            "Accept-Language": self.settings.accept_language,
            "Accept-Encoding": ACCEPT_ENCODING,
        }
        h.update(extra)
        return h

    def _emit(
        self,
        resp: urllib3.BaseHTTPResponse,
        url: str,
        method: str,
        sent: dict[str, str],
        body: bytes,
        truncated: bool,
        peer: str | None,
    ) -> None:
        if self.on_response is None:
            return
        try:
            self.on_response(Exchange.from_response(resp, url, method, body, truncated, peer, sent))
        except Exception:  # an observer's failure must not turn into a network error
            log.exception("on_response hook failed for %s", url)


__all__ = ["Exchange", "FetchResult", "HttpClient", "HttpSettings", "parse_retry_after"]
