"""Proxy resolution per hub URL (app.sync.proxies): the Windows Internet Options read from a
registry-shaped dict (ProxyEnable / ProxyServer / ProxyOverride as WinINET stores them), the
environment by httpx's rules, and the profile's own setting winning over both."""

from __future__ import annotations

import pytest

from app.domain.errors import DomainError
from app.messages import describe
from app.sync import proxies
from app.sync.transport import HubClient

OVERRIDE = "<local>;*.gov.cn;192.168.*"
PER_PROTOCOL = {"ProxyEnable": 1, "ProxyServer": "http=10.1.1.1:8080;https=10.1.1.1:8080", "ProxyOverride": OVERRIDE}
SINGLE = {"ProxyEnable": 1, "ProxyServer": "10.1.1.1:8080", "ProxyOverride": OVERRIDE}
PROXY = "http://10.1.1.1:8080"


def route(url: str, values: dict, setting: str = "system", environ: dict | None = None) -> proxies.Route:
    return proxies.resolve(url, setting, environ=environ or {}, registry=lambda: values)


@pytest.mark.parametrize("values", [PER_PROTOCOL, SINGLE], ids=["per-protocol", "single-server"])
@pytest.mark.parametrize(("url", "expected"), [
    ("https://hub.cx.gov.cn", None),  # *.gov.cn
    ("https://HUB.CX.GOV.CN:8443", None),  # Windows ignores case
    ("https://hub.example.com", PROXY),
    ("http://hubserver", None),  # no dot: <local>
    ("http://hubserver:8000", None),
    ("http://192.168.1.5", None),  # 192.168.*
    ("http://192.168.1.5:8000", None),
    ("http://10.2.3.4", PROXY),
    ("https://gov.cn.example.com", PROXY),  # a wildcard is not a substring
])
def test_windows_settings_with_their_bypass_list(values, url, expected):
    resolved = route(url, values)
    assert resolved.proxy == expected
    assert resolved.source == "registry"
    assert resolved.describe() == (f"经代理 {PROXY}（Windows 代理设置）" if expected else "直连（Windows 代理设置）")


def test_windows_settings_switched_off_or_absent_mean_direct():
    assert route("https://hub.example.com", {**SINGLE, "ProxyEnable": 0}) == proxies.Route(None, "none")
    assert route("https://hub.example.com", {}) == proxies.Route(None, "none")
    no_override = {"ProxyEnable": 1, "ProxyServer": "10.1.1.1:8080"}
    assert route("http://hubserver", no_override).proxy == PROXY  # without <local>, a short name goes via the proxy


def test_a_per_protocol_list_without_https_sends_https_direct():
    values = {"ProxyEnable": 1, "ProxyServer": "http=10.1.1.1:8080"}
    assert route("https://hub.example.com", values).proxy is None
    assert route("http://hub.example.com", values).proxy == PROXY


def test_a_socks_only_windows_proxy_is_refused_in_chinese():
    with pytest.raises(DomainError) as refused:
        route("https://hub.example.com", {"ProxyEnable": 1, "ProxyServer": "socks=10.1.1.1:1080"})
    assert refused.value.code == "hub_proxy_unsupported"
    assert "SOCKS" in describe(refused.value) and "直连" in describe(refused.value)


def test_the_environment_comes_before_the_registry_with_httpx_rules():
    env = {"HTTPS_PROXY": "http://proxy.corp:3128", "NO_PROXY": "cx.gov.cn,192.168.1.5"}
    assert route("https://hub.example.com", SINGLE, environ=env) == proxies.Route("http://proxy.corp:3128",
                                                                                   "environment")
    assert route("https://lvyue.cx.gov.cn", SINGLE, environ=env) == proxies.Route(None, "environment")
    assert route("https://cx.gov.cn", SINGLE, environ=env).proxy is None
    assert route("http://192.168.1.5:8000", SINGLE, environ=env).proxy is None
    assert route("http://hub.example.com", SINGLE, environ=env).proxy is None  # only HTTPS_PROXY given
    assert route("https://hub.example.com", SINGLE, environ={**env, "NO_PROXY": "*"}).proxy is None
    assert route("https://hub.example.com", SINGLE, environ={"https_proxy": "proxy.corp:3128"}).proxy \
        == "http://proxy.corp:3128"
    local = {**env, "NO_PROXY": "LocalHost"}  # httpx's rule: localhost (any case) is that host only
    assert route("https://localhost:8443", SINGLE, environ=local).proxy is None
    assert route("https://hub.localhost", SINGLE, environ=local).proxy == "http://proxy.corp:3128"


