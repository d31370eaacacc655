"""``<html lang>`` in the reader's language (WCAG 2.2 SC 3.1.1 Language of Page).

Streamlit serves one static ``index.html`` with ``<html lang="en">`` for every page (an open upstream
issue), so a screen reader announced the Indonesian pages in English. ``HtmlLang`` is ASGI middleware
around the app (``app.py``): on an HTML response it

- writes ``lang`` from the request's ``?bahasa=`` (``id`` when absent or unknown, as ``dashboard.py``
  decides), so the document is right before any script runs;
- adds a small script that sets ``lang`` again whenever the page's URL changes (Streamlit rewrites the
  URL when the language selector changes ``?bahasa=``: ``pushState`` / ``replaceState``), so the
  language follows a switch inside the session.

The request's ``Accept-Encoding`` is dropped for HTML pages only, so the body reaches this middleware
uncompressed (Streamlit's gzip runs inside it); static assets are passed through untouched.
Tested by ``tests/test_html_lang.py`` (ASGI, no server) and the axe run in the browser.
"""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs

LANGUAGE_PARAM = "bahasa"
ASSET_PREFIXES = ("/_stcore", "/static", "/media", "/component", "/app/static", "/favicon")
DROPPED_HEADERS = (b"content-length", b"etag", b"last-modified")
HTML_TAG = re.compile(rb"<html(\s[^>]*)?>", re.IGNORECASE)


def _script(languages: tuple[str, ...], default: str) -> bytes:
    known, fallback, param = json.dumps(list(languages)), json.dumps(default), json.dumps(LANGUAGE_PARAM)
    return ("<script>(function(){var k=" + known + ",f=" + fallback + ";"
            "function s(){var b=new URLSearchParams(location.search).get(" + param + ");"
            "document.documentElement.lang=k.indexOf(b)>=0?b:f;}"
            "['pushState','replaceState'].forEach(function(m){var o=history[m];"
            "history[m]=function(){var r=o.apply(this,arguments);s();return r;};});"
            "addEventListener('popstate',s);s();})();</script>").encode()


def rewrite(body: bytes, lang: str, script: bytes) -> bytes:
    """``body`` (an HTML document) with ``<html lang="{lang}">`` and ``script`` first in ``<head>``."""
    body = HTML_TAG.sub(f'<html lang="{lang}">'.encode(), body, count=1)
    head = re.search(rb"<head[^>]*>", body, re.IGNORECASE)
    if head:
        body = body[:head.end()] + script + body[head.end():]
    return body


def language_of(query_string: bytes, languages: tuple[str, ...], default: str) -> str:
    wanted = parse_qs(query_string.decode("latin-1")).get(LANGUAGE_PARAM, [default])[0]
    return wanted if wanted in languages else default


class HtmlLang:
    """ASGI middleware: ``Middleware(HtmlLang, languages=("id", "en"), default="id")``."""

    def __init__(self, app, languages: tuple[str, ...] = ("id", "en"), default: str = "id"):
        self.app, self.languages, self.default = app, tuple(languages), default
        self.script = _script(self.languages, default)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("method") not in ("GET", "HEAD") \
                or scope.get("path", "").startswith(ASSET_PREFIXES):
            await self.app(scope, receive, send)
            return
        lang = language_of(scope.get("query_string", b""), self.languages, self.default)
        scope = dict(scope, headers=[(k, v) for k, v in scope.get("headers", []) if k.lower() != b"accept-encoding"])
        start: dict | None = None
        chunks: list[bytes] = []

        async def wrapped_send(message):
            nonlocal start
            if message["type"] == "http.response.start":
                headers = dict((k.lower(), v) for k, v in message.get("headers", []))
                if headers.get(b"content-type", b"").startswith(b"text/html") and b"content-encoding" not in headers:
                    start = message
                    return
                await send(message)
                return
            if start is None or message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return
            if scope["method"] != "GET":  # HEAD: the headers as they were, no body
                await send(start)
                await send(message)
                return
            body = rewrite(b"".join(chunks), lang, self.script)
            # the body now depends on the query string: no validator that would let a cache mix languages
            headers = [(k, v) for k, v in start.get("headers", []) if k.lower() not in DROPPED_HEADERS]
            headers.append((b"content-length", str(len(body)).encode()))
            await send(dict(start, headers=headers))
            await send({"type": "http.response.body", "body": body, "more_body": False})

        await self.app(scope, receive, wrapped_send)
