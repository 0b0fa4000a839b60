"""The ground floor every layer stands on: settings, errors, metrics, tracing, job progress.

Nothing here imports another package of ours, so any layer may import it without an arrow
running back up the data path.
"""
