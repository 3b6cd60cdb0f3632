"""Everything citecheck does on the network: the one HTTP client and what uses it.

Data flow of the client (each module one step)::

    urls.py        IRI → URI, validation, normalization (dedup key), address checks
    settings.py    HttpSettings: timeouts, caps, politeness, retries, user agent
    politeness.py  per-host and global limits, minimum delay between requests to a host
    transport.py   requests session whose connections resolve, check and connect to
                   one checked address, under a per-attempt deadline (watchdog)
    body.py        body reads with a cap on decoded bytes (gzip bombs stop)
    errors.py      the network exception tree; the one mapping from requests/urllib3
    result.py      FetchResult (per fetch), Exchange (per response, for observers)
    http.py        HttpClient.fetch / probe: retries, redirects by hand, HEAD→GET

Liveness classification, archives and the result cache build on the client
(liveness.py, archive.py, cache.py, links.py).

The public names below are imported lazily so that ``citecheck.web.urls`` can
be used without loading requests.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "HttpClient": "citecheck.web.http",
    "HttpSettings": "citecheck.web.settings",
    "FetchResult": "citecheck.web.result",
    "Exchange": "citecheck.web.result",
    "FetchError": "citecheck.web.errors",
    "normalize_url": "citecheck.web.urls",
    "validate_url": "citecheck.web.urls",
    "to_uri": "citecheck.web.urls",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
