"""Cookies of one redirect chain.

Sites that test for cookies answer 302 to the same URL with ``Set-Cookie`` once;
a reader's browser comes back with the cookie and gets the page. The client does
the same within one fetch, and forgets the cookies afterwards (they would leak
between unrelated fetches and grow without bound over an audit).
"""

from __future__ import annotations

from typing import Any


class _CookieHeaders:
    """What ``CookieJar.extract_cookies`` asks of a response's ``info()``."""

    def __init__(self, headers: Any) -> None:
        self._headers = headers  # urllib3's HTTPHeaderDict

    def info(self) -> _CookieHeaders:
        return self

    def get_all(self, name: str, default: list[str] | None = None) -> list[str] | None:
        return self._headers.getlist(name) or default


class ChainCookies:
    """The jar, and http.cookiejar itself, only once a cookie arrives (most chains have none)."""

    def __init__(self) -> None:
        self.jar: Any = None  # http.cookiejar.CookieJar once a Set-Cookie arrived

    def key(self) -> tuple[tuple[str, str | None], ...]:
        """What the chain's loop check compares: the same URL with new cookies is no loop."""
        return tuple(sorted((c.name, c.value) for c in self.jar)) if self.jar else ()

    def header(self, url: str) -> str | None:
        """The Cookie header for a request to ``url``, if any cookie applies."""
        if not self.jar:
            return None
        from urllib.request import Request

        req = Request(url)
        self.jar.add_cookie_header(req)
        return req.get_header("Cookie")

    def store(self, url: str, headers: Any) -> None:
        """Keep the cookies a response to ``url`` sets (``headers``: urllib3's HTTPHeaderDict)."""
        if "set-cookie" not in headers and "set-cookie2" not in headers:
            return
        from http.cookiejar import CookieJar
        from urllib.request import Request

        if self.jar is None:
            self.jar = CookieJar()
        self.jar.extract_cookies(_CookieHeaders(headers), Request(url))  # type: ignore[arg-type]
