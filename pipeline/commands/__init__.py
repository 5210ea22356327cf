"""Sub-commands of `congvan`; each module has add_parser(subparsers) and sets args.func."""
