"""Which proxy the hub client uses, chosen once per hub URL the way Windows chooses it.

In this order:

1. the profile's hub proxy setting (``sync.proxy``): ``direct`` (直连), a proxy URL, or ``system``
   (系统设置, the default) for the two below;
2. the environment: ``HTTPS_PROXY`` / ``HTTP_PROXY`` / ``ALL_PROXY`` with ``NO_PROXY``, by httpx's rules;
3. on Windows, the Internet Options (WinINET) settings in the registry: ``ProxyEnable``, ``ProxyServer``
   (``host:port`` for every protocol, or ``http=…;https=…``) and the bypass list ``ProxyOverride``
   (``<local>`` = host names without a dot, wildcards such as ``*.gov.cn`` or ``192.168.*``).

httpx on its own reads the registry's proxy but not its bypass list, so an intranet hub listed there
would be sent to the internet proxy: the client is built with the resolved ``proxy`` and
``trust_env=False``. The registry values are read by an injectable function, so the rules are tested on
Linux with registry-shaped dicts; they follow CPython's ``urllib.request.getproxies_registry`` and
``_proxy_bypass_winreg_override`` (3.13), except that the wildcard match ignores case, as Windows does.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Any
from urllib.parse import urlsplit

import httpx
from httpx._utils import (  # NO_PROXY means what it means in httpx
    URLPattern,
    is_ipv4_hostname,
    is_ipv6_hostname,
)

from app.domain.errors import DomainError

DIRECT, SYSTEM = "direct", "system"
DIRECT_WORDS = {"direct", "none", "直连", "不使用代理"}
SYSTEM_WORDS = {"", "system", "系统设置", "系统"}
INTERNET_SETTINGS = r"Software\Microsoft\Windows\CurrentVersion\Internet Settings"

RegistryReader = Callable[[], Mapping[str, Any]]


@dataclass(frozen=True)
class Route:
    """``proxy`` None = direct; ``source``: setting, environment, registry or none (nothing configured)."""

    proxy: str | None
    source: str

    def describe(self) -> str:
        """For the sync log and ``sync --status``: ``经代理 http://10.1.1.1:8080`` or ``直连``."""
        where = {"setting": "本档案设置", "environment": "环境变量", "registry": "Windows 代理设置"}.get(self.source)
        if self.proxy is None:
            return f"直连（{where}）" if where else "直连"
        return f"经代理 {display_proxy(self.proxy)}（{where}）"


def display_proxy(url: str) -> str:
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return parts._replace(netloc=netloc).geturl()


def parse_setting(text: str | None) -> str:
    """The stored form of an officer's or administrator's entry: ``direct``, ``system`` or a proxy URL
    (``10.1.1.1:8080`` becomes ``http://10.1.1.1:8080``). Anything else: ``hub_proxy_invalid``."""
    value = (text or "").strip()
    if value.lower() in SYSTEM_WORDS:
        return SYSTEM
    if value.lower() in DIRECT_WORDS:
        return DIRECT
    url = value if "://" in value else f"http://{value}"
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = None
        parts = parts._replace(netloc="")
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or " " in value \
            or parts.path not in ("", "/") or parts.query or parts.fragment or (port is None and ":" in parts.netloc):
        raise DomainError("hub_proxy_invalid", value=value)
    return url.rstrip("/")


def read_registry() -> dict[str, Any]:
    """ProxyEnable, ProxyServer and ProxyOverride of the current user's Internet Options (Windows only;
    elsewhere, or when unreadable, an empty dict)."""
    if sys.platform != "win32":
        return {}
    import winreg  # Windows only

    values: dict[str, Any] = {}
    try:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, INTERNET_SETTINGS) as key:
            for name in ("ProxyEnable", "ProxyServer", "ProxyOverride"):
                try:
                    values[name] = winreg.QueryValueEx(key, name)[0]
                except OSError:
                    pass
    except OSError:
        return {}
    return values


