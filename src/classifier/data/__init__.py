"""The labelled corpus: its schema, reading it, checking it, splitting it."""
