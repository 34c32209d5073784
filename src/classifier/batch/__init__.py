"""Batch classification of archives: chunks, checkpoints, engines, progress, report."""
