"""`backcheck serve` through Starlette's TestClient: CSRF, Host and token checks, size limits,
folder traversal, hostile article text, accept/dismiss stored and honoured, exports."""

from __future__ import annotations

import json
import os
import re
import sys
import warnings
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")

with warnings.catch_warnings():  # Starlette 1.x suggests httpx2; httpx is what its TestClient documents
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from backcheck.cli.app import app as cli_app  # noqa: E402
from backcheck.config import Config  # noqa: E402
from backcheck.pipeline.decisions import DecisionStore, article_fingerprint, stored_decisions  # noqa: E402
from backcheck.serve.app import Settings, create_app  # noqa: E402
from backcheck.serve.desk import Desk  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[1] / "seeds" / "000_349c8de6d9ab456e.txt"
BASE = "http://127.0.0.1:8765"

# Written for these tests: a surname left in its feminine case form and a publication in quotes.
ARTICLE = (
    "Council approves the new budget\n\n"
    "The city council approved the budget on Tuesday, spokeswoman Ana Petrov said.\n\n"
    'The vote was close, the "Observer" reports. Petrova said the council would meet again in May.\n'
)


@pytest.fixture
def make(tmp_path):
    desks = []

    def _make(settings: Settings | None = None, folder: Path | None = None, max_bytes: int = 200_000):
        desk = Desk(
            Config(),
            engine="none",
            store=DecisionStore(tmp_path / "decisions.sqlite"),
            folder=folder,
            max_bytes=max_bytes,
        )
        desks.append(desk)
        client = TestClient(create_app(desk, settings or Settings(max_bytes=max_bytes)), base_url=BASE)
        return desk, client

    yield _make
    for desk in desks:
        desk.close()


def csrf_of(client: TestClient, path: str = "/") -> str:
    page = client.get(path)
    assert page.status_code == 200
    return re.search(r'name="csrf-token" content="([0-9a-f]+)"', page.text).group(1)


def open_article(client: TestClient, english: str, **fields) -> str:
    response = client.post(
        "/check", data={"csrf": csrf_of(client), "english": english, **fields}, follow_redirects=False
    )
    assert response.status_code == 303, response.text
    return response.headers["location"]


def fingerprint_of(desk: Desk, location: str, text: str, check: str | None = None) -> str:
    state = desk.state(location.rsplit("/", 1)[1])
    found = [
        fp
        for f, fp in zip(state.document.flags, state.fingerprints)
        if f.span.text == text and check in (None, f.check)
    ]
    assert len(found) == 1, [(f.check, f.span.text) for f in state.document.flags]
    return found[0]


# --- security ------------------------------------------------------------------------------------


def test_page_headers_and_no_foreign_assets(make):
    _, client = make()
    page = client.get("/")
    csp = page.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    cookie = page.headers["set-cookie"]
    assert "backcheck_session=" in cookie and "samesite=strict" in cookie.lower() and "httponly" in cookie.lower()
    assert re.findall(r"<script[^>]*>", page.text) == ['<script src="/static/desk.js" defer>']
    assert not re.search(r"(src|href)=\"(https?:)?//", page.text)
    js = client.get("/static/desk.js")
    assert js.status_code == 200 and js.headers["content-type"].startswith("text/javascript")
    assert client.get("/static/..%2fapp.py").status_code == 404


def test_post_without_or_with_a_wrong_csrf_token_is_refused(make):
    _, client = make()
    csrf = csrf_of(client)
    assert client.post("/check", data={"english": ARTICLE}).status_code == 403
    assert client.post("/check", data={"english": ARTICLE, "csrf": "0" * 64}).status_code == 403
    # the right token from another session (no cookie) is refused too
    other = TestClient(client.app, base_url=BASE)
    assert other.post("/check", data={"english": ARTICLE, "csrf": csrf}).status_code == 403
    # and a cross-origin post carrying the cookie and token
    cross = client.post("/check", data={"english": ARTICLE, "csrf": csrf}, headers={"origin": "http://evil.example"})
    assert cross.status_code == 403
    assert client.post("/check", data={"english": ARTICLE, "csrf": csrf}, follow_redirects=False).status_code == 303


def test_foreign_host_header_is_refused_dns_rebinding(make):
    _, client = make()
    assert client.get("/", headers={"host": "evil.example:8765"}).status_code == 421
    assert client.get("/", headers={"host": "localhost:8765"}).status_code == 200
    assert client.get("/", headers={"host": "[::1]:8765"}).status_code == 200


def test_upload_over_the_limit_gets_413(make):
    _, client = make(max_bytes=5_000)
    csrf = csrf_of(client)
    big = client.post(
        "/check", data={"csrf": csrf}, files={"english_file": ("big.txt", b"word " * 2_000, "text/plain")}
    )
    assert big.status_code == 413
    assert "larger than this server's limit of 5000 bytes" in big.text


