"""How the sync client names a network failure (found by mutation testing, issue 17, app/sync check with
seed 61): an untrusted certificate is reported with the verifier's own words, at most 200 characters of
them (a chain of long certificate names must not flood the status line or the log); a hub answer that is
not the hub's error body (a proxy's error page) likewise; a 400 is the hub's refusal; the hub's calendar years
are laid over the shipped ones."""

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


def test_a_proxy_that_failed_is_named_with_the_kind_of_failure():
    from app.sync.proxies import Route

    failure = transport_failure(httpx.ConnectError("connection refused"), Route("http://10.1.1.1:3128", "setting"))
    assert (failure.code, failure.transient) == ("hub_proxy_failed", True)
    assert failure.params == {"proxy": "http://10.1.1.1:3128", "detail": "ConnectError"}
    direct = transport_failure(httpx.ConnectError("connection refused"), Route(None, "none"))
    assert (direct.code, direct.params) == ("hub_unreachable", {"detail": "ConnectError"})


def test_an_upload_resumes_from_where_the_hub_says_or_from_the_start(tmp_path):
    """The hub answers “offset mismatch” with the bytes it holds; without that number the upload starts over
    rather than failing."""
    from app.sync.blobs import _upload
    from app.sync.protocol import BlobStatus
    from app.sync.transport import SyncError

    data = b"x" * 10
    path = tmp_path / "blob"
    path.write_bytes(data)
    sent = []

    class Hub:
        def __init__(self):
            self.mismatches = [SyncError("blob_offset_mismatch", received=4), SyncError("blob_offset_mismatch")]

        def blob_status(self, sha):
            return BlobStatus(sha256=sha, exists=False, received=7, max_size=1 << 20)

        def blob_upload(self, sha, offset, size, chunk):
            sent.append(offset)
            if self.mismatches:
                raise self.mismatches.pop(0)
            return BlobStatus(sha256=sha, exists=True, received=size, max_size=1 << 20)

    _upload(Hub(), "a" * 64, path)
    assert sent == [7, 4, 0]


def test_a_refusal_with_status_400_is_read_as_the_hubs_refusal():
    from app.sync.transport import HubClient, SyncError

    def answer(request):
        return httpx.Response(400, json={"error": "protocol_unsupported", "message": "协议不符", "params": {"version": 9}})

    with HubClient("https://hub.example.com", "token", transport=httpx.MockTransport(answer), retries=False) as client:
        try:
            client.meta()
        except SyncError as refused:
            failure = refused
    assert (failure.code, failure.status, failure.transient, failure.params) == (
        "protocol_unsupported", 400, False, {"version": 9})


def test_the_hubs_calendar_years_are_laid_over_the_shipped_ones():
    import json

    from app.domain.workdays import WorkCalendar
    from app.sync.reference import merged_calendar

    base = WorkCalendar.load_default()
    latest = max(base.known_years())
    data = {"years": {str(latest + 1): {"notice": "国办发明电〔2027〕1号", "holidays": [
        {"name": "元旦", "start": f"{latest + 1}-01-01", "end": f"{latest + 1}-01-03"}], "workdays": []}}}
    merged = merged_calendar(base, json.dumps(data, ensure_ascii=False))
    assert merged.known_years() == base.known_years() | {latest + 1}
    assert merged_calendar(base, "{not json") is base
