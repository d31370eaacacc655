"""A browser-less Streamlit client: one session over Streamlit's own WebSocket protocol.

``/_stcore/stream`` carries protobuf messages that ship in the ``streamlit`` package: the client
sends ``BackMsg`` (``rerun_script`` with a ``ClientState``: the URL's query string, the page's
name, the widgets' values), the server answers with ``ForwardMsg``s (``new_session``, deltas
that draw elements, ``page_info_changed`` when the script writes the URL, … and
``script_finished``). A page view is timed from sending the request to ``script_finished``.

Errors counted: an exception element in the page, ``page_not_found``, a script that ends with a
compile error, an ``st.error`` naming the database unreachable/locked, a closed connection or a
view over ``timeout`` seconds.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect

from ui.db import BUSY, UNREACHABLE

BAD_ALERTS = tuple(text[lang] for text in (UNREACHABLE, BUSY) for lang in ("id", "en"))
FINISHED = ForwardMsg.ScriptFinishedStatus


@dataclass
class View:
    """One page view: what was asked, how long it took (seconds), what went wrong (or ``None``)."""

    action: str
    seconds: float
    error: str | None = None


@dataclass
class StreamlitSession:
    """One browser tab's worth of Streamlit session, without a browser."""

    base: str  # http://host:port
    timeout: float = 30.0
    widgets: dict[str, object] = field(default_factory=dict)  # user key -> the widget's proto
    query_string: str = ""
    page: str = ""
    _ws: object = None

    async def __aenter__(self) -> StreamlitSession:
        url = "ws" + self.base[len("http"):] + "/_stcore/stream"
        self._ws = await connect(url, subprotocols=["streamlit"], max_size=None, open_timeout=self.timeout,
                                 ping_interval=None)
        return self

    async def __aexit__(self, *_exc) -> None:
        await self._ws.close()

    async def open(self, page: str, query_string: str = "") -> View:
        """A page opened from a link (``page`` is its url path, "" the default page)."""
        self.page, self.query_string = page, query_string
        return await self._rerun(f"open /{page}?{query_string}", widget_states=())

    async def choose(self, key: str, formatted: list[str]) -> View:
        """Pick ``formatted`` options in the multiselect with user key ``key`` (as a person does)."""
        widget = self.widgets[key]
        state = BackMsg().rerun_script.widget_states.widgets.add()
        state.id = widget.id
        state.string_array_value.data.extend(formatted)
        return await self._rerun(f"{key}={','.join(formatted)}", widget_states=(state,))

    def options(self, key: str) -> list[str]:
        return list(self.widgets[key].options) if key in self.widgets else []

    async def _rerun(self, action: str, widget_states) -> View:
        msg = BackMsg()
        msg.rerun_script.query_string = self.query_string
        msg.rerun_script.page_name = self.page
        for state in widget_states:
            msg.rerun_script.widget_states.widgets.add().CopyFrom(state)
        started = time.perf_counter()
        try:
            await self._ws.send(msg.SerializeToString())
            error = await asyncio.wait_for(self._until_finished(), self.timeout)
        except TimeoutError:
            error = f"no script_finished within {self.timeout:.0f} s"
        except Exception as exc:  # a closed connection, a refused handshake
            error = f"{type(exc).__name__}: {str(exc)[:200]}"
        return View(action, time.perf_counter() - started, error)

    async def _until_finished(self) -> str | None:
        error = None
        while True:
            raw = await self._ws.recv()
            fwd = ForwardMsg()
            fwd.ParseFromString(raw)
            kind = fwd.WhichOneof("type")
            if kind == "delta":
                error = error or self._note_element(fwd.delta)
            elif kind == "page_info_changed":
                self.query_string = fwd.page_info_changed.query_string
            elif kind == "page_not_found":
                error = error or f"page not found: {fwd.page_not_found.page_name!r}"
            elif kind == "script_finished":
                if fwd.script_finished == FINISHED.FINISHED_WITH_COMPILE_ERROR:
                    return "compile error"
                if fwd.script_finished in (FINISHED.FINISHED_SUCCESSFULLY, FINISHED.FINISHED_EARLY_FOR_RERUN):
                    return error

    def _note_element(self, delta) -> str | None:
        if delta.WhichOneof("type") != "new_element":
            return None
        element = delta.new_element
        which = element.WhichOneof("type")
        if which == "exception":
            return f"exception: {element.exception.type}: {element.exception.message[:200]}"
        if which == "alert" and any(bad in element.alert.body for bad in BAD_ALERTS):
            return f"alert: {element.alert.body[:200]}"
        if which == "multiselect":
            key = element.multiselect.id.rsplit("-", 1)[-1]
            self.widgets[key] = element.multiselect
        return None
