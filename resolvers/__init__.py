"""Step 2 of the data path: thin resolvers.

The per-request Context and its dataloaders; resolvers return records, never schema types.
"""
