"""The `congvan` command: one sub-command per module in pipeline/commands."""
from __future__ import annotations

import argparse
import importlib
import sys

COMMANDS = ("extract", "run", "search", "obligations", "cites")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="congvan", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        importlib.import_module(f"pipeline.commands.{name}").add_parser(sub)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("congvan: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
