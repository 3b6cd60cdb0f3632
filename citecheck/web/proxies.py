"""Which proxy (if any) a request goes through, and which CA bundle verifies TLS.

Pure functions over settings and an environment mapping (no network), so the
rules can be tested without a proxy:

- an explicit ``HttpSettings.proxy`` is used for http and https (https through
  ``CONNECT``); otherwise, with ``trust_env``, ``http_proxy`` / ``https_proxy``
  / ``all_proxy`` (lower case first, then upper case, as curl and requests);
- ``no_proxy`` (setting, plus ``NO_PROXY`` from the environment with
  ``trust_env``) lists hosts reached directly, with curl's rules: ``*`` is every
  host, a name matches itself and its subdomains (a leading dot is optional), an
  IP address or CIDR block matches addresses in it, ``host:port`` only that port;
- a custom CA bundle: ``HttpSettings.ca_bundle``, else with ``trust_env``
  ``REQUESTS_CA_BUNDLE``, ``SSL_CERT_FILE`` or ``SSL_CERT_DIR``.
"""

from __future__ import annotations

import ipaddress
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from citecheck.web.settings import HttpSettings

PROXY_SCHEMES = frozenset({"http", "https"})
CA_ENV = ("REQUESTS_CA_BUNDLE", "SSL_CERT_FILE", "SSL_CERT_DIR")


@dataclass(frozen=True)
class Proxy:
    """One proxy: where it listens and the Proxy-Authorization it needs."""

    url: str  # scheme://host:port, without credentials
    host: str
    port: int
    auth: str | None = None  # "user:password", percent-decoded

    def __str__(self) -> str:  # never print the credentials
        return self.url


@dataclass(frozen=True)
class ProxyRules:
    http: Proxy | None = None
    https: Proxy | None = None
    no_proxy: tuple[str, ...] = ()

    @property
    def any(self) -> bool:
        return self.http is not None or self.https is not None


def _env(environ: Mapping[str, str], name: str) -> str:
    """Lower case wins (curl ignores upper-case HTTP_PROXY; requests prefers lower)."""
    return (environ.get(name.lower()) or environ.get(name.upper()) or "").strip()


_HOST_CHARS = re.compile(r"[A-Za-z0-9._\-:%]+")  # names, IPv4, IPv6 (brackets removed)


def parse_proxy(value: str, where: str = "proxy") -> Proxy:
    """``http://[user:pass@]host[:port]``; a bare ``host:port`` means http, as in curl."""
    text = value.strip()
    if "://" not in text:
        text = "http://" + text
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as e:
        raise ValueError(f"{where}: not a proxy URL: {value!r} ({e})") from None
    scheme = parts.scheme.lower()
    if scheme not in PROXY_SCHEMES:
        raise ValueError(
            f"{where}: {scheme}:// proxies are not supported (only http:// and https://): {value!r}"
        )
    if not parts.hostname:
        raise ValueError(f"{where}: no host in proxy URL {value!r}")
    if not _HOST_CHARS.fullmatch(parts.hostname):  # urlsplit lets "not a url" through
        raise ValueError(f"{where}: not a proxy URL: {value!r} (bad host name)")
    port = port or (443 if scheme == "https" else 80)  # as urllib3 (curl would say 1080)
    auth = None
    if parts.username is not None:
        auth = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
    host = parts.hostname
    shown = f"[{host}]" if ":" in host else host
    return Proxy(url=f"{scheme}://{shown}:{port}", host=host, port=port, auth=auth)


def _split_list(text: str) -> tuple[str, ...]:
    return tuple(p.strip().lower() for p in text.replace(" ", ",").split(",") if p.strip())


def proxy_rules(
    settings: HttpSettings,
    environ: Mapping[str, str] | None = None,
    problems: list[str] | None = None,
) -> ProxyRules:
    """The proxies for this run; raises ValueError naming the bad setting or variable.

    With a ``problems`` list, a bad environment variable is reported there and
    ignored instead (the caller did not choose it; a run should not crash on it).
    """
    env = os.environ if environ is None else environ
    no_proxy = tuple(h.strip().lower() for h in settings.no_proxy if h.strip())
    if settings.trust_env:
        no_proxy += _split_list(_env(env, "no_proxy"))
    if settings.proxy:
        p = parse_proxy(settings.proxy, "proxy setting")
        return ProxyRules(http=p, https=p, no_proxy=no_proxy)
    if not settings.trust_env:
        return ProxyRules(no_proxy=no_proxy)
    fallback = _env(env, "all_proxy")
    found: dict[str, Proxy | None] = {}
    for scheme in ("http", "https"):
        value = _env(env, f"{scheme}_proxy") or fallback
        name = f"{scheme}_proxy" if _env(env, f"{scheme}_proxy") else "all_proxy"
        found[scheme] = None
        if value:
            try:
                found[scheme] = parse_proxy(value, f"environment variable {name}")
            except ValueError as e:
                if problems is None:
                    raise
                if f"{e}; ignored" not in problems:
                    problems.append(f"{e}; ignored")
    return ProxyRules(http=found["http"], https=found["https"], no_proxy=no_proxy)


def bypasses_proxy(host: str, port: int, no_proxy: tuple[str, ...]) -> bool:
    """True when ``host`` (ASCII, lower case) is listed in ``no_proxy``."""
    host = host.strip("[]").rstrip(".").lower()
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        ip = None
    for entry in no_proxy:
        if entry == "*":
            return True
        name, want_port = entry, None
        if entry.count(":") == 1 or (entry.startswith("[") and "]:" in entry):
            name, _, p = entry.rpartition(":")
            if p.isdecimal():  # not isdigit(): "²" is a digit int() cannot read
                want_port = int(p)
            else:
                name = entry
        if want_port is not None and want_port != port:
            continue
        name = name.strip("[]").rstrip(".")
        if ip is not None:
            try:
                if ip in ipaddress.ip_network(name, strict=False):
                    return True
            except ValueError:
                pass
            continue
        name = name.lstrip("*").lstrip(".")
        if name and (host == name or host.endswith("." + name)):
            return True
    return False


def ca_bundle(
    settings: HttpSettings,
    environ: Mapping[str, str] | None = None,
    problems: list[str] | None = None,
) -> Path | None:
    """The CA file or directory to verify servers with, or None for the default bundle.

    A missing file raises ValueError; from the environment with a ``problems``
    list, it is reported there and the default bundle is used.
    """
    env = os.environ if environ is None else environ
    if settings.ca_bundle:
        where, value = "ca_bundle setting", settings.ca_bundle
    elif settings.trust_env:
        where, value = next(((n, env[n]) for n in CA_ENV if env.get(n, "").strip()), ("", ""))
        if not value:
            return None
        where = f"environment variable {where}"
    else:
        return None
    path = Path(value.strip()).expanduser()
    reason = None if path.exists() else f"{where}: CA bundle not found: {path}"
    if reason is None and path.is_file():
        try:
            with path.open("rb") as f:
                if b"-----BEGIN CERTIFICATE-----" not in f.read():
                    reason = f"{where}: CA bundle {path} holds no PEM certificate"
        except OSError as e:
            reason = f"{where}: CA bundle {path} cannot be read: {e}"
    if reason is None:
        return path
    if problems is None or settings.ca_bundle:
        raise ValueError(reason)
    problems.append(f"{reason}; the default bundle is used")
    return None
