"""URLs as cited → URLs the network understands; de-duplication keys; address checks.

- :func:`to_uri` encodes an IRI: Turkish letters in paths and queries become
  UTF-8 percent escapes (``…-TÜRK-DEVLETLERİ-…`` → ``…-T%C3%9CRK-DEVLETLER%C4%B0-…``),
  international host names become punycode (``türkiye.gov.tr`` → ``xn--trkiye-3ya.gov.tr``).
- :func:`validate_url` says why a cited URL cannot be fetched at all.
- :func:`normalize_url` gives the key under which the same resource is fetched once.
- :func:`refusal_reason` says why an IP address must not be connected to
  (private, loopback, link-local, ... — server-side request forgery guard).
"""

from __future__ import annotations

import functools
import ipaddress
import re
from urllib.parse import quote, urlsplit, urlunsplit

import idna

ALLOWED_SCHEMES = frozenset({"http", "https"})
DEFAULT_PORTS = {"http": 80, "https": 443}
MAX_URL_LENGTH = 8192  # longer than any server accepts (most stop at 8 KiB)

# Characters left as they are when percent-encoding each part (RFC 3986 reserved +
# unreserved + "%"; stray "%" not followed by two hex digits is fixed separately).
_PATH_SAFE = "/%:@!$&'()*+,;=-._~"
_QUERY_SAFE = "/%:@!$&'()*+,;=-._~?"
_STRAY_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_PERCENT_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SPACE = re.compile(r"\s")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_HOST_LABEL = re.compile(r"^(?!-)[a-z0-9_-]{1,63}(?<!-)$")

# Query parameters that only track the click (analytics, ads, newsletters):
# dropped from the de-duplication key. Matched case-insensitively; "utm_" is a prefix.
TRACKING_PREFIXES = ("utm_",)
TRACKING_PARAMS = frozenset(
    {
        "fbclid",  # Facebook
        "gclid",  # Google Ads
        "gclsrc",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",  # Microsoft Ads
        "mc_cid",  # Mailchimp
        "mc_eid",
        "yclid",  # Yandex
        "igshid",  # Instagram
        "twclid",  # X/Twitter ads
        "ttclid",  # TikTok
        "li_fat_id",  # LinkedIn
        "mkt_tok",  # Marketo
        "_hsenc",  # HubSpot
        "_hsmi",
        "_ga",  # Google Analytics cross-domain
        "_gl",
        "oly_anon_id",  # Omeda
        "oly_enc_id",
        "vero_id",
        "rb_clickid",
        "s_cid",  # Adobe
        "ref_src",  # twitter.com share links
        "ref_url",
    }
)


class UrlError(ValueError):
    """A cited URL that cannot be turned into a fetchable URI."""


def _encode_host(host: str) -> str:
    """Lower-case ASCII host; IDN labels to punycode (IDNA 2008 with UTS-46 mapping)."""
    host = host.rstrip(".")
    if not host:
        raise UrlError("no host")
    if host.startswith("[") and host.endswith("]"):
        try:
            return "[" + str(ipaddress.IPv6Address(host[1:-1].split("%")[0])) + "]"
        except ValueError as e:
            raise UrlError(f"bad IPv6 address {host!r}") from e
    if host.isascii():
        return host.lower()
    try:
        return idna.encode(host, uts46=True).decode("ascii")
    except idna.IDNAError:
        try:  # IDNA 2003 (Python's codec) accepts some names IDNA 2008 refuses
            return host.encode("idna").decode("ascii").lower()
        except UnicodeError as e:
            raise UrlError(f"host {host!r} is not a valid international name") from e


def _quote_part(text: str, safe: str) -> str:
    return quote(_STRAY_PERCENT.sub("%25", text), safe=safe, encoding="utf-8")


def _split(url: str) -> tuple[str, str, str, str, str, str, int | None]:
    """(scheme, userinfo, host, path, query, fragment, port) of an IRI; raises UrlError."""
    if not isinstance(url, str):
        raise UrlError("not a string")
    url = url.strip()
    reason = validate_url(url)
    if reason:
        raise UrlError(reason)
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError as e:
        raise UrlError(f"bad port: {e}") from e
    netloc = parts.netloc
    userinfo = netloc.rpartition("@")[0] if "@" in netloc else ""
    hostport = netloc.rpartition("@")[2]
    if hostport.startswith("["):
        host = hostport[: hostport.index("]") + 1]
    else:
        host = hostport.rsplit(":", 1)[0] if ":" in hostport else hostport
    return parts.scheme.lower(), userinfo, host, parts.path, parts.query, parts.fragment, port


def validate_url(url: str) -> str | None:
    """Why ``url`` cannot be fetched (one line), or None when it can be tried."""
    if not isinstance(url, str) or not url.strip():
        return "empty URL"
    url = url.strip()
    if len(url) > MAX_URL_LENGTH:
        return f"URL longer than {MAX_URL_LENGTH} characters"
    if _CONTROL.search(url):
        return "URL contains control characters"
    if _SPACE.search(url):
        # In exported footnotes a space inside a URL means it was broken across lines.
        return "URL contains a space"
    m = _SCHEME.match(url)
    if not m:
        return "no scheme (http:// or https://)"
    scheme = m.group(1).lower()
    if scheme not in ALLOWED_SCHEMES:
        return f"scheme {scheme}: is not fetched (only http and https)"
    if not url[m.end() :].startswith("//"):
        return f"malformed URL: {scheme}: must be followed by //"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as e:
        return "bad port (must be 1-65535)" if "port" in str(e).lower() else f"malformed URL: {e}"
    if port == 0:
        return "bad port 0"
    host = parts.hostname or ""
    if not host:
        return "no host"
    if "%" in host and not host.startswith("["):
        return "percent sign in host name"
    if not host.startswith("[") and not _is_ip(host):
        try:
            ascii_host = _encode_host(host)
        except UrlError as e:
            return str(e)
        labels = ascii_host.rstrip(".").split(".")
        if not all(_HOST_LABEL.match(label) for label in labels):
            return f"invalid host name {host!r}"
    return None


