"""Step 3 of the data path: the native store we own — models, sessions, and the write operations that commit with their audit and outbox rows."""
