"""A real, tiny HTTP forward proxy for the proxy tests: it counts what reaches it (absolute-form
requests by method, CONNECT tunnels) and forwards plain HTTP requests to their target, so a sync can
really pass through it. Started and stopped by the test (``with CountingProxy() as proxy``); every
connection is closed after one answer, and ``stop`` joins every thread it started."""

from __future__ import annotations

import http.client
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"  # one request per connection: nothing lingers after the answer

    def log_message(self, *args) -> None:  # quiet
        pass

    def _forward(self) -> None:
        proxy: CountingProxy = self.server.owner  # type: ignore[attr-defined]
        proxy.count(self.command, self.path)
        target = urlsplit(self.path)
        if target.scheme != "http" or not target.hostname:
            self.send_error(400, "absolute http URL expected")
            return
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        headers = {k: v for k, v in self.headers.items()
                   if k.lower() not in ("proxy-connection", "connection", "keep-alive", "host")}
        upstream = http.client.HTTPConnection(target.hostname, target.port or 80, timeout=30)
        try:
            path = target.path + (f"?{target.query}" if target.query else "")
            upstream.request(self.command, path or "/", body=body or None, headers=headers)
            answer = upstream.getresponse()
            data = answer.read()
        finally:
            upstream.close()
        self.send_response(answer.status)
        for key, value in answer.getheaders():
            if key.lower() not in ("connection", "keep-alive", "transfer-encoding", "content-length"):
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_HEAD = _forward

    def do_CONNECT(self) -> None:  # counted and refused: the tests' hubs speak plain HTTP through it
        self.server.owner.count("CONNECT", self.path)  # type: ignore[attr-defined]
        self.send_error(502, "no tunnels here")


class CountingProxy:
    def __init__(self) -> None:
        self.requests: Counter[str] = Counter()
        self.targets: list[str] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._server.daemon_threads = False  # server_close() joins the request threads
        self._server.owner = self  # type: ignore[attr-defined]
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self.address = f"127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05})

    def count(self, method: str, target: str) -> None:
        with self._lock:
            self.requests[method] += 1
            self.targets.append(target)

    @property
    def total(self) -> int:
        with self._lock:
            return sum(self.requests.values())

    def start(self) -> CountingProxy:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)

    def __enter__(self) -> CountingProxy:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
