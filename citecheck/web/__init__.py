"""Everything citecheck does on the network: the one HTTP client and what uses it.

Data flow of the client (each module one step)::

    urls.py        IRI → URI, validation, normalization (dedup key), address checks
    settings.py    HttpSettings: timeouts, caps, politeness, retries, user agent
    politeness.py  per-host and global limits, minimum delay between requests to a host
    addresses.py   DNS answers checked against the private-address rule (cached, bounded)
    proxies.py     proxy and CA-bundle settings from flags or the environment
    transport.py   urllib3 pools whose connections connect only to a checked address,
                   under a per-attempt deadline (deadline.py's watchdog)
    cookies.py     a per-fetch cookie jar (sites that set a cookie and redirect)
    body.py        body reads with a cap on decoded bytes (gzip bombs stop)
    errors.py      the network exception tree; the one mapping from urllib3 errors
    result.py      FetchResult (per fetch), Exchange (per response, for observers)
    http.py        HttpClient.fetch / probe: retries, redirects by hand, HEAD→GET

Built on the client: link liveness (liveness*.py, links.py), archives
(archive.py for the Wayback Machine, warc*.py for WARC capture and replay), the
result caches (cache.py, registry_cache.py), DOI registries (doi.py), page metadata
(pagemeta.py), and source text (extract*.py, sources.py).

The public names below are imported lazily so that ``citecheck.web.urls`` can
be used without loading urllib3.
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
