"""The hub client's network path for real: a live hub, a real counting HTTP proxy (tests/counting_proxy.py)
and Windows Internet Options fed as a registry-shaped dict; a hub over TLS with a private CA that the
system store does not know (truststore) and with ``LVYUE_SYNC_CA_FILE``."""

from __future__ import annotations

import datetime as dt
import ipaddress
import os

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from app.domain.errors import DomainError
from app.messages import describe
from app.services import sync
from app.sync import proxies, transport
from app.sync.transport import HubClient
from tests.counting_proxy import CountingProxy
from tests.sync_fixtures import COUNTY_A, LiveHub, device

pytest_plugins = ("tests.sync_fixtures",)  # hub, memory_keyring


@pytest.fixture
def no_proxy_env(monkeypatch):
    for name in list(os.environ):
        if name.lower().endswith("_proxy"):
            monkeypatch.delenv(name)


@pytest.fixture
def counting_proxy():
    with CountingProxy() as proxy:
        yield proxy


def windows_settings(monkeypatch, proxy: CountingProxy, override: str) -> None:
    values = {"ProxyEnable": 1, "ProxyServer": proxy.address, "ProxyOverride": override}
    monkeypatch.setattr(proxies, "read_registry", lambda: values)


def test_a_hub_in_the_bypass_list_goes_direct_and_one_outside_goes_through_the_proxy(
        hub, tmp_path, monkeypatch, no_proxy_env, counting_proxy):
    a = device(hub, tmp_path / "sb", COUNTY_A)  # enrolled while no proxy is configured
    windows_settings(monkeypatch, counting_proxy, "<local>;127.0.0.*;*.gov.cn")
    assert sync.status(a.profile).route == "直连（Windows 代理设置）"
    a.sync()
    assert counting_proxy.total == 0

    windows_settings(monkeypatch, counting_proxy, "<local>;*.gov.cn")  # the hub's address is not listed
    assert sync.status(a.profile).route == f"经代理 {counting_proxy.url}（Windows 代理设置）"
    report = a.sync()
    assert report.pulled == 0
    assert counting_proxy.requests["GET"] >= 2  # meta, events, reference… all through the proxy
    assert all(target.startswith(hub.url + "/v1/") for target in counting_proxy.targets)


def test_the_profile_setting_wins_over_windows_settings(hub, tmp_path, monkeypatch, no_proxy_env, counting_proxy):
    a = device(hub, tmp_path / "sb", COUNTY_A)
    windows_settings(monkeypatch, counting_proxy, "")  # Windows would send everything to the proxy
    assert sync.set_proxy(a.profile, "直连") == "direct"
    a.sync()
    assert counting_proxy.total == 0
    assert sync.status(a.profile).route == "直连（本档案设置）"

    monkeypatch.setattr(proxies, "read_registry", dict)  # Windows says direct; the setting names the proxy
    sync.set_proxy(a.profile, counting_proxy.address)
    a.sync()
    assert counting_proxy.requests["GET"] >= 2
    with pytest.raises(DomainError) as refused:
        sync.set_proxy(a.profile, "socks5://10.1.1.1:1080")
    assert refused.value.code == "hub_proxy_invalid"
    assert sync.status(a.profile).proxy_setting == counting_proxy.url  # the wrong entry changed nothing


def test_a_dead_proxy_is_named_in_the_message(hub, tmp_path, no_proxy_env):
    a = device(hub, tmp_path / "sb", COUNTY_A)
    dead = CountingProxy()  # bound, then closed: nothing listens on its port any more
    dead._server.server_close()
    sync.set_proxy(a.profile, dead.url)
    with pytest.raises(DomainError) as failed:
        a.sync()
    assert failed.value.code == "hub_proxy_failed" and sync.is_transient(failed.value)
    assert dead.url in describe(failed.value) and "直连" in describe(failed.value)


# ---- TLS -------------------------------------------------------------------------------------------
def _certificates(folder):
    """A private CA (not in any system store) and a server certificate for localhost / 127.0.0.1."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "楚雄州测试根证书")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(hours=1))
          .not_valid_after(now + dt.timedelta(days=2))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                                       data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                       crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    server = (x509.CertificateBuilder()
              .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
              .issuer_name(ca_name).public_key(key.public_key()).serial_number(x509.random_serial_number())
              .not_valid_before(now - dt.timedelta(hours=1)).not_valid_after(now + dt.timedelta(days=1))
              .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                          x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                             critical=False)
              .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
              .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
              .sign(ca_key, hashes.SHA256()))
    paths = folder / "ca.pem", folder / "hub.pem", folder / "hub.key"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(server.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return paths


@pytest.fixture
def fresh_tls(monkeypatch):
    monkeypatch.delenv("LVYUE_SYNC_CA_FILE", raising=False)
    transport._tls.cache_clear()
    yield monkeypatch
    transport._tls.cache_clear()


def test_a_hub_with_a_private_ca_is_refused_in_chinese_until_the_ca_is_given(tmp_path, fresh_tls, no_proxy_env):
    ca, cert, key = _certificates(tmp_path)
    live = LiveHub(tmp_path / "hub-data").serve_tls(cert, key).start()
    try:
        with HubClient(live.url, retries=False) as client, pytest.raises(DomainError) as refused:
            client.meta()
        assert refused.value.code == "hub_certificate_untrusted"
        assert not sync.is_transient(refused.value)  # trying later does not help: the administrator must act
        text = describe(refused.value)
        assert "证书" in text and "LVYUE_SYNC_CA_FILE" in text and "certificate" in text.lower()

        fresh_tls.setenv("LVYUE_SYNC_CA_FILE", str(ca))
        transport._tls.cache_clear()
        with HubClient(live.url, retries=False) as client:
            assert client.meta().protocol_version >= 1
    finally:
        live.stop()
