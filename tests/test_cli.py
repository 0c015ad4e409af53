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