def test_the_profile_setting_wins_over_environment_and_registry():
    env = {"HTTPS_PROXY": "http://proxy.corp:3128"}
    assert route("https://hub.example.com", SINGLE, "直连", env) == proxies.Route(None, "setting")
    assert route("https://hub.example.com", SINGLE, "direct", env).describe() == "直连（本档案设置）"
    chosen = route("https://hub.cx.gov.cn", SINGLE, "http://10.9.9.9:3128", env)
    assert chosen == proxies.Route("http://10.9.9.9:3128", "setting")
    assert chosen.describe() == "经代理 http://10.9.9.9:3128（本档案设置）"


@pytest.mark.parametrize(("entry", "stored"), [
    ("", "system"), ("系统设置", "system"), (" System ", "system"), ("直连", "direct"), ("DIRECT", "direct"),
    ("10.1.1.1:8080", "http://10.1.1.1:8080"), ("http://proxy.corp:3128/", "http://proxy.corp:3128"),
    ("https://u:p@proxy.corp:443", "https://u:p@proxy.corp:443"),
])
def test_setting_entries(entry, stored):
    assert proxies.parse_setting(entry) == stored


@pytest.mark.parametrize("entry", ["socks5://10.1.1.1:1080", "http://", "10.1.1.1:80x", "http://a b:1",
                                   "http://proxy/path", "ftp://proxy:21", "10.1.1.1:", "http://proxy.corp:/"])
def test_wrong_setting_entries_are_refused_in_chinese(entry):
    with pytest.raises(DomainError) as refused:
        proxies.parse_setting(entry)
    assert refused.value.code == "hub_proxy_invalid"
    assert "直连" in describe(refused.value)


def test_a_password_in_the_proxy_is_not_shown():
    shown = proxies.Route("http://user:secret@10.1.1.1:8080", "setting").describe()
    assert "secret" not in shown and "user:***@10.1.1.1:8080" in shown


def test_the_client_is_built_with_the_resolved_proxy_and_ignores_the_environment(monkeypatch):
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.corp:3128")
    monkeypatch.setattr(proxies, "read_registry", lambda: SINGLE)
    with HubClient("https://hub.cx.gov.cn", proxy_setting="direct") as client:
        assert client.route == proxies.Route(None, "setting")
        assert client._http._trust_env is False
        assert client._http._transport_for_url(client._http.base_url) is client._http._transport
    with HubClient("https://hub.example.com") as client:
        assert client.route == proxies.Route("http://proxy.corp:3128", "environment")
        assert client._http._transport_for_url(client._http.base_url) is not client._http._transport


def test_windows_settings_switched_on_without_a_server_mean_direct():
    assert proxies.registry_proxies({"ProxyEnable": 1, "ProxyServer": ""}) == {}
    assert proxies.registry_proxies({"ProxyEnable": 1}) == {}


class _FakeKey:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class _FakeWinreg:
    """The two calls ``read_registry`` makes, over a dict keyed by (hive, path); a missing key or value raises
    ``OSError`` (``FileNotFoundError``) as the real module does."""
    HKEY_CURRENT_USER, HKEY_LOCAL_MACHINE = "HKCU", "HKLM"

    def __init__(self, keys):
        self.keys = keys

    def OpenKey(self, hive, path):  # winreg's own names
        if (hive, path) not in self.keys:
            raise FileNotFoundError(path)
        key = _FakeKey()
        key.values = self.keys[(hive, path)]
        return key

    def QueryValueEx(self, key, name):
        if name not in key.values:
            raise FileNotFoundError(name)
        return key.values[name], 1


def test_the_registry_is_read_from_the_current_users_internet_options(monkeypatch):
    import sys

    settings = {"ProxyEnable": 1, "ProxyServer": "10.1.1.1:8080"}  # no ProxyOverride: left out, not an error
    fake = _FakeWinreg({("HKCU", proxies.INTERNET_SETTINGS): settings,
                        ("HKLM", proxies.INTERNET_SETTINGS): {"ProxyEnable": 1, "ProxyServer": "machine:1"}})
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setitem(sys.modules, "winreg", fake)
    assert proxies.read_registry() == settings
    fake.keys.clear()  # no Internet Options at all (a locked-down account): direct
    assert proxies.read_registry() == {}


def test_a_per_protocol_entry_that_names_its_scheme_keeps_it():
    values = {"ProxyEnable": 1, "ProxyServer": "http=http://10.1.1.1:8080;https=https://10.1.1.2:8443"}
    assert proxies.registry_proxies(values) == {"http": "http://10.1.1.1:8080", "https": "https://10.1.1.2:8443"}
