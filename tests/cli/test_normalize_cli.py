"""``paradip normalize`` through Typer's CliRunner."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from classifier.cli import app

runner = CliRunner(env={"COLUMNS": "250", "TERMINAL_WIDTH": "250"})


def test_show_lang_on_stdin() -> None:
    result = runner.invoke(
        app,
        ["normalize", "--show-lang"],
        input=(
            "اين كتاب مي خواهم\n"
            "وقّعت حكومـة إقليم كوردستان مذكرة تفاهم\n"
            "Québec’s premier visits Erbil\n"
        ),
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "fa\tاین کتاب میخواهم",
        "ar\tوقعت حکومه اقلیم کوردستان مذکره تفاهم",
        "en\tquebec's premier visits erbil",
    ]


def test_file_with_forced_language(tmp_path: Path) -> None:
    path = tmp_path / "in.txt"
    path.write_text("كردستان\n", encoding="utf-8")
    result = runner.invoke(app, ["normalize", str(path), "--lang", "fa"])
    assert result.exit_code == 0
    assert result.stdout == "کردستان\n"


def test_non_utf8_line_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes(b"good line\n\xff\xfe bad\nlast line\n")
    result = runner.invoke(app, ["normalize", str(path)])
    assert result.exit_code == 1
    assert result.stdout == "good line\nlast line\n"
    assert "line 2: not valid UTF-8" in result.stderr
    assert "1 line(s) left out" in result.stderr
    assert "Traceback" not in result.output


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["normalize", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "no such file" in result.output


def test_unknown_language_is_rejected() -> None:
    result = runner.invoke(app, ["normalize", "--lang", "de"], input="x\n")
    assert result.exit_code == 2
    assert "'de' is not one of" in result.output


def test_every_command_has_help() -> None:
    import typer.main

    root = typer.main.get_command(app)
    assert runner.invoke(app, ["--help"]).exit_code == 0

    def paths(command: object, prefix: list[str]) -> list[list[str]]:
        found = [prefix]
        for name, sub in getattr(command, "commands", {}).items():
            found += paths(sub, [*prefix, name])
        return found

    every = paths(root, [])
    assert ["normalize"] in every and ["data", "check"] in every and ["classify"] in every
    for path in every:
        result = runner.invoke(app, [*path, "--help"])
        assert result.exit_code == 0, path
        assert "Usage:" in result.output
