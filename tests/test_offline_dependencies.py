"""The text pipeline works offline, without camel-tools data or torch.

The machines that run paradip reach package registries only: camel-tools'
data packages and model hubs are out of reach. These tests run the whole text
pipeline in a fresh interpreter whose sockets refuse to connect, and check
that nothing heavy was imported on the way.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import json, socket, sys

    def refuse(*args, **kwargs):
        raise OSError("network disabled in this test")

    socket.socket.connect = refuse
    socket.create_connection = refuse

    from classifier.text import detect_language, normalize
    samples = {
        "fa": "اين كتاب مي خواهم",
        "ar": "وقّعت حكومة إقليم كوردستان مذكرة تفاهم",
        "en": "Québec opens a trade office in Tokyo",
    }
    out = {lang: [detect_language(text), normalize(text, lang)] for lang, text in samples.items()}
    heavy = sorted(
        name for name in sys.modules
        if name.split(".")[0] in {"torch", "transformers", "tensorflow"}
        or name.startswith(("camel_tools.data", "camel_tools.morphology", "camel_tools.disambig"))
    )
    print(json.dumps({"out": out, "heavy": heavy}, ensure_ascii=False))
    """
)


def test_text_pipeline_runs_offline_without_heavy_imports() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["heavy"] == []
    assert report["out"] == {
        "fa": ["fa", "این کتاب میخواهم"],
        "ar": ["ar", "وقعت حکومه اقلیم کوردستان مذکره تفاهم"],
        "en": ["en", "quebec opens a trade office in tokyo"],
    }


def test_torch_is_not_installed() -> None:
    result = subprocess.run(
        [sys.executable, "-c", "import importlib.util as u; print(u.find_spec('torch') is None)"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "True"