def _is_ip(host: str) -> bool:
    if not (host[:1].isdigit() or ":" in host):
        return False  # IPv4 literals start with a digit, IPv6 ones hold a colon
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def to_uri(url: str) -> str:
    """Encode an IRI as an ASCII URI; raises :class:`UrlError` (with the reason) if invalid.

    Existing percent escapes are kept, so encoding twice changes nothing.
    """
    if not isinstance(url, str):
        raise UrlError("not a string")
    return _to_uri(url)


# A run encodes each URL several times (de-duplication key, fetch, redirect checks);
# the size bounds the memory whatever the number of URLs.
@functools.lru_cache(maxsize=4096)
def _to_uri(url: str) -> str:
    scheme, userinfo, host, path, query, fragment, port = _split(url)
    netloc = _encode_host(host)
    if port is not None:
        netloc = f"{netloc}:{port}"
    if userinfo:
        netloc = _quote_part(userinfo, "%:!$&'()*+,;=-._~") + "@" + netloc
    return urlunsplit(
        (
            scheme,
            netloc,
            _quote_part(path, _PATH_SAFE) or "/",
            _quote_part(query, _QUERY_SAFE),
            _quote_part(fragment, _QUERY_SAFE),
        )
    )


def _normalize_escapes(text: str) -> str:
    """Upper-case hex in escapes; decode escapes of unreserved characters (RFC 3986 6.2.2)."""

    def fix(m: re.Match[str]) -> str:
        char = chr(int(m.group(1), 16))
        return char if char in _UNRESERVED else "%" + m.group(1).upper()

    return _PERCENT_ESCAPE.sub(fix, text)


def _remove_dot_segments(path: str) -> str:
    """RFC 3986 5.2.4: ``/a/./b/../c`` → ``/a/c``."""
    if "." not in path:
        return path
    out: list[str] = []
    for seg in path.split("/"):
        if seg == "..":
            if len(out) > 1:
                out.pop()
        elif seg != ".":
            out.append(seg)
    result = "/".join(out)
    if path.endswith(("/.", "/..")):
        result += "/"
    return result if result.startswith("/") else "/" + result


def is_tracking_param(name: str) -> bool:
    low = name.lower()
    return low in TRACKING_PARAMS or low.startswith(TRACKING_PREFIXES)


def normalize_url(url: str) -> str:
    """The key under which one resource is fetched once.

    Scheme and host lower-case, IDN → punycode, default port dropped, fragment
    dropped, tracking parameters (``utm_*``, ``fbclid``, ``gclid``, ``mc_cid``, …)
    removed, the other parameters kept in their order (order can matter to the
    server), percent escapes in one spelling, dot segments removed, an empty path
    becomes ``/``. A trailing slash is KEPT: ``/a`` and ``/a/`` are different
    resources to many servers. ``http`` and ``https`` stay different, as do
    ``www.`` and bare hosts. A URL that is not valid is returned stripped, as is.
    """
    try:
        uri = to_uri(url)
    except UrlError:
        return url.strip() if isinstance(url, str) else ""
    parts = urlsplit(uri)
    scheme = parts.scheme
    host = parts.hostname or ""
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host
    if parts.port is not None and parts.port != DEFAULT_PORTS.get(scheme):
        netloc = f"{host}:{parts.port}"
    if "@" in parts.netloc:
        netloc = parts.netloc.rpartition("@")[0] + "@" + netloc
    path = _remove_dot_segments(_normalize_escapes(parts.path)) or "/"
    kept = [
        p
        for p in parts.query.split("&")
        if p and not is_tracking_param(_normalize_escapes(p.split("=", 1)[0]))
    ]
    query = _normalize_escapes("&".join(kept))
    return urlunsplit((scheme, netloc, path, query, ""))


def host_key(url: str) -> str:
    """The politeness key of a URL: its lower-case host (all ports of a host share it)."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def refusal_reason(
    address: str, allowed: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()
) -> str | None:
    """Why connecting to ``address`` is refused (private, loopback, ...), or None if public."""
    try:
        ip = ipaddress.ip_address(address.split("%")[0])
    except ValueError:
        return f"not an IP address: {address!r}"
    if any(ip.version == net.version and ip in net for net in allowed):
        return None
    if isinstance(ip, ipaddress.IPv6Address):
        # An IPv4 address wrapped in IPv6 reaches the same host: judge the inner one.
        inner = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if inner is not None:
            reason = refusal_reason(str(inner), allowed)
            if reason:
                return f"{reason} (inside {ip})"
    checks = (
        ("an unspecified address", ip.is_unspecified),
        ("a loopback address", ip.is_loopback),
        ("a link-local address", ip.is_link_local),
        ("a multicast address", ip.is_multicast),
        ("a reserved address", ip.is_reserved),
        ("a private address", ip.is_private),
        ("a site-local address", getattr(ip, "is_site_local", False)),
        ("not a globally routable address", not ip.is_global),
    )
    for phrase, hit in checks:
        if hit:
            return f"{ip} is {phrase}"
    return None


def parse_networks(
    cidrs: tuple[str, ...],
) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return tuple(ipaddress.ip_network(c, strict=False) for c in cidrs)