def test_token_required_on_every_request(make):
    token = "s3cret-token-for-tests-0123"
    _, client = make(Settings(local=False, token=token, max_bytes=200_000))
    assert client.get("/").status_code == 401
    assert client.get("/static/desk.js").status_code == 401
    assert client.get("/", headers={"authorization": f"Bearer {token}"}).status_code == 200
    assert client.get("/", headers={"authorization": "Bearer wrong-token-wrong-token"}).status_code == 401
    first = client.get(f"/?token={token}", follow_redirects=False)
    assert first.status_code == 303 and "backcheck_token=" in first.headers["set-cookie"]
    assert client.get("/").status_code == 200  # the cookie carries it from now on
    # a non-local server does not check the Host header: the token protects it
    assert client.get("/", headers={"host": "newsroom.example:8765"}).status_code == 200


def test_hostile_article_text_stays_inert(make):
    _, client = make()
    hostile = (
        "Mayor <script>alert('x')</script> opens the bridge\n\n"
        'The mayor said <img src=x onerror="alert(1)"> the bridge opens on Monday. Petrova agreed.\n'
    )
    location = open_article(client, hostile, name="<b>name</b>")
    page = client.get(location).text
    assert "<script>alert" not in page and "<img src=x" not in page and "<b>name</b>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "&lt;b&gt;name&lt;/b&gt;" in page


