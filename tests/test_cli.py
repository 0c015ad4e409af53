"""The command group itself: lazy subcommands, and a clear message when one cannot load."""
from __future__ import annotations

from click.testing import CliRunner

from dateline import cli as cli_module


def test_every_listed_command_loads_and_has_help():
    runner = CliRunner()
    for name in cli_module.COMMANDS:
        result = runner.invoke(cli_module.cli, [name, "--help"], obj={"debug": False})
        assert result.exit_code == 0, (name, result.output)
        assert "unavailable" not in result.output


def test_a_command_that_cannot_load_says_why(monkeypatch):
    monkeypatch.setitem(cli_module.COMMANDS, "broken", "dateline.no_such_module:thing")
    result = CliRunner().invoke(cli_module.cli, ["broken"], obj={"debug": False})
    assert result.exit_code == 1
    assert "'broken' is not available in this installation" in result.output
    assert "no_such_module" in result.output


def test_demo_uses_its_own_store_never_the_users(tmp_path, monkeypatch):
    monkeypatch.setenv("DATELINE_HOME", str(tmp_path))
    monkeypatch.delenv("DATELINE_DB", raising=False)
    result = CliRunner().invoke(cli_module.cli, ["demo"], obj={"debug": False})
    assert result.exit_code == 0, result.output
    assert (tmp_path / "demo.db").exists()
    assert not (tmp_path / "dateline.db").exists()
    assert "Pakistan" in result.stdout and "Russia" in result.stdout
    demo = tmp_path / "demo.db"
    assert f"dateline timeline PAK RUS --db {demo}" in result.stderr
    # without --db the read commands find no default store, and say where the demo store is
    for args in (["timeline", "PAK", "RUS"], ["events"]):
        later = CliRunner().invoke(cli_module.cli, args, obj={"debug": False})
        assert later.exit_code == 1 and f"add --db {demo}" in later.output, later.output
        assert not (tmp_path / "dateline.db").exists()
    shown = CliRunner().invoke(cli_module.cli, ["timeline", "PAK", "RUS", "--db", str(demo)], obj={"debug": False})
    assert shown.exit_code == 0 and "Pakistan" in shown.stdout


def test_serve_refuses_a_named_store_that_does_not_exist(tmp_path):
    missing = tmp_path / "typo.db"
    result = CliRunner().invoke(cli_module.cli, ["serve", "--db", str(missing)], obj={"debug": False})
    assert result.exit_code == 1
    assert "no store at" in result.output
    assert not missing.exists()


def test_piped_tables_are_wide_enough_to_read(monkeypatch):
    from dateline.commands.console import PIPED_WIDTH, make_console

    monkeypatch.delenv("COLUMNS", raising=False)
    assert make_console().width == PIPED_WIDTH  # pytest captures stdout: not a terminal
    monkeypatch.setenv("COLUMNS", "100")
    assert make_console().width == 100
