"""``python -m classifier`` runs the ``paradip`` command line."""

from classifier.cli import app

app(prog_name="paradip")
