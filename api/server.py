"""Start the service: one uvicorn process, or several that each own a listening socket.

uvicorn's own ``--workers`` binds one socket in a parent process and lets the
workers share it; whichever worker calls ``accept`` first gets the
connection. A worker busy classifying still accepts (its event loop is
free while the model runs in a thread), so long-lived client connections
pile up on one worker: measured here, 32 keep-alive clients split 24 / 8
between two workers, and two workers served fewer requests than one.

On Linux each worker here binds its own socket to the same address with
``SO_REUSEPORT``, and the kernel spreads new connections across them by
hash. A parent process starts the workers, replaces one that dies, and stops
them all on SIGINT or SIGTERM. Where ``SO_REUSEPORT`` does not balance
(other systems), uvicorn's own workers are used.
"""

from __future__ import annotations

import errno
import multiprocessing
import signal
import socket
import sys
import time
from multiprocessing.process import BaseProcess
from types import FrameType

import uvicorn

__all__ = ["serve"]

APP = "api.main:app"
STOP_SECONDS = 30


def _balancing_supported() -> bool:
    return sys.platform.startswith("linux") and hasattr(socket, "SO_REUSEPORT")


def _family(host: str) -> socket.AddressFamily:
    return socket.AF_INET6 if ":" in host else socket.AF_INET


def _someone_listens(host: str, port: int) -> bool:
    """Whether a server already answers on ``host:port`` (another paradip, say).

    ``SO_REUSEPORT`` lets a second process of the same user bind a port
    already bound that way, so binding alone would not notice it.
    """
    with socket.socket(_family(host), socket.SOCK_STREAM) as probe:
        probe.settimeout(1)
        return probe.connect_ex((host, port)) == 0


def _bound_socket(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port`` that the other workers' sockets may share."""
    sock = socket.socket(_family(host), socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    return sock


def _worker(sock: socket.socket) -> None:
    """One worker process: its own socket, one uvicorn server."""
    server = uvicorn.Server(uvicorn.Config(APP, log_level="info"))
    server.run(sockets=[sock])


def serve(host: str, port: int, workers: int) -> None:
    """Serve the API on ``host:port`` with ``workers`` processes until stopped.

    Raises
    ------
    OSError
        When the address cannot be bound (in use, or not this machine's).
    """
    if workers == 1 or not _balancing_supported():
        uvicorn.run(APP, host=host, port=port, workers=workers)
        return
    # The sockets are bound here, before any worker starts, so that a port
    # in use fails at once, in the command; a worker that is replaced gets
    # the same socket again.
    if _someone_listens(host, port):
        raise OSError(errno.EADDRINUSE, "address already in use")
    sockets = [_bound_socket(host, port) for _ in range(workers)]
    for sock in sockets:
        sock.listen(2048)  # the port is taken from now on, not once the workers are up
    context = multiprocessing.get_context("spawn")
    stopping = False

    def stop(signum: int, frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}

    def start(index: int) -> BaseProcess:
        process = context.Process(target=_worker, args=(sockets[index],), daemon=False)
        process.start()
        return process

    processes = [start(index) for index in range(workers)]
    print(
        f"paradip: {workers} workers on http://{host}:{port} "
        f"(pids {', '.join(str(p.pid) for p in processes)})",
        flush=True,
    )
    try:
        while not stopping:
            time.sleep(0.5)
            for index, process in enumerate(processes):
                if not process.is_alive() and not stopping:
                    print(
                        f"paradip: worker {process.pid} exited ({process.exitcode}); "
                        "starting another",
                        flush=True,
                    )
                    processes[index] = start(index)
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()
        deadline = time.monotonic() + STOP_SECONDS
        for process in processes:
            process.join(timeout=max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.kill()
        for sock in sockets:
            sock.close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