def registry_proxies(values: Mapping[str, Any]) -> dict[str, str]:
    """scheme → proxy URL, as ``urllib.request.getproxies_registry`` reads ``ProxyServer``."""
    if not values.get("ProxyEnable"):
        return {}
    server = str(values.get("ProxyServer") or "").strip()
    if not server:
        return {}
    if "=" not in server and ";" not in server:
        server = f"http={server};https={server};ftp={server}"
    proxies: dict[str, str] = {}
    for part in server.split(";"):
        if "=" not in part:
            continue
        protocol, address = (piece.strip() for piece in part.split("=", 1))
        if not re.match(r"(?:[^/:]+)://", address):
            if protocol in ("http", "https", "ftp"):
                address = "http://" + address
            elif protocol == "socks":
                address = "socks://" + address
        proxies[protocol] = address
    if proxies.get("socks"):
        address = re.sub(r"^socks://", "socks4://", proxies["socks"])
        proxies["http"] = proxies.get("http") or address
        proxies["https"] = proxies.get("https") or address
    return proxies


def registry_bypass(host: str, values: Mapping[str, Any]) -> bool:
    """True when ``ProxyOverride`` sends ``host`` (no port) direct: ``<local>`` for a name without a dot,
    else a wildcard pattern (``*.gov.cn``, ``192.168.*``, ``hubserver``), case ignored."""
    override = str(values.get("ProxyOverride") or "")
    if not values.get("ProxyEnable") or not override:
        return False
    host = host.lower()
    for test in override.split(";"):
        test = test.strip().lower()
        if test == "<local>":
            if "." not in host:
                return True
        elif test and fnmatchcase(host, test):
            return True
    return False


def _environment_route(url: str, environ: Mapping[str, str]) -> Route | None:
    """httpx's environment rules (``httpx._utils.get_environment_proxies``) for this one URL; None when
    the environment names no proxy at all."""
    proxies = _getproxies_environment(environ)
    mounts: dict[str, str | None] = {}
    for scheme in ("http", "https", "all"):
        if proxies.get(scheme):
            address = proxies[scheme]
            mounts[f"{scheme}://"] = address if "://" in address else f"http://{address}"
    if not mounts:
        return None
    for name in (host.strip() for host in proxies.get("no", "").split(",")):
        if name == "*":
            return Route(None, "environment")
        if not name:
            continue
        if "://" in name:
            mounts[name] = None
        elif is_ipv4_hostname(name):
            mounts[f"all://{name}"] = None
        elif is_ipv6_hostname(name):
            mounts[f"all://[{name}]"] = None
        elif name.lower() == "localhost":
            mounts[f"all://{name}"] = None
        else:
            mounts[f"all://*{name}"] = None
    target = httpx.URL(url)
    for pattern in sorted(URLPattern(key) for key in mounts):  # most specific first, as httpx does
        if pattern.matches(target):
            return Route(mounts[pattern.pattern], "environment")
    return Route(None, "environment")


def _getproxies_environment(environ: Mapping[str, str]) -> dict[str, str]:
    """``urllib.request.getproxies_environment`` over the given mapping (the real one reads os.environ)."""
    proxies: dict[str, str] = {}
    for name, value in environ.items():
        lower = name.lower()
        if value and lower.endswith("_proxy"):
            proxies[lower[:-6]] = value
    if "REQUEST_METHOD" in environ:  # CGI: HTTP_PROXY may come from a request header (CVE-2016-1000110)
        proxies.pop("http", None)
    for name, value in environ.items():  # lowercase names win, as in urllib
        if name.endswith("_proxy"):
            if value:
                proxies[name[:-6]] = value
            else:
                proxies.pop(name[:-6], None)
    return proxies


def resolve(hub_url: str, setting: str | None = SYSTEM, *, environ: Mapping[str, str] | None = None,
            registry: RegistryReader | None = None) -> Route:
    """The route to ``hub_url``: the setting, else the environment, else the Windows registry."""
    value = parse_setting(setting)
    if value == DIRECT:
        return Route(None, "setting")
    if value != SYSTEM:
        return Route(value, "setting")
    from_env = _environment_route(hub_url, os.environ if environ is None else environ)
    if from_env is not None:
        return from_env
    values = (registry or read_registry)()
    parts = urlsplit(hub_url)
    proxies = registry_proxies(values)
    proxy = proxies.get(parts.scheme.lower())
    if proxy is None:
        return Route(None, "none")
    if registry_bypass(parts.hostname or "", values):
        return Route(None, "registry")
    if not proxy.lower().startswith(("http://", "https://")):  # socks from Internet Options: httpx cannot
        raise DomainError("hub_proxy_unsupported", proxy=proxy)
    return Route(proxy, "registry")