# --- the folder ----------------------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "articles"
    (root / "sub").mkdir(parents=True)
    (root / "story.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "sub" / "other.md").write_text(ARTICLE.replace("Tuesday", "Monday"), encoding="utf-8")
    (tmp_path / "secret.txt").write_text("TOP SECRET outside the folder\n", encoding="utf-8")
    os.symlink(tmp_path / "secret.txt", root / "link.txt")
    return root


def test_folder_lists_and_opens_articles_by_name(make, folder):
    _, client = make(folder=folder)
    home = client.get("/").text
    assert 'href="/open?name=story.txt"' in home and 'href="/open?name=sub/other.md"' in home
    assert "link.txt" not in home  # a symlink out of the folder is not listed
    opened = client.get("/open?name=sub/other.md", follow_redirects=False)
    assert opened.status_code == 303
    assert "on Monday" in client.get(opened.headers["location"]).text


@pytest.mark.parametrize(
    "query",
    [
        "name=../secret.txt",
        "name=sub/../../secret.txt",
        "name=%2e%2e%2fsecret.txt",  # encoded traversal
        "name=%252e%252e%252fsecret.txt",  # double-encoded
        "name=..%5csecret.txt",  # backslash
        "name=/etc/passwd",
        "name=%2Fetc%2Fpasswd",
        "name=link.txt",  # symlink out of the folder
        "name=sub/./../story.txt",
        "name=story.txt%00.md",
        "name=story.txt&source=../secret.txt",
    ],
)
def test_folder_traversal_is_refused(make, folder, query):
    _, client = make(folder=folder)
    response = client.get(f"/open?{query}", follow_redirects=False)
    assert response.status_code == 404
    assert "TOP SECRET" not in response.text


def test_open_without_folder_is_404(make):
    _, client = make()
    assert client.get("/open?name=story.txt").status_code == 404


# --- decisions -----------------------------------------------------------------------------------


def test_accept_applies_the_suggestion_rechecks_and_is_remembered(make, tmp_path):
    desk, client = make()
    english = SAMPLE.read_text(encoding="utf-8")
    location = open_article(client, english)
    assert ">Hornova</mark>" in client.get(location).text
    fp = fingerprint_of(desk, location, "Hornova")
    csrf = csrf_of(client, location)
    done = client.post(
        f"{location}/decide",
        data={"csrf": csrf, "flag": fp, "action": "accept", "replacement": "Horn", "i": "0"},
        follow_redirects=False,
    )
    assert done.status_code == 303 and done.headers["location"] == f"{location}?i=0"
    page = client.get(location).text
    assert "Hornova</mark>" not in page and "Horn said" in page
    assert '<span class="told">accepted: <q>Hornova</q> (name.inflected) → <ins>Horn</ins></span>' in page
    exported = client.get(f"{location}/export.txt")
    assert exported.headers["content-disposition"] == 'attachment; filename="pasted_article.corrected.txt"'
    assert '," Horn said.' in exported.text and "Hornova" not in exported.text
    assert exported.text == english.replace("Hornova", "Horn")  # nothing else changed
    with DecisionStore(tmp_path / "decisions.sqlite") as store:
        stored = store.decisions(article_fingerprint(english))
    assert stored[fp].action == "accept" and stored[fp].replacement is None  # the suggestion itself

    # a new server on the same store: the same article comes back corrected
    desk2, client2 = make()
    again = open_article(client2, english)
    assert again == location
    assert "Horn said" in client2.get(again).text and "Hornova</mark>" not in client2.get(again).text


def test_accept_with_an_edit_typed_by_the_editor(make):
    desk, client = make()
    location = open_article(client, ARTICLE)
    fp = fingerprint_of(desk, location, "Petrova")
    csrf = csrf_of(client, location)
    client.post(f"{location}/decide", data={"csrf": csrf, "flag": fp, "action": "accept", "replacement": "Ms. Petrov"})
    text = client.get(f"{location}/export.txt").text
    assert "Ms. Petrov said the council" in text and "Petrova" not in text


def test_dismiss_needs_a_reason_and_is_honoured(make, tmp_path):
    desk, client = make()
    location = open_article(client, ARTICLE)
    fp = fingerprint_of(desk, location, '"Observer"')
    csrf = csrf_of(client, location)
    no_reason = client.post(f"{location}/decide", data={"csrf": csrf, "flag": fp, "action": "dismiss", "reason": " "})
    assert no_reason.status_code == 400 and "say why you dismiss" in no_reason.text
    client.post(
        f"{location}/decide", data={"csrf": csrf, "flag": fp, "action": "dismiss", "reason": "house style keeps quotes"}
    )
    page = client.get(location).text
    assert "dismissed: <q>&quot;Observer&quot;</q>" in page and "house style keeps quotes" in page
    report = json.loads(client.get(f"{location}/report.json").text)
    checks = [f["check"] for f in report["documents"][0]["flags"]]
    assert "style.quoted-publication" not in checks
    assert "1 flag dismissed earlier by an editor" in report["documents"][0]["notes"]
    # undo brings it back
    client.post(f"{location}/forget", data={"csrf": csrf, "flag": fp})
    report = json.loads(client.get(f"{location}/report.json").text)
    assert "style.quoted-publication" in [f["check"] for f in report["documents"][0]["flags"]]


def test_dismissals_follow_the_corrected_text_for_check(make, tmp_path):
    desk, client = make()
    location = open_article(client, ARTICLE)
    dismissed = fingerprint_of(desk, location, '"Observer"')
    accepted = fingerprint_of(desk, location, "Petrova")
    csrf = csrf_of(client, location)
    client.post(f"{location}/decide", data={"csrf": csrf, "flag": dismissed, "action": "dismiss", "reason": "style"})
    client.post(
        f"{location}/decide", data={"csrf": csrf, "flag": accepted, "action": "accept", "replacement": "Petrov"}
    )
    corrected = client.get(f"{location}/export.txt").text
    assert corrected != ARTICLE
    # `backcheck check` on the exported file finds the dismissal under the file's own fingerprint
    found = stored_decisions(tmp_path / "decisions.sqlite", corrected)
    assert [d.action for d in found.values()] == ["dismiss"]


def test_unknown_article_and_stale_flag(make):
    _, client = make()
    csrf = csrf_of(client)
    assert client.get("/a/" + "0" * 64).status_code == 404
    location = open_article(client, ARTICLE)
    stale = client.post(f"{location}/decide", data={"csrf": csrf, "flag": "f" * 32, "action": "dismiss", "reason": "x"})
    assert stale.status_code == 404 and "no longer in the article" in stale.text
    assert client.post("/check", data={"csrf": csrf, "english": "  "}).status_code == 400


# --- the command ---------------------------------------------------------------------------------


def test_non_local_host_without_token_exits_2():
    result = CliRunner().invoke(cli_app, ["serve", "--host", "0.0.0.0"], env={"BACKCHECK_SERVE_TOKEN": ""})
    assert result.exit_code == 2
    assert "--host 0.0.0.0 serves beyond this machine: give --token" in result.output
    short = CliRunner().invoke(cli_app, ["serve", "--host", "0.0.0.0", "--token", "short"])
    assert short.exit_code == 2 and "at least 16 characters" in short.output


def test_serve_without_the_extra_exits_2_with_the_install_command(monkeypatch):
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # import uvicorn raises ImportError
    result = CliRunner().invoke(cli_app, ["serve"])
    assert result.exit_code == 2
    assert "pip install 'backcheck[serve]'" in result.output


def test_busy_port_is_a_one_line_error(tmp_path):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(
            cli_app,
            ["serve", "--port", str(port), "--engine", "none", "--decisions", str(tmp_path / "d.sqlite")],
        )
    assert result.exit_code == 3
    assert f"cannot listen on 127.0.0.1:{port}" in result.output
