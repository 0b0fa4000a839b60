"""Step 3 of the data path: note search.

The OpenSearch backend, the embedded backend, and the indexer draining the outbox.
"""
