"""Tests mirroring the tree; they run against real PostgreSQL, OpenSearch and HTTP services."""
