"""Serve fixtures/site (a small AVİM-like site) on a loopback farm host.

``serve_site(farm)`` answers every path of fixtures/site/manifest.json; ``{base}``
in the files becomes the host's base URL, AVİM's own addresses in the reused
article pages too, and ``{crawl_delay}`` the delay asked for. ``overrides`` maps
paths (with or without a query) to behaviours that replace a file.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Callable

from tests.conftest import FIXTURES
from tests.web.farm import Behaviour, Ctx, Farm, FarmHost

SITE = FIXTURES / "site"
MANIFEST: dict[str, str] = json.loads((SITE / "manifest.json").read_text("utf-8"))
_AVIM_ORIGINS = ("https://avim.org.tr", "https://www.avim.org.tr", "https://avimbulten.org")


def site_file(name: str, base: str, crawl_delay: float = 0.0) -> bytes:
    # Bytes, not text: a reused page is in windows-1254 (Turkish), as real ones can be.
    data = (SITE / name).read_bytes()
    data = data.replace(b"{base}", base.encode()).replace(
        b"{crawl_delay}", f"{crawl_delay:g}".encode()
    )
    for origin in _AVIM_ORIGINS:
        data = data.replace(origin.encode(), base.encode())
    return data


def _content_type(path: str, name: str) -> str:
    if path.endswith(".gz"):
        return "application/gzip"
    if name.endswith(".xml"):
        return "application/xml; charset=utf-8"
    if name.endswith(".txt"):
        return "text/plain; charset=utf-8"
    return "text/html"  # the page's own <meta charset> says which


def serve_site(
    farm: Farm,
    address: str = "127.0.0.1",
    *,
    crawl_delay: float = 0.0,
    overrides: dict[str, Behaviour] | None = None,
) -> FarmHost:
    """A farm host serving the fixture site; see the module docstring."""
    host = farm.host(address)
    base = host.base
    answers: dict[str, Behaviour] = {}
    for key, name in MANIFEST.items():
        body = site_file(name, base, crawl_delay)
        if key.endswith(".gz"):
            body = gzip.compress(body)
        answers[key] = _fixed(body, _content_type(key, name))
    answers.update(overrides or {})

    def dispatch(ctx: Ctx) -> None:
        full = ctx.path + ("?" + ctx.query if ctx.query else "")
        behaviour = answers.get(full) or answers.get(ctx.path) or host.not_found
        behaviour(ctx)

    for key in {k.split("?", 1)[0] for k in answers}:
        host.route(key, dispatch)
    return host


def _fixed(body: bytes, content_type: str) -> Callable[[Ctx], None]:
    return lambda ctx: ctx.send(200, body, content_type=content_type)


def article_paths() -> list[str]:
    """Paths of the site's article pages (all of them, the disallowed one too)."""
    return [p for p in MANIFEST if re.match(r"/(?:tr|en)/\w+/|/Blog/", p)]
