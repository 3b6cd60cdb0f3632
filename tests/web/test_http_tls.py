"""A custom CA bundle (setting or environment): the farm's self-signed host is refused
by default and trusted once its certificate is the bundle; verification stays on."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from citecheck.codes import LinkStatus
from citecheck.web.http import HttpClient
from citecheck.web.proxies import ca_bundle
from citecheck.web.settings import HttpSettings
from tests.conftest import require
from tests.web.conftest import fast_settings
from tests.web.farm import Farm, FarmHost


@pytest.fixture
def secure(farm: Farm) -> FarmHost:
    require(Farm.can_make_certificates(), "openssl")
    return farm.host(tls=True)


def fetch(url: str, environ: dict[str, str] | None = None, **overrides: object):
    with HttpClient(fast_settings(**overrides), environ=environ or {}) as c:
        return c.fetch(url)


def test_self_signed_refused_by_default(secure: FarmHost) -> None:
    r = fetch(secure.url("/page/tls"))
    assert r.error_kind == LinkStatus.TLS_ERROR and "certificate" in (r.error or "")
    assert r.attempts == 1 and not r.transient


def test_ca_bundle_file_trusts_the_host(secure: FarmHost, farm: Farm) -> None:
    r = fetch(secure.url("/page/tls"), ca_bundle=str(farm.cert_path))
    assert r.status == 200 and b"Makale tls" in r.body
    # The bundle replaces the default one, and the host name is still checked:
    # the certificate names 127.0.0.1 and localhost, not 127.0.0.2.
    other = farm.host("127.0.0.2", tls=True)
    wrong = fetch(other.url("/page/tls"), ca_bundle=str(farm.cert_path))
    assert wrong.error_kind == LinkStatus.TLS_ERROR


def test_ca_bundle_directory(secure: FarmHost, farm: Farm, tmp_path: Path) -> None:
    out = subprocess.run(
        ["openssl", "x509", "-hash", "-noout", "-in", str(farm.cert_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    shutil.copy(farm.cert_path, tmp_path / f"{out.stdout.strip()}.0")  # c_rehash layout
    assert fetch(secure.url("/page/d"), ca_bundle=str(tmp_path)).status == 200


@pytest.mark.parametrize("variable", ["REQUESTS_CA_BUNDLE", "SSL_CERT_FILE"])
def test_ca_bundle_from_the_environment(secure: FarmHost, farm: Farm, variable: str) -> None:
    env = {variable: str(farm.cert_path)}
    assert fetch(secure.url("/page/e"), environ=env, trust_env=True).status == 200
    ignored = fetch(secure.url("/page/e"), environ=env, trust_env=False)
    assert ignored.error_kind == LinkStatus.TLS_ERROR


def test_the_setting_wins_over_the_environment(secure: FarmHost, farm: Farm) -> None:
    env = {"REQUESTS_CA_BUNDLE": "/nonexistent/bundle.pem"}
    r = fetch(secure.url("/page/s"), environ=env, trust_env=True, ca_bundle=str(farm.cert_path))
    assert r.status == 200


def test_bad_bundles_are_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not found"):
        HttpClient(fast_settings(ca_bundle=str(tmp_path / "missing.pem")), environ={})
    junk = tmp_path / "junk.pem"
    junk.write_text("not a certificate")
    with pytest.raises(ValueError, match="no PEM certificate"):
        HttpClient(fast_settings(ca_bundle=str(junk)), environ={})


def test_bad_bundle_variables_are_reported_and_ignored(secure: FarmHost, tmp_path: Path) -> None:
    junk = tmp_path / "junk.pem"
    junk.write_text("not a certificate")
    for value in ("/no/such/bundle.pem", str(junk)):
        env = {"REQUESTS_CA_BUNDLE": value}
        with HttpClient(fast_settings(trust_env=True), environ=env) as c:
            assert len(c.problems) == 1 and "REQUESTS_CA_BUNDLE" in c.problems[0]
            r = c.fetch(secure.url("/page/b"))  # the default bundle: self-signed refused
        assert r.error_kind == LinkStatus.TLS_ERROR


def test_ca_bundle_lookup_order(tmp_path: Path) -> None:
    a, b = tmp_path / "a.pem", tmp_path / "b.pem"
    for path in (a, b):
        path.write_text("-----BEGIN CERTIFICATE-----\n")  # only the marker is checked here
    env = {"SSL_CERT_FILE": str(b), "REQUESTS_CA_BUNDLE": str(a)}
    assert ca_bundle(HttpSettings(trust_env=True), env) == a
    assert ca_bundle(HttpSettings(trust_env=True), {"SSL_CERT_FILE": str(b)}) == b
    assert ca_bundle(HttpSettings(trust_env=False), env) is None
    assert ca_bundle(HttpSettings(trust_env=True), {}) is None
