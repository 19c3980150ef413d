"""The HTTP layer of ``backcheck serve`` (Starlette): routes over :class:`~backcheck.serve.desk.Desk`.

Security, in the order a request meets it (:class:`Guard`):

* **Host**: bound to a loopback address, only requests whose ``Host`` names a loopback address
  (``127.0.0.1``, ``localhost``, ``[::1]``) are served, so a web page that rebinds its own DNS name
  to 127.0.0.1 gets 421 (DNS rebinding).
* **Token**: when the server has one (required for any other address) every request carries it:
  an ``Authorization: Bearer`` or ``X-Backcheck-Token`` header, or the cookie a first visit to
  ``/?token=…`` sets. Without it: 401.
* **Size**: a request body over ``max_bytes`` gets 413 with a one-line message, before it is read.
* **CSRF**: every POST carries the per-session token (form field ``csrf`` or header
  ``X-CSRF-Token``) derived from the ``SameSite=Strict`` session cookie; otherwise 403. A
  cross-origin ``Origin`` is refused too.
* **Headers**: a strict Content-Security-Policy (scripts and styles only from this server, no
  inline script, nothing from elsewhere), ``nosniff``, no framing, no referrer, no caching.

Every check runs on the desk's one worker thread, so the loaded resources are shared and requests
never check two articles at once.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from backcheck.errors import BackcheckError, InputError
from backcheck.serve import page
from backcheck.serve.desk import Desk, NotFound

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")
SESSION_COOKIE = "backcheck_session"
TOKEN_COOKIE = "backcheck_token"


@dataclass(frozen=True)
class Settings:
    """How the server was started: what the guard checks."""

    local: bool = True  #: bound to a loopback address: the Host header must name one
    token: str | None = None  #: every request must carry it when set
    max_bytes: int = 2_000_000  #: largest request body


def _host_name(host_header: str) -> str:
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class _TooLarge(Exception):
    pass


class Guard:
    """ASGI middleware: Host check, token, body size limit and security headers (see the module)."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        if self.settings.local and _host_name(headers.get("host", "")) not in LOOPBACK_NAMES:
            await _plain(send, 421, "backcheck serve answers only to 127.0.0.1 or localhost (Host header refused)")
            return
        if self.settings.token is not None and not self._token_ok(scope, headers):
            await _plain(send, 401, "this backcheck server needs its token: open the address it printed (…/?token=…)")
            return
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.settings.max_bytes:
            await _plain(send, 413, self._too_large())
            return
        started = False
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.settings.max_bytes:
                    raise _TooLarge
            return message

        async def secured_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message = {**message, "headers": [*message.get("headers", []), *SECURITY_HEADERS]}
            await send(message)

        try:
            await self.app(scope, limited_receive, secured_send)
        except _TooLarge:
            if not started:
                await _plain(send, 413, self._too_large())

    def _too_large(self) -> str:
        return f"the upload is larger than this server's limit of {self.settings.max_bytes} bytes (--max-bytes)"

    def _token_ok(self, scope: Scope, headers: dict[str, str]) -> bool:
        expected = self.settings.token or ""
        offered = []
        auth = headers.get("authorization", "")
        if auth.lower().startswith("bearer "):
            offered.append(auth[7:].strip())
        offered.append(headers.get("x-backcheck-token", ""))
        offered.append(_cookie(headers.get("cookie", ""), TOKEN_COOKIE))
        if scope.get("method") == "GET":
            from urllib.parse import parse_qs

            offered += parse_qs(scope.get("query_string", b"").decode("latin-1")).get("token", [])
        return any(o and hmac.compare_digest(o.encode(), expected.encode()) for o in offered)


def _cookie(header: str, name: str) -> str:
    from http.cookies import CookieError, SimpleCookie

    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(header)
    except CookieError:
        return ""
    morsel = jar.get(name)
    return morsel.value if morsel is not None else ""


async def _plain(send: Send, status: int, text: str) -> None:
    body = (text + "\n").encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                *SECURITY_HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


@cache
def _static(name: str) -> bytes:
    if name == "report.css":
        return page.report_css().encode()
    return resources.files("backcheck.serve").joinpath("static", name).read_bytes()


STATIC_TYPES = {"desk.js": "text/javascript; charset=utf-8", "desk.css": "text/css", "report.css": "text/css"}


