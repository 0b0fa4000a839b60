"""The ground floor: settings, the error hierarchy and metrics that every layer stands on.

Nothing here imports another package of ours, so any layer may import it without an arrow
running back up the data path.
"""
