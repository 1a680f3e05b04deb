"""How the sync client names a network failure (found by mutation testing, issue 17, app/sync check with
seed 61): an untrusted certificate is reported with the verifier's own words, at most 200 characters of
them (a chain of long certificate names must not flood the status line or the log); a hub answer that is
not the hub's error body (a proxy's error page) likewise."""

from __future__ import annotations

import ssl

import httpx

from app.sync.transport import transport_failure


def _untrusted(message: str) -> httpx.ConnectError:
    cause = ssl.SSLCertVerificationError(1, "certificate verify failed")
    cause.verify_message = message
    error = httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED]")
    error.__cause__ = cause
    return error


def test_an_untrusted_certificate_is_named_with_at_most_200_characters_of_the_reason():
    long = "unable to get local issuer certificate: " + "CN=楚雄州发展和改革委员会内部证书颁发机构," * 20
    failure = transport_failure(_untrusted(long), None)
    assert failure.code == "hub_certificate_untrusted"
    assert failure.params["detail"] == long[:200] and len(failure.params["detail"]) == 200
    short = transport_failure(_untrusted("self-signed certificate"), None)
    assert short.params["detail"] == "self-signed certificate"


def test_a_hub_answer_that_is_no_error_body_is_shown_with_at_most_200_characters():
    """A proxy's or web server's own error page (HTML) instead of the hub's JSON: “中心返回错误” with the first
    200 characters of it, retried later when the status says so."""
    from app.sync.transport import HubClient

    page = "<html><head><title>502 Bad Gateway</title></head><body>" + "nginx 网关错误 " * 40 + "</body></html>"
    with HubClient("https://hub.example.com", "token") as client:
        failure = client._refusal(502, page)
    assert (failure.code, failure.transient, failure.status) == ("hub_error", True, 502)
    assert failure.params["detail"] == page[:200]


def test_chinese_text_travels_as_utf8_and_large_bodies_compressed():
    """A push of Chinese case text is sent as UTF-8, not as \\u escapes (a third of the bytes, further from the
    hub's request limit); a body from 2 KB on is gzip-compressed and says so."""
    import gzip
    import json

    from app.sync.transport import HubClient

    with HubClient("https://hub.example.com", "token") as client:
        small = client._json_body({"text": "双柏县农业农村局"})
        large = client._json_body({"text": "双柏县农业农村局拖欠扶持资金" * 100})
    assert small == {"content": '{"text":"双柏县农业农村局"}'.encode(), "headers": {"Content-Type": "application/json"}}
    assert large["headers"]["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(large["content"])) == {"text": "双柏县农业农村局拖欠扶持资金" * 100}
