"""POST to an OpenAI-compatible chat-completions endpoint: the model judge's transport.

The endpoint is one the user configured (``--judge-url``): unlike the cited pages
``web/http.py`` fetches, it may be on loopback or a private network — a local
llama.cpp, vLLM or Ollama server is the main use — so no address policy applies.
It is still bounded:

- one deadline for the whole exchange, retries and waits included: the watchdog of
  ``web/deadline.py`` shuts the socket when it passes, so a server trickling bytes
  (or a model generating forever) cannot stall a run;
- the decoded body is capped (``web/body.py``), gzip included;
- redirects are not followed (an API answers where it was asked);
- a 429/503 with a ``Retry-After`` within the cap (and within the deadline) is
  waited for and retried; any other failure is one :class:`ChatError`.

Proxies from the environment are NOT used in this version (a local server needs
none): a hosted endpoint reachable only through a proxy cannot be used yet.
Certificates are verified with certifi's bundle.
"""

from __future__ import annotations

import json
import time
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import certifi
import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from citecheck.web.body import ContentDecodingError, read_body
from citecheck.web.deadline import Watchdog, set_current_deadline, watch_connection
from citecheck.web.errors import classify_exception
from citecheck.web.result import parse_retry_after
from citecheck.web.settings import DEFAULT_USER_AGENT

__all__ = ["ChatError", "ChatTransport"]

RETRY_STATUSES = frozenset({429, 503})  # "slow down" answers worth one more try
ERROR_SNIPPET = 200  # characters of an error body quoted in the message (servers explain)


class ChatError(Exception):
    """The endpoint gave no usable answer. ``kind``: connect, timeout, http,
    rate_limited, too_large, bad_body."""

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.kind = kind


class _DeadlineHTTP(HTTPConnection):
    """Registers its socket with the thread's deadline, so the watchdog can cut it
    (the socket itself: see web/deadline.py). Connecting is bounded by the connect
    timeout, itself within the deadline."""

    def connect(self) -> None:
        super().connect()
        watch_connection(self)  # a deadline that fired meanwhile cuts it at once

    def request(self, *args: Any, **kwargs: Any) -> None:  # type: ignore[override]
        watch_connection(self)  # a connection reused from the pool
        super().request(*args, **kwargs)


class _DeadlineHTTPS(HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        watch_connection(self)

    def request(self, *args: Any, **kwargs: Any) -> None:  # type: ignore[override]
        watch_connection(self)
        super().request(*args, **kwargs)


class _Pool(HTTPConnectionPool):
    ConnectionCls = _DeadlineHTTP


class _TlsPool(HTTPSConnectionPool):
    ConnectionCls = _DeadlineHTTPS  # type: ignore[assignment]


class ChatTransport:
    """Bounded JSON POSTs to one endpoint; thread-safe (urllib3 pools are)."""

    def __init__(
        self,
        *,
        timeout: float,
        connect_timeout: float = 10.0,
        max_bytes: int = 256 * 1024,
        retries: int = 2,
        retry_after_cap: float = 10.0,
    ) -> None:
        self.timeout = timeout
        self.connect_timeout = connect_timeout
        self.max_bytes = max_bytes
        self.retries = retries
        self.retry_after_cap = retry_after_cap
        self._pool = urllib3.PoolManager(
            num_pools=4, maxsize=4, cert_reqs="CERT_REQUIRED", ca_certs=certifi.where()
        )
        self._pool.pool_classes_by_scheme = {"http": _Pool, "https": _TlsPool}  # type: ignore[dict-item]
        self._watchdog = Watchdog()

    def close(self) -> None:
        self._pool.clear()
        self._watchdog.close()

    def post_json(self, url: str, payload: dict[str, Any], api_key: str | None = None) -> Any:
        """The JSON the endpoint answers to ``payload``; raises :class:`ChatError`."""
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        headers = {
            "Content-Type": "application/json",
            "Accept": "application/json",
            "Accept-Encoding": "gzip, deflate",  # the encodings body.read_body decodes
            "User-Agent": DEFAULT_USER_AGENT,
        }
        if api_key:
            headers["Authorization"] = f"Bearer {api_key}"
        end = time.monotonic() + self.timeout
        attempt = 0
        while True:
            status, retry_after, data = self._attempt(url, body, headers, end)
            if status in RETRY_STATUSES:
                wait = parse_retry_after(retry_after)
                fits = wait is not None and wait <= self.retry_after_cap
                if fits and attempt < self.retries and time.monotonic() + wait < end:  # type: ignore[operator]
                    attempt += 1
                    time.sleep(wait)  # type: ignore[arg-type]
                    continue
                after = f", Retry-After {retry_after}" if retry_after else ""
                kind = "rate_limited" if status == 429 else "http"
                raise ChatError(f"HTTP {status}{after}{_snippet(data)}", kind)
            if not 200 <= status < 300:
                raise ChatError(f"HTTP {status}{_snippet(data)}", "http")
            try:
                return json.loads(data.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise ChatError(f"the answer is not JSON ({exc})", "bad_body") from exc

    def _attempt(
        self, url: str, body: bytes, headers: dict[str, str], end: float
    ) -> tuple[int, str | None, bytes]:
        remaining = end - time.monotonic()
        if remaining <= 0:
            raise ChatError(f"no answer within {self.timeout:g} s", "timeout")
        deadline = self._watchdog.arm(remaining)
        set_current_deadline(deadline)
        resp = None
        try:
            resp = self._pool.request(
                "POST",
                url,
                body=body,
                headers=headers,
                preload_content=False,
                redirect=False,
                retries=False,
                timeout=urllib3.Timeout(
                    connect=min(self.connect_timeout, remaining), read=remaining
                ),
            )
            length = resp.headers.get("content-length", "")
            if length.isdecimal() and int(length) > self.max_bytes:
                raise ChatError(f"the answer is {length} bytes, over {self.max_bytes}", "too_large")
            got = read_body(resp, self.max_bytes, resp.headers.get("content-encoding"))
            if deadline.fired:  # the watchdog cut the socket: what arrived is partial
                raise ChatError(f"no complete answer within {self.timeout:g} s", "timeout")
            if got.truncated:
                raise ChatError(f"the answer is over {self.max_bytes} bytes", "too_large")
            return resp.status, resp.headers.get("retry-after"), got.data
        except ChatError:
            raise
        except ContentDecodingError as exc:
            raise ChatError(str(exc), "bad_body") from exc
        except Exception as exc:  # urllib3/socket trouble of every kind, named once
            if deadline.fired:
                raise ChatError(f"no complete answer within {self.timeout:g} s", "timeout") from exc
            error = classify_exception(exc)
            kind = "timeout" if "timeout" in error.code else "connect"
            raise ChatError(f"{error} ({_shown(url)})", kind) from exc
        finally:
            set_current_deadline(None)
            self._watchdog.disarm(deadline)
            if resp is not None:
                resp.close()  # a body left unread cannot be reused; a read one is back already
                resp.release_conn()


def _shown(url: str) -> str:
    """The URL without user:password or query (either may hold a secret)."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc.rpartition("@")[2], parts.path, "", ""))


def _snippet(data: bytes) -> str:
    text = " ".join(data.decode("utf-8", "replace").split())
    return f": {text[:ERROR_SNIPPET]}" if text else ""
