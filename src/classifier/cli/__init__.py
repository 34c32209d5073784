"""The ``paradip`` command line: one module per command, each a thin wrapper."""

from classifier.cli.app import app

__all__ = ["app"]
