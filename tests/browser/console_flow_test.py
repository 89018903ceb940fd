"""The console's whole flow in a real browser (issue 19), against `lpsync serve-fakes` with the
shop of console_shop.json and a real `lpsync run`: a wrong key shows its message; the wizard
connects (names shown back), configures and activates; the run imports ORD100 and holds ORD101
(duplicate SKU); after the SKU is fixed in the shop, Import now imports ORD101; Import products
runs to 100 %; read-only switched on in Settings keeps the shop unwritten while "Send stock
changes" reconciles; the story of ORD101 is told by the running run. Every page is checked at 360 px; screenshots go to the test's outputs.
"""
import base64
import json
import os
import signal
import subprocess
import tempfile
import time
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from console_browser import LPSYNC, OUT, browser, fail, fits_360, set_password_and_log_in, shot, start_console, wait_for

SCENARIO = os.path.join(os.path.dirname(os.path.abspath(__file__)), "console_shop.json")


def serve_fakes():
    out_path = os.path.join(OUT, "fakes.out")
    proc = subprocess.Popen([LPSYNC, "serve-fakes", "--scenario", SCENARIO], stdout=subprocess.PIPE,
                            stderr=open(os.path.join(OUT, "fakes.err"), "w"), text=True)
    line = proc.stdout.readline()  # the first line says where the fakes are
    if not line:
        fail("serve-fakes printed nothing: " + open(os.path.join(OUT, "fakes.err")).read())
    open(out_path, "w").write(line)
    return proc, json.loads(line)


