"""Errors of the analysis package, importable without loading the model
code (the CLI catches them on every command)."""


class ModelError(Exception):
    """The model files are missing, damaged or made for another version."""
