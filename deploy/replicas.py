"""N ``streamlit run app.py`` processes behind one nginx, on one host:
``python -m deploy.replicas --processes 2 --listen 0.0.0.0:8080`` (``DATABASE_URL`` must name a
PostgreSQL database: SQLite is one file on one disk, for one process).

Each replica listens on a free loopback port; nginx (Debian's ``/usr/sbin/nginx``, run as the
current user with its files in a run folder) listens on ``--listen`` and keeps each browser on
one replica (``deploy/nginx.conf.template``). Every replica gets the same two secrets
(``replica_environment``): Streamlit's cookie secret and the key of the sign-in cookie
(``PANTAU_SESSION_SECRET``, ``ui/session_cookie.py``), so a cookie signed by one replica is valid
in all; and reads the client address from ``X-Real-IP``.
``replicas(...)`` is the same as a context manager, for the proxy test and ``bench.load``.
Ctrl-C (or SIGTERM) stops nginx and every replica.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import secrets
import signal
import subprocess
import sys
import tempfile
import time
import tomllib
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from deploy.serve import free_port, streamlit_server

HERE = Path(__file__).resolve().parent
TEMPLATE = HERE / "nginx.conf.template"
NGINX = "/usr/sbin/nginx"
APP = HERE.parent / "app.py"
SECRETS_FILE = HERE.parent / ".streamlit" / "secrets.toml"
PLACEHOLDER = re.compile(r"\$\{(\w+)\}")  # ${name} in the template; nginx's own variables are $name


@dataclass
class Deployment:
    url: str  # the proxy's address, http://host:port
    replicas: list[str]  # each replica's own address (loopback)
    run_dir: Path
    environment: dict[str, str]  # what every replica was given on top of the inherited environment


def _configured_session_secret(environ, secrets_file: Path) -> str | None:
    """``PANTAU_SESSION_SECRET`` from the environment, else ``[session] secret`` in ``secrets_file``."""
    if environ.get("PANTAU_SESSION_SECRET"):
        return environ["PANTAU_SESSION_SECRET"]
    try:
        with open(secrets_file, "rb") as file:
            found = tomllib.load(file).get("session", {}).get("secret")
    except (OSError, tomllib.TOMLDecodeError):
        return None
    return str(found) if found else None


def replica_environment(extra_env: dict[str, str] | None = None, environ=None,
                        secrets_file: Path = SECRETS_FILE) -> dict[str, str]:
    """The variables every replica of one deployment shares: ``STREAMLIT_SERVER_COOKIE_SECRET`` and
    ``PANTAU_SESSION_SECRET`` as configured (environment; the session key also ``[session] secret``
    in ``.streamlit/secrets.toml``), else each drawn once here for the whole deployment (a restart
    then signs everyone out); ``PANTAU_CLIENT_ADDRESS_HEADER=X-Real-IP``; then ``extra_env``."""
    environ = os.environ if environ is None else environ
    return {"STREAMLIT_SERVER_COOKIE_SECRET": environ.get("STREAMLIT_SERVER_COOKIE_SECRET")
            or secrets.token_urlsafe(32),
            "PANTAU_SESSION_SECRET": _configured_session_secret(environ, secrets_file) or secrets.token_urlsafe(32),
            "PANTAU_CLIENT_ADDRESS_HEADER": "X-Real-IP", **(extra_env or {})}


def nginx_config(replica_ports: list[int], listen: str, run_dir: Path, *, worker_processes: str = "auto",
                 access_log: str = "off") -> str:
    """``nginx.conf`` text for replicas on ``127.0.0.1:<port>``."""
    servers = "\n".join(f"        server 127.0.0.1:{port} max_fails=0;" for port in replica_ports)
    values = {"worker_processes": worker_processes, "run_dir": str(run_dir), "access_log": access_log,
              "listen": listen, "upstream_servers": servers}
    return PLACEHOLDER.sub(lambda m: values[m.group(1)], TEMPLATE.read_text(encoding="utf-8"))


def _wait_healthy(url: str, process: subprocess.Popen, timeout: float, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx exited:\n{log.read_text(errors='replace')[-2000:]}")
        with contextlib.suppress(OSError):
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        time.sleep(0.1)
    raise TimeoutError(f"nginx not answering at {url} after {timeout}s")


@contextlib.contextmanager
def replicas(processes: int, database_url: str | None = None, *, listen: str | None = None,
             run_dir: Path | None = None, extra_env: dict[str, str] | None = None,
             timeout: float = 90, worker_processes: str = "auto") -> Iterator[Deployment]:
    """Start ``processes`` replicas and nginx; yield their addresses; stop them all."""
    run_dir = Path(run_dir or tempfile.mkdtemp(prefix="pantau-deploy-"))
    run_dir.mkdir(parents=True, exist_ok=True)
    listen = listen or f"127.0.0.1:{free_port()}"
    env = replica_environment(extra_env)
    with contextlib.ExitStack() as stack:
        bases = [stack.enter_context(streamlit_server(APP, database_url, timeout=timeout, extra_env=env,
                                                      log_path=run_dir / f"replica-{n}.log"))
                 for n in range(processes)]
        ports = [int(base.rsplit(":", 1)[1]) for base in bases]
        conf = run_dir / "nginx.conf"
        conf.write_text(nginx_config(ports, listen, run_dir, worker_processes=worker_processes), encoding="utf-8")
        log = run_dir / "nginx-stderr.log"
        with open(log, "wb") as out:
            nginx = subprocess.Popen([NGINX, "-p", str(run_dir), "-e", str(run_dir / "nginx-error.log"),
                                      "-c", str(conf), "-g", "daemon off;"], stdout=out, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL, start_new_session=True)
        try:
            host, port = listen.rsplit(":", 1)
            url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '*') else host}:{port}"
            _wait_healthy(url, nginx, timeout, log)
            yield Deployment(url=url, replicas=bases, run_dir=run_dir, environment=env)
        finally:
            nginx.send_signal(signal.SIGQUIT)  # graceful: finish open requests
            try:
                nginx.wait(timeout=10)
            except subprocess.TimeoutExpired:
                nginx.kill()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy.replicas", description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 2, help="replicas (default: one per core)")
    parser.add_argument("--listen", default="0.0.0.0:8080", help="nginx's address (default 0.0.0.0:8080)")
    parser.add_argument("--run-dir", type=Path, help="nginx's and the replicas' files (default: a temporary folder)")
    args = parser.parse_args(argv)
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        print("DATABASE_URL must name a PostgreSQL database for several processes", file=sys.stderr)
        return 2
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(True))
    with replicas(args.processes, listen=args.listen, run_dir=args.run_dir) as deployment:
        print(f"Pantau Rakor on {deployment.url} ({args.processes} processes: {', '.join(deployment.replicas)}); "
              f"files in {deployment.run_dir}", flush=True)
        try:
            while not stop:
                time.sleep(1)
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
