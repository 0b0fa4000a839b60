"""Step 3 of the data path: the native store we own.

Models, sessions, and the writes that commit with their audit and outbox rows.
"""
