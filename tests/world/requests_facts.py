"""Claims the pages make about Python's requests and urllib3, run for real on loopback.

tests/world/client-facts.test.ts runs this and checks each answer against what the pages say. The
script starts its own HTTP server on 127.0.0.1 (a free port), drives requests against it, and prints
one JSON object: the versions, and per claim what the server saw or what requests returned. It
asserts nothing itself, so the TypeScript test can name the page each fact belongs to.
"""
import json
import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import requests
import urllib3
from urllib3.util.retry import Retry

seen: list[dict] = []


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # quiet
        pass

    def _any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        path, _, query = self.path.partition("?")
        seen.append(
            {
                "method": self.command,
                "path": path,
                "body": body,
                "authorization": self.headers.get("Authorization"),
                "content_type": self.headers.get("Content-Type"),
            }
        )
        parts = path.strip("/").split("/")
        if parts[0] == "redirect":
            # /redirect/CODE?to=URL answers CODE with Location: URL
            code = int(parts[1])
            to = query.removeprefix("to=")
            self.send_response(code)
            self.send_header("Location", to)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if parts[0] == "status":
            # /status/CODE[/RETRY_AFTER] answers CODE, with Retry-After if given
            code = int(parts[1])
            self.send_response(code)
            if len(parts) > 2:
                self.send_header("Retry-After", parts[2])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if parts[0] == "close":
            # closes the connection without a byte of response (nginx's 444)
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _any


def main() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    base = f"http://127.0.0.1:{port}"
    # Another host name for the same server, so that a redirect "changes host".
    other = f"http://localhost:{port}"
    out: dict = {"versions": {"requests": requests.__version__, "urllib3": urllib3.__version__, "python": sys.version.split()[0]}}

    def hop(method: str, code: int, to: str = f"{base}/final", **kw) -> dict:
        seen.clear()
        r = requests.request(method, f"{base}/redirect/{code}?to={to}", timeout=5, **kw)
        return {
            "status": r.status_code,
            "followed": [f"{s['method']} {s['path']}" for s in seen],
            "final_body": seen[-1]["body"],
            "final_authorization": seen[-1]["authorization"],
        }

    # Which 3xx requests follows (300, 305 and 306 are not followed even with a Location).
    out["follows"] = {str(c): hop("GET", c)["status"] == 200 for c in (300, 301, 302, 303, 305, 306, 307, 308)}
    # What method and body the next hop gets.
    out["method"] = {
        f"{m} {c}": hop(m, c, data="payload")
        for m in ("POST", "PUT")
        for c in (301, 302, 303, 307, 308)
    }
    # head() does not follow redirects by default.
    out["head_301"] = requests.head(f"{base}/redirect/301?to={base}/final", timeout=5).status_code
    # Authorization on a redirect to another host name, and to the same one.
    out["auth_other_host"] = {
        str(c): hop("GET", c, to=f"{other}/final", headers={"Authorization": "Bearer t"})["final_authorization"]
        for c in (301, 302, 307, 308)
    }
    out["auth_same_host"] = hop("GET", 307, headers={"Authorization": "Bearer t"})["final_authorization"]

    # .json() on an empty 204 body, and raise_for_status() only when called.
    r = requests.get(f"{base}/status/204", timeout=5)
    try:
        r.json()
        out["json_204"] = "no error"
    except requests.exceptions.JSONDecodeError as e:
        out["json_204"] = type(e).__name__
    r = requests.get(f"{base}/status/400", timeout=5)
    out["get_400"] = r.status_code
    try:
        r.raise_for_status()
        out["raise_400"] = None
    except requests.HTTPError as e:
        out["raise_400"] = type(e).__name__

    # json= sets Content-Type; a raw string does not.
    seen.clear()
    requests.post(f"{base}/echo", json={"a": 1}, timeout=5)
    requests.post(f"{base}/echo", data='{"a": 1}', timeout=5)
    out["content_type"] = {"json": seen[0]["content_type"], "data_str": seen[1]["content_type"]}

    # urllib3's Retry: which statuses it repeats without and with status_forcelist.
    def attempts(path: str, retry: Retry) -> int:
        seen.clear()
        s = requests.Session()
        s.mount("http://", requests.adapters.HTTPAdapter(max_retries=retry))
        try:
            s.get(f"{base}{path}", timeout=5)
        except requests.exceptions.RetryError:
            pass
        finally:
            s.close()
        return len(seen)

    plain = lambda: Retry(total=2, backoff_factor=0, raise_on_status=False)
    out["retry_default"] = {
        "500": attempts("/status/500", plain()),
        "502": attempts("/status/502", plain()),
        "503 Retry-After": attempts("/status/503/0", plain()),
        "429 Retry-After": attempts("/status/429/0", plain()),
        "413 Retry-After": attempts("/status/413/0", plain()),
        "503 no Retry-After": attempts("/status/503", plain()),
    }
    out["retry_forcelist"] = {
        "500": attempts("/status/500", Retry(total=2, backoff_factor=0, raise_on_status=False, status_forcelist=[500, 502])),
        "502": attempts("/status/502", Retry(total=2, backoff_factor=0, raise_on_status=False, status_forcelist=[500, 502])),
    }

    # A connection closed without a response (nginx's 444).
    try:
        requests.get(f"{base}/close", timeout=5)
        out["closed"] = "no error"
    except requests.exceptions.ConnectionError as e:
        out["closed"] = str(e)

    server.shutdown()
    print(json.dumps(out))


main()
