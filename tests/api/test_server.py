"""``paradip serve --workers N``: workers with their own sockets, supervised, stopped together."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from classifier.model.registry import Registry
from tests.conftest import free_port


def _serve(port: int, models: Path, workers: int) -> subprocess.Popen[str]:
    env = {**os.environ, "PARADIP_MODEL_DIR": str(models), "PARADIP_DATA_DIR": str(models.parent)}
    command = [sys.executable, "-m", "classifier", "serve", "--port", str(port)]
    return subprocess.Popen(
        [*command, "--workers", str(workers)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_ready(url: str, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/v1/ready", timeout=30).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not become ready")


def test_workers_are_supervised_refuse_a_second_server_and_stop_together(
    small_registry: Registry,
) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    process = _serve(port, small_registry.root, workers=2)
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert re.fullmatch(rf"paradip: 2 workers on {url} \(pids \d+, \d+\)\n", first)
        _wait_ready(url)

        second = _serve(port, small_registry.root, workers=2)
        _, err = second.communicate(timeout=60)
        assert second.returncode == 1
        assert f"cannot listen on 127.0.0.1:{port}: address already in use" in err

        pids = [int(pid) for pid in re.findall(r"\d+", first.split("pids")[1])]
        os.kill(pids[0], signal.SIGKILL)
        expected = f"paradip: worker {pids[0]} exited (-9); starting another\n"
        lines = []
        while (line := process.stdout.readline()) and line != expected:  # access-log lines
            lines.append(line)
        assert line == expected, lines
        _wait_ready(url)
        for _ in range(8):  # new connections spread over both sockets: all answered
            with httpx.Client(timeout=60) as fresh:
                assert fresh.get(f"{url}/v1/ready").status_code == 200

        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == 0
        with socket.socket() as probe:
            assert probe.connect_ex(("127.0.0.1", port)) != 0
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)
