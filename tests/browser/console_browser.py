"""What the console's browser tests share: the lpsync binary in the runfiles, the console
started on loopback with its printed setup address, headless Chromium at 360 px through
Selenium (Debian's chromium, chromium-driver and python3-selenium; nothing is downloaded: the
driver is /usr/bin/chromedriver, given explicitly), bounded waits, screenshots.
"""
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.common.exceptions import SessionNotCreatedException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

RUNFILES = os.path.join(os.environ["TEST_SRCDIR"], os.environ["TEST_WORKSPACE"])
LPSYNC = os.path.join(RUNFILES, "tools", "lpsync")
OUT = os.environ.get("TEST_UNDECLARED_OUTPUTS_DIR", tempfile.mkdtemp())
PASSWORD = "correct horse battery"


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def start_console(config_dir):
    out_path = os.path.join(OUT, "console.out")
    out = open(out_path, "w")
    proc = subprocess.Popen([LPSYNC, "console", "--listen", "127.0.0.1:0", "--config-dir", config_dir],
                            stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 30  # polling for the printed address, not waiting for time
    while time.monotonic() < deadline:
        text = open(out_path).read()
        m = re.search(r"set the password at (http://127\.0\.0\.1:\d+)(/setup\?token=[0-9a-f]{32})", text)
        if m:
            return proc, m.group(1), m.group(2)
        time.sleep(0.05)
    proc.kill()
    fail("the console printed no setup address:\n" + open(out_path).read())


def browser():
    # Chromium can fail to come up when another starts at the same moment on a loaded 2-core
    # machine ("chrome not reachable"): a second and third start, each with a profile of its own.
    for attempt in range(3):
        options = webdriver.ChromeOptions()
        for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--window-size=360,800", "--user-data-dir=" + tempfile.mkdtemp()]:
            options.add_argument(arg)
        options.binary_location = "/usr/bin/chromium"
        try:
            driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
            break
        except SessionNotCreatedException:
            if attempt == 2:
                raise
    # A phone's width: headless windows are at least 500 px wide, so the viewport is set instead.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 360, "height": 800, "deviceScaleFactor": 1, "mobile": True})
    return driver


def wait_for(driver, condition, what):
    try:
        WebDriverWait(driver, 20).until(condition)
    except Exception:
        main = driver.find_elements(By.TAG_NAME, "main")
        fail(what + " (at " + driver.current_url + "): " + (main[0].text if main else driver.page_source[:800]))


def shot(driver, name):
    """The whole page (at most 4,000 px tall) at 360 px width."""
    height = driver.execute_script("return document.documentElement.scrollHeight")
    metrics = {"width": 360, "height": max(800, min(height, 4000)), "deviceScaleFactor": 1, "mobile": True}
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    driver.save_screenshot(os.path.join(OUT, name + ".png"))
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", dict(metrics, height=800))




def set_password_and_log_in(driver, base, setup):
    driver.get(base + setup)
    driver.find_element(By.ID, "p1").send_keys(PASSWORD)
    driver.find_element(By.ID, "p2").send_keys(PASSWORD + Keys.ENTER)
    wait_for(driver, lambda d: d.current_url.endswith("/login"), "no login page after setting the password")
    driver.find_element(By.ID, "password").send_keys(PASSWORD + Keys.ENTER)
    wait_for(driver, lambda d: "<h1>Connections</h1>" in d.page_source, "no connections page after login")


def fits_360(driver, page):
    width = driver.execute_script("return document.documentElement.scrollWidth")
    if width > 360:
        fail(page + " is wider than 360 px: %d" % width)
