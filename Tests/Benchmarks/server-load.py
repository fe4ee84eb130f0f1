#!/usr/bin/env python3
"""Load test of the team server: N reviewers screen concurrently, each signs in and decides D records.

Python 3 standard library only (urllib, threading). Each reviewer thread:
  GET /login (reads the hidden csrf field and the cookie), POST /login (name, password, csrf) -> 303;
  then D times: GET /screen/STAGE, reads the hidden `record` and `csrf` fields, POST /screen/STAGE/decide
  (record, verdict, csrf) -> 303; the POST's latency is measured (the redirect is not followed).
Afterwards one reviewer reads /decisions.csv and the script checks every decision was stored once: exactly D rows per
reviewer, no (record, stage, reviewer) twice.

Usage: server-load.py --base-url http://127.0.0.1:8080 [--reviewers 20] [--prefix load] [--decisions 200]
                      [--stage title-abstract] [--checker NAME] [--password-env SIFT_LOAD_PASSWORD]
Prints decisions/s and p50/p95/p99 latency; exits 1 when a decision failed or the stored count is wrong.
"""

import argparse
import csv
import html
import http.cookiejar
import io
import os
import re
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

HIDDEN = re.compile(r'<input type="hidden" name="(record|csrf)" value="([^"]*)">')


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Returns 3xx responses as they are instead of following them."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


class Client:
    def __init__(self, base_url, timeout=60):
        self.base = base_url.rstrip("/")
        self.timeout = timeout
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())

    def request(self, method, path, fields=None):
        """Returns (status, body text, Location header)."""
        data = None
        headers = {}
        if fields is not None:
            data = urllib.parse.urlencode(fields, doseq=True).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        req = urllib.request.Request(self.base + path, data=data, method=method, headers=headers)
        try:
            with self.opener.open(req, timeout=self.timeout) as resp:
                return resp.status, resp.read().decode("utf-8", "replace"), resp.headers.get("Location")
        except urllib.error.HTTPError as err:
            body = err.read().decode("utf-8", "replace") if err.fp else ""
            return err.code, body, err.headers.get("Location")

    @staticmethod
    def hidden(page):
        return {name: html.unescape(value) for name, value in HIDDEN.findall(page)}

    def sign_in(self, name, password):
        status, page, _ = self.request("GET", "/login")
        if status != 200:
            raise RuntimeError(f"GET /login: HTTP {status}")
        csrf = self.hidden(page).get("csrf")
        if csrf is None:
            raise RuntimeError("GET /login: no hidden csrf field")
        status, body, location = self.request("POST", "/login", {"name": name, "password": password, "csrf": csrf})
        if status != 303:
            raise RuntimeError(f"POST /login as {name}: HTTP {status} (expected 303): {body[:200]}")


def percentile(sorted_values, p):
    """Nearest-rank percentile of an ascending list."""
    if not sorted_values:
        return float("nan")
    rank = max(1, -(-len(sorted_values) * p // 100))
    return sorted_values[int(rank) - 1]


def reviewer_thread(base, name, password, stage, count, latencies, errors, lock, start_barrier):
    client = Client(base)
    try:
        client.sign_in(name, password)
    except Exception as exc:  # noqa: BLE001 - reported and counted
        with lock:
            errors.append(f"{name}: sign-in failed: {exc}")
        start_barrier.wait()
        return
    start_barrier.wait()
    mine = []
    for index in range(count):
        status, page, _ = client.request("GET", f"/screen/{stage}")
        fields = client.hidden(page)
        if status != 200 or "record" not in fields or "csrf" not in fields:
            with lock:
                errors.append(f"{name}: GET /screen/{stage} #{index + 1}: HTTP {status}, no record/csrf field "
                              f"(queue empty after {index} decisions?)")
            break
        verdict = "include" if index % 3 else "exclude"
        form = {"record": fields["record"], "verdict": verdict, "csrf": fields["csrf"]}
        began = time.perf_counter()
        status, body, _ = client.request("POST", f"/screen/{stage}/decide", form)
        elapsed = time.perf_counter() - began
        if status != 303:
            with lock:
                errors.append(f"{name}: decide {fields['record']}: HTTP {status}: {body[:200]}")
            break
        mine.append(elapsed)
    with lock:
        latencies.extend(mine)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-url", default=os.environ.get("BASE_URL", "http://127.0.0.1:8080"))
    parser.add_argument("--reviewers", type=int, default=20)
    parser.add_argument("--prefix", default="load", help="reviewer names are PREFIX1..PREFIXn")
    parser.add_argument("--decisions", type=int, default=200, help="decisions per reviewer")
    parser.add_argument("--stage", default="title-abstract")
    parser.add_argument("--checker", help="account that reads /decisions.csv at the end (an adjudicator sees every "
                        "decision; default: the first reviewer, whose export is blinded)")
    parser.add_argument("--password-env", default="SIFT_LOAD_PASSWORD",
                        help="environment variable holding the reviewers' password")
    args = parser.parse_args()
    password = os.environ.get(args.password_env)
    if not password:
        sys.exit(f"server-load: error: set ${args.password_env} to the reviewers' password")
    names = [f"{args.prefix}{i}" for i in range(1, args.reviewers + 1)]
    latencies, errors, lock = [], [], threading.Lock()
    barrier = threading.Barrier(len(names) + 1)
    threads = [
        threading.Thread(target=reviewer_thread,
                         args=(args.base_url, n, password, args.stage, args.decisions, latencies, errors, lock,
                               barrier))
        for n in names
    ]
    for t in threads:
        t.start()
    barrier.wait()  # everyone signed in: the clock starts
    began = time.perf_counter()
    for t in threads:
        t.join()
    wall = time.perf_counter() - began

    expected = args.reviewers * args.decisions
    ms = sorted(x * 1000 for x in latencies)
    print(f"server-load: {len(names)} reviewers x {args.decisions} decisions against {args.base_url} "
          f"(stage {args.stage})")
    print(f"  decisions posted: {len(ms)} of {expected} in {wall:.2f} s = {len(ms) / wall if wall else 0:.1f} "
          f"decisions/s")
    if ms:
        print(f"  decision POST latency ms: p50 {percentile(ms, 50):.1f}  p95 {percentile(ms, 95):.1f}  "
              f"p99 {percentile(ms, 99):.1f}  max {ms[-1]:.1f}")
    for line in errors[:20]:
        print(f"  error: {line}")

    # Every decision stored once: the CSV export.
    checker = Client(args.base_url)
    checker.sign_in(args.checker or names[0], password)
    status, text, _ = checker.request("GET", "/decisions.csv")
    if status != 200:
        print(f"  error: GET /decisions.csv: HTTP {status}")
        return 1
    rows = list(csv.DictReader(io.StringIO(text)))
    ours = [r for r in rows if r.get("reviewer") in set(names) and r.get("stage") == args.stage]
    keys = [(r["record"], r["stage"], r["reviewer"]) for r in ours]
    duplicates = len(keys) - len(set(keys))
    per_reviewer = {n: 0 for n in names}
    for r in ours:
        per_reviewer[r["reviewer"]] += 1
    short = {n: c for n, c in per_reviewer.items() if c != args.decisions}
    ok = not errors and len(ms) == expected and len(ours) == expected and duplicates == 0 and not short
    print(f"  stored (/decisions.csv): {len(ours)} decisions by {len(names)} reviewers, expected {expected}; "
          f"duplicates {duplicates}" + (f"; wrong counts {short}" if short else "") + (": OK" if ok else ": FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
