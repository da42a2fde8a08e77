"""What Python's requests and httpx see from the simulator: tests/world/clients.test.ts runs this.

Usage: clients.py BASE_URL CODE... ; prints one JSON object: versions, and per client and code the
status, the interim statuses seen (httpx only reports them through its trace extension) and the
body length.
"""
import json
import sys

import httpx
import requests

base, codes = sys.argv[1], [int(c) for c in sys.argv[2:]]
out = {"versions": {"requests": requests.__version__, "httpx": httpx.__version__}, "requests": {}, "httpx": {}}

with requests.Session() as s:
    for code in codes:
        try:
            r = s.get(f"{base}/api/status/{code}", allow_redirects=False, timeout=5)
            out["requests"][code] = {"status": r.status_code, "bytes": len(r.content)}
        except Exception as e:  # a client's failure is what we record
            out["requests"][code] = {"error": type(e).__name__}
        # requests keeps the connection; a misread answer may poison it, so start afresh each time.
        s.close()

with httpx.Client(follow_redirects=False, timeout=5) as c:
    for code in codes:
        try:
            r = c.get(f"{base}/api/status/{code}")
            out["httpx"][code] = {"status": r.status_code, "bytes": len(r.content)}
        except Exception as e:
            out["httpx"][code] = {"error": type(e).__name__}

# Ranges and conditional requests, as a client library sends them.
r = requests.get(f"{base}/api/status/206", headers={"Range": "bytes=0-99"}, timeout=5)
out["requests_range"] = {"status": r.status_code, "bytes": len(r.content), "content_range": r.headers.get("Content-Range")}
first = httpx.get(f"{base}/api/status/304", timeout=5)
again = httpx.get(f"{base}/api/status/304", headers={"If-None-Match": first.headers["ETag"]}, timeout=5)
out["httpx_conditional"] = {"first": first.status_code, "again": again.status_code, "bytes": len(again.content)}
print(json.dumps(out))
