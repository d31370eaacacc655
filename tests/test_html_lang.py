"""``<html lang>`` follows the page's language (WCAG 3.1.1): ``ui.html_lang.HtmlLang`` around a small
ASGI app serving Streamlit's own ``index.html`` (and around the served ``app.py`` in the browser test)."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import streamlit

from ui.html_lang import HtmlLang

INDEX = (Path(streamlit.__file__).parent / "static" / "index.html").read_bytes()


async def _served(scope_path: str, query: bytes, *, content_type=b"text/html", body=INDEX, method="GET"):
    async def inner(scope, receive, send):
        assert not any(k == b"accept-encoding" for k, _ in scope["headers"]) or not content_type.startswith(b"text/html")
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", content_type), (b"content-length", str(len(body)).encode()),
                                (b"etag", b'"x"')]})
        half = len(body) // 2
        await send({"type": "http.response.body", "body": body[:half], "more_body": True})
        await send({"type": "http.response.body", "body": body[half:], "more_body": False})

    sent = []

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": method, "path": scope_path, "query_string": query,
             "headers": [(b"accept-encoding", b"gzip")]}
    await HtmlLang(inner, languages=("id", "en"), default="id")(scope, None, send)
    headers = dict(sent[0]["headers"])
    return headers, b"".join(m.get("body", b"") for m in sent[1:])


def _run(coroutine):
    """Run ``coroutine`` on a fresh event loop in its own thread: an earlier test in the same process
    (Playwright's sync API) may leave an event loop running in this one, where ``asyncio.run`` fails."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


@pytest.mark.parametrize(("query", "lang"), [(b"", "id"), (b"bahasa=en", "en"), (b"prov=53&bahasa=id", "id"),
                                             (b"bahasa=fr", "id"), (b"bahasa=%3Cscript%3E", "id")])
def test_document_language_follows_the_link(query, lang):
    assert b'<html lang="en">' in INDEX  # what Streamlit serves on its own
    headers, body = _run(_served("/koperasi", query))
    assert body.count(b"<html ") == 1 and f'<html lang="{lang}">'.encode() in body
    assert int(headers[b"content-length"]) == len(body)
    assert b"etag" not in headers
    assert b"replaceState" in body and body.index(b"<script>(function(){var k=") < body.index(b"</head>")


def test_assets_and_other_types_pass_untouched():
    headers, body = _run(_served("/static/js/main.js", b"", content_type=b"text/javascript", body=b"x" * 10))
    assert body == b"x" * 10 and headers[b"etag"] == b'"x"'
    headers, body = _run(_served("/koperasi", b"", content_type=b"application/json", body=b"{}"))
    assert body == b"{}"