def create_app(desk: Desk, settings: Settings | None = None) -> ASGIApp:
    """The ASGI application serving ``desk``."""
    settings = settings or Settings(max_bytes=desk.max_bytes)
    secret = secrets.token_bytes(32)

    def csrf_for(session: str) -> str:
        return hmac.new(secret, session.encode(), hashlib.sha256).hexdigest()

    def session_of(request: Request) -> tuple[str, bool]:
        session = request.cookies.get(SESSION_COOKIE, "")
        if len(session) == 43 and session.replace("-", "").replace("_", "").isalnum():
            return session, False
        return secrets.token_urlsafe(32), True

    def respond(request: Request, make: Any, status: int = 200) -> Response:
        """An HTML response built by ``make(csrf)``, with the session cookie set on first visit."""
        session, new = session_of(request)
        response = HTMLResponse(make(csrf_for(session)), status_code=status)
        if new:
            response.set_cookie(SESSION_COOKIE, session, httponly=True, samesite="strict", path="/")
        return response

    async def on_worker(fn: Any, *args: Any) -> Any:
        return await asyncio.wrap_future(desk.submit(fn, *args))

    async def checked_form(request: Request) -> Any:
        """The POSTed form, when it carries this session's CSRF token (else 403)."""
        origin = request.headers.get("origin")
        if origin and origin != "null":
            from urllib.parse import urlsplit

            if urlsplit(origin).netloc.lower() != request.headers.get("host", "").lower():
                raise _Forbidden("cross-origin request refused")
        session = request.cookies.get(SESSION_COOKIE, "")
        form = await request.form(max_files=4, max_fields=32, max_part_size=settings.max_bytes)
        offered = str(form.get("csrf") or request.headers.get("x-csrf-token") or "")
        if not session or not offered or not hmac.compare_digest(offered, csrf_for(session)):
            raise _Forbidden("missing or wrong CSRF token: reload the page and try again")
        return form

    async def home(request: Request) -> Response:
        token = request.query_params.get("token")
        if token is not None and settings.token is not None:
            response = RedirectResponse("/", status_code=303)
            response.set_cookie(TOKEN_COOKIE, settings.token, httponly=True, samesite="strict", path="/")
            return response
        return respond(request, lambda csrf: page.home(desk, csrf))

    async def check(request: Request) -> Response:
        form = await checked_form(request)
        english = await _text_field(form, "english", "english_file")
        source = await _text_field(form, "source", "source_file")
        name = str(form.get("name") or "") or _upload_name(form, "english_file")
        article = await on_worker(desk.open_text, english, source, str(form.get("source_lang") or ""), name)
        return RedirectResponse(f"/a/{article.key}", status_code=303)

    async def open_file(request: Request) -> Response:
        name = request.query_params.get("name", "")
        source = request.query_params.get("source") or None
        article = await on_worker(desk.open_file, name, source, request.query_params.get("source_lang"))
        return RedirectResponse(f"/a/{article.key}", status_code=303)

    async def show(request: Request) -> Response:
        state = await on_worker(desk.state, request.path_params["key"])
        return respond(request, lambda csrf: page.article(state, csrf))

    async def decide(request: Request) -> Response:
        key = request.path_params["key"]
        form = await checked_form(request)
        replacement = form.get("replacement")
        await on_worker(
            desk.decide,
            key,
            str(form.get("flag") or ""),
            str(form.get("action") or ""),
            str(form.get("reason") or ""),
            str(replacement) if replacement is not None else None,
        )
        at = str(form.get("i") or "0")
        return RedirectResponse(f"/a/{key}?i={quote(at) if at.isdigit() else 0}", status_code=303)

    async def forget(request: Request) -> Response:
        key = request.path_params["key"]
        form = await checked_form(request)
        await on_worker(desk.forget, key, str(form.get("flag") or ""))
        return RedirectResponse(f"/a/{key}", status_code=303)

    async def export_text(request: Request) -> Response:
        state = await on_worker(desk.state, request.path_params["key"])
        return Response(
            state.text,
            media_type="text/plain; charset=utf-8",
            headers={"content-disposition": _attachment(state.article.name, "corrected", ".txt")},
        )

    async def export_report(request: Request) -> Response:
        from backcheck.render import render

        state = await on_worker(desk.state, request.path_params["key"])
        data = render(state.report, "json")
        return Response(
            data,
            media_type="application/json",
            headers={"content-disposition": _attachment(state.article.name, "report", ".json")},
        )

    async def static(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in STATIC_TYPES:
            return PlainTextResponse("not found", status_code=404)
        return Response(_static(name), media_type=STATIC_TYPES[name])

    def error(status: int):
        async def handler(request: Request, exc: Exception) -> Response:
            message = str(exc) if isinstance(exc, BackcheckError | _Forbidden) else "something went wrong"
            return respond(request, lambda csrf: page.error_page(status, message, csrf), status=status)

        return handler

    async def failed(request: Request, exc: Exception) -> Response:
        if isinstance(exc, NotFound):
            return await error(404)(request, exc)
        if isinstance(exc, InputError):
            return await error(400)(request, exc)
        return await error(500)(request, exc)

    async def internal(request: Request, exc: Exception) -> Response:
        message = f"internal error: {type(exc).__name__} (a bug in backcheck; the server log has no article text)"
        return respond(request, lambda csrf: page.error_page(500, message, csrf), status=500)

    routes = [
        Route("/", home, methods=["GET"]),
        Route("/check", check, methods=["POST"]),
        Route("/open", open_file, methods=["GET"]),
        Route("/a/{key:str}", show, methods=["GET"]),
        Route("/a/{key:str}/decide", decide, methods=["POST"]),
        Route("/a/{key:str}/forget", forget, methods=["POST"]),
        Route("/a/{key:str}/export.txt", export_text, methods=["GET"]),
        Route("/a/{key:str}/report.json", export_report, methods=["GET"]),
        Route("/static/{name:str}", static, methods=["GET"]),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={
            _Forbidden: error(403),
            BackcheckError: failed,
            Exception: internal,
        },
    )
    return Guard(app, settings)


class _Forbidden(Exception):
    pass


async def _text_field(form: Any, field: str, upload_field: str) -> str | None:
    """The text pasted in ``field``, else the decoded file uploaded as ``upload_field``."""
    from backcheck.formats.encoding import decode_bytes

    upload = form.get(upload_field)
    if upload is not None and not isinstance(upload, str) and getattr(upload, "filename", None):
        data = await upload.read()
        if data:
            return decode_bytes(data, upload.filename or upload_field).text
    value = form.get(field)
    return str(value) if isinstance(value, str) and value.strip() else None


def _upload_name(form: Any, field: str) -> str:
    upload = form.get(field)
    return str(getattr(upload, "filename", "") or "") if upload is not None and not isinstance(upload, str) else ""


def _attachment(name: str, what: str, suffix: str) -> str:
    stem = "".join(c if c.isalnum() or c in "-_." else "_" for c in name.rsplit(".", 1)[0])[:80] or "article"
    return f'attachment; filename="{stem}.{what}{suffix}"'