def lightspeed(fakes, method, path, body=None):
    ls = fakes["lightspeed"]
    auth = base64.b64encode((ls["key"] + ":" + ls["secret"]).encode()).decode()
    req = urllib.request.Request(ls["url"] + "/" + ls["language"] + path, method=method,
                                 data=json.dumps(body).encode() if body is not None else None,
                                 headers={"Authorization": "Basic " + auth, "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.loads(r.read() or b"{}")


def picqer(fakes, method, path, body=None):
    pq = fakes["picqer"]
    auth = base64.b64encode((pq["key"] + ":").encode()).decode()
    req = urllib.request.Request(pq["url"] + "/api/v1" + path, method=method,
                                 data=json.dumps(body).encode() if body is not None else None,
                                 headers={"Authorization": "Basic " + auth, "Content-Type": "application/json",
                                          "User-Agent": "lpsync-browser-test"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.loads(r.read() or b"null")


def picqer_references(fakes):
    return sorted(o.get("reference") for o in picqer(fakes, "GET", "/orders"))


def fill(driver, values):
    for name, value in values.items():
        element = driver.find_element(By.NAME, name)
        if element.tag_name == "select":
            Select(element).select_by_value(value)
        else:
            element.clear()
            element.send_keys(value)


def submit(driver, label):
    driver.find_element(By.XPATH, "//button[text()='%s']" % label).click()


def log_lines(path, event):
    """The run's log lines of `event`, parsed."""
    lines = []
    for line in open(path):
        try:
            o = json.loads(line)
        except ValueError:
            continue
        if o.get("event") == event:
            lines.append(o)
    return lines


def poll(condition, what, seconds=60):
    deadline = time.monotonic() + seconds  # polling a condition, not waiting for time
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    fail(what)


def main():
    config_dir = tempfile.mkdtemp()
    fakes_proc, fakes = serve_fakes()
    proc, base, setup = start_console(config_dir)
    driver = browser()
    run = None
    run_log = os.path.join(OUT, "run.log")
    try:
        set_password_and_log_in(driver, base, setup)
        driver.find_element(By.LINK_TEXT, "Connect a webshop").click()
        wait_for(driver, lambda d: "Connect a webshop" in d.page_source, "no wizard")
        connect = {"name": "acme", "lightspeed_url": fakes["lightspeed"]["url"],
                   "language": fakes["lightspeed"]["language"], "key": "wrong" + fakes["lightspeed"]["key"][5:],
                   "secret": fakes["lightspeed"]["secret"], "picqer_url": fakes["picqer"]["url"],
                   "picqer_key": fakes["picqer"]["key"]}
        fill(driver, connect)
        fits_360(driver, "the Connect step")
        shot(driver, "wizard-connect")
        submit(driver, "Check and connect")
        wait_for(driver, lambda d: "Lightspeed refused the key and secret (401)" in d.page_source,
                 "a wrong key shows no message")
        if connect["key"] in driver.page_source or connect["secret"] in driver.page_source:
            fail("a key is shown back on the page")
        shot(driver, "wizard-wrong-key")
        connect["key"] = fakes["lightspeed"]["key"]
        fill(driver, connect)
        submit(driver, "Check and connect")
        wait_for(driver, lambda d: "Connected to Test shop" in d.page_source, "the shop's name is not shown back")
        if fakes["lightspeed"]["key"] in driver.page_source:
            fail("the key is on the Configure page")
        fits_360(driver, "the Configure step")
        shot(driver, "wizard-configure")
        submit(driver, "Save and see the summary")
        wait_for(driver, lambda d: "Activate webshop" in d.page_source, "no summary")
        if "ORD100" not in driver.page_source:
            fail("the summary does not name ORD100: " + driver.find_element(By.TAG_NAME, "pre").text[:600])
        shot(driver, "wizard-summary")
        submit(driver, "Activate webshop")
        wait_for(driver, lambda d: "is active" in d.page_source, "activating failed")
        if "Send stock changes" not in driver.page_source:
            fail("no reminder to switch on stock and shipments")
        shot(driver, "activated")

        config = os.path.join(config_dir, "acme.json")
        run = subprocess.Popen([LPSYNC, "run", "--config", config, "--verbose"], stdout=open(os.devnull, "w"),
                               stderr=open(run_log, "w"))
        poll(lambda: "ORD100" in picqer_references(fakes), "lpsync run did not import ORD100")
        # The page shows what the running run last wrote to its status file: reload until the poll is in.
        wait_for(driver, lambda d: d.get(base + "/connection?name=acme") or
                 ("Import now" in d.page_source and "ORD101" in d.page_source), "the held ORD101 has no Import now")
        if "Last successful order poll" not in driver.page_source or "answered 429" not in driver.page_source:
            fail("the connection page does not show the run's figures")
        shot(driver, "connection-held")
        # The merchant gives Tee M its own SKU in the shop, then presses Import now.
        lightspeed(fakes, "PUT", "/variants/22.json", {"variant": {"sku": "TEE-M"}})
        submit(driver, "Import now")
        wait_for(driver, lambda d: "Order ORD101 imported into Picqer" in d.page_source, "Import now did not import")
        if picqer_references(fakes).count("ORD101") != 1:
            fail("ORD101 is not in Picqer once: %r" % picqer_references(fakes))
        fits_360(driver, "the connection page")
        shot(driver, "import-now")
        # Its story, told by the running run.
        driver.find_element(By.LINK_TEXT, "ORD101").click()
        wait_for(driver, lambda d: "What lpsync decided" in d.page_source, "no story of ORD101")
        fits_360(driver, "the story page")
        shot(driver, "story")
        driver.get(base + "/connection?name=acme")
        submit(driver, "Import products")
        wait_for(driver, lambda d: "(100 %), finished" in d.page_source, "Import products did not reach 100 %")
        if "Variant 41 has no SKU" not in driver.page_source:
            fail("the skipped gift card is not listed with its reason")
        shot(driver, "import-products")

        # Read-only on, with Send stock changes: stock reconciles, the shop is not written.
        mug = [p for p in picqer(fakes, "GET", "/products?productcode=MUG")][0]
        picqer(fakes, "POST", "/products/%d/stock/1" % mug["idproduct"], {"amount": 42})
        before = lightspeed(fakes, "GET", "/variants/11.json")["variant"]["stockLevel"]
        driver.find_element(By.LINK_TEXT, "Settings").click()
        wait_for(driver, lambda d: "Settings of acme" in d.page_source, "no settings page")
        for box in ["s-read_only", "s-send_stock"]:
            element = driver.find_element(By.ID, box)
            if not element.is_selected():
                element.click()
        submit(driver, "Save settings")
        wait_for(driver, lambda d: "Saved and applied." in d.page_source, "the running run did not apply the settings")
        if "read_only: false → true" not in driver.page_source:
            fail("the change log does not show read_only switched on")
        wait_for(driver, lambda d: d.find_element(By.ID, "s-read_only").is_selected(),
                 "the form does not show read-only in force after the run applied it")
        fits_360(driver, "the settings page")
        shot(driver, "settings")
        # Switching Send stock changes on reconciles at once (within a second without read-only:
        # checked by leaving read-only off). Watch the shop for 10 s: its stock must not move.
        deadline = time.monotonic() + 10  # a bounded watch for a write that must not come
        while time.monotonic() < deadline:
            after = lightspeed(fakes, "GET", "/variants/11.json")["variant"]["stockLevel"]
            if after != before:
                fail("read-only is on but the shop's stock changed: %r -> %r" % (before, after))
            time.sleep(0.2)
        saved_at = log_lines(run_log, "console_settings_saved")[0]["time"]
        writes = [l for l in log_lines(run_log, "http") if l.get("http") == "lightspeed" and l["time"] >= saved_at
                  and l.get("method") != "GET"]
        if writes:
            fail("read-only is on but lpsync wrote to the shop: %r" % writes)
    finally:
        driver.quit()
        for p in [run, proc, fakes_proc]:
            if p:
                p.send_signal(signal.SIGTERM)
                p.wait(30)
    print("ok: wrong key, wizard, activate, import, Import now, Import products, read-only; screenshots in " + OUT)


if __name__ == "__main__":
    main()
