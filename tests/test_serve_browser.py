"""`backcheck serve` in a real browser: Debian's headless chromium driven by Selenium through
Debian's chromium-driver (nothing is downloaded). The sample article is pasted, "Hornova" is seen
marked, its suggestion accepted with the keyboard, the corrected text exported and read back,
and after a reload the decision is still there.

The screenshot goes to pytest's temporary directory, or to docs/img/serve.png (the README's) when
``BACKCHECK_UPDATE_SCREENSHOT=1``.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "seeds" / "000_349c8de6d9ab456e.txt"
CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser")) if p), None)
DRIVER = shutil.which("chromedriver")

pytestmark = pytest.mark.skipif(
    CHROMIUM is None or DRIVER is None,
    reason="chromium and chromium-driver are not installed (apt-get install chromium chromium-driver; .ci/run does)",
)

webdriver = pytest.importorskip("selenium.webdriver")
pytest.importorskip("uvicorn")
pytest.importorskip("starlette")

from selenium.common.exceptions import StaleElementReferenceException  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


@pytest.fixture
def server(tmp_path):
    """A real uvicorn server (in a thread) on a free port of 127.0.0.1."""
    import uvicorn

    from backcheck.config import Config
    from backcheck.pipeline.decisions import DecisionStore
    from backcheck.serve.app import Settings, create_app
    from backcheck.serve.desk import Desk

    desk = Desk(Config(), engine="none", store=DecisionStore(tmp_path / "decisions.sqlite"))
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(desk, Settings()), log_level="warning", lifespan="off", access_log=False)
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()
    desk.close()


@pytest.fixture
def browser(tmp_path):
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1400,1000",
        f"--user-data-dir={tmp_path / 'profile'}",
    ):
        options.add_argument(arg)
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads)})
    driver = webdriver.Chrome(service=Service(executable_path=DRIVER), options=options)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    driver.downloads = downloads
    yield driver
    driver.quit()


def _wait(driver, condition, timeout: float = 30):
    # a form post reloads the page: an element read while it loads is stale, so the wait goes on
    return WebDriverWait(driver, timeout, ignored_exceptions=(StaleElementReferenceException,)).until(
        lambda d: condition(d)
    )


def _hornova_marks(driver):
    return [m for m in driver.find_elements(By.CSS_SELECTOR, "mark") if m.text == "Hornova"]


def test_paste_accept_export_reload(server, browser, tmp_path):
    driver = browser
    driver.get(server + "/")
    assert driver.title == "backcheck: editor's desk"
    driver.find_element(By.NAME, "name").send_keys("sample")
    # paste the sample article (the same text a clipboard paste puts in the field)
    driver.execute_script("document.getElementById('english').value = arguments[0]", SAMPLE.read_text("utf-8"))
    driver.find_element(By.ID, "check").click()
    _wait(driver, lambda d: "/a/" in d.current_url)

    # "Hornova" is marked, visibly, and listed among the flags by risk
    marks = _wait(driver, _hornova_marks)
    assert marks[0].is_displayed() and marks[0].size["width"] > 0
    assert "sev-major" in marks[0].get_attribute("class")
    assert any("Hornova" in li.text for li in driver.find_elements(By.CSS_SELECTOR, "ol.risk li"))
    # the page's script runs under the strict CSP: the first flag is selected on load
    assert driver.find_element(By.TAG_NAME, "body").get_attribute("data-current") == "1"

    # keyboard: j / k move through the flags
    ActionChains(driver).send_keys("j").perform()
    assert driver.find_element(By.TAG_NAME, "body").get_attribute("data-current") == "2"
    ActionChains(driver).send_keys("k").perform()

    # mouse: a click on the mark selects its flag; the screenshot shows it selected
    marks[0].click()
    flag_number = driver.find_element(By.TAG_NAME, "body").get_attribute("data-current")
    note = driver.find_element(By.ID, f"d0-n{flag_number}")
    assert "Hornova" in note.text and "current" in note.get_attribute("class")
    assert note.find_element(By.NAME, "replacement").get_attribute("value") == "Horn"
    shot = (
        ROOT / "docs" / "img" / "serve.png" if os.environ.get("BACKCHECK_UPDATE_SCREENSHOT") else tmp_path / "serve.png"
    )
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", marks[0])
    assert driver.save_screenshot(str(shot))

    # a: accept the suggestion
    ActionChains(driver).send_keys("a").perform()
    _wait(driver, lambda d: "accepted:" in d.find_element(By.TAG_NAME, "body").text)
    assert not _hornova_marks(driver)
    decisions = driver.find_element(By.CSS_SELECTOR, "ul.decisions").text
    assert "accepted: Hornova (name.inflected) → Horn" in decisions.replace("“", "").replace("”", "")

    # export the corrected text (a real download)
    driver.find_element(By.ID, "export-text").click()
    exported = driver.downloads / "sample.corrected.txt"
    _wait(driver, lambda d: exported.exists() and exported.stat().st_size > 0)
    text = exported.read_text("utf-8")
    assert '," Horn said.' in text and "Hornova" not in text

    # reload: the decision is remembered
    driver.refresh()
    _wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "ul.decisions li"))
    assert "Hornova" in driver.find_element(By.CSS_SELECTOR, "ul.decisions").text
    assert not _hornova_marks(driver)

    # d: dismiss a flag with a reason typed at the keyboard
    publication = next(
        m
        for m in driver.find_elements(By.CSS_SELECTOR, "mark")
        if "style.quoted-publication" in (m.get_attribute("data-check") or "")
    )
    publication.click()
    ActionChains(driver).send_keys("d").perform()
    ActionChains(driver).send_keys("our style keeps the quotes" + Keys.ENTER).perform()
    _wait(driver, lambda d: "our style keeps the quotes" in d.find_element(By.CSS_SELECTOR, "ul.decisions").text)
    assert not [
        m
        for m in driver.find_elements(By.CSS_SELECTOR, "mark")
        if "quoted-publication" in (m.get_attribute("data-check") or "")
    ]


def test_hostile_article_runs_no_script(server, browser):
    driver = browser
    driver.get(server + "/")
    hostile = (
        "Mayor <script>document.title='pwned'</script> opens the bridge\n\n"
        "The mayor said <img src=x onerror=\"document.title='pwned'\"> it opens on Monday, Petrova said.\n"
    )
    driver.execute_script("document.getElementById('english').value = arguments[0]", hostile)
    driver.find_element(By.ID, "check").click()
    _wait(driver, lambda d: "/a/" in d.current_url)
    assert driver.title != "pwned"
    assert "<script>document.title='pwned'</script>" in driver.find_element(By.ID, "d0").text
    assert not driver.find_elements(By.CSS_SELECTOR, "#d0 img, #d0 script")


def test_ledger_entry_outlines_the_fact_on_both_sides(server, browser):
    driver = browser
    driver.get(server + "/")
    driver.execute_script(
        "document.getElementById('english').value = arguments[0];"
        "document.getElementById('source').value = arguments[1];",
        "There were 300 people at the meeting.\n\nThe rally began on Tuesday.\n",
        "Na sastanku je bilo 200 ljudi.\n\nSkup je počeo u utorak.\n",
    )
    driver.find_element(By.CSS_SELECTOR, "select[name='source_lang'] option[value='sr']").click()
    driver.find_element(By.ID, "check").click()
    _wait(driver, lambda d: "/a/" in d.current_url)
    entry = _wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "details.ledger li.st-changed"))[0]
    assert "200" in entry.text and "300" in entry.text
    entry.find_element(By.CSS_SELECTOR, "a.kind").click()
    number = entry.get_attribute("id").removeprefix("d0-l")
    lit = _wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "span.fact.lit"))
    assert sorted(span.text for span in lit) == ["200", "300"]  # the source's and the English's
    assert all(f"f-d0-{number}" in span.get_attribute("class").split() for span in lit)
    assert all(span.value_of_css_property("outline-style") == "solid" for span in lit)
    assert "lit" in entry.get_attribute("class").split()
