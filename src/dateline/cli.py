"""The `dateline` command. Subcommands live beside the code they drive and load only when used,
so `dateline --help` stays fast and a broken optional area never breaks `extract`."""
from __future__ import annotations

import importlib
import sys

import click

# name -> "module:attribute" of a click command
COMMANDS = {
    "extract": "dateline.commands.extract:extract",
    "demo": "dateline.commands.extract:demo",
    "ingest": "dateline.store.commands:ingest",
    "events": "dateline.store.commands:events",
    "show": "dateline.commands.show:show",
    "export": "dateline.store.commands:export",
    "status": "dateline.store.commands:status",
    "timeline": "dateline.analysis.commands:timeline",
    "file": "dateline.analysis.registers.commands:file_command",
    "brief": "dateline.analysis.registers.commands:brief_command",
    "panel": "dateline.commands.panel:panel",
    "serve": "dateline.web.commands:serve",
    "evaluate": "dateline.evaluate.commands:evaluate",
    "knowledge": "dateline.knowledge.commands:knowledge",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module, attr = target.split(":")
        try:
            return getattr(importlib.import_module(module), attr)
        except (ImportError, AttributeError) as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            reason = str(exc)  # ``exc`` is unbound once the except block ends

            @click.command(name=name, help=f"(unavailable: {reason})")
            def unavailable() -> None:
                raise click.ClickException(f"'{name}' is not available in this installation: {reason}")
            return unavailable


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show full tracebacks for errors.")
@click.version_option(package_name="dateline")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """dateline: news articles -> traceable political event data (PLOVER/CAMEO) and dyad views."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def main() -> None:
    debug = "--debug" in sys.argv[1:]
    try:
        cli(obj={"debug": debug})
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # the last line of defence: one clear line unless --debug
        if debug:
            raise
        click.echo(f"error: {exc.__class__.__name__}: {exc} (run with --debug for details)", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
