"""Settings of the one HTTP client (timeouts, caps, politeness, retries).

Every value has a default a real run can use; tests and the CLI override them.
The defaults were chosen as follows:

- timeouts: 10 s to connect, 20 s between two bytes, 45 s for the whole request
  (body included). Slow academic publishers and government sites answer within
  these on a normal day; a server that needs more is, for a reader, broken.
- body cap: 10 MiB of *decoded* bytes — the largest source documents we read
  (report PDFs) fit; a gzip bomb stops there. ``probe`` reads far less.
- politeness: 2 concurrent requests and 0.5 s between request starts per host,
  the usual "be nice" settings of link checkers (lychee uses a per-host limit;
  LinkChecker defaults to ~0.1-1 s between requests to one host); 16 requests
  in flight overall.
- retries: 2 more attempts after the first, backoff 0.5 s doubling up to 8 s
  with jitter; a ``Retry-After`` longer than 30 s is not waited for (the
  result is reported as rate limited instead of stalling the whole run).

Proxies and the private-address rule (``proxy``, ``trust_env``, ``no_proxy``):
without a proxy the client resolves every host itself, refuses private,
loopback, link-local, ... addresses (unless ``allow_private``) and connects to
exactly the address it checked, so DNS rebinding gains nothing. Through a proxy
the *proxy* resolves and connects, so the client can only check beforehand:
a literal private/loopback IP is refused, and so is a name whose local lookup
returns any refused address; a name that does not resolve locally is allowed
(behind a corporate proxy, outside names often do not). What the proxy itself
connects to cannot be checked: a name that resolves differently for the proxy
(split DNS, rebinding between our lookup and the proxy's) reaches whatever the
proxy reaches. The proxy's own address is always allowed: the user chose it.
Hosts in ``resolve_overrides`` never go through the proxy (the override says
where they are). ``trust_env`` also reads a CA bundle from
``REQUESTS_CA_BUNDLE`` / ``SSL_CERT_FILE`` / ``SSL_CERT_DIR`` when
``ca_bundle`` is unset; certificates are verified either way.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from citecheck import __version__

# The distribution's page: names the project and how to reach its maintainers.
CONTACT_URL = "https://pypi.org/project/avim-citecheck/"

# Truthful and specific, so a site owner can find who is calling. It must not
# contain the substring "link": some firewalls block any agent naming it.
DEFAULT_USER_AGENT = (
    f"citecheck/{__version__} (citation checker for footnoted articles; +{CONTACT_URL})"
)


@dataclass
class HttpSettings:
    """Everything the HTTP client needs to know; one object handed down."""

    connect_timeout: float = 10.0  # seconds for a DNS lookup, and for TCP (+TLS) per address
    read_timeout: float = 20.0  # seconds allowed between two received bytes
    total_timeout: float = 45.0  # seconds for one request (each hop), headers and body included
    max_body_bytes: int = 10 * 1024 * 1024  # cap on decoded body bytes kept by fetch()
    probe_body_bytes: int = 256 * 1024  # cap for probe(): enough to see a soft-404/bot wall
    max_header_bytes: int = 64 * 1024  # all response header lines together
    max_redirects: int = 20  # as browsers (Chrome, Firefox): past it a reader sees an error
    concurrency: int = 16  # requests in flight over all hosts
    per_host: int = 2  # requests in flight to one host
    min_delay: float = 0.5  # seconds between request starts to one host
    retries: int = 2  # extra attempts after the first, transient failures only
    backoff_base: float = 0.5  # first backoff in seconds, doubled per attempt
    backoff_max: float = 8.0  # no single backoff sleep is longer
    backoff_jitter: float = 0.5  # random extra up to this fraction of the backoff
    retry_after_cap: float = 30.0  # a longer Retry-After is not waited for
    user_agent: str = DEFAULT_USER_AGENT
    accept_language: str = "tr,en;q=0.8,*;q=0.5"  # AVİM sources are Turkish and English
    allow_private: bool = False  # allow loopback/private/link-local destinations (tests)
    # Networks allowed even when allow_private is False, e.g. an intranet wiki.
    allowed_networks: tuple[str, ...] = ()
    # Host name -> IP address, like curl --resolve: replays real URLs on a test server.
    resolve_overrides: dict[str, str] = field(default_factory=dict)
    # Hosts known to answer HEAD differently from GET: probe() goes straight to GET.
    head_unreliable_hosts: frozenset[str] = frozenset(
        {
            "amazon.com",
            "www.amazon.com",
            "amzn.to",
            "twitter.com",
            "x.com",
            "t.co",
            "www.linkedin.com",
            "linkedin.com",
            "www.researchgate.net",
            "www.jstor.org",
        }
    )
    verify_tls: bool = True  # certificate verification; never off in real runs
    # A PEM file or a c_rehash'ed directory of CA certificates replacing the default
    # (certifi) bundle, e.g. a corporate root that re-signs TLS at the proxy.
    ca_bundle: str | None = None
    # http://[user:pass@]host:port (https:// too) for http and https (CONNECT); None: see trust_env.
    proxy: str | None = None
    # Read http_proxy/https_proxy/all_proxy/no_proxy (either case) and the CA
    # variables above from the environment when not set here.
    trust_env: bool = True
    # Hosts reached directly even with a proxy (curl's NO_PROXY rules; "*" = all).
    no_proxy: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, values: dict[str, object]) -> HttpSettings:
        """Settings from a config table (``[tool.citecheck.http]``); unknown keys are errors."""
        known = {f.name: f for f in fields(cls)}
        unknown = sorted(set(values) - set(known))
        if unknown:
            raise ValueError(f"unknown HTTP setting(s): {', '.join(unknown)}")
        converted: dict[str, object] = {}
        for name, value in values.items():
            if name == "head_unreliable_hosts" and isinstance(value, list | tuple | set):
                value = frozenset(str(v).lower() for v in value)
            elif name in ("allowed_networks", "no_proxy") and isinstance(value, list | tuple):
                value = tuple(str(v) for v in value)
            converted[name] = value
        return cls(**converted)  # type: ignore[arg-type]

    def __post_init__(self) -> None:
        numbers = ("connect_timeout", "read_timeout", "total_timeout", "min_delay", "backoff_base")
        counts = ("concurrency", "per_host", "max_body_bytes", "max_header_bytes", "retries")
        for name in (*numbers, *counts, "max_redirects", "probe_body_bytes"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ValueError(f"{name} must be a number, not {value!r}")
        for name in ("connect_timeout", "read_timeout", "total_timeout"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive")
        for name in ("concurrency", "per_host", "max_body_bytes", "max_header_bytes"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1")
        if self.retries < 0 or self.max_redirects < 0 or self.min_delay < 0:
            raise ValueError("retries, max_redirects and min_delay cannot be negative")
        if isinstance(self.no_proxy, str):  # "a.org,b.org" as in NO_PROXY
            self.no_proxy = tuple(h.strip() for h in self.no_proxy.split(",") if h.strip())
        for name in ("proxy", "ca_bundle"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                raise ValueError(f"{name} must be a string, not {value!r}")
        if self.proxy:
            from citecheck.web.proxies import parse_proxy  # proxies.py imports this module

            parse_proxy(self.proxy, "proxy setting")  # a bad --proxy is a usage error at once
        if "link" in self.user_agent.lower():
            # Some firewalls drop any agent naming "link"; refuse rather than be blocked.
            raise ValueError("user_agent must not contain 'link'")
