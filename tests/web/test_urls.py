"""IRI/IDN encoding, validation, normalization and the address check (no network)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.web.urls import (
    UrlError,
    host_key,
    normalize_url,
    parse_networks,
    refusal_reason,
    to_uri,
    validate_url,
)

AVIM_IRI = (
    "https://avimbulten.org/Blog/TURKIYE-VE-ORTA-ASYA-TÜRK-DEVLETLERİ-ARASINDA-"
    "KRİTİK-MİNERALLER-İŞBİRLİĞİ"
)


def test_turkish_path_is_utf8_percent_encoded() -> None:
    uri = to_uri(AVIM_IRI)
    assert uri.isascii()
    assert "-T%C3%9CRK-DEVLETLER%C4%B0-" in uri  # Ü = C3 9C, İ = C4 B0
    assert uri.endswith("%C4%B0%C5%9EB%C4%B0RL%C4%B0%C4%9E%C4%B0")  # İŞBİRLİĞİ


def test_turkish_query_and_fragment_are_encoded() -> None:
    uri = to_uri("https://avim.org.tr/Arama?q=Türkçe kaynak".replace(" ", "+") + "#bölüm")
    assert uri == "https://avim.org.tr/Arama?q=T%C3%BCrk%C3%A7e+kaynak#b%C3%B6l%C3%BCm"


def test_encoding_is_idempotent_and_keeps_escapes() -> None:
    once = to_uri(AVIM_IRI)
    assert to_uri(once) == once
    assert to_uri("http://a.com/x%2Fy?a=%C3%BC") == "http://a.com/x%2Fy?a=%C3%BC"


def test_stray_percent_is_escaped() -> None:
    assert to_uri("http://a.com/100%-yerli") == "http://a.com/100%25-yerli"


def test_idn_host_becomes_punycode() -> None:
    assert to_uri("https://türkiye.gov.tr/ÇAĞ") == "https://xn--trkiye-3ya.gov.tr/%C3%87A%C4%9E"
    # Dotted capital İ maps per UTS-46 and still yields a valid ASCII name.
    assert to_uri("http://İSTANBUL.example/").startswith("http://xn--")


def test_host_is_lowercased_and_empty_path_gets_slash() -> None:
    assert to_uri("HTTPS://AVIM.ORG.TR") == "https://avim.org.tr/"


@pytest.mark.parametrize(
    ("url", "reason_part"),
    [
        ("htp:/x", "scheme htp"),
        ("http:/x", "must be followed by //"),
        ("http://exa mple.com/", "space"),
        ("http://example.com/a b", "space"),
        ("javascript:alert(1)", "scheme javascript"),
        ("mailto:info@avim.org.tr", "scheme mailto"),
        ("ftp://example.com/file", "scheme ftp"),
        ("http://", "no host"),
        ("http:///path", "no host"),
        ("//example.com/x", "no scheme"),
        ("www.avim.org.tr", "no scheme"),
        ("", "empty"),
        ("   ", "empty"),
        ("http://example.com:99999/", "port"),
        ("http://example.com:0/", "port 0"),
        ("http://exa<mple.com/", "invalid host"),
        ("http://-bad-.com/", "invalid host"),
        ("http://example.com/\x00", "control"),
    ],
)
def test_invalid_urls_have_a_reason(url: str, reason_part: str) -> None:
    reason = validate_url(url)
    assert reason is not None and reason_part in reason
    with pytest.raises(UrlError):
        to_uri(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://avim.org.tr/tr/Yorum/X",
        " https://avim.org.tr/ ",  # surrounding blanks of a pasted URL are dropped
        "http://127.0.0.1:8080/x",
        "http://[::1]/x",
        AVIM_IRI,
        "https://doi.org/10.5281/zenodo.7827403",
    ],
)
def test_valid_urls(url: str) -> None:
    assert validate_url(url) is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTP://Example.COM:80/a", "http://example.com/a"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        ("https://example.com/a#section-2", "https://example.com/a"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com/a/", "https://example.com/a/"),  # trailing slash kept
        ("https://example.com/a/./b/../c", "https://example.com/a/c"),
        ("https://example.com/%7euser/%c3%bc", "https://example.com/~user/%C3%BC"),
        (
            "https://example.com/p?utm_source=tw&id=5&utm_medium=social&fbclid=abc&x=1",
            "https://example.com/p?id=5&x=1",
        ),
        ("https://example.com/p?b=2&a=1", "https://example.com/p?b=2&a=1"),  # order kept
        ("https://example.com/p?gclid=1&mc_cid=2&mc_eid=3&UTM_Campaign=4", "https://example.com/p"),
        ("https://example.com/p?", "https://example.com/p"),
        ("https://türkiye.gov.tr/", "https://xn--trkiye-3ya.gov.tr/"),
    ],
)
def test_normalize(url: str, expected: str) -> None:
    assert normalize_url(url) == expected


def test_normalize_keeps_scheme_and_www_apart() -> None:
    keys = {normalize_url(u) for u in ("http://a.com/", "https://a.com/", "https://www.a.com/")}
    assert len(keys) == 3


def test_normalize_same_resource_same_key() -> None:
    variants = [
        AVIM_IRI,
        to_uri(AVIM_IRI),
        AVIM_IRI.replace("https://avimbulten.org", "HTTPS://AvimBulten.org:443") + "#notes",
        AVIM_IRI + "?utm_source=newsletter",
    ]
    assert len({normalize_url(v) for v in variants}) == 1


def test_normalize_invalid_url_returns_it_stripped() -> None:
    assert normalize_url("  javascript:void(0) ") == "javascript:void(0)"


def test_host_key() -> None:
    assert host_key("https://AVIM.org.tr:8443/x") == "avim.org.tr"
    assert host_key("not a url") == ""


@pytest.mark.parametrize(
    ("address", "word"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),  # cloud metadata endpoint
        ("224.0.0.251", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "not a globally routable"),  # carrier-grade NAT
        ("::1", "loopback"),
        ("::", "unspecified"),
        ("fe80::1", "link-local"),
        ("fc00::1", "private"),
        ("ff02::1", "multicast"),
        ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped IPv6
        ("::ffff:10.0.0.1", "private"),
        ("2002:7f00:1::1", "loopback"),  # 6to4 wrapping 127.0.0.1
    ],
)
def test_refused_addresses(address: str, word: str) -> None:
    reason = refusal_reason(address)
    assert reason is not None and word in reason


@pytest.mark.parametrize("address", ["8.8.8.8", "185.15.59.224", "2606:4700::1111"])
def test_public_addresses_pass(address: str) -> None:
    assert refusal_reason(address) is None


def test_allowed_networks_override() -> None:
    nets = parse_networks(("10.0.0.0/8",))
    assert refusal_reason("10.2.3.4", nets) is None
    assert refusal_reason("192.168.0.1", nets) is not None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_arbitrary_text_never_crashes(text: str) -> None:
    reason = validate_url(text)
    norm = normalize_url(text)
    assert isinstance(norm, str)
    if reason is None:
        uri = to_uri(text)
        assert uri.isascii()
        assert normalize_url(norm) == norm  # normalization is idempotent
    else:
        with pytest.raises(UrlError):
            to_uri(text)


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet="abcçğıİöşüÇĞÖŞÜ/%?&=#-_.~ 0123456789", max_size=40),
)
def test_arbitrary_paths_encode_to_ascii(path: str) -> None:
    url = "https://avimbulten.org/" + path
    if validate_url(url) is None:
        uri = to_uri(url)
        assert uri.isascii() and to_uri(uri) == uri


def test_public_names_of_the_web_package() -> None:
    import citecheck.web as web

    assert web.__all__ == [
        "Exchange",
        "FetchError",
        "FetchResult",
        "HttpClient",
        "HttpSettings",
        "normalize_url",
        "to_uri",
        "validate_url",
    ]
    for name in web.__all__:
        assert getattr(web, name) is not None
    with pytest.raises(AttributeError):
        _ = web.NoSuchThing
