"""The console in a real browser (issue 19): headless Chromium driven by Selenium against
`lpsync console` on loopback. Sets the password through the printed setup address, logs in by
keyboard, sees the connections list at 360 px width, logs out; a wrong password shows its
message. Screenshots of each page go to the test's outputs (TEST_UNDECLARED_OUTPUTS_DIR).

Debian packages (installed by the bootstrap): chromium, chromium-driver, python3-selenium.
Nothing is downloaded: the driver is /usr/bin/chromedriver, given explicitly.
"""
import os
import signal
import tempfile

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from console_browser import OUT, PASSWORD, browser, fail, shot, start_console, wait_for


def main():
    config_dir = tempfile.mkdtemp()
    with open(os.path.join(config_dir, "acme.json"), "w") as f:
        f.write('{"lightspeed": {"cluster": "eu1", "language": "nl", "key": "literal-ls-key-123", '
                '"secret": "literal-secret-456"}, "picqer": {"subdomain": "acme", "key": "literal-picqer-789"}}')
    proc, base, setup = start_console(config_dir)
    driver = browser()
    try:
        driver.get(base + setup)
        shot(driver, "setup")
        driver.find_element(By.ID, "p1").send_keys(PASSWORD)
        driver.find_element(By.ID, "p2").send_keys(PASSWORD + Keys.ENTER)
        wait_for(driver, lambda d: d.current_url.endswith("/login"), "no login page after setting the password")
        # A wrong password says so.
        driver.find_element(By.ID, "password").send_keys("not the password" + Keys.ENTER)
        wait_for(driver, lambda d: "That password is not right." in d.page_source, "a wrong password shows no message")
        shot(driver, "login-wrong")
        # By keyboard only: the field has the focus, Enter submits.
        active = driver.switch_to.active_element
        if active.get_attribute("id") != "password":
            fail("the password field does not have the focus")
        active.send_keys(PASSWORD + Keys.ENTER)
        wait_for(driver, lambda d: "<h1>Connections</h1>" in d.page_source, "no connections page after login")
        page = driver.page_source
        if "acme" not in page:
            fail("the connection acme is not listed")
        for secret in ["literal-ls-key-123", "literal-secret-456", "literal-picqer-789"]:
            if secret in page:
                fail("a secret is on the page: " + secret)
        width = driver.execute_script("return document.documentElement.scrollWidth")
        viewport = driver.execute_script("return window.innerWidth")
        if viewport != 360:
            fail("the viewport is %d px wide, not 360" % viewport)
        if width > 360:
            fail("the page is wider than 360 px: %d" % width)
        cookie = driver.get_cookie("lpsync_session")
        if not cookie or not cookie.get("httpOnly") or cookie.get("sameSite") != "Strict":
            fail("the session cookie is not HttpOnly and SameSite=Strict: %r" % cookie)
        shot(driver, "connections")
        driver.find_element(By.XPATH, "//button[text()='Log out']").click()
        wait_for(driver, lambda d: d.current_url.endswith("/login"), "logging out did not lead to the login page")
        driver.get(base + "/")
        if not driver.current_url.endswith("/login"):
            fail("after logging out the connections page is still open")
    finally:
        driver.quit()
        proc.send_signal(signal.SIGTERM)
        proc.wait(30)
    print("ok: setup, wrong password, keyboard login, 360 px, cookie flags, logout; screenshots in " + OUT)


if __name__ == "__main__":
    main()
