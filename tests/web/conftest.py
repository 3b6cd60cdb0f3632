"""Fixtures for network tests: a loopback farm and clients with small, fast settings."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from citecheck.web.http import HttpClient
from citecheck.web.settings import HttpSettings
from tests.web.farm import Farm, FarmHost

# Small enough that every hostile behaviour ends in well under a second or two.
FAST = {
    "connect_timeout": 1.0,
    "read_timeout": 1.0,
    "total_timeout": 2.0,
    "min_delay": 0.0,
    "retries": 2,
    "backoff_base": 0.01,
    "backoff_max": 0.05,
    "retry_after_cap": 2.0,
    "max_body_bytes": 1024 * 1024,
    "probe_body_bytes": 64 * 1024,
    "allow_private": True,  # the farm lives on loopback
    "trust_env": False,  # a developer's http_proxy must not send farm requests elsewhere
}


def fast_settings(**overrides: object) -> HttpSettings:
    return HttpSettings(**{**FAST, **overrides})  # type: ignore[arg-type]


@pytest.fixture
def farm() -> Iterator[Farm]:
    with Farm() as f:
        yield f


@pytest.fixture
def host(farm: Farm) -> FarmHost:
    return farm.host()


@pytest.fixture
def make_client() -> Iterator[Callable[..., HttpClient]]:
    """``make_client(per_host=1, ...)`` → a client with FAST settings; closed at teardown."""
    clients: list[HttpClient] = []

    def make(*, on_response=None, resolver=None, **overrides: object) -> HttpClient:
        c = HttpClient(fast_settings(**overrides), on_response=on_response, resolver=resolver)
        clients.append(c)
        return c

    yield make
    for c in clients:
        c.close()


@pytest.fixture
def client(make_client: Callable[..., HttpClient]) -> HttpClient:
    return make_client()
