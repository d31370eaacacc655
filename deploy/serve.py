"""Run ``streamlit run`` on a free loopback port: the launcher of `deploy.replicas`, the benchmarks and the browser tests.

A context manager: starts the server in its own process group with the given
``DATABASE_URL``, waits (bounded) for ``/_stcore/health``, and always stops it.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


class ServerURL(str):
    """The base URL of a running server, with its process id (``pid``) for memory figures."""

    pid: int


def rss_mib(pid: int) -> float:
    """Resident memory of process ``pid`` now (``VmRSS``), in MiB; 0 when it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def streamlit_server(script: str | Path, database_url: str | None = None, *, timeout: float = 90,
                     extra_env: dict[str, str] | None = None, drop_env: tuple[str, ...] = (),
                     log_path: Path | None = None):
    """Yields the base URL (``http://127.0.0.1:PORT``, a ``ServerURL`` with the ``pid``) of a running server.

    ``extra_env`` is added to this process's environment and ``drop_env`` names
    removed from it; the server's output goes to ``log_path`` (default: a
    temporary file), whose tail is in the error when the server never answers.
    The file watcher is off: people edit the working tree while it runs.
    """
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1", **(extra_env or {})}
    for name in drop_env:
        env.pop(name, None)
    if database_url:
        env["DATABASE_URL"] = database_url
    log = (open(log_path, "wb") if log_path  # noqa: SIM115 - closed in the finally below
           else tempfile.NamedTemporaryFile(prefix="streamlit-", suffix=".log", delete=False))
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1",
         "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
    )
    base = ServerURL(f"http://127.0.0.1:{port}")
    base.pid = process.pid
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"streamlit exited early:\n{Path(log.name).read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError(f"streamlit not healthy after {timeout}s:\n{Path(log.name).read_text()[-3000:]}")
            time.sleep(0.2)
        yield base
    finally:
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=15)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(process.pid, signal.SIGKILL)
        log.close()
