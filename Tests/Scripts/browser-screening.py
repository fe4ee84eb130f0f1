#!/usr/bin/python3
"""Drives headless Chromium through the Chrome DevTools Protocol for Tests/Scripts/browser-screening.sh.

Signs in as CML by typing, screens R000001..R000003 at the title stage with the keyboard (i Enter; e 1 Enter;
m Enter), checks the page after each, signs in as the adjudicator and opens the conflicts page. Screenshots:
queue.png (desktop), queue-phone.png (390 px wide), conflicts.png, project.png. Exits non-zero on any failure.
Needs Debian's python3-websocket (`import websocket`), run with /usr/bin/python3.
"""
import argparse
import base64
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket


class Failure(Exception):
    pass


class Browser:
    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="sift-chromium-")
        self.process = subprocess.Popen(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
             f"--user-data-dir={self.profile}", "--window-size=1200,900", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        port = None
        deadline = time.time() + 60
        while time.time() < deadline and port is None:
            line = self.process.stderr.readline()
            if not line and self.process.poll() is not None:
                raise Failure("chromium exited before opening DevTools")
            match = re.search(r"DevTools listening on ws://127\.0\.0\.1:(\d+)/", line)
            if match:
                port = int(match.group(1))
        if port is None:
            raise Failure("chromium did not open DevTools within 60 s")
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10))
        page = next(t for t in targets if t.get("type") == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=30)
        self.next_id = 0
        self.events = []
        self.send("Page.enable")
        self.send("Runtime.enable")

    def send(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise Failure(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise Failure(f"script failed: {expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression, what, timeout=20):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                if self.evaluate(f"document.readyState === 'complete' && ({expression})"):
                    return
            except Failure:
                pass  # the page is navigating
            time.sleep(0.1)
        raise Failure(f"timed out waiting for {what} (at {self.evaluate('location.href')})")

    def go(self, url):
        self.send("Page.navigate", url=url)
        path = re.sub(r"^https?://[^/]+", "", url)
        self.wait_for(f"location.pathname === {json.dumps(path)}", url)

    def key(self, key):
        """A key press as the keyboard sends it: keyDown (with its text) and keyUp."""
        special = {"Enter": ("Enter", 13, "\r"), "Tab": ("Tab", 9, "")}
        if key in special:
            code, vk, text = special[key]
        else:
            code = f"Digit{key}" if key.isdigit() else (f"Key{key.upper()}" if key.isalpha() else "")
            vk, text = ord(key.upper()), key
        down = {"type": "keyDown", "key": key, "code": code, "windowsVirtualKeyCode": vk,
                "nativeVirtualKeyCode": vk}
        if text:
            down["text"] = text
            down["unmodifiedText"] = text
        self.send("Input.dispatchKeyEvent", **down)
        self.send("Input.dispatchKeyEvent", type="keyUp", key=key, code=code, windowsVirtualKeyCode=vk,
                  nativeVirtualKeyCode=vk)

    def type(self, text):
        for char in text:
            self.key(char) if char.isalnum() else self.send(
                "Input.dispatchKeyEvent", type="keyDown", key=char, text=char, unmodifiedText=char)

    def screenshot(self, path, width=1200, height=900):
        self.send("Emulation.setDeviceMetricsOverride", width=width, height=height,
                  deviceScaleFactor=1, mobile=width < 600)
        full = self.send("Page.getLayoutMetrics")["cssContentSize"]
        clip = {"x": 0, "y": 0, "width": width, "height": max(height, min(int(full["height"]), 4000)),
                "scale": 1}
        data = self.send("Page.captureScreenshot", format="png", clip=clip, captureBeyondViewport=True)["data"]
        with open(path, "wb") as out:
            out.write(base64.b64decode(data))
        self.send("Emulation.clearDeviceMetricsOverride")
        print(f"ok   screenshot {path}")

    def dialogs(self):
        return [e for e in self.events if e.get("method") == "Page.javascriptDialogOpening"]

    def close(self):
        try:
            self.ws.close()
        finally:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
            shutil.rmtree(self.profile, ignore_errors=True)


def sign_in(browser, base, name, password):
    browser.go(base + "login")
    browser.evaluate("document.getElementById('name').focus()")
    browser.type(name)
    browser.evaluate("document.getElementById('password').focus()")
    browser.type(password)
    browser.key("Enter")
    browser.wait_for("location.pathname === '/' && !!document.querySelector('header .who')", f"{name} signed in")
    who = browser.evaluate("document.querySelector('header .who').textContent")
    if name not in who:
        raise Failure(f"signed in as {who!r}, expected {name}")
    print(f"ok   signed in as {name} by typing into the form")


def record_id(browser):
    return browser.evaluate("(document.querySelector('input[name=record]') || {}).value || null")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    base = args.url if args.url.endswith("/") else args.url + "/"
    os.makedirs(args.out, exist_ok=True)
    browser = Browser()
    try:
        sign_in(browser, base, "CML", args.password)
        browser.screenshot(os.path.join(args.out, "project.png"))
        browser.go(base + "screen/title")
        steps = [("R000001", ["i"], "include"), ("R000002", ["e", "1"], "exclude"), ("R000003", ["m"], "maybe")]
        for index, (expected, keys, verdict) in enumerate(steps):
            shown = record_id(browser)
            if shown != expected:
                raise Failure(f"queue shows {shown}, expected {expected}")
            if browser.evaluate("document.body.textContent.includes('not about therapy, says LJ')"):
                raise Failure("the queue page shows LJ's note (blinding broken)")
            for key in keys:
                browser.key(key)
            checked = browser.evaluate("(document.querySelector('input[name=verdict]:checked') || {}).value || null")
            if checked != verdict:
                raise Failure(f"after {' '.join(keys)} the form has verdict {checked}, expected {verdict}")
            if expected == "R000002":
                boxes = browser.evaluate(
                    "Array.from(document.querySelectorAll('input[name=criteria]:checked')).map(b => b.value)")
                if boxes != ["E1"]:
                    raise Failure(f"after e 1 the reasons ticked are {boxes}, expected ['E1']")
                browser.screenshot(os.path.join(args.out, "queue.png"))
                browser.screenshot(os.path.join(args.out, "queue-phone.png"), width=390, height=844)
            if expected == "R000003":
                title = browser.evaluate("document.querySelector('.record h2').textContent")
                if "<script>alert(1)</script>" not in title:
                    raise Failure(f"the hostile title is not shown as text: {title!r}")
                if browser.evaluate("document.querySelectorAll('main script').length") != 0:
                    raise Failure("the record's <script> became an element")
            browser.key("Enter")
            following = steps[index + 1][0] if index + 1 < len(steps) else "R000004"
            browser.wait_for(
                f"(document.querySelector('input[name=record]') || {{}}).value === {json.dumps(following)}",
                f"{following} after {' '.join(keys)} Enter")
            print(f"ok   {expected}: {' '.join(keys)} Enter -> {verdict}")
        if not browser.evaluate("document.body.textContent.includes('3 of 4 decided')"):
            raise Failure("progress does not read 3 of 4 decided")
        print("ok   progress 3 of 4")
        if browser.dialogs():
            raise Failure(f"a JavaScript dialog opened: {browser.dialogs()}")
        browser.evaluate("document.querySelector('header form button').click()")
        browser.wait_for("location.pathname === '/login'", "signed out")
        sign_in(browser, base, "ADJ", args.password)
        browser.go(base + "conflicts/title")
        text = browser.evaluate("document.querySelector('main').textContent")
        for needed in ["R000001", "CML", "include", "LJ", "exclude", "not about therapy, says LJ"]:
            if needed not in text:
                raise Failure(f"the conflicts page lacks {needed!r}")
        print("ok   conflicts page shows both reviewers' decisions on R000001")
        browser.screenshot(os.path.join(args.out, "conflicts.png"))
        browser.screenshot(os.path.join(args.out, "conflicts-phone.png"), width=390, height=844)
    finally:
        browser.close()


if __name__ == "__main__":
    try:
        main()
    except Failure as failure:
        print(f"FAIL {failure}")
        sys.exit(1)
