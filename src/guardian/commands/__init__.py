"""The subcommands of `guardian`; `guardian.cli` parses and dispatches."""
